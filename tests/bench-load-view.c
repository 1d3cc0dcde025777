/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-load-view.c - the Load view's speed target (issue 15) on a 10-year,
 * 5,000-session plan: one frame of the chart drawn under 8 ms. Also prints
 * the window's whole frame after the chart changed (renderer-bound) and the
 * week step in the Load view. Prints figures; fails on a miss. */

#include "config.h"

#include <stdlib.h>

#include "rc-load-view.h"
#include "rc-test-util.h"
#include "rc-window.h"

#define N_ENTRIES  5000
#define N_RUNS     50
#define TARGET_FRAME_MS 8.0

static const RcKind kinds[] = {
  RC_KIND_EASY, RC_KIND_LONG, RC_KIND_TEMPO, RC_KIND_INTERVALS, RC_KIND_REST,
  RC_KIND_CROSS, RC_KIND_RACE, RC_KIND_EASY, RC_KIND_MASSAGE,
};

/* Ten years ending five years from now; the past done, some skipped. */
static void
seed (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcStore) store = rc_store_open (db, &error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  RcDay today = rc_day_today ();
  RcDay first = today - 5 * 365;
  guint added = 0, updated = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      RcEntry *e = rc_entry_new (first + (i * 7919u) % (10 * 365), kinds[i % G_N_ELEMENTS (kinds)]);

      e->minutes = 30 + (int) (i % 90);
      if (e->kind != RC_KIND_MASSAGE && e->day < today)
        {
          e->status = i % 11 == 0 ? RC_STATUS_SKIPPED : RC_STATUS_DONE;
          if (e->status == RC_STATUS_DONE)
            {
              e->done_minutes = e->minutes + (int) (i % 7);
              e->done_rpe = 1 + (int) (i % 10);
            }
        }
      g_ptr_array_add (entries, e);
    }
  g_assert_true (rc_store_set_setting (store, RC_SETTING_WEEK_START, "monday", &error));
  g_assert_true (rc_store_import (store, entries, &added, &updated, &error));
  g_assert_no_error (error);
}

typedef struct {
  gint64 start;
  gint64 end;
} Frame;

static void
on_paint (GdkFrameClock *clock,
          Frame         *frame)
{
  frame->start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frame         *frame)
{
  if (frame->start != 0)
    frame->end = g_get_monotonic_time ();
}

/* A real frame after the chart was invalidated: GTK's paint phase (the
 * snapshot, which runs the chart's drawing, and the renderer) timed from
 * the frame clock's "before-paint" to its "after-paint". */
static double
time_frame (GtkWidget *chart)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (chart);
  Frame frame = { 0, 0 };
  gulong paint = g_signal_connect (clock, "before-paint", G_CALLBACK (on_paint), &frame);
  gulong after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frame);

  gtk_widget_queue_draw (chart);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_BEFORE_PAINT);
  while (frame.end == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, paint);
  g_signal_handler_disconnect (clock, after);
  return (frame.end - frame.start) / 1000.0;
}

static gboolean
check (const char *what,
       double      value,
       double      target)
{
  gboolean ok = value <= target;

  g_print ("%-58s %9.2f ms (target <= %.2f) %s\n", what, value, target, ok ? "ok" : "MISSED");
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rc-bench-load-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "plan.db", NULL);
  g_autoptr(RcApplication) app = NULL;
  double draw_ms[N_RUNS], snapshot_ms[N_RUNS], step_ms[N_RUNS];
  RcWindow *window;
  RcLoadView *view;
  GtkWidget *chart;
  gboolean ok = TRUE;
  int width, height;

  seed (db);
  g_setenv ("RECOVERYCAL_DB", db, TRUE);
  gtk_init ();
  adw_init ();
  app = rc_application_new (NULL, RC_DAY_INVALID);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_set_application_id (G_APPLICATION (app), "com.example.RecoveryCal.BenchLoad");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_true (rc_application_open_store (app, &error));
  window = rc_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 780);
  rc_window_set_view (window, "load");
  gtk_window_present (GTK_WINDOW (window));
  view = rc_window_get_load_view (window);
  chart = rc_load_view_get_chart (view);
  while (gtk_widget_get_width (chart) == 0)
    g_main_context_iteration (NULL, TRUE);
  width = gtk_widget_get_width (chart);
  height = gtk_widget_get_height (chart);
  g_print ("# a %d-entry plan over 10 years; chart %d x %d px\n", N_ENTRIES, width, height);

  for (guint i = 0; i < N_RUNS; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      rc_load_view_draw (view, cr, width, height);
      cairo_surface_flush (surface);
      draw_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      snapshot_ms[i] = time_frame (chart);

      start = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (window), i % 4 == 3 ? "win.previous" : "win.next", NULL);
      step_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  ok &= check ("Load view: one frame of the chart, cairo (median of 50)", rc_test_median (draw_ms, N_RUNS), TARGET_FRAME_MS);
  /* For information: the whole window's frame depends on the renderer (on
   * software GL it is mostly the renderer's own time, not the chart's). */
  g_print ("%-58s %9.2f ms (%s)\n", "window frame after the chart changed (median of 50)",
           rc_test_median (snapshot_ms, N_RUNS),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  g_print ("%-58s %9.2f ms\n", "Load view: next week, figures recomputed (median of 50)", rc_test_median (step_ms, N_RUNS));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&app);
  rc_test_remove_tree (dir);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
