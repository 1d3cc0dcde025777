/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-day-cell.h - one day: date, verdict (tint, icon, word), entries; a drop target. */

#pragma once

#include <adwaita.h>

#include "rc-calendar-model.h"

G_BEGIN_DECLS

#define RC_TYPE_DAY_CELL (rc_day_cell_get_type ())
G_DECLARE_FINAL_TYPE (RcDayCell, rc_day_cell, RC, DAY_CELL, GtkWidget)

GtkWidget     *rc_day_cell_new              (RcCalendarModel *model,
                                             gboolean         compact);
/* DIM: a neighbouring month's day in the month view. Reads the model. */
void           rc_day_cell_set_day          (RcDayCell *self,
                                             RcDay      day,
                                             gboolean   dim);
/* The width the cell needs to show its words whole, in its fonts now: its
 * date with the month, its best badge's word, and WITH_VERDICTS the
 * widest verdict word beside its icon. */
int            rc_day_cell_get_words_width  (RcDayCell *self,
                                             gboolean   with_verdicts);
/* Icons for the verdict and the best badge, the date as a number: for
 * cells too narrow for their words. */
void           rc_day_cell_set_narrow       (RcDayCell *self,
                                             gboolean   narrow);
/* A month cell shows the chips it has room for at its size, and "+N
 * more" for the rest. The chips' and that line's heights, where the cell
 * shows them (the others are left as they are, 0 for none yet); then with
 * APPLY fit_chips () shows what fits, and returns whether that differs
 * from what it showed. */
void           rc_day_cell_get_line_heights (RcDayCell *self,
                                             int       *chip_height,
                                             int       *more_height);
gboolean       rc_day_cell_fit_chips        (RcDayCell *self,
                                             int        chip_height,
                                             int        more_height,
                                             gboolean   apply);
RcDay          rc_day_cell_get_day          (RcDayCell *self);
void           rc_day_cell_update           (RcDayCell *self);
void           rc_day_cell_set_selected     (RcDayCell *self,
                                             gboolean   selected);
/* The accessible label, as set: for tests. */
const char    *rc_day_cell_get_label        (RcDayCell *self);
GtkDropTarget *rc_day_cell_get_drop_target  (RcDayCell *self);
/* What the cell shows, for tests: the verdict's icon name, the best badge. */
const char    *rc_day_cell_get_verdict_icon (RcDayCell *self);
gboolean       rc_day_cell_shows_best       (RcDayCell *self);
/* The chip of entry ID, or NULL. */
GtkWidget     *rc_day_cell_get_chip         (RcDayCell *self,
                                             gint64     id);
/* What a drop of PAYLOAD (an RC_DND_* string) does on this day. A massage
 * on a day that advises against it asks first (rc_booking_confirm ()):
 * TRUE then means the drop was taken, the booking waits for the answer. */
gboolean       rc_day_cell_drop             (RcDayCell   *self,
                                             const char  *payload,
                                             gboolean     copy,
                                             GError     **error);
/* The full date, "Saturday 12 December 2026": newly allocated. */
char          *rc_day_format_full           (RcDay day);

G_END_DECLS
