/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-week-load.c - a week's planned against done in its header (load.md):
 * minutes done of those planned, and the done load of the planned load. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-load.h"
#include "rc-week-load.h"

struct _RcWeekLoad
{
  AdwBin           parent_instance;

  RcCalendarModel *model;
  RcDay            first;
  gboolean         held;   /* the model's range holds the week */
  GtkLabel        *label;
};

G_DEFINE_FINAL_TYPE (RcWeekLoad, rc_week_load, ADW_TYPE_BIN)

/* The load the week would carry if every session went as planned. */
static double
planned_load (const RcEntry * const *entries,
              guint                  n_entries,
              RcDay                  first)
{
  double load = 0;

  for (guint i = 0; i < n_entries; i++)
    if (entries[i]->day >= first && entries[i]->day <= first + 6)
      {
        RcEntry as_planned = *entries[i];

        as_planned.status = RC_STATUS_PLANNED;
        load += rc_load_of_entry (&as_planned);
      }
  return load;
}

/* The week's entries, from the model. A week's done load needs no
 * history: it is the sum of its own days. */
static GPtrArray *
week_entries (RcWeekLoad *self)
{
  GPtrArray *list = g_ptr_array_new ();

  for (RcDay day = self->first; day <= self->first + 6; day++)
    {
      guint n = 0;
      const RcEntry * const *entries = rc_calendar_model_get_entries (self->model, day, &n);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (list, (gpointer) entries[i]);
    }
  return list;
}

static void
update (RcWeekLoad *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autofree char *text = NULL;
  const RcLoadWeek *week;

  if (!self->held)
    return;
  list = week_entries (self);
  /* done load only: what the body carried, against what the plan asks */
  weeks = rc_load_weeks ((const RcEntry * const *) list->pdata, list->len, self->first,
                         self->first + 6, rc_day_today (), RC_LOAD_ACTUAL,
                         rc_calendar_model_get_week_start (self->model));
  week = &g_array_index (weeks, RcLoadWeek, 0);
  /* Translators: a week's header: done minutes, planned minutes, done load, planned load (session RPE x minutes) */
  text = g_strdup_printf (_("%1$d of %2$d minutes done · load %3$.0f of %4$.0f planned"),
                          week->done_minutes, week->planned_minutes, week->load,
                          planned_load ((const RcEntry * const *) list->pdata, list->len,
                                        self->first));
  if (g_strcmp0 (gtk_label_get_text (self->label), text) != 0)
    gtk_label_set_text (self->label, text);
}

/* The hidden view waits until it is shown again. */
static void
on_model_changed (RcWeekLoad *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
}

static void
update_held (RcWeekLoad *self)
{
  self->held = self->model != NULL && self->first != RC_DAY_INVALID &&
               rc_calendar_model_get_first (self->model) <= self->first &&
               self->first + 6 <= rc_calendar_model_get_last (self->model);
}

/* The model's range follows the week being set (notify::first/last): the
 * week is counted once the model holds it, never read from the store. */
static void
on_range_changed (RcWeekLoad *self)
{
  gboolean was_held = self->held;

  update_held (self);
  if (self->held && !was_held)
    on_model_changed (self);
}

static void
rc_week_load_dispose (GObject *object)
{
  RcWeekLoad *self = RC_WEEK_LOAD (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (rc_week_load_parent_class)->dispose (object);
}

static void
rc_week_load_class_init (RcWeekLoadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_week_load_dispose;
  gtk_widget_class_set_css_name (widget_class, "weekload");
}

static void
rc_week_load_init (RcWeekLoad *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-text");
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->label));
  g_signal_connect (self, "map", G_CALLBACK (update), NULL);
}

void
rc_week_load_set_model (RcWeekLoad      *self,
                        RcCalendarModel *model)
{
  g_return_if_fail (RC_IS_WEEK_LOAD (self));
  self->model = g_object_ref (model);
  g_signal_connect_swapped (model, "changed", G_CALLBACK (on_model_changed), self);
  g_signal_connect_swapped (model, "notify::first", G_CALLBACK (on_range_changed), self);
  g_signal_connect_swapped (model, "notify::last", G_CALLBACK (on_range_changed), self);
}

void
rc_week_load_show_week (RcWeekLoad *self,
                        RcDay       first)
{
  g_return_if_fail (RC_IS_WEEK_LOAD (self));
  self->first = first;
  update_held (self);
  update (self);
}

const char *
rc_week_load_get_text (RcWeekLoad *self)
{
  g_return_val_if_fail (RC_IS_WEEK_LOAD (self), NULL);
  return gtk_label_get_text (self->label);
}
