/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-smoke.c - the main window opens, maps, draws and closes without a warning. */

#include "config.h"

#include <adwaita.h>

#include "rc-application.h"
#include "rc-window.h"

static gboolean
on_timeout (gpointer data)
{
  g_error ("the window did not map and draw in time");
  return G_SOURCE_REMOVE;
}

static void
on_frame (GdkFrameClock *clock,
          gboolean      *drawn)
{
  *drawn = TRUE;
}

static void
test_window_maps_and_draws (void)
{
  g_autoptr(RcApplication) app = rc_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rc-smoke-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "plan.db", NULL);
  RcWindow *window;
  gboolean drawn = FALSE;
  guint timeout;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_setenv ("RECOVERYCAL_DB", db, TRUE);
  g_assert_true (rc_application_open_store (app, &error));
  g_assert_no_error (error);

  window = rc_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  timeout = g_timeout_add_seconds (30, on_timeout, NULL);

  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_frame), &drawn);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!drawn)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 0);

  g_source_remove (timeout);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (window)), &drawn);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/smoke/window-maps-and-draws", test_window_maps_and_draws);

  return g_test_run ();
}
