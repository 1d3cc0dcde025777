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
};

G_DEFINE_FINAL_TYPE (RcApplication, rc_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the database at PATH"), N_("PATH") },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Show the week of DATE (YYYY-MM-DD)"), N_("DATE") },
  { NULL }
};

static gpointer
open_in_thread (gpointer data)
{
  RcApplication *self = data;
  g_autofree char *path = rc_store_default_path (self->db_path);

  self->opened = rc_store_open (path, &self->open_error);
  return NULL;
}

static int
rc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  RcApplication *self = RC_APPLICATION (app);
  const char *date = NULL;
  g_autofree char *db = NULL;

  if (g_variant_dict_lookup (options, "date", "&s", &date))
    {
      self->start_day = rc_day_from_iso (date);
      if (self->start_day == RC_DAY_INVALID)
        {
          g_printerr (_("Invalid date “%s”: use YYYY-MM-DD\n"), date);
          return 2;
        }
    }

  g_variant_dict_lookup (options, "db", "^ay", &db);
  self->db_path = g_steal_pointer (&db);
  /* Opening and checking the file takes a while: do it on the other core
   * while GTK and libadwaita start up; activate() waits for it. */
  self->opener = g_thread_new ("rc-open-store", open_in_thread, self);

  return -1;
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
  g_autofree char *path = rc_store_default_path (self->db_path);
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Cannot Open the Training Plan"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", path, error->message);
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

static void
rc_application_startup (GApplication *app)
{
  RcApplication *self = RC_APPLICATION (app);

  G_APPLICATION_CLASS (rc_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::style", G_CALLBACK (apply_style), self);
  apply_style (self);
  rc_application_add_actions (self);
}

static void
rc_application_activate (GApplication *app)
{
  RcApplication *self = RC_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

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
rc_application_class_init (RcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rc_application_dispose;
  app_class->handle_local_options = rc_application_handle_local_options;
  app_class->startup = rc_application_startup;
  app_class->activate = rc_application_activate;
}

static void
rc_application_init (RcApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}

RcApplication *
rc_application_new (void)
{
  return g_object_new (RC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
