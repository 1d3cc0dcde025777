/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-preferences-window.h - the plan's settings (in the store) and the style (GSettings). */

#pragma once

#include <adwaita.h>

#include "rc-calendar-model.h"

G_BEGIN_DECLS

#define RC_TYPE_PREFERENCES_WINDOW (rc_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RcPreferencesWindow, rc_preferences_window, RC, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Changes are saved in MODEL's store at once and the model refreshed, so the
 * calendar recolours (profile) or reorders (week start) while this is open. */
RcPreferencesWindow *rc_preferences_window_new (GtkWindow       *parent,
                                                RcCalendarModel *model);

/* For tests: what a user does with the rows. */
void rc_preferences_window_select_profile    (RcPreferencesWindow *self,
                                              RcProfile            profile);
/* 0 the locale's default, 1 Monday, 2 Saturday, 3 Sunday: the row's order. */
void rc_preferences_window_select_week_start (RcPreferencesWindow *self,
                                              guint                position);
/* 0 follow the system, 1 light, 2 dark. */
void rc_preferences_window_select_style      (RcPreferencesWindow *self,
                                              guint                position);
const char *rc_preferences_window_get_profile_subtitle (RcPreferencesWindow *self,
                                                        RcProfile            profile);
void rc_preferences_window_set_minutes       (RcPreferencesWindow *self,
                                              RcKind               kind,
                                              int                  minutes);

G_END_DECLS
