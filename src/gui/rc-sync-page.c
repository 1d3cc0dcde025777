/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-sync-page.c - Preferences → Sync. Three states: the account form, the
 * calendars found (after Connect), and connected (with Disconnect). */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-a11y.h"
#include "rc-caldav.h"
#include "rc-model-property.h"
#include "rc-secret.h"
#include "rc-store-sync.h"
#include "rc-sync-page.h"
#include "rc-sync-scheduler.h"

struct _RcSyncPage
{
  AdwPreferencesPage  parent_instance;

  RcCalendarModel    *model;
  RcCaldav           *client;        /* after a successful Connect */
  char               *home;
  GPtrArray          *calendars;     /* RcDavResponse* found */
  GCancellable       *cancellable;
  gboolean            busy;

  AdwPreferencesGroup *account_group;
  GtkWidget          *server_row;
  GtkWidget          *user_row;
  GtkWidget          *password_row;
  GtkWidget          *connect_button;
  GtkWidget          *account_error;

  AdwPreferencesGroup *calendar_group;
  AdwComboRow        *calendar_row;
  GtkWidget          *new_name_row;
  GtkWidget          *windows_row;
  GtkWidget          *windows_switch;
  AdwComboRow        *windows_calendar_row;
  GtkWidget          *save_button;
  GtkWidget          *calendar_error;

  AdwPreferencesGroup *connected_group;
  GtkWidget          *connected_row;
  GtkWidget          *disconnect_button;

  GtkWidget          *error_row;     /* the row the error is on */
};

G_DEFINE_FINAL_TYPE (RcSyncPage, rc_sync_page, ADW_TYPE_PREFERENCES_PAGE)

static RcStore *
store_of (RcSyncPage *self)
{
  return rc_calendar_model_get_store (self->model);
}

/* ---- errors on their row ------------------------------------------------- */

static void
clear_error (RcSyncPage *self)
{
  if (self->error_row != NULL)
    gtk_widget_remove_css_class (self->error_row, "error");
  self->error_row = NULL;
  gtk_widget_set_visible (self->account_error, FALSE);
  gtk_widget_set_visible (self->calendar_error, FALSE);
}

static void
show_error (RcSyncPage *self,
            GtkWidget  *row,
            const char *message)
{
  GtkWidget *label = (row == self->server_row || row == self->user_row || row == self->password_row)
                     ? self->account_error : self->calendar_error;

  clear_error (self);
  self->error_row = row;
  gtk_widget_add_css_class (row, "error");
  gtk_label_set_text (GTK_LABEL (label), message);
  gtk_widget_set_visible (label, TRUE);
  /* a screen reader hears what went wrong at once */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

/* The row an error belongs to: the password for a refusal, else the address. */
static GtkWidget *
row_of_error (RcSyncPage   *self,
              const GError *error)
{
  if (error->domain == RC_CALDAV_ERROR && error->code == RC_CALDAV_ERROR_AUTH)
    return self->password_row;
  if (error->domain == RC_CALDAV_ERROR && error->code == RC_CALDAV_ERROR_FORBIDDEN)
    return self->user_row;
  if (error->domain == RC_SECRET_ERROR)
    return self->password_row;
  return self->server_row;
}

static char *
connect_error_text (const GError *error)
{
  if (error->domain == RC_CALDAV_ERROR && error->code == RC_CALDAV_ERROR_AUTH)
    return g_strdup (_("The server refused the password."));
  if (error->domain == RC_CALDAV_ERROR && error->code == RC_CALDAV_ERROR_NOT_FOUND)
    return g_strdup (_("There is no calendar server at this address."));
  if (error->domain == RC_CALDAV_ERROR && error->code == RC_CALDAV_ERROR_BAD_URL)
    return g_strdup (_("This is not a web address: write it as https://example.com/."));
  return rc_sync_scheduler_describe_error (error);
}

static void
set_busy (RcSyncPage *self,
          gboolean    busy)
{
  /* Only the buttons: an insensitive group would take the focus from the
   * row being typed in, and GTK loses track of it when it comes back. */
  self->busy = busy;
  gtk_widget_set_sensitive (self->connect_button, !busy);
  gtk_widget_set_sensitive (self->save_button, !busy);
  gtk_widget_set_sensitive (self->disconnect_button, !busy);
}

/* ---- states -------------------------------------------------------------- */

static void
show_connected (RcSyncPage          *self,
                const RcSyncAccount *account)
{
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->account_group), account == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->connected_group), account != NULL);
  if (account == NULL)
    return;
  if (account->user != NULL)
    /* Translators: the connected account: user name, then server address */
    title = g_strdup_printf (_("%s on %s"), account->user, account->url);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->connected_row),
                                 title != NULL ? title : account->url);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->connected_row), account->calendar);
}

static void
load (RcSyncPage *self)
{
  g_autoptr(RcSyncAccount) account = rc_store_sync_get_account (store_of (self), NULL);

  show_connected (self, account);
}

/* ---- Connect: discovery and the calendars -------------------------------- */

typedef struct {
  char      *home;
  GPtrArray *calendars;
} Found;

static void
found_free (gpointer data)
{
  Found *found = data;

  g_free (found->home);
  g_clear_pointer (&found->calendars, g_ptr_array_unref);
  g_free (found);
}

static gpointer
discover_job (RcCaldav      *client,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Found *found = g_new0 (Found, 1);

  found->home = rc_caldav_discover_home (client, cancellable, error);
  if (found->home != NULL)
    found->calendars = rc_caldav_list_calendars (client, found->home, cancellable, error);
  if (found->calendars == NULL)
    {
      found_free (found);
      return NULL;
    }
  return found;
}

static const char *
calendar_name (RcDavResponse *calendar)
{
  return calendar->displayname != NULL && calendar->displayname[0] != '\0'
         ? calendar->displayname : calendar->href;
}

/* The calendars, then "New Calendar…"; a calendar called Training (or
 * RecoveryCal) is picked, else a new one: the runner's own calendars stay
 * their own unless they choose otherwise. */
static void
fill_calendars (RcSyncPage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) windows = gtk_string_list_new (NULL);
  guint selected = self->calendars->len;

  for (guint i = 0; i < self->calendars->len; i++)
    {
      const char *name = calendar_name (self->calendars->pdata[i]);

      gtk_string_list_append (list, name);
      gtk_string_list_append (windows, name);
      if (g_ascii_strcasecmp (name, _("Training")) == 0 || g_ascii_strcasecmp (name, "Training") == 0 ||
          g_ascii_strcasecmp (name, "RecoveryCal") == 0)
        selected = i;
    }
  gtk_string_list_append (list, _("New Calendar…"));
  adw_combo_row_set_model (self->calendar_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->calendar_row, selected);
  adw_combo_row_set_model (self->windows_calendar_row, G_LIST_MODEL (windows));
}

static void
on_discovered (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(RcSyncPage) self = data;
  g_autoptr(GError) error = NULL;
  Found *found = rc_caldav_run_finish (RC_CALDAV (source), result, &error);

  set_busy (self, FALSE);
  if (found == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = connect_error_text (error);
      g_clear_object (&self->client);
      show_error (self, row_of_error (self, error), text);
      return;
    }
  g_free (self->home);
  self->home = g_steal_pointer (&found->home);
  g_clear_pointer (&self->calendars, g_ptr_array_unref);
  self->calendars = g_steal_pointer (&found->calendars);
  found_free (found);
  fill_calendars (self);
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_group), TRUE);
}

static void
on_connect_clicked (RcSyncPage *self)
{
  if (self->busy)
    return;
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autoptr(GError) error = NULL;

  clear_error (self);
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_group), FALSE);
  g_clear_object (&self->client);
  if (*url == '\0')
    {
      show_error (self, self->server_row, _("Enter the address of your calendar server."));
      return;
    }
  self->client = rc_caldav_new (url, *user != '\0' ? user : NULL,
                                *user != '\0' ? password : NULL, &error);
  if (self->client == NULL)
    {
      g_autofree char *text = connect_error_text (error);

      show_error (self, row_of_error (self, error), text);
      return;
    }
  set_busy (self, TRUE);
  rc_caldav_run_async (self->client, discover_job, NULL, found_free, self->cancellable,
                       on_discovered, g_object_ref (self));
}

/* ---- Start Syncing: the calendar, the keyring, the account --------------- */

typedef struct {
  char *url, *user, *password;
  char *calendar;        /* absolute URL */
  char *new_calendar;    /* display name: MKCALENDAR it first */
} Save;

static void
save_free (gpointer data)
{
  Save *save = data;

  g_free (save->url);
  g_free (save->user);
  rc_secret_free (save->password);
  g_free (save->calendar);
  g_free (save->new_calendar);
  g_free (save);
}

/* The calendar's own path: its name without what a URL cannot hold. */
static char *
calendar_slug (const char *name)
{
  GString *slug = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (slug, g_ascii_tolower (*p));
  if (slug->len == 0)
    g_string_append (slug, "training");
  g_string_append_printf (slug, "-%08x/", g_random_int ());
  return g_string_free (slug, FALSE);
}

/* In the worker: MKCALENDAR when asked, then the password into the keyring
 * (a D-Bus round trip the window must not wait for). */
static gpointer
save_job (RcCaldav      *client,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Save *save = data;

  if (save->new_calendar != NULL &&
      !rc_caldav_mkcalendar (client, save->calendar, save->new_calendar, cancellable, error))
    return NULL;
  if (save->user != NULL &&
      !rc_secret_store (save->url, save->user, save->password, cancellable, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(RcSyncPage) self = data;
  g_autoptr(GError) error = NULL;
  Save *save = g_object_steal_data (G_OBJECT (self), "rc-save");
  RcSyncAccount account = { 0 };

  set_busy (self, FALSE);
  if (rc_caldav_run_finish (RC_CALDAV (source), result, &error) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = rc_sync_scheduler_describe_error (error);

          show_error (self, error->domain == RC_SECRET_ERROR ? self->password_row
                                                            : GTK_WIDGET (self->calendar_row), text);
        }
      save_free (save);
      return;
    }
  account.url = save->url;
  account.user = save->user;
  account.calendar = save->calendar;
  if (gtk_switch_get_active (GTK_SWITCH (self->windows_switch)))
    {
      guint i = adw_combo_row_get_selected (self->windows_calendar_row);

      if (i < self->calendars->len)
        account.windows_calendar = rc_caldav_resolve (self->client,
                                                      ((RcDavResponse *) self->calendars->pdata[i])->href);
    }
  if (!rc_store_sync_set_account (store_of (self), &account, &error))
    show_error (self, GTK_WIDGET (self->calendar_row), error->message);
  else
    {
      load (self);
      rc_sync_scheduler_account_changed (rc_sync_scheduler_for_store (store_of (self)));
    }
  g_free (account.windows_calendar);
  save_free (save);
}

static void
on_save_clicked (RcSyncPage *self)
{
  guint i = adw_combo_row_get_selected (self->calendar_row);
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  Save *save = g_new0 (Save, 1);

  clear_error (self);
  save->url = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row)));
  save->user = *user != '\0' ? g_strdup (user) : NULL;
  save->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  if (i < self->calendars->len)
    save->calendar = rc_caldav_resolve (self->client, ((RcDavResponse *) self->calendars->pdata[i])->href);
  else
    {
      const char *name = gtk_editable_get_text (GTK_EDITABLE (self->new_name_row));
      g_autofree char *slug = NULL;
      g_autofree char *home = g_str_has_suffix (self->home, "/") ? g_strdup (self->home)
                                                                 : g_strconcat (self->home, "/", NULL);

      if (*name == '\0')
        {
          save_free (save);
          show_error (self, self->new_name_row, _("Give the new calendar a name."));
          return;
        }
      slug = calendar_slug (name);
      save->new_calendar = g_strdup (name);
      save->calendar = g_strconcat (home, slug, NULL);
    }
  g_object_set_data (G_OBJECT (self), "rc-save", save);
  set_busy (self, TRUE);
  rc_caldav_run_async (self->client, save_job, save, NULL, self->cancellable,
                       on_saved, g_object_ref (self));
}

/* ---- Disconnect ---------------------------------------------------------- */

static void
clear_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  RcSyncAccount *account = data;
  GError *error = NULL;

  if (account->user == NULL || account->password_command != NULL ||
      rc_secret_clear (account->url, account->user, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GError) error = NULL;

  /* The account is gone already; a password left in a missing keyring
   * harms no one, so a failure here is only logged. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("Could not remove the password: %s", error->message);
}

static void
on_disconnect_clicked (RcSyncPage *self)
{
  g_autoptr(GError) error = NULL;
  RcSyncAccount *account = rc_store_sync_get_account (store_of (self), &error);
  g_autoptr(GTask) task = NULL;

  if (account == NULL || !rc_store_sync_remove_account (store_of (self), &error))
    {
      if (error != NULL)
        show_error (self, self->connected_row, error->message);
      rc_sync_account_free (account);
      load (self);
      return;
    }
  rc_sync_scheduler_account_changed (rc_sync_scheduler_for_store (store_of (self)));
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), account->url);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), account->user != NULL ? account->user : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  task = g_task_new (NULL, NULL, on_cleared, NULL);
  g_task_set_task_data (task, account, (GDestroyNotify) rc_sync_account_free);
  g_task_run_in_thread (task, clear_in_thread);
  load (self);
}

/* ---- building ------------------------------------------------------------ */

static GtkWidget *
error_label (AdwPreferencesGroup *group)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sync error"), -1);
  /* not a row: libadwaita puts it below the group's rows */
  adw_preferences_group_add (group, label);
  return label;
}

/* libadwaita 1.2's password row shows its peek button with no name: give
 * it one (it is the only button inside the row). */
static void
name_peek_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Show or Hide the Password"), -1);
      name_peek_button (child);
    }
}

static GtkWidget *
button_row (AdwPreferencesGroup *group,
            const char          *label,
            gboolean             destructive)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  rc_a11y_clean_button (button);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  gtk_widget_add_css_class (button, destructive ? "destructive-action" : "suggested-action");
  gtk_widget_add_css_class (button, "pill");
  adw_preferences_group_add (group, button);
  return button;
}

static GtkWidget *
entry_row (AdwPreferencesGroup *group,
           GType                type,
           const char          *title)
{
  GtkWidget *row = g_object_new (type, "title", title, "use-underline", TRUE, NULL);

  adw_preferences_group_add (group, row);
  return row;
}

static void
on_calendar_selected (RcSyncPage *self)
{
  guint n = self->calendars != NULL ? self->calendars->len : 0;

  gtk_widget_set_visible (self->new_name_row, adw_combo_row_get_selected (self->calendar_row) >= n);
}

static void
build_account_group (RcSyncPage *self)
{
  self->account_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->account_group, _("Calendar Server"));
  adw_preferences_group_set_description (self->account_group,
    _("Keep the plan on your phone and watch too: connect a calendar server such as Nextcloud, Fastmail or iCloud."));
  self->server_row = entry_row (self->account_group, ADW_TYPE_ENTRY_ROW, _("Server _Address"));
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), "https://");
  self->user_row = entry_row (self->account_group, ADW_TYPE_ENTRY_ROW, _("_User Name"));
  self->password_row = entry_row (self->account_group, ADW_TYPE_PASSWORD_ENTRY_ROW, _("_Password"));
  name_peek_button (self->password_row);
  self->account_error = error_label (self->account_group);
  self->connect_button = button_row (self->account_group, _("_Connect"), FALSE);
  g_signal_connect_swapped (self->connect_button, "clicked", G_CALLBACK (on_connect_clicked), self);
  g_signal_connect_swapped (self->password_row, "entry-activated", G_CALLBACK (on_connect_clicked), self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->account_group);
}

static void
build_calendar_group (RcSyncPage *self)
{
  GtkWidget *windows_row;

  self->calendar_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->calendar_group, _("Calendars"));
  self->calendar_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->calendar_row), _("_Training Calendar"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->calendar_row), TRUE);
  adw_preferences_group_add (self->calendar_group, GTK_WIDGET (self->calendar_row));
  g_signal_connect_swapped (self->calendar_row, "notify::selected", G_CALLBACK (on_calendar_selected), self);
  self->new_name_row = entry_row (self->calendar_group, ADW_TYPE_ENTRY_ROW, _("New Calendar _Name"));
  gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), _("Training"));

  windows_row = adw_action_row_new ();
  self->windows_row = windows_row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (windows_row), _("Publish _Massage Windows"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (windows_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (windows_row),
                               _("The ideal massage days, in a calendar you can share with your therapist"));
  self->windows_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->windows_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (windows_row), self->windows_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (windows_row), self->windows_switch);
  adw_preferences_group_add (self->calendar_group, windows_row);
  self->windows_calendar_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->windows_calendar_row), _("Massage _Windows Calendar"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->windows_calendar_row), TRUE);
  g_object_bind_property (self->windows_switch, "active", self->windows_calendar_row, "visible",
                          G_BINDING_SYNC_CREATE);
  adw_preferences_group_add (self->calendar_group, GTK_WIDGET (self->windows_calendar_row));

  self->calendar_error = error_label (self->calendar_group);
  self->save_button = button_row (self->calendar_group, _("_Start Syncing"), FALSE);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->calendar_group);
}

static void
build_connected_group (RcSyncPage *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

  self->connected_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->connected_group, _("Connected"));
  adw_preferences_group_set_description (self->connected_group,
    _("The plan syncs a few seconds after each change, every 15 minutes and when the network comes back."));
  self->connected_row = adw_action_row_new ();
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->connected_row), icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Connected"), -1);
  adw_preferences_group_add (self->connected_group, self->connected_row);
  self->disconnect_button = button_row (self->connected_group, _("_Disconnect"), TRUE);
  gtk_widget_set_tooltip_text (self->disconnect_button,
                               _("Stop syncing and forget the password; the plan stays on this computer"));
  g_signal_connect_swapped (self->disconnect_button, "clicked", G_CALLBACK (on_disconnect_clicked), self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->connected_group);
}

static void
rc_sync_page_dispose (GObject *object)
{
  RcSyncPage *self = RC_SYNC_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->model);
  g_clear_object (&self->client);
  g_clear_pointer (&self->home, g_free);
  g_clear_pointer (&self->calendars, g_ptr_array_unref);

  G_OBJECT_CLASS (rc_sync_page_parent_class)->dispose (object);
}

static void
rc_sync_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (rc_sync_page_parent_class)->constructed (object);
  load (RC_SYNC_PAGE (object));
}

static void
rc_sync_page_class_init (RcSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rc_sync_page_dispose;
  object_class->constructed = rc_sync_page_constructed;

  rc_model_property_install (object_class, G_STRUCT_OFFSET (RcSyncPage, model));
}

static void
rc_sync_page_init (RcSyncPage *self)
{
  self->cancellable = g_cancellable_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Sync"));
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "sync");
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "emblem-synchronizing-symbolic");
  build_account_group (self);
  build_calendar_group (self);
  build_connected_group (self);
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_group), FALSE);
}

GtkWidget *
rc_sync_page_new (RcCalendarModel *model)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (model), NULL);
  return g_object_new (RC_TYPE_SYNC_PAGE, "model", model, NULL);
}

GtkWidget *rc_sync_page_get_server_row (RcSyncPage *self) { return self->server_row; }
GtkWidget *rc_sync_page_get_user_row (RcSyncPage *self) { return self->user_row; }
GtkWidget *rc_sync_page_get_password_row (RcSyncPage *self) { return self->password_row; }
GtkWidget *rc_sync_page_get_connect_button (RcSyncPage *self) { return self->connect_button; }
AdwComboRow *rc_sync_page_get_calendar_row (RcSyncPage *self) { return self->calendar_row; }
GtkWidget *rc_sync_page_get_save_button (RcSyncPage *self) { return self->save_button; }
GtkWidget *rc_sync_page_get_disconnect_button (RcSyncPage *self) { return self->disconnect_button; }
gboolean rc_sync_page_get_busy (RcSyncPage *self) { return self->busy; }

const char *
rc_sync_page_get_error (RcSyncPage *self,
                        GtkWidget **row)
{
  if (row != NULL)
    *row = self->error_row;
  if (self->error_row == NULL)
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_visible (self->account_error)
                                        ? self->account_error : self->calendar_error));
}
