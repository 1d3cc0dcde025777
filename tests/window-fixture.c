/* SPDX-License-Identifier: GPL-3.0-or-later */
/* window-fixture.c - a real RecoveryCal window on a temporary store, for GUI tests. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "window-fixture.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

static const char *worked_example[][2] = {
  { "2026-12-07", "rest" }, { "2026-12-08", "intervals" }, { "2026-12-09", "easy" },
  { "2026-12-10", "tempo" }, { "2026-12-11", "rest" }, { "2026-12-12", "long" },
  { "2026-12-15", "easy" }, { "2026-12-16", "rest" }, { "2026-12-19", "race" },
};

void
fixture_init (int    *argc,
              char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

void
fixture_init_translated (int    *argc,
                         char ***argv)
{
  g_autofree char *localedir = NULL;

  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() chose en_US; take the environment's (LC_ALL=de_DE.UTF-8). */
  if (setlocale (LC_ALL, "") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
}

void
fixture_add_tests (const char        *prefix,
                   const FixtureTest *tests,
                   gsize              n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *path = g_strconcat (prefix, tests[i].path, NULL);

      g_test_add (path, WindowFixture, GINT_TO_POINTER (tests[i].seed),
                  fixture_set_up, tests[i].fn, fixture_tear_down);
    }
}

int
fixture_run (int                *argc,
             char             ***argv,
             const char         *prefix,
             const FixtureTest  *tests,
             gsize               n)
{
  fixture_init (argc, argv);
  fixture_add_tests (prefix, tests, n);
  return g_test_run ();
}

void
fixture_seed_worked_example (RcStore  *store,
                             gboolean  with_race)
{
  for (guint i = 0; i < G_N_ELEMENTS (worked_example); i++)
    {
      g_autoptr(RcEntry) entry = NULL;
      g_autoptr(GError) error = NULL;
      RcKind kind;

      g_assert_true (rc_kind_from_string (worked_example[i][1], &kind));
      if (kind == RC_KIND_RACE && !with_race)
        continue;
      entry = rc_entry_new (rc_test_day (worked_example[i][0]), kind);
      g_assert_true (rc_store_add (store, entry, &error));
      g_assert_no_error (error);
    }
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
fixture_wait_until (gboolean (*check) (gpointer data),
                    gpointer   data,
                    guint      seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, on_timeout, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *drawn)
{
  *drawn = TRUE;
}

gboolean
fixture_is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
fixture_wait_drawn (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean drawn = FALSE;
  gulong id;

  fixture_wait_until (is_mapped, widget, 30);
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &drawn);
  gtk_widget_queue_draw (widget);
  fixture_wait_until (fixture_is_true, &drawn, 30);
  g_signal_handler_disconnect (clock, id);
}

void
fixture_set_up (WindowFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static guint n_apps;
  g_autofree char *app_id = g_strdup_printf ("%s.Test%u", APP_ID, n_apps++);

  fixture->dir = rc_test_make_tmp_dir ("rc-window-XXXXXX");
  fixture->db = g_build_filename (fixture->dir, "plan.db", NULL);
  fixture->other = rc_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (rc_store_set_setting (fixture->other, RC_SETTING_WEEK_START, "monday", &error));
  g_assert_true (rc_store_set_setting (fixture->other, RC_SETTING_PROFILE, "typical", &error));
  if (GPOINTER_TO_INT (data) != FIXTURE_EMPTY)
    fixture_seed_worked_example (fixture->other, GPOINTER_TO_INT (data) == FIXTURE_WORKED_EXAMPLE);

  fixture->app = rc_application_new (NULL, RC_DAY_INVALID);
  /* One process, several tests: each app exports its own D-Bus path. */
  g_application_set_application_id (G_APPLICATION (fixture->app), app_id);
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, NULL));
  g_setenv ("RECOVERYCAL_DB", fixture->db, TRUE);
  g_assert_true (rc_application_open_store (fixture->app, &error));
  g_assert_no_error (error);

  fixture->window = rc_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 760);
  rc_window_set_view (fixture->window, "week");
  rc_window_go_to (fixture->window, rc_test_day ("2026-12-10"));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture_wait_drawn (GTK_WIDGET (fixture->window));
}

void
fixture_tear_down (WindowFixture *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->app);
  g_clear_object (&fixture->other);
  rc_test_remove_tree (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

RcDayCell *
fixture_cell (WindowFixture *fixture,
              const char    *iso)
{
  RcDayCell *cell = rc_day_grid_get_cell (rc_window_get_grid (fixture->window), rc_test_day (iso));

  g_assert_nonnull (cell);
  return cell;
}

const char *
fixture_verdict_class (RcDayCell *cell)
{
  const char *classes[] = { "ideal", "safe", "forbidden" };
  const char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (gtk_widget_has_css_class (GTK_WIDGET (cell), classes[i]))
      {
        g_assert_null (found);   /* exactly one verdict at a time */
        found = classes[i];
      }
  return found;
}

const char *
fixture_verdict_phrase (const char *verdict)
{
  if (g_str_equal (verdict, "ideal"))
    return ", ideal for massage";
  if (g_str_equal (verdict, "safe"))
    return ", safe for massage";
  return ", forbidden for massage";
}

gboolean
fixture_drop (RcDayCell  *cell,
              const char *payload)
{
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, payload);
  g_signal_emit_by_name (rc_day_cell_get_drop_target (cell), "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  return accepted;
}

GPtrArray *
fixture_entries_on (WindowFixture *fixture,
                    const char    *iso)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = rc_store_list (fixture->other, rc_test_day (iso), rc_test_day (iso), &error);

  g_assert_no_error (error);
  return entries;
}

guint
fixture_count_kind (WindowFixture *fixture,
                    const char    *iso,
                    RcKind         kind)
{
  g_autoptr(GPtrArray) entries = fixture_entries_on (fixture, iso);
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    n += ((RcEntry *) entries->pdata[i])->kind == kind;
  return n;
}

static void
on_timeout_settle (gpointer data)
{
  *(gboolean *) data = TRUE;
}

void
fixture_settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, on_timeout_settle, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

#ifdef GDK_WINDOWING_X11
static void
x_window_origin (GtkWidget *widget,
                 int       *x,
                 int       *y)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  const char *argv[] = { "xdotool", "getwindowgeometry", "--shell", xid, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        *x = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "Y="))
        *y = atoi (lines[i] + 2);
    }
}
#endif

static void
screen_point_now (GtkWidget *widget,
                      double     fx,
                      double     fy,
                      int       *x,
                      int       *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  double sx, sy, wx, wy;
  int ox = 0, oy = 0;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native),
                                                   gtk_widget_get_width (widget) * fx,
                                                   gtk_widget_get_height (widget) * fy,
                                                   &wx, &wy));
  gtk_native_get_surface_transform (native, &sx, &sy);
#ifdef GDK_WINDOWING_X11
  x_window_origin (widget, &ox, &oy);
#else
  g_test_skip ("real input needs X11");
#endif
  *x = ox + (int) (sx + wx);
  *y = oy + (int) (sy + wy);
}

/* Where the widget rests: a flap may still be sliding it into place. */
void
fixture_screen_point (GtkWidget *widget,
                      double     fx,
                      double     fy,
                      int       *x,
                      int       *y)
{
  int px = G_MININT, py = G_MININT;

  for (guint i = 0; i < 50; i++)
    {
      screen_point_now (widget, fx, fy, x, y);
      if (*x == px && *y == py)
        return;
      px = *x;
      py = *y;
      fixture_settle (100);
    }
  g_assert_not_reached ();
}

static void
on_child_exit (GPid     pid,
               int      status,
               gpointer data)
{
  *(int *) data = status;
  g_spawn_close_pid (pid);
}

/* ARGS: xdotool's arguments, NULL-terminated. */
static void
run_xdotool (GPtrArray *args)
{
  g_autoptr(GError) error = NULL;
  int status = -1;
  GPid pid;

  g_ptr_array_insert (args, 0, g_strdup ("xdotool"));
  g_ptr_array_add (args, NULL);
  g_spawn_async (NULL, (char **) args->pdata, NULL,
                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, on_child_exit, &status);
  while (status == -1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (status, ==, 0);
  fixture_settle (300);
}

void
fixture_xdotool (const char *first,
                 ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  run_xdotool (args);
}

void
fixture_pointer_to (GtkWidget *widget,
                    ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  va_list ap;
  int x, y;

  fixture_screen_point (widget, 0.5, 0.5, &x, &y);
  g_ptr_array_add (args, g_strdup ("mousemove"));
  g_ptr_array_add (args, g_strdup_printf ("%d", x));
  g_ptr_array_add (args, g_strdup_printf ("%d", y));
  va_start (ap, widget);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  run_xdotool (args);
}

void
fixture_click (GtkWidget *widget,
               int        button)
{
  g_autofree char *b = g_strdup_printf ("%d", button);

  fixture_pointer_to (widget, "sleep", "0.1", "click", b, NULL);
}

void
fixture_key (GtkWidget  *window,
             const char *key)
{
  fixture_xdotool ("key", "--delay", "100", key, NULL);
}

/* tools/gui/drive.sh's recipe: past GTK's 8 px threshold in two steps, then
 * several moves, a hover and a 1 px wiggle over the target, then release. */
void
fixture_drag (GtkWidget *from,
              GtkWidget *to)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  int x1, y1, x2, y2;

  fixture_screen_point (from, 0.5, 0.5, &x1, &y1);
  fixture_screen_point (to, 0.5, 0.6, &x2, &y2);
#define ADD(...) g_ptr_array_add (args, g_strdup_printf (__VA_ARGS__))
  ADD ("mousemove"); ADD ("%d", x1); ADD ("%d", y1); ADD ("sleep"); ADD ("0.1");
  ADD ("mousedown"); ADD ("1"); ADD ("sleep"); ADD ("0.05");
  for (int i = 1; i <= 2; i++)
    {
      ADD ("mousemove"); ADD ("%d", x1 + 6 * i); ADD ("%d", y1 + 6 * i); ADD ("sleep"); ADD ("0.03");
    }
  for (int i = 1; i <= 8; i++)
    {
      ADD ("mousemove"); ADD ("%d", x1 + (x2 - x1) * i / 9); ADD ("%d", y1 + (y2 - y1) * i / 9);
      ADD ("sleep"); ADD ("0.03");
    }
  ADD ("mousemove"); ADD ("%d", x2); ADD ("%d", y2); ADD ("sleep"); ADD ("0.2");
  ADD ("mousemove"); ADD ("%d", x2 + 1); ADD ("%d", y2 + 1); ADD ("sleep"); ADD ("0.2");
  ADD ("mousemove"); ADD ("%d", x2); ADD ("%d", y2); ADD ("sleep"); ADD ("0.15");
  ADD ("mouseup"); ADD ("1");
#undef ADD
  run_xdotool (args);
}

GtkWidget *
fixture_find (GtkWidget     *root,
              FixtureMatch   match,
              gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fixture_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
fixture_find_type (GtkWidget *root,
                   GType      type)
{
  return fixture_find (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_named_type (GtkWidget     *widget,
               gconstpointer  type_name)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name);
}

GtkWidget *
fixture_find_type_name (GtkWidget  *root,
                        const char *type_name)
{
  return fixture_find (root, is_named_type, type_name);
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

GtkWidget *
fixture_find_label (GtkWidget  *root,
                    const char *text)
{
  return fixture_find (root, is_label_with, text);
}

AdwMessageDialog *
fixture_find_dialog (WindowFixture *fixture)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (fixture->window))
      return l->data;
  return NULL;
}

char *
fixture_answer_dialog (WindowFixture *fixture,
                       const char    *response)
{
  AdwMessageDialog *dialog = fixture_find_dialog (fixture);
  char *body;

  g_assert_nonnull (dialog);
  body = g_strdup (adw_message_dialog_get_body (dialog));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  return body;
}

/* WIDGET as it is drawn now, in screenshots/NAME.png of the build's tests. */
gsize
fixture_save_png (GtkWidget  *widget,
                  const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_test_message ("wrote %s", path);
  return length;
}

gsize
fixture_shoot (GtkWidget  *widget,
               const char *name,
               gboolean    dark,
               guint       settle_ms)
{
  g_autofree char *file = g_strdup_printf ("%s-%s", name, dark ? "dark" : "light");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture_settle (settle_ms);
  fixture_wait_drawn (widget);
  return fixture_save_png (widget, file);
}
