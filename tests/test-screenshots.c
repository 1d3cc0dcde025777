/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-screenshots.c - PNGs of the week and month views, light and dark, in
 * the build folder (screenshots/), for people to look at. */

#include "config.h"

#include "window-fixture.h"

static void
shoot (WindowFixture *fixture,
       const char    *view,
       gboolean       dark)
{
  rc_window_set_view (fixture->window, view);
  rc_window_go_to (fixture->window, rc_test_day ("2026-12-15"));
  if (g_str_equal (view, "week"))
    rc_window_open_day (fixture->window, rc_test_day ("2026-12-16"));
  /* the flaps slide in: their animations end before the picture */
  g_assert_cmpuint (fixture_shoot (GTK_WIDGET (fixture->window), view, dark, 700), >, 10000);
}

static void
test_screenshots (WindowFixture *fixture,
                  gconstpointer  data)
{
  const char *views[] = { "week", "month" };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (guint dark = 0; dark < 2; dark++)
      shoot (fixture, views[v], dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static const FixtureTest tests[] = {
  { "week-and-month", test_screenshots, FIXTURE_WORKED_EXAMPLE },
};

int
main (int   argc,
      char *argv[])
{
  return fixture_run (&argc, &argv, "/screenshots/", tests, G_N_ELEMENTS (tests));
}
