/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-day-load.c - a day's ATL/CTL/TSB and ACWR band under the day panel's
 * advice: context only, the massage verdicts stay those of the rules. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-day-load.h"
#include "rc-load-text.h"

struct _RcDayLoad
{
  GtkWidget  parent_instance;

  GtkLabel  *figures;
  GtkLabel  *band;
};

G_DEFINE_FINAL_TYPE (RcDayLoad, rc_day_load, GTK_TYPE_WIDGET)

static void
rc_day_load_dispose (GObject *object)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (rc_day_load_parent_class)->dispose (object);
}

static void
rc_day_load_class_init (RcDayLoadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_day_load_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dayload");
}

static GtkLabel *
add_label (RcDayLoad *self)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (label, 0);
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_max_width_chars (label, 30);
  gtk_widget_add_css_class (GTK_WIDGET (label), "dim-text");
  gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
  gtk_widget_set_parent (GTK_WIDGET (label), GTK_WIDGET (self));
  return label;
}

static void
rc_day_load_init (RcDayLoad *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->figures = add_label (self);
  self->band = add_label (self);
}

GtkWidget *
rc_day_load_new (void)
{
  return g_object_new (RC_TYPE_DAY_LOAD, NULL);
}

void
rc_day_load_show_day (RcDayLoad       *self,
                      RcCalendarModel *model,
                      RcDay            day)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) days = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *band = NULL;
  const RcLoadDay *figure;

  g_return_if_fail (RC_IS_DAY_LOAD (self));
  list = rc_load_text_list_history (rc_calendar_model_get_store (model), day);
  if (list == NULL)
    return;
  days = rc_load_days ((const RcEntry * const *) list->pdata, list->len, day, day,
                       rc_day_today (), RC_LOAD_FORECAST);
  figure = &g_array_index (days, RcLoadDay, 0);
  figures = rc_load_text_day (figure);
  band = rc_load_text_band_line (figure);
  gtk_label_set_text (self->figures, figures);
  gtk_label_set_text (self->band, band);
}

char *
rc_day_load_dup_text (RcDayLoad *self)
{
  g_return_val_if_fail (RC_IS_DAY_LOAD (self), NULL);

  return g_strdup_printf ("%s\n%s", gtk_label_get_text (self->figures),
                          gtk_label_get_text (self->band));
}
