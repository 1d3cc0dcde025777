/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-cli.c - a command-line call must feel instant: a year of advice as JSON
 * from a 10-year, 5,000-entry store, timed wall clock from exec to exit. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "rc-store.h"
#include "rc-test-util.h"

#define N_ENTRIES  5000
#define N_RUNS     21
#define TARGET_MS  50.0

static void
fill_store (const char *path,
            RcDay       first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcStore) store = rc_store_open (path, &error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  guint added = 0, updated = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      RcEntry *e = rc_entry_new (first + (i * 7919u) % 3653, rc_test_kind_cycle (i));

      e->title = g_strdup_printf ("Session %u", i);
      g_ptr_array_add (entries, e);
    }
  rc_store_import (store, entries, &added, &updated, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, N_ENTRIES);
}

int
main (int   argc,
      char *argv[])
{
  const char *binary = g_getenv ("RECOVERYCAL");
  g_autofree char *dir = rc_test_make_tmp_dir ("bench-cli-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "plan.db", NULL);
  RcDay first = rc_day_from_iso ("2021-01-04");
  double ms[N_RUNS];
  double median;
  gsize out_len = 0;

  setlocale (LC_ALL, "");
  g_assert_nonnull (binary);
  fill_store (db, first);

  for (guint i = 0; i < N_RUNS; i++)
    {
      const char *args[] = { binary, "--db", db, "advise", "2025-06-02", "--to", "2026-06-02",
                             "--json", NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      int status = -1;

      g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &out, NULL, &status, &error);
      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      out_len = strlen (out);
    }
  median = rc_test_median (ms, N_RUNS);

  g_print ("cli: advise 366 days --json, 5000-entry store: %.1f ms wall (median of %d; min %.1f, max %.1f), "
           "%" G_GSIZE_FORMAT " bytes; target < %.0f ms\n",
           median, N_RUNS, ms[0], ms[N_RUNS - 1], out_len, TARGET_MS);

  rc_test_remove_tree (dir);
  return median < TARGET_MS ? EXIT_SUCCESS : EXIT_FAILURE;
}
