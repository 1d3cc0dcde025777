/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c - the calendar window shows the worked example's verdicts, best
 * days and reasons, navigates across month and year ends, and follows the store. */

#include "config.h"

#include <string.h>

#include "rc-conflicts-dialog.h"
#include "rc-day-panel.h"
#include "rc-entry-chip.h"
#include "rc-entry-row.h"
#include "rc-store-sync.h"
#include "window-fixture.h"

/* rules-spec.md, worked example: day, verdict, rules that fired. */
static const struct {
  const char *date;
  const char *verdict;
  guint       n_rules;
} expected[] = {
  { "2026-12-07", "forbidden", 2 }, { "2026-12-08", "forbidden", 2 },
  { "2026-12-09", "forbidden", 3 }, { "2026-12-10", "forbidden", 2 },
  { "2026-12-11", "forbidden", 4 }, { "2026-12-12", "forbidden", 3 },
  { "2026-12-13", "ideal", 3 },     { "2026-12-14", "ideal", 3 },
  { "2026-12-15", "forbidden", 3 }, { "2026-12-16", "safe", 2 },
  { "2026-12-17", "forbidden", 1 }, { "2026-12-18", "forbidden", 1 },
  { "2026-12-19", "forbidden", 1 }, { "2026-12-20", "forbidden", 1 },
  { "2026-12-21", "ideal", 1 },     { "2026-12-22", "ideal", 1 },
};

static void
check_cell (WindowFixture *fixture,
            guint          i)
{
  RcDayCell *cell = fixture_cell (fixture, expected[i].date);
  g_autofree char *date = rc_day_format_full (rc_test_day (expected[i].date));
  const char *label = rc_day_cell_get_label (cell);

  g_assert_cmpstr (fixture_verdict_class (cell), ==, expected[i].verdict);
  /* "Saturday 12 December 2026, forbidden for massage: ..." */
  g_assert_true (g_str_has_prefix (label, date));
  g_assert_true (g_str_has_prefix (label + strlen (date), fixture_verdict_phrase (expected[i].verdict)));
}

static void
test_worked_example_verdicts (WindowFixture *fixture,
                              gconstpointer  data)
{
  RcWindow *window = fixture->window;

  g_assert_cmpstr (rc_window_get_period_title (window), ==, "7 – 13 Dec 2026");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (i % 7 == 0 && i > 0)
        rc_window_go_to (window, rc_test_day (expected[i].date));
      check_cell (fixture, i);
    }

  /* The same states in the month view. */
  rc_window_set_view (window, "month");
  g_assert_cmpstr (rc_window_get_period_title (window), ==, "December 2026");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    check_cell (fixture, i);
}

static void
test_entries_in_label (WindowFixture *fixture,
                       gconstpointer  data)
{
  const char *label = rc_day_cell_get_label (fixture_cell (fixture, "2026-12-12"));

  g_assert_true (g_str_has_prefix (label, "Saturday 12 December 2026, forbidden for massage: "));
  g_assert_nonnull (strstr (label, "Long run, 120 minutes"));
}

/* The badge (rules-spec.md version 2): the one ideal day of the first week
 * (13 Dec), the earliest ideal day of the race week (14 Dec), the ideal day
 * after it (21 Dec); one per week, never forbidden. */
static void
test_best_day_badge (WindowFixture *fixture,
                     gconstpointer  data)
{
  const char *weeks[][2] = {
    { "2026-12-07", "2026-12-13" }, { "2026-12-14", "2026-12-14" }, { "2026-12-21", "2026-12-21" },
  };

  for (guint w = 0; w < G_N_ELEMENTS (weeks); w++)
    {
      RcDay first = rc_test_day (weeks[w][0]);
      guint n_best = 0;

      rc_window_go_to (fixture->window, first);
      for (RcDay d = first; d < first + 7; d++)
        {
          RcDayCell *cell = rc_day_grid_get_cell (rc_window_get_grid (fixture->window), d);
          const RcAdvice *advice = rc_calendar_model_get_advice (rc_window_get_model (fixture->window), d);
          gboolean badge = strstr (rc_day_cell_get_label (cell), "Best day of the week") != NULL;

          g_assert_cmpint (badge, ==, advice->best);
          if (badge)
            {
              g_autofree char *iso = rc_day_to_iso (d);

              g_assert_cmpstr (iso, ==, weeks[w][1]);
              g_assert_cmpstr (fixture_verdict_class (cell), !=, "forbidden");
              n_best++;
            }
        }
      g_assert_cmpuint (n_best, ==, 1);
    }
}

static gboolean
holds_type (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) || holds_type (child, type))
      return TRUE;
  return FALSE;
}

/* Start-up: a week cell builds only what it shows. The best day's badge, the
 * "+N more" line and the drag hint come when first needed, and the chips'
 * clip (a scrolled window) only in month cells. */
static void
test_week_cells_build_what_they_show (WindowFixture *fixture,
                                      gconstpointer  data)
{
  RcDayGrid *grid = rc_window_get_grid (fixture->window);
  RcDay first = rc_day_grid_get_first (grid);
  guint n_best = 0;

  for (RcDay d = first; d < first + 7; d++)
    {
      GtkWidget *cell = GTK_WIDGET (rc_day_grid_get_cell (grid, d));

      g_assert_false (holds_type (cell, GTK_TYPE_SCROLLED_WINDOW));
      for (GtkWidget *child = gtk_widget_get_first_child (cell); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_assert_true (gtk_widget_get_visible (child));
      n_best += rc_day_cell_shows_best (RC_DAY_CELL (cell));
    }
  /* the week has its best day, and that badge is built and shown */
  g_assert_cmpuint (n_best, ==, 1);
}

static void
test_day_panel_reasons (WindowFixture *fixture,
                        gconstpointer  data)
{
  RcDayPanel *panel = rc_window_get_panel (fixture->window);

  for (guint i = 0; i < 7; i++)
    {
      RcDay day = rc_test_day (expected[i].date);
      g_auto(GStrv) shown = NULL;
      g_auto(GStrv) reasons = NULL;

      /* Enter on a focused day, as the keyboard does. */
      g_assert_true (rc_day_grid_focus_day (rc_window_get_grid (fixture->window), day));
      gtk_widget_activate (GTK_WIDGET (fixture_cell (fixture, expected[i].date)));
      g_assert_true (rc_window_get_panel_open (fixture->window));
      g_assert_cmpuint (rc_day_panel_get_day (panel), ==, day);

      shown = rc_day_panel_dup_reasons (panel);
      reasons = rc_advice_reasons (rc_calendar_model_get_advice (rc_window_get_model (fixture->window), day));
      g_assert_cmpuint (g_strv_length (shown), ==, expected[i].n_rules);
      g_assert_true (g_strv_equal ((const char * const *) shown, (const char * const *) reasons));
    }
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (panel)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.close-panel", NULL);
  g_assert_false (rc_window_get_panel_open (fixture->window));
  /* sliding out, its buttons take no click or key (the monkey opened a
   * menu there whose popover had no monitor) */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (panel)));
  gtk_widget_activate (GTK_WIDGET (fixture_cell (fixture, expected[0].date)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (panel)));
}

static void
step (WindowFixture *fixture,
      const char    *action,
      const char    *title)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL);
  g_assert_cmpstr (rc_window_get_period_title (fixture->window), ==, title);
}

static void
test_navigation (WindowFixture *fixture,
                 gconstpointer  data)
{
  RcDayGrid *grid;

  rc_window_go_to (fixture->window, rc_test_day ("2026-12-02"));
  g_assert_cmpstr (rc_window_get_period_title (fixture->window), ==, "30 Nov – 6 Dec 2026");
  rc_window_go_to (fixture->window, rc_test_day ("2026-12-31"));
  g_assert_cmpstr (rc_window_get_period_title (fixture->window), ==, "28 Dec 2026 – 3 Jan 2027");
  step (fixture, "win.next", "4 – 10 Jan 2027");
  step (fixture, "win.previous", "28 Dec 2026 – 3 Jan 2027");
  step (fixture, "win.previous", "21 – 27 Dec 2026");
  g_assert_nonnull (rc_day_grid_get_cell (rc_window_get_grid (fixture->window), rc_test_day ("2026-12-21")));

  rc_window_set_view (fixture->window, "month");
  step (fixture, "win.next", "January 2027");
  grid = rc_window_get_grid (fixture->window);
  g_assert_cmpuint (rc_day_grid_get_first (grid), ==, rc_test_day ("2026-12-28"));
  g_assert_cmpuint (rc_day_grid_get_last (grid), ==, rc_test_day ("2027-02-07"));
  /* Neighbouring-month days are dimmed but carry their own date and verdict. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture_cell (fixture, "2026-12-28")), "dim"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture_cell (fixture, "2027-01-01")), "dim"));
  g_assert_nonnull (fixture_verdict_class (fixture_cell (fixture, "2026-12-28")));
  step (fixture, "win.previous", "December 2026");
  step (fixture, "win.previous", "November 2026");
  step (fixture, "win.previous", "October 2026");
  rc_window_go_to (fixture->window, rc_test_day ("2028-02-29"));
  g_assert_cmpstr (rc_window_get_period_title (fixture->window), ==, "February 2028");
  step (fixture, "win.next", "March 2028");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.today", NULL);
  g_assert_nonnull (rc_day_grid_get_cell (rc_window_get_grid (fixture->window), rc_day_today ()));
}

static void
test_view_persists (WindowFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RcWindow *second;

  rc_window_set_view (fixture->window, "month");
  g_assert_cmpstr (g_settings_get_string (settings, "view"), ==, "month");
  second = rc_window_new (fixture->app);
  g_assert_true (RC_IS_MONTH_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (rc_window_get_grid (second)),
                                                            RC_TYPE_MONTH_VIEW)));
  gtk_window_destroy (GTK_WINDOW (second));
  rc_window_set_view (fixture->window, "week");
}

/* Another view shows the day the user is on: the open panel's. */
static void
test_view_switch_keeps_day (WindowFixture *fixture,
                            gconstpointer  data)
{
  rc_window_set_view (fixture->window, "month");
  rc_window_go_to (fixture->window, rc_test_day ("2026-12-01"));
  rc_window_open_day (fixture->window, rc_test_day ("2026-12-23"));
  rc_window_set_view (fixture->window, "week");
  g_assert_cmpstr (rc_window_get_period_title (fixture->window), ==, "21 – 27 Dec 2026");
  rc_window_set_view (fixture->window, "load");
  rc_window_set_view (fixture->window, "week");
  g_assert_cmpstr (rc_window_get_period_title (fixture->window), ==, "21 – 27 Dec 2026");
}

static gboolean
cell_shows_two_entries (gpointer data)
{
  RcDayCell *cell = data;

  return strstr (rc_day_cell_get_label (cell), "Race, 90 minutes") != NULL;
}

/* The CLI writes to the same file: the window follows without a click. */
static void
test_second_connection (WindowFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(RcEntry) race = rc_entry_new (rc_test_day ("2026-12-13"), RC_KIND_RACE);
  g_autoptr(GError) error = NULL;
  RcDayCell *cell = fixture_cell (fixture, "2026-12-13");
  RcDayCell *eve = fixture_cell (fixture, "2026-12-11");

  g_assert_cmpstr (fixture_verdict_class (cell), ==, "ideal");
  race->minutes = 90;
  g_assert_true (rc_store_add (fixture->other, race, &error));
  g_assert_no_error (error);
  fixture_wait_until (cell_shows_two_entries, cell, 10);
  g_assert_cmpstr (fixture_verdict_class (cell), ==, "forbidden");
  g_assert_cmpstr (fixture_verdict_class (eve), ==, "forbidden");
  g_assert_true (rc_calendar_model_has_entries (rc_window_get_model (fixture->window)));
}

/* Settings that shape the plan live in the store: a week start set from the
 * command line re-lays the week out. */
static gboolean
week_starts_on_sunday (gpointer data)
{
  RcWindow *window = data;

  return rc_day_grid_get_first (rc_window_get_grid (window)) == rc_day_from_iso ("2026-12-06");
}

static void
test_week_start_setting (WindowFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (rc_day_grid_get_first (rc_window_get_grid (fixture->window)), ==, rc_test_day ("2026-12-07"));
  g_assert_true (rc_store_set_setting (fixture->other, RC_SETTING_WEEK_START, "sunday", &error));
  g_assert_no_error (error);
  fixture_wait_until (week_starts_on_sunday, fixture->window, 10);
  g_assert_cmpstr (rc_window_get_period_title (fixture->window), ==, "6 – 12 Dec 2026");
  g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, "2026-12-06")), ==, "safe");
}

static void
test_empty_store_hint (WindowFixture *fixture,
                       gconstpointer  data)
{
  g_assert_false (rc_calendar_model_has_entries (rc_window_get_model (fixture->window)));
  for (RcDay d = rc_test_day ("2026-12-07"); d <= rc_test_day ("2026-12-13"); d++)
    {
      RcDayCell *cell = rc_day_grid_get_cell (rc_window_get_grid (fixture->window), d);

      g_assert_cmpstr (fixture_verdict_class (cell), ==, "safe");
    }
}

/* A kind conflict in the dialog: both values by their names for the user,
 * and "Use Mine" puts my kind back (not a title spelled like its name). */
static void
test_conflict_use_mine_kind (WindowFixture *fixture,
                             gconstpointer  data)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  g_autoptr(GPtrArray) entries = fixture_entries_on (fixture, "2026-12-10");
  g_autoptr(RcEntry) entry = rc_entry_copy (entries->pdata[0]);
  g_autofree char *title = g_strdup (entry->title);
  g_autoptr(GError) error = NULL;
  RcSyncConflict conflict = { entry->id, (char *) "kind", (char *) "intervals", (char *) "tempo" };
  RcConflictsDialog *dialog;
  GtkWidget *mine;
  const RcEntry *shown;

  /* the sync took the server's kind and kept mine as a conflict */
  entry->kind = RC_KIND_INTERVALS;
  g_assert_true (rc_calendar_model_update (model, entry, &error));
  g_assert_no_error (error);
  g_assert_true (rc_store_sync_add_conflict (fixture->other, &conflict, &error));
  g_assert_no_error (error);

  dialog = rc_conflicts_dialog_new (GTK_WINDOW (fixture->window), model);
  gtk_window_present (GTK_WINDOW (dialog));
  fixture_wait_drawn (GTK_WIDGET (dialog));
  g_assert_cmpuint (rc_conflicts_dialog_get_n_rows (dialog), ==, 1);
  mine = rc_conflicts_dialog_get_button (dialog, 0, TRUE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (mine, ADW_TYPE_ACTION_ROW))),
                   ==, "Kind: the server has “Intervals”, you had “Tempo run”");
  g_signal_emit_by_name (mine, "clicked");

  g_assert_cmpuint (rc_conflicts_dialog_get_n_rows (dialog), ==, 0);
  shown = rc_calendar_model_lookup (model, entry->id);
  g_assert_cmpint (shown->kind, ==, RC_KIND_TEMPO);
  g_assert_cmpstr (shown->title, ==, title);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* An untitled massage has one name in the window: the chip, the day panel's
 * row and its subtitle say which massage it is, once ("Pre-event massage",
 * as the day suggests a week before the race). */
static void
test_massage_named_alike (WindowFixture *fixture,
                          gconstpointer  data)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  RcDay day = rc_test_day ("2026-12-13");
  g_autoptr(GError) error = NULL;
  gint64 id = rc_calendar_model_book_massage (model, day, &error);
  const RcEntry *entry;
  GtkWidget *chip;
  RcEntryRow *row;

  g_assert_no_error (error);
  entry = rc_calendar_model_lookup (model, id);
  g_assert_null (entry->title);
  g_assert_cmpint (entry->massage, ==, RC_MASSAGE_PRE_EVENT);
  rc_window_open_day (fixture->window, day);
  chip = rc_day_cell_get_chip (fixture_cell (fixture, "2026-12-13"), id);
  row = rc_day_panel_get_row (rc_window_get_panel (fixture->window), id);
  g_assert_nonnull (chip);
  g_assert_nonnull (row);
  g_assert_cmpstr (rc_entry_chip_get_title (RC_ENTRY_CHIP (chip)), ==, "Pre-event massage");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Pre-event massage");
  /* booked as advised: pre-event's 30-45 minutes, at the top */
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "45 min"));
}

static const FixtureTest tests[] = {
  { "worked-example-verdicts", test_worked_example_verdicts, FIXTURE_WORKED_EXAMPLE },
  { "entries-in-label",        test_entries_in_label,        FIXTURE_WORKED_EXAMPLE },
  { "best-day-badge",          test_best_day_badge,          FIXTURE_WORKED_EXAMPLE },
  { "week-cells-build-what-they-show", test_week_cells_build_what_they_show, FIXTURE_WORKED_EXAMPLE },
  { "day-panel-reasons",       test_day_panel_reasons,       FIXTURE_WORKED_EXAMPLE },
  { "navigation",              test_navigation,              FIXTURE_WORKED_EXAMPLE },
  { "view-switch-keeps-day",   test_view_switch_keeps_day,   FIXTURE_WORKED_EXAMPLE },
  { "view-persists",           test_view_persists,           FIXTURE_WORKED_EXAMPLE },
  { "second-connection",       test_second_connection,       FIXTURE_WORKED_EXAMPLE },
  { "week-start-setting",      test_week_start_setting,      FIXTURE_WORKED_EXAMPLE },
  { "empty-store",             test_empty_store_hint,        FIXTURE_EMPTY },
  { "conflict-use-mine-kind",  test_conflict_use_mine_kind,  FIXTURE_WORKED_EXAMPLE },
  { "massage-named-alike",     test_massage_named_alike,     FIXTURE_WORKED_EXAMPLE },
};

int
main (int   argc,
      char *argv[])
{
  return fixture_run (&argc, &argv, "/window/", tests, G_N_ELEMENTS (tests));
}
