/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-advice-gui.c - the advice in the window (rules-spec.md version 2):
 * the guidance's own examples in the week view for each profile, a week
 * with no massage day naming the next ideal one, every way of booking
 * asking first on a forbidden day, the conflict mark on a chip, the day
 * panel's deciding reasons apart from those "Also considered", the
 * profiles explained in Preferences; and screenshots, light and dark. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rc-entry-chip.h"
#include "rc-preferences-window.h"
#include "rc-window-private.h"
#include "window-fixture.h"

static gint64
add_massage (WindowFixture *fixture,
             const char    *iso,
             RcMassage      massage)
{
  g_autoptr(RcEntry) entry = rc_entry_new (rc_test_day (iso), RC_KIND_MASSAGE);
  g_autoptr(GError) error = NULL;

  entry->massage = massage;
  entry->minutes = 60;
  g_assert_true (rc_store_add (fixture->other, entry, &error));
  g_assert_no_error (error);
  return entry->id;
}

static void
seed (WindowFixture     *fixture,
      const char * const plan[][2],
      guint              n)
{
  for (guint i = 0; i < n; i++)
    {
      RcKind kind;

      g_assert_true (rc_kind_from_string (plan[i][1], &kind));
      rc_test_add_kind (fixture->other, plan[i][0], kind);
    }
  rc_calendar_model_refresh (rc_window_get_model (fixture->window));
}

static void
set_profile (WindowFixture *fixture,
             RcProfile      profile)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rc_calendar_model_set_setting (rc_window_get_model (fixture->window),
                                                RC_SETTING_PROFILE,
                                                rc_profile_to_string (profile), &error));
  g_assert_no_error (error);
}

/* The colour (CSS class), the icon and the accessible name of a day. */
static void
assert_day (WindowFixture *fixture,
            const char    *iso,
            const char    *verdict)
{
  RcDayCell *cell = fixture_cell (fixture, iso);
  g_autofree char *date = rc_day_format_full (rc_test_day (iso));
  g_autofree char *prefix = g_strconcat (date, fixture_verdict_phrase (verdict), NULL);
  const RcAdvice *advice = rc_calendar_model_get_advice (rc_window_get_model (fixture->window),
                                                         rc_test_day (iso));
  RcVerdict v = g_str_equal (verdict, "ideal") ? RC_VERDICT_IDEAL
              : g_str_equal (verdict, "safe") ? RC_VERDICT_SAFE : RC_VERDICT_FORBIDDEN;

  if (g_strcmp0 (fixture_verdict_class (cell), verdict) != 0)
    g_error ("%s is %s, not %s", iso, fixture_verdict_class (cell), verdict);
  g_assert_cmpstr (rc_day_cell_get_verdict_icon (cell), ==, rc_verdict_icon_name (v));
  g_assert_true (g_str_has_prefix (rc_day_cell_get_label (cell), prefix));
  /* the badge only where the core says best */
  g_assert_cmpint (rc_day_cell_shows_best (cell), ==, advice->best);
}

/* rules-spec.md, "The guidance's own examples", 1: hard sessions Tuesday
 * and Thursday, "book for Friday or Saturday". */
static const char * const tue_thu_plan[][2] = {
  { "2027-01-04", "easy" }, { "2027-01-05", "intervals" }, { "2027-01-06", "easy" },
  { "2027-01-07", "tempo" }, { "2027-01-08", "rest" }, { "2027-01-10", "easy" },
};

static void
test_guidance_tuesday_thursday (WindowFixture *fixture,
                                gconstpointer  data)
{
  const char *forbidden[] = { "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-10" };

  seed (fixture, tue_thu_plan, G_N_ELEMENTS (tue_thu_plan));
  rc_window_go_to (fixture->window, rc_test_day ("2027-01-04"));
  assert_day (fixture, "2027-01-08", "ideal");
  assert_day (fixture, "2027-01-09", "ideal");
  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    assert_day (fixture, forbidden[i], "forbidden");
  /* the best of the two: 2-3 days after the hardest (Tuesday's intervals) */
  g_assert_true (rc_day_cell_shows_best (fixture_cell (fixture, "2027-01-08")));
  g_assert_false (rc_day_cell_shows_best (fixture_cell (fixture, "2027-01-09")));
  g_assert_null (rc_day_grid_get_week_note (rc_window_get_grid (fixture->window)));
}

/* 2: long run on Saturday, "book for Monday or Tuesday". */
static void
test_guidance_saturday_long (WindowFixture *fixture,
                             gconstpointer  data)
{
  static const char * const plan[][2] = {
    { "2027-01-05", "easy" }, { "2027-01-07", "tempo" }, { "2027-01-09", "long" },
    { "2027-01-11", "rest" }, { "2027-01-13", "easy" }, { "2027-01-14", "intervals" },
  };

  seed (fixture, plan, G_N_ELEMENTS (plan));
  rc_window_go_to (fixture->window, rc_test_day ("2027-01-04"));
  assert_day (fixture, "2027-01-10", "ideal");
  assert_day (fixture, "2027-01-09", "forbidden");
  rc_window_go_to (fixture->window, rc_test_day ("2027-01-11"));
  assert_day (fixture, "2027-01-11", "ideal");
  assert_day (fixture, "2027-01-12", "ideal");
  assert_day (fixture, "2027-01-13", "forbidden");
}

/* 3: a typical five-run week; Friday is its one massage day, coloured by
 * the profile; a change in Preferences recolours it at once. */
static void
test_guidance_five_runs (WindowFixture *fixture,
                         gconstpointer  data)
{
  static const char *week[] = { "rest", "intervals", "easy", "tempo", "rest", "easy", "long" };
  static const char *friday_by_profile[] = { "ideal", "ideal", "safe" };
  RcDay first = rc_test_day ("2026-12-28");
  RcPreferencesWindow *prefs;

  for (guint i = 0; i < 21; i++)
    {
      g_autofree char *iso = rc_day_to_iso (first + i);
      RcKind kind;

      g_assert_true (rc_kind_from_string (week[i % 7], &kind));
      rc_test_add_kind (fixture->other, iso, kind);
    }
  rc_calendar_model_refresh (rc_window_get_model (fixture->window));
  rc_window_go_to (fixture->window, rc_test_day ("2027-01-04"));
  for (RcProfile p = 0; p < RC_N_PROFILES; p++)
    {
      set_profile (fixture, p);
      assert_day (fixture, "2027-01-08", friday_by_profile[p]);
      g_assert_true (rc_day_cell_shows_best (fixture_cell (fixture, "2027-01-08")));
      /* Monday: the day before the speed session */
      assert_day (fixture, "2027-01-04", "forbidden");
      for (RcDay d = rc_test_day ("2027-01-04"); d <= rc_test_day ("2027-01-10"); d++)
        {
          g_autofree char *iso = rc_day_to_iso (d);

          if (d != rc_test_day ("2027-01-08"))
            assert_day (fixture, iso, "forbidden");
        }
    }

  /* Preferences: one line per profile, as the table has it; a change there
   * recolours the week at once */
  prefs = rc_preferences_window_new (GTK_WINDOW (fixture->window), rc_window_get_model (fixture->window));
  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_true (g_str_has_prefix (rc_preferences_window_get_profile_subtitle (prefs, RC_PROFILE_FAST),
                                   "Massage the day after hard sessions"));
  g_assert_true (g_str_has_prefix (rc_preferences_window_get_profile_subtitle (prefs, RC_PROFILE_SLOW),
                                   "Gentle massage for two days after hard sessions"));
  g_assert_nonnull (strstr (rc_preferences_window_get_profile_subtitle (prefs, RC_PROFILE_SLOW),
                            "two days’ wait after a race"));
  g_assert_nonnull (strstr (rc_preferences_window_get_profile_subtitle (prefs, RC_PROFILE_TYPICAL),
                            "2–3 days later"));
  rc_preferences_window_select_profile (prefs, RC_PROFILE_TYPICAL);
  assert_day (fixture, "2027-01-08", "ideal");
  rc_preferences_window_select_profile (prefs, RC_PROFILE_SLOW);
  assert_day (fixture, "2027-01-08", "safe");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* A run every day of the week of Mon 1 Feb 2027, a tempo on Tue 9: no
 * massage day that week, the next ideal one is Thu 11 Feb. */
static const char * const busy_weeks[][2] = {
  { "2027-02-01", "easy" }, { "2027-02-02", "easy" }, { "2027-02-03", "easy" },
  { "2027-02-04", "easy" }, { "2027-02-05", "easy" }, { "2027-02-06", "long" },
  { "2027-02-07", "easy" }, { "2027-02-09", "tempo" },
};

/* A run every day of the week of Mon 1 Mar 2027, and nothing after it. */
static const char * const busy_march[][2] = {
  { "2027-03-01", "easy" }, { "2027-03-02", "easy" }, { "2027-03-03", "easy" },
  { "2027-03-04", "easy" }, { "2027-03-05", "easy" }, { "2027-03-06", "easy" },
  { "2027-03-07", "easy" },
};

static void
test_week_without_massage_day (WindowFixture *fixture,
                               gconstpointer  data)
{
  RcDayGrid *grid;
  GtkButton *next;

  seed (fixture, busy_weeks, G_N_ELEMENTS (busy_weeks));
  rc_window_go_to (fixture->window, rc_test_day ("2027-02-03"));
  grid = rc_window_get_grid (fixture->window);
  for (RcDay d = rc_test_day ("2027-02-01"); d <= rc_test_day ("2027-02-07"); d++)
    g_assert_cmpstr (fixture_verdict_class (rc_day_grid_get_cell (grid, d)), ==, "forbidden");
  g_assert_cmpstr (rc_day_grid_get_week_note (grid), ==, "No massage day this week.");
  next = rc_day_grid_get_next_ideal_button (grid);
  g_assert_nonnull (next);
  g_assert_cmpstr (gtk_button_get_label (next), ==, "Next ideal: Thu 11 Feb");
  fixture_wait_drawn (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (next)));

  /* the button goes to that week, onto that day */
  fixture_click (GTK_WIDGET (next), 1);
  g_assert_cmpstr (rc_window_get_period_title (fixture->window), ==, "8 – 14 Feb 2027");
  g_assert_cmpuint (rc_day_grid_get_focus_day (rc_window_get_grid (fixture->window)), ==,
                    rc_test_day ("2027-02-11"));
  g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, "2027-02-11")), ==, "ideal");
  /* that week has a massage day: no line */
  g_assert_null (rc_day_grid_get_week_note (rc_window_get_grid (fixture->window)));
  g_assert_null (rc_day_grid_get_next_ideal_button (rc_window_get_grid (fixture->window)));

  /* a busy week with nothing planned after it: the days after are safe
   * (massage days), only not ideal, and the line says just that */
  seed (fixture, busy_march, G_N_ELEMENTS (busy_march));
  rc_window_go_to (fixture->window, rc_test_day ("2027-03-03"));
  grid = rc_window_get_grid (fixture->window);
  g_assert_cmpstr (rc_day_grid_get_week_note (grid), ==,
                   "No massage day this week, and no ideal one in the 14 days after it.");
  g_assert_null (rc_day_grid_get_next_ideal_button (grid));
  rc_window_go_to (fixture->window, rc_test_day ("2027-03-08"));
  g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, "2027-03-08")), ==, "safe");
}

/* The month view marks each week's best day the same way. */
static void
test_month_best_days (WindowFixture *fixture,
                      gconstpointer  data)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  RcDayGrid *grid;
  guint n_best = 0;

  rc_window_set_view (fixture->window, "month");
  grid = rc_window_get_grid (fixture->window);
  for (RcDay d = rc_day_grid_get_first (grid); d <= rc_day_grid_get_last (grid); d++)
    {
      const RcAdvice *advice = rc_calendar_model_get_advice (model, d);

      g_assert_cmpint (rc_day_cell_shows_best (rc_day_grid_get_cell (grid, d)), ==, advice->best);
      n_best += advice->best;
    }
  /* Sun 13 and Mon 21 Dec (the worked example); none in weeks without training */
  g_assert_true (rc_day_cell_shows_best (fixture_cell (fixture, "2026-12-13")));
  g_assert_true (rc_day_cell_shows_best (fixture_cell (fixture, "2026-12-21")));
  g_assert_cmpuint (n_best, ==, 3);
}

static GtkWidget *
massage_tile (WindowFixture *fixture)
{
  return rc_palette_get_tile (rc_window_get_palette (fixture->window), RC_KIND_MASSAGE);
}

/* Body of the question just asked, answered with RESPONSE. */
static char *
answer (WindowFixture *fixture,
        const char    *response)
{
  return fixture_answer_dialog (fixture, response);
}

/* Fri 11 Dec is forbidden: the eve of Saturday's long run. */
#define FORBIDDEN_DAY "2026-12-11"
#define FORBIDDEN_REASON "Long run on Sat 12 Dec"

static void
assert_asks (WindowFixture *fixture,
             const char    *iso,
             const char    *reason)
{
  g_autofree char *body = NULL;

  g_assert_nonnull (fixture_find_dialog (fixture));
  g_assert_cmpuint (fixture_count_kind (fixture, iso, RC_KIND_MASSAGE), ==, 0);
  body = answer (fixture, "cancel");
  if (strstr (body, reason) == NULL)
    g_error ("the question does not name the reason: %s", body);
  g_assert_cmpuint (fixture_count_kind (fixture, iso, RC_KIND_MASSAGE), ==, 0);
}

/* The palette's Massage tile, clicked or dropped; the panel's button; the
 * day's context menu and the Add Session menus: each asks first on a
 * forbidden day, names the reason, books only when told to. */
static void
test_every_booking_asks (WindowFixture *fixture,
                         gconstpointer  data)
{
  RcDayGrid *grid = rc_window_get_grid (fixture->window);
  RcDayCell *cell = fixture_cell (fixture, FORBIDDEN_DAY);
  g_autofree char *body = NULL;

  /* the tile, clicked: it acts on the outlined day */
  rc_day_grid_set_current (grid, rc_test_day (FORBIDDEN_DAY));
  g_signal_emit_by_name (massage_tile (fixture), "clicked");
  assert_asks (fixture, FORBIDDEN_DAY, FORBIDDEN_REASON);

  /* the tile, dropped */
  g_assert_true (fixture_drop (cell, RC_DND_KIND_PREFIX "massage"));
  assert_asks (fixture, FORBIDDEN_DAY, FORBIDDEN_REASON);

  /* the day's context menu */
  gtk_widget_activate_action (GTK_WIDGET (cell), "menu.popup", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.book-massage", NULL);
  assert_asks (fixture, FORBIDDEN_DAY, FORBIDDEN_REASON);
  /* its Add Session submenu, and the panel's, which name Massage too */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-kind", "s", "massage");
  assert_asks (fixture, FORBIDDEN_DAY, FORBIDDEN_REASON);
  gtk_popover_popdown (GTK_POPOVER (fixture->window->context_menu));

  /* the panel's button, and this time booked anyway */
  rc_window_open_day (fixture->window, rc_test_day (FORBIDDEN_DAY));
  g_signal_emit_by_name (rc_day_panel_get_book_button (rc_window_get_panel (fixture->window)), "clicked");
  g_assert_nonnull (fixture_find_dialog (fixture));
  body = answer (fixture, "book");
  g_assert_cmpuint (fixture_count_kind (fixture, FORBIDDEN_DAY, RC_KIND_MASSAGE), ==, 1);

  /* an ideal day asks nothing */
  rc_day_grid_set_current (grid, rc_test_day ("2026-12-13"));
  rc_window_open_day (fixture->window, rc_test_day ("2026-12-13"));
  g_signal_emit_by_name (massage_tile (fixture), "clicked");
  g_assert_null (fixture_find_dialog (fixture));
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-13", RC_KIND_MASSAGE), ==, 1);
}

static RcEntryChip *
chip_of (WindowFixture *fixture,
         const char    *iso,
         gint64         id)
{
  GtkWidget *chip = rc_day_cell_get_chip (fixture_cell (fixture, iso), id);

  g_assert_nonnull (chip);
  return RC_ENTRY_CHIP (chip);
}

static gboolean
is_conflict_mark (GtkWidget     *widget,
                  gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "conflict-mark");
}

/* The chip's conflict mark, wherever the chip keeps its icon. */
static GtkWidget *
conflict_icon (RcEntryChip *chip)
{
  return fixture_find (GTK_WIDGET (chip), is_conflict_mark, NULL);
}

/* The question open over the window asks HEADING, its booking answer
 * reads ANSWER. */
static void
assert_heading (WindowFixture *fixture,
                const char    *heading,
                const char    *answer_label)
{
  AdwMessageDialog *dialog = fixture_find_dialog (fixture);

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "book"), ==, answer_label);
}

/* Move to… on entry ID, ISO chosen in its calendar, answered Move. */
static void
move_with_dialog (WindowFixture *fixture,
                  gint64         id,
                  const char    *iso)
{
  g_autoptr(GDateTime) date = NULL;
  AdwMessageDialog *chooser;
  GDate d;

  rc_day_to_gdate (rc_test_day (iso), &d);
  date = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 12, 0, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-entry", "x", id);
  chooser = fixture_find_dialog (fixture);
  g_assert_nonnull (chooser);
  gtk_calendar_select_day (GTK_CALENDAR (adw_message_dialog_get_extra_child (chooser)), date);
  adw_message_dialog_response (chooser, "move");
  gtk_window_destroy (GTK_WINDOW (chooser));
}

/* A massage chip dragged (moved) or Ctrl-copied onto a forbidden day asks
 * first; one that stands on a forbidden or mismatched day carries the
 * conflict mark; an untitled one says which massage it is. */
static void
test_chip_conflicts (WindowFixture *fixture,
                     gconstpointer  data)
{
  gint64 id = add_massage (fixture, "2026-12-13", RC_MASSAGE_PRE_EVENT);
  g_autofree char *move = g_strdup_printf (RC_DND_MOVE_PREFIX "%" G_GINT64_FORMAT, id);
  g_autofree char *copy = g_strdup_printf (RC_DND_COPY_PREFIX "%" G_GINT64_FORMAT, id);
  g_autofree char *body = NULL;
  RcEntryChip *chip;
  gint64 post;

  rc_calendar_model_refresh (rc_window_get_model (fixture->window));
  chip = chip_of (fixture, "2026-12-13", id);
  /* Sun 13 suggests pre-event: no mark; the chip names the massage */
  g_assert_false (rc_entry_chip_has_conflict (chip));
  g_assert_true (conflict_icon (chip) == NULL || !gtk_widget_get_visible (conflict_icon (chip)));
  g_assert_cmpstr (rc_entry_chip_get_title (chip), ==, "Pre-event massage");
  g_assert_true (g_str_has_prefix (rc_entry_chip_get_label (chip), "Pre-event massage, 60 minutes"));

  /* moved onto a forbidden day: asks about the move (not a new booking),
   * and stays where it was */
  g_assert_true (fixture_drop (fixture_cell (fixture, FORBIDDEN_DAY), move));
  assert_heading (fixture, "Move the Massage to Friday 11 December 2026?", "_Move Anyway");
  assert_asks (fixture, FORBIDDEN_DAY, FORBIDDEN_REASON);
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-13", RC_KIND_MASSAGE), ==, 1);
  /* moved there with Move to…: the same question */
  move_with_dialog (fixture, id, FORBIDDEN_DAY);
  assert_heading (fixture, "Move the Massage to Friday 11 December 2026?", "_Move Anyway");
  assert_asks (fixture, FORBIDDEN_DAY, FORBIDDEN_REASON);
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-13", RC_KIND_MASSAGE), ==, 1);
  /* Ctrl-copied: a new booking */
  g_assert_true (fixture_drop (fixture_cell (fixture, FORBIDDEN_DAY), copy));
  assert_heading (fixture, "Book a Massage on Friday 11 December 2026?", "_Book Anyway");
  assert_asks (fixture, FORBIDDEN_DAY, FORBIDDEN_REASON);
  /* copied anyway: the copy carries the mark, icon and accessible text */
  g_assert_true (fixture_drop (fixture_cell (fixture, FORBIDDEN_DAY), copy));
  body = answer (fixture, "book");
  g_assert_cmpuint (fixture_count_kind (fixture, FORBIDDEN_DAY, RC_KIND_MASSAGE), ==, 1);
  {
    g_autoptr(GPtrArray) on_day = fixture_entries_on (fixture, FORBIDDEN_DAY);
    gint64 copied = 0;

    for (guint i = 0; i < on_day->len; i++)
      if (((RcEntry *) on_day->pdata[i])->kind == RC_KIND_MASSAGE)
        copied = ((RcEntry *) on_day->pdata[i])->id;
    chip = chip_of (fixture, FORBIDDEN_DAY, copied);
  }
  g_assert_true (rc_entry_chip_has_conflict (chip));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (chip), "conflict"));
  g_assert_nonnull (conflict_icon (chip));
  g_assert_true (gtk_widget_get_visible (conflict_icon (chip)));
  g_assert_nonnull (strstr (rc_entry_chip_get_label (chip), "Conflict: No massage on this day: "
                                                             FORBIDDEN_REASON));

  /* a post-run massage moved onto Sun 13 (pre-event suggested) asks too */
  post = add_massage (fixture, "2026-12-21", RC_MASSAGE_POST_RUN);
  rc_window_go_to (fixture->window, rc_test_day ("2026-12-21"));
  g_free (move);
  move = g_strdup_printf (RC_DND_MOVE_PREFIX "%" G_GINT64_FORMAT, post);
  rc_window_set_view (fixture->window, "month");
  g_assert_true (fixture_drop (fixture_cell (fixture, "2026-12-13"), move));
  g_free (body);
  body = answer (fixture, "book");
  g_assert_nonnull (strstr (body, "Post-run massage is not the kind this day suggests: Pre-event massage"));
  /* Sun 13, the best day, has two massages now: the week shows both chips
   * (a month cell, with its badge, shows one and "+1") */
  rc_window_set_view (fixture->window, "week");
  rc_window_go_to (fixture->window, rc_test_day ("2026-12-13"));
  chip = chip_of (fixture, "2026-12-13", post);
  g_assert_true (rc_entry_chip_has_conflict (chip));
  g_assert_cmpstr (rc_entry_chip_get_title (chip), ==, "Post-run massage");
}

/* The panel: deciding reasons under the verdict, the outvoted ones apart
 * and collapsed; the summary line; no stale "due" after booking. */
static void
test_panel_reasons (WindowFixture *fixture,
                    gconstpointer  data)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  RcDayPanel *panel = rc_window_get_panel (fixture->window);
  const RcAdvice *advice;
  g_auto(GStrv) decided = NULL;
  g_auto(GStrv) considered = NULL;
  g_auto(GStrv) shown = NULL;
  g_autofree char *summary = NULL;
  GtkExpander *expander;

  /* Fri 11 Dec: forbidden by eve-of-quality; after-hard, post-effort-ideal
   * and rest-day were considered and outvoted */
  rc_window_open_day (fixture->window, rc_test_day (FORBIDDEN_DAY));
  advice = rc_calendar_model_get_advice (model, rc_test_day (FORBIDDEN_DAY));
  decided = rc_advice_reasons_decided (advice);
  considered = rc_day_panel_dup_considered (panel);
  g_assert_cmpuint (g_strv_length (decided), ==, 1);
  g_assert_cmpuint (g_strv_length (considered), ==, 3);
  shown = rc_day_panel_dup_reasons (panel);
  g_assert_cmpuint (g_strv_length (shown), ==, 4);
  g_assert_cmpstr (shown[0], ==, decided[0]);
  expander = rc_day_panel_get_considered_expander (panel);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (expander)));
  g_assert_false (gtk_expander_get_expanded (expander));
  /* collapsed: the outvoted reasons are not drawn */
  g_assert_false (gtk_widget_is_drawable (gtk_expander_get_child (expander)));
  summary = rc_advice_summary (advice);
  g_assert_cmpstr (rc_day_panel_get_summary (panel), ==, summary);
  /* due, but forbidden: no "due" line that would read like advice to book */
  g_assert_true (advice->due);
  g_assert_false (rc_day_panel_shows_due (panel));
  g_assert_null (fixture_find_label (GTK_WIDGET (panel), "Suggested:"));
  g_assert_null (fixture_find_label (GTK_WIDGET (panel), "default"));

  /* Sun 13: ideal, due; booked, no longer due */
  rc_window_open_day (fixture->window, rc_test_day ("2026-12-13"));
  fixture_wait_drawn (GTK_WIDGET (panel));
  g_assert_false (gtk_expander_get_expanded (expander));
  g_clear_pointer (&summary, g_free);
  summary = rc_advice_summary (rc_calendar_model_get_advice (model, rc_test_day ("2026-12-13")));
  g_assert_cmpstr (rc_day_panel_get_summary (panel), ==, summary);
  g_assert_null (fixture_find_label (GTK_WIDGET (panel), "default"));
  g_assert_true (rc_day_panel_shows_due (panel));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rc_day_panel_get_book_button (panel)), "suggested-action"));
  g_signal_emit_by_name (rc_day_panel_get_book_button (panel), "clicked");
  g_assert_null (fixture_find_dialog (fixture));
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-13", RC_KIND_MASSAGE), ==, 1);
  g_assert_false (rc_calendar_model_get_advice (model, rc_test_day ("2026-12-13"))->due);
  g_assert_false (rc_day_panel_shows_due (panel));
  /* booked: another booking stays possible, no longer the suggested action */
  g_assert_cmpstr (gtk_button_get_label (rc_day_panel_get_book_button (panel)), ==, "Book Another Massage");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rc_day_panel_get_book_button (panel)), "suggested-action"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  fixture_settle (100);
  g_assert_cmpstr (gtk_button_get_label (rc_day_panel_get_book_button (panel)), ==, "_Book Massage");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rc_day_panel_get_book_button (panel)), "suggested-action"));
}

/* The panel shows DAY's whole advice as the core gives it: the banner's
 * class, word and icon, the best-day badge, the summary and reasons, the
 * button's wording. */
static void
assert_panel_advice (WindowFixture *fixture,
                     RcDay          day,
                     RcVerdict      verdict,
                     gboolean       best,
                     const char    *summary,
                     char         **reasons)
{
  RcDayPanel *panel = rc_window_get_panel (fixture->window);
  GtkButton *book = rc_day_panel_get_book_button (panel);
  g_auto(GStrv) shown = rc_day_panel_dup_reasons (panel);

  /* a closed panel waits: this one is open and follows the model */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  g_assert_cmpuint (rc_day_panel_get_day (panel), ==, day);
  g_assert_cmpstr (rc_day_panel_get_verdict (panel), ==, rc_verdict_to_string (verdict));
  g_assert_cmpstr (rc_day_panel_get_verdict_label (panel), ==, rc_verdict_label (verdict));
  g_assert_cmpstr (rc_day_panel_get_verdict_icon (panel), ==, rc_verdict_icon_name (verdict));
  g_assert_cmpint (rc_day_panel_shows_best (panel), ==, best);
  g_assert_cmpstr (rc_day_panel_get_summary (panel), ==, summary);
  g_assert_true (g_strv_equal ((const char * const *) shown, (const char * const *) reasons));
  g_assert_cmpstr (gtk_button_get_label (book), ==,
                   verdict == RC_VERDICT_FORBIDDEN ? "Book Massage Anyway" : "_Book Massage");
}

/* Opens DAY while the week shows it; *SUMMARY and *REASONS: its advice, as
 * the core gave it then. */
static const RcAdvice *
open_in_week (WindowFixture  *fixture,
              const char     *iso,
              char          **summary,
              char         ***reasons)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  const RcAdvice *advice;

  rc_window_set_view (fixture->window, "week");
  rc_window_go_to (fixture->window, rc_test_day (iso));
  rc_window_open_day (fixture->window, rc_test_day (iso));
  fixture_wait_drawn (GTK_WIDGET (rc_window_get_panel (fixture->window)));
  advice = rc_calendar_model_get_advice (model, rc_test_day (iso));
  g_assert_nonnull (advice);
  *summary = rc_advice_summary (advice);
  *reasons = rc_advice_reasons (advice);
  return advice;
}

/* The panel keeps its day's verdict, badge and booking when the views
 * page away from that day (next week, the Load view, months on): the
 * advice of a day out of sight still comes from the core. */
static void
test_panel_keeps_advice (WindowFixture *fixture,
                         gconstpointer  data)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  RcDayPanel *panel = rc_window_get_panel (fixture->window);
  RcDay sunday = rc_test_day ("2026-12-13");
  RcDay friday = rc_test_day (FORBIDDEN_DAY);
  g_autofree char *summary = NULL;
  g_auto(GStrv) reasons = NULL;
  g_autoptr(GPtrArray) on_friday = fixture_entries_on (fixture, FORBIDDEN_DAY);
  const RcAdvice *advice;

  /* Sun 13 Dec: ideal, the best day of its week */
  advice = open_in_week (fixture, "2026-12-13", &summary, &reasons);
  g_assert_cmpint (advice->verdict, ==, RC_VERDICT_IDEAL);
  g_assert_true (advice->best);
  assert_panel_advice (fixture, sunday, RC_VERDICT_IDEAL, TRUE, summary, reasons);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next", NULL);
  g_assert_cmpuint (rc_calendar_model_get_first (model), >, sunday);
  assert_panel_advice (fixture, sunday, RC_VERDICT_IDEAL, TRUE, summary, reasons);
  rc_window_set_view (fixture->window, "load");
  g_assert_cmpuint (rc_calendar_model_get_first (model), >, sunday);
  assert_panel_advice (fixture, sunday, RC_VERDICT_IDEAL, TRUE, summary, reasons);

  /* Fri 11 Dec: forbidden; months on, it still is, with its rest day row */
  g_clear_pointer (&summary, g_free);
  g_clear_pointer (&reasons, g_strfreev);
  advice = open_in_week (fixture, FORBIDDEN_DAY, &summary, &reasons);
  g_assert_cmpint (advice->verdict, ==, RC_VERDICT_FORBIDDEN);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next", NULL);
  assert_panel_advice (fixture, friday, RC_VERDICT_FORBIDDEN, FALSE, summary, reasons);
  rc_window_go_to (fixture->window, rc_test_day ("2027-03-01"));
  assert_panel_advice (fixture, friday, RC_VERDICT_FORBIDDEN, FALSE, summary, reasons);
  g_assert_cmpuint (on_friday->len, ==, 1);
  g_assert_nonnull (rc_day_panel_get_row (panel, ((RcEntry *) on_friday->pdata[0])->id));
  g_assert_false (gtk_widget_get_visible (fixture_find_label (GTK_WIDGET (panel),
                                                              "Nothing planned on this day.")));
  /* and its button still asks first, naming the reason */
  g_signal_emit_by_name (rc_day_panel_get_book_button (panel), "clicked");
  assert_asks (fixture, FORBIDDEN_DAY, FORBIDDEN_REASON);
}

/* The one massage booked on ISO, as stored. */
static RcEntry *
massage_on (WindowFixture *fixture,
            const char    *iso)
{
  g_autoptr(GPtrArray) entries = fixture_entries_on (fixture, iso);

  g_assert_cmpuint (fixture_count_kind (fixture, iso, RC_KIND_MASSAGE), ==, 1);
  for (guint i = 0; i < entries->len; i++)
    if (((RcEntry *) entries->pdata[i])->kind == RC_KIND_MASSAGE)
      return rc_entry_copy (entries->pdata[i]);
  g_assert_not_reached ();
}

/* Clicks the panel's Book Massage for the day it shows, in view or not;
 * what it books is what the panel advised: the kind and, at the top of
 * the advised range, the minutes. */
static void
assert_panel_books_advice (WindowFixture *fixture,
                           const char    *iso,
                           RcMassage      massage,
                           int            minutes)
{
  RcDayPanel *panel = rc_window_get_panel (fixture->window);
  const RcAdvice *advice = rc_calendar_model_get_advice (rc_window_get_model (fixture->window),
                                                         rc_test_day (iso));
  g_autoptr(RcEntry) booked = NULL;
  g_autofree char *range = NULL;

  g_assert_cmpuint (rc_day_panel_get_day (panel), ==, rc_test_day (iso));
  g_assert_nonnull (advice);
  g_assert_cmpint (advice->massage, ==, massage);
  g_assert_cmpint (advice->minutes_max, ==, minutes);
  /* the panel says so */
  range = rc_advice_minutes_text (advice);
  g_assert_nonnull (strstr (rc_day_panel_get_summary (panel), range));
  g_signal_emit_by_name (rc_day_panel_get_book_button (panel), "clicked");
  g_assert_null (fixture_find_dialog (fixture));
  booked = massage_on (fixture, iso);
  g_assert_cmpint (booked->massage, ==, massage);
  g_assert_cmpint (booked->minutes, ==, minutes);
}

/* The panel books what it advises (rules-spec.md, Minutes: pre-event
 * 30-45, the upper end booked; post-run the plan's default); the palette's
 * Massage tile keeps the plan's default minutes. */
static void
test_panel_books_advice (WindowFixture *fixture,
                         gconstpointer  data)
{
  RcDayGrid *grid = rc_window_get_grid (fixture->window);
  g_autofree char *summary = NULL;
  g_auto(GStrv) reasons = NULL;
  g_autoptr(RcEntry) tile = NULL;

  /* Wed 16 Dec, safe: "Safe for a pre-event massage: light to moderate
   * pressure, 30-45 minutes" */
  open_in_week (fixture, "2026-12-16", &summary, &reasons);
  g_assert_true (g_str_has_prefix (summary, "Safe for a pre-event massage"));
  assert_panel_books_advice (fixture, "2026-12-16", RC_MASSAGE_PRE_EVENT, 45);

  /* Sun 13, ideal pre-event, booked from the panel a week later */
  g_clear_pointer (&summary, g_free);
  g_clear_pointer (&reasons, g_strfreev);
  open_in_week (fixture, "2026-12-13", &summary, &reasons);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next", NULL);
  assert_panel_books_advice (fixture, "2026-12-13", RC_MASSAGE_PRE_EVENT, 45);

  /* Mon 21, post-run: the plan's default, as the panel says */
  g_clear_pointer (&summary, g_free);
  g_clear_pointer (&reasons, g_strfreev);
  open_in_week (fixture, "2026-12-21", &summary, &reasons);
  assert_panel_books_advice (fixture, "2026-12-21", RC_MASSAGE_POST_RUN,
                             rc_store_get_default_minutes (fixture->other, RC_KIND_MASSAGE));

  /* the palette's tile on Mon 14, a pre-event day: the plan's default */
  rc_window_go_to (fixture->window, rc_test_day ("2026-12-14"));
  rc_day_grid_set_current (grid, rc_test_day ("2026-12-14"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.close-panel", NULL);
  g_signal_emit_by_name (massage_tile (fixture), "clicked");
  g_assert_null (fixture_find_dialog (fixture));
  tile = massage_on (fixture, "2026-12-14");
  g_assert_cmpint (tile->massage, ==, RC_MASSAGE_PRE_EVENT);
  g_assert_cmpint (tile->minutes, ==, rc_store_get_default_minutes (fixture->other, RC_KIND_MASSAGE));
}

static void
shoot (WindowFixture *fixture,
       const char    *name,
       gboolean       dark)
{
  g_autofree char *file = g_strconcat ("advice-", name, NULL);

  fixture_shoot (GTK_WIDGET (fixture->window), file, dark, 700);
}

/* For people to look at: the Tuesday/Thursday example with its Friday
 * open, and a week with no massage day. */
static void
test_screenshots (WindowFixture *fixture,
                  gconstpointer  data)
{
  seed (fixture, tue_thu_plan, G_N_ELEMENTS (tue_thu_plan));
  seed (fixture, busy_weeks, G_N_ELEMENTS (busy_weeks));
  add_massage (fixture, "2027-02-03", RC_MASSAGE_MAINTENANCE);
  rc_calendar_model_refresh (rc_window_get_model (fixture->window));
  for (guint dark = 0; dark < 2; dark++)
    {
      rc_window_go_to (fixture->window, rc_test_day ("2027-01-04"));
      rc_window_open_day (fixture->window, rc_test_day ("2027-01-07"));
      gtk_expander_set_expanded (rc_day_panel_get_considered_expander (rc_window_get_panel (fixture->window)), TRUE);
      shoot (fixture, "guidance-week", dark);
      rc_window_go_to (fixture->window, rc_test_day ("2027-02-01"));
      rc_window_open_day (fixture->window, rc_test_day ("2027-02-03"));
      shoot (fixture, "no-massage-day-week", dark);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static const FixtureTest tests[] = {
  { "guidance-tuesday-thursday", test_guidance_tuesday_thursday, FIXTURE_EMPTY },
  { "guidance-saturday-long",    test_guidance_saturday_long,    FIXTURE_EMPTY },
  { "guidance-five-runs",        test_guidance_five_runs,        FIXTURE_EMPTY },
  { "week-without-massage-day",  test_week_without_massage_day,  FIXTURE_EMPTY },
  { "month-best-days",           test_month_best_days,           FIXTURE_WORKED_EXAMPLE },
  { "every-booking-asks",        test_every_booking_asks,        FIXTURE_WORKED_EXAMPLE },
  { "chip-conflicts",            test_chip_conflicts,            FIXTURE_WORKED_EXAMPLE },
  { "panel-reasons",             test_panel_reasons,             FIXTURE_WORKED_EXAMPLE },
  { "panel-keeps-advice",        test_panel_keeps_advice,        FIXTURE_WORKED_EXAMPLE },
  { "panel-books-advice",        test_panel_books_advice,        FIXTURE_WORKED_EXAMPLE },
  { "screenshots",               test_screenshots,               FIXTURE_EMPTY },
};

int
main (int   argc,
      char *argv[])
{
  return fixture_run (&argc, &argv, "/advice-gui/", tests, G_N_ELEMENTS (tests));
}
