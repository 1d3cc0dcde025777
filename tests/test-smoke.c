/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-smoke.c - the main window opens, maps, draws and closes without a
 * warning, and the application's first window is styled once. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rc-application.h"
#include "rc-test-util.h"
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
  g_autoptr(RcApplication) app = rc_application_new (NULL, RC_DAY_INVALID);
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
  g_clear_object (&app);
  rc_test_remove_tree (dir);
}

/* The icon theme's "changed" makes GTK restyle every widget on screen, look
 * its icons up again and lay it all out again. GtkApplication and libadwaita
 * add their icons to the theme at start-up, and GTK's answer comes from an
 * idle: the first window must be built after it, not painted and then
 * rebuilt. */
typedef struct {
  GApplication *app;
  gboolean      painted;
  guint         changed_after_paint;
} FirstWindow;

static void
on_icon_theme_changed (GtkIconTheme *theme,
                       FirstWindow  *first)
{
  if (first->painted)
    first->changed_after_paint++;
}

static gboolean
quit_app (gpointer app)
{
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
on_first_paint (GdkFrameClock *clock,
                FirstWindow   *first)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, first);
  first->painted = TRUE;
  /* GTK's idle lands within a millisecond of the first frame when the
   * window comes too early; half a second leaves it every chance. */
  g_timeout_add (500, quit_app, first->app);
}

static void
on_window_map (GtkWidget   *window,
               FirstWindow *first)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_paint), first);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 FirstWindow    *first)
{
  if (RC_IS_WINDOW (window))
    g_signal_connect (window, "map", G_CALLBACK (on_window_map), first);
}

/* runs after the application's own startup, which set the icon theme up */
static void
on_startup (GApplication *app,
            FirstWindow  *first)
{
  g_signal_connect (gtk_icon_theme_get_for_display (gdk_display_get_default ()), "changed",
                    G_CALLBACK (on_icon_theme_changed), first);
}

static void
test_first_window_styled_once (void)
{
  g_autoptr(RcApplication) app = rc_application_new (NULL, RC_DAY_INVALID);
  g_autofree char *dir = g_dir_make_tmp ("rc-smoke-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "plan.db", NULL);
  char *argv[] = { (char *) "recoverycal", NULL };
  FirstWindow first = { G_APPLICATION (app), FALSE, 0 };

  g_setenv ("RECOVERYCAL_DB", db, TRUE);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "startup", G_CALLBACK (on_startup), &first);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &first);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);

  g_assert_true (first.painted);
  g_assert_cmpuint (first.changed_after_paint, ==, 0);
  g_signal_handlers_disconnect_by_data (gtk_icon_theme_get_for_display (gdk_display_get_default ()), &first);
  g_clear_object (&app);
  rc_test_remove_tree (dir);
}

/* What an application run opened: its plan window (the store's path and the
 * day it showed when mapped) or the dialog that said why not. */
typedef struct {
  gboolean  plan_window;
  char     *dialog_body;
  char     *store_path;
  RcDay     anchor;
} Opened;

static void
opened_clear (Opened *opened)
{
  g_clear_pointer (&opened->dialog_body, g_free);
  g_clear_pointer (&opened->store_path, g_free);
}

static gboolean
close_window (gpointer window)
{
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

static void
on_opened_window_map (GtkWidget *window,
                      Opened    *opened)
{
  RcApplication *app = RC_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  opened->store_path = g_strdup (rc_store_get_path (rc_application_get_store (app)));
  opened->anchor = rc_window_get_anchor (RC_WINDOW (window));
}

static void
on_opened_window_added (GtkApplication *app,
                        GtkWindow      *window,
                        Opened         *opened)
{
  if (RC_IS_WINDOW (window))
    {
      opened->plan_window = TRUE;
      g_signal_connect (window, "map", G_CALLBACK (on_opened_window_map), opened);
    }
  else if (ADW_IS_MESSAGE_DIALOG (window))
    opened->dialog_body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)));
  g_idle_add (close_window, window);
}

static Opened
run_app (RcApplication *app)
{
  char *argv[] = { (char *) "recoverycal", NULL };
  Opened opened = { FALSE, NULL, NULL, RC_DAY_INVALID };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_opened_window_added), &opened);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  return opened;
}

/* A plan is checked whole while GTK starts (the opener thread of
 * rc-application.c): an intact one opens its window, a damaged one only the
 * dialog that says so, and the file is left as it was. */
static Opened
run_on_plan (const char *db)
{
  g_autoptr(RcApplication) app = rc_application_new (NULL, RC_DAY_INVALID);

  g_setenv ("RECOVERYCAL_DB", db, TRUE);
  return run_app (app);
}

static char *
file_contents (const char *path,
               gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static void
test_plan_checked_at_start (void)
{
  g_autofree char *dir = rc_test_make_tmp_dir ("rc-smoke-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "plan.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcStore) store = rc_store_open (db, &error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length, length_after;
  Opened opened;

  g_assert_no_error (error);
  for (guint i = 0; i < 2000; i++)
    {
      RcEntry *e = rc_entry_new (rc_day_today () + i % 400, RC_KIND_EASY);

      e->notes = g_strnfill (200, 'n');
      g_ptr_array_add (entries, e);
    }
  g_assert_true (rc_store_import (store, entries, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  opened = run_on_plan (db);
  g_assert_true (opened.plan_window);
  g_assert_null (opened.dialog_body);
  opened_clear (&opened);

  /* a page in the middle, not the first that names the file ours */
  before = file_contents (db, &length);
  g_assert_cmpuint (length, >, 64 * 4096);
  memset (before + 32 * 4096, 0x5a, 64);
  g_assert_true (g_file_set_contents (db, before, length, NULL));
  opened = run_on_plan (db);
  g_assert_false (opened.plan_window);
  g_assert_nonnull (opened.dialog_body);
  g_test_message ("%s", opened.dialog_body);
  g_assert_nonnull (strstr (opened.dialog_body, "damaged"));
  /* the file named once, SQLite's heading line left out */
  g_assert_nonnull (strstr (opened.dialog_body, "plan.db"));
  g_assert_null (strstr (strstr (opened.dialog_body, "plan.db") + 1, "plan.db"));
  g_assert_null (strstr (opened.dialog_body, "***"));
  g_assert_nonnull (strstr (opened.dialog_body, "The file has not been changed."));
  after = file_contents (db, &length_after);
  g_assert_cmpmem (before, length, after, length_after);

  opened_clear (&opened);
  rc_test_remove_tree (dir);
}

/* --db and --date, as main() parsed them, reach the window: a relative PATH
 * is the file in the folder the app was started from (and not the one
 * $RECOVERYCAL_DB names), and the window opens on DATE's week. */
static void
test_options_open_plan_and_day (void)
{
  g_autofree char *dir = rc_test_make_tmp_dir ("rc-smoke-XXXXXX");
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *real_dir = NULL;
  g_autofree char *plan = NULL;
  g_autoptr(RcApplication) app = NULL;
  g_autofree char *db_property = NULL;
  RcDay day = rc_day_from_iso ("2027-03-17");
  guint start_day = 0;
  Opened opened;

  g_setenv ("RECOVERYCAL_DB", other, TRUE);
  g_assert_cmpint (g_chdir (dir), ==, 0);
  real_dir = g_get_current_dir ();
  plan = g_build_filename (real_dir, "plan.db", NULL);
  app = rc_application_new ("plan.db", day);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_object_get (app, "db-path", &db_property, "start-day", &start_day, NULL);
  g_assert_cmpstr (db_property, ==, plan);
  g_assert_cmpuint (start_day, ==, day);

  opened = run_app (app);
  g_assert_true (opened.plan_window);
  g_assert_cmpstr (opened.store_path, ==, plan);
  g_assert_cmpuint (opened.anchor, ==, day);
  g_assert_true (g_file_test (plan, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));

  opened_clear (&opened);
  g_clear_object (&app);
  rc_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/smoke/first-window-styled-once", test_first_window_styled_once);
  g_test_add_func ("/smoke/plan-checked-at-start", test_plan_checked_at_start);
  g_test_add_func ("/smoke/options-open-plan-and-day", test_options_open_plan_and_day);
  /* last: its application stays registered on the bus */
  g_test_add_func ("/smoke/window-maps-and-draws", test_window_maps_and_draws);

  return g_test_run ();
}
