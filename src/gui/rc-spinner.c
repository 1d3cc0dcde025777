/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-spinner.c - a spinner that only repaints itself. */

#include "config.h"

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

/* The theme's own spinner image (what GtkSpinner shows), turned. */
static void
rc_spinner_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  RcSpinner *self = RC_SPINNER (widget);
  float width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;
  GdkRGBA color;

  if (!self->spinning)
    return;
  icon = gtk_icon_theme_lookup_icon (theme, "process-working-symbolic", NULL, SIZE,
                                     gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2, height / 2));
  gtk_snapshot_rotate (snapshot, 360.0 * self->turn);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-SIZE / 2.0, -SIZE / 2.0));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, SIZE, SIZE,
                                            &color, 1);
  gtk_snapshot_restore (snapshot);
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
