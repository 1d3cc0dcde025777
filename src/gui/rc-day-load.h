/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-day-load.h - a day's ATL/CTL/TSB and ACWR band, as context under the advice. */

#pragma once

#include <adwaita.h>

#include "rc-calendar-model.h"

G_BEGIN_DECLS

#define RC_TYPE_DAY_LOAD (rc_day_load_get_type ())
G_DECLARE_FINAL_TYPE (RcDayLoad, rc_day_load, RC, DAY_LOAD, GtkWidget)

GtkWidget  *rc_day_load_new      (void);
/* Shows DAY's figures (the forecast series of load.md) from MODEL's store. */
void        rc_day_load_show_day (RcDayLoad       *self,
                                  RcCalendarModel *model,
                                  RcDay            day);
/* The two lines, joined by a newline, as shown. */
char       *rc_day_load_dup_text (RcDayLoad       *self);

G_END_DECLS
