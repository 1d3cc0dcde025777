/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-test-util.c - helpers the core tests and benchmarks share. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "rc-test-util.h"

char *
rc_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
rc_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          /* a test may have taken away the rights to list or empty it */
          g_chmod (child, 0700);
          rc_test_remove_tree (child);
        }
      else
        g_remove (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

void
rc_test_plan_dir_set_up (RcTestPlanDir *plan,
                         gconstpointer  data)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *tmpl = g_strconcat (program, "-XXXXXX", NULL);

  plan->dir = rc_test_make_tmp_dir (tmpl);
  plan->db = g_build_filename (plan->dir, "plan.db", NULL);
}

void
rc_test_plan_dir_tear_down (RcTestPlanDir *plan,
                            gconstpointer  data)
{
  rc_test_remove_tree (plan->dir);
  g_clear_pointer (&plan->dir, g_free);
  g_clear_pointer (&plan->db, g_free);
}

void
rc_test_run_clear (RcTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* The bytes as a string, whatever their encoding: tests look at raw output. */
static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  return g_strndup (data != NULL ? data : "", size);
}

void
rc_test_run_cli (const char         *db,
                 const char * const *args,
                 const char * const *env,
                 const char         *input,
                 RcTestRun          *run)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) in = g_bytes_new (input, input != NULL ? strlen (input) : 0);
  g_autoptr(GBytes) out = NULL, err = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (g_getenv ("RECOVERYCAL"));
  g_ptr_array_add (argv, (char *) g_getenv ("RECOVERYCAL"));
  if (db != NULL)
    {
      g_ptr_array_add (argv, (char *) "--db");
      g_ptr_array_add (argv, (char *) db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    if (env[i + 1] != NULL)
      g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
    else
      g_subprocess_launcher_unsetenv (launcher, env[i]);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, in, NULL, &out, &err, &error);
  g_assert_no_error (error);
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);
  run->status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
}

RcStore *
rc_test_open_store (const char *dir,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  RcStore *store = rc_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

RcDay
rc_test_day (const char *iso)
{
  RcDay d = rc_day_from_iso (iso);

  g_assert_cmpuint (d, !=, RC_DAY_INVALID);
  return d;
}

RcKind
rc_test_kind_cycle (guint i)
{
  static const RcKind kinds[] = {
    RC_KIND_EASY, RC_KIND_LONG, RC_KIND_TEMPO, RC_KIND_INTERVALS, RC_KIND_REST,
    RC_KIND_CROSS, RC_KIND_RACE, RC_KIND_MASSAGE,
  };

  return kinds[i % G_N_ELEMENTS (kinds)];
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
rc_test_median (double *v,
                gsize   n)
{
  g_assert (n > 0);
  qsort (v, n, sizeof *v, compare_doubles);
  return v[n / 2];
}
