/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-sync-status.c - the sync button of the header bar. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-conflicts-dialog.h"
#include "rc-preferences-window.h"
#include "rc-spinner.h"
#include "rc-store-sync.h"
#include "rc-sync-status.h"
#include "rc-window.h"

struct _RcSyncStatus
{
  GtkWidget        parent_instance;

  GtkWidget       *button;       /* GtkMenuButton */
  GtkWidget       *stack;        /* spinner or icon */
  GtkWidget       *spinner;
  GtkWidget       *icon;
  GtkWidget       *title;
  GtkWidget       *detail;
  GtkWidget       *retry;
  GtkWidget       *preferences;
  char            *text;

  RcCalendarModel *model;
  RcSyncScheduler *scheduler;
  gint64           stamp;        /* the store's change stamp the model last showed */
};

G_DEFINE_FINAL_TYPE (RcSyncStatus, rc_sync_status, GTK_TYPE_WIDGET)

static RcWindow *
window_of (RcSyncStatus *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return RC_IS_WINDOW (root) ? RC_WINDOW (root) : NULL;
}

static char *
synced_text (RcSyncStatus *self)
{
  GDateTime *last = rc_sync_scheduler_get_last_sync (self->scheduler);
  g_autofree char *time = NULL;

  if (last == NULL)
    return g_strdup (_("Waiting to sync"));
  time = g_date_time_format (last, "%H:%M");
  /* Translators: %s is a time of day, HH:MM */
  return g_strdup_printf (_("Synced at %s"), time);
}

/* The popover, once built, says what the button's tooltip says, and more. */
static void
update_popover (RcSyncStatus *self)
{
  RcSyncState state = self->scheduler != NULL ? rc_sync_scheduler_get_state (self->scheduler) : RC_SYNC_STATE_NONE;
  const char *detail = state == RC_SYNC_STATE_ERROR ? rc_sync_scheduler_get_error (self->scheduler) : NULL;

  if (self->title == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (self->title), self->text != NULL ? self->text : "");
  gtk_label_set_text (GTK_LABEL (self->detail), detail != NULL ? detail : "");
  gtk_widget_set_visible (self->detail, detail != NULL);
  gtk_widget_set_visible (self->retry, state == RC_SYNC_STATE_ERROR || state == RC_SYNC_STATE_OFFLINE);
  gtk_widget_set_visible (self->preferences, state == RC_SYNC_STATE_ERROR);
}

static void
update (RcSyncStatus *self)
{
  RcSyncState state = rc_sync_scheduler_get_state (self->scheduler);
  const char *icon = "emblem-ok-symbolic";
  g_autofree char *text = NULL;

  switch (state)
    {
    case RC_SYNC_STATE_SYNCING:
      text = g_strdup (_("Syncing…"));
      break;
    case RC_SYNC_STATE_OFFLINE:
      text = g_strdup (_("Offline: changes will sync when the network is back"));
      icon = "network-offline-symbolic";
      break;
    case RC_SYNC_STATE_ERROR:
      text = g_strdup (_("Sync failed"));
      icon = "dialog-warning-symbolic";
      break;
    case RC_SYNC_STATE_NONE:
    case RC_SYNC_STATE_IDLE:
    default:
      text = synced_text (self);
      break;
    }
  /* one refresh after the sync (on_synced), none per batch it writes */
  rc_calendar_model_hold_refresh (self->model, state == RC_SYNC_STATE_SYNCING);
  gtk_widget_set_visible (self->button, state != RC_SYNC_STATE_NONE);
  rc_spinner_set_spinning (RC_SPINNER (self->spinner), state == RC_SYNC_STATE_SYNCING);
  gtk_stack_set_visible_child (GTK_STACK (self->stack),
                               state == RC_SYNC_STATE_SYNCING ? self->spinner : self->icon);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon);
  if (state == RC_SYNC_STATE_ERROR)
    gtk_widget_add_css_class (self->button, "error");
  else
    gtk_widget_remove_css_class (self->button, "error");
  gtk_widget_set_tooltip_text (self->button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
  g_free (self->text);
  self->text = g_steal_pointer (&text);
  update_popover (self);
}

/* ---- the server's changes in the window ---------------------------------- */

/* Each shown entry as one line of what a person sees of it, by uid. */
static GHashTable *
snapshot (RcCalendarModel *model)
{
  GHashTable *shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  RcDay last = rc_calendar_model_get_last (model);

  for (RcDay day = rc_calendar_model_get_first (model); day <= last; day++)
    {
      guint n = 0;
      const RcEntry * const *entries = rc_calendar_model_get_entries (model, day, &n);

      for (guint i = 0; i < n; i++)
        g_hash_table_insert (shown, g_strdup (entries[i]->uid),
                             g_strdup_printf ("%d %d %d %d %d %d %d %s", entries[i]->day, entries[i]->time,
                                              entries[i]->kind, entries[i]->massage, entries[i]->minutes,
                                              entries[i]->rpe, entries[i]->status,
                                              entries[i]->title != NULL ? entries[i]->title : ""));
    }
  return shown;
}

static guint
count_changed (GHashTable *before,
               GHashTable *after)
{
  GHashTableIter iter;
  gpointer uid, line;
  guint n = 0;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &uid, &line))
    if (g_strcmp0 (line, g_hash_table_lookup (after, uid)) != 0)
      n++;
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &uid, &line))
    if (!g_hash_table_contains (before, uid))
      n++;
  return n;
}

static void
on_review_conflicts (AdwToast     *toast,
                     RcSyncStatus *self)
{
  RcWindow *window = window_of (self);

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (rc_conflicts_dialog_new (GTK_WINDOW (window), self->model)));
}

static void
on_synced (RcSyncScheduler *scheduler,
           RcSyncStats     *stats,
           RcSyncStatus    *self)
{
  RcWindow *window = window_of (self);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  guint changed;

  if (stats->down_added + stats->down_changed + stats->down_deleted + stats->conflicts == 0)
    return;
  before = snapshot (self->model);
  rc_calendar_model_refresh (self->model);
  after = snapshot (self->model);
  changed = count_changed (before, after);
  if (window == NULL)
    return;
  if (changed > 0)
    {
      g_autofree char *message =
        /* Translators: a toast when a sync brought changes to the days shown */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session changed on another device",
                                      "%u sessions changed on another device", changed), changed);

      rc_window_add_toast (window, adw_toast_new (message));
    }
  if (stats->conflicts > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change conflicts with the server",
                                      "%u changes conflict with the server", stats->conflicts),
                         stats->conflicts);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_button_label (toast, _("_Review"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_review_conflicts), self, 0);
      rc_window_add_toast (window, toast);
    }
}

/* The model also changes when the window pages to another week: only a
 * write to the store (an edit, undo, redo, import, another program's
 * change) is a change to sync, and paging must not postpone its sync. */
static void
on_model_changed (RcSyncStatus *self)
{
  gint64 stamp = rc_store_get_change_stamp (rc_calendar_model_get_store (self->model));

  if (stamp == self->stamp)
    return;
  self->stamp = stamp;
  rc_sync_scheduler_changed (self->scheduler);
}

/* The window's model is set after its template is built: take it when shown. */
static void
bind (RcSyncStatus *self)
{
  RcWindow *window = window_of (self);

  if (self->model != NULL || window == NULL || rc_window_get_model (window) == NULL)
    return;
  self->model = g_object_ref (rc_window_get_model (window));
  self->scheduler = g_object_ref (rc_sync_scheduler_for_store (rc_calendar_model_get_store (self->model)));
  self->stamp = rc_store_get_change_stamp (rc_calendar_model_get_store (self->model));
  g_signal_connect_object (self->scheduler, "notify::state", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scheduler, "synced", G_CALLBACK (on_synced), self, 0);
  g_signal_connect_object (self->model, "changed", G_CALLBACK (on_model_changed), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
on_retry (RcSyncStatus *self)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  rc_sync_scheduler_sync_now (self->scheduler);
}

static void
on_open_preferences (RcSyncStatus *self)
{
  RcWindow *window = window_of (self);
  RcPreferencesWindow *preferences;

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  if (window == NULL)
    return;
  preferences = rc_preferences_window_new (GTK_WINDOW (window), self->model);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sync");
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The popover is built when first opened: the button is hidden until an
 * account exists, and its popover need not be built before the first frame. */
static void
build_popover (GtkMenuButton *button,
               gpointer       data)
{
  RcSyncStatus *self = RC_SYNC_STATUS (data);
  GtkWidget *box, *popover;

  if (self->title != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  popover = gtk_popover_new ();
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  self->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title, "heading");
  self->detail = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->detail), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->detail), 36);
  gtk_label_set_xalign (GTK_LABEL (self->detail), 0);
  self->retry = gtk_button_new_with_mnemonic (_("_Try Again"));
  gtk_widget_add_css_class (self->retry, "suggested-action");
  self->preferences = gtk_button_new_with_mnemonic (_("_Open Preferences"));
  g_signal_connect_swapped (self->retry, "clicked", G_CALLBACK (on_retry), self);
  g_signal_connect_swapped (self->preferences, "clicked", G_CALLBACK (on_open_preferences), self);
  gtk_box_append (GTK_BOX (box), self->title);
  gtk_box_append (GTK_BOX (box), self->detail);
  gtk_box_append (GTK_BOX (box), self->retry);
  gtk_box_append (GTK_BOX (box), self->preferences);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
  update_popover (self);
}

/* A hidden widget never maps: wait for the window's map instead. */
static void
rc_sync_status_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rc_sync_status_parent_class)->root (widget);
  g_signal_connect_object (gtk_widget_get_root (widget), "map", G_CALLBACK (bind), widget,
                           G_CONNECT_SWAPPED);
}

static void
rc_sync_status_dispose (GObject *object)
{
  RcSyncStatus *self = RC_SYNC_STATUS (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  /* a window closed mid-sync leaves the model taking file changes again */
  if (self->model != NULL)
    rc_calendar_model_hold_refresh (self->model, FALSE);
  g_clear_object (&self->model);
  g_clear_object (&self->scheduler);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (rc_sync_status_parent_class)->dispose (object);
}

static void
rc_sync_status_class_init (RcSyncStatusClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rc_sync_status_dispose;
  widget_class->root = rc_sync_status_root;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rc_sync_status_init (RcSyncStatus *self)
{
  self->button = gtk_menu_button_new ();
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  self->stack = gtk_stack_new ();
  self->spinner = rc_spinner_new ();
  self->icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  gtk_stack_add_child (GTK_STACK (self->stack), self->icon);
  gtk_stack_add_child (GTK_STACK (self->stack), self->spinner);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), self->stack);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), build_popover, self, NULL);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sync status"), -1);
  /* hidden until an account exists */
  gtk_widget_set_visible (self->button, FALSE);
}

const char *
rc_sync_status_get_text (RcSyncStatus *self)
{
  return self->text;
}

GtkMenuButton *
rc_sync_status_get_button (RcSyncStatus *self)
{
  return GTK_MENU_BUTTON (self->button);
}

GtkWidget *
rc_sync_status_get_retry_button (RcSyncStatus *self)
{
  return self->retry;
}

RcSyncScheduler *
rc_sync_status_get_scheduler (RcSyncStatus *self)
{
  return self->scheduler;
}
