/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-entry-chip.c - one entry on a day: kind icon, title, minutes; a drag source. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-entry-chip.h"

struct _RcEntryChip
{
  GtkWidget   parent_instance;

  RcEntry    *entry;
  GtkImage   *icon;
  GtkLabel   *title;
  GtkLabel   *minutes;
};

G_DEFINE_FINAL_TYPE (RcEntryChip, rc_entry_chip, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
rc_entry_describe (const RcEntry *entry)
{
  const char *title = rc_entry_display_title (entry);

  if (entry->minutes > 0)
    /* Translators: an entry's accessible label: title, minutes */
    return g_strdup_printf (g_dngettext (NULL, "%s, %d minute", "%s, %d minutes",
                                         entry->minutes),
                            title, entry->minutes);
  return g_strdup (title);
}

/* Ctrl held when the drag starts makes it a copy; GTK's own action
 * negotiation is honoured again at the drop. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 RcEntryChip   *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (source));
  gboolean copy = (state & GDK_CONTROL_MASK) != 0;
  g_autofree char *payload = g_strdup_printf ("%s%" G_GINT64_FORMAT,
                                              copy ? RC_DND_COPY_PREFIX : RC_DND_MOVE_PREFIX,
                                              self->entry->id);

  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               RcEntryChip   *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             RcEntryChip   *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             RcEntryChip     *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static gboolean
on_key_pressed (GtkEventControllerKey *key,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                RcEntryChip           *self)
{
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_space)
    {
      g_signal_emit (self, signals[ACTIVATED], 0);
      return TRUE;
    }
  if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-entry", "x", self->entry->id);
      return TRUE;
    }
  return FALSE;
}

/* Built in code, not from a template: a month of chips is created while
 * paging, and GtkBuilder would cost most of the 8 ms budget. */
static void
build_children (RcEntryChip *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 4);
  self->icon = GTK_IMAGE (gtk_image_new ());
  gtk_image_set_pixel_size (self->icon, 14);
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->icon), 2);
  gtk_widget_set_parent (GTK_WIDGET (self->icon), GTK_WIDGET (self));

  gtk_widget_set_hexpand (text, TRUE);
  self->title = GTK_LABEL (gtk_label_new (NULL));
  self->minutes = GTK_LABEL (gtk_label_new (NULL));
  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *label = i == 0 ? self->title : self->minutes;

      gtk_label_set_xalign (label, 0);
      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (label, 1);
      gtk_box_append (GTK_BOX (text), GTK_WIDGET (label));
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->minutes), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->minutes), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->minutes), "numeric");
  gtk_widget_set_parent (text, GTK_WIDGET (self));
}

/* The tooltip is written when asked for: chips are relabelled while paging. */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  RcEntryChip *self = RC_ENTRY_CHIP (widget);
  g_autofree char *text = rc_entry_describe (self->entry);

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
rc_entry_chip_dispose (GObject *object)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (rc_entry_chip_parent_class)->dispose (object);
}

static void
rc_entry_chip_finalize (GObject *object)
{
  RcEntryChip *self = RC_ENTRY_CHIP (object);

  g_clear_pointer (&self->entry, rc_entry_free);
  G_OBJECT_CLASS (rc_entry_chip_parent_class)->finalize (object);
}

static void
rc_entry_chip_class_init (RcEntryChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_entry_chip_dispose;
  object_class->finalize = rc_entry_chip_finalize;

  /* A click or Enter: open the entry in the day panel. */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entrychip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
rc_entry_chip_init (RcEntryChip *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  build_children (self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

GtkWidget *
rc_entry_chip_new (const RcEntry *entry,
                   gboolean       compact)
{
  RcEntryChip *self = g_object_new (RC_TYPE_ENTRY_CHIP, NULL);

  if (compact)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
      gtk_widget_set_visible (GTK_WIDGET (self->minutes), FALSE);
    }
  else
    {
      /* "6x800m intervals" in a week column beside the open panel: whole,
       * on two lines, rather than cut. */
      gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (self->title, TRUE);
      gtk_label_set_wrap_mode (self->title, PANGO_WRAP_WORD_CHAR);
    }
  rc_entry_chip_set_entry (self, entry);
  return GTK_WIDGET (self);
}

void
rc_entry_chip_set_show_minutes (RcEntryChip *self,
                                gboolean     show)
{
  g_return_if_fail (RC_IS_ENTRY_CHIP (self));
  gtk_widget_set_visible (GTK_WIDGET (self->minutes), show);
}

void
rc_entry_chip_set_show_icon (RcEntryChip *self,
                             gboolean     show)
{
  g_return_if_fail (RC_IS_ENTRY_CHIP (self));
  gtk_widget_set_visible (GTK_WIDGET (self->icon), show);
}

gint64
rc_entry_chip_get_id (RcEntryChip *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_CHIP (self), 0);
  return self->entry->id;
}

const RcEntry *
rc_entry_chip_get_entry (RcEntryChip *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_CHIP (self), NULL);
  return self->entry;
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

/* Only what differs is touched: chips are reused while paging. */
void
rc_entry_chip_set_entry (RcEntryChip   *self,
                         const RcEntry *entry)
{
  g_autofree char *label = NULL;
  char minutes[32] = "";
  RcKind old_kind;

  g_return_if_fail (RC_IS_ENTRY_CHIP (self));

  if (self->entry != NULL && rc_entry_equal (self->entry, entry))
    return;
  old_kind = self->entry != NULL ? self->entry->kind : RC_N_KINDS;
  g_clear_pointer (&self->entry, rc_entry_free);
  self->entry = rc_entry_copy (entry);

  if (old_kind != entry->kind)
    {
      gtk_image_set_from_icon_name (self->icon, rc_kind_icon_name (entry->kind));
      if (old_kind < RC_N_KINDS)
        gtk_widget_remove_css_class (GTK_WIDGET (self), rc_kind_to_string (old_kind));
      gtk_widget_add_css_class (GTK_WIDGET (self), rc_kind_to_string (entry->kind));
    }
  set_text (self->title, rc_entry_display_title (entry));
  if (entry->minutes > 0)
    /* Translators: minutes of a session on its chip */
    g_snprintf (minutes, sizeof minutes, _("%d min"), entry->minutes);
  set_text (self->minutes, minutes);

  label = rc_entry_describe (entry);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
