/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-palette.c - one tile per kind: the drag sources for planning. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-entry-chip.h"
#include "rc-palette.h"

struct _RcPalette
{
  AdwBin           parent_instance;

  RcCalendarModel *model;
  gint64           stamp;     /* of the store when the minutes were read */
  GtkBox          *tiles;
  GtkWidget       *tile[RC_N_KINDS];
  GtkLabel        *minutes[RC_N_KINDS];
};

G_DEFINE_FINAL_TYPE (RcPalette, rc_palette, ADW_TYPE_BIN)

/* A tile's accessible name says what it does: the plan's chips are named
 * after their kind too ("Rest"), and a screen reader would say the same
 * word for both. The shown kind stays in it, for voice control. */
static const char *const add_names[RC_N_KINDS] = {
  /* Translators: the accessible name of the palette's Rest tile */
  [RC_KIND_REST]      = N_("Add a rest day"),
  /* Translators: the accessible name of the palette's Easy run tile */
  [RC_KIND_EASY]      = N_("Add an easy run"),
  /* Translators: the accessible name of the palette's Long run tile */
  [RC_KIND_LONG]      = N_("Add a long run"),
  /* Translators: the accessible name of the palette's Tempo run tile */
  [RC_KIND_TEMPO]     = N_("Add a tempo run"),
  /* Translators: the accessible name of the palette's Intervals tile */
  [RC_KIND_INTERVALS] = N_("Add intervals"),
  /* Translators: the accessible name of the palette's Race tile */
  [RC_KIND_RACE]      = N_("Add a race"),
  /* Translators: the accessible name of the palette's Cross-training tile */
  [RC_KIND_CROSS]     = N_("Add cross-training"),
  /* Translators: the accessible name of the palette's Massage tile */
  [RC_KIND_MASSAGE]   = N_("Add a massage"),
};

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       data)
{
  RcKind kind = GPOINTER_TO_UINT (data);
  g_autofree char *payload = g_strconcat (RC_DND_KIND_PREFIX, rc_kind_to_string (kind), NULL);

  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               gpointer       data)
{
  GtkWidget *tile = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (tile);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static GtkWidget *
build_tile (RcPalette *self,
            RcKind     kind)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (rc_kind_icon_name (kind));
  GtkWidget *name = gtk_label_new (rc_kind_label (kind));
  GtkWidget *minutes = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_set_hexpand (name, TRUE);
  /* Not ellipsized: the palette (a flap, which gets its minimum width)
   * grows to the longest name, with Large Text or a long translation. */
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (minutes, "dim-text");
  gtk_widget_add_css_class (minutes, "numeric");
  gtk_widget_add_css_class (minutes, "caption");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), minutes);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "palette-tile");
  gtk_widget_add_css_class (button, rc_kind_to_string (kind));
  gtk_widget_set_tooltip_text (button, _("Drag onto a day, or press Enter to add it to the selected day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(add_names[kind]), -1);
  /* a click or Enter asks the window: it adds to the day outlined */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.add-from-palette");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", rc_kind_to_string (kind));

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  /* Before the button's own click gesture: once the button has been
   * clicked (and holds the focus), a drag from it never started otherwise. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (source), GTK_PHASE_CAPTURE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), GUINT_TO_POINTER (kind));
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), NULL);
  gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (source));

  self->minutes[kind] = GTK_LABEL (minutes);
  return button;
}

static void
update_minutes (RcPalette *self)
{
  RcStore *store = rc_calendar_model_get_store (self->model);
  gint64 stamp = rc_store_get_change_stamp (store);

  /* Paging through weeks changes no setting: no need to ask the store. */
  if (stamp == self->stamp)
    return;
  self->stamp = stamp;
  for (guint k = 0; k < RC_N_KINDS; k++)
    {
      int minutes = rc_store_get_default_minutes (store, k);
      g_autofree char *text = minutes > 0 ? g_strdup_printf (_("%d min"), minutes) : g_strdup ("");

      gtk_label_set_text (self->minutes[k], text);
    }
}

static void
rc_palette_dispose (GObject *object)
{
  RcPalette *self = RC_PALETTE (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (object), RC_TYPE_PALETTE);
  G_OBJECT_CLASS (rc_palette_parent_class)->dispose (object);
}

static void
rc_palette_class_init (RcPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_palette_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rc-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, RcPalette, tiles);
  gtk_widget_class_set_css_name (widget_class, "palette");
}

static void
rc_palette_init (RcPalette *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint k = 0; k < RC_N_KINDS; k++)
    {
      self->tile[k] = build_tile (self, k);
      gtk_box_append (self->tiles, self->tile[k]);
    }
}

void
rc_palette_set_model (RcPalette       *self,
                      RcCalendarModel *model)
{
  g_return_if_fail (RC_IS_PALETTE (self));

  self->model = g_object_ref (model);
  self->stamp = -1;
  g_signal_connect_swapped (model, "changed", G_CALLBACK (update_minutes), self);
  update_minutes (self);
}

GtkWidget *
rc_palette_get_tile (RcPalette *self,
                     RcKind     kind)
{
  g_return_val_if_fail (kind < RC_N_KINDS, NULL);
  return self->tile[kind];
}
