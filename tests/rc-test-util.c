/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-test-util.c - helpers the core tests and benchmarks share. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rc-test-util.h"

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

char *
rc_test_plan_text (RcStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = rc_store_list (store, RC_DAY_INVALID, RC_DAY_INVALID, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      RcEntry *e = all->pdata[i];
      g_autofree char *day = rc_day_to_iso (e->day);

      g_ptr_array_add (lines, g_strdup_printf ("%s %d %d/%d %d %s|%s|%d", day, e->time, e->kind, e->massage,
                                               e->minutes, e->title, e->notes ? e->notes : "", e->status));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

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

/* A new temporary folder named after the program. */
static char *
program_tmp_dir (void)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *tmpl = g_strconcat (program, "-XXXXXX", NULL);

  return rc_test_make_tmp_dir (tmpl);
}

void
rc_test_plan_dir_set_up (RcTestPlanDir *plan,
                         gconstpointer  data)
{
  plan->dir = program_tmp_dir ();
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
rc_test_add_with_plan (const char        *path,
                       RcTestPlanDirFunc  func)
{
  g_test_add (path, RcTestPlanDir, NULL, rc_test_plan_dir_set_up, func, rc_test_plan_dir_tear_down);
}

void
rc_test_store_dir_set_up (RcTestStoreDir *f,
                          gconstpointer   data)
{
  f->dir = program_tmp_dir ();
  f->path = g_build_filename (f->dir, "recoverycal.db", NULL);
  f->store = rc_test_open_store (f->dir, "recoverycal.db");
}

void
rc_test_store_dir_tear_down (RcTestStoreDir *f,
                             gconstpointer   data)
{
  g_clear_object (&f->store);
  rc_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
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

void
rc_test_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
}

RcDay
rc_test_day (const char *iso)
{
  RcDay d = rc_day_from_iso (iso);

  g_assert_cmpuint (d, !=, RC_DAY_INVALID);
  return d;
}

gint64
rc_test_add_entry (RcStore    *store,
                   const char *iso,
                   RcKind      kind,
                   const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) entry = rc_entry_new (rc_test_day (iso), kind);

  entry->title = g_strdup (title);
  entry->time = 7 * 60 + 30;
  entry->minutes = 45;
  g_assert_true (rc_store_add (store, entry, &error));
  g_assert_no_error (error);
  return entry->id;
}

gint64
rc_test_add_kind (RcStore    *store,
                  const char *iso,
                  RcKind      kind)
{
  g_autoptr(RcEntry) entry = rc_entry_new (rc_test_day (iso), kind);
  g_autoptr(GError) error = NULL;

  g_assert_true (rc_store_add (store, entry, &error));
  g_assert_no_error (error);
  return entry->id;
}

GPtrArray *
rc_test_list_all (RcStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = rc_store_list (store, RC_DAY_INVALID, RC_DAY_INVALID, &error);

  g_assert_no_error (error);
  g_assert_nonnull (all);
  return all;
}

char *
rc_test_uid_of (RcStore *store,
                gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) entry = rc_store_get (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return g_strdup (entry->uid);
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

int
rc_test_compare_doubles (const void *a,
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
  qsort (v, n, sizeof *v, rc_test_compare_doubles);
  return v[n / 2];
}

#define SCALE_RUNS 21

/* CPU time of this thread, user and system, in ms. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One run of BENCH's work on PLAN: its CPU and wall ms in CPU[RUN] and WALL[RUN];
 * a negative RUN is a warm-up, not kept. */
static void
scale_run (const RcTestScaleBench *bench,
           GPtrArray              *plan,
           RcDay                   first,
           guint                   n_days,
           double                 *cpu,
           double                 *wall,
           int                     run)
{
  double cpu_start = thread_cpu_ms ();
  gint64 wall_start = g_get_monotonic_time ();

  bench->work (plan, first, n_days);
  if (run < 0)
    return;
  cpu[run] = thread_cpu_ms () - cpu_start;
  wall[run] = (g_get_monotonic_time () - wall_start) / 1000.0;
}

int
rc_test_scale_bench_run (const RcTestScaleBench *bench,
                         GPtrArray              *small,
                         GPtrArray              *large,
                         RcDay                   first)
{
  double small_cpu[SCALE_RUNS], small_wall[SCALE_RUNS], large_cpu[SCALE_RUNS], large_wall[SCALE_RUNS];
  guint large_days = bench->small_days * bench->scale;
  double small_ms, large_ms, ratio;
  gboolean ok;

  for (int run = -1; run < SCALE_RUNS; run++)
    {
      scale_run (bench, small, first, bench->small_days, small_cpu, small_wall, run);
      scale_run (bench, large, first, large_days, large_cpu, large_wall, run);
    }
  small_ms = rc_test_median (small_cpu, SCALE_RUNS);
  large_ms = rc_test_median (large_cpu, SCALE_RUNS);
  ratio = large_ms / MAX (small_ms, 0.001);
  ok = small_ms < bench->small_target_ms && ratio <= bench->scale_target;

  printf ("%s: %u days, %u entries: %.3f ms CPU (wall %.3f ms), medians of %d; target < %.0f ms\n",
          bench->name, bench->small_days, bench->small_entries, small_ms,
          rc_test_median (small_wall, SCALE_RUNS), SCALE_RUNS, bench->small_target_ms);
  printf ("%s: %u days, %u entries: %.3f ms CPU (wall %.3f ms), medians of %d; %.2fx the time, target <= %.0fx\n",
          bench->name, large_days, bench->small_entries * bench->scale, large_ms,
          rc_test_median (large_wall, SCALE_RUNS), SCALE_RUNS, ratio, bench->scale_target);
  printf ("%s\n", ok ? "PASS" : "FAIL: a speed target was missed");
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

GPtrArray *
rc_test_random_plan (GRand           *rand,
                     RcDay            first,
                     guint            n_days,
                     guint            n_entries,
                     RcTestPlanFlags  flags)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);

  for (guint i = 0; i < n_entries; i++)
    {
      RcKind kind = (RcKind) g_rand_int_range (rand, 0, RC_N_KINDS);
      gboolean day_of_its_own = (flags & RC_TEST_PLAN_EVERY_DAY) && i < n_days;
      RcDay day = first + (day_of_its_own ? i : (RcDay) g_rand_int_range (rand, 0, (gint32) n_days));
      RcEntry *e = rc_entry_new (day, kind);

      e->id = i + 1;
      e->rpe = g_rand_int_range (rand, 1, 11);
      if (flags & RC_TEST_PLAN_STATUS)
        {
          e->status = (RcStatus) g_rand_int_range (rand, 0, RC_N_STATUSES);
          if (e->status == RC_STATUS_DONE)
            e->done_minutes = g_rand_int_range (rand, 1, 181);
        }
      e->time = g_rand_boolean (rand) ? RC_NONE : g_rand_int_range (rand, 0, 24 * 60);
      g_ptr_array_add (plan, e);
    }
  return plan;
}

int
rc_test_scale_bench_random (const RcTestScaleBench *bench,
                            RcDay                   first,
                            RcTestPlanFlags         flags)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) small = rc_test_random_plan (rand, first, bench->small_days,
                                                    bench->small_entries, flags);
  g_autoptr(GPtrArray) large = rc_test_random_plan (rand, first, bench->small_days * bench->scale,
                                                    bench->small_entries * bench->scale, flags);

  return rc_test_scale_bench_run (bench, small, large, first);
}

long
rc_test_vm_hwm_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

void
rc_test_add_with_store (const char         *path,
                        RcTestStoreDirFunc  func)
{
  g_test_add (path, RcTestStoreDir, NULL, rc_test_store_dir_set_up, func, rc_test_store_dir_tear_down);
}
