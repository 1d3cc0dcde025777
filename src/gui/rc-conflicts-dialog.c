/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-conflicts-dialog.c - the sync conflicts, one row per entry. The store
 * clears conflicts per entry, so both answers apply to all of an entry's
 * conflicting fields at once. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-conflicts-dialog.h"
#include "rc-model-property.h"
#include "rc-store-sync.h"
#include "rc-sync-scheduler.h"

struct _RcConflictsDialog
{
  AdwWindow            parent_instance;

  RcCalendarModel     *model;
  AdwPreferencesGroup *group;
  GtkWidget           *empty;
  GPtrArray           *rows;        /* AdwActionRow*, in order */
};

G_DEFINE_FINAL_TYPE (RcConflictsDialog, rc_conflicts_dialog, ADW_TYPE_WINDOW)

static void reload (RcConflictsDialog *self);

static void
resolve (RcConflictsDialog *self,
         gint64             id,
         gboolean           mine)
{
  RcStore *store = rc_calendar_model_get_store (self->model);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = rc_store_sync_list_conflicts (store, &error);
  const RcEntry *shown = rc_calendar_model_lookup (self->model, id);
  g_autoptr(RcEntry) entry = shown != NULL ? rc_entry_copy (shown) : rc_store_get (store, id, NULL);

  if (mine && entry != NULL && conflicts != NULL)
    {
      for (guint i = 0; i < conflicts->len; i++)
        {
          RcSyncConflict *c = conflicts->pdata[i];

          if (c->entry_id == id)
            rc_sync_conflict_take_mine (c, entry);
        }
      /* an ordinary edit: undoable, and pending, so the next sync uploads it */
      if (!rc_calendar_model_update (self->model, entry, &error))
        {
          adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_window_get_content (ADW_WINDOW (self))),
                                       adw_toast_new (error->message));
          return;
        }
    }
  rc_store_sync_clear_conflicts (store, id, NULL);
  reload (self);
}

static void
on_mine (GtkButton         *button,
         RcConflictsDialog *self)
{
  resolve (self, *(gint64 *) g_object_get_data (G_OBJECT (button), "rc-id"), TRUE);
}

static void
on_server (GtkButton         *button,
           RcConflictsDialog *self)
{
  resolve (self, *(gint64 *) g_object_get_data (G_OBJECT (button), "rc-id"), FALSE);
}

static GtkWidget *
answer_button (GtkWidget         *row,
               const char        *label,
               gint64             id,
               GCallback          callback,
               RcConflictsDialog *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "rc-id", copy, g_free);
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static void
add_row (RcConflictsDialog *self,
         gint64             id,
         GString           *details)
{
  RcStore *store = rc_calendar_model_get_store (self->model);
  g_autoptr(RcEntry) entry = rc_store_get (store, id, NULL);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = entry != NULL ? rc_day_format (entry->day, _("%a %-d %b")) : NULL;
  g_autofree char *title = NULL;

  if (entry != NULL)
    /* Translators: a conflicting entry: its title, then its day */
    title = g_strdup_printf (_("%s, %s"), rc_entry_display_name (entry), day);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : _("Deleted entry"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data (G_OBJECT (row), "rc-mine",
                     answer_button (row, _("Use _Mine"), id, G_CALLBACK (on_mine), self));
  g_object_set_data (G_OBJECT (row), "rc-server",
                     answer_button (row, _("Keep _Server’s"), id, G_CALLBACK (on_server), self));
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
}

static void
append_conflict (GString              *details,
                 const RcSyncConflict *c)
{
  g_autofree char *server = rc_sync_field_value_label (c->field, c->server_value);
  g_autofree char *mine = rc_sync_field_value_label (c->field, c->local_value);

  if (details->len > 0)
    g_string_append_c (details, '\n');
  /* Translators: one conflicting field: its name, the server's value, then yours */
  g_string_append_printf (details, _("%s: the server has “%s”, you had “%s”"),
                          rc_sync_field_label (c->field), server, mine);
}

static void
reload (RcConflictsDialog *self)
{
  RcStore *store = rc_calendar_model_get_store (self->model);
  g_autoptr(GPtrArray) conflicts = rc_store_sync_list_conflicts (store, NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  gint64 id = 0;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; conflicts != NULL && i <= conflicts->len; i++)
    {
      RcSyncConflict *c = i < conflicts->len ? conflicts->pdata[i] : NULL;

      if (id != 0 && (c == NULL || c->entry_id != id))
        {
          add_row (self, id, details);
          g_string_truncate (details, 0);
        }
      if (c == NULL)
        break;
      id = c->entry_id;
      append_conflict (details, c);
    }
  gtk_widget_set_visible (self->empty, self->rows->len == 0);
}

static void
rc_conflicts_dialog_dispose (GObject *object)
{
  RcConflictsDialog *self = RC_CONFLICTS_DIALOG (object);

  g_clear_object (&self->model);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rc_conflicts_dialog_parent_class)->dispose (object);
}

static void
rc_conflicts_dialog_constructed (GObject *object)
{
  G_OBJECT_CLASS (rc_conflicts_dialog_parent_class)->constructed (object);
  reload (RC_CONFLICTS_DIALOG (object));
}

static void
rc_conflicts_dialog_class_init (RcConflictsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rc_conflicts_dialog_dispose;
  object_class->constructed = rc_conflicts_dialog_constructed;

  rc_model_property_install (object_class, G_STRUCT_OFFSET (RcConflictsDialog, model));
}

static void
rc_conflicts_dialog_init (RcConflictsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *toasts = adw_toast_overlay_new ();

  self->rows = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Sync Conflicts"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 420);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->group,
    _("These entries were changed here and on another device. The server’s version is shown now; choose which one to keep."));
  self->empty = gtk_label_new (_("No conflicts left."));
  gtk_widget_add_css_class (self->empty, "dim-text");
  adw_preferences_group_add (self->group, self->empty);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (toasts), box);
  adw_window_set_content (ADW_WINDOW (self), toasts);
}

RcConflictsDialog *
rc_conflicts_dialog_new (GtkWindow       *parent,
                         RcCalendarModel *model)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (model), NULL);
  return g_object_new (RC_TYPE_CONFLICTS_DIALOG, "model", model,
                       "transient-for", parent, "modal", parent != NULL, NULL);
}

guint
rc_conflicts_dialog_get_n_rows (RcConflictsDialog *self)
{
  return self->rows->len;
}

GtkWidget *
rc_conflicts_dialog_get_button (RcConflictsDialog *self,
                                guint              i,
                                gboolean           mine)
{
  g_return_val_if_fail (i < self->rows->len, NULL);
  return g_object_get_data (self->rows->pdata[i], mine ? "rc-mine" : "rc-server");
}
