/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-screenshots.c - PNGs of the week and month views, light and dark, in
 * the build folder (screenshots/), for people to look at. */

#include "config.h"

#include <glib/gstdio.h>

#include "window-fixture.h"

static GBytes *
render_png (GtkWidget  *widget,
            const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *path = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *contents = NULL;
  gsize length = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 10000);
  g_test_message ("wrote %s", path);
  return g_bytes_new_take (contents, length);
}

static gboolean
on_settled (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The flaps slide in: let their animations end before the picture. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_settled, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
shoot (WindowFixture *fixture,
       const char    *view,
       gboolean       dark)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *name = g_strdup_printf ("%s-%s", view, dark ? "dark" : "light");
  g_autoptr(GBytes) png = NULL;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  rc_window_set_view (fixture->window, view);
  rc_window_go_to (fixture->window, rc_day_from_iso ("2026-12-15"));
  if (g_str_equal (view, "week"))
    rc_window_open_day (fixture->window, rc_day_from_iso ("2026-12-16"));
  settle (700);
  fixture_wait_drawn (GTK_WIDGET (fixture->window));
  png = render_png (GTK_WIDGET (fixture->window), name);
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/screenshots/week-and-month", WindowFixture, GINT_TO_POINTER (1),
              fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
