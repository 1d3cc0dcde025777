/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-ics.c - exporting 5,000 entries and importing 10,000 events stay
 * fast, and so does taking such an import back (the window's Undo). */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "rc-calendar-model.h"
#include "rc-ics.h"
#include "rc-test-util.h"

#define RUNS            5
#define EXPORT_ENTRIES  5000
#define PLAN_DAYS       3650
G_STATIC_ASSERT (PLAN_DAYS < RC_ICS_MAX_ADVICE_DAYS);
#define EXPORT_TARGET   100.0   /* ms */
#define IMPORT_EVENTS   10000
#define IMPORT_TARGET   500.0   /* ms */
#define UNDO_TARGET     1000.0  /* ms, undo or redo of the import */

/* A plan like a runner's over ten years: a session most days, a massage every ten. */
static void
fill_store (RcStore *store,
            GRand   *rand)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  g_autoptr(GError) error = NULL;
  RcDay first = rc_day_from_iso ("2020-01-06");

  for (guint i = 0; i < EXPORT_ENTRIES; i++)
    {
      RcKind kind = i % 10 == 9 ? RC_KIND_MASSAGE : (RcKind) g_rand_int_range (rand, 0, RC_KIND_MASSAGE);
      /* ten years: a plan the export's advice span (RC_ICS_MAX_ADVICE_DAYS) takes */
      RcEntry *e = rc_entry_new (first + i * PLAN_DAYS / EXPORT_ENTRIES, kind);

      e->time = g_rand_boolean (rand) ? RC_NONE : g_rand_int_range (rand, 5 * 60, 21 * 60);
      e->title = g_strdup_printf ("Session %u, with a title; and notes", i);
      e->notes = i % 3 == 0 ? g_strdup ("Keep it easy on the hills,\nfuel at 40 min") : NULL;
      g_ptr_array_add (plan, e);
    }
  if (!rc_store_import (store, plan, NULL, NULL, &error))
    g_error ("%s", error->message);
}

static char *
make_calendar (GRand *rand)
{
  GString *text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Bench//EN\r\n"
                                "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"
                                "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
                                "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
                                "END:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
                                "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
                                "END:STANDARD\r\nEND:VTIMEZONE\r\n");
  const char *summaries[] = { "Easy run", "Tempo 8k", "Long run", "Intervals 6x800",
                              "parkrun", "Rest day", "Yoga", "Sports massage" };
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2021);
  for (guint i = 0; i < IMPORT_EVENTS; i++)
    {
      int y = g_date_get_year (&date), m = g_date_get_month (&date), d = g_date_get_day (&date);
      int hour = g_rand_int_range (rand, 5, 21);

      g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:bench-%u@example.org\r\n"
                              "DTSTAMP:20261101T000000Z\r\n", i);
      switch (i % 3)
        {
        case 0:
          g_string_append_printf (text, "DTSTART:%04d%02d%02dT%02d3000Z\r\nDURATION:PT45M\r\n", y, m, d, hour);
          break;
        case 1:
          g_string_append_printf (text, "DTSTART;TZID=Europe/Berlin:%04d%02d%02dT%02d0000\r\n"
                                  "DTEND;TZID=Europe/Berlin:%04d%02d%02dT%02d5000\r\n", y, m, d, hour, y, m, d, hour);
          break;
        default:
          g_string_append_printf (text, "DTSTART;VALUE=DATE:%04d%02d%02d\r\n", y, m, d);
          break;
        }
      g_string_append_printf (text, "SUMMARY:%s\r\nDESCRIPTION:Week %u\\, day %u\r\nEND:VEVENT\r\n",
                              summaries[i % G_N_ELEMENTS (summaries)], i / 7, i % 7);
      if (i % 4 == 3)
        g_date_add_days (&date, 1);
    }
  g_string_append (text, "END:VCALENDAR\r\n");
  return g_string_free (text, FALSE);
}

static double
bench_export (const char *dir,
              GRand      *rand)
{
  g_autoptr(RcStore) store = rc_test_open_store (dir, "export.db");
  g_autofree char *path = g_build_filename (dir, "export.ics", NULL);
  double times[RUNS];

  fill_store (store, rand);
  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!rc_ics_export_file (store, path, RC_DAY_INVALID, RC_DAY_INVALID, TRUE, &error))
        g_error ("%s", error->message);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  return rc_test_median (times, RUNS);
}

static double
bench_import (const char *dir,
              GRand      *rand)
{
  g_autofree char *path = g_build_filename (dir, "import.ics", NULL);
  g_autofree char *text = make_calendar (rand);
  g_autoptr(GError) error = NULL;
  double times[RUNS];

  if (!g_file_set_contents (path, text, -1, &error))
    g_error ("%s", error->message);
  for (int run = 0; run < RUNS; run++)
    {
      g_autofree char *name = g_strdup_printf ("import-%d.db", run);
      g_autoptr(RcStore) store = rc_test_open_store (dir, name);
      g_auto(RcIcsImportResult) result = { 0 };
      gint64 start = g_get_monotonic_time ();

      if (!rc_ics_import_file (store, path, &result, &error))
        g_error ("%s", error->message);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      if (result.added != IMPORT_EVENTS)
        g_error ("imported %u of %u events", result.added, IMPORT_EVENTS);
    }
  return rc_test_median (times, RUNS);
}

/* The 10,000 events imported as the window does, then undone and redone
 * RUNS times through the model: each turn is one transaction (one disk
 * sync) and one re-read of the shown week. */
static void
bench_undo (const char *dir,
            GRand      *rand,
            double     *undo_ms,
            double     *redo_ms)
{
  g_autofree char *path = g_build_filename (dir, "undo.ics", NULL);
  g_autofree char *text = make_calendar (rand);
  g_autoptr(RcStore) store = rc_test_open_store (dir, "undo.db");
  g_autoptr(RcCalendarModel) model = rc_calendar_model_new (store);
  g_auto(RcIcsImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  double undos[RUNS], redos[RUNS];

  if (!g_file_set_contents (path, text, -1, &error) ||
      !rc_ics_import_file (store, path, &result, &error))
    g_error ("%s", error->message);
  if (result.changes->len != IMPORT_EVENTS)
    g_error ("an undo batch of %u steps for %u events", result.changes->len, IMPORT_EVENTS);
  rc_calendar_model_set_range (model, rc_day_from_iso ("2021-06-07"), rc_day_from_iso ("2021-06-13"));
  rc_undo_stack_push_batch (rc_calendar_model_get_undo_stack (model), g_steal_pointer (&result.changes));
  for (int run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!rc_calendar_model_undo (model, &error))
        g_error ("%s", error->message);
      undos[run] = (g_get_monotonic_time () - start) / 1000.0;
      start = g_get_monotonic_time ();
      if (!rc_calendar_model_redo (model, &error))
        g_error ("%s", error->message);
      redos[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  *undo_ms = rc_test_median (undos, RUNS);
  *redo_ms = rc_test_median (redos, RUNS);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rc-bench-ics-XXXXXX", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  double export_ms, import_ms, undo_ms, redo_ms;
  gboolean ok;

  if (dir == NULL)
    g_error ("%s", error->message);
  export_ms = bench_export (dir, rand);
  import_ms = bench_import (dir, rand);
  bench_undo (dir, rand, &undo_ms, &redo_ms);
  rc_test_remove_tree (dir);

  printf ("export of %d entries (with ideal days): %.1f ms (target < %.0f ms)\n",
          EXPORT_ENTRIES, export_ms, EXPORT_TARGET);
  printf ("import of %d events into an empty store: %.1f ms (target < %.0f ms)\n",
          IMPORT_EVENTS, import_ms, IMPORT_TARGET);
  printf ("undo of that import in the model: %.1f ms, redo: %.1f ms (target < %.0f ms)\n",
          undo_ms, redo_ms, UNDO_TARGET);
  ok = export_ms < EXPORT_TARGET && import_ms < IMPORT_TARGET &&
       undo_ms < UNDO_TARGET && redo_ms < UNDO_TARGET;
  if (!ok)
    printf ("MISSED a speed target\n");
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
