/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-window.c - the window's speed targets on a 10-year, 5,000-entry plan:
 * first frame and peak memory against a bare AdwApplicationWindow (each in
 * fresh processes, same GSK renderer), next week / next month update path,
 * and a drop saved + week recoloured. Prints figures; fails on a miss. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rc-day-cell.h"
#include "rc-entry-chip.h"
#include "rc-test-util.h"
#include "rc-window.h"

#define N_ENTRIES   5000
#define N_RUNS      9
#define N_STEPS     100
#define N_DROPS     100

#define TARGET_FRAME_RATIO  1.15
#define TARGET_UPDATE_MS    8.0
#define TARGET_DROP_MS      16.0
#define TARGET_EXTRA_KB     (10 * 1024)

static const RcKind kinds[] = {
  RC_KIND_EASY, RC_KIND_LONG, RC_KIND_TEMPO, RC_KIND_INTERVALS, RC_KIND_REST,
  RC_KIND_CROSS, RC_KIND_RACE, RC_KIND_EASY, RC_KIND_MASSAGE,
};

/* ---- child processes: one window, its first frame, its peak memory ---- */

/* user + system CPU time of this process so far, in ms: steadier than the
 * wall clock on a machine that other work shares */
static double
cpu_ms (void)
{
  g_autofree char *stat = NULL;
  const char *p;
  unsigned long utime = 0, stime = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) || (p = strrchr (stat, ')')) == NULL)
    return -1;
  /* fields 14 and 15, counted from the state field (3) after the name */
  if (sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
    return -1;
  return (utime + stime) * 1000.0 / sysconf (_SC_CLK_TCK);
}

static gboolean
report_memory (gpointer app)
{
  g_print ("HWM %ld\n", rc_test_vm_hwm_kb ());
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

/* RC_BENCH_WIDGETS=1: how many widgets of each type the first frame holds */
static void
tally_widgets (GtkWidget  *widget,
               GHashTable *tally)
{
  const char *name = G_OBJECT_TYPE_NAME (widget);

  g_hash_table_insert (tally, (gpointer) name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (tally, name)) + 1));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tally_widgets (child, tally);
}

static void
print_tree (GtkWidget *widget,
            int        depth)
{
  g_printerr ("%*s%s%s%s\n", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
              gtk_widget_get_visible (widget) ? "" : " (hidden)",
              gtk_widget_get_mapped (widget) ? "" : " (unmapped)");
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    print_tree (child, depth + 1);
}

static void
print_tally (GtkWidget *window)
{
  g_autoptr(GHashTable) tally = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer name, n;

  tally_widgets (window, tally);
  if (g_str_equal (g_getenv ("RC_BENCH_WIDGETS"), "tree"))
    print_tree (window, 0);
  g_hash_table_iter_init (&iter, tally);
  while (g_hash_table_iter_next (&iter, &name, &n))
    g_printerr ("%5u %s\n", GPOINTER_TO_UINT (n), (const char *) name);
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  g_print ("CPU %.1f\n", cpu_ms ());
  g_print ("WIDGETS %u\n", count_widgets (window));
  if (g_getenv ("RC_BENCH_WIDGETS") != NULL)
    print_tally (window);
  g_print ("FRAME %s\n", G_OBJECT_TYPE_NAME (renderer));
  fflush (stdout);
  /* Peak memory once the window has settled, as a user would see it. */
  g_timeout_add (1500, report_memory, gtk_window_get_application (GTK_WINDOW (window)));
}

/* RC_BENCH_FRAMES=1: every frame of the first 1.5 s with the peak memory so
 * far, and the icon theme's "changed" if it comes after the window is shown
 * (it restyles every widget: see build_first_window() in rc-application.c;
 * the bare window gets it just after its first frame). */
static gint64 first_paint_us;

static void
log_frame (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();

  if (first_paint_us == 0)
    first_paint_us = now;
  g_printerr ("frame at %6.1f ms, VmHWM %ld kB\n", (now - first_paint_us) / 1000.0, rc_test_vm_hwm_kb ());
}

static void
log_icon_theme_changed (GtkIconTheme *theme)
{
  g_printerr ("icon theme changed at %6.1f ms\n", (g_get_monotonic_time () - first_paint_us) / 1000.0);
}

static void
on_map (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), window);
  if (g_getenv ("RC_BENCH_FRAMES") == NULL)
    return;
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (log_frame), NULL);
  g_signal_connect (gtk_icon_theme_get_for_display (gtk_widget_get_display (window)), "changed",
                    G_CALLBACK (log_icon_theme_changed), NULL);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
}

static void
on_bare_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  /* the size RecoveryCal opens at (its GSettings defaults) */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 780);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *mode)
{
  g_autoptr(GApplication) app = NULL;
  char *argv[] = { (char *) "bench-window", NULL };

  if (g_str_equal (mode, "bare"))
    {
      app = G_APPLICATION (adw_application_new ("com.example.RecoveryCal.BenchBare",
                                                G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (on_bare_activate), NULL);
    }
  else
    {
      app = G_APPLICATION (rc_application_new (NULL, RC_DAY_INVALID));
      g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
    }
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (app, 1, argv);
}

/* ---- the parent: seeds the store, spawns children, times in-process ---- */

typedef struct {
  double cpu_ms;
  double first_frame_ms;
  long   hwm_kb;
  guint  widgets;
  char  *renderer;
} ChildFigures;

static gboolean
spawn_child (const char   *self_path,
             const char   *mode,
             ChildFigures *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  gint64 start = g_get_monotonic_time ();
  char *line;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_path, "--child", mode, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  out->first_frame_ms = -1;
  out->hwm_kb = -1;
  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, NULL)) != NULL)
    {
      if (g_str_has_prefix (line, "FRAME "))
        {
          out->first_frame_ms = (g_get_monotonic_time () - start) / 1000.0;
          out->renderer = g_strdup (line + 6);
        }
      else if (g_str_has_prefix (line, "CPU "))
        out->cpu_ms = g_ascii_strtod (line + 4, NULL);
      else if (g_str_has_prefix (line, "WIDGETS "))
        out->widgets = atoi (line + 8);
      else if (g_str_has_prefix (line, "HWM "))
        out->hwm_kb = atol (line + 4);
      g_free (line);
    }
  g_subprocess_wait (child, NULL, NULL);
  return out->first_frame_ms > 0 && out->hwm_kb > 0;
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof *v, rc_test_compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
minimum (const double *v,
         guint         n)
{
  double m = v[0];

  for (guint i = 1; i < n; i++)
    m = MIN (m, v[i]);
  return m;
}

static gboolean
check (const char *what,
       double      value,
       double      target,
       const char *unit)
{
  gboolean ok = value <= target;

  g_print ("%-58s %9.2f %s (target <= %.2f) %s\n", what, value, unit, target, ok ? "ok" : "MISSED");
  return ok;
}

static void
seed (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcStore) store = rc_store_open (db, &error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  RcDay first = rc_day_today () - 5 * 365;
  guint added = 0, updated = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      RcEntry *e = rc_entry_new (first + (i * 7919u) % (10 * 365), kinds[i % G_N_ELEMENTS (kinds)]);

      e->title = g_strdup_printf ("Session %u", i);
      g_ptr_array_add (entries, e);
    }
  /* Today's week shows a done and a skipped session on any weekday (on a
   * Monday it holds no past day): their status icons are in every first
   * frame, at the size the window asks of the icon theme. */
  for (RcStatus status = RC_STATUS_DONE; status <= RC_STATUS_SKIPPED; status++)
    {
      RcEntry *e = rc_entry_new (rc_day_today (), RC_KIND_EASY);

      e->title = g_strdup (rc_status_to_string (status));
      e->status = status;
      g_ptr_array_add (entries, e);
    }
  g_assert_true (rc_store_set_setting (store, RC_SETTING_WEEK_START, "monday", &error));
  g_assert_true (rc_store_import (store, entries, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, entries->len);
}

static gboolean
compare_startup (const char *self_path)
{
  double bare_ms[N_RUNS], app_ms[N_RUNS], bare_kb[N_RUNS], app_kb[N_RUNS];
  double bare_cpu[N_RUNS], app_cpu[N_RUNS], ratio[N_RUNS];
  g_autofree char *renderer = NULL;
  guint bare_widgets = 0, app_widgets = 0;
  gboolean ok = TRUE;

  for (guint run = 0; run < N_RUNS; run++)
    {
      ChildFigures bare = { 0 }, app = { 0 };

      /* alternate, so that a busy moment hurts both sides alike */
      g_assert_true (spawn_child (self_path, "bare", &bare));
      g_assert_true (spawn_child (self_path, "app", &app));
      g_assert_cmpstr (bare.renderer, ==, app.renderer);
      bare_ms[run] = bare.first_frame_ms;
      app_ms[run] = app.first_frame_ms;
      ratio[run] = app.first_frame_ms / bare.first_frame_ms;
      bare_cpu[run] = bare.cpu_ms;
      app_cpu[run] = app.cpu_ms;
      bare_kb[run] = bare.hwm_kb;
      app_kb[run] = app.hwm_kb;
      bare_widgets = bare.widgets;
      app_widgets = app.widgets;
      g_free (renderer);
      renderer = app.renderer;
      g_free (bare.renderer);
    }
  g_print ("renderer for both sides: %s (GSK_RENDERER=%s)\n", renderer,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("%-58s %9.1f ms\n", "bare AdwApplicationWindow: exec to first frame (median)", median (bare_ms, N_RUNS));
  g_print ("%-58s %9.1f ms\n", "RecoveryCal, 5,000 entries: exec to first frame (median)", median (app_ms, N_RUNS));
  g_print ("%-58s %9.1f ms\n", "bare: CPU time to first frame (median)", median (bare_cpu, N_RUNS));
  g_print ("%-58s %9.1f ms\n", "RecoveryCal: CPU time to first frame (median)", median (app_cpu, N_RUNS));
  g_print ("%-58s %9u / %u\n", "widgets in the first frame, bare / RecoveryCal", bare_widgets, app_widgets);
  g_print ("%-58s %9.2f x\n", "first frame, RecoveryCal / bare (ratio of best runs)",
           minimum (app_ms, N_RUNS) / minimum (bare_ms, N_RUNS));
  /* Each run starts both windows back to back: the median of those paired
   * ratios is the figure least moved by other work on a shared machine. */
  ok &= check ("first frame, RecoveryCal / bare (median of paired ratios)",
               median (ratio, N_RUNS), TARGET_FRAME_RATIO, "x");
  g_print ("%-58s %9.0f kB\n", "bare AdwApplicationWindow: VmHWM (median)", median (bare_kb, N_RUNS));
  g_print ("%-58s %9.0f kB\n", "RecoveryCal: VmHWM (median)", median (app_kb, N_RUNS));
  ok &= check ("peak memory above the bare window (VmHWM)",
               (median (app_kb, N_RUNS) - median (bare_kb, N_RUNS)) / 1024.0,
               TARGET_EXTRA_KB / 1024.0, "MB");
  return ok;
}

static RcWindow *
open_window (RcApplication *app)
{
  g_autoptr(GError) error = NULL;
  RcWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_set_application_id (G_APPLICATION (app), "com.example.RecoveryCal.Bench");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_true (rc_application_open_store (app, &error));
  window = rc_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  return window;
}

static double
time_steps (RcWindow   *window,
            const char *view)
{
  double ms[N_STEPS];

  rc_window_set_view (window, view);
  for (guint i = 0; i < N_STEPS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      /* the update path: range, store query, rules, every cell relabelled */
      gtk_widget_activate_action (GTK_WIDGET (window), i % 4 == 3 ? "win.previous" : "win.next", NULL);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  return median (ms, N_STEPS);
}

/* The question a drop asked, if it opened one: the newest message dialog. */
static AdwMessageDialog *
asked (guint n_before)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = n_before; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* 100 drops, a session or a massage on each day of the week in turn. A
 * drop saves and recolours the week at once (SAVED), except a massage on a
 * forbidden day: that one asks first and saves nothing (ASKED, until the
 * question is shown; answered Cancel, as it would be, before the next). */
static void
time_drops (RcWindow *window,
            GArray   *saved,
            GArray   *asked_ms)
{
  RcDayGrid *grid;

  rc_window_set_view (window, "week");
  rc_window_go_to (window, rc_day_today ());
  grid = rc_window_get_grid (window);
  for (guint i = 0; i < N_DROPS; i++)
    {
      RcDayCell *cell = rc_day_grid_get_cell (grid, rc_day_grid_get_first (grid) + i % 7);
      guint n_windows = g_list_model_get_n_items (gtk_window_get_toplevels ());
      GValue value = G_VALUE_INIT;
      gboolean accepted = FALSE;
      AdwMessageDialog *question;
      gint64 start;
      double ms;

      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, i % 2 ? RC_DND_KIND_PREFIX "easy" : RC_DND_KIND_PREFIX "massage");
      start = g_get_monotonic_time ();
      /* saved (committed) and the week recoloured, synchronously */
      g_signal_emit_by_name (rc_day_cell_get_drop_target (cell), "drop", &value, 5.0, 5.0, &accepted);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_true (accepted);
      g_value_unset (&value);
      question = asked (n_windows);
      g_array_append_val (question != NULL ? asked_ms : saved, ms);
      if (question != NULL)
        adw_message_dialog_response (question, "cancel");
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_array_sort (saved, rc_test_compare_doubles);
  g_array_sort (asked_ms, rc_test_compare_doubles);
}

static gboolean
time_in_process (void)
{
  g_autoptr(RcApplication) app = rc_application_new (NULL, RC_DAY_INVALID);
  RcWindow *window = open_window (app);
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) asked_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean ok = TRUE;

  ok &= check ("next week: update path (median of 100)", time_steps (window, "week"), TARGET_UPDATE_MS, "ms");
  ok &= check ("next month: update path (median of 100)", time_steps (window, "month"), TARGET_UPDATE_MS, "ms");
  time_drops (window, saved, asked_ms);
  g_assert_cmpuint (asked_ms->len, >, 0);
  ok &= check ("drop saved + week recoloured (median)",
               median ((double *) saved->data, saved->len), TARGET_DROP_MS, "ms");
  ok &= check ("drop saved + week recoloured (worst)",
               g_array_index (saved, double, saved->len - 1), TARGET_DROP_MS, "ms");
  /* a question is a new window: its first showing is not a frame's work */
  g_print ("%-58s %9.2f ms (%u drops)\n", "drop that asks first: question shown (median)",
           median ((double *) asked_ms->data, asked_ms->len), asked_ms->len);
  g_print ("%-58s %9.2f ms\n", "drop that asks first: question shown (worst)",
           g_array_index (asked_ms, double, asked_ms->len - 1));
  gtk_window_destroy (GTK_WINDOW (window));
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *self_path = NULL;
  gboolean ok = TRUE;

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);
  /* --seed DB: the plan alone, for profiling a child by hand */
  if (argc == 3 && g_str_equal (argv[1], "--seed"))
    {
      seed (argv[2]);
      return EXIT_SUCCESS;
    }

  dir = g_dir_make_tmp ("rc-bench-window-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "plan.db", NULL);
  seed (db);
  g_setenv ("RECOVERYCAL_DB", db, TRUE);
  self_path = g_canonicalize_filename (argv[0], NULL);

  g_print ("# a %d-entry plan over 10 years\n", N_ENTRIES);
  /* RC_BENCH_WINDOW=startup or =update runs one half, for profiling */
  if (g_strcmp0 (g_getenv ("RC_BENCH_WINDOW"), "update") != 0)
    ok &= compare_startup (self_path);
  if (g_strcmp0 (g_getenv ("RC_BENCH_WINDOW"), "startup") != 0)
    {
      gtk_init ();
      adw_init ();
      ok &= time_in_process ();
    }

  rc_test_remove_tree (dir);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
