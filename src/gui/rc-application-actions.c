/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-application-actions.c - the application's own actions: about and quit.
 * What acts on one calendar (import, export, preferences) is the window's. */

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <sqlite3.h>

#include "rc-application-private.h"

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
_rc_application_add_actions (RcApplication *self)
{
  static const GActionEntry entries[] = {
    { "about", about_action },
    { "quit", quit_action },
  };
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "win.import", { "<Control>o", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    /* GTK's own key for it, which GTK sets only when it builds the window itself */
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}
