/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-ics-private.h - what rc-ics.c shares with rc-ics-export.c, rc-ics-scan.c and rc-ics-import.c. */

#pragma once

#include <libical/ical.h>

#include "rc-ics.h"

G_BEGIN_DECLS

/* Our own properties: an export of ours reads back field for field. */
#define X_KIND      "X-RECOVERYCAL-KIND"
#define X_MASSAGE   "X-RECOVERYCAL-MASSAGE"
#define X_RPE       "X-RECOVERYCAL-RPE"
#define X_MINUTES   "X-RECOVERYCAL-MINUTES"
#define X_TITLE     "X-RECOVERYCAL-TITLE"
#define X_NOTES     "X-RECOVERYCAL-NOTES"
#define X_WINDOW    "X-RECOVERYCAL-WINDOW"
/* load.md: a session's status, and a done one's actual minutes and RPE */
#define X_STATUS       "X-RECOVERYCAL-STATUS"
#define X_DONE_MINUTES "X-RECOVERYCAL-DONE-MINUTES"
#define X_DONE_RPE     "X-RECOVERYCAL-DONE-RPE"

/* Where each VEVENT begins, and its DTSTART as written, for skip reasons:
 * libical keeps no line numbers and rewrites values it half understands. */
typedef struct {
  guint  line;
  guint  start_line;
  char  *start_raw;
} EventLine;

/* The loops of an import, as a cancellation check names them. */
typedef enum {
  RC_ICS_STAGE_SCAN,     /* the raw lines, before libical */
  RC_ICS_STAGE_PARSE,    /* libical reading the lines */
  RC_ICS_STAGE_MAP,      /* each VEVENT to entries */
  RC_ICS_STAGE_EXPAND,   /* the occurrences of a recurring event */
  RC_ICS_STAGE_COMPARE,  /* the entries against the store's */
} RcIcsStage;

/* The loops look at their cancellable once every this many turns: a turn
 * costs about a microsecond, the check an atomic read. */
#define RC_ICS_CHECK_EVERY 256

/* Counts a turn of a loop in STAGE; every RC_ICS_CHECK_EVERY turns (and on
 * the first) TRUE with G_IO_ERROR_CANCELLED when CANCELLABLE (may be NULL)
 * has been cancelled. */
gboolean       rc_ics_check_cancelled  (RcIcsStage     stage,
                                        guint         *turns,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* For tests: HOOK runs at each check of a non-NULL cancellable, on the
 * importing thread, just before the cancellable is looked at, so that a
 * test can cancel from inside the work. NULL removes it. Set it while no
 * import runs. */
typedef void (*RcIcsCheckHook) (RcIcsStage    stage,
                                GCancellable *cancellable,
                                gpointer      data);
void           rc_ics_set_check_hook   (RcIcsCheckHook hook,
                                        gpointer       data);

/* Once before any libical call. */
void           rc_ics_init             (void);

/* The SUMMARY an export writes: an import of ours compares against it. */
char          *rc_ics_entry_summary    (const RcEntry *entry);

void           rc_ics_event_line_clear (gpointer       data);
/* DATA checked and parsed; EVENT_LINES (of EventLine) gets each VEVENT's lines. */
icalcomponent *rc_ics_parse_calendar   (const char    *data,
                                        gsize          length,
                                        const char    *name,
                                        GArray        *event_lines,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* Whether libical's iterator would search for RECUR in vain: a BYMONTHDAY
 * that no month of BYMONTH has (30 February). libical then steps to 2037
 * and beyond, seconds per rule, so it is never asked. */
gboolean       rc_ics_rule_never_occurs (const struct icalrecurrencetype *recur);

G_END_DECLS
