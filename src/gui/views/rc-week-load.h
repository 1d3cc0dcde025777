/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-week-load.h - a week's planned against done in its header (load.md). */

#pragma once

#include <adwaita.h>

#include "rc-calendar-model.h"

G_BEGIN_DECLS

#define RC_TYPE_WEEK_LOAD (rc_week_load_get_type ())
G_DECLARE_FINAL_TYPE (RcWeekLoad, rc_week_load, RC, WEEK_LOAD, AdwBin)

void        rc_week_load_set_model (RcWeekLoad      *self,
                                    RcCalendarModel *model);
/* The week starting on FIRST. */
void        rc_week_load_show_week (RcWeekLoad      *self,
                                    RcDay            first);
/* "310 of 345 minutes done · load 1150 of 1240 planned" */
const char *rc_week_load_get_text  (RcWeekLoad      *self);

G_END_DECLS
