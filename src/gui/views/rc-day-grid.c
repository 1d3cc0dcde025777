/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-day-grid.c - rows of seven day cells fed by the calendar model. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-day-grid.h"

struct _RcDayGrid
{
  GtkWidget        parent_instance;

  RcCalendarModel *model;
  GtkGrid         *grid;
  GPtrArray       *cells;     /* RcDayCell*, row-major */
  guint            rows;
  gboolean         compact;
  RcDay            first;
  RcDay            in_first;     /* days outside in_first..in_last are dimmed */
  RcDay            in_last;
  gboolean         held;         /* the model's range holds all the days */
  gboolean         pending;      /* days set, cells not yet showing them */
  RcDay            selected;
  RcDay            last_focus;   /* where the keyboard comes back to */
  gboolean         narrow;       /* cells too narrow for a verdict's word */
  int              words_width;  /* the width their words need; -1: to measure */
  guint            words_serial; /* of the Pango context it was measured with */
  guint            fit_tick;     /* tick callback applying it, and the month cells' chips */

  /* Above a single week (the week view): what the week as a whole says.
   * Other lines about the week go into this box too. */
  GtkWidget       *header;
  GtkWidget       *no_day_row;     /* "No massage day this week." */
  GtkLabel        *no_day_label;
  GtkButton       *next_ideal;     /* "Next ideal: Mon 21 Dec": goes there */
  RcDay            next_ideal_day;
};

/* Between the week header and the days. */
#define HEADER_SPACING 6

G_DEFINE_FINAL_TYPE (RcDayGrid, rc_day_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ROWS,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_header (RcDayGrid *self);

static void
update_cells (RcDayGrid *self)
{
  self->words_width = -1;
  for (guint i = 0; i < self->cells->len; i++)
    rc_day_cell_update (self->cells->pdata[i]);
  update_header (self);
}

static void
update_held (RcDayGrid *self)
{
  self->held = self->first != RC_DAY_INVALID &&
               rc_calendar_model_get_first (self->model) <= self->first &&
               rc_day_grid_get_last (self) <= rc_calendar_model_get_last (self->model);
}

static void apply_days (RcDayGrid *self);

/* The model's range (notify::first, notify::last) decides whether this
 * grid's days are in it: paging sets the days first, the range next, and
 * the cells show their new days once the model holds them, each once. */
static void
on_range_changed (RcDayGrid *self)
{
  update_held (self);
  if (self->held && self->pending)
    apply_days (self);
}

/* Only the grid whose days the model holds redraws: the hidden view waits. */
static void
on_model_changed (RcDayGrid *self)
{
  if (self->held && !self->pending)
    update_cells (self);
}

/* The day a click on a palette tile adds to keeps an outline while the
 * focus is elsewhere (on the tile, say): it never acts on a day unseen. */
static void
mark_current (RcDayGrid *self)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = self->cells->pdata[i];

      if (self->first + i == self->last_focus)
        gtk_widget_add_css_class (cell, "current");
      else
        gtk_widget_remove_css_class (cell, "current");
    }
}

static void
on_cell_focus_enter (GtkEventControllerFocus *controller,
                     RcDayGrid               *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  self->last_focus = rc_day_cell_get_day (RC_DAY_CELL (cell));
  mark_current (self);
}

static void
on_next_ideal_clicked (GtkButton *button,
                       RcDayGrid *self)
{
  if (self->next_ideal_day != RC_DAY_INVALID)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.go-to", "u", self->next_ideal_day);
}

/* Built for the week view only: a month has no room for a line a week. */
static void
build_header (RcDayGrid *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (rc_verdict_icon_name (RC_VERDICT_FORBIDDEN));

  self->header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (self->header, "week-header");
  self->no_day_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (self->no_day_row, "no-massage-day");
  gtk_widget_set_visible (self->no_day_row, FALSE);
  gtk_box_append (GTK_BOX (self->no_day_row), icon);
  self->no_day_label = GTK_LABEL (gtk_label_new (NULL));
  /* one line: a narrow window cuts it rather than grow */
  gtk_label_set_ellipsize (self->no_day_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->no_day_label, 0);
  gtk_box_append (GTK_BOX (self->no_day_row), GTK_WIDGET (self->no_day_label));
  self->next_ideal = GTK_BUTTON (gtk_button_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->next_ideal), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->next_ideal), "next-ideal");
  gtk_widget_set_valign (GTK_WIDGET (self->next_ideal), GTK_ALIGN_CENTER);
  g_signal_connect (self->next_ideal, "clicked", G_CALLBACK (on_next_ideal_clicked), self);
  gtk_box_append (GTK_BOX (self->no_day_row), GTK_WIDGET (self->next_ideal));
  gtk_box_append (GTK_BOX (self->header), self->no_day_row);
  gtk_widget_insert_before (self->header, GTK_WIDGET (self), NULL);
}

/* GTK 4.8 asks the X server where the pointer is on every tooltip set,
 * even an unchanged one: paging must not pay that round trip. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* A week whose days are all forbidden says so, and names the next ideal
 * day within 14 days as a button that goes there (rules-spec.md). */
static void
update_header (RcDayGrid *self)
{
  gboolean forbidden;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *full = NULL;
  g_autofree char *tooltip = NULL;

  if (self->header == NULL || self->first == RC_DAY_INVALID)
    return;
  forbidden = rc_calendar_model_week_is_forbidden (self->model, self->first);
  self->next_ideal_day = forbidden ? rc_calendar_model_next_ideal_day (self->model, self->first)
                                   : RC_DAY_INVALID;
  gtk_widget_set_visible (self->no_day_row, forbidden);
  gtk_widget_set_visible (GTK_WIDGET (self->next_ideal), self->next_ideal_day != RC_DAY_INVALID);
  if (!forbidden)
    return;
  if (self->next_ideal_day == RC_DAY_INVALID)
    {
      /* only what is known: the days after may well be safe, just not ideal */
      text = g_strdup_printf (g_dngettext (NULL,
                                           "No massage day this week, and no ideal one in the %d day after it.",
                                           "No massage day this week, and no ideal one in the %d days after it.",
                                           RC_RULES_NEXT_IDEAL_DAYS),
                              RC_RULES_NEXT_IDEAL_DAYS);
      gtk_label_set_text (self->no_day_label, text);
      set_tooltip (GTK_WIDGET (self->no_day_label), text);
      return;
    }
  gtk_label_set_text (self->no_day_label, _("No massage day this week."));
  set_tooltip (GTK_WIDGET (self->no_day_label), NULL);
  /* Translators: a short date, strftime format: "Mon 21 Dec" */
  name = rc_day_format (self->next_ideal_day, _("%a %-d %b"));
  /* Translators: a button after "No massage day this week.": it goes to that day */
  text = g_strdup_printf (_("Next ideal: %s"), name);
  gtk_button_set_label (self->next_ideal, text);
  full = rc_day_format_full (self->next_ideal_day);
  /* Translators: the tooltip of the "Next ideal: Mon 21 Dec" button */
  tooltip = g_strdup_printf (_("Go to %s, the next ideal day for a massage"), full);
  set_tooltip (GTK_WIDGET (self->next_ideal), tooltip);
}

static void
build_cells (RcDayGrid *self)
{
  for (guint r = 0; r < self->rows; r++)
    for (guint c = 0; c < 7; c++)
      {
        GtkWidget *cell = rc_day_cell_new (self->model, self->compact);
        GtkEventController *focus = gtk_event_controller_focus_new ();

        gtk_widget_set_hexpand (cell, TRUE);
        gtk_widget_set_vexpand (cell, TRUE);
        g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter), self);
        gtk_widget_add_controller (cell, focus);
        rc_day_cell_set_narrow (RC_DAY_CELL (cell), self->narrow);
        gtk_grid_attach (self->grid, cell, (int) c, (int) r, 1, 1);
        g_ptr_array_add (self->cells, cell);
      }
}

/* An arrow key moves the focus a day or a week; past the days shown, the
 * window shows the period holding the day (win.go-to). DELTA is in
 * reading order: Left is a day back, but a day on in a right-to-left text.
 * The window then hears which day the keyboard is on (win.keyboard-day):
 * an open day panel follows it, and the grid need not know of panels. */
static gboolean
move_focus (GtkWidget *widget,
            GVariant  *args,
            gpointer   data)
{
  RcDayGrid *self = RC_DAY_GRID (widget);
  RcDay day = rc_day_grid_get_focus_day (self);
  int delta;
  gboolean horizontal;

  g_variant_get (args, "(ib)", &delta, &horizontal);
  if (day == RC_DAY_INVALID)
    return FALSE;
  if (horizontal && gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    delta = -delta;
  if (!rc_day_grid_focus_day (self, day + delta))
    gtk_widget_activate_action (widget, "win.go-to", "u", (RcDay) (day + delta));
  day = rc_day_grid_get_focus_day (self);
  if (day != RC_DAY_INVALID)
    gtk_widget_activate_action (widget, "win.keyboard-day", "u", day);
  return TRUE;
}

/* Whether a month cell has room for more or fewer chips than it shows;
 * with APPLY, each then shows what fits. Chips are one line in a month,
 * all of a height: measured where one shows. */
static gboolean
fit_chips (RcDayGrid *self,
           gboolean   apply)
{
  int chip_height = 0, more_height = 0;
  gboolean changed = FALSE;

  if (!self->compact)
    return FALSE;
  for (guint i = 0; i < self->cells->len && (chip_height == 0 || more_height == 0); i++)
    rc_day_cell_get_line_heights (self->cells->pdata[i], &chip_height, &more_height);
  if (chip_height == 0)
    return FALSE;
  for (guint i = 0; i < self->cells->len && (apply || !changed); i++)
    changed |= rc_day_cell_fit_chips (self->cells->pdata[i], chip_height,
                                      more_height > 0 ? more_height : chip_height, apply);
  return changed;
}

/* Runs at the start of the next frame, before its layout: an idle could
 * wait behind a busy frame clock for seconds, leaving words cut meanwhile. */
static gboolean
apply_fit (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  RcDayGrid *self = RC_DAY_GRID (widget);

  self->fit_tick = 0;
  for (guint i = 0; i < self->cells->len; i++)
    rc_day_cell_set_narrow (self->cells->pdata[i], self->narrow);
  fit_chips (self, TRUE);
  return G_SOURCE_REMOVE;
}

static gboolean
header_shown (RcDayGrid *self)
{
  return self->header != NULL && gtk_widget_should_layout (self->header);
}

/* Tab from DAY's cell and its chips, in DIRECTION, keeping within them. */
static gboolean
focus_in_day (RcDayGrid        *self,
              RcDay             day,
              GtkDirectionType  direction)
{
  RcDayCell *cell = rc_day_grid_get_cell (self, day);

  return cell != NULL && gtk_widget_child_focus (GTK_WIDGET (cell), direction);
}

/* The days are one Tab stop, as a grid is (arrows move within it): Tab
 * enters on the day the palette adds to, walks that day's chips and leaves.
 * Walking every day's chips instead made each day passed on the way out
 * the palette's target, so Shift+Tab back to a tile moved the target to
 * the week's first day. The week header's button keeps its own stop. */
static gboolean
rc_day_grid_focus (GtkWidget        *widget,
                   GtkDirectionType  direction)
{
  RcDayGrid *self = RC_DAY_GRID (widget);
  RcDay focus = rc_day_grid_get_focus_day (self);
  RcDay target = rc_day_grid_get_last_focus_day (self);
  GtkWidget *header = header_shown (self) ? self->header : NULL;
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  gboolean in_header = header != NULL && gtk_widget_get_focus_child (widget) == header;

  if ((!forward && direction != GTK_DIR_TAB_BACKWARD) || target == RC_DAY_INVALID)
    return GTK_WIDGET_CLASS (rc_day_grid_parent_class)->focus (widget, direction);
  if (focus != RC_DAY_INVALID)
    return focus_in_day (self, focus, direction) ||
           (!forward && header != NULL && gtk_widget_child_focus (header, direction));
  if (forward)
    return (header != NULL && gtk_widget_child_focus (header, direction)) ||
           focus_in_day (self, target, direction);
  return (!in_header && focus_in_day (self, target, direction)) ||
         (header != NULL && gtk_widget_child_focus (header, direction));
}

static void
rc_day_grid_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  RcDayGrid *self = RC_DAY_GRID (widget);
  int header_min = 0, header_nat = 0;

  gtk_widget_measure (GTK_WIDGET (self->grid), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (!header_shown (self))
    return;
  gtk_widget_measure (self->header, orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                      &header_min, &header_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum += header_min + HEADER_SPACING;
      *natural += header_nat + HEADER_SPACING;
    }
  else
    {
      *minimum = MAX (*minimum, header_min);
      *natural = MAX (*natural, header_nat);
    }
  *minimum_baseline = *natural_baseline = -1;
}

/* Below this, a cell's verdict word, "10 Dec" or the best badge's word
 * would be cut ("For…", "10 …"): they give way to icons and numbers. It is
 * measured in the cells' fonts when their days or the text change (GNOME's
 * Large Text, a longer translation), not at every layout. */
static int
narrow_cell_width (RcDayGrid *self)
{
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  if (self->words_width >= 0 && serial == self->words_serial)
    return self->words_width;
  self->words_width = 0;
  self->words_serial = serial;
  for (guint i = 0; i < self->cells->len; i++)
    self->words_width = MAX (self->words_width, rc_day_cell_get_words_width (self->cells->pdata[i], i == 0));
  return self->words_width;
}

/* The width decides what the cells show; they change after this frame, as
 * nothing may be shown or hidden while it is being laid out. */
static void
rc_day_grid_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  RcDayGrid *self = RC_DAY_GRID (widget);
  gboolean narrow = (width - 6 * 6) / 7 < narrow_cell_width (self);
  int top = 0;

  if (header_shown (self))
    {
      gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, &top, NULL, NULL, NULL);
      gtk_widget_allocate (self->header, width, top, -1, NULL);
      top += HEADER_SPACING;
    }
  gtk_widget_allocate (GTK_WIDGET (self->grid), width, MAX (height - top, 0), -1,
                       top > 0 ? gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, top)) : NULL);
  if ((narrow != self->narrow && self->cells->len > 0) || fit_chips (self, FALSE))
    {
      self->narrow = narrow;
      if (self->fit_tick == 0)
        self->fit_tick = gtk_widget_add_tick_callback (widget, apply_fit, NULL, NULL);
    }
}

static void
rc_day_grid_dispose (GObject *object)
{
  RcDayGrid *self = RC_DAY_GRID (object);

  if (self->fit_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fit_tick);
  self->fit_tick = 0;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), RC_TYPE_DAY_GRID);
  /* GTK 4.8 leaves unnamed template children behind. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (rc_day_grid_parent_class)->dispose (object);
}

static void
rc_day_grid_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RcDayGrid *self = RC_DAY_GRID (object);

  switch (prop_id)
    {
    case PROP_ROWS:
      self->rows = g_value_get_uint (value);
      break;
    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_day_grid_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RcDayGrid *self = RC_DAY_GRID (object);

  switch (prop_id)
    {
    case PROP_ROWS:
      g_value_set_uint (value, self->rows);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_arrow_bindings (GtkWidgetClass *widget_class)
{
  static const struct {
    guint    keyval;
    int      delta;
    gboolean horizontal;
  } arrows[] = {
    { GDK_KEY_Left, -1, TRUE }, { GDK_KEY_KP_Left, -1, TRUE },
    { GDK_KEY_Right, 1, TRUE }, { GDK_KEY_KP_Right, 1, TRUE },
    { GDK_KEY_Up, -7, FALSE }, { GDK_KEY_KP_Up, -7, FALSE },
    { GDK_KEY_Down, 7, FALSE }, { GDK_KEY_KP_Down, 7, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    gtk_widget_class_add_binding (widget_class, arrows[i].keyval, 0, move_focus, "(ib)",
                                  arrows[i].delta, arrows[i].horizontal);
}

static void
rc_day_grid_class_init (RcDayGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_day_grid_dispose;
  object_class->set_property = rc_day_grid_set_property;
  object_class->get_property = rc_day_grid_get_property;

  properties[PROP_ROWS] =
    g_param_spec_uint ("rows", NULL, NULL, 1, 6, 1,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rc-day-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, RcDayGrid, grid);
  widget_class->measure = rc_day_grid_measure;
  widget_class->size_allocate = rc_day_grid_size_allocate;
  widget_class->focus = rc_day_grid_focus;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
  add_arrow_bindings (widget_class);
}

static void
rc_day_grid_init (RcDayGrid *self)
{
  self->rows = 1;
  self->words_width = -1;
  self->cells = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
rc_day_grid_set_model (RcDayGrid       *self,
                       RcCalendarModel *model)
{
  g_return_if_fail (RC_IS_DAY_GRID (self));
  g_return_if_fail (self->model == NULL);

  self->model = g_object_ref (model);
  g_signal_connect_swapped (model, "changed", G_CALLBACK (on_model_changed), self);
  g_signal_connect_swapped (model, "notify::first", G_CALLBACK (on_range_changed), self);
  g_signal_connect_swapped (model, "notify::last", G_CALLBACK (on_range_changed), self);
}

/* The cells take the days set last; the model holds them now. */
static void
apply_days (RcDayGrid *self)
{
  self->pending = FALSE;
  self->words_width = -1;
  for (guint i = 0; i < self->cells->len; i++)
    {
      RcDay day = self->first + i;

      rc_day_cell_set_day (self->cells->pdata[i], day, day < self->in_first || day > self->in_last);
      rc_day_cell_set_selected (self->cells->pdata[i], day == self->selected);
    }
  mark_current (self);
  update_header (self);
}

/* The cells show the days when the model holds them: at once, or when its
 * range follows (the window sets the days, then the range). */
void
rc_day_grid_set_days (RcDayGrid *self,
                      RcDay      first,
                      RcDay      in_first,
                      RcDay      in_last)
{
  g_return_if_fail (RC_IS_DAY_GRID (self));
  g_return_if_fail (self->model != NULL);
  g_return_if_fail (first != RC_DAY_INVALID);

  /* Built when first shown: a view never opened costs nothing at start-up. */
  if (self->cells->len == 0)
    {
      build_cells (self);
      if (self->rows == 1)
        build_header (self);
    }
  self->first = first;
  self->in_first = in_first;
  self->in_last = in_last;
  self->pending = TRUE;
  if (self->last_focus < first || self->last_focus > rc_day_grid_get_last (self))
    self->last_focus = RC_DAY_INVALID;
  update_held (self);
  if (self->held)
    apply_days (self);
}

RcDay
rc_day_grid_get_first (RcDayGrid *self)
{
  g_return_val_if_fail (RC_IS_DAY_GRID (self), RC_DAY_INVALID);

  return self->first;
}

RcDay
rc_day_grid_get_last (RcDayGrid *self)
{
  g_return_val_if_fail (RC_IS_DAY_GRID (self), RC_DAY_INVALID);

  return self->first + self->rows * 7 - 1;
}

RcDayCell *
rc_day_grid_get_cell (RcDayGrid *self,
                      RcDay      day)
{
  g_return_val_if_fail (RC_IS_DAY_GRID (self), NULL);

  if (self->first == RC_DAY_INVALID || day < self->first || day > rc_day_grid_get_last (self))
    return NULL;
  return self->cells->pdata[day - self->first];
}

gboolean
rc_day_grid_focus_day (RcDayGrid *self,
                       RcDay      day)
{
  RcDayCell *cell = rc_day_grid_get_cell (self, day);

  return cell != NULL && gtk_widget_grab_focus (GTK_WIDGET (cell));
}

RcDay
rc_day_grid_get_focus_day (RcDayGrid *self)
{
  GtkWidget *child;

  g_return_val_if_fail (RC_IS_DAY_GRID (self), RC_DAY_INVALID);

  child = gtk_widget_get_focus_child (GTK_WIDGET (self->grid));
  return child != NULL ? rc_day_cell_get_day (RC_DAY_CELL (child)) : RC_DAY_INVALID;
}

void
rc_day_grid_set_current (RcDayGrid *self,
                         RcDay      day)
{
  g_return_if_fail (RC_IS_DAY_GRID (self));

  self->last_focus = rc_day_grid_get_cell (self, day) != NULL ? day : RC_DAY_INVALID;
  mark_current (self);
}

RcDay
rc_day_grid_get_last_focus_day (RcDayGrid *self)
{
  RcDay day = rc_day_grid_get_focus_day (self);

  if (day != RC_DAY_INVALID)
    return day;
  return rc_day_grid_get_cell (self, self->last_focus) != NULL ? self->last_focus : RC_DAY_INVALID;
}

void
rc_day_grid_set_selected (RcDayGrid *self,
                          RcDay      day)
{
  g_return_if_fail (RC_IS_DAY_GRID (self));

  self->selected = day;
  for (guint i = 0; i < self->cells->len; i++)
    rc_day_cell_set_selected (self->cells->pdata[i], self->first + i == day);
}

/* The week view's "Next ideal: Mon 21 Dec" button, or NULL: for tests. */
GtkButton *
rc_day_grid_get_next_ideal_button (RcDayGrid *self)
{
  g_return_val_if_fail (RC_IS_DAY_GRID (self), NULL);

  if (self->header == NULL || !gtk_widget_get_visible (self->no_day_row) ||
      !gtk_widget_get_visible (GTK_WIDGET (self->next_ideal)))
    return NULL;
  return self->next_ideal;
}

/* The week view's line for a week with no massage day, or NULL when hidden. */
const char *
rc_day_grid_get_week_note (RcDayGrid *self)
{
  g_return_val_if_fail (RC_IS_DAY_GRID (self), NULL);

  if (self->header == NULL || !gtk_widget_get_visible (self->no_day_row))
    return NULL;
  return gtk_label_get_text (self->no_day_label);
}
