/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-application-actions.c - the application's menu actions: import, export,
 * preferences, about, quit. */

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <sqlite3.h>

#include "rc-application-private.h"
#include "rc-ics.h"
#include "rc-import-task.h"
#include "rc-preferences-window.h"
#include "rc-window.h"

/* The calendar the actions work on; NULL before it exists. */
static RcWindow *
active_window (RcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL && !RC_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  return window != NULL && RC_IS_WINDOW (window) ? RC_WINDOW (window) : NULL;
}

static void
toast (RcWindow   *window,
       const char *message)
{
  rc_window_add_toast (window, adw_toast_new (message));
}

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    RcWindow        *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      rc_import_task_start (window, file);
    }
  rc_window_release_chooser (chooser);
  g_object_unref (window);
}

/* The fallback dialog would open in the working folder: start at home. */
static void
start_at_home (GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());

  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), home, NULL);
}

static GtkFileFilter *
ics_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  return filter;
}

/* A file chooser for .ics files, starting in the home folder. */
static GtkFileChooserNative *
ics_chooser_new (RcWindow             *window,
                 const char           *title,
                 GtkFileChooserAction  action,
                 const char           *accept)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = ics_filter ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (window), action, accept, _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  start_at_home (chooser);
  return chooser;
}

static void
import_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  RcWindow *window = active_window (data);
  GtkFileChooserNative *chooser;

  if (window == NULL)
    return;
  chooser = ics_chooser_new (window, _("Import a Training Plan"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* What an export wrote: the sessions, and with ideal days asked for, how
 * many (none is said too: an empty file of windows must not look like a
 * failure). Two whole sentences, each with its own plural. */
static char *
describe_export (const char *name,
                 gboolean    massage_days,
                 guint       n_entries,
                 guint       n_windows)
{
  /* Translators: a toast after an export: number of sessions, file name */
  g_autofree char *sessions = g_strdup_printf (ngettext ("Exported %u session to %s.",
                                                         "Exported %u sessions to %s.", n_entries),
                                               n_entries, name);
  g_autofree char *days = NULL;

  if (!massage_days)
    return g_steal_pointer (&sessions);
  if (n_windows == 0)
    /* Translators: the second sentence of the export toast, when asked to add ideal days */
    days = g_strdup (_("The plan has no ideal massage day to add."));
  else
    /* Translators: the second sentence of the export toast: number of ideal days written */
    days = g_strdup_printf (ngettext ("Added %u ideal massage day as an all-day event.",
                                      "Added %u ideal massage days as all-day events.", n_windows),
                            n_windows);
  /* Translators: the export toast: two sentences, the sessions, then the ideal days */
  return g_strdup_printf (_("%s %s"), sessions, days);
}

static void
export_file (RcWindow *window,
             GFile    *file,
             gboolean  massage_days)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  guint n_entries = 0, n_windows = 0;

  if (!rc_ics_export_file_full (rc_calendar_model_get_store (rc_window_get_model (window)), path,
                                RC_DAY_INVALID, RC_DAY_INVALID, massage_days,
                                &n_entries, &n_windows, &error))
    {
      toast (window, error->message);
      return;
    }
  message = describe_export (name, massage_days, n_entries, n_windows);
  toast (window, message);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    RcWindow        *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "massage-days");

      export_file (window, file, g_strcmp0 (choice, "true") == 0);
    }
  rc_window_release_chooser (chooser);
  g_object_unref (window);
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  RcWindow *window = active_window (data);
  GtkFileChooserNative *chooser;

  if (window == NULL)
    return;
  chooser = ics_chooser_new (window, _("Export the Training Plan"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  /* Translators: the default file name of an export */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("training-plan.ics"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "massage-days",
                               _("Add ideal massage days"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "massage-days", "false");
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  RcWindow *window = active_window (data);

  if (window == NULL)
    return;
  gtk_window_present (GTK_WINDOW (rc_preferences_window_new (GTK_WINDOW (window),
                                                             rc_window_get_model (window))));
}

/* What a bug report needs: the versions this build runs on and the file. */
static char *
debug_info (RcApplication *self)
{
  RcStore *store = rc_application_get_store (self);

  return g_strdup_printf ("RecoveryCal %s\n"
                          "GTK %u.%u.%u\n"
                          "libadwaita %u.%u.%u\n"
                          "GLib %u.%u.%u\n"
                          "libical %d.%d.%d\n"
                          "SQLite %s\n"
                          "Database: %s\n",
                          VERSION,
                          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                          adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                          glib_major_version, glib_minor_version, glib_micro_version,
                          ICAL_MAJOR_VERSION, ICAL_MINOR_VERSION, ICAL_PATCH_VERSION,
                          sqlite3_libversion (),
                          store != NULL ? rc_store_get_path (store) : "-");
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  RcApplication *self = data;
  const char *developers[] = { _("The RecoveryCal developers"), NULL };
  g_autofree char *info = debug_info (self);
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                "application-name", _("RecoveryCal"),
                "application-icon", APP_ID,
                "version", VERSION,
                "developer-name", _("The RecoveryCal developers"),
                "developers", developers,
                "comments", _("Plan your running and time your sports massage"),
                "website", "https://example.com/recoverycal",
                "issue-url", "https://example.com/recoverycal/issues",
                "license-type", GTK_LICENSE_GPL_3_0,
                "copyright", _("© 2026 The RecoveryCal developers"),
                /* Translators: your name and e-mail, one translator a line */
                "translator-credits", _("translator-credits"),
                "debug-info", info,
                "debug-info-filename", "recoverycal-debug-info.txt",
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  g_application_quit (G_APPLICATION (data));
}

void
rc_application_add_actions (RcApplication *self)
{
  static const GActionEntry entries[] = {
    { "import", import_action },
    { "export", export_action },
    { "preferences", preferences_action },
    { "about", about_action },
    { "quit", quit_action },
  };
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.import", { "<Control>o", NULL } },
    { "app.export", { "<Control>e", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}
