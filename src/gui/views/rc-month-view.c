/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-month-view.c - six compact weeks around a month. */

#include "config.h"

#include "rc-model-property.h"
#include "rc-month-view.h"

struct _RcMonthView
{
  AdwBin           parent_instance;

  RcCalendarModel *model;
  GtkBox          *weekdays;
  RcDayGrid       *grid;
};

G_DEFINE_FINAL_TYPE (RcMonthView, rc_month_view, ADW_TYPE_BIN)

static void
rc_month_view_dispose (GObject *object)
{
  g_clear_object (&RC_MONTH_VIEW (object)->model);
  gtk_widget_dispose_template (GTK_WIDGET (object), RC_TYPE_MONTH_VIEW);
  G_OBJECT_CLASS (rc_month_view_parent_class)->dispose (object);
}

/* The grid of the template is built by then: it takes the model at once. */
static void
rc_month_view_constructed (GObject *object)
{
  RcMonthView *self = RC_MONTH_VIEW (object);

  G_OBJECT_CLASS (rc_month_view_parent_class)->constructed (object);
  rc_day_grid_set_model (self->grid, self->model);
}

static void
rc_month_view_class_init (RcMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_month_view_dispose;
  object_class->constructed = rc_month_view_constructed;

  rc_model_property_install (object_class, G_STRUCT_OFFSET (RcMonthView, model));

  g_type_ensure (RC_TYPE_DAY_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rc-month-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RcMonthView, weekdays);
  gtk_widget_class_bind_template_child (widget_class, RcMonthView, grid);
  gtk_widget_class_set_css_name (widget_class, "monthview");
}

static void
rc_month_view_init (RcMonthView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < 7; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "weekday");
      gtk_box_append (self->weekdays, label);
    }
}

RcDayGrid *
rc_month_view_get_grid (RcMonthView *self)
{
  g_return_val_if_fail (RC_IS_MONTH_VIEW (self), NULL);
  return self->grid;
}

static RcDay
month_first (RcDay day)
{
  GDate d;

  rc_day_to_gdate (day, &d);
  return day - g_date_get_day (&d) + 1;
}

RcDay
rc_month_view_grid_start (RcDay        day,
                          GDateWeekday week_start)
{
  return rc_day_week_start (month_first (day), week_start);
}

void
rc_month_view_show_month (RcMonthView  *self,
                          RcDay         day,
                          GDateWeekday  week_start)
{
  RcDay first = month_first (day);
  RcDay start = rc_month_view_grid_start (day, week_start);
  GDate d;
  GtkWidget *label = gtk_widget_get_first_child (GTK_WIDGET (self->weekdays));

  g_return_if_fail (RC_IS_MONTH_VIEW (self));

  for (guint i = 0; label != NULL; i++, label = gtk_widget_get_next_sibling (label))
    {
      g_autofree char *name = rc_day_format (start + i, "%a");

      gtk_label_set_text (GTK_LABEL (label), name);
    }
  rc_day_to_gdate (first, &d);
  rc_day_grid_set_days (self->grid, start, first,
                        first + g_date_get_days_in_month (g_date_get_month (&d),
                                                          g_date_get_year (&d)) - 1);
}
