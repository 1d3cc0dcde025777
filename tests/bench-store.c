/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-store.c - the store's speed targets: drag-and-drop writes, bulk import, month queries. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "rc-store.h"
#include "rc-test-util.h"

#define N_STORE     5000      /* a 10-year plan */
#define N_IMPORT    10000
#define N_WRITES    400
#define N_QUERIES   2000

#define TARGET_WRITE_MS   2.0
#define TARGET_IMPORT_MS  300.0
#define TARGET_QUERY_MS   1.0

static RcEntry *
make_entry (RcDay day,
            guint i)
{
  RcEntry *e = rc_entry_new (day, rc_test_kind_cycle (i));

  e->title = g_strdup_printf ("Session %u — Läufer", i);
  if (i % 3 == 0)
    e->time = (6 * 60 + (int) (i % 14) * 60) % (24 * 60);
  if (i % 4 == 0)
    e->notes = g_strdup ("felt good; calves a little tight after the hills");
  return e;
}

static GPtrArray *
make_plan (RcDay first,
           guint n,
           guint span)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (entries, make_entry (first + (i * 7919u) % span, i));
  return entries;
}

static double
median_ms (GArray *samples)
{
  return rc_test_median ((double *) samples->data, samples->len);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean
report (const char *what,
        double      ms,
        double      target)
{
  gboolean ok = ms < target;

  g_print ("%-44s %9.3f ms  (target < %g ms)  %s\n", what, ms, target, ok ? "ok" : "MISSED");
  return ok;
}

static void
fill (RcStore   *store,
      GPtrArray *plan)
{
  g_autoptr(GError) error = NULL;

  if (!rc_store_import (store, plan, NULL, NULL, &error))
    g_error ("%s", error->message);
}

/* Median of one add, one move and one delete, each committed. */
static gboolean
bench_writes (RcStore *store,
              RcDay    first)
{
  g_autoptr(GArray) add = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) move = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) del = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < N_WRITES; i++)
    {
      g_autoptr(RcEntry) e = make_entry (first + g_random_int_range (0, 3650), i);
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!rc_store_add (store, e, &error))
        g_error ("%s", error->message);
      ms = elapsed_ms (start);
      g_array_append_val (add, ms);
      g_array_append_val (ids, e->id);
    }
  for (guint i = 0; i < N_WRITES; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!rc_store_move (store, g_array_index (ids, gint64, i),
                          first + g_random_int_range (0, 3650), &error))
        g_error ("%s", error->message);
      ms = elapsed_ms (start);
      g_array_append_val (move, ms);
    }
  for (guint i = 0; i < N_WRITES; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!rc_store_delete (store, g_array_index (ids, gint64, i), &error))
        g_error ("%s", error->message);
      ms = elapsed_ms (start);
      g_array_append_val (del, ms);
    }
  ok &= report ("add one entry, committed (median)", median_ms (add), TARGET_WRITE_MS);
  ok &= report ("move one entry, committed (median)", median_ms (move), TARGET_WRITE_MS);
  ok &= report ("delete one entry, committed (median)", median_ms (del), TARGET_WRITE_MS);
  return ok;
}

static gboolean
bench_query (RcStore *store,
             RcDay    first)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  guint found = 0;

  for (guint i = 0; i < N_QUERIES; i++)
    {
      RcDay from = first + g_random_int_range (0, 3650 - 31);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) month = rc_store_list (store, from, from + 30, &error);
      double ms = elapsed_ms (start);

      if (month == NULL)
        g_error ("%s", error->message);
      found += month->len;
      g_array_append_val (samples, ms);
    }
  g_print ("(%.1f entries a month on average)\n", (double) found / N_QUERIES);
  return report ("one-month range query, 10-year store (median)", median_ms (samples),
                 TARGET_QUERY_MS);
}

/* No target: the CLI opens the store (and checks it) on every command. */
static void
bench_open (const char *dir)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 20; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(RcStore) store = rc_test_open_store (dir, "plan.db");
      double ms = elapsed_ms (start);

      (void) store;   /* open while timed, closed at the end of the turn */

      g_array_append_val (samples, ms);
    }
  g_print ("%-44s %9.3f ms\n", "open and check the 10-year store (median)", median_ms (samples));
}

/* Median of three imports, each into a fresh store. The entries carry UIDs,
 * as from an .ics file: each is looked up before it is added. */
static gboolean
bench_import (const char *dir,
              RcDay       first)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *name = g_strdup_printf ("import-%u.db", round);
      g_autoptr(RcStore) store = rc_test_open_store (dir, name);
      g_autoptr(GPtrArray) plan = make_plan (first, N_IMPORT, 3650);
      g_autoptr(GError) error = NULL;
      guint added = 0;
      gint64 start;
      double ms;

      for (guint i = 0; i < plan->len; i++)
        {
          RcEntry *e = g_ptr_array_index (plan, i);
          e->uid = g_strdup_printf ("%u-%u@example.org", i, round);
        }
      start = g_get_monotonic_time ();
      if (!rc_store_import (store, plan, &added, NULL, &error))
        g_error ("%s", error->message);
      ms = elapsed_ms (start);
      g_assert_cmpuint (added, ==, N_IMPORT);
      g_array_append_val (samples, ms);
    }
  return report ("bulk import of 10,000 entries (median of 3)", median_ms (samples),
                 TARGET_IMPORT_MS);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(RcStore) store = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  RcDay first = rc_day_from_iso ("2020-01-01");
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  g_random_set_seed (20261208);
  dir = rc_test_make_tmp_dir ("rc-bench-store-XXXXXX");

  store = rc_test_open_store (dir, "plan.db");
  plan = make_plan (first, N_STORE, 3650);
  fill (store, plan);
  g_print ("store: %u entries over 10 years, WAL, synchronous=FULL\n", N_STORE);

  ok &= bench_writes (store, first);
  ok &= bench_query (store, first);
  g_clear_object (&store);
  bench_open (dir);
  ok &= bench_import (dir, first);

  rc_test_remove_tree (dir);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
