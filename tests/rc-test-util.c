/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-test-util.c - helpers the core tests and benchmarks share. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

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
