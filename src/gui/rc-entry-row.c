/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-entry-row.c - one entry in the day panel, editable in place. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-a11y.h"
#include "rc-entry-chip.h"
#include "rc-entry-row.h"
#include "rc-model-property.h"

#define N_SESSION_KINDS RC_KIND_MASSAGE

struct _RcEntryRow
{
  AdwExpanderRow   parent_instance;

  RcCalendarModel *model;
  RcEntry         *entry;
  gboolean         updating;   /* showing values: do not write them back */

  AdwComboRow     *kind_row;
  AdwEntryRow     *time_row;
  GtkSpinButton   *minutes;
  GtkSpinButton   *rpe;
  AdwEntryRow     *title_row;
  AdwEntryRow     *notes_row;
  GtkLabel        *error_label;
  /* load.md: planned, done or skipped, and what was actually done */
  GtkToggleButton *done_button;
  GtkToggleButton *skip_button;
  GtkWidget       *done_minutes_row;
  GtkWidget       *done_rpe_row;
  GtkSpinButton   *done_minutes;
  GtkSpinButton   *done_rpe;
};

G_DEFINE_FINAL_TYPE (RcEntryRow, rc_entry_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (RcEntryRow *self,
            const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Writes a changed copy; the store refuses bad values and nothing changes. */
static void
save (RcEntryRow *self,
      RcEntry    *changed)
{
  g_autoptr(GError) error = NULL;
  const RcEntry *stored;

  if (self->updating)
    return;
  if (!rc_calendar_model_update (self->model, changed, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  /* The next edit builds on what was saved, whoever redraws the row. */
  stored = rc_calendar_model_lookup (self->model, changed->id);
  rc_entry_row_set_entry (self, stored != NULL ? stored : changed);
}

static void
on_kind_selected (AdwComboRow *row,
                  GParamSpec  *pspec,
                  RcEntryRow  *self)
{
  g_autoptr(RcEntry) changed = rc_entry_copy (self->entry);
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (self->entry->kind == RC_KIND_MASSAGE)
    changed->massage = (RcMassage) (selected + 1);
  else
    changed->kind = (RcKind) selected;
  save (self, changed);
}

static void
on_time_changed (GtkEditable *editable,
                 RcEntryRow  *self)
{
  const char *text = gtk_editable_get_text (editable);
  gboolean bad = text[0] != '\0' && rc_time_from_string (text) == RC_NONE;

  if (self->updating)
    return;
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "error");
}

static void
on_time_apply (AdwEntryRow *row,
               RcEntryRow  *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(RcEntry) changed = rc_entry_copy (self->entry);

  changed->time = text[0] == '\0' ? RC_NONE : rc_time_from_string (text);
  if (text[0] != '\0' && changed->time == RC_NONE)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a time: use HH:MM, from 00:00 to 23:59"), text);

      show_error (self, message);
      return;
    }
  save (self, changed);
}

static void
on_spin_changed (GtkSpinButton *spin,
                 RcEntryRow    *self)
{
  g_autoptr(RcEntry) changed = rc_entry_copy (self->entry);
  int value = gtk_spin_button_get_value_as_int (spin);

  /* 0 reads as "not set": both fields are optional. */
  if (spin == self->minutes)
    changed->minutes = value > 0 ? value : RC_NONE;
  else
    changed->rpe = value > 0 ? value : RC_NONE;
  save (self, changed);
}

static void
on_text_apply (AdwEntryRow *row,
               RcEntryRow  *self)
{
  g_autoptr(RcEntry) changed = rc_entry_copy (self->entry);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  char **field = row == self->title_row ? &changed->title : &changed->notes;

  g_free (*field);
  /* an emptied title is none: the views then show the kind's name, translated */
  *field = text[0] != '\0' ? g_strdup (text) : NULL;
  save (self, changed);
}

static GtkWidget *
add_spin_row (RcEntryRow    *self,
              const char    *title,
              const char    *subtitle,
              double         max,
              GtkSpinButton **out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_changed), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  *out = GTK_SPIN_BUTTON (spin);
  return row;
}

/* One click marks the session done (or skipped); again, back to planned. */
static void
on_status_toggled (GtkToggleButton *button,
                   RcEntryRow      *self)
{
  g_autoptr(GError) error = NULL;
  RcStatus status = RC_STATUS_PLANNED;

  if (self->updating)
    return;
  if (gtk_toggle_button_get_active (button))
    status = button == self->done_button ? RC_STATUS_DONE : RC_STATUS_SKIPPED;
  if (!rc_calendar_model_set_status (self->model, self->entry->id, status, RC_NONE, RC_NONE, &error))
    show_error (self, error->message);
  else
    show_error (self, NULL);
}

/* The actual minutes and effort of a done session, each change undoable. */
static void
on_done_spin_changed (GtkSpinButton *spin,
                      RcEntryRow    *self)
{
  g_autoptr(GError) error = NULL;
  int minutes = gtk_spin_button_get_value_as_int (self->done_minutes);
  int rpe = gtk_spin_button_get_value_as_int (self->done_rpe);

  if (self->updating || self->entry->status != RC_STATUS_DONE)
    return;
  if (!rc_calendar_model_set_status (self->model, self->entry->id, RC_STATUS_DONE,
                                     minutes > 0 ? minutes : RC_NONE,
                                     rpe > 0 ? rpe : RC_NONE, &error))
    show_error (self, error->message);
  else
    show_error (self, NULL);
}

static GtkToggleButton *
add_status_button (RcEntryRow *self,
                   const char *icon_name,
                   const char *label,
                   const char *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_signal_connect (button, "toggled", G_CALLBACK (on_status_toggled), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), button);
  return GTK_TOGGLE_BUTTON (button);
}

static void
build_status_editors (RcEntryRow *self)
{
  GtkSpinButton *spins[2];
  const char *titles[] = { _("Done minutes"), _("Done effort (RPE)") };
  const char *subtitles[] = { _("What you actually did"), _("1 easy to 10 maximal; 0 for the planned effort") };
  GtkWidget **rows[] = { &self->done_minutes_row, &self->done_rpe_row };

  self->done_button = add_status_button (self, "object-select-symbolic", _("Done"),
                                         _("Mark as Done"));
  self->skip_button = add_status_button (self, "media-skip-forward-symbolic", _("Skipped"),
                                         _("Mark as Skipped"));
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (i == 0 ? 1 : 0, i == 0 ? 1440 : 10, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitles[i]);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, titles[i], -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_done_spin_changed), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      spins[i] = GTK_SPIN_BUTTON (spin);
      *rows[i] = row;
    }
  self->done_minutes = spins[0];
  self->done_rpe = spins[1];
}

static void
show_status (RcEntryRow    *self,
             const RcEntry *entry)
{
  gboolean done = entry->status == RC_STATUS_DONE;
  gboolean skipped = entry->status == RC_STATUS_SKIPPED;
  RcDay today = rc_day_today ();

  if (self->done_button == NULL)
    return;
  gtk_toggle_button_set_active (self->done_button, done);
  gtk_toggle_button_set_active (self->skip_button, skipped);
  /* after today neither is offered, but one set anyway can be taken back */
  gtk_widget_set_visible (GTK_WIDGET (self->done_button),
                          done || rc_entry_status_offered (entry, RC_STATUS_DONE, today));
  gtk_widget_set_visible (GTK_WIDGET (self->skip_button),
                          skipped || rc_entry_status_offered (entry, RC_STATUS_SKIPPED, today));
  gtk_widget_set_visible (self->done_minutes_row, done);
  gtk_widget_set_visible (self->done_rpe_row, done);
  if (done)
    {
      gtk_spin_button_set_value (self->done_minutes, entry->done_minutes > 0 ? entry->done_minutes
                                                     : entry->minutes > 0 ? entry->minutes : 1);
      gtk_spin_button_set_value (self->done_rpe, entry->done_rpe > 0 ? entry->done_rpe : 0);
    }
}

static AdwEntryRow *
add_entry_row (RcEntryRow *self,
               const char *title,
               GCallback   on_apply)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", on_apply, self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  return ADW_ENTRY_ROW (row);
}

/* One button a line, as wide as the row: in the 320 px panel, in German,
 * none is ever squeezed out of its box (a flow box in an expander row left
 * Delete a few pixels wide at the edge). */
static GtkWidget *
build_actions (RcEntryRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *move = gtk_button_new_with_mnemonic (_("_Move to…"));
  GtkWidget *duplicate = gtk_button_new_with_mnemonic (_("D_uplicate"));
  GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete"));
  GVariant *target = g_variant_new_int64 (self->entry->id);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (delete, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (move), "win.move-entry");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (move), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (duplicate), "win.duplicate-entry");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (duplicate), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "win.delete-entry");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete), target);
  gtk_box_append (GTK_BOX (box), move);
  gtk_box_append (GTK_BOX (box), duplicate);
  gtk_box_append (GTK_BOX (box), delete);
  rc_a11y_clean_buttons (box);
  return box;
}

static void
build_editors (RcEntryRow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  gboolean massage = self->entry->kind == RC_KIND_MASSAGE;

  if (massage)
    for (guint m = RC_MASSAGE_PRE_EVENT; m < RC_N_MASSAGES; m++)
      gtk_string_list_append (kinds, rc_massage_label (m));
  else
    for (guint k = 0; k < N_SESSION_KINDS; k++)
      gtk_string_list_append (kinds, rc_kind_label (k));

  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row),
                                 massage ? _("Massage") : _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->kind_row));

  self->time_row = add_entry_row (self, _("Time (HH:MM, empty for none)"), G_CALLBACK (on_time_apply));
  g_signal_connect (self->time_row, "changed", G_CALLBACK (on_time_changed), self);
  add_spin_row (self, _("Minutes"), _("0 for none"), 1440, &self->minutes);
  if (!massage)
    add_spin_row (self, _("Effort (RPE)"), _("1 easy to 10 maximal; 0 for none"), 10, &self->rpe);
  if (!massage)
    build_status_editors (self);
  self->title_row = add_entry_row (self, _("Title"), G_CALLBACK (on_text_apply));
  self->notes_row = add_entry_row (self, _("Notes"), G_CALLBACK (on_text_apply));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->error_label));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), build_actions (self));
}

static char *
describe_subtitle (const RcEntry *entry)
{
  GString *s = g_string_new (NULL);

  /* The kind, unless the title already says it. */
  if (g_strcmp0 (rc_entry_display_name (entry), rc_entry_kind_name (entry)) != 0)
    g_string_append (s, rc_entry_kind_name (entry));

  if (entry->time != RC_NONE)
    {
      g_autofree char *time = rc_time_to_string (entry->time);

      g_string_append_printf (s, "%s%s", s->len > 0 ? " · " : "", time);
    }
  if (entry->minutes > 0)
    {
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append_printf (s, _("%d min"), entry->minutes);
    }
  if (entry->rpe > 0)
    g_string_append_printf (s, "%s%s %d", s->len > 0 ? " · " : "", _("RPE"), entry->rpe);
  if (entry->status != RC_STATUS_PLANNED)
    g_string_append_printf (s, "%s%s", s->len > 0 ? " · " : "", rc_status_label (entry->status));
  else if (rc_entry_is_unconfirmed (entry, rc_day_today ()))
    /* Translators: in a past session's summary line: neither marked done nor skipped */
    g_string_append_printf (s, "%s%s", s->len > 0 ? " · " : "", _("not confirmed"));
  return g_string_free (s, FALSE);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

void
rc_entry_row_set_entry (RcEntryRow    *self,
                        const RcEntry *entry)
{
  g_autofree char *time = entry->time != RC_NONE ? rc_time_to_string (entry->time) : NULL;
  g_autofree char *subtitle = describe_subtitle (entry);

  g_return_if_fail (RC_IS_ENTRY_ROW (self));

  if (self->entry != entry)
    {
      RcEntry *copy = rc_entry_copy (entry);

      g_clear_pointer (&self->entry, rc_entry_free);
      self->entry = copy;
      /* construct-only, yet readable: who reads it must learn of the change */
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
    }
  self->updating = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), rc_entry_display_name (entry));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (self), rc_kind_icon_name (entry->kind));
  adw_combo_row_set_selected (self->kind_row, entry->kind == RC_KIND_MASSAGE
                                              ? (guint) entry->massage - 1 : (guint) entry->kind);
  set_text (self->time_row, time);
  gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "error");
  gtk_spin_button_set_value (self->minutes, entry->minutes > 0 ? entry->minutes : 0);
  if (self->rpe != NULL)
    gtk_spin_button_set_value (self->rpe, entry->rpe > 0 ? entry->rpe : 0);
  set_text (self->title_row, entry->title);
  set_text (self->notes_row, entry->notes);
  show_status (self, entry);
  self->updating = FALSE;
}

static void
rc_entry_row_dispose (GObject *object)
{
  RcEntryRow *self = RC_ENTRY_ROW (object);

  g_clear_object (&self->model);
  G_OBJECT_CLASS (rc_entry_row_parent_class)->dispose (object);
}

static void
rc_entry_row_finalize (GObject *object)
{
  RcEntryRow *self = RC_ENTRY_ROW (object);

  g_clear_pointer (&self->entry, rc_entry_free);
  G_OBJECT_CLASS (rc_entry_row_parent_class)->finalize (object);
}

static void
rc_entry_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RcEntryRow *self = RC_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_ENTRY:
      g_value_set_boxed (value, self->entry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Both construct-only: a row edits one entry of one model. */
static void
rc_entry_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RcEntryRow *self = RC_ENTRY_ROW (object);

  if (prop_id == PROP_MODEL)
    self->model = g_value_dup_object (value);
  else if (prop_id == PROP_ENTRY)
    self->entry = g_value_dup_boxed (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rc_entry_row_constructed (GObject *object)
{
  RcEntryRow *self = RC_ENTRY_ROW (object);

  G_OBJECT_CLASS (rc_entry_row_parent_class)->constructed (object);
  g_return_if_fail (self->model != NULL && self->entry != NULL);
  build_editors (self);
  rc_entry_row_set_entry (self, self->entry);
}

static void
rc_entry_row_class_init (RcEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rc_entry_row_dispose;
  object_class->finalize = rc_entry_row_finalize;
  object_class->get_property = rc_entry_row_get_property;
  object_class->set_property = rc_entry_row_set_property;
  object_class->constructed = rc_entry_row_constructed;

  properties[PROP_MODEL] = rc_model_property_new ();
  properties[PROP_ENTRY] =
    g_param_spec_boxed ("entry", NULL, NULL, RC_TYPE_ENTRY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rc_entry_row_init (RcEntryRow *self)
{
}

GtkWidget *
rc_entry_row_new (RcCalendarModel *model,
                  const RcEntry   *entry)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (model), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  return g_object_new (RC_TYPE_ENTRY_ROW, "model", model, "entry", entry, NULL);
}

gint64
rc_entry_row_get_id (RcEntryRow *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_ROW (self), 0);
  return self->entry->id;
}

AdwEntryRow *
rc_entry_row_get_time_row (RcEntryRow *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_ROW (self), NULL);

  return self->time_row;
}

AdwEntryRow *
rc_entry_row_get_title_row (RcEntryRow *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_ROW (self), NULL);

  return self->title_row;
}

GtkSpinButton *
rc_entry_row_get_minutes (RcEntryRow *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_ROW (self), NULL);

  return self->minutes;
}

GtkSpinButton *
rc_entry_row_get_rpe (RcEntryRow *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_ROW (self), NULL);

  return self->rpe;
}

GtkToggleButton *
rc_entry_row_get_done_button (RcEntryRow *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_ROW (self), NULL);

  return self->done_button;
}

GtkToggleButton *
rc_entry_row_get_skip_button (RcEntryRow *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_ROW (self), NULL);

  return self->skip_button;
}

GtkSpinButton *
rc_entry_row_get_done_minutes (RcEntryRow *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_ROW (self), NULL);

  return self->done_minutes;
}

GtkSpinButton *
rc_entry_row_get_done_rpe (RcEntryRow *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_ROW (self), NULL);

  return self->done_rpe;
}

const char *
rc_entry_row_get_error (RcEntryRow *self)
{
  g_return_val_if_fail (RC_IS_ENTRY_ROW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
