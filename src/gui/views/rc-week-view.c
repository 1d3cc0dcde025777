/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-week-view.c - seven day columns: the training week. */

#include "config.h"

#include "rc-week-view.h"

struct _RcWeekView
{
  AdwBin     parent_instance;

  RcDayGrid *grid;
  RcWeekLoad *load;
};

G_DEFINE_FINAL_TYPE (RcWeekView, rc_week_view, ADW_TYPE_BIN)

static void
rc_week_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RC_TYPE_WEEK_VIEW);
  G_OBJECT_CLASS (rc_week_view_parent_class)->dispose (object);
}

static void
rc_week_view_class_init (RcWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_week_view_dispose;

  g_type_ensure (RC_TYPE_DAY_GRID);
  g_type_ensure (RC_TYPE_WEEK_LOAD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rc-week-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RcWeekView, grid);
  gtk_widget_class_bind_template_child (widget_class, RcWeekView, load);
  gtk_widget_class_set_css_name (widget_class, "weekview");
}

static void
rc_week_view_init (RcWeekView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RcDayGrid *
rc_week_view_get_grid (RcWeekView *self)
{
  g_return_val_if_fail (RC_IS_WEEK_VIEW (self), NULL);
  return self->grid;
}

void
rc_week_view_show_week (RcWeekView *self,
                        RcDay       first)
{
  g_return_if_fail (RC_IS_WEEK_VIEW (self));
  rc_day_grid_set_days (self->grid, first, first, first + 6);
  rc_week_load_show_week (self->load, first);
}

RcWeekLoad *
rc_week_view_get_load (RcWeekView *self)
{
  g_return_val_if_fail (RC_IS_WEEK_VIEW (self), NULL);
  return self->load;
}
