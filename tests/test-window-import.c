/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-import.c - activity files dropped on the window: stored in one
 * go, shown, and taken back by one Undo (then redone by one Redo). The drop
 * target gets a GdkFileList value, as a file manager's drop delivers it.
 * An .ics import is one step of the history too: Ctrl+Z takes back what it
 * added and updated. A slow .ics import runs beside a responsive window and
 * its toast's Cancel stops it in the middle of libical's parse, before it
 * writes. */

#include "config.h"

#include "rc-ics.h"
#include "rc-ics-private.h"
#include "rc-import-task.h"
#include "rc-window-import.h"
#include "rc-window-private.h"
#include "window-fixture.h"

static gboolean imported;

static void
on_imported (RcWindow *window,
             gpointer  data)
{
  imported = TRUE;
}

static gboolean
is_imported (gpointer data)
{
  return imported;
}

static gboolean
drop_files (WindowFixture *fixture,
            const char    *first,
            ...)
{
  g_autoptr(GSList) files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "activities", name, NULL);

      files = g_slist_append (files, g_file_new_for_path (path));
    }
  va_end (args);
  imported = FALSE;
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (rc_window_import_get_drop_target (fixture->window), "drop",
                         &value, 300.0, 300.0, &accepted);
  g_value_unset (&value);
  g_slist_free_full (g_steal_pointer (&files), g_object_unref);
  if (accepted)
    fixture_wait_until (is_imported, NULL, 20);
  return accepted;
}

/* "DATE KIND STATUS DONE" for each entry of the store, as the CLI sees it. */
static char *
rows (WindowFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = rc_store_list (fixture->other, RC_DAY_INVALID, RC_DAY_INVALID, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      const RcEntry *e = all->pdata[i];
      g_autofree char *iso = rc_day_to_iso (e->day);

      g_string_append_printf (out, "%s %s %s %d\n", iso, rc_kind_to_string (e->kind),
                              rc_status_to_string (e->status), e->done_minutes);
    }
  return g_string_free (out, FALSE);
}

static void
activate (WindowFixture *fixture,
          const char    *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  fixture_settle (400);
}

/* Run under TZ=Europe/London (meson.build): the Garmin run is on 8 Dec. */
static void
test_drop_undo_redo (WindowFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(RcEntry) tempo = rc_entry_new (rc_test_day ("2026-12-08"), RC_KIND_TEMPO);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  RcWindow *window = fixture->window;

  g_signal_connect (window, "activities-imported", G_CALLBACK (on_imported), NULL);
  tempo->minutes = 50;
  g_assert_true (rc_store_add (fixture->other, tempo, &error));
  rc_calendar_model_refresh (window->model);
  before = rows (fixture);

  g_assert_true (drop_files (fixture, "garmin-laps.tcx", "cycling.tcx", "kml.gpx", NULL));
  after = rows (fixture);
  g_assert_cmpstr (after, ==, "2026-12-08 tempo done 45\n"
                              "2026-12-12 cross done 120\n");
  /* the window shows it at once, and offers to take it back */
  g_assert_nonnull (rc_calendar_model_lookup (window->model, tempo->id));
  g_assert_cmpint (rc_calendar_model_lookup (window->model, tempo->id)->status, ==, RC_STATUS_DONE);
  g_assert_nonnull (window->undo_toast);
  g_assert_cmpstr (adw_toast_get_title (window->undo_toast), ==,
                   "Activities — added: 1, matched: 1, skipped: 1");
  g_assert_cmpint (rc_undo_stack_peek_undo (rc_calendar_model_get_undo_stack (window->model))->type,
                   ==, RC_COMMAND_BATCH);

  /* the toast's Undo: one step takes the whole import back */
  activate (fixture, adw_toast_get_action_name (window->undo_toast));
  undone = rows (fixture);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (rc_undo_stack_can_undo (rc_calendar_model_get_undo_stack (window->model)));
  activate (fixture, "win.redo");
  redone = rows (fixture);
  g_assert_cmpstr (redone, ==, after);

  /* the same files again change nothing and offer no Undo */
  g_assert_true (drop_files (fixture, "garmin-laps.tcx.gz", "cycling.tcx", NULL));
  again = rows (fixture);
  g_assert_cmpstr (again, ==, after);

  /* undone, then imported again: matched again */
  activate (fixture, "win.undo");
  g_free (undone);
  undone = rows (fixture);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (drop_files (fixture, "garmin-laps.tcx", NULL));
  g_free (again);
  again = rows (fixture);
  g_assert_cmpstr (again, ==, "2026-12-08 tempo done 45\n");
}

/* ---- a slow .ics import, cancelled -------------------------------------- */

#define BIG_EVENTS 19000   /* under RC_ICS_MAX_EVENTS, and twice that entries */

/* Near the 20 MB cap: every event in a zone of the file's own, recurring
 * twice, with a long folded description, so that reading it takes the
 * worker a good second of CPU, more than a click needs. */
static char *
write_big_ics (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first = g_date_time_new_utc (2027, 1, 4, 0, 0, 0);
  GString *ics = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RecoveryCal tests//big//EN\r\n"
                               "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"
                               "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
                               "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                               "END:DAYLIGHT\r\n"
                               "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
                               "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                               "END:STANDARD\r\nEND:VTIMEZONE\r\n");
  char *path = g_build_filename (dir, "big.ics", NULL);

  for (guint i = 0; i < BIG_EVENTS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, (int) (i % 600));
      g_autofree char *date = g_date_time_format (day, "%Y%m%d");

      g_string_append_printf (ics, "BEGIN:VEVENT\r\nUID:big-%u@tests.example\r\n"
                              "DTSTAMP:20261201T000000Z\r\n"
                              "DTSTART;TZID=Europe/Berlin:%sT%02u%02u00\r\nDURATION:PT45M\r\n"
                              "RRULE:FREQ=WEEKLY;COUNT=2\r\nSUMMARY:Easy run %u\r\nDESCRIPTION:",
                              i, date, 6 + i % 12, i % 60, i);
      for (guint line = 0; line < 10; line++)
        g_string_append (ics, "Steady easy run at a conversational pace, then strides. \r\n ");
      g_string_append (ics, "End.\r\nEND:VEVENT\r\n");
    }
  g_string_append (ics, "END:VCALENDAR\r\n");
  g_assert_cmpuint (ics->len, <, RC_ICS_MAX_FILE_SIZE);
  g_assert_true (g_file_set_contents (path, ics->str, (gssize) ics->len, &error));
  g_assert_no_error (error);
  g_string_free (ics, TRUE);
  return path;
}

/* The mapped button labelled LABEL under ROOT, or NULL. */
static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
cancel_shown (gpointer data)
{
  RcWindow *window = data;

  return fixture_find (GTK_WIDGET (window->toasts), is_button_labelled, "_Cancel") != NULL;
}

/* The toast that tells how the import ended: cancelled, or what it added. */
static gboolean
import_ended (gpointer data)
{
  RcWindow *window = data;

  return fixture_find_label (GTK_WIDGET (window->toasts), "cancelled") != NULL ||
         fixture_find_label (GTK_WIDGET (window->toasts), "big.ics:") != NULL;
}

/* The worker, held at a cancellation check deep inside libical's parse of
 * the file until the Cancel is clicked: the click then surely comes while
 * the parse is under way, however fast or slow the machine. */
#define PARK_AT_CHECK 100   /* of the parse's: 25,600 of the file's 320,000 lines */

typedef struct {
  guint parse_checks;   /* the worker's alone */
  gint  parked;         /* atomic: the worker waits at the check */
  gint  checks_after;   /* atomic: checks made after the cancel */
} ParseWatch;

static void
park_in_parse (RcIcsStage    stage,
               GCancellable *cancellable,
               gpointer      data)
{
  ParseWatch *watch = data;

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_atomic_int_inc (&watch->checks_after);
      return;
    }
  if (stage != RC_ICS_STAGE_PARSE || ++watch->parse_checks != PARK_AT_CHECK)
    return;
  g_atomic_int_set (&watch->parked, 1);
  /* a minute at most: a Cancel that never comes fails the test, not hangs it */
  for (guint i = 0; i < 60000 && !g_cancellable_is_cancelled (cancellable); i++)
    g_usleep (1000);
}

static gboolean
worker_parked (gpointer data)
{
  ParseWatch *watch = data;

  return g_atomic_int_get (&watch->parked);
}

/* The longest wait between two turns of the main loop, while it runs. */
typedef struct {
  gint64 last;
  gint64 longest;
} Ticks;

static gboolean
on_tick (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

static guint
count_entries (WindowFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = rc_store_list (fixture->other, RC_DAY_INVALID, RC_DAY_INVALID, &error);

  g_assert_no_error (error);
  return all->len;
}

static void
test_ics_import_cancel (WindowFixture *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_big_ics (fixture->dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = rows (fixture);
  g_autofree char *after = NULL;
  RcWindow *window = fixture->window;
  Ticks ticks = { g_get_monotonic_time (), 0 };
  ParseWatch watch = { 0 };
  gint64 start, took;
  guint tick_id;

  g_assert_cmpuint (count_entries (fixture), >, 0);
  rc_ics_set_check_hook (park_in_parse, &watch);
  tick_id = g_timeout_add (20, on_tick, &ticks);
  start = g_get_monotonic_time ();
  rc_import_task_start (window, file);

  /* the progress toast, slid in where a pointer can reach its Cancel, the
   * worker inside the parse, then a real click on that button */
  fixture_wait_until (cancel_shown, window, 10);
  fixture_wait_until (worker_parked, &watch, 60);
  fixture_settle (400);
  g_assert_false (import_ended (window));
  fixture_click (fixture_find (GTK_WIDGET (window->toasts), is_button_labelled, "_Cancel"), 1);

  fixture_wait_until (import_ended, window, 120);
  took = g_get_monotonic_time () - start;
  g_source_remove (tick_id);
  rc_ics_set_check_hook (NULL, NULL);
  /* the parse stopped at the check it was held at: not one line more */
  g_assert_cmpint (g_atomic_int_get (&watch.checks_after), ==, 0);
  g_test_message ("import ended after %.2f s; the main loop never waited more than %.2f s",
                  took / 1e6, ticks.longest / 1e6);
  g_assert_nonnull (fixture_find_label (GTK_WIDGET (window->toasts),
                                        "Import of “big.ics” cancelled: nothing was changed"));
  after = rows (fixture);
  g_assert_cmpstr (after, ==, before);
  /* the window kept answering while the file was read: on the main
   * thread the read alone would have held it for most of the import */
  g_assert_cmpint (ticks.longest, <, took / 2);
  fixture_settle (400);
}

/* ---- an .ics import, undone and redone ----------------------------------- */

static gboolean
small_import_ended (gpointer data)
{
  RcWindow *window = data;

  return fixture_find_label (GTK_WIDGET (window->toasts), "small.ics:") != NULL;
}

/* DAY as an iCalendar DATE, "20261208". */
static char *
ics_date (RcDay day)
{
  g_autofree char *iso = rc_day_to_iso (day);
  g_auto(GStrv) parts = g_strsplit (iso, "-", -1);

  return g_strjoinv ("", parts);
}

/* The kinds of DAY's entries as the window's model has them, "tempo long". */
static char *
shown_kinds (RcWindow *window,
             RcDay     day)
{
  guint n = 0;
  const RcEntry * const *entries = rc_calendar_model_get_entries (window->model, day, &n);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", rc_kind_to_string (entries[i]->kind));
  return g_string_free (out, FALSE);
}

/* The store as rows () tells it is EXPECTED. */
static void
assert_rows (WindowFixture *fixture,
             const char    *expected)
{
  g_autofree char *now = rows (fixture);

  g_assert_cmpstr (now, ==, expected);
}

/* DAY shows entries of KINDS ("long easy") in the window's model. */
static void
assert_shown (RcWindow   *window,
              RcDay       day,
              const char *kinds)
{
  g_autofree char *shown = shown_kinds (window, day);

  g_assert_cmpstr (shown, ==, kinds);
}

/* A file that updates one planned session (same UID, another kind) and
 * adds one: Ctrl+Z takes both back in one step, Redo does both again. */
static void
test_ics_import_undo_redo (WindowFixture *fixture,
                           gconstpointer  data)
{
  RcWindow *window = fixture->window;
  RcDay first = rc_calendar_model_get_first (window->model);
  g_autoptr(RcEntry) tempo = rc_entry_new (first + 1, RC_KIND_TEMPO);
  g_autofree char *day1 = ics_date (first + 1);
  g_autofree char *day2 = ics_date (first + 2);
  g_autofree char *path = g_build_filename (fixture->dir, "small.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RcUndoStack *undo = rc_calendar_model_get_undo_stack (window->model);

  tempo->uid = g_strdup ("planned-tempo@tests.example");
  tempo->minutes = 50;
  g_assert_true (rc_store_add (fixture->other, tempo, &error));
  g_assert_no_error (error);
  rc_calendar_model_refresh (window->model);
  before = rows (fixture);
  ics = g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RecoveryCal tests//EN\r\n"
                         "BEGIN:VEVENT\r\nUID:planned-tempo@tests.example\r\nDTSTAMP:20261201T000000Z\r\n"
                         "DTSTART;VALUE=DATE:%s\r\nSUMMARY:Long run\r\nEND:VEVENT\r\n"
                         "BEGIN:VEVENT\r\nUID:new-easy@tests.example\r\nDTSTAMP:20261201T000000Z\r\n"
                         "DTSTART;VALUE=DATE:%s\r\nSUMMARY:Easy run\r\nEND:VEVENT\r\n"
                         "END:VCALENDAR\r\n", day1, day2);
  g_assert_true (g_file_set_contents (path, ics, -1, &error));
  g_assert_no_error (error);

  /* a file this small is imported before its progress toast has slid
   * in: the toast goes once it is in (libadwaita 1.2 crashes otherwise) */
  rc_import_task_start (window, file);
  fixture_wait_until (small_import_ended, window, 30);
  fixture_settle (400);
  after = rows (fixture);
  g_assert_nonnull (strstr (after, "long planned"));
  g_assert_nonnull (strstr (after, "easy planned"));
  assert_shown (window, first + 1, "long");
  assert_shown (window, first + 2, "easy");
  /* one step of the history, which the toast offers to take back */
  g_assert_nonnull (window->undo_toast);
  g_assert_nonnull (strstr (adw_toast_get_title (window->undo_toast), "small.ics"));
  g_assert_cmpint (rc_undo_stack_peek_undo (undo)->type, ==, RC_COMMAND_BATCH);

  /* Ctrl+Z: the added session gone, the updated one back, store and view */
  gtk_window_present (GTK_WINDOW (window));
  fixture_settle (200);
  fixture_key (GTK_WIDGET (window), "ctrl+z");
  fixture_settle (400);
  assert_rows (fixture, before);
  assert_shown (window, first + 1, "tempo");
  assert_shown (window, first + 2, "");
  g_assert_false (rc_undo_stack_can_undo (undo));
  g_assert_true (rc_undo_stack_can_redo (undo));

  activate (fixture, "win.redo");
  assert_rows (fixture, after);
  assert_shown (window, first + 1, "long");
  assert_shown (window, first + 2, "easy");
}

static const FixtureTest tests[] = {
  { "drop-undo-redo", test_drop_undo_redo,    FIXTURE_EMPTY },
  { "ics-cancel",     test_ics_import_cancel, FIXTURE_WORKED_EXAMPLE },
  { "ics-undo-redo",  test_ics_import_undo_redo, FIXTURE_EMPTY },
};

int
main (int   argc,
      char *argv[])
{
  return fixture_run (&argc, &argv, "/window-import/", tests, G_N_ELEMENTS (tests));
}
