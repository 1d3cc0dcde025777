/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-window.c - the main window: the training calendar. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-a11y.h"
#include "rc-booking-confirm.h"
#include "rc-day-cell.h"
#include "rc-model-property.h"
#include "rc-window-import.h"
#include "rc-sync-status.h"
#include "rc-view-switch.h"
#include "rc-window-private.h"

G_DEFINE_FINAL_TYPE (RcWindow, rc_window, ADW_TYPE_APPLICATION_WINDOW)

static void on_toast_dismissed (AdwToast *toast,
                                RcWindow *self);

/* The width a widget's template asks for (width-request): the palette's
 * and the panel's are written once, in their .ui files. */
static int
requested_width (gpointer widget)
{
  int width;

  gtk_widget_get_size_request (GTK_WIDGET (widget), &width, NULL);
  return width;
}

void
_rc_window_toast (RcWindow   *self,
                  const char *message)
{
  rc_window_add_toast (self, adw_toast_new (message));
}

void
_rc_window_toast_error (RcWindow *self,
                        GError   *error)
{
  if (error != NULL)
    _rc_window_toast (self, error->message);
}

RcDayGrid *
rc_window_get_grid (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), NULL);

  return self->month ? rc_month_view_get_grid (self->month_view)
                     : rc_week_view_get_grid (self->week_view);
}

/* The period's title in FORM (see RcPeriodForm). */
static char *
format_period (RcWindow     *self,
               RcDay         first,
               RcDay         last,
               RcPeriodForm  form)
{
  GDate a, b;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (self->month && !self->load)
    first = last = self->anchor;
  rc_day_to_gdate (first, &a);
  rc_day_to_gdate (last, &b);
  if (form == RC_PERIOD_MONTH || (form == RC_PERIOD_MONTHS && g_date_get_month (&a) == g_date_get_month (&b)))
    /* Translators: a short month in the narrowest window's title, strftime format */
    return rc_day_format (last, _("%b"));
  if (self->month && !self->load)
    /* Translators: the month view's title, strftime format; the second
     * without the year, for a narrow window */
    return rc_day_format (self->anchor, form == RC_PERIOD_WITH_YEAR ? _("%B %Y") : _("%B"));
  if (form == RC_PERIOD_MONTHS)
    {
      g_autofree char *from_month = rc_day_format (first, _("%b"));
      g_autofree char *to_month = rc_day_format (last, _("%b"));

      /* Translators: the narrowest window's title, first month–last month
       * ("Nov–Dec"): an en dash, no spaces */
      return g_strdup_printf (_("%s–%s"), from_month, to_month);
    }
  to = rc_day_format (last, form == RC_PERIOD_WITH_YEAR ? _("%-d %b %Y") : _("%-d %b"));
  if (form == RC_PERIOD_WITH_YEAR && g_date_get_year (&a) != g_date_get_year (&b))
    from = rc_day_format (first, _("%-d %b %Y"));
  else if (g_date_get_month (&a) != g_date_get_month (&b))
    from = rc_day_format (first, _("%-d %b"));
  else
    /* Translators: a week's first day within the last day's month, strftime format */
    from = rc_day_format (first, C_("week title", "%-d"));
  /* Translators: a week's title, first day – last day */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/* An empty plan: where to start, under a view that has days to drop on. */
static void
update_hint (RcWindow *self)
{
  gtk_widget_set_visible (self->empty_hint, !self->load && !rc_calendar_model_has_entries (self->model));
}

/* The Load view's sixteen weeks around the anchor; the model keeps the
 * anchor's week, which the panel and the keyboard act on. */
static void
show_load (RcWindow *self,
           RcDay    *first,
           RcDay    *last)
{
  rc_load_view_show (self->load_view, self->anchor, rc_day_today ());
  *first = rc_load_view_get_first (self->load_view);
  *last = rc_load_view_get_last (self->load_view);
}

/* Days first, then the range: a view shows its days once the model holds
 * them (notify::first/last), so a cell is not drawn from stale advice. */
static void
show_period (RcWindow *self)
{
  GDateWeekday week_start = rc_calendar_model_get_week_start (self->model);
  RcDay first, last;

  if (self->month)
    {
      first = rc_month_view_grid_start (self->anchor, week_start);
      last = first + 41;
    }
  else
    {
      first = rc_day_week_start (self->anchor, week_start);
      last = first + 6;
    }
  if (self->month)
    rc_month_view_show_month (self->month_view, self->anchor, week_start);
  else
    rc_week_view_show_week (self->week_view, first);
  rc_calendar_model_set_range (self->model, first, last);
  if (self->load)
    show_load (self, &first, &last);
  /* Some day on screen is always the palette's target, and shows it. */
  if (rc_day_grid_get_last_focus_day (rc_window_get_grid (self)) == RC_DAY_INVALID)
    rc_day_grid_set_current (rc_window_get_grid (self), self->anchor);

  for (RcPeriodForm form = 0; form < RC_N_PERIOD_FORMS; form++)
    {
      g_autofree char *title = format_period (self, first, last, form);

      adw_window_title_set_title (self->titles[form], title);
      if (form == RC_PERIOD_WITH_YEAR)
        {
          g_free (self->period);
          self->period = g_steal_pointer (&title);
        }
    }
  update_hint (self);
}

void
rc_window_go_to (RcWindow *self,
                 RcDay     day)
{
  g_return_if_fail (RC_IS_WINDOW (self));
  g_return_if_fail (day != RC_DAY_INVALID);

  self->anchor = day;
  show_period (self);
}

RcDay
rc_window_get_anchor (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), RC_DAY_INVALID);

  return self->anchor;
}

static RcDay
add_months (RcDay day,
            int   months)
{
  GDate d;

  rc_day_to_gdate (day, &d);
  g_date_set_day (&d, 1);
  if (months > 0)
    g_date_add_months (&d, (guint) months);
  else
    g_date_subtract_months (&d, (guint) -months);
  return g_date_get_julian (&d);
}

static void follow_keyboard (RcWindow *self,
                             RcDay     day);

/* With the keyboard in the days, it pages with them (and an open panel
 * follows it); a click on the header's arrows leaves the focus there. */
static void
step (RcWindow *self,
      int       direction)
{
  RcDay focus = rc_day_grid_get_focus_day (rc_window_get_grid (self));
  RcDay day;

  /* the Load view scrolls by week, like the week view */
  day = self->month ? add_months (self->anchor, direction) : self->anchor + 7 * direction;
  rc_window_go_to (self, day);
  if (focus == RC_DAY_INVALID)
    return;
  focus = self->month ? day : focus + 7 * direction;
  if (rc_day_grid_focus_day (rc_window_get_grid (self), focus))
    follow_keyboard (self, focus);
}

static void
previous_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  step (RC_WINDOW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  step (RC_WINDOW (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);
  /* Home or T in the days moves the keyboard, and an open panel with it;
   * the header's Today button leaves the panel's day as a click did. */
  gboolean in_days = rc_day_grid_get_focus_day (rc_window_get_grid (self)) != RC_DAY_INVALID;

  rc_window_go_to (self, rc_day_today ());
  if (rc_day_grid_focus_day (rc_window_get_grid (self), rc_day_today ()) && in_days)
    follow_keyboard (self, rc_day_today ());
}

/* The Month and Load views cost nothing at start-up: each is built of TYPE
 * when first asked for, beside the week view. */
static gpointer
add_view (RcWindow *self,
          GType     type)
{
  GtkWidget *view = g_object_new (type, "model", self->model, "hexpand", TRUE, NULL);

  gtk_box_append (GTK_BOX (self->views), view);
  return view;
}

RcLoadView *
rc_window_get_load_view (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), NULL);
  return self->load_view;
}

/* The next view shows the day the user is on (the open panel's, else the
 * outlined one) when it is on screen, not the period's first day. */
static void
keep_current_day (RcWindow *self)
{
  RcDay day;

  if (self->anchor == RC_DAY_INVALID)
    return;
  day = _rc_window_current_day (self);
  if (day >= rc_calendar_model_get_first (self->model) && day <= rc_calendar_model_get_last (self->model))
    self->anchor = day;
}

static void
apply_view (RcWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "view");

  self->month = g_strcmp0 (view, "month") == 0;
  self->load = g_strcmp0 (view, "load") == 0;
  if (self->month && self->month_view == NULL)
    self->month_view = add_view (self, RC_TYPE_MONTH_VIEW);
  if (self->load && self->load_view == NULL)
    self->load_view = add_view (self, RC_TYPE_LOAD_VIEW);
  if (self->load_view != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->load_view), self->load);
  /* Hidden, not merely covered: the other view's cells must not be found
   * by screen readers (GTK 4.8 exposes hidden stack pages). */
  gtk_widget_set_visible (GTK_WIDGET (self->week_view), !self->month && !self->load);
  if (self->month_view != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->month_view), self->month);
  /* The Load view has a legend of its own and no verdict colours: under
   * its pink "load spiking" bands a pink "Forbidden" read as one of them. */
  gtk_widget_set_visible (GTK_WIDGET (self->legend), !self->load);
  keep_current_day (self);
  if (self->anchor != RC_DAY_INVALID)
    show_period (self);
  rc_day_grid_set_selected (rc_window_get_grid (self),
                            self->panel != NULL && adw_flap_get_reveal_flap (self->panel_flap)
                            ? rc_day_panel_get_day (self->panel) : RC_DAY_INVALID);
}

void
rc_window_set_view (RcWindow   *self,
                    const char *view)
{
  g_return_if_fail (RC_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  g_settings_set_string (self->settings, "view", view);
}

/* The day the panel, a menu or the keyboard acts on. */
RcDay
_rc_window_current_day (RcWindow *self)
{
  RcDay day;

  if (self->context_day != RC_DAY_INVALID)
    return self->context_day;
  if (self->panel != NULL && adw_flap_get_reveal_flap (self->panel_flap))
    return rc_day_panel_get_day (self->panel);
  /* The palette's tiles take the focus: the day the keyboard left counts. */
  day = rc_day_grid_get_last_focus_day (rc_window_get_grid (self));
  return day != RC_DAY_INVALID ? day : self->anchor;
}

RcDayPanel *
rc_window_get_panel (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), NULL);

  /* Most sessions look at the calendar first: the panel costs nothing until opened. */
  if (self->panel == NULL)
    {
      self->panel = g_object_new (RC_TYPE_DAY_PANEL, "model", self->model, NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self->panel), "background");
      adw_flap_set_flap (self->panel_flap, GTK_WIDGET (self->panel));
    }
  return self->panel;
}

void
rc_window_open_day (RcWindow *self,
                    RcDay     day)
{
  GtkWidget *focus;

  g_return_if_fail (RC_IS_WINDOW (self));
  g_return_if_fail (day != RC_DAY_INVALID);

  focus = gtk_root_get_focus (GTK_ROOT (self));
  /* The day or chip clicked or activated: Escape gives it the focus back. */
  if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (rc_window_get_panel (self))))
    g_set_weak_pointer (&self->panel_opener, focus);
  rc_day_panel_set_day (rc_window_get_panel (self), day);
  self->panel_open = TRUE;
  adw_flap_set_reveal_flap (self->panel_flap, TRUE);
  /* Rather than squeeze or cover the days, the palette makes room for the
   * panel: seven columns need about 130 px each to name their verdict. */
  if (adw_flap_get_reveal_flap (self->palette_flap) && !adw_flap_get_folded (self->palette_flap) &&
      gtk_widget_get_width (GTK_WIDGET (self)) <
      requested_width (self->palette) + requested_width (self->panel) + 7 * 130 + 40)
    {
      adw_flap_set_reveal_flap (self->palette_flap, FALSE);
      self->palette_hidden = TRUE;
    }
  rc_day_grid_set_selected (rc_window_get_grid (self), day);
  rc_day_grid_set_current (rc_window_get_grid (self), day);
}

static void
close_panel_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);
  RcDay day;

  if (self->panel == NULL)
    return;
  day = rc_day_panel_get_day (self->panel);
  self->panel_open = FALSE;

  adw_flap_set_reveal_flap (self->panel_flap, FALSE);
  if (self->palette_hidden)
    adw_flap_set_reveal_flap (self->palette_flap, TRUE);
  self->palette_hidden = FALSE;
  rc_day_grid_set_selected (rc_window_get_grid (self), RC_DAY_INVALID);
  /* Back to what opened the panel while it still shows that day, else to
   * the day; visibly, whether the panel was opened by mouse or keyboard. */
  if (self->panel_opener != NULL && gtk_widget_get_mapped (self->panel_opener) &&
      rc_day_grid_get_cell (rc_window_get_grid (self), day) != NULL &&
      gtk_widget_is_ancestor (self->panel_opener,
                              GTK_WIDGET (rc_day_grid_get_cell (rc_window_get_grid (self), day))))
    gtk_widget_grab_focus (self->panel_opener);
  else
    rc_day_grid_focus_day (rc_window_get_grid (self), day);
  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  g_clear_weak_pointer (&self->panel_opener);
}

/* What the days ask for with gtk_widget_activate_action (): a cell or a
 * chip reaches the window's action directly, no signal relayed by the grid. */
static void
open_day_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  rc_window_open_day (RC_WINDOW (widget), g_variant_get_uint32 (param));
}

static void
open_entry_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);
  RcDay day;
  gint64 id;

  g_variant_get (param, "(ux)", &day, &id);
  rc_window_open_day (self, day);
  rc_day_panel_show_entry (rc_window_get_panel (self), id);
}

/* The keyboard moved the focus to DAY in the days (an arrow key, Page Up or
 * Down, Home): an open panel shows the day the keyboard is on, as a
 * master-detail view does, so the panel, the palette and the day actions
 * act on the day the user sees focused. The focus stays in the days for
 * the next key; with the panel closed nothing opens. */
static void
follow_keyboard (RcWindow *self,
                 RcDay     day)
{
  if (rc_window_get_panel_open (self) && day != RC_DAY_INVALID)
    rc_window_open_day (self, day);
}

static void
keyboard_day_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  follow_keyboard (RC_WINDOW (widget), g_variant_get_uint32 (param));
}

/* The keyboard left the visible days, or "Next ideal" was clicked. */
static void
go_to_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);
  RcDay day = g_variant_get_uint32 (param);

  rc_window_go_to (self, day);
  rc_day_grid_focus_day (rc_window_get_grid (self), day);
}

/* A right click, Menu or Shift+F10 on DAY's cell, at X, Y in it. */
static void
day_menu_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);
  RcDayCell *cell;
  RcDay day;
  double x, y;

  g_variant_get (param, "(udd)", &day, &x, &y);
  cell = rc_day_grid_get_cell (rc_window_get_grid (self), day);
  if (cell != NULL)
    _rc_window_show_context_menu (self, cell, x, y);
}

static void
on_model_changed (RcCalendarModel *model,
                  RcWindow        *self)
{
  RcUndoStack *undo = rc_calendar_model_get_undo_stack (model);

  update_hint (self);
  if (self->undo_toast != NULL && rc_undo_stack_peek_undo (undo) != self->undo_toast_command)
    {
      AdwToast *stale = g_steal_pointer (&self->undo_toast);

      /* its Undo would now revert something else: the button goes at
       * once, the toast when it has slid in */
      self->undo_toast_command = NULL;
      adw_toast_set_action_name (stale, NULL);
      adw_toast_set_button_label (stale, NULL);
      _rc_window_dismiss_toast (self, stale);
    }
}

/* The week start is a setting in the store (Preferences or the CLI may
 * change it): the period is laid out again from its new first day. */
static void
on_week_start_changed (RcWindow *self)
{
  if (self->anchor != RC_DAY_INVALID)
    show_period (self);
}

static void
on_can_undo_changed (RcWindow    *self,
                     GParamSpec  *pspec,
                     RcUndoStack *undo)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", rc_undo_stack_can_undo (undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", rc_undo_stack_can_redo (undo));
}

/* The CLI may have written to the same file while we were in the background. */
static void
on_is_active (RcWindow   *self,
              GParamSpec *pspec,
              gpointer    data)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->model != NULL)
    rc_calendar_model_refresh (self->model);
}

/* A closing panel slides out over the window's edge for a moment, its
 * buttons still focused and clickable: a menu button there opened its
 * popover at an anchor on no monitor (a GTK 4.8 critical, found by the
 * monkey). Closed, or closing, the panel takes no input. */
static void
on_panel_revealed (RcWindow *self)
{
  if (self->panel != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->panel), adw_flap_get_reveal_flap (self->panel_flap));
}

/* AdwFlap hides its flap when it folds; a panel the user opened (the first
 * time, its own arrival may fold a narrow window) stays open over the days. */
static void
on_panel_folded (RcWindow *self)
{
  if (self->panel_open && !adw_flap_get_reveal_flap (self->panel_flap))
    adw_flap_set_reveal_flap (self->panel_flap, TRUE);
}

static void
add_legend_item (RcWindow   *self,
                 const char *css_class,
                 const char *icon_name,
                 const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *item;

  gtk_widget_add_css_class (box, "legend-item");
  gtk_widget_add_css_class (box, css_class);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_widget_set_can_focus (box, FALSE);
  gtk_flow_box_insert (self->legend, box, -1);
  /* The legend explains colours, nothing to act on: its items are no Tab
   * stops, and a screen reader reads them as their text, not as
   * "GtkFlowBoxChild". */
  item = gtk_widget_get_parent (box);
  gtk_widget_set_focusable (item, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
build_legend (RcWindow *self)
{
  add_legend_item (self, "ideal", rc_verdict_icon_name (RC_VERDICT_IDEAL),
                   _("Ideal: the best time"));
  add_legend_item (self, "safe", rc_verdict_icon_name (RC_VERDICT_SAFE),
                   _("Safe: gently"));
  add_legend_item (self, "forbidden", rc_verdict_icon_name (RC_VERDICT_FORBIDDEN),
                   _("Forbidden: no massage"));
  add_legend_item (self, "best", "view-pin-symbolic", _("Best day of the week"));
}

static void
rc_window_dispose (GObject *object)
{
  RcWindow *self = RC_WINDOW (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  _rc_window_drop_context_menu (self);
  g_clear_weak_pointer (&self->panel_opener);
  /* The settings action keeps the settings alive: nothing may call back here. */
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_action_map_remove_action (G_ACTION_MAP (self), "view");
  gtk_widget_dispose_template (GTK_WIDGET (object), RC_TYPE_WINDOW);
  g_clear_object (&self->model);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->period, g_free);
  g_clear_handle_id (&self->toast_dismiss_id, g_source_remove);
  while (!g_queue_is_empty (&self->toast_queue))
    {
      AdwToast *toast = g_queue_pop_head (&self->toast_queue);

      g_signal_handlers_disconnect_by_func (toast, on_toast_dismissed, self);
      g_object_unref (toast);
    }

  G_OBJECT_CLASS (rc_window_parent_class)->dispose (object);
}

static void
install_shortcuts (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.close-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}

/* The week view's grid and load and the palette are template children,
 * built in init before any property is set: they cannot take the model
 * as a construct property of their own, so they get it through their
 * setters here, once the window's model is known. */
static void
rc_window_constructed (GObject *object)
{
  RcWindow *self = RC_WINDOW (object);
  RcUndoStack *undo;

  G_OBJECT_CLASS (rc_window_parent_class)->constructed (object);
  g_return_if_fail (self->model != NULL);

  undo = rc_calendar_model_get_undo_stack (self->model);
  rc_day_grid_set_model (rc_week_view_get_grid (self->week_view), self->model);
  rc_week_load_set_model (rc_week_view_get_load (self->week_view), self->model);
  rc_palette_set_model (self->palette, self->model);
  g_signal_connect (self->model, "changed", G_CALLBACK (on_model_changed), self);
  g_signal_connect_swapped (self->model, "notify::week-start", G_CALLBACK (on_week_start_changed), self);
  g_signal_connect_object (undo, "notify::can-undo", G_CALLBACK (on_can_undo_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (undo, "notify::can-redo", G_CALLBACK (on_can_undo_changed), self, G_CONNECT_SWAPPED);
  on_can_undo_changed (self, NULL, undo);
}

/* The header's squeezer gave the view switch's room to the title, or gave
 * it back: Week, Month and Load show in a bar at the window's foot instead,
 * as a view switcher bar does in a GNOME app, built the first time. */
static void
switch_squeezed (RcWindow    *self,
                 GParamSpec  *pspec,
                 AdwSqueezer *squeezer)
{
  gboolean squeezed = adw_squeezer_get_visible_child (squeezer) != self->view_switch;

  if (squeezed && adw_bin_get_child (self->switch_bar) == NULL)
    {
      GtkWidget *bar = gtk_action_bar_new ();

      gtk_action_bar_set_center_widget (GTK_ACTION_BAR (bar), rc_view_switch_new ());
      adw_bin_set_child (self->switch_bar, bar);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->switch_bar), squeezed);
}

static void
rc_window_class_init (RcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_window_dispose;
  object_class->constructed = rc_window_constructed;

  rc_model_property_install (object_class, G_STRUCT_OFFSET (RcWindow, model));

  g_type_ensure (RC_TYPE_SYNC_STATUS);  /* in the header bar of the template */
  g_type_ensure (RC_TYPE_PALETTE);
  g_type_ensure (RC_TYPE_DAY_PANEL);
  g_type_ensure (RC_TYPE_WEEK_VIEW);
  g_type_ensure (RC_TYPE_MONTH_VIEW);
  g_type_ensure (RC_TYPE_VIEW_SWITCH);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rc-window.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "title_with_year", FALSE,
                                             G_STRUCT_OFFSET (RcWindow, titles[RC_PERIOD_WITH_YEAR]));
  gtk_widget_class_bind_template_child_full (widget_class, "title_without_year", FALSE,
                                             G_STRUCT_OFFSET (RcWindow, titles[RC_PERIOD_WITHOUT_YEAR]));
  gtk_widget_class_bind_template_child_full (widget_class, "title_months", FALSE,
                                             G_STRUCT_OFFSET (RcWindow, titles[RC_PERIOD_MONTHS]));
  gtk_widget_class_bind_template_child_full (widget_class, "title_month", FALSE,
                                             G_STRUCT_OFFSET (RcWindow, titles[RC_PERIOD_MONTH]));
  gtk_widget_class_bind_template_child (widget_class, RcWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, palette_flap);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, panel_flap);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, views);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, week_view);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, empty_hint);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, view_switch);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, switch_bar);
  gtk_widget_class_bind_template_callback (widget_class, switch_squeezed);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, legend);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, primary_menu);

  gtk_widget_class_install_action (widget_class, "win.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "win.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "win.close-panel", NULL, close_panel_action);
  gtk_widget_class_install_action (widget_class, "win.open-day", "u", open_day_action);
  gtk_widget_class_install_action (widget_class, "win.keyboard-day", "u", keyboard_day_action);
  gtk_widget_class_install_action (widget_class, "win.open-entry", "(ux)", open_entry_action);
  gtk_widget_class_install_action (widget_class, "win.go-to", "u", go_to_action);
  gtk_widget_class_install_action (widget_class, "win.day-menu", "(udd)", day_menu_action);
  install_shortcuts (widget_class);
  _rc_window_class_init_actions (widget_class);
  _rc_window_class_init_status (widget_class);
  _rc_window_import_class_init (widget_class);
}

/* GTK hides the focus again when a key is released where it was pressed
 * (the panel's day had it all along): after Escape closed the panel or a
 * popover, the keyboard must see where it is. */
static gboolean
on_key_released (GtkEventControllerKey *key,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 RcWindow              *self)
{
  if (keyval == GDK_KEY_Escape)
    gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  return FALSE;
}

/* Home and T only while the calendar has the focus: T is a letter in the panel. */
static void
add_calendar_shortcuts (RcWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const char *triggers[] = { "Home", "t" };

  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (triggers[i]),
                                                            gtk_named_action_new ("win.today")));
  gtk_widget_add_controller (self->views, controller);
}

/* The primary menu's popover is some seventy widgets: built when first
 * opened (a click or F10), not before the window's first frame. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       data)
{
  RcWindow *self = RC_WINDOW (data);

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
rc_window_init (RcWindow *self)
{
  g_autoptr(GAction) view = NULL;
  GtkEventController *key;

  gtk_widget_init_template (GTK_WIDGET (self));
  rc_a11y_clean_buttons (GTK_WIDGET (self));
  _rc_window_import_init (self);
  _rc_window_init_actions (self);

  /* The window remembers its size, state and view across runs. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  view = g_settings_create_action (self->settings, "view");
  g_action_map_add_action (G_ACTION_MAP (self), view);
  g_signal_connect_swapped (self->settings, "changed::view", G_CALLBACK (apply_view), self);

  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
  add_calendar_shortcuts (self);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  build_legend (self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active), NULL);
  g_signal_connect_swapped (self->panel_flap, "notify::folded", G_CALLBACK (on_panel_folded), self);
  g_signal_connect_swapped (self->panel_flap, "notify::reveal-flap", G_CALLBACK (on_panel_revealed), self);
}

RcWindow *
rc_window_new (RcApplication *app)
{
  RcWindow *self;
  g_autoptr(RcCalendarModel) model = NULL;
  RcDay start;

  g_return_val_if_fail (RC_IS_APPLICATION (app), NULL);

  model = rc_calendar_model_new (rc_application_get_store (app));
  self = g_object_new (RC_TYPE_WINDOW, "application", app, "model", model, NULL);
  start = rc_application_get_start_day (app);
  self->anchor = start != RC_DAY_INVALID ? start : rc_day_today ();
  apply_view (self);
  return self;
}

const char *
rc_window_get_period_title (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), NULL);

  return self->period;
}

RcCalendarModel *
rc_window_get_model (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), NULL);

  return self->model;
}

gboolean
rc_window_get_panel_open (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), FALSE);

  return adw_flap_get_reveal_flap (self->panel_flap);
}

RcPalette *
rc_window_get_palette (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), NULL);

  return self->palette;
}

static gboolean
release_chooser (gpointer chooser)
{
  g_object_unref (chooser);
  return G_SOURCE_REMOVE;
}

/* GTK 4.8's file chooser shows its context menu from an idle that holds no
 * reference to it: a right-click and the chooser's closing in the same turn
 * of the main loop (a busy machine, or quick hands) left that idle with a
 * freed chooser, a critical the monkey met. Released after the idles of
 * default priority have run, the chooser outlives it. */
void
rc_window_release_chooser (GtkNativeDialog *chooser)
{
  g_return_if_fail (GTK_IS_NATIVE_DIALOG (chooser));
  g_idle_add_full (G_PRIORITY_LOW, release_chooser, chooser, NULL);
}

/* libadwaita 1.2 crashes when a toast that replaced another is dismissed
 * while it still slides in: its hide (300 ms) ends before its slide
 * (500 ms), frees its state, and the slide's last frame reads it. A fast
 * import's progress toast, or an edit's Undo toast that the next edit
 * takes away, would do that. So the window keeps the toasts it added in
 * the overlay's order (one on screen, the others waiting) and dismisses
 * the one on screen only once its slide is over. */
#define TOAST_SLIDE_US (600 * G_TIME_SPAN_MILLISECOND)

static void
on_toast_dismissed (AdwToast *toast,
                    RcWindow *self)
{
  GList *link = g_queue_find (&self->toast_queue, toast);

  if (link == NULL)
    return;
  if (link == self->toast_queue.head)
    {
      /* the next one slides in now */
      self->toast_since = g_get_monotonic_time ();
      g_clear_handle_id (&self->toast_dismiss_id, g_source_remove);
    }
  g_queue_delete_link (&self->toast_queue, link);
  g_signal_handlers_disconnect_by_func (toast, on_toast_dismissed, self);
  g_object_unref (toast);
}

void
rc_window_add_toast (RcWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (RC_IS_WINDOW (self));

  /* a high-priority toast goes on screen at once, the one there waits */
  if (g_queue_is_empty (&self->toast_queue) || adw_toast_get_priority (toast) == ADW_TOAST_PRIORITY_HIGH)
    {
      self->toast_since = g_get_monotonic_time ();
      g_clear_handle_id (&self->toast_dismiss_id, g_source_remove);
      g_queue_push_head (&self->toast_queue, g_object_ref (toast));
    }
  else
    g_queue_push_tail (&self->toast_queue, g_object_ref (toast));
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static gboolean
dismiss_shown_toast (gpointer data)
{
  RcWindow *self = data;

  self->toast_dismiss_id = 0;
  adw_toast_dismiss (g_queue_peek_head (&self->toast_queue));
  return G_SOURCE_REMOVE;
}

void
_rc_window_dismiss_toast (RcWindow *self,
                          AdwToast *toast)
{
  gint64 left = self->toast_since + TOAST_SLIDE_US - g_get_monotonic_time ();

  if (toast != g_queue_peek_head (&self->toast_queue) || left <= 0)
    adw_toast_dismiss (toast);
  else if (self->toast_dismiss_id == 0)
    self->toast_dismiss_id = g_timeout_add ((guint) (left / G_TIME_SPAN_MILLISECOND) + 1,
                                            dismiss_shown_toast, self);
}
