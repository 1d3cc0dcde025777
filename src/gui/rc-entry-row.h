/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-entry-row.h - one entry in the day panel, editable in place. */

#pragma once

#include <adwaita.h>

#include "rc-calendar-model.h"

G_BEGIN_DECLS

#define RC_TYPE_ENTRY_ROW (rc_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (RcEntryRow, rc_entry_row, RC, ENTRY_ROW, AdwExpanderRow)

GtkWidget *rc_entry_row_new        (RcCalendarModel *model,
                                    const RcEntry   *entry);
gint64     rc_entry_row_get_id     (RcEntryRow *self);
/* Shows ENTRY's values without writing them back. */
void       rc_entry_row_set_entry  (RcEntryRow    *self,
                                    const RcEntry *entry);
/* The in-place editors, for keyboard users and tests. */
AdwEntryRow *rc_entry_row_get_time_row  (RcEntryRow *self);
AdwEntryRow *rc_entry_row_get_title_row (RcEntryRow *self);
GtkSpinButton *rc_entry_row_get_minutes (RcEntryRow *self);
GtkSpinButton *rc_entry_row_get_rpe     (RcEntryRow *self);
/* Done and Skipped in the row's header, the actual minutes and RPE
 * inside (shown once done); NULL on a massage. */
GtkToggleButton *rc_entry_row_get_done_button  (RcEntryRow *self);
GtkToggleButton *rc_entry_row_get_skip_button  (RcEntryRow *self);
GtkSpinButton   *rc_entry_row_get_done_minutes (RcEntryRow *self);
GtkSpinButton   *rc_entry_row_get_done_rpe     (RcEntryRow *self);
/* The visible hint of the last refused value, or NULL. */
const char *rc_entry_row_get_error (RcEntryRow *self);

G_END_DECLS
