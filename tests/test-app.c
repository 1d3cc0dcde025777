/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-app.c - the application's GNOME parts: the shortcuts window lists
 * every application shortcut and only actions that exist; the About window
 * carries what a bug report needs. */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "rc-preferences-window.h"
#include "window-fixture.h"

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *found)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, found);
}

/* The key caps' texts under WIDGET: the labels inside shortcut labels. */
static void
collect_keycaps (GtkWidget *widget,
                 gboolean   in_shortcut,
                 GPtrArray *found)
{
  in_shortcut = in_shortcut || GTK_IS_SHORTCUT_LABEL (widget);
  if (in_shortcut && GTK_IS_LABEL (widget))
    g_ptr_array_add (found, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_keycaps (child, in_shortcut, found);
}

/* Application actions, the window's GActionMap (win.show-help-overlay) and
 * the actions its classes install (win.*, window.close). */
static gboolean
action_exists (WindowFixture *fixture,
               const char    *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (fixture->window);
  const char *installed;
  GType owner;
  const GVariantType *type;
  const char *property;

  if (g_str_has_prefix (name, "app."))
    return g_action_map_lookup_action (G_ACTION_MAP (fixture->app), name + 4) != NULL;
  if (g_str_has_prefix (name, "win.") &&
      g_action_map_lookup_action (G_ACTION_MAP (fixture->window), name + 4) != NULL)
    return TRUE;
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &installed, &type, &property); i++)
    if (g_str_equal (installed, name))
      return TRUE;
  return FALSE;
}

static void
test_shortcuts_window (WindowFixture *fixture,
                       gconstpointer  data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (fixture->window);
  GtkShortcutsWindow *overlay;
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  g_autoptr(GPtrArray) keycaps = g_ptr_array_new ();
  g_auto(GStrv) with_accels = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* not built with the window (its first frame), but when first asked for */
  g_assert_null (gtk_application_window_get_help_overlay (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = gtk_application_window_get_help_overlay (window);
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  collect_shortcuts (GTK_WIDGET (overlay), shortcuts);
  g_assert_cmpuint (shortcuts->len, >=, 10);

  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;

      g_object_get (shortcuts->pdata[i], "action-name", &action, "accelerator", &accelerator,
                    "title", &title, NULL);
      g_assert_true (title != NULL && *title != '\0');
      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), action);

          g_test_message ("%s: %s", title, action);
          g_assert_true (action_exists (fixture, action));
          g_assert_nonnull (accels[0]);   /* an entry without a key is no shortcut */
          g_hash_table_add (listed, g_steal_pointer (&action));
        }
      else
        {
          g_assert_true (accelerator != NULL && *accelerator != '\0');
        }
    }
  /* Keys are named as on the keyboard: GTK 4.8 writes "Page_Up" where it
   * has no translation of its own (English). */
  collect_keycaps (GTK_WIDGET (overlay), FALSE, keycaps);
  g_assert_cmpuint (keycaps->len, >=, 10);
  for (guint i = 0; i < keycaps->len; i++)
    {
      g_test_message ("key cap: %s", (const char *) keycaps->pdata[i]);
      g_assert_null (strchr (keycaps->pdata[i], '_'));
    }
  g_assert_true (g_ptr_array_find_with_equal_func (keycaps, "Page Up", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (keycaps, "Page Down", g_str_equal, NULL));

  /* Hidden on close, and shown again by the same action. */
  gtk_window_close (GTK_WINDOW (overlay));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_application_window_get_help_overlay (window) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  /* and nothing the application binds is missing */
  with_accels = gtk_application_list_action_descriptions (GTK_APPLICATION (fixture->app));
  for (guint i = 0; with_accels[i] != NULL; i++)
    {
      g_test_message ("bound: %s", with_accels[i]);
      g_assert_true (g_hash_table_contains (listed, with_accels[i]));
    }
}

static void
test_app_accels (WindowFixture *fixture,
                 gconstpointer  data)
{
  static const char *expected[][2] = {
    { "win.preferences", "<Control>comma" },
    { "win.import", "<Control>o" },
    { "win.export", "<Control>e" },
    { "app.quit", "<Control>q" },
    { "win.show-help-overlay", "<Control>question" },
    { "window.close", "<Control>w" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                                     expected[i][0]);

      g_assert_nonnull (accels[0]);
      g_assert_cmpstr (accels[0], ==, expected[i][1]);
    }
}

/* The first toplevel of TYPE, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/* Import, export and preferences act on one calendar: they are that
 * window's actions, and the application keeps only its own. */
static void
test_window_actions (WindowFixture *fixture,
                     gconstpointer  data)
{
  static const char *window_actions[] = { "win.import", "win.export", "win.preferences" };
  GtkWindow *prefs;

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    {
      g_test_message ("%s", window_actions[i]);
      g_assert_true (action_exists (fixture, window_actions[i]));
      g_assert_null (g_action_map_lookup_action (G_ACTION_MAP (fixture->app), window_actions[i] + 4));
    }
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (fixture->app), "about"));
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (fixture->app), "quit"));

  g_assert_null (find_toplevel (RC_TYPE_PREFERENCES_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences", NULL));
  prefs = find_toplevel (RC_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (fixture->window));
  gtk_window_destroy (prefs);
}

static void
test_about (WindowFixture *fixture,
            gconstpointer  data)
{
  AdwAboutWindow *about;
  g_autofree char *sqlite = g_strdup_printf ("SQLite %s", sqlite3_libversion ());
  g_autofree char *gtk = g_strdup_printf ("GTK %u.%u.%u", gtk_get_major_version (),
                                          gtk_get_minor_version (), gtk_get_micro_version ());
  const char *info;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, "https://example.com/recoverycal");
  g_assert_nonnull (adw_about_window_get_developers (about));

  info = adw_about_window_get_debug_info (about);
  g_test_message ("%s", info);
  g_assert_nonnull (strstr (info, gtk));
  g_assert_nonnull (strstr (info, "libadwaita 1."));
  g_assert_nonnull (strstr (info, "libical 3."));
  g_assert_nonnull (strstr (info, sqlite));
  g_assert_nonnull (strstr (info, fixture->db));
  gtk_window_destroy (GTK_WINDOW (about));
}

static const FixtureTest tests[] = {
  { "shortcuts-window", test_shortcuts_window, FIXTURE_EMPTY },
  { "accels",           test_app_accels,       FIXTURE_EMPTY },
  { "about",            test_about,            FIXTURE_EMPTY },
  { "window-actions",   test_window_actions,   FIXTURE_EMPTY },
};

int
main (int   argc,
      char *argv[])
{
  return fixture_run (&argc, &argv, "/app/", tests, G_N_ELEMENTS (tests));
}
