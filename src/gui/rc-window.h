/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-window.h - the main window: the training calendar. */

#pragma once

#include <adwaita.h>

#include "rc-application.h"
#include "rc-calendar-model.h"
#include "rc-day-panel.h"
#include "rc-load-view.h"
#include "rc-month-view.h"
#include "rc-palette.h"
#include "rc-week-view.h"

G_BEGIN_DECLS

#define RC_TYPE_WINDOW (rc_window_get_type ())
G_DECLARE_FINAL_TYPE (RcWindow, rc_window, RC, WINDOW, AdwApplicationWindow)

RcWindow        *rc_window_new            (RcApplication *app);
/* Shows the week (or month) of DAY. */
void             rc_window_go_to          (RcWindow *self,
                                           RcDay     day);
RcDay            rc_window_get_anchor     (RcWindow *self);
/* "week", "month" or "load": the settings key "view". */
void             rc_window_set_view       (RcWindow   *self,
                                           const char *view);
/* The grid on screen, and the days it shows. */
RcDayGrid       *rc_window_get_grid       (RcWindow *self);
const char      *rc_window_get_period_title (RcWindow *self);
RcCalendarModel *rc_window_get_model      (RcWindow *self);
RcDayPanel      *rc_window_get_panel      (RcWindow *self);
gboolean         rc_window_get_panel_open (RcWindow *self);
RcPalette       *rc_window_get_palette    (RcWindow *self);
void             rc_window_open_day       (RcWindow *self,
                                           RcDay     day);
/* The Load view, NULL until first shown. */
RcLoadView      *rc_window_get_load_view  (RcWindow *self);
/* Takes TOAST (floating): shown over the calendar. */
void             rc_window_add_toast      (RcWindow *self,
                                           AdwToast *toast);
/* Drops the caller's reference to a file chooser once GTK's pending idles
 * have run (rc-window.c says why): for its response handlers. */
void             rc_window_release_chooser (GtkNativeDialog *chooser);

G_END_DECLS
