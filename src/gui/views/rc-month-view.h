/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-month-view.h - six compact weeks around a month. */

#pragma once

#include <adwaita.h>

#include "rc-day-grid.h"

G_BEGIN_DECLS

#define RC_TYPE_MONTH_VIEW (rc_month_view_get_type ())
G_DECLARE_FINAL_TYPE (RcMonthView, rc_month_view, RC, MONTH_VIEW, AdwBin)

RcDayGrid *rc_month_view_get_grid   (RcMonthView *self);
/* The first day the grid shows for the month of DAY. */
RcDay      rc_month_view_grid_start (RcDay        day,
                                     GDateWeekday week_start);
void       rc_month_view_show_month (RcMonthView  *self,
                                     RcDay         day,
                                     GDateWeekday  week_start);

G_END_DECLS
