/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-day-panel.c - the side pane: a day's massage advice, its reasons and entries. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-a11y.h"
#include "rc-day-cell.h"
#include "rc-day-panel.h"
#include "rc-day-load.h"
#include "rc-model-property.h"

struct _RcDayPanel
{
  AdwBin           parent_instance;

  RcCalendarModel *model;
  RcDay            day;

  GtkLabel        *date_label;
  GtkWidget       *verdict_box;
  GtkImage        *verdict_icon;
  GtkLabel        *verdict_label;
  GtkWidget       *best_label;
  GtkLabel        *advice_label;
  GtkBox          *reasons;
  GtkExpander     *considered_expander;
  GtkBox          *considered;
  GtkWidget       *conflicts_heading;
  GtkBox          *conflicts;
  GtkWidget       *due_label;
  GtkListBox      *entries;
  GtkWidget       *no_entries;
  GtkButton       *book_button;
  GtkMenuButton   *add_button;
  RcDayLoad       *load;      /* loadgui: the day's training load, see add_load_context () */
};

G_DEFINE_FINAL_TYPE (RcDayPanel, rc_day_panel, ADW_TYPE_BIN)

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* An open popover (a row's kind list) goes down before its row leaves the
 * window (the plan changed under it: a sync, the CLI): removed open, it
 * stays "visible" on a widget with no root, and GTK 4.8's focus code then
 * asks that missing root for its focus ("gtk_root_get_focus: assertion
 * 'GTK_IS_ROOT (self)' failed"). */
static void
popdown_popovers (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
        gtk_popover_popdown (GTK_POPOVER (child));
      popdown_popovers (child);
    }
}

/* gtk_list_box_remove_all () is GTK 4.12. */
static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    {
      popdown_popovers (child);
      gtk_list_box_remove (list, child);
    }
}

/* The entry whose row (or a widget in it, or its open popover) has the
 * keyboard, or 0. */
static gint64
focused_entry (RcDayPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, RC_TYPE_ENTRY_ROW) : NULL;

  return row != NULL ? rc_entry_row_get_id (RC_ENTRY_ROW (row)) : 0;
}

static void
add_sentence (GtkBox     *box,
              const char *icon_name,
              const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (text);

  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (row), icon);
    }
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* wrapped text must not ask for a panel as wide as its longest line */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (box, row);
}

static void
fill_reasons (GtkBox     *box,
              const char *icon_name,
              char      **reasons)
{
  clear_box (box);
  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    add_sentence (box, icon_name, reasons[i]);
}

/* Deciding reasons first and apart: the outvoted ones wait, collapsed,
 * under "Also considered", so a forbidden day never reads like a
 * recommendation (rules-spec.md, "Decided by"). */
static void
update_reasons (RcDayPanel     *self,
                const RcAdvice *advice)
{
  g_auto(GStrv) decided = rc_advice_reasons_decided (advice);
  g_auto(GStrv) considered = rc_advice_reasons_considered (advice);
  gboolean any_considered = considered != NULL && considered[0] != NULL;

  /* each deciding reason carries the verdict's icon (not a chevron, which
   * reads as a row to open beside the expander); the outvoted ones none */
  fill_reasons (self->reasons, rc_verdict_icon_name (advice->verdict), decided);
  if (decided == NULL || decided[0] == NULL)
    add_sentence (self->reasons, rc_verdict_icon_name (advice->verdict),
                  _("Nothing in the plan speaks against a massage on this day."));
  fill_reasons (self->considered, NULL, considered);
  /* a new day starts collapsed */
  if (!any_considered || !gtk_widget_get_visible (GTK_WIDGET (self->considered_expander)))
    gtk_expander_set_expanded (self->considered_expander, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->considered_expander), any_considered);
}

static gboolean
day_has_massage (RcDayPanel *self)
{
  guint n_entries = 0;
  const RcEntry * const *entries = rc_calendar_model_get_entries (self->model, self->day, &n_entries);

  for (guint i = 0; i < n_entries; i++)
    if (entries[i]->kind == RC_KIND_MASSAGE)
      return TRUE;
  return FALSE;
}

/* Booking stays possible on a forbidden day, and again on a day that holds
 * a massage already, but neither is the suggested action. */
static void
update_book_button (RcDayPanel *self,
                    gboolean    forbidden)
{
  gboolean booked = day_has_massage (self);

  if (forbidden)
    gtk_button_set_label (self->book_button, _("Book Massage Anyway"));
  else if (booked)
    gtk_button_set_label (self->book_button, _("Book Another Massage"));
  else
    gtk_button_set_label (self->book_button, _("_Book Massage"));
  gtk_button_set_use_underline (self->book_button, !forbidden && !booked);
  if (forbidden || booked)
    gtk_widget_remove_css_class (GTK_WIDGET (self->book_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->book_button), "suggested-action");
}

static void
update_advice (RcDayPanel     *self,
               const RcAdvice *advice)
{
  g_auto(GStrv) conflicts = rc_advice_conflicts (advice);
  g_autofree char *summary = rc_advice_summary (advice);
  gboolean forbidden = advice->verdict == RC_VERDICT_FORBIDDEN;

  for (RcVerdict v = 0; v < RC_N_VERDICTS; v++)
    gtk_widget_remove_css_class (self->verdict_box, rc_verdict_to_string (v));
  gtk_widget_add_css_class (self->verdict_box, rc_verdict_to_string (advice->verdict));
  gtk_image_set_from_icon_name (self->verdict_icon, rc_verdict_icon_name (advice->verdict));
  gtk_label_set_text (self->verdict_label, rc_verdict_label (advice->verdict));
  gtk_widget_set_visible (self->best_label, advice->best);
  gtk_label_set_text (self->advice_label, summary);
  update_reasons (self, advice);

  clear_box (self->conflicts);
  for (guint i = 0; conflicts != NULL && conflicts[i] != NULL; i++)
    add_sentence (self->conflicts, "dialog-warning-symbolic", conflicts[i]);
  gtk_widget_set_visible (self->conflicts_heading, conflicts != NULL && conflicts[0] != NULL);
  /* "due" under a forbidden verdict would read like a recommendation */
  gtk_widget_set_visible (self->due_label, advice->due && !forbidden);

  update_book_button (self, forbidden);
}

RcEntryRow *
rc_day_panel_get_row (RcDayPanel *self,
                      gint64      id)
{
  g_return_val_if_fail (RC_IS_DAY_PANEL (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->entries));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (RC_IS_ENTRY_ROW (child) && rc_entry_row_get_id (RC_ENTRY_ROW (child)) == id)
        return RC_ENTRY_ROW (child);
    }
  return NULL;
}

/* Rows are updated in place so that an edit in progress keeps its focus. */
static gboolean
same_ids (RcDayPanel             *self,
          const RcEntry * const  *entries,
          guint                   n_entries)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->entries));

  for (guint i = 0; i < n_entries; i++, child = gtk_widget_get_next_sibling (child))
    if (child == NULL || rc_entry_row_get_id (RC_ENTRY_ROW (child)) != entries[i]->id)
      return FALSE;
  return child == NULL;
}

/* The keyboard had the row of entry ID, now rebuilt: it stays with that
 * entry's new row, or the first one, or goes to "Add Session". */
static void
refocus (RcDayPanel *self,
         gint64      id)
{
  RcEntryRow *row = rc_day_panel_get_row (self, id);

  if (row == NULL)
    row = RC_ENTRY_ROW (gtk_list_box_get_row_at_index (self->entries, 0));
  if (row == NULL || !gtk_widget_grab_focus (GTK_WIDGET (row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

static void
update_entries (RcDayPanel *self)
{
  guint n_entries = 0;
  const RcEntry * const *entries = rc_calendar_model_get_entries (self->model, self->day, &n_entries);

  if (same_ids (self, entries, n_entries))
    {
      for (guint i = 0; i < n_entries; i++)
        rc_entry_row_set_entry (rc_day_panel_get_row (self, entries[i]->id), entries[i]);
    }
  else
    {
      gint64 focused = focused_entry (self);

      remove_rows (self->entries);
      for (guint i = 0; i < n_entries; i++)
        gtk_list_box_append (self->entries, rc_entry_row_new (self->model, entries[i]));
      if (focused != 0)
        refocus (self, focused);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->entries), n_entries > 0);
  gtk_widget_set_visible (self->no_entries, n_entries == 0);
}

static void
update (RcDayPanel *self)
{
  const RcAdvice *advice;
  g_autofree char *date = NULL;

  if (self->model == NULL || self->day == RC_DAY_INVALID)
    return;
  /* The grid may page away from the day shown here: the model keeps its
   * advice, so the verdict, the badge and the booking stay the day's own. */
  rc_calendar_model_keep_day (self->model, self->day);
  advice = rc_calendar_model_get_advice (self->model, self->day);
  date = rc_day_format_full (self->day);
  gtk_label_set_text (self->date_label, date);
  gtk_widget_set_visible (self->verdict_box, advice != NULL);
  if (advice != NULL)
    update_advice (self, advice);
  rc_day_load_show_day (self->load, self->model, self->day);
  update_entries (self);
}

/* A closed panel waits: it is brought up to date when shown. */
static void
on_model_changed (RcDayPanel *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
}

/* Closed, it needs no advice kept: the model reads no more than the views' range. */
static void
on_unmap (RcDayPanel *self)
{
  if (self->model != NULL && rc_calendar_model_get_kept_day (self->model) == self->day)
    rc_calendar_model_keep_day (self->model, RC_DAY_INVALID);
}

static void
rc_day_panel_dispose (GObject *object)
{
  RcDayPanel *self = RC_DAY_PANEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (object), RC_TYPE_DAY_PANEL);
  G_OBJECT_CLASS (rc_day_panel_parent_class)->dispose (object);
}

static void
rc_day_panel_constructed (GObject *object)
{
  G_OBJECT_CLASS (rc_day_panel_parent_class)->constructed (object);
  g_signal_connect_swapped (RC_DAY_PANEL (object)->model, "changed", G_CALLBACK (on_model_changed), object);
}

static void
rc_day_panel_class_init (RcDayPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_day_panel_dispose;
  object_class->constructed = rc_day_panel_constructed;

  rc_model_property_install (object_class, G_STRUCT_OFFSET (RcDayPanel, model));

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rc-day-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, date_label);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, best_label);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, advice_label);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, reasons);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, considered_expander);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, considered);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, conflicts_heading);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, conflicts);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, due_label);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, entries);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, no_entries);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, book_button);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, add_button);
  gtk_widget_class_set_css_name (widget_class, "daypanel");
}

/* --- loadgui (issue 15): the day's ATL/CTL/TSB and band under the advice,
 * as context; the verdicts above stay the rules' own. --- */
static void
add_load_context (RcDayPanel *self)
{
  self->load = RC_DAY_LOAD (rc_day_load_new ());
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->advice_label))),
                              GTK_WIDGET (self->load), GTK_WIDGET (self->advice_label));
}

RcDayLoad *
rc_day_panel_get_load (RcDayPanel *self)
{
  g_return_val_if_fail (RC_IS_DAY_PANEL (self), NULL);

  return self->load;
}
/* --- end loadgui --- */

static void
rc_day_panel_init (RcDayPanel *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  add_load_context (self);
  rc_a11y_clean_buttons (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (update), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
  for (guint k = 0; k < RC_N_KINDS; k++)
    {
      g_autofree char *action = g_strdup_printf ("win.add-kind::%s", rc_kind_to_string (k));

      g_menu_append (menu, rc_kind_label (k), action);
    }
  gtk_menu_button_set_menu_model (self->add_button, G_MENU_MODEL (menu));
}

void
rc_day_panel_set_day (RcDayPanel *self,
                      RcDay       day)
{
  g_return_if_fail (RC_IS_DAY_PANEL (self));

  if (self->day != day)
    {
      remove_rows (self->entries);
      gtk_expander_set_expanded (self->considered_expander, FALSE);
    }
  self->day = day;
  update (self);
}

RcDay
rc_day_panel_get_day (RcDayPanel *self)
{
  g_return_val_if_fail (RC_IS_DAY_PANEL (self), RC_DAY_INVALID);

  return self->day;
}

void
rc_day_panel_show_entry (RcDayPanel *self,
                         gint64      id)
{
  RcEntryRow *row = rc_day_panel_get_row (self, id);

  if (row == NULL)
    return;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
add_texts (GStrvBuilder *builder,
           GtkBox       *box)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (row))));
}

char **
rc_day_panel_dup_reasons (RcDayPanel *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **strv;

  add_texts (builder, self->reasons);
  if (gtk_widget_get_visible (GTK_WIDGET (self->considered_expander)))
    add_texts (builder, self->considered);
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

char **
rc_day_panel_dup_considered (RcDayPanel *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **strv;

  if (gtk_widget_get_visible (GTK_WIDGET (self->considered_expander)))
    add_texts (builder, self->considered);
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

GtkExpander *
rc_day_panel_get_considered_expander (RcDayPanel *self)
{
  g_return_val_if_fail (RC_IS_DAY_PANEL (self), NULL);

  return self->considered_expander;
}

const char *
rc_day_panel_get_summary (RcDayPanel *self)
{
  g_return_val_if_fail (RC_IS_DAY_PANEL (self), NULL);

  return gtk_label_get_text (self->advice_label);
}

gboolean
rc_day_panel_shows_due (RcDayPanel *self)
{
  g_return_val_if_fail (RC_IS_DAY_PANEL (self), FALSE);

  return gtk_widget_get_visible (self->due_label);
}

GtkButton *
rc_day_panel_get_book_button (RcDayPanel *self)
{
  g_return_val_if_fail (RC_IS_DAY_PANEL (self), NULL);

  return self->book_button;
}

const char *
rc_day_panel_get_verdict (RcDayPanel *self)
{
  g_return_val_if_fail (RC_IS_DAY_PANEL (self), NULL);

  if (!gtk_widget_get_visible (self->verdict_box))
    return NULL;
  for (RcVerdict v = 0; v < RC_N_VERDICTS; v++)
    if (gtk_widget_has_css_class (self->verdict_box, rc_verdict_to_string (v)))
      return rc_verdict_to_string (v);
  return NULL;
}

const char *
rc_day_panel_get_verdict_label (RcDayPanel *self)
{
  g_return_val_if_fail (RC_IS_DAY_PANEL (self), NULL);

  return gtk_label_get_text (self->verdict_label);
}

const char *
rc_day_panel_get_verdict_icon (RcDayPanel *self)
{
  g_return_val_if_fail (RC_IS_DAY_PANEL (self), NULL);

  return gtk_image_get_icon_name (self->verdict_icon);
}

gboolean
rc_day_panel_shows_best (RcDayPanel *self)
{
  g_return_val_if_fail (RC_IS_DAY_PANEL (self), FALSE);

  return gtk_widget_get_visible (self->verdict_box) && gtk_widget_get_visible (self->best_label);
}
