/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-activity-plan.h - where an activity lands in the plan (load.md,
 * import-activity): a pure decision over the activity and its day's entries. */

#pragma once

#include "rc-activity.h"

G_BEGIN_DECLS

typedef enum {
  RC_ACTIVITY_ADD,     /* a new done session */
  RC_ACTIVITY_MATCH,   /* a planned session of the same family marked done */
  RC_ACTIVITY_SKIP,    /* imported before: nothing changes */
} RcActivityAction;

typedef struct {
  RcActivityAction action;
  RcKind   kind;        /* the activity's own kind */
  RcDay    day;         /* local date of its start */
  RcEntry *entry;       /* ADD: the entry to add; MATCH: the matched entry as
                         * it becomes; SKIP: NULL */
  guint    index;       /* MATCH: which of the day's entries */
} RcActivityDecision;

void     rc_activity_decision_clear (RcActivityDecision *decision);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RcActivityDecision, rc_activity_decision_clear)

/* Running becomes easy, or the running kind the name's words say (as the
 * .ics import reads summaries), or long at 90 minutes or more; anything
 * else is cross. Without a sport, the name's words decide the family. */
RcKind   rc_activity_kind           (const RcActivity *activity);

/* TRUE for the kinds an activity of KIND can mark done: the running kinds
 * together, cross alone. */
gboolean rc_activity_same_family    (RcKind a,
                                     RcKind b);

/* ENTRY done with ACTIVITY's minutes (the plan's rpe counts), remembering
 * the activity (RcEntry.activity). */
void     rc_activity_mark_done      (RcEntry          *entry,
                                     const RcActivity *activity);

/* The decision for ACTIVITY, whose local day's entries are DAY_ENTRIES (as
 * rc_store_list orders them). It is SKIP when an entry has the activity's
 * uid or remembers the activity, or when IMPORTED_UID (the uid of the entry
 * that remembers it, wherever it is now; NULL if none) is set. Else MATCH
 * the first planned (not done, not skipped) session of the same kind, else
 * of the same family, and the entry is that session marked done; else ADD
 * a done session. */
void     rc_activity_decide         (const RcActivity    *activity,
                                     const RcEntry * const *day_entries,
                                     guint                n_entries,
                                     const char          *imported_uid,
                                     RcActivityDecision  *decision);

G_END_DECLS
