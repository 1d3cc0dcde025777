/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-day-panel.h - the side pane: a day's massage advice, its reasons and entries. */

#pragma once

#include <adwaita.h>

#include "rc-calendar-model.h"
#include "rc-entry-row.h"

G_BEGIN_DECLS

#define RC_TYPE_DAY_PANEL (rc_day_panel_get_type ())
G_DECLARE_FINAL_TYPE (RcDayPanel, rc_day_panel, RC, DAY_PANEL, AdwBin)

/* Built with g_object_new (RC_TYPE_DAY_PANEL, "model", model, NULL). */
void        rc_day_panel_set_day     (RcDayPanel *self,
                                      RcDay       day);
RcDay       rc_day_panel_get_day     (RcDayPanel *self);
/* Expands the row of entry ID and focuses it. */
void        rc_day_panel_show_entry  (RcDayPanel *self,
                                      gint64      id);
RcEntryRow *rc_day_panel_get_row     (RcDayPanel *self,
                                      gint64      id);
/* The reason sentences as shown, NULL-terminated: for tests. */
/* The reasons shown: the deciding ones, then those "Also considered". */
char      **rc_day_panel_dup_reasons (RcDayPanel *self);
/* Only those under "Also considered" (empty when it is hidden). */
char      **rc_day_panel_dup_considered (RcDayPanel *self);
GtkExpander *rc_day_panel_get_considered_expander (RcDayPanel *self);
/* The line under the verdict: rc_advice_summary (). */
const char *rc_day_panel_get_summary (RcDayPanel *self);
gboolean    rc_day_panel_shows_due (RcDayPanel *self);
GtkButton  *rc_day_panel_get_book_button (RcDayPanel *self);
/* The verdict banner as shown, for tests: its verdict's class ("ideal"),
 * or NULL while it is hidden; its word ("Ideal") and icon; whether it
 * carries the best-day badge. */
const char *rc_day_panel_get_verdict (RcDayPanel *self);
const char *rc_day_panel_get_verdict_label (RcDayPanel *self);
const char *rc_day_panel_get_verdict_icon (RcDayPanel *self);
gboolean    rc_day_panel_shows_best (RcDayPanel *self);

/* The day's training load under the advice (rc-day-load.h). */
typedef struct _RcDayLoad RcDayLoad;
RcDayLoad  *rc_day_panel_get_load (RcDayPanel *self);

G_END_DECLS
