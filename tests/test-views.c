/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-views.c - the views follow the calendar model's range (its "first"
 * and "last" notifications) and take the model when they are built. */

#include "config.h"

#include "rc-conflicts-dialog.h"
#include "rc-day-panel.h"
#include "rc-entry-row.h"
#include "rc-load-view.h"
#include "rc-month-view.h"
#include "rc-preferences-window.h"
#include "rc-sync-page.h"
#include "rc-week-view.h"
#include "window-fixture.h"

static RcWeekView *
week_view_of (WindowFixture *fixture)
{
  GtkWidget *grid = GTK_WIDGET (rc_window_get_grid (fixture->window));

  return RC_WEEK_VIEW (gtk_widget_get_ancestor (grid, RC_TYPE_WEEK_VIEW));
}

/* Days the model does not hold yet are not drawn half (no advice): the
 * cells show them once the model's range arrives, whoever set it. */
static void
test_grid_follows_range (WindowFixture *fixture,
                         gconstpointer  data)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  RcDayGrid *grid = rc_window_get_grid (fixture->window);
  RcDay week = rc_test_day ("2026-12-14");
  RcDayCell *first_cell = rc_day_grid_get_cell (grid, rc_test_day ("2026-12-07"));

  g_assert_cmpstr (fixture_verdict_class (first_cell), ==, "forbidden");
  rc_day_grid_set_days (grid, week, week, week + 6);
  /* still the week the model holds */
  g_assert_cmpuint (rc_day_cell_get_day (first_cell), ==, rc_test_day ("2026-12-07"));

  rc_calendar_model_set_range (model, week, week + 6);
  g_assert_cmpuint (rc_day_cell_get_day (first_cell), ==, week);
  g_assert_true (rc_day_grid_get_cell (grid, week) == first_cell);
  /* rules-spec.md, worked example: Mon 14 Dec is ideal, Tue 15 forbidden */
  g_assert_cmpstr (fixture_verdict_class (first_cell), ==, "ideal");
  g_assert_cmpstr (fixture_verdict_class (rc_day_grid_get_cell (grid, week + 1)), ==, "forbidden");
}

/* The week's planned-against-done line counts the week the model holds,
 * once its range follows the week shown. */
static void
test_week_load_follows_range (WindowFixture *fixture,
                              gconstpointer  data)
{
  RcWeekView *view = week_view_of (fixture);
  RcWeekLoad *load = rc_week_view_get_load (view);
  RcDay week = rc_test_day ("2026-12-14");
  g_autofree char *first_week = NULL;
  g_autofree char *second_week = NULL;

  first_week = g_strdup (rc_week_load_get_text (load));
  rc_window_go_to (fixture->window, week);
  second_week = g_strdup (rc_week_load_get_text (load));
  g_assert_cmpstr (first_week, !=, second_week);
  rc_window_go_to (fixture->window, rc_test_day ("2026-12-07"));
  g_assert_cmpstr (rc_week_load_get_text (load), ==, first_week);

  rc_week_view_show_week (view, week);
  g_assert_cmpstr (rc_week_load_get_text (load), ==, first_week);
  rc_calendar_model_set_range (rc_window_get_model (fixture->window), week, week + 6);
  g_assert_cmpstr (rc_week_load_get_text (load), ==, second_week);
}

/* Whoever builds these passes the model to g_object_new; none can be
 * built without it and given one later. */
static void
test_model_is_construct_only (WindowFixture *fixture,
                              gconstpointer  data)
{
  const GType types[] = {
    RC_TYPE_MONTH_VIEW, RC_TYPE_LOAD_VIEW, RC_TYPE_DAY_PANEL, RC_TYPE_PREFERENCES_WINDOW,
    RC_TYPE_CONFLICTS_DIALOG, RC_TYPE_SYNC_PAGE, RC_TYPE_DAY_CELL, RC_TYPE_ENTRY_ROW,
    RC_TYPE_WINDOW,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "model");

      g_test_message ("%s", g_type_name (types[i]));
      g_assert_nonnull (pspec);
      g_assert_true (pspec->owner_type == types[i]);
      g_assert_true (pspec->value_type == RC_TYPE_CALENDAR_MODEL);
      g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
      g_assert_true (pspec->flags & G_PARAM_READABLE);
      g_assert_true (pspec->flags & G_PARAM_WRITABLE);
    }
}

/* The model given to g_object_new is the one read back with g_object_get,
 * from the window and from the views it builds with it. */
static void
test_model_is_readable (WindowFixture *fixture,
                        gconstpointer  data)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  g_autoptr(GtkWidget) month = g_object_ref_sink (g_object_new (RC_TYPE_MONTH_VIEW, "model", model, NULL));
  GObject *objects[4];

  g_assert_nonnull (model);
  rc_window_set_view (fixture->window, "load");
  objects[0] = G_OBJECT (fixture->window);
  objects[1] = G_OBJECT (rc_window_get_panel (fixture->window));
  objects[2] = G_OBJECT (rc_window_get_load_view (fixture->window));
  objects[3] = G_OBJECT (month);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      g_autoptr(RcCalendarModel) read = NULL;

      g_test_message ("%s", G_OBJECT_TYPE_NAME (objects[i]));
      g_object_get (objects[i], "model", &read, NULL);
      g_assert_true (read == model);
    }
}

/* A property id the class does not have is a programming error that the
 * window's log domain warns of, for reading and for writing; the model
 * stays. */
static void
test_model_wrong_id_warns (WindowFixture *fixture,
                           gconstpointer  data)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  g_autoptr(GtkWidget) month = g_object_ref_sink (g_object_new (RC_TYPE_MONTH_VIEW, "model", model, NULL));
  GObject *objects[] = { G_OBJECT (fixture->window), G_OBJECT (month) };

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      GObjectClass *klass = G_OBJECT_GET_CLASS (objects[i]);
      GParamSpec *pspec = g_object_class_find_property (klass, "model");
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(RcCalendarModel) read = NULL;

      g_test_message ("%s", G_OBJECT_TYPE_NAME (objects[i]));
      g_value_init (&value, RC_TYPE_CALENDAR_MODEL);
      g_test_expect_message ("RecoveryCal", G_LOG_LEVEL_WARNING, "*invalid property id 2 *");
      klass->get_property (objects[i], 2, &value, pspec);
      g_test_assert_expected_messages ();
      g_assert_null (g_value_get_object (&value));
      g_test_expect_message ("RecoveryCal", G_LOG_LEVEL_WARNING, "*invalid property id 2 *");
      klass->set_property (objects[i], 2, &value, pspec);
      g_test_assert_expected_messages ();
      g_object_get (objects[i], "model", &read, NULL);
      g_assert_true (read == model);
    }
}

static const FixtureTest tests[] = {
  { "grid-follows-range",      test_grid_follows_range,      FIXTURE_WORKED_EXAMPLE },
  { "week-load-follows-range", test_week_load_follows_range, FIXTURE_WORKED_EXAMPLE },
  { "model-is-construct-only", test_model_is_construct_only, FIXTURE_WORKED_EXAMPLE },
  { "model-is-readable",       test_model_is_readable,       FIXTURE_WORKED_EXAMPLE },
  { "model-wrong-id-warns",    test_model_wrong_id_warns,    FIXTURE_WORKED_EXAMPLE },
};

int
main (int   argc,
      char *argv[])
{
  return fixture_run (&argc, &argv, "/views/", tests, G_N_ELEMENTS (tests));
}
