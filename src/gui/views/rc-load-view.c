/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-load-view.c - the Load view (load.md, issue 15): sixteen weeks of
 * daily load as bars (done solid, planned hatched), ATL and CTL as lines,
 * TSB as an area, the ACWR's fast and spiking days shaded, today marked,
 * and every massage and every ideal massage day on the time axis. Drawn
 * with cairo in the style's own colours; a sentence says the same. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rc-day-cell.h"
#include "rc-load-text.h"
#include "rc-load-view.h"
#include "rc-model-property.h"

#define N_WEEKS (RC_LOAD_VIEW_WEEKS_BEFORE + 1 + RC_LOAD_VIEW_WEEKS_AFTER)
#define N_DAYS (N_WEEKS * 7)
/* a date under the time axis: this far right of its week's line, and at
 * least DATE_GAP before the next date */
#define DATE_INSET 3
#define DATE_GAP   6

#define MARK_MASSAGE RC_LOAD_VIEW_MARK_MASSAGE
#define MARK_IDEAL   RC_LOAD_VIEW_MARK_IDEAL

/* What the legend's swatches and the chart both draw. */
typedef enum {
  PART_DONE,
  PART_PLANNED,
  PART_ATL,
  PART_CTL,
  PART_TSB,
  PART_ACWR,
  PART_MASSAGE,
  PART_IDEAL,
  PART_TODAY,
  N_PARTS
} Part;

typedef struct {
  GdkRGBA fg, atl, ctl, good, bad, warn, accent;
} Colors;

struct _RcLoadView
{
  GtkWidget        parent_instance;

  RcCalendarModel *model;
  RcDay            anchor;
  RcDay            today;
  RcDay            first;      /* N_DAYS from here */

  RcLoadDay        figures[N_DAYS];   /* the forecast series */
  double           done[N_DAYS];      /* done load of each day */
  double           planned[N_DAYS];   /* load of sessions still planned */
  guint8           marks[N_DAYS];
  char            *summary;

  GPtrArray       *history;    /* the whole store, while its change stamp holds */
  gint64           history_stamp;
  RcDay            history_last;

  GtkLabel        *summary_label;
  GtkWidget       *chart;
  GtkFlowBox      *legend;
};

G_DEFINE_FINAL_TYPE (RcLoadView, rc_load_view, GTK_TYPE_WIDGET)

/* ---- the figures ---- */

static void
compute_bars (RcLoadView            *self,
              const RcEntry * const *entries,
              guint                  n_entries)
{
  memset (self->done, 0, sizeof self->done);
  memset (self->planned, 0, sizeof self->planned);
  memset (self->marks, 0, sizeof self->marks);
  for (guint i = 0; i < n_entries; i++)
    {
      const RcEntry *e = entries[i];
      guint d;

      if (e->day < self->first || e->day >= self->first + N_DAYS)
        continue;
      d = e->day - self->first;
      if (e->kind == RC_KIND_MASSAGE)
        self->marks[d] |= MARK_MASSAGE;
      else if (e->status == RC_STATUS_DONE)
        self->done[d] += rc_load_of_entry (e);
      else if (e->status == RC_STATUS_PLANNED)
        self->planned[d] += rc_load_of_entry (e);
    }
}

static void
compute_ideal_days (RcLoadView            *self,
                    const RcEntry * const *entries,
                    guint                  n_entries)
{
  RcStore *store = rc_calendar_model_get_store (self->model);
  g_autoptr(GArray) advice = rc_rules_advise_range (entries, n_entries, self->first,
                                                     self->first + N_DAYS - 1,
                                                     rc_calendar_model_get_profile (self->model),
                                                     rc_calendar_model_get_week_start (self->model),
                                                     rc_store_get_default_minutes (store, RC_KIND_MASSAGE));

  for (guint d = 0; d < N_DAYS; d++)
    if (g_array_index (advice, RcAdvice, d).verdict == RC_VERDICT_IDEAL)
      self->marks[d] |= MARK_IDEAL;
}

/* "This week: 310 of 345 minutes done; load rising fast (ACWR 1.42); form −18"
 * for the anchor's week, its figures as of today (or its last day). */
static char *
describe (RcLoadView            *self,
          const RcEntry * const *entries,
          guint                  n_entries)
{
  RcDay week = rc_day_week_start (self->anchor, rc_calendar_model_get_week_start (self->model));
  gboolean this_week = self->today >= week && self->today <= week + 6;
  RcDay day = this_week ? self->today : week + 6;
  const RcLoadDay *figure = &self->figures[day - self->first];
  g_autoptr(GArray) weeks = rc_load_weeks (entries, n_entries, week, week + 6, self->today,
                                           RC_LOAD_FORECAST,
                                           rc_calendar_model_get_week_start (self->model));
  const RcLoadWeek *w = &g_array_index (weeks, RcLoadWeek, 0);
  g_autofree char *band = rc_load_text_band (figure);
  g_autofree char *form = rc_load_text_figure (figure->tsb, 0);
  g_autofree char *date = NULL;

  if (this_week)
    /* Translators: the Load view's summary: done minutes, planned minutes, the load's band ("load steady (ACWR 1.05)"), form (TSB) */
    return g_strdup_printf (_("This week: %1$d of %2$d minutes done; %3$s; form %4$s"),
                            w->done_minutes, w->planned_minutes, band, form);
  /* Translators: a week's first day in the Load view's summary, strftime format */
  date = rc_day_format (week, _("%-d %b"));
  /* Translators: the Load view's summary of another week: its first day, done minutes, planned minutes, the load's band, form (TSB) on its last day */
  return g_strdup_printf (_("Week of %1$s: %2$d of %3$d minutes done; %4$s; form %5$s"),
                          date, w->done_minutes, w->planned_minutes, band, form);
}

/* The history up to the chart's end (and the 13 days the rules read past
 * it for the best day of a week): read again only when the store changed
 * or the chart moved past what was read, so that paging stays quick. */
static GPtrArray *
get_history (RcLoadView *self)
{
  RcStore *store = rc_calendar_model_get_store (self->model);
  gint64 stamp = rc_store_get_change_stamp (store);
  RcDay last = self->first + N_DAYS - 1 + RC_RULES_DAYS_AFTER;

  if (self->history == NULL || stamp != self->history_stamp || last > self->history_last)
    {
      g_clear_pointer (&self->history, g_ptr_array_unref);
      /* a year ahead at once: the next pages need no query */
      self->history = rc_load_text_list_history (store, last + 365);
      self->history_stamp = stamp;
      self->history_last = last + 365;
    }
  return self->history;
}

static void
update (RcLoadView *self)
{
  GPtrArray *list;
  g_autoptr(GArray) days = NULL;
  const RcEntry * const *entries;

  if (self->model == NULL || self->first == RC_DAY_INVALID)
    return;
  list = get_history (self);
  if (list == NULL)
    return;
  entries = (const RcEntry * const *) list->pdata;
  days = rc_load_days (entries, list->len, self->first, self->first + N_DAYS - 1,
                       self->today, RC_LOAD_FORECAST);
  memcpy (self->figures, days->data, sizeof self->figures);
  compute_bars (self, entries, list->len);
  compute_ideal_days (self, entries, list->len);

  g_free (self->summary);
  self->summary = describe (self, entries, list->len);
  gtk_label_set_text (self->summary_label, self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Training load chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  gtk_widget_queue_draw (self->chart);
}

/* ---- drawing ---- */

static void
lookup (GtkStyleContext *context,
        const char      *name,
        const GdkRGBA   *fallback,
        GdkRGBA         *out)
{
  if (!gtk_style_context_lookup_color (context, name, out))
    *out = *fallback;
}

/* The style's colours, light or dark, as libadwaita names them. */
static void
get_colors (GtkWidget *widget,
            Colors    *c)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, &c->fg);
  lookup (context, "warning_color", &c->fg, &c->atl);
  lookup (context, "accent_color", &c->fg, &c->ctl);
  lookup (context, "success_color", &c->fg, &c->good);
  lookup (context, "error_color", &c->fg, &c->bad);
  lookup (context, "warning_color", &c->fg, &c->warn);
  lookup (context, "accent_bg_color", &c->fg, &c->accent);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Hatching as a repeating 6 px tile: every planned bar in one fill. */
static cairo_pattern_t *
hatch_pattern (const GdkRGBA *color)
{
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 6, 6);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  set_color (cr, color, 0.15);
  cairo_paint (cr);
  set_color (cr, color, 0.6);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, -1, 7);
  cairo_line_to (cr, 7, -1);
  cairo_move_to (cr, -4, 4);
  cairo_line_to (cr, 4, -4);
  cairo_move_to (cr, 2, 10);
  cairo_line_to (cr, 10, 2);
  cairo_stroke (cr);
  cairo_destroy (cr);
  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

static void
hatch (cairo_t       *cr,
       const GdkRGBA *color,
       double         x,
       double         y,
       double         w,
       double         h)
{
  cairo_pattern_t *pattern = hatch_pattern (color);

  cairo_set_source (cr, pattern);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);
}

static void
diamond (cairo_t *cr,
         double   x,
         double   y,
         double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

/* One part's mark in a W x H box: the legend's swatch. */
static void
draw_swatch (cairo_t      *cr,
             const Colors *c,
             Part          part,
             double        w,
             double        h)
{
  cairo_set_line_width (cr, 2);
  switch (part)
    {
    case PART_DONE:
      set_color (cr, &c->fg, 0.6);
      cairo_rectangle (cr, 2, 1, w - 4, h - 2);
      cairo_fill (cr);
      break;
    case PART_PLANNED:
      hatch (cr, &c->fg, 2, 1, w - 4, h - 2);
      break;
    case PART_ATL:
    case PART_CTL:
      set_color (cr, part == PART_ATL ? &c->atl : &c->ctl, 1);
      cairo_move_to (cr, 0, h / 2);
      cairo_line_to (cr, w, h / 2);
      if (part == PART_CTL)
        cairo_set_dash (cr, (double[]) { 5, 2 }, 2, 0);
      cairo_stroke (cr);
      break;
    case PART_TSB:
      set_color (cr, &c->good, 0.35);
      cairo_rectangle (cr, 0, 1, w / 2, h / 2 - 1);
      cairo_fill (cr);
      set_color (cr, &c->bad, 0.35);
      cairo_rectangle (cr, w / 2, h / 2, w / 2, h / 2 - 1);
      cairo_fill (cr);
      break;
    case PART_ACWR:
      set_color (cr, &c->warn, 0.18);
      cairo_rectangle (cr, 0, 0, w / 2, h);
      cairo_fill (cr);
      set_color (cr, &c->bad, 0.22);
      cairo_rectangle (cr, w / 2, 0, w / 2, h);
      cairo_fill (cr);
      break;
    case PART_MASSAGE:
      set_color (cr, &c->accent, 1);
      cairo_arc (cr, w / 2, h / 2, MIN (w, h) / 2 - 1, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case PART_IDEAL:
      set_color (cr, &c->good, 1);
      diamond (cr, w / 2, h / 2, MIN (w, h) / 2 - 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    case PART_TODAY:
      set_color (cr, &c->fg, 0.8);
      cairo_move_to (cr, w / 2, 0);
      cairo_line_to (cr, w / 2, h);
      cairo_stroke (cr);
      break;
    case N_PARTS:
    default:
      break;
    }
}

typedef struct {
  double left, top, width, dw;
  double main_h, tsb_top, tsb_h, axis_top;
  double scale;       /* load units per pixel of the main plot */
  double tsb_scale;   /* TSB units per pixel, either side of zero */
} Geometry;

static void
layout_chart (RcLoadView *self,
              int         width,
              int         height,
              Geometry   *g)
{
  double max = 1, tsb_max = 1;

  for (guint d = 0; d < N_DAYS; d++)
    {
      max = MAX (max, self->done[d] + self->planned[d]);
      max = MAX (max, self->figures[d].atl);
      max = MAX (max, self->figures[d].ctl);
      tsb_max = MAX (tsb_max, fabs (self->figures[d].tsb));
    }
  g->left = 44;
  g->top = 8;
  g->width = MAX (width - g->left - 12, 1);
  g->dw = g->width / N_DAYS;
  g->axis_top = height - 40;
  g->main_h = MAX ((g->axis_top - g->top) * 0.70, 1);
  g->tsb_top = g->top + g->main_h + 8;
  g->tsb_h = MAX (g->axis_top - g->tsb_top - 4, 1);
  g->scale = max * 1.1 / g->main_h;
  g->tsb_scale = tsb_max * 1.1 / (g->tsb_h / 2);
}

static void
draw_band_shading (RcLoadView     *self,
                   cairo_t        *cr,
                   const Colors   *c,
                   const Geometry *g)
{
  for (guint d = 0; d < N_DAYS; d++)
    {
      RcAcwrBand band = self->figures[d].band;

      if (band != RC_ACWR_RISING_FAST && band != RC_ACWR_SPIKE)
        continue;
      set_color (cr, band == RC_ACWR_SPIKE ? &c->bad : &c->warn, band == RC_ACWR_SPIKE ? 0.22 : 0.18);
      cairo_rectangle (cr, g->left + d * g->dw, g->top, g->dw + 0.5, g->axis_top - g->top);
      cairo_fill (cr);
    }
}

static void
draw_bars (RcLoadView     *self,
           cairo_t        *cr,
           const Colors   *c,
           const Geometry *g)
{
  double base = g->top + g->main_h;
  double pad = g->dw > 4 ? 1 : 0;
  cairo_pattern_t *pattern;

  set_color (cr, &c->fg, 0.6);
  for (guint d = 0; d < N_DAYS; d++)
    if (self->done[d] > 0)
      cairo_rectangle (cr, g->left + d * g->dw + pad, base - self->done[d] / g->scale,
                       g->dw - 2 * pad, self->done[d] / g->scale);
  cairo_fill (cr);
  pattern = hatch_pattern (&c->fg);
  cairo_set_source (cr, pattern);
  for (guint d = 0; d < N_DAYS; d++)
    if (self->planned[d] > 0)
      {
        double h = self->planned[d] / g->scale;

        cairo_rectangle (cr, g->left + d * g->dw + pad, base - self->done[d] / g->scale - h,
                         g->dw - 2 * pad, h);
      }
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);
}

static void
draw_line (RcLoadView     *self,
           cairo_t        *cr,
           const GdkRGBA  *color,
           gboolean        atl,
           const Geometry *g)
{
  double base = g->top + g->main_h;

  for (guint d = 0; d < N_DAYS; d++)
    {
      double v = atl ? self->figures[d].atl : self->figures[d].ctl;
      double x = g->left + (d + 0.5) * g->dw;

      if (d == 0)
        cairo_move_to (cr, x, base - v / g->scale);
      else
        cairo_line_to (cr, x, base - v / g->scale);
    }
  set_color (cr, color, 1);
  cairo_set_line_width (cr, 2);
  if (!atl)
    cairo_set_dash (cr, (double[]) { 5, 2 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* TSB above its zero line in the "good" colour, below it in the "bad" one. */
static void
draw_tsb (RcLoadView     *self,
          cairo_t        *cr,
          const Colors   *c,
          const Geometry *g)
{
  double zero = g->tsb_top + g->tsb_h / 2;

  for (int sign = 1; sign >= -1; sign -= 2)
    {
      cairo_move_to (cr, g->left, zero);
      for (guint d = 0; d < N_DAYS; d++)
        {
          double v = sign > 0 ? MAX (self->figures[d].tsb, 0) : MIN (self->figures[d].tsb, 0);

          cairo_line_to (cr, g->left + d * g->dw, zero - v / g->tsb_scale);
          cairo_line_to (cr, g->left + (d + 1) * g->dw, zero - v / g->tsb_scale);
        }
      cairo_line_to (cr, g->left + g->width, zero);
      cairo_close_path (cr);
      set_color (cr, sign > 0 ? &c->good : &c->bad, 0.35);
      cairo_fill (cr);
    }
  set_color (cr, &c->fg, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, g->left, zero + 0.5);
  cairo_line_to (cr, g->left + g->width, zero + 0.5);
  cairo_stroke (cr);
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           gboolean     right)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, right ? x - w : x, y);
  pango_cairo_show_layout (cr, layout);
}

char *
rc_load_view_dup_week_date (RcLoadView *self,
                            guint       week)
{
  g_return_val_if_fail (RC_IS_LOAD_VIEW (self), NULL);
  g_return_val_if_fail (self->first != RC_DAY_INVALID && week < N_WEEKS, NULL);

  /* Translators: a week's first day under the Load chart, strftime format */
  return rc_day_format (self->first + week * 7, _("%-d %b"));
}

/* Every other week, or every fourth, eighth…: as often as the widest of
 * those weeks' dates fits in the room it is given (a narrow window, longer
 * month names). LABELS: set to each even week's date. */
static guint
date_step (RcLoadView     *self,
           PangoLayout    *layout,
           const Geometry *g,
           GStrv          *labels)
{
  int widest = 0;
  guint step = 2;

  *labels = g_new0 (char *, (N_WEEKS + 1) / 2 + 1);   /* weeks 0, 2, 4…, then NULL */
  for (guint w = 0; w < N_WEEKS; w += 2)
    {
      int width;

      (*labels)[w / 2] = rc_load_view_dup_week_date (self, w);
      pango_layout_set_text (layout, (*labels)[w / 2], -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  while (step < N_WEEKS && step * 7 * g->dw < widest + DATE_GAP)
    step *= 2;
  return step;
}

/* Week lines and the dates of every other week (or fewer, see
 * date_step()); the scales' top values. */
static void
draw_axes (RcLoadView     *self,
           cairo_t        *cr,
           PangoLayout    *layout,
           const Colors   *c,
           const Geometry *g)
{
  char buf[32];
  g_auto(GStrv) labels = NULL;
  guint step = date_step (self, layout, g, &labels);

  set_color (cr, &c->fg, 0.15);
  cairo_set_line_width (cr, 1);
  for (guint w = 0; w <= N_WEEKS; w++)
    {
      double x = round (g->left + w * 7 * g->dw) + 0.5;

      cairo_move_to (cr, x, g->top);
      cairo_line_to (cr, x, g->axis_top + 4);
    }
  cairo_move_to (cr, g->left, round (g->top + g->main_h) + 0.5);
  cairo_line_to (cr, g->left + g->width, round (g->top + g->main_h) + 0.5);
  cairo_stroke (cr);

  set_color (cr, &c->fg, 0.7);
  for (guint w = 0; w < N_WEEKS; w += step)
    draw_text (cr, layout, labels[w / 2], g->left + w * 7 * g->dw + DATE_INSET, g->axis_top + 20, FALSE);
  g_snprintf (buf, sizeof buf, "%.0f", g->scale * g->main_h);
  draw_text (cr, layout, buf, g->left - 4, g->top - 2, TRUE);
  draw_text (cr, layout, "0", g->left - 4, g->top + g->main_h - 14, TRUE);
  g_snprintf (buf, sizeof buf, "%+.0f", g->tsb_scale * g->tsb_h / 2);
  draw_text (cr, layout, buf, g->left - 4, g->tsb_top - 2, TRUE);
}

/* Massages (filled dots) and ideal days (hollow diamonds) on the time
 * axis, and today as a line across the whole chart. */
static void
draw_days (RcLoadView     *self,
           cairo_t        *cr,
           const Colors   *c,
           const Geometry *g)
{
  double r = CLAMP (g->dw / 2 - 0.5, 2.5, 5);

  for (guint d = 0; d < N_DAYS; d++)
    {
      double x = g->left + (d + 0.5) * g->dw;

      if (self->marks[d] & MARK_MASSAGE)
        {
          set_color (cr, &c->accent, 1);
          cairo_arc (cr, x, g->axis_top + 6, r, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      if (self->marks[d] & MARK_IDEAL)
        {
          set_color (cr, &c->good, 1);
          diamond (cr, x, g->axis_top + 15, r);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
    }
  if (self->today >= self->first && self->today < self->first + N_DAYS)
    {
      double x = round (g->left + (self->today - self->first + 0.5) * g->dw) + 0.5;

      set_color (cr, &c->fg, 0.8);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x, g->top);
      cairo_line_to (cr, x, g->axis_top + 20);
      cairo_stroke (cr);
    }
}

void
rc_load_view_draw (RcLoadView *self,
                   cairo_t    *cr,
                   int         width,
                   int         height)
{
  g_autoptr(PangoLayout) layout = NULL;
  Colors c;
  Geometry g;

  g_return_if_fail (RC_IS_LOAD_VIEW (self));
  if (self->first == RC_DAY_INVALID)
    return;
  get_colors (self->chart, &c);
  layout = gtk_widget_create_pango_layout (self->chart, NULL);
  layout_chart (self, width, height, &g);
  draw_band_shading (self, cr, &c, &g);
  draw_tsb (self, cr, &c, &g);
  draw_bars (self, cr, &c, &g);
  draw_line (self, cr, &c.ctl, FALSE, &g);
  draw_line (self, cr, &c.atl, TRUE, &g);
  draw_axes (self, cr, layout, &c, &g);
  draw_days (self, cr, &c, &g);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  rc_load_view_draw (RC_LOAD_VIEW (data), cr, width, height);
}

/* ---- a day under the pointer ---- */

/* The chart's column that holds X, -1 in the margins; G its geometry. */
static int
column_at (RcLoadView *self,
           double      x,
           Geometry   *g)
{
  double column;

  if (self->first == RC_DAY_INVALID)
    return -1;
  layout_chart (self, gtk_widget_get_width (self->chart), gtk_widget_get_height (self->chart), g);
  column = floor ((x - g->left) / g->dw);
  return column >= 0 && column < N_DAYS ? (int) column : -1;
}

RcDay
rc_load_view_day_at (RcLoadView *self,
                     double      x)
{
  Geometry g;
  int column;

  g_return_val_if_fail (RC_IS_LOAD_VIEW (self), RC_DAY_INVALID);

  column = column_at (self, x, &g);
  return column >= 0 ? self->first + (RcDay) column : RC_DAY_INVALID;
}

char *
rc_load_view_dup_day_text (RcLoadView *self,
                           RcDay       day)
{
  GString *text;
  const RcLoadDay *figure;
  g_autofree char *date = NULL;
  g_autofree char *done = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *band = NULL;
  guint d;

  g_return_val_if_fail (RC_IS_LOAD_VIEW (self), NULL);
  g_return_val_if_fail (self->first != RC_DAY_INVALID, NULL);
  g_return_val_if_fail (day >= self->first && day < self->first + N_DAYS, NULL);

  d = day - self->first;
  figure = &self->figures[d];
  date = rc_day_format_full (day);
  done = rc_load_text_figure (self->done[d], 0);
  planned = rc_load_text_figure (self->planned[d], 0);
  figures = rc_load_text_day (figure);
  band = rc_load_text_band_line (figure);
  text = g_string_new (date);
  g_string_append_c (text, '\n');
  /* Translators: a day's load in the Load view's tooltip: of the sessions done, of those still planned */
  g_string_append_printf (text, _("Load %1$s done, %2$s planned"), done, planned);
  g_string_append_printf (text, "\n%s\n%s", figures, band);
  /* the legend's words for the marks on the time axis */
  if (self->marks[d] & MARK_MASSAGE)
    g_string_append_printf (text, "\n%s", _("Massage"));
  if (self->marks[d] & MARK_IDEAL)
    g_string_append_printf (text, "\n%s", _("Ideal massage day"));
  return g_string_free (text, FALSE);
}

/* The day's figures beside the pointer; the tooltip is asked again once
 * the pointer leaves the day's column. */
static gboolean
on_chart_query_tooltip (GtkWidget  *chart,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        RcLoadView *self)
{
  g_autofree char *text = NULL;
  Geometry g;
  int column = keyboard ? -1 : column_at (self, x, &g);

  if (column < 0)
    return FALSE;
  text = rc_load_view_dup_day_text (self, self->first + (RcDay) column);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              (int) floor (g.left + column * g.dw), 0,
                              (int) ceil (g.dw), gtk_widget_get_height (chart) });
  return TRUE;
}

/* ---- the legend ---- */

static void
draw_legend_swatch (GtkDrawingArea *area,
                    cairo_t        *cr,
                    int             width,
                    int             height,
                    gpointer        data)
{
  Colors c;

  get_colors (GTK_WIDGET (area), &c);
  draw_swatch (cr, &c, GPOINTER_TO_INT (data), width, height);
}

static void
build_legend (RcLoadView *self)
{
  const char *labels[N_PARTS] = {
    [PART_DONE] = N_("Done load"),
    [PART_PLANNED] = N_("Planned load"),
    [PART_ATL] = N_("Fatigue (ATL)"),
    [PART_CTL] = N_("Fitness (CTL)"),
    [PART_TSB] = N_("Form (TSB)"),
    [PART_ACWR] = N_("Load rising fast, spiking (ACWR)"),
    [PART_MASSAGE] = N_("Massage"),
    [PART_IDEAL] = N_("Ideal massage day"),
    [PART_TODAY] = N_("Today"),
  };

  for (guint p = 0; p < N_PARTS; p++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *item;

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 18);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_legend_swatch,
                                      GINT_TO_POINTER (p), NULL);
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), gtk_label_new (_(labels[p])));
      gtk_flow_box_insert (self->legend, box, -1);
      /* as the week's legend: no Tab stop, read as its text */
      item = gtk_widget_get_parent (box);
      gtk_widget_set_focusable (item, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(labels[p]), -1);
    }
}

/* ---- the widget ---- */

static void
on_model_changed (RcLoadView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
}

static void
rc_load_view_dispose (GObject *object)
{
  RcLoadView *self = RC_LOAD_VIEW (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (rc_load_view_parent_class)->dispose (object);
}

static void
rc_load_view_finalize (GObject *object)
{
  g_free (RC_LOAD_VIEW (object)->summary);
  g_clear_pointer (&RC_LOAD_VIEW (object)->history, g_ptr_array_unref);
  G_OBJECT_CLASS (rc_load_view_parent_class)->finalize (object);
}

static void
rc_load_view_constructed (GObject *object)
{
  G_OBJECT_CLASS (rc_load_view_parent_class)->constructed (object);
  g_signal_connect_swapped (RC_LOAD_VIEW (object)->model, "changed", G_CALLBACK (on_model_changed), object);
}

static void
rc_load_view_class_init (RcLoadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_load_view_dispose;
  object_class->finalize = rc_load_view_finalize;
  object_class->constructed = rc_load_view_constructed;

  rc_model_property_install (object_class, G_STRUCT_OFFSET (RcLoadView, model));
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "loadview");
}

static void
rc_load_view_init (RcLoadView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 8);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->summary_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->summary_label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "heading");
  gtk_widget_set_parent (GTK_WIDGET (self->summary_label), widget);

  self->chart = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (self->chart, TRUE);
  gtk_widget_set_size_request (self->chart, 280, 200);
  gtk_widget_set_margin_start (self->chart, 6);
  gtk_widget_set_margin_end (self->chart, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Training load chart"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart, self, NULL);
  gtk_widget_set_has_tooltip (self->chart, TRUE);
  g_signal_connect (self->chart, "query-tooltip", G_CALLBACK (on_chart_query_tooltip), self);
  gtk_widget_set_parent (self->chart, widget);

  self->legend = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->legend, GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (self->legend, 12);
  gtk_flow_box_set_row_spacing (self->legend, 4);
  /* as many lines as the width needs: a window as narrow as the week
   * allows has room for only one of the longer (German) labels a line */
  gtk_flow_box_set_min_children_per_line (self->legend, 1);
  gtk_flow_box_set_max_children_per_line (self->legend, 5);
  gtk_widget_set_margin_start (GTK_WIDGET (self->legend), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->legend), 12);
  gtk_widget_set_can_focus (GTK_WIDGET (self->legend), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->legend), "legend");
  build_legend (self);
  gtk_widget_set_parent (GTK_WIDGET (self->legend), widget);

  g_signal_connect (self, "map", G_CALLBACK (update), NULL);
}

void
rc_load_view_show (RcLoadView *self,
                   RcDay       anchor,
                   RcDay       today)
{
  g_return_if_fail (RC_IS_LOAD_VIEW (self));
  g_return_if_fail (self->model != NULL);

  self->anchor = anchor;
  self->today = today;
  self->first = rc_day_week_start (anchor, rc_calendar_model_get_week_start (self->model)) -
                7 * RC_LOAD_VIEW_WEEKS_BEFORE;
  update (self);
}

RcDay
rc_load_view_get_first (RcLoadView *self)
{
  g_return_val_if_fail (RC_IS_LOAD_VIEW (self), RC_DAY_INVALID);

  return self->first;
}

RcDay
rc_load_view_get_last (RcLoadView *self)
{
  g_return_val_if_fail (RC_IS_LOAD_VIEW (self), RC_DAY_INVALID);

  return self->first + N_DAYS - 1;
}

const char *
rc_load_view_get_summary (RcLoadView *self)
{
  g_return_val_if_fail (RC_IS_LOAD_VIEW (self), NULL);
  return self->summary;
}

guint
rc_load_view_get_marks (RcLoadView *self,
                        RcDay       day)
{
  g_return_val_if_fail (RC_IS_LOAD_VIEW (self), 0);
  if (day < self->first || day >= self->first + N_DAYS)
    return 0;
  return self->marks[day - self->first];
}

guint
rc_load_view_get_date_step (RcLoadView *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_auto(GStrv) labels = NULL;
  Geometry g;

  g_return_val_if_fail (RC_IS_LOAD_VIEW (self), 0);
  g_return_val_if_fail (self->first != RC_DAY_INVALID, 0);

  layout = gtk_widget_create_pango_layout (self->chart, NULL);
  layout_chart (self, gtk_widget_get_width (self->chart), gtk_widget_get_height (self->chart), &g);
  return date_step (self, layout, &g, &labels);
}

GtkWidget *
rc_load_view_get_chart (RcLoadView *self)
{
  g_return_val_if_fail (RC_IS_LOAD_VIEW (self), NULL);

  return self->chart;
}
