/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-load-gui.c - planned against done in the window (issue 15, load.md):
 * a chip marked done and skipped with a real click and with keys, and
 * undone; a day panel row likewise, with its done minutes; none of it for
 * a session after today; how done,
 * skipped and unconfirmed chips say so; the week header's figures; the Load
 * view's summary and the panel's figures against `recoverycal load` for the
 * same day; screenshots of the Load view and a week, light and dark. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rc-day-cell.h"
#include "rc-day-load.h"
#include "rc-day-panel.h"
#include "rc-entry-chip.h"
#include "rc-entry-row.h"
#include "rc-load-view.h"
#include "rc-window-private.h"
#include "window-fixture.h"

/* ---- a plan around today: 15 weeks done (some skipped), the last week
 * partly unconfirmed, four weeks ahead planned, a massage every fortnight ---- */

static gint64
add (WindowFixture *fixture,
     RcDay          day,
     RcKind         kind,
     int            minutes,
     RcStatus       status,
     int            done_minutes,
     int            done_rpe)
{
  g_autoptr(RcEntry) entry = rc_entry_new (day, kind);
  g_autoptr(GError) error = NULL;

  entry->minutes = minutes;
  entry->status = status;
  entry->done_minutes = status == RC_STATUS_DONE ? done_minutes : RC_NONE;
  entry->done_rpe = status == RC_STATUS_DONE ? done_rpe : RC_NONE;
  g_assert_true (rc_store_add (fixture->other, entry, &error));
  g_assert_no_error (error);
  return entry->id;
}

static void
seed_history (WindowFixture *fixture)
{
  RcDay today = rc_day_today ();
  RcDay monday = rc_day_week_start (today, G_DATE_MONDAY);
  const RcKind week[7] = { RC_KIND_REST, RC_KIND_INTERVALS, RC_KIND_EASY, RC_KIND_TEMPO,
                           RC_KIND_REST, RC_KIND_LONG, RC_KIND_EASY };
  const int minutes[7] = { 0, 60, 45, 50, 0, 110, 40 };

  for (RcDay day = monday - 15 * 7; day < monday + 5 * 7; day++)
    {
      guint w = (guint) (day - (monday - 15 * 7)) / 7;
      guint d = (guint) (day - monday + 15 * 7) % 7;
      RcStatus status = RC_STATUS_DONE;

      if (d == 4 && w % 2 == 0)
        add (fixture, day, RC_KIND_MASSAGE, 60, RC_STATUS_PLANNED, 0, 0);
      if (week[d] == RC_KIND_REST)
        continue;
      if (day >= today || (day >= monday - 7 && d >= 5))
        status = RC_STATUS_PLANNED;          /* ahead, or last weekend unconfirmed */
      else if ((w + d) % 9 == 0)
        status = RC_STATUS_SKIPPED;
      /* the volume grows: the last weeks rise fast */
      add (fixture, day, week[d], minutes[d] + (int) w * 4, status,
           minutes[d] + (int) w * 5, (d == 1 ? 8 : 5) + (int) (w % 2));
    }
  rc_calendar_model_refresh (rc_window_get_model (fixture->window));
  rc_window_go_to (fixture->window, today);
  fixture_settle (200);
}

static RcEntry *
stored (WindowFixture *fixture,
        gint64         id)
{
  g_autoptr(GError) error = NULL;
  RcEntry *entry = rc_store_get (fixture->other, id, &error);

  g_assert_no_error (error);
  return entry;
}

static RcStatus
status_of (WindowFixture *fixture,
           gint64         id)
{
  g_autoptr(RcEntry) entry = stored (fixture, id);

  return entry->status;
}

static gboolean
is_chip_of (GtkWidget     *widget,
            gconstpointer  id)
{
  return RC_IS_ENTRY_CHIP (widget) && rc_entry_chip_get_id (RC_ENTRY_CHIP (widget)) == *(const gint64 *) id;
}

static RcEntryChip *
chip (WindowFixture *fixture,
      gint64         id)
{
  RcEntryChip *found = RC_ENTRY_CHIP (fixture_find (GTK_WIDGET (fixture->window), is_chip_of, &id));

  g_assert_nonnull (found);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (found)));
  return found;
}

/* The icon the chip shows: its status's, or its kind's while planned. */
static const char *
icon_of (RcEntryChip *c)
{
  return gtk_image_get_icon_name (GTK_IMAGE (gtk_button_get_child (GTK_BUTTON (rc_entry_chip_get_status_button (c)))));
}

/* A tempo run planned on DAY, its week on screen. */
static gint64
add_session_on (WindowFixture *fixture,
                RcDay          day,
                RcStatus       status)
{
  gint64 id = add (fixture, day, RC_KIND_TEMPO, 45, status, 45, 7);

  rc_calendar_model_refresh (rc_window_get_model (fixture->window));
  rc_window_go_to (fixture->window, day);
  fixture_settle (200);
  return id;
}

/* Today's session: the first day one can have done it. */
static gint64
add_today_session (WindowFixture *fixture)
{
  return add_session_on (fixture, rc_day_today (), RC_STATUS_PLANNED);
}

/* Keys go to the window under the pointer (no window manager): the pointer
 * rests on WIDGET, which takes the focus, without a click. */
static void
focus_by_keyboard (GtkWidget *widget)
{
  fixture_pointer_to (widget, NULL);
  gtk_widget_grab_focus (widget);
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (widget)) == widget);
}

/* Issue 15: D marks done, S skipped, P planned while the chip has the
 * focus; Ctrl+Z undoes each through the model. */
static void
test_chip_keys (WindowFixture *fixture,
                gconstpointer  data)
{
  gint64 id = add_today_session (fixture);
  RcEntryChip *c = chip (fixture, id);
  g_autofree char *label = NULL;

  focus_by_keyboard (GTK_WIDGET (c));
  fixture_key (GTK_WIDGET (fixture->window), "d");
  g_assert_cmpint (status_of (fixture, id), ==, RC_STATUS_DONE);
  c = chip (fixture, id);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (c), "done"));
  g_assert_cmpstr (icon_of (c), ==, "object-select-symbolic");
  label = g_strdup (rc_entry_chip_get_label (c));
  g_assert_true (g_str_has_suffix (label, ", done"));

  fixture_key (GTK_WIDGET (fixture->window), "ctrl+z");
  g_assert_cmpint (status_of (fixture, id), ==, RC_STATUS_PLANNED);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (chip (fixture, id)), "done"));

  focus_by_keyboard (GTK_WIDGET (chip (fixture, id)));
  fixture_key (GTK_WIDGET (fixture->window), "s");
  g_assert_cmpint (status_of (fixture, id), ==, RC_STATUS_SKIPPED);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (chip (fixture, id)), "skipped"));
  g_assert_cmpstr (icon_of (chip (fixture, id)), ==, "media-skip-forward-symbolic");
  g_clear_pointer (&label, g_free);
  label = g_strdup (rc_entry_chip_get_label (chip (fixture, id)));
  g_assert_true (g_str_has_suffix (label, ", skipped"));
  fixture_key (GTK_WIDGET (fixture->window), "ctrl+z");
  g_assert_cmpint (status_of (fixture, id), ==, RC_STATUS_PLANNED);
}

/* One real click on the chip's check marks it done with the planned
 * minutes; a second one plans it again; Ctrl+Z brings the done back. */
static void
test_chip_click (WindowFixture *fixture,
                 gconstpointer  data)
{
  gint64 id = add_today_session (fixture);
  GtkWidget *check = rc_entry_chip_get_status_button (chip (fixture, id));
  g_autoptr(RcEntry) entry = NULL;

  g_assert_true (gtk_widget_get_visible (check));
  /* the tooltip is written when asked for (query-tooltip), and follows the status */
  g_assert_true (gtk_widget_get_has_tooltip (check));
  g_assert_cmpstr (rc_entry_chip_get_status_tooltip (chip (fixture, id)), ==, "Mark as Done (D)");
  fixture_click (check, 1);
  entry = stored (fixture, id);
  g_assert_cmpint (entry->status, ==, RC_STATUS_DONE);
  g_assert_cmpint (entry->done_minutes, ==, 45);
  g_assert_cmpstr (rc_entry_chip_get_status_tooltip (chip (fixture, id)), ==, "Mark as Not Done (P)");
  /* the click marked the session, it did not open the day */
  g_assert_false (rc_window_get_panel_open (fixture->window));

  fixture_click (rc_entry_chip_get_status_button (chip (fixture, id)), 1);
  g_assert_cmpint (status_of (fixture, id), ==, RC_STATUS_PLANNED);
  fixture_key (GTK_WIDGET (fixture->window), "ctrl+z");
  g_assert_cmpint (status_of (fixture, id), ==, RC_STATUS_DONE);
  fixture_key (GTK_WIDGET (fixture->window), "ctrl+z");
  g_assert_cmpint (status_of (fixture, id), ==, RC_STATUS_PLANNED);
}

/* Past sessions neither done nor skipped say so: class, icon and label;
 * rest days and massages never ask. */
static void
test_unconfirmed (WindowFixture *fixture,
                  gconstpointer  data)
{
  RcDay past = rc_day_today () - 1;
  gint64 run = add (fixture, past, RC_KIND_EASY, 40, RC_STATUS_PLANNED, 0, 0);
  gint64 rest = add (fixture, past, RC_KIND_REST, RC_NONE, RC_STATUS_PLANNED, 0, 0);
  gint64 massage = add (fixture, past, RC_KIND_MASSAGE, 60, RC_STATUS_PLANNED, 0, 0);
  g_autofree char *label = NULL;
  RcEntryChip *c;

  rc_calendar_model_refresh (rc_window_get_model (fixture->window));
  rc_window_go_to (fixture->window, past);
  fixture_settle (200);
  c = chip (fixture, run);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (c), "unconfirmed"));
  g_assert_true (gtk_widget_get_visible (rc_entry_chip_get_status_button (c)));
  label = g_strdup (rc_entry_chip_get_label (c));
  g_assert_true (g_str_has_suffix (label, ", not confirmed"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (chip (fixture, rest)), "unconfirmed"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (chip (fixture, massage)), "unconfirmed"));
  g_assert_false (gtk_widget_get_can_target (rc_entry_chip_get_status_button (chip (fixture, massage))));
  g_assert_cmpstr (icon_of (c), ==, "dialog-question-symbolic");

  /* D confirms it */
  focus_by_keyboard (GTK_WIDGET (c));
  fixture_key (GTK_WIDGET (fixture->window), "d");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (chip (fixture, run)), "unconfirmed"));
}

/* Opens the context menu of chip ID's day, for that chip, with the Menu
 * key; returns whether its item LABEL ("Mark Done") can be chosen. Escape
 * closes it again. */
static gboolean
menu_offers (WindowFixture *fixture,
             gint64         id,
             const char    *label)
{
  GtkWidget *item;
  gboolean sensitive;

  focus_by_keyboard (GTK_WIDGET (chip (fixture, id)));
  fixture_key (GTK_WIDGET (fixture->window), "Menu");
  g_assert_nonnull (fixture->window->context_menu);
  g_assert_true (gtk_widget_get_visible (fixture->window->context_menu));
  item = fixture_find_label (fixture->window->context_menu, label);
  g_assert_nonnull (item);
  sensitive = gtk_widget_is_sensitive (item);
  fixture_key (GTK_WIDGET (fixture->window), "Escape");
  g_assert_false (gtk_widget_get_visible (fixture->window->context_menu));
  return sensitive;
}

/* Nobody has done a session that lies ahead: after today a planned chip
 * offers no check (its icon shows the kind, a click on it opens the day),
 * D and the menu mark nothing, and its panel row has no Done or Skipped.
 * Today's session keeps all of it; a session ahead that was marked done
 * anyway (the CLI can) can still go back to planned. */
static void
test_future_no_status (WindowFixture *fixture,
                       gconstpointer  data)
{
  RcDay tomorrow = rc_day_today () + 1;
  gint64 ahead = add_session_on (fixture, tomorrow, RC_STATUS_PLANNED);
  RcEntryChip *c = chip (fixture, ahead);
  GtkWidget *icon = rc_entry_chip_get_status_button (c);
  RcEntryRow *row;
  gint64 today, done_ahead;

  g_assert_true (gtk_widget_get_visible (icon));
  g_assert_cmpstr (icon_of (c), ==, "rc-tempo-symbolic");
  g_assert_false (gtk_widget_get_can_target (icon));
  g_assert_null (rc_entry_chip_get_status_tooltip (c));
  fixture_click (icon, 1);
  g_assert_cmpint (status_of (fixture, ahead), ==, RC_STATUS_PLANNED);
  g_assert_true (rc_window_get_panel_open (fixture->window));
  row = rc_day_panel_get_row (rc_window_get_panel (fixture->window), ahead);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rc_entry_row_get_done_button (row))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rc_entry_row_get_skip_button (row))));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.close-panel", NULL);

  focus_by_keyboard (GTK_WIDGET (chip (fixture, ahead)));
  fixture_key (GTK_WIDGET (fixture->window), "d");
  fixture_key (GTK_WIDGET (fixture->window), "s");
  g_assert_cmpint (status_of (fixture, ahead), ==, RC_STATUS_PLANNED);
  g_assert_false (menu_offers (fixture, ahead, "Mark Done"));
  g_assert_false (menu_offers (fixture, ahead, "Mark Skipped"));
  g_assert_true (menu_offers (fixture, ahead, "Move to"));
  /* whoever asks the window, the answer is the same */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.mark-done", "x", ahead);
  g_assert_cmpint (status_of (fixture, ahead), ==, RC_STATUS_PLANNED);

  done_ahead = add_session_on (fixture, tomorrow, RC_STATUS_DONE);
  g_assert_true (gtk_widget_get_can_target (rc_entry_chip_get_status_button (chip (fixture, done_ahead))));
  g_assert_true (menu_offers (fixture, done_ahead, "Mark Planned"));
  g_assert_false (menu_offers (fixture, done_ahead, "Mark Skipped"));

  today = add_today_session (fixture);
  c = chip (fixture, today);
  g_assert_true (gtk_widget_get_can_target (rc_entry_chip_get_status_button (c)));
  g_assert_cmpstr (rc_entry_chip_get_status_tooltip (c), ==, "Mark as Done (D)");
  g_assert_true (menu_offers (fixture, today, "Mark Done"));
  g_assert_true (menu_offers (fixture, today, "Mark Skipped"));
  /* the menu closed, D marks today's session done */
  focus_by_keyboard (GTK_WIDGET (chip (fixture, today)));
  fixture_key (GTK_WIDGET (fixture->window), "d");
  g_assert_cmpint (status_of (fixture, today), ==, RC_STATUS_DONE);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The day panel's row: Done and Skipped in its header with one click each,
 * the done minutes and RPE inside, each undoable. */
static void
test_panel_row (WindowFixture *fixture,
                gconstpointer  data)
{
  gint64 id = add_today_session (fixture);
  g_autoptr(RcEntry) entry = stored (fixture, id);
  RcEntryRow *row;
  RcEntry *now;

  rc_window_open_day (fixture->window, entry->day);
  row = rc_day_panel_get_row (rc_window_get_panel (fixture->window), id);
  g_assert_nonnull (row);
  fixture_wait_until (is_mapped, rc_entry_row_get_done_button (row), 10);
  fixture_settle (500);   /* the panel slides in */

  fixture_click (GTK_WIDGET (rc_entry_row_get_done_button (row)), 1);
  g_assert_cmpint (status_of (fixture, id), ==, RC_STATUS_DONE);
  row = rc_day_panel_get_row (rc_window_get_panel (fixture->window), id);
  g_assert_true (gtk_toggle_button_get_active (rc_entry_row_get_done_button (row)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (rc_entry_row_get_done_minutes (row)),
                                                                  ADW_TYPE_ACTION_ROW)));
  gtk_spin_button_set_value (rc_entry_row_get_done_minutes (row), 38);
  gtk_spin_button_set_value (rc_entry_row_get_done_rpe (row), 9);
  now = stored (fixture, id);
  g_assert_cmpint (now->done_minutes, ==, 38);
  g_assert_cmpint (now->done_rpe, ==, 9);
  rc_entry_free (now);

  fixture_click (GTK_WIDGET (rc_entry_row_get_skip_button (row)), 1);
  g_assert_cmpint (status_of (fixture, id), ==, RC_STATUS_SKIPPED);
  row = rc_day_panel_get_row (rc_window_get_panel (fixture->window), id);
  g_assert_false (gtk_toggle_button_get_active (rc_entry_row_get_done_button (row)));

  /* undo: back to done with 38 minutes and RPE 9, then on to planned */
  g_assert_true (rc_calendar_model_undo (rc_window_get_model (fixture->window), NULL));
  now = stored (fixture, id);
  g_assert_cmpint (now->status, ==, RC_STATUS_DONE);
  g_assert_cmpint (now->done_minutes, ==, 38);
  rc_entry_free (now);
  for (guint i = 0; i < 3; i++)
    g_assert_true (rc_calendar_model_undo (rc_window_get_model (fixture->window), NULL));
  g_assert_cmpint (status_of (fixture, id), ==, RC_STATUS_PLANNED);
}

/* The week header: done minutes of planned minutes, as the store has them. */
static void
test_week_header (WindowFixture *fixture,
                  gconstpointer  data)
{
  RcDay monday = rc_day_week_start (rc_day_today (), G_DATE_MONDAY) - 7;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *expected = NULL;
  int planned = 0, done = 0;
  const char *text;

  seed_history (fixture);
  rc_window_go_to (fixture->window, monday);
  fixture_settle (200);
  list = rc_store_list (fixture->other, monday, monday + 6, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      const RcEntry *e = list->pdata[i];

      if (e->kind == RC_KIND_MASSAGE)
        continue;
      planned += MAX (e->minutes, 0);
      if (e->status == RC_STATUS_DONE)
        done += e->done_minutes;
    }
  g_assert_cmpint (done, >, 0);
  expected = g_strdup_printf ("%d of %d minutes done", done, planned);
  text = rc_week_load_get_text (rc_week_view_get_load (RC_WEEK_VIEW (gtk_widget_get_ancestor (
           GTK_WIDGET (rc_window_get_grid (fixture->window)), RC_TYPE_WEEK_VIEW))));
  g_test_message ("week header: %s", text);
  g_assert_nonnull (strstr (text, expected));
}

/* `recoverycal load DAY` on the fixture's store: its one plain line. */
static char **
cli_load (WindowFixture *fixture,
          RcDay          day)
{
  g_autofree char *iso = rc_day_to_iso (day);
  const char *argv[] = { g_getenv ("RECOVERYCAL"), "--db", fixture->db, "load", iso, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_test_message ("recoverycal load %s: %s", iso, out);
  g_strstrip (out);
  return g_regex_split_simple ("\\s{2,}", out, 0, 0);   /* the band may hold a space */
}

/* "-18.4" as the window writes TSB rounded to units: "−18". */
static char *
as_units (const char *figure)
{
  double v = round (g_ascii_strtod (figure, NULL));

  if (v == 0)
    v = 0;
  return v < 0 ? g_strdup_printf ("−%.0f", -v) : g_strdup_printf ("%.0f", v);
}

/* The Load view's summary says what `recoverycal load` prints for today. */
static void
test_summary_matches_cli (WindowFixture *fixture,
                          gconstpointer  data)
{
  RcDay today = rc_day_today ();
  g_auto(GStrv) cli = NULL;
  g_autofree char *acwr = NULL;
  g_autofree char *form = NULL;
  RcLoadView *view;
  g_autofree char *summary = NULL;

  seed_history (fixture);
  rc_window_set_view (fixture->window, "load");
  view = rc_window_get_load_view (fixture->window);
  g_assert_nonnull (view);
  fixture_wait_drawn (GTK_WIDGET (view));
  g_assert_cmpuint (rc_load_view_get_first (view), <=, today - 77);
  g_assert_cmpuint (rc_load_view_get_last (view), >=, today + 28);
  summary = g_strdup (rc_load_view_get_summary (view));
  g_test_message ("summary: %s", summary);

  cli = cli_load (fixture, today);
  g_assert_cmpuint (g_strv_length (cli), ==, 7);
  acwr = g_strdup_printf ("(ACWR %s)", cli[5]);
  form = g_strdup_printf ("form %s", as_units (cli[4]));
  g_assert_true (g_str_has_prefix (summary, "This week: "));
  g_assert_nonnull (strstr (summary, acwr));
  g_assert_nonnull (strstr (summary, form));
  g_assert_nonnull (strstr (summary, g_str_equal (cli[6], "spike") ? "load spiking" : cli[6]));

  /* the week scrolls like the others, and the summary follows */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next", NULL);
  g_assert_cmpuint (rc_load_view_get_first (view), ==, rc_day_week_start (today, G_DATE_MONDAY) - 70);
  g_assert_true (g_str_has_prefix (rc_load_view_get_summary (view), "Week of "));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.today", NULL);
  g_assert_cmpstr (rc_load_view_get_summary (view), ==, summary);
}

/* The verdicts' legend goes with the views that colour days by verdict, and
 * an empty plan's "drag a session onto a day" with the views that have days. */
static void
test_verdict_legend_with_days (WindowFixture *fixture,
                               gconstpointer  data)
{
  const char *views[] = { "week", "load", "month", "load", "week" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gboolean days = !g_str_equal (views[i], "load");

      rc_window_set_view (fixture->window, views[i]);
      fixture_wait_drawn (GTK_WIDGET (fixture->window));
      g_assert_cmpint (gtk_widget_get_mapped (GTK_WIDGET (fixture->window->legend)), ==, days);
      g_assert_cmpint (gtk_widget_get_mapped (fixture->window->empty_hint), ==, days);
    }
}

/* Every massage and every ideal day of the week view's advice is marked on
 * the Load view's time axis, and nothing else is. */
static void
test_axis_marks (WindowFixture *fixture,
                 gconstpointer  data)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  RcDay monday = rc_test_day ("2026-12-07");
  gboolean ideal[14];
  guint n_ideal = 0;
  RcLoadView *view;

  g_assert_cmpint (rc_calendar_model_book_massage (model, rc_test_day ("2026-12-14"), NULL), >, 0);
  for (guint w = 0; w < 2; w++)
    {
      rc_window_go_to (fixture->window, monday + 7 * w);
      for (guint d = 0; d < 7; d++)
        {
          ideal[7 * w + d] = rc_calendar_model_get_advice (model, monday + 7 * w + d)->verdict == RC_VERDICT_IDEAL;
          n_ideal += ideal[7 * w + d];
        }
    }
  g_assert_cmpuint (n_ideal, >, 0);
  rc_window_set_view (fixture->window, "load");
  rc_window_go_to (fixture->window, monday);
  view = rc_window_get_load_view (fixture->window);
  fixture_wait_drawn (GTK_WIDGET (view));
  for (guint i = 0; i < 14; i++)
    {
      guint marks = rc_load_view_get_marks (view, monday + i);

      g_assert_cmpint (!!(marks & RC_LOAD_VIEW_MARK_IDEAL), ==, ideal[i]);
      g_assert_cmpint (!!(marks & RC_LOAD_VIEW_MARK_MASSAGE), ==, i == 7);
    }
}

/* The day panel's figures for a day are those of `recoverycal load`. */
static void
test_panel_figures (WindowFixture *fixture,
                    gconstpointer  data)
{
  RcDay day = rc_day_today () - 3;
  g_auto(GStrv) cli = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *tsb = NULL;

  seed_history (fixture);
  rc_window_open_day (fixture->window, day);
  text = rc_day_load_dup_text (rc_day_panel_get_load (rc_window_get_panel (fixture->window)));
  g_test_message ("panel: %s", text);
  cli = cli_load (fixture, day);
  tsb = g_str_has_prefix (cli[4], "-") ? g_strconcat ("−", cli[4] + 1, NULL) : g_strdup (cli[4]);
  expected = g_strdup_printf ("Fatigue (ATL) %s, fitness (CTL) %s, form (TSB) %s",
                              cli[2], cli[3], tsb);
  g_assert_nonnull (strstr (text, expected));
  g_assert_nonnull (strstr (text, cli[5]));
}

/* The chart's tooltip: each column of the chart is one shown day, in
 * order, and says that day's figures as `recoverycal load` prints them. */
static void
test_day_under_pointer (WindowFixture *fixture,
                        gconstpointer  data)
{
  RcDay day = rc_day_today () - 3;
  RcLoadView *view;
  GtkWidget *chart;
  RcDay previous = RC_DAY_INVALID;
  guint n_days = 0;
  g_auto(GStrv) cli = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *tsb = NULL;
  RcDay massage = RC_DAY_INVALID;

  seed_history (fixture);
  rc_window_set_view (fixture->window, "load");
  view = rc_window_get_load_view (fixture->window);
  chart = rc_load_view_get_chart (view);
  fixture_wait_drawn (GTK_WIDGET (view));
  g_assert_true (gtk_widget_get_has_tooltip (chart));

  /* left of the first column (the axis' figures), and right of the last: no day */
  g_assert_cmpuint (rc_load_view_day_at (view, 0), ==, RC_DAY_INVALID);
  g_assert_cmpuint (rc_load_view_day_at (view, gtk_widget_get_width (chart) - 1), ==, RC_DAY_INVALID);
  for (int x = 0; x < gtk_widget_get_width (chart); x++)
    {
      RcDay at = rc_load_view_day_at (view, x);

      if (at == RC_DAY_INVALID)
        {
          /* only in the margins, left and right of the days */
          g_assert_true (previous == RC_DAY_INVALID || previous == rc_load_view_get_last (view));
          continue;
        }
      if (at != previous)
        {
          g_assert_cmpuint (at, ==, previous == RC_DAY_INVALID ? rc_load_view_get_first (view) : previous + 1);
          n_days++;
        }
      previous = at;
    }
  g_assert_cmpuint (previous, ==, rc_load_view_get_last (view));
  g_assert_cmpuint (n_days, ==, rc_load_view_get_last (view) - rc_load_view_get_first (view) + 1);

  text = rc_load_view_dup_day_text (view, day);
  g_test_message ("tooltip: %s", text);
  cli = cli_load (fixture, day);
  date = rc_day_format_full (day);
  tsb = g_str_has_prefix (cli[4], "-") ? g_strconcat ("−", cli[4] + 1, NULL) : g_strdup (cli[4]);
  figures = g_strdup_printf ("\nFatigue (ATL) %s, fitness (CTL) %s, form (TSB) %s\n", cli[2], cli[3], tsb);
  g_assert_true (g_str_has_prefix (text, date));
  g_assert_nonnull (strstr (text, figures));
  g_assert_nonnull (strstr (text, cli[5]));
  g_assert_cmpint (strstr (text, "\nMassage") != NULL, ==,
                   (rc_load_view_get_marks (view, day) & RC_LOAD_VIEW_MARK_MASSAGE) != 0);

  /* a massage day says so, as the axis marks it */
  for (RcDay d = rc_load_view_get_first (view); d <= rc_load_view_get_last (view); d++)
    if (rc_load_view_get_marks (view, d) & RC_LOAD_VIEW_MARK_MASSAGE)
      massage = d;
  g_assert_cmpuint (massage, !=, RC_DAY_INVALID);
  g_clear_pointer (&text, g_free);
  text = rc_load_view_dup_day_text (view, massage);
  g_assert_nonnull (strstr (text, "\nMassage"));
}

/* ---- screenshots ---- */

static void
test_screenshots (WindowFixture *fixture,
                  gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  RcDay today = rc_day_today ();

  seed_history (fixture);
  for (guint dark = 0; dark < 2; dark++)
    {
      rc_window_set_view (fixture->window, "load");
      rc_window_go_to (fixture->window, today);
      fixture_shoot (window, "load", dark, 500);

      /* last week: done, skipped and unconfirmed sessions side by side */
      rc_window_set_view (fixture->window, "week");
      rc_window_go_to (fixture->window, today - 7);
      rc_window_open_day (fixture->window, rc_day_week_start (today - 7, G_DATE_MONDAY) + 5);
      fixture_shoot (window, "week-status", dark, 700);
      gtk_widget_activate_action (window, "win.close-panel", NULL);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* Each icon a chip shows, planned, done, skipped or waiting to be
 * confirmed, comes from a bitmap the icon theme has at the chip's size:
 * Adwaita has its symbolic icons as PNGs at 16 px only, and one scalable
 * SVG loads librsvg (7 MB more peak memory in the first frame). */
static void
test_chip_icons_are_bitmaps (WindowFixture *fixture,
                             gconstpointer  data)
{
  RcDay today = rc_day_today ();
  const struct { RcDay day; RcStatus status; } sessions[] = {
    { today, RC_STATUS_PLANNED }, { today, RC_STATUS_DONE },
    { today, RC_STATUS_SKIPPED }, { today - 1, RC_STATUS_PLANNED },
  };
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    {
      RcEntryChip *c = chip (fixture, add_session_on (fixture, sessions[i].day, sessions[i].status));
      GtkImage *image = GTK_IMAGE (gtk_button_get_child (GTK_BUTTON (rc_entry_chip_get_status_button (c))));
      g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, icon_of (c), NULL,
                                                                      gtk_image_get_pixel_size (image), 1,
                                                                      GTK_TEXT_DIR_LTR, 0);
      g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
      g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;

      g_test_message ("%s: %s", icon_of (c), uri);
      g_assert_nonnull (uri);
      g_assert_true (g_str_has_suffix (uri, ".png"));
    }
}

static void
on_contents_invalidated (GdkPaintable *paintable,
                         gboolean     *invalidated)
{
  *invalidated = TRUE;
}

/* What WIDGET draws once drawn (an unmapped one draws nothing), in GSK's
 * text form ("color {", "text {", ...). A widget paintable holds the
 * widget's drawing from when it was made and takes the next one in an idle
 * after the frame that drew it: wait for that idle, not for the frame. */
static char *
render_nodes_of (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean invalidated = FALSE;
  gulong id = g_signal_connect (paintable, "invalidate-contents",
                                G_CALLBACK (on_contents_invalidated), &invalidated);

  fixture_wait_drawn (widget);
  fixture_wait_until (fixture_is_true, &invalidated, 30);
  g_signal_handler_disconnect (paintable, id);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  bytes = gsk_render_node_serialize (node);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Issue 14: the week draws days and chips filled, not outlined. A border
 * brings GL shader programs a bare window never compiles (1.6 MB and
 * milliseconds of the first frame on llvmpipe), a dashed one is painted by
 * cairo and uploaded at every frame. Every state a chip has on screen:
 * planned, done, skipped, waiting to be confirmed, a massage in conflict. */
static void
test_drawn_without_borders (WindowFixture *fixture,
                            gconstpointer  data)
{
  RcDay today = rc_day_today ();
  const struct { RcDay day; RcKind kind; RcStatus status; const char *css; } sessions[] = {
    { today, RC_KIND_TEMPO, RC_STATUS_PLANNED, NULL },
    { today, RC_KIND_TEMPO, RC_STATUS_DONE, "done" },
    { today, RC_KIND_TEMPO, RC_STATUS_SKIPPED, "skipped" },
    { today - 1, RC_KIND_TEMPO, RC_STATUS_PLANNED, "unconfirmed" },
    { today + 8, RC_KIND_TEMPO, RC_STATUS_PLANNED, NULL },
    { today + 7, RC_KIND_MASSAGE, RC_STATUS_PLANNED, "conflict" },   /* the day before it */
  };
  g_autoptr(GRegex) outlined = g_regex_new ("\\b(border|cairo) \\{", 0, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    {
      gint64 id = add (fixture, sessions[i].day, sessions[i].kind, 45, sessions[i].status, 45, 7);
      g_autofree char *nodes = NULL;
      RcEntryChip *c;

      rc_calendar_model_refresh (rc_window_get_model (fixture->window));
      rc_window_go_to (fixture->window, sessions[i].day);
      fixture_settle (200);
      c = chip (fixture, id);
      g_test_message ("session %u", i);
      if (sessions[i].css != NULL)
        g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (c), sessions[i].css));
      nodes = render_nodes_of (GTK_WIDGET (fixture->window));
      g_assert_false (g_regex_match (outlined, nodes, 0, NULL));
    }
}

/* The month's days of the month before and after are faded by their
 * colours: an opacity would draw each of them off screen first. */
static void
test_month_fades_without_opacity (WindowFixture *fixture,
                                  gconstpointer  data)
{
  RcDay today = rc_day_today ();
  g_autoptr(GRegex) faded = g_regex_new ("\\bopacity \\{", 0, 0, NULL);
  g_autofree char *nodes = NULL;
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  RcDayCell *first, *last;

  rc_window_set_view (fixture->window, "month");
  rc_window_go_to (fixture->window, today);
  fixture_settle (300);
  /* a day of another month is on screen, dimmed (six weeks hold more than a month) */
  first = rc_day_grid_get_cell (rc_window_get_grid (fixture->window), rc_calendar_model_get_first (model));
  last = rc_day_grid_get_cell (rc_window_get_grid (fixture->window), rc_calendar_model_get_last (model));
  g_assert_nonnull (first);
  g_assert_nonnull (last);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (first), "dim") ||
                 gtk_widget_has_css_class (GTK_WIDGET (last), "dim"));
  nodes = render_nodes_of (GTK_WIDGET (fixture->window));
  g_assert_false (g_regex_match (faded, nodes, 0, NULL));
}

static const FixtureTest tests[] = {
  { "chip-keys",           test_chip_keys,           FIXTURE_EMPTY },
  { "chip-click",          test_chip_click,          FIXTURE_EMPTY },
  { "unconfirmed",         test_unconfirmed,         FIXTURE_EMPTY },
  { "panel-row",           test_panel_row,           FIXTURE_EMPTY },
  { "future-no-status",    test_future_no_status,    FIXTURE_EMPTY },
  { "chip-icons-are-bitmaps", test_chip_icons_are_bitmaps, FIXTURE_EMPTY },
  { "drawn-without-borders", test_drawn_without_borders, FIXTURE_EMPTY },
  { "month-fades-without-opacity", test_month_fades_without_opacity, FIXTURE_EMPTY },
  { "week-header",         test_week_header,         FIXTURE_EMPTY },
  { "summary-matches-cli", test_summary_matches_cli, FIXTURE_EMPTY },
  { "panel-figures",       test_panel_figures,       FIXTURE_EMPTY },
  { "axis-marks",          test_axis_marks,          FIXTURE_WORKED_EXAMPLE },
  { "day-under-pointer",   test_day_under_pointer,   FIXTURE_EMPTY },
  { "verdict-legend-with-days", test_verdict_legend_with_days, FIXTURE_EMPTY },
  { "screenshots",         test_screenshots,         FIXTURE_EMPTY },
};

int
main (int   argc,
      char *argv[])
{
  return fixture_run (&argc, &argv, "/load-gui/", tests, G_N_ELEMENTS (tests));
}
