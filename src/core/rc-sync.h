/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-sync.h - one two-way sync of the store with its CalDAV calendar
 * (sync.md): server changes down first, then pending local changes up. */

#pragma once

#include "rc-caldav.h"
#include "rc-store-sync.h"

G_BEGIN_DECLS

typedef struct {
  guint up_added, up_changed, up_deleted;
  guint down_added, down_changed, down_deleted;
  guint conflicts;
  guint requests;
  guint windows_written, windows_removed;   /* the massage windows calendar's events */
} RcSyncStats;

/* Runs one sync of STORE's account through CLIENT, then, when the account
 * has one, writes the massage windows calendar (rc_sync_windows). On error
 * what was already done stays done (each step is its own transaction), and
 * every change not yet confirmed by the server is still pending. */
gboolean rc_sync_run          (RcStore       *store,
                               RcCaldav      *client,
                               RcSyncStats   *stats,
                               GCancellable  *cancellable,
                               GError       **error);

/* Makes the massage windows CALENDAR hold the plan's ideal days (one-way:
 * nothing there is read back); counts into STATS' windows_*. */
gboolean rc_sync_windows      (RcStore       *store,
                               RcCaldav      *client,
                               const char    *calendar,
                               RcSyncStats   *stats,
                               GCancellable  *cancellable,
                               GError       **error);

/* ENTRY as the VCALENDAR text to upload: STORED (the last-synced text, or
 * NULL) patched so that properties and components we do not model stay as
 * they were, byte for byte where libical allows. */
char    *rc_sync_patch_event  (const RcEntry *entry,
                               const char    *stored);

/* The single entry of a calendar resource's text ICS (HREF names it in
 * messages), or NULL: without an error when it is an event we leave alone
 * (recurring ones, other components), with one when the text is not
 * iCalendar at all. Newly allocated. */
RcEntry *rc_sync_remote_entry (const char    *ics,
                               const char    *href,
                               GError       **error);

/* "Use mine": the local values of ENTRY_ID's conflicts put back and the
 * conflicts forgotten; the entry is pending, so the next sync uploads it. */
gboolean rc_sync_use_mine     (RcStore       *store,
                               gint64         entry_id,
                               GError       **error);

/* The local value of CONFLICT put back into ENTRY: "Use mine" for one
 * field, for a caller that saves ENTRY itself (the window, undoably). */
void     rc_sync_conflict_take_mine (const RcSyncConflict *conflict,
                                     RcEntry              *entry);
/* What a conflict's field and values are called for the user, translated:
 * "Kind", and "Tempo run" for the "tempo" the sync recorded. */
const char *rc_sync_field_label     (const char           *field);
char       *rc_sync_field_value_label (const char         *field,
                                       const char         *value);

G_END_DECLS
