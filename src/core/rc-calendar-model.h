/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-calendar-model.h - the visible range: its entries, their advice, and edits. */

#pragma once

#include <gio/gio.h>

#include "rc-rules.h"
#include "rc-store.h"
#include "rc-undo-stack.h"

G_BEGIN_DECLS

#define RC_TYPE_CALENDAR_MODEL (rc_calendar_model_get_type ())
G_DECLARE_FINAL_TYPE (RcCalendarModel, rc_calendar_model, RC, CALENDAR_MODEL, GObject)

RcCalendarModel *rc_calendar_model_new            (RcStore *store);
RcStore         *rc_calendar_model_get_store      (RcCalendarModel *self);
RcUndoStack     *rc_calendar_model_get_undo_stack (RcCalendarModel *self);

/* The days the views show, FIRST..LAST inclusive; emits "changed". */
void             rc_calendar_model_set_range      (RcCalendarModel *self,
                                                   RcDay            first,
                                                   RcDay            last);
/* Keeps DAY's advice and entries at hand wherever the range goes: the day
 * the panel shows and books, whose verdict must not depend on what the
 * grid shows. get_advice (), get_entries () and lookup () answer for it as
 * for the range, re-read with it. RC_DAY_INVALID keeps none. Emits nothing;
 * what they gave for the day kept before is invalid after. */
void             rc_calendar_model_keep_day       (RcCalendarModel *self,
                                                   RcDay            day);
RcDay            rc_calendar_model_get_kept_day   (RcCalendarModel *self);
RcDay            rc_calendar_model_get_first      (RcCalendarModel *self);
RcDay            rc_calendar_model_get_last       (RcCalendarModel *self);
GDateWeekday     rc_calendar_model_get_week_start (RcCalendarModel *self);
RcProfile        rc_calendar_model_get_profile    (RcCalendarModel *self);
/* FALSE while the whole store holds no entry. */
gboolean         rc_calendar_model_has_entries    (RcCalendarModel *self);

/* NULL outside the range, but for the kept day. Valid until the next
 * "changed" (or keep_day ()). */
const RcAdvice  *rc_calendar_model_get_advice     (RcCalendarModel *self,
                                                   RcDay            day);
/* The entries of DAY in the store's order; *N_ENTRIES set. Those of the
 * range, of the days its advice reads and of the kept day. Valid until the
 * next "changed" (or keep_day ()). */
const RcEntry * const *rc_calendar_model_get_entries (RcCalendarModel *self,
                                                      RcDay            day,
                                                      guint           *n_entries);
/* Whether all seven days of DAY's week (from the plan's week start) are
 * forbidden; FALSE when some of them are outside the range. */
gboolean         rc_calendar_model_week_is_forbidden (RcCalendarModel *self,
                                                      RcDay            day);
/* The first ideal day within RC_RULES_NEXT_IDEAL_DAYS after the last day of
 * DAY's week (rules-spec.md: what a week whose days are all forbidden
 * names), or RC_DAY_INVALID: none, or that week ends outside the range. */
RcDay            rc_calendar_model_next_ideal_day (RcCalendarModel *self,
                                                   RcDay            day);
const RcEntry   *rc_calendar_model_lookup         (RcCalendarModel *self,
                                                   gint64           id);

/* Writes a plan setting (RC_SETTING_* keys of rc-store.h) through the store,
 * then notifies "profile"/"week-start" and re-advises: the one way the window
 * changes settings. */
gboolean         rc_calendar_model_set_setting    (RcCalendarModel *self,
                                                   const char      *key,
                                                   const char      *value,
                                                   GError         **error);

/* Re-reads the store when another connection (the CLI) changed it. */
void             rc_calendar_model_refresh        (RcCalendarModel *self);
/* While HOLD, changes of the store's file (another connection's writes) do
 * not refresh the model: a sync writes a hundred entries a transaction in
 * its worker, and re-reading and redrawing the week after each would cost
 * the window a frame each time. Releasing refreshes once, from an idle, if
 * the file changed meanwhile. rc_calendar_model_refresh() still works. */
void             rc_calendar_model_hold_refresh   (RcCalendarModel *self,
                                                   gboolean         hold);

/* Edits: saved at once, undoable, then "changed". On error nothing changed. */
/* A KIND of the plan's default minutes on DAY: the palette's tiles. A
 * massage is of the kind DAY's advice suggests (maintenance where none is). */
gint64           rc_calendar_model_add_kind       (RcCalendarModel *self,
                                                   RcKind           kind,
                                                   RcDay            day,
                                                   GError         **error);
/* The massage DAY's advice recommends, as the day panel says it: its kind
 * and the top of its minutes (45 of pre-event's 30-45). Where none is
 * recommended (a forbidden day, which then shows the conflict), a
 * maintenance massage of the plan's default minutes. */
gint64           rc_calendar_model_book_massage   (RcCalendarModel *self,
                                                   RcDay            day,
                                                   GError         **error);
gint64           rc_calendar_model_add            (RcCalendarModel *self,
                                                   const RcEntry   *entry,
                                                   GError         **error);
gboolean         rc_calendar_model_move           (RcCalendarModel *self,
                                                   gint64           id,
                                                   RcDay            day,
                                                   GError         **error);
gint64           rc_calendar_model_copy           (RcCalendarModel *self,
                                                   gint64           id,
                                                   RcDay            day,
                                                   GError         **error);
gboolean         rc_calendar_model_update         (RcCalendarModel *self,
                                                   const RcEntry   *entry,
                                                   GError         **error);
/* load.md: marks session ID planned, done or skipped, as one undoable edit.
 * For done, MINUTES and RPE are the actual values (RC_NONE: the planned
 * ones); for the others they must be RC_NONE. A massage takes no status
 * (RC_STORE_ERROR_INVALID). */
gboolean         rc_calendar_model_set_status     (RcCalendarModel *self,
                                                   gint64           id,
                                                   RcStatus         status,
                                                   int              minutes,
                                                   int              rpe,
                                                   GError         **error);
gboolean         rc_calendar_model_delete         (RcCalendarModel *self,
                                                   gint64           id,
                                                   GError         **error);
gboolean         rc_calendar_model_undo           (RcCalendarModel *self,
                                                   GError         **error);
gboolean         rc_calendar_model_redo           (RcCalendarModel *self,
                                                   GError         **error);

G_END_DECLS
