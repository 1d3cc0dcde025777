/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-preferences-window.c - the plan's settings (in the store) and the style (GSettings). */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-a11y.h"
#include "rc-model-property.h"
#include "rc-preferences-window.h"
#include "rc-sync-page.h"

struct _RcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  RcCalendarModel      *model;
  GSettings            *settings;
  GtkSpinButton        *minutes[RC_N_KINDS];  /* NULL for rest: it has no length */
  gboolean              loading;              /* showing the store, not changing it */

  GtkCheckButton       *profile_fast;
  GtkCheckButton       *profile_typical;
  GtkCheckButton       *profile_slow;
  AdwComboRow          *week_start_row;
  AdwComboRow          *style_row;
  AdwPreferencesGroup  *minutes_group;
};

G_DEFINE_FINAL_TYPE (RcPreferencesWindow, rc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The week-start row's positions are RcWeekStart's values;
 * the style row's positions are the GSettings enum's nicks. */
static const char *styles[] = { "follow", "light", "dark" };

static GtkCheckButton *
profile_button (RcPreferencesWindow *self,
                RcProfile            profile)
{
  GtkCheckButton *buttons[] = { self->profile_fast, self->profile_typical, self->profile_slow };

  G_STATIC_ASSERT (G_N_ELEMENTS (buttons) == RC_N_PROFILES);
  return buttons[profile];
}

/* Saves one setting and lets the calendar follow; a refusal is shown here. */
static void
save (RcPreferencesWindow *self,
      const char          *key,
      const char          *value)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  /* through the model: it stores, notifies and re-advises in one place */
  if (!rc_calendar_model_set_setting (self->model, key, value, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
on_profile_toggled (GtkCheckButton      *button,
                    RcPreferencesWindow *self)
{
  for (RcProfile p = 0; p < RC_N_PROFILES; p++)
    if (button == profile_button (self, p) && gtk_check_button_get_active (button))
      save (self, RC_SETTING_PROFILE, rc_profile_to_string (p));
}

static void
on_week_start_selected (AdwComboRow         *row,
                        GParamSpec          *pspec,
                        RcPreferencesWindow *self)
{
  guint position = adw_combo_row_get_selected (row);

  if (position < RC_N_WEEK_STARTS)
    save (self, RC_SETTING_WEEK_START, rc_week_start_to_string (position));
}

static void
on_minutes_changed (GtkSpinButton       *spin,
                    RcPreferencesWindow *self)
{
  RcKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "rc-kind"));
  g_autofree char *key = rc_store_minutes_key (kind);
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));

  save (self, key, value);
}

static gboolean
style_to_position (GValue   *value,
                   GVariant *variant,
                   gpointer  data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_str_equal (nick, styles[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_style (const GValue       *value,
                   const GVariantType *type,
                   gpointer            data)
{
  guint position = g_value_get_uint (value);

  return position < G_N_ELEMENTS (styles) ? g_variant_new_string (styles[position]) : NULL;
}

/* "Monday" from the C library's own day names, as the views name them. */
static char *
weekday_name (GDateWeekday weekday)
{
  /* 2026-11-30 is a Monday */
  return rc_day_format (rc_day_from_ymd (2026, 11, 30) + weekday - G_DATE_MONDAY, "%A");
}

static void
build_week_start_row (RcPreferencesWindow *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GDateWeekday days[] = { G_DATE_MONDAY, G_DATE_SATURDAY, G_DATE_SUNDAY };
  g_autofree char *regional_day = weekday_name (rc_day_locale_week_start ());
  /* Translators: the week start of the user's region, e.g. "Default (Monday)" */
  g_autofree char *regional = g_strdup_printf (_("Default (%s)"), regional_day);

  gtk_string_list_append (list, regional);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *name = weekday_name (days[i]);

      gtk_string_list_append (list, name);
    }
  adw_combo_row_set_model (self->week_start_row, G_LIST_MODEL (list));
}

static void
add_minutes_row (RcPreferencesWindow *self,
                 RcKind               kind)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (rc_kind_icon_name (kind));
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 1440, 5);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rc_kind_label (kind));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  g_object_set_data (G_OBJECT (spin), "rc-kind", GUINT_TO_POINTER (kind));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (self->minutes_group, row);
  self->minutes[kind] = GTK_SPIN_BUTTON (spin);
}

/* Shows what the store holds; nothing is written back while doing so. */
static void
load (RcPreferencesWindow *self)
{
  RcStore *store = rc_calendar_model_get_store (self->model);
  g_autofree char *week_start = rc_store_get_setting (store, RC_SETTING_WEEK_START, NULL);
  RcWeekStart position = RC_WEEK_START_LOCALE;

  rc_week_start_from_string (week_start, &position);
  self->loading = TRUE;
  if (adw_combo_row_get_selected (self->week_start_row) != position)
    adw_combo_row_set_selected (self->week_start_row, position);
  for (RcKind k = 0; k < RC_N_KINDS; k++)
    if (self->minutes[k] != NULL &&
        gtk_spin_button_get_value_as_int (self->minutes[k]) != rc_store_get_default_minutes (store, k))
      gtk_spin_button_set_value (self->minutes[k], rc_store_get_default_minutes (store, k));
  self->loading = FALSE;
}

/* The model's profile, whoever changed it (this window, the CLI). */
static void
show_profile (RcPreferencesWindow *self)
{
  self->loading = TRUE;
  gtk_check_button_set_active (profile_button (self, rc_calendar_model_get_profile (self->model)), TRUE);
  self->loading = FALSE;
}

static void
rc_preferences_window_dispose (GObject *object)
{
  RcPreferencesWindow *self = RC_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), RC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->model);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rc_preferences_window_parent_class)->dispose (object);
}

static void connect_rows (RcPreferencesWindow *self);

static void
rc_preferences_window_constructed (GObject *object)
{
  RcPreferencesWindow *self = RC_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (rc_preferences_window_parent_class)->constructed (object);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (rc_sync_page_new (self->model)));
  show_profile (self);
  load (self);
  connect_rows (self);
  g_signal_connect_object (self->model, "notify::profile", G_CALLBACK (show_profile), self, G_CONNECT_SWAPPED);
  /* The CLI may change a setting on the same file while this is open. */
  g_signal_connect_object (self->model, "changed", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
}

static void
rc_preferences_window_class_init (RcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_preferences_window_dispose;
  object_class->constructed = rc_preferences_window_constructed;

  rc_model_property_install (object_class, G_STRUCT_OFFSET (RcPreferencesWindow, model));

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RcPreferencesWindow, profile_fast);
  gtk_widget_class_bind_template_child (widget_class, RcPreferencesWindow, profile_typical);
  gtk_widget_class_bind_template_child (widget_class, RcPreferencesWindow, profile_slow);
  gtk_widget_class_bind_template_child (widget_class, RcPreferencesWindow, week_start_row);
  gtk_widget_class_bind_template_child (widget_class, RcPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, RcPreferencesWindow, minutes_group);
}

static void
rc_preferences_window_init (RcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_week_start_row (self);
  for (RcKind k = 0; k < RC_N_KINDS; k++)
    if (rc_kind_default_minutes (k) != RC_NONE)
      add_minutes_row (self, k);
  rc_a11y_clean_buttons (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "style", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_to_position, position_to_style,
                                NULL, NULL);
}

static void
connect_rows (RcPreferencesWindow *self)
{
  for (RcProfile p = 0; p < RC_N_PROFILES; p++)
    g_signal_connect (profile_button (self, p), "toggled", G_CALLBACK (on_profile_toggled), self);
  g_signal_connect (self->week_start_row, "notify::selected", G_CALLBACK (on_week_start_selected), self);
  for (RcKind k = 0; k < RC_N_KINDS; k++)
    if (self->minutes[k] != NULL)
      g_signal_connect (self->minutes[k], "value-changed", G_CALLBACK (on_minutes_changed), self);
}

RcPreferencesWindow *
rc_preferences_window_new (GtkWindow       *parent,
                           RcCalendarModel *model)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (model), NULL);

  return g_object_new (RC_TYPE_PREFERENCES_WINDOW,
                       "model", model,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

void
rc_preferences_window_select_profile (RcPreferencesWindow *self,
                                      RcProfile            profile)
{
  g_return_if_fail (RC_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (profile < RC_N_PROFILES);
  gtk_widget_activate (GTK_WIDGET (profile_button (self, profile)));
}

void
rc_preferences_window_select_week_start (RcPreferencesWindow *self,
                                         guint                position)
{
  g_return_if_fail (RC_IS_PREFERENCES_WINDOW (self));
  adw_combo_row_set_selected (self->week_start_row, position);
}

void
rc_preferences_window_set_minutes (RcPreferencesWindow *self,
                                   RcKind               kind,
                                   int                  minutes)
{
  g_return_if_fail (RC_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (kind < RC_N_KINDS && self->minutes[kind] != NULL);
  gtk_spin_button_set_value (self->minutes[kind], minutes);
}

void
rc_preferences_window_select_style (RcPreferencesWindow *self,
                                    guint                position)
{
  g_return_if_fail (RC_IS_PREFERENCES_WINDOW (self));
  adw_combo_row_set_selected (self->style_row, position);
}

/* The one line under a profile's name: for tests. */
const char *
rc_preferences_window_get_profile_subtitle (RcPreferencesWindow *self,
                                            RcProfile            profile)
{
  GtkWidget *row;

  g_return_val_if_fail (RC_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (profile < RC_N_PROFILES, NULL);

  row = gtk_widget_get_ancestor (GTK_WIDGET (profile_button (self, profile)), ADW_TYPE_ACTION_ROW);
  return row != NULL ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
}
