/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-day-grid.h - rows of seven day cells fed by the calendar model. */

#pragma once

#include <adwaita.h>

#include "rc-calendar-model.h"
#include "rc-day-cell.h"

G_BEGIN_DECLS

#define RC_TYPE_DAY_GRID (rc_day_grid_get_type ())
G_DECLARE_FINAL_TYPE (RcDayGrid, rc_day_grid, RC, DAY_GRID, GtkWidget)

void       rc_day_grid_set_model    (RcDayGrid       *self,
                                     RcCalendarModel *model);
/* Shows rows x 7 days from FIRST; days outside IN_FIRST..IN_LAST are dimmed. */
void       rc_day_grid_set_days     (RcDayGrid *self,
                                     RcDay      first,
                                     RcDay      in_first,
                                     RcDay      in_last);
RcDay      rc_day_grid_get_first    (RcDayGrid *self);
RcDay      rc_day_grid_get_last     (RcDayGrid *self);
RcDayCell *rc_day_grid_get_cell     (RcDayGrid *self,
                                     RcDay      day);
gboolean   rc_day_grid_focus_day    (RcDayGrid *self,
                                     RcDay      day);
/* The day of the focused cell, or RC_DAY_INVALID. */
RcDay      rc_day_grid_get_focus_day (RcDayGrid *self);
/* The focused day, else the last one focused while it is still shown. */
RcDay      rc_day_grid_get_last_focus_day (RcDayGrid *self);
/* Marks DAY (outlined) as the one the keyboard and the palette act on. */
void       rc_day_grid_set_current  (RcDayGrid *self,
                                     RcDay      day);
void       rc_day_grid_set_selected (RcDayGrid *self,
                                     RcDay      day);

GtkButton *rc_day_grid_get_next_ideal_button (RcDayGrid *self);
const char *rc_day_grid_get_week_note (RcDayGrid *self);

G_END_DECLS
