/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-preferences.c - Preferences take effect at once: the profile recolours,
 * the week start reorders the columns, minutes and style are kept where the
 * CLI (store) and the next start (GSettings) find them. */

#include "config.h"

#include "rc-preferences-window.h"
#include "window-fixture.h"

static RcPreferencesWindow *
open_preferences (WindowFixture *fixture)
{
  RcPreferencesWindow *prefs = rc_preferences_window_new (GTK_WINDOW (fixture->window),
                                                          rc_window_get_model (fixture->window));

  gtk_window_present (GTK_WINDOW (prefs));
  fixture_wait_drawn (GTK_WIDGET (prefs));
  return prefs;
}

static char *
stored (WindowFixture *fixture,
        const char    *key)
{
  g_autoptr(GError) error = NULL;
  char *value = rc_store_get_setting (fixture->other, key, &error);

  g_assert_no_error (error);
  return value;
}

/* The race of Sat 19 Dec: a massage on Mon 21 is two days later, ideal for a
 * typical runner, too early for a slow one (rules-spec.md: after-race D-1/D-2). */
static void
test_profile_recolours (WindowFixture *fixture,
                        gconstpointer  data)
{
  RcPreferencesWindow *prefs;
  g_autofree char *profile = NULL;

  rc_window_go_to (fixture->window, rc_test_day ("2026-12-21"));
  g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, "2026-12-21")), ==, "ideal");
  g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, "2026-12-23")), ==, "safe");

  prefs = open_preferences (fixture);
  rc_preferences_window_select_profile (prefs, RC_PROFILE_SLOW);
  g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, "2026-12-21")), ==, "forbidden");
  /* post-effort-ideal moves to D-3/D-4: Wednesday the 23rd is ideal now */
  g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, "2026-12-23")), ==, "ideal");
  profile = stored (fixture, RC_SETTING_PROFILE);
  g_assert_cmpstr (profile, ==, "slow");

  rc_preferences_window_select_profile (prefs, RC_PROFILE_TYPICAL);
  g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, "2026-12-21")), ==, "ideal");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Days in the order the columns show them, left to right. */
static void
assert_first_column (WindowFixture *fixture,
                     RcDay          first)
{
  RcDayGrid *grid = rc_window_get_grid (fixture->window);
  graphene_rect_t a, b;

  fixture_wait_drawn (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (rc_day_grid_get_first (grid), ==, first);
  for (RcDay d = first; d < first + 6; d++)
    {
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (rc_day_grid_get_cell (grid, d)),
                                                GTK_WIDGET (grid), &a));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (rc_day_grid_get_cell (grid, d + 1)),
                                                GTK_WIDGET (grid), &b));
      g_assert_cmpfloat (a.origin.x, <, b.origin.x);
    }
}

static gboolean
best (WindowFixture *fixture,
      const char    *iso)
{
  const RcAdvice *advice = rc_calendar_model_get_advice (rc_window_get_model (fixture->window),
                                                         rc_test_day (iso));

  g_assert_nonnull (advice);
  return advice->best;
}

static void
test_week_start_reorders (WindowFixture *fixture,
                          gconstpointer  data)
{
  RcPreferencesWindow *prefs = open_preferences (fixture);
  g_autofree char *week_start = NULL;

  assert_first_column (fixture, rc_test_day ("2026-12-07"));   /* Monday */
  rc_preferences_window_select_week_start (prefs, 3);           /* Sunday */
  assert_first_column (fixture, rc_test_day ("2026-12-06"));
  g_assert_cmpstr (rc_window_get_period_title (fixture->window), ==, "6 – 12 Dec 2026");
  week_start = stored (fixture, RC_SETTING_WEEK_START);
  g_assert_cmpstr (week_start, ==, "sunday");

  /* The best day is the week's: Sun 6 Dec, the earliest safe day of 6-12 Dec,
   * where from Monday the week 30 Nov-6 Dec has no training in it or in the
   * 7 days before, so no best day (rules-spec.md version 2). */
  g_assert_true (best (fixture, "2026-12-06"));
  rc_preferences_window_select_week_start (prefs, 1);           /* Monday */
  rc_window_go_to (fixture->window, rc_test_day ("2026-12-06"));
  for (RcDay d = rc_test_day ("2026-11-30"); d <= rc_test_day ("2026-12-06"); d++)
    {
      g_autofree char *iso = rc_day_to_iso (d);

      g_assert_false (best (fixture, iso));
    }
  rc_window_go_to (fixture->window, rc_test_day ("2026-12-10"));

  rc_preferences_window_select_week_start (prefs, 2);           /* Saturday */
  assert_first_column (fixture, rc_test_day ("2026-12-05"));

  /* The month view too: December 2026 begins on a Tuesday. */
  rc_window_set_view (fixture->window, "month");
  assert_first_column (fixture, rc_test_day ("2026-11-28"));
  rc_preferences_window_select_week_start (prefs, 1);           /* Monday */
  assert_first_column (fixture, rc_test_day ("2026-11-30"));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* The CLI writes the same setting: the window follows when it looks again. */
static void
test_week_start_from_cli (WindowFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rc_store_set_setting (fixture->other, RC_SETTING_WEEK_START, "sunday", &error));
  g_assert_no_error (error);
  rc_calendar_model_refresh (rc_window_get_model (fixture->window));
  assert_first_column (fixture, rc_test_day ("2026-12-06"));
}

static void
test_default_minutes (WindowFixture *fixture,
                      gconstpointer  data)
{
  RcPreferencesWindow *prefs = open_preferences (fixture);
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  g_autoptr(GError) error = NULL;
  const RcEntry *entry;
  gint64 id;

  rc_preferences_window_set_minutes (prefs, RC_KIND_LONG, 95);
  rc_preferences_window_set_minutes (prefs, RC_KIND_MASSAGE, 45);
  g_assert_cmpint (rc_store_get_default_minutes (fixture->other, RC_KIND_LONG), ==, 95);
  g_assert_cmpint (rc_store_get_default_minutes (fixture->other, RC_KIND_MASSAGE), ==, 45);

  id = rc_calendar_model_add_kind (model, RC_KIND_LONG, rc_test_day ("2026-12-13"), &error);
  g_assert_no_error (error);
  entry = rc_calendar_model_lookup (model, id);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->minutes, ==, 95);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_style (WindowFixture *fixture,
            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RcPreferencesWindow *prefs = open_preferences (fixture);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *style = NULL;

  rc_preferences_window_select_style (prefs, 2);   /* Dark */
  style = g_settings_get_string (settings, "style");
  g_assert_cmpstr (style, ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  rc_preferences_window_select_style (prefs, 1);   /* Light */
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));
  rc_preferences_window_select_style (prefs, 0);   /* Follow System */
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static const FixtureTest tests[] = {
  { "profile-recolours",   test_profile_recolours,   FIXTURE_WORKED_EXAMPLE },
  { "week-start-reorders", test_week_start_reorders, FIXTURE_WORKED_EXAMPLE },
  { "week-start-from-cli", test_week_start_from_cli, FIXTURE_WORKED_EXAMPLE },
  { "default-minutes",     test_default_minutes,     FIXTURE_WORKED_EXAMPLE },
  { "style",               test_style,               FIXTURE_WORKED_EXAMPLE },
};

int
main (int   argc,
      char *argv[])
{
  return fixture_run (&argc, &argv, "/preferences/", tests, G_N_ELEMENTS (tests));
}
