/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-day-panel.c - the side pane: a day's massage advice, its reasons and entries. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-a11y.h"
#include "rc-day-cell.h"
#include "rc-day-panel.h"

struct _RcDayPanel
{
  GtkWidget        parent_instance;

  RcCalendarModel *model;
  RcDay            day;

  GtkLabel        *date_label;
  GtkWidget       *verdict_box;
  GtkImage        *verdict_icon;
  GtkLabel        *verdict_label;
  GtkWidget       *best_label;
  GtkLabel        *advice_label;
  GtkBox          *reasons;
  GtkWidget       *conflicts_heading;
  GtkBox          *conflicts;
  GtkWidget       *due_label;
  GtkListBox      *entries;
  GtkWidget       *no_entries;
  GtkButton       *book_button;
  GtkMenuButton   *add_button;
};

G_DEFINE_FINAL_TYPE (RcDayPanel, rc_day_panel, GTK_TYPE_WIDGET)

static const char *verdict_classes[] = { "ideal", "safe", "forbidden" };

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* gtk_list_box_remove_all () is GTK 4.12. */
static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_sentence (GtkBox     *box,
              const char *icon_name,
              const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* wrapped text must not ask for a panel as wide as its longest line */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (box, row);
}

/* "Suggested: Pre-event massage, pressure light to moderate, 30-45 minutes." */
static char *
describe_suggestion (const RcAdvice *advice)
{
  g_autofree char *minutes = NULL;

  if (advice->verdict == RC_VERDICT_FORBIDDEN)
    {
      g_auto(GStrv) reasons = rc_advice_reasons (advice);

      /* the first reason is a forbidding one: rules-spec.md's table order */
      if (reasons != NULL && reasons[0] != NULL)
        return g_strdup_printf (_("No massage on this day: %s."), reasons[0]);
      return g_strdup (_("No massage on this day."));
    }
  minutes = rc_advice_minutes_text (advice);
  /* Translators: massage kind, pressure range ("light to moderate"), minutes */
  return g_strdup_printf (_("Suggested: %s, pressure %s, %s."),
                          rc_massage_label (advice->massage),
                          rc_advice_pressure_text (advice),
                          minutes);
}

static void
update_advice (RcDayPanel     *self,
               const RcAdvice *advice)
{
  g_auto(GStrv) reasons = rc_advice_reasons (advice);
  g_auto(GStrv) conflicts = rc_advice_conflicts (advice);
  g_autofree char *suggestion = describe_suggestion (advice);
  gboolean forbidden = advice->verdict == RC_VERDICT_FORBIDDEN;

  for (guint i = 0; i < G_N_ELEMENTS (verdict_classes); i++)
    gtk_widget_remove_css_class (self->verdict_box, verdict_classes[i]);
  gtk_widget_add_css_class (self->verdict_box, verdict_classes[advice->verdict]);
  gtk_image_set_from_icon_name (self->verdict_icon, rc_verdict_icon_name (advice->verdict));
  gtk_label_set_text (self->verdict_label, rc_verdict_label (advice->verdict));
  gtk_widget_set_visible (self->best_label, advice->best);
  gtk_label_set_text (self->advice_label, suggestion);

  clear_box (self->reasons);
  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    add_sentence (self->reasons, "go-next-symbolic", reasons[i]);
  if (reasons == NULL || reasons[0] == NULL)
    add_sentence (self->reasons, "go-next-symbolic",
                  _("Nothing in the plan speaks against a massage on this day."));

  clear_box (self->conflicts);
  for (guint i = 0; conflicts != NULL && conflicts[i] != NULL; i++)
    add_sentence (self->conflicts, "dialog-warning-symbolic", conflicts[i]);
  gtk_widget_set_visible (self->conflicts_heading, conflicts != NULL && conflicts[0] != NULL);
  gtk_widget_set_visible (self->due_label, advice->due);

  /* On a forbidden day booking stays possible, but is not the suggested action. */
  gtk_button_set_label (self->book_button, forbidden ? _("Book Massage Anyway") : _("_Book Massage"));
  gtk_button_set_use_underline (self->book_button, !forbidden);
  if (forbidden)
    gtk_widget_remove_css_class (GTK_WIDGET (self->book_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->book_button), "suggested-action");
}

RcEntryRow *
rc_day_panel_get_row (RcDayPanel *self,
                      gint64      id)
{
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
      remove_rows (self->entries);
      for (guint i = 0; i < n_entries; i++)
        gtk_list_box_append (self->entries, rc_entry_row_new (self->model, entries[i]));
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
  advice = rc_calendar_model_get_advice (self->model, self->day);
  date = rc_day_format_full (self->day);
  gtk_label_set_text (self->date_label, date);
  gtk_widget_set_visible (self->verdict_box, advice != NULL);
  if (advice != NULL)
    update_advice (self, advice);
  update_entries (self);
}

/* A closed panel waits: it is brought up to date when shown. */
static void
on_model_changed (RcDayPanel *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
}

static void
rc_day_panel_dispose (GObject *object)
{
  RcDayPanel *self = RC_DAY_PANEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (object), RC_TYPE_DAY_PANEL);
  /* GTK 4.8 leaves unnamed template children behind. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (rc_day_panel_parent_class)->dispose (object);
}

static void
rc_day_panel_class_init (RcDayPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_day_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rc-day-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, date_label);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, best_label);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, advice_label);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, reasons);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, conflicts_heading);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, conflicts);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, due_label);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, entries);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, no_entries);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, book_button);
  gtk_widget_class_bind_template_child (widget_class, RcDayPanel, add_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "daypanel");
}

static void
rc_day_panel_init (RcDayPanel *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rc_a11y_clean_buttons (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (update), NULL);
  for (guint k = 0; k < RC_N_KINDS; k++)
    {
      g_autofree char *action = g_strdup_printf ("win.add-kind::%s", rc_kind_to_string (k));

      g_menu_append (menu, rc_kind_label (k), action);
    }
  gtk_menu_button_set_menu_model (self->add_button, G_MENU_MODEL (menu));
}

void
rc_day_panel_set_model (RcDayPanel      *self,
                        RcCalendarModel *model)
{
  g_return_if_fail (RC_IS_DAY_PANEL (self));

  self->model = g_object_ref (model);
  g_signal_connect_swapped (model, "changed", G_CALLBACK (on_model_changed), self);
}

void
rc_day_panel_set_day (RcDayPanel *self,
                      RcDay       day)
{
  g_return_if_fail (RC_IS_DAY_PANEL (self));

  if (self->day != day)
    remove_rows (self->entries);
  self->day = day;
  update (self);
}

RcDay
rc_day_panel_get_day (RcDayPanel *self)
{
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

char **
rc_day_panel_dup_reasons (RcDayPanel *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **strv;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->reasons));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (row))));
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

GtkButton *
rc_day_panel_get_book_button (RcDayPanel *self)
{
  return self->book_button;
}
