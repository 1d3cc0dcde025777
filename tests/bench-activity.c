/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-activity.c - activity import's targets: a 50 MB GPX (500,000 points)
 * in under 1 s and under 30 MB of peak memory above the baseline; 1,000
 * small files in under 2 s. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <string.h>

#include "rc-activity-import.h"
#include "rc-test-util.h"

#define N_BIG_POINTS  500000
#define N_SMALL_FILES 1000
#define TARGET_BIG_MS    1000.0
#define TARGET_BIG_KB    (30 * 1024)
#define TARGET_SMALL_MS  2000.0

/* user + system CPU time of this process so far: on a machine that other
 * work shares, the wall clock measures the others too. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* A GPX as a watch writes it, one point every 0.1 s, streamed to PATH. */
static void
write_gpx (const char *path,
           gint64      start,
           guint       n_points)
{
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  fprintf (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<gpx version=\"1.1\" creator=\"bench\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
                " <trk><name>Long run</name><type>running</type><trkseg>\n");
  for (guint i = 0; i < n_points; i++)
    {
      g_autoptr(GDateTime) t = NULL;
      gint64 s = start + i / 10;

      if (i % 10 == 0 || i == 0)
        t = g_date_time_new_from_unix_utc (s);
      /* the date part changes rarely: formatting it each time would time the generator */
      {
        static char stamp[32];
        if (t != NULL)
          {
            g_autofree char *f = g_date_time_format (t, "%Y-%m-%dT%H:%M:%S");
            g_strlcpy (stamp, f, sizeof stamp);
          }
        fprintf (out, "  <trkpt lat=\"%.7f\" lon=\"%.7f\"><ele>%.1f</ele><time>%s.%uZ</time></trkpt>\n",
                 51.5 + i * 1e-6, -0.12 + i * 1e-6, 10.0 + i % 50, stamp, i % 10);
      }
    }
  fprintf (out, " </trkseg></trk>\n</gpx>\n");
  g_assert_cmpint (fclose (out), ==, 0);
}

static gboolean
check (const char *what,
       double      value,
       double      target,
       const char *unit)
{
  gboolean ok = value < target;

  g_print ("%-52s %10.1f %s  (target < %g %s)  %s\n", what, value, unit, target, unit,
           ok ? "ok" : "MISSED");
  return ok;
}

static double
import (RcStore     *store,
        GPtrArray   *paths,
        guint        expect_added)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(RcActivityImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 start;
  double cpu;

  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (paths, i)));
  start = g_get_monotonic_time ();
  cpu = cpu_ms ();
  g_assert_true (rc_activity_import_files (store, (GFile **) files->pdata, NULL, files->len,
                                           &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, expect_added);
  g_print ("%-52s %10.1f ms  (wall clock, for information)\n", "", (g_get_monotonic_time () - start) / 1000.0);
  return cpu_ms () - cpu;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = rc_test_make_tmp_dir ("bench-activity-XXXXXX");
  g_autofree char *big = g_build_filename (dir, "big.gpx", NULL);
  g_autoptr(GPtrArray) bigs = g_ptr_array_new ();
  g_autoptr(GPtrArray) smalls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RcStore) store = rc_test_open_store (dir, "bench.db");
  GStatBuf st;
  long base_kb, peak_kb;
  double big_ms, small_ms;
  gboolean ok = TRUE;

  write_gpx (big, 1796000000, N_BIG_POINTS);
  g_assert_cmpint (g_stat (big, &st), ==, 0);
  g_print ("%-52s %10.1f MB\n", "generated GPX", st.st_size / 1e6);
  for (guint i = 0; i < N_SMALL_FILES; i++)
    {
      char *path = g_strdup_printf ("%s/small-%04u.gpx", dir, i);

      write_gpx (path, 1700000000 + (gint64) i * 86400, 300);
      g_ptr_array_add (smalls, path);
    }

  g_ptr_array_add (bigs, big);
  base_kb = rc_test_vm_hwm_kb ();
  big_ms = import (store, bigs, 1);
  peak_kb = rc_test_vm_hwm_kb ();
  small_ms = import (store, smalls, N_SMALL_FILES);

  ok &= check ("50 MB GPX (500,000 points): parse and import, CPU", big_ms, TARGET_BIG_MS, "ms");
  ok &= check ("  peak memory above the baseline (VmHWM)", peak_kb - base_kb, TARGET_BIG_KB, "kB");
  ok &= check ("1,000 small GPX files: parse and import, CPU", small_ms, TARGET_SMALL_MS, "ms");

  g_clear_object (&store);
  rc_test_remove_tree (dir);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
