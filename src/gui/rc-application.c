/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-application.c - the application: options, the store, the window. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-application-private.h"
#include "rc-sync-scheduler.h"
#include "rc-window.h"

struct _RcApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  RcDay           start_day;
  RcStore        *store;
  GSettings      *settings;
  GThread        *opener;       /* opens the store while GTK starts up */
  RcStore        *opened;
  GError         *open_error;
  gboolean        open_early;   /* run from the command line: open at startup */
  guint           first_window; /* the idle that builds the first window */
  gboolean        settled;      /* that idle has run */
};

G_DEFINE_FINAL_TYPE (RcApplication, rc_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DB_PATH,
  PROP_START_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gpointer
open_in_thread (gpointer data)
{
  RcApplication *self = data;
  g_autofree char *path = rc_store_default_path (self->db_path);

  self->opened = rc_store_open (path, &self->open_error);
  return NULL;
}

/* A second launch with --db or --date: the running instance gets them (the
 * app.open-plan action) and this process ends without touching the file,
 * which only the first instance opens (from startup(), run there alone). */
static int
forward_to_primary (RcApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (!g_application_get_is_remote (G_APPLICATION (self)))
    return -1;
  if (self->start_day != RC_DAY_INVALID)
    date = rc_day_to_iso (self->start_day);
  g_action_group_activate_action (G_ACTION_GROUP (self), "open-plan",
                                  g_variant_new ("(^ays)", self->db_path != NULL ? self->db_path : "",
                                                 date != NULL ? date : ""));
  g_dbus_connection_flush_sync (g_application_get_dbus_connection (G_APPLICATION (self)), NULL, NULL);
  return 0;
}

/* Runs in the process that was launched, before it registers. */
static int
rc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  RcApplication *self = RC_APPLICATION (app);

  self->open_early = TRUE;
  if (self->db_path == NULL && self->start_day == RC_DAY_INVALID)
    return -1;
  return forward_to_primary (self);
}

gboolean
rc_application_open_store (RcApplication  *self,
                           GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (RC_IS_APPLICATION (self), FALSE);

  if (self->opener != NULL)
    {
      g_thread_join (g_steal_pointer (&self->opener));
      self->store = g_steal_pointer (&self->opened);
      if (self->store == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&self->open_error));
          return FALSE;
        }
    }
  if (self->store != NULL)
    return TRUE;
  path = rc_store_default_path (self->db_path);
  self->store = rc_store_open (path, error);
  return self->store != NULL;
}

RcStore *
rc_application_get_store (RcApplication *self)
{
  g_return_val_if_fail (RC_IS_APPLICATION (self), NULL);
  return self->store;
}

RcDay
rc_application_get_start_day (RcApplication *self)
{
  g_return_val_if_fail (RC_IS_APPLICATION (self), RC_DAY_INVALID);
  return self->start_day;
}

/* Without a store there is nothing to show: say which file and why, then quit. */
static void
show_store_error (RcApplication *self,
                  GError        *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Cannot Open the Training Plan"), NULL);

  /* The message names the file. A file refused as damaged, not ours or
   * newer was checked before anything wrote to it. */
  if (g_error_matches (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_OURS) ||
      g_error_matches (error, RC_STORE_ERROR, RC_STORE_ERROR_TOO_NEW))
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                    _("The file has not been changed."));
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (gtk_window_destroy), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Style: follow the system, or always light or dark (the settings key "style"). */
static void
apply_style (RcApplication *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "style");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (style, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (style, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

/* The running window and a second launch's PATH: the same file, or a toast
 * saying why this window will not switch to the other one. */
static gboolean
accept_db (RcApplication *self,
           RcWindow      *window,
           const char    *path)
{
  g_autofree char *mine = rc_store_default_path (self->db_path);
  g_autofree char *mine_abs = g_canonicalize_filename (mine, NULL);
  g_autofree char *shown = NULL;
  g_autofree char *asked = NULL;
  g_autofree char *message = NULL;

  if (path[0] == '\0' || g_strcmp0 (mine_abs, path) == 0)
    return TRUE;
  shown = g_filename_display_name (mine_abs);
  asked = g_filename_display_name (path);
  /* Translators: a toast when the app is launched again with another
   * database while its window is open: the open file, the one asked for */
  message = g_strdup_printf (_("This window keeps the plan “%s” open. To open “%s”, quit RecoveryCal first, then open it."),
                             shown, asked);
  rc_window_add_toast (window, adw_toast_new (message));
  return FALSE;
}

/* app.open-plan (PATH, DATE): what a second launch asked for, either "". */
static void
open_plan_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  RcApplication *self = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;
  const char *date;
  RcDay day;

  g_variant_get (param, "(^ay&s)", &path, &date);
  if (window == NULL || !RC_IS_WINDOW (window))
    {
      g_application_activate (G_APPLICATION (self));
      return;
    }
  day = rc_day_from_iso (date);
  if (accept_db (self, RC_WINDOW (window), path) && day != RC_DAY_INVALID)
    rc_window_go_to (RC_WINDOW (window), day);
  gtk_window_present (window);
}

static void
add_open_plan_action (RcApplication *self)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("open-plan", G_VARIANT_TYPE ("(ays)"));

  g_signal_connect (action, "activate", G_CALLBACK (open_plan_action), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

static void
rc_application_startup (GApplication *app)
{
  RcApplication *self = RC_APPLICATION (app);

  /* Opening and checking the file takes a while: do it on the other core
   * while GTK and libadwaita start up; activate() waits for it. Only the
   * first instance gets here: a second launch never opens the file. */
  if (self->open_early)
    self->opener = g_thread_new ("rc-open-store", open_in_thread, self);
  G_APPLICATION_CLASS (rc_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::style", G_CALLBACK (apply_style), self);
  apply_style (self);
  _rc_application_add_actions (self);
  add_open_plan_action (self);
}

/* libadwaita's start-up adds its icons to the display's icon theme, and GTK
 * answers with the theme's "changed" from an idle (GTK_PRIORITY_RESIZE - 2)
 * that restyles every widget then on screen. A window built in the first
 * activate() would paint its first frame, then look its icons up, lay itself
 * out and paint everything again; on a software renderer (llvmpipe) that
 * second frame often comes while the first is still being drawn, and the
 * driver keeps both frames' data (6 MB more at the peak). The first window is
 * built from an idle right behind GTK's instead, and is styled once. */
static gboolean
build_first_window (gpointer data)
{
  RcApplication *self = data;

  self->first_window = 0;
  self->settled = TRUE;
  g_application_activate (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static void
rc_application_activate (GApplication *app)
{
  RcApplication *self = RC_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (!self->settled)
    {
      if (self->first_window == 0)
        {
          g_application_hold (app);
          self->first_window = g_idle_add_full (GTK_PRIORITY_RESIZE, build_first_window, self, NULL);
        }
      return;
    }
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      if (!rc_application_open_store (self, &error))
        {
          show_store_error (self, error);
          return;
        }
      window = GTK_WINDOW (rc_window_new (self));
      rc_sync_scheduler_start (rc_sync_scheduler_for_store (self->store));
    }
  gtk_window_present (window);
}

static void
rc_application_dispose (GObject *object)
{
  RcApplication *self = RC_APPLICATION (object);

  g_clear_handle_id (&self->first_window, g_source_remove);
  if (self->opener != NULL)
    g_thread_join (g_steal_pointer (&self->opener));
  g_clear_object (&self->opened);
  g_clear_error (&self->open_error);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rc_application_parent_class)->dispose (object);
}

static void
rc_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RcApplication *self = RC_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    case PROP_START_DAY:
      g_value_set_uint (value, self->start_day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RcApplication *self = RC_APPLICATION (object);
  const char *path;

  switch (prop_id)
    {
    case PROP_DB_PATH:
      path = g_value_get_string (value);
      /* absolute: a second launch from another folder compares and sends it */
      if (path != NULL && path[0] != '\0')
        self->db_path = g_canonicalize_filename (path, NULL);
      break;
    case PROP_START_DAY:
      self->start_day = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_application_class_init (RcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->get_property = rc_application_get_property;
  object_class->set_property = rc_application_set_property;
  object_class->dispose = rc_application_dispose;
  app_class->handle_local_options = rc_application_handle_local_options;
  app_class->startup = rc_application_startup;
  app_class->activate = rc_application_activate;

  /* The plan to open (--db): NULL for $RECOVERYCAL_DB or the user's own. */
  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The day the first window shows (--date): RC_DAY_INVALID for today. */
  properties[PROP_START_DAY] =
    g_param_spec_uint ("start-day", NULL, NULL, 0, G_MAXUINT32, RC_DAY_INVALID,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rc_application_init (RcApplication *self)
{
}

/* DB_PATH and START_DAY as rc_cli_parse_window_argv() gives them. */
RcApplication *
rc_application_new (const char *db_path,
                    RcDay       start_day)
{
  return g_object_new (RC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       "db-path", db_path,
                       "start-day", start_day,
                       NULL);
}
