/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-week-view.h - seven day columns: the training week. */

#pragma once

#include <adwaita.h>

#include "rc-day-grid.h"
#include "rc-week-load.h"

G_BEGIN_DECLS

#define RC_TYPE_WEEK_VIEW (rc_week_view_get_type ())
G_DECLARE_FINAL_TYPE (RcWeekView, rc_week_view, RC, WEEK_VIEW, AdwBin)

RcDayGrid *rc_week_view_get_grid  (RcWeekView *self);
/* FIRST: the first day of the week, in the user's week order. */
void       rc_week_view_show_week (RcWeekView *self,
                                   RcDay       first);

/* The week's planned against done, above its days. */
RcWeekLoad *rc_week_view_get_load (RcWeekView *self);

G_END_DECLS
