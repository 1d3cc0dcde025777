/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-spinner.c - a spinner that only repaints itself. */

#include "config.h"

#include <math.h>

#include "rc-spinner.h"

#define SIZE        16      /* px, as a symbolic icon */
#define PERIOD_US   1000000 /* one turn a second, as GtkSpinner */
#define FRAME_US    33333   /* 30 redraws a second are smooth enough for 16 px */

struct _RcSpinner
{
  GtkWidget parent_instance;

  gboolean  spinning;
  guint     tick_id;
  gint64    drawn_at;      /* frame time of the last redraw asked for */
  double    turn;          /* 0..1 */
};

G_DEFINE_FINAL_TYPE (RcSpinner, rc_spinner, GTK_TYPE_WIDGET)

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  RcSpinner *self = RC_SPINNER (widget);
  gint64 time = gdk_frame_clock_get_frame_time (clock);

  if (time - self->drawn_at >= FRAME_US)
    {
      self->drawn_at = time;
      self->turn = (double) (time % PERIOD_US) / PERIOD_US;
      /* a redraw, never a resize: nothing else of the window is touched */
      gtk_widget_queue_draw (widget);
    }
  return G_SOURCE_CONTINUE;
}

/* Ticks only while spinning and mapped: a hidden spinner costs nothing. */
static void
update_tick (RcSpinner *self)
{
  gboolean want = self->spinning && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (want && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
  else if (!want && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static void
rc_spinner_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  RcSpinner *self = RC_SPINNER (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double radius = MIN (width, height) / 2.0 - 1.5;
  GdkRGBA color;
  cairo_t *cr;

  if (!self->spinning || radius <= 0)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  /* a faint full ring and a bright quarter going round it */
  gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { color.red, color.green, color.blue, color.alpha * 0.25 });
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_stroke (cr);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, radius,
             2 * G_PI * self->turn, 2 * G_PI * self->turn + G_PI / 2);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
rc_spinner_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  *minimum = *natural = SIZE;
}

static void
rc_spinner_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rc_spinner_parent_class)->map (widget);
  update_tick (RC_SPINNER (widget));
}

static void
rc_spinner_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rc_spinner_parent_class)->unmap (widget);
  update_tick (RC_SPINNER (widget));
}

static void
rc_spinner_class_init (RcSpinnerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = rc_spinner_snapshot;
  widget_class->measure = rc_spinner_measure;
  widget_class->map = rc_spinner_map;
  widget_class->unmap = rc_spinner_unmap;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
rc_spinner_init (RcSpinner *self)
{
}

GtkWidget *
rc_spinner_new (void)
{
  return g_object_new (RC_TYPE_SPINNER, NULL);
}

void
rc_spinner_set_spinning (RcSpinner *self,
                         gboolean   spinning)
{
  g_return_if_fail (RC_IS_SPINNER (self));
  spinning = !!spinning;
  if (self->spinning == spinning)
    return;
  self->spinning = spinning;
  update_tick (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
rc_spinner_get_spinning (RcSpinner *self)
{
  g_return_val_if_fail (RC_IS_SPINNER (self), FALSE);
  return self->spinning;
}
