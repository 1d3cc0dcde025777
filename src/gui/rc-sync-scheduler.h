/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-sync-scheduler.h - when the window syncs (sync.md): a few seconds after
 * a local change, every 15 minutes, at start-up and when the network comes
 * back. Each sync runs in a worker thread on a store connection of its own,
 * so the main loop never waits for the network or for the sync's writes.
 * GIO only. */

#pragma once

#include <gio/gio.h>

#include "rc-store.h"
#include "rc-sync.h"

G_BEGIN_DECLS

typedef enum {
  RC_SYNC_STATE_NONE,      /* no account */
  RC_SYNC_STATE_IDLE,      /* synced (or not yet tried) */
  RC_SYNC_STATE_SYNCING,
  RC_SYNC_STATE_OFFLINE,   /* no network: changes wait */
  RC_SYNC_STATE_ERROR,
} RcSyncState;

#define RC_SYNC_SCHEDULER_DEBOUNCE_MS 3000
#define RC_SYNC_SCHEDULER_PERIOD_S    (15 * 60)

#define RC_TYPE_SYNC_SCHEDULER (rc_sync_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (RcSyncScheduler, rc_sync_scheduler, RC, SYNC_SCHEDULER, GObject)

/* The one scheduler of STORE (made on first use, gone with the store).
 * Construct properties: "store" and "period-ms"; one made with g_object_new
 * belongs to its store too, and is the one for_store returns. */
RcSyncScheduler *rc_sync_scheduler_for_store   (RcStore          *store);
/* Start-up: a first sync, the timer and the network watch. */
void             rc_sync_scheduler_start       (RcSyncScheduler  *self);
/* A sync now (after the running one, when one runs). */
void             rc_sync_scheduler_sync_now    (RcSyncScheduler  *self);
/* A local change: a sync after the debounce delay, if anything is pending. */
void             rc_sync_scheduler_changed     (RcSyncScheduler  *self);
/* When the sync after the last change is due (monotonic µs), 0 when none
 * waits: each change postpones it. */
gint64           rc_sync_scheduler_get_due     (RcSyncScheduler  *self);
/* The account was saved or removed: re-read it and sync. */
void             rc_sync_scheduler_account_changed (RcSyncScheduler *self);
void             rc_sync_scheduler_set_debounce (RcSyncScheduler *self,
                                                 guint            ms);

RcSyncState      rc_sync_scheduler_get_state   (RcSyncScheduler  *self);
/* When the last sync completed (NULL: never in this run). */
GDateTime       *rc_sync_scheduler_get_last_sync (RcSyncScheduler *self);
/* What went wrong, in words for the runner (ERROR state), else NULL. */
const char      *rc_sync_scheduler_get_error   (RcSyncScheduler  *self);
/* The last error itself (domain and code), else NULL. */
const GError    *rc_sync_scheduler_get_gerror  (RcSyncScheduler  *self);

/* The words for a sync or connection error. */
char            *rc_sync_scheduler_describe_error (const GError  *error);

G_END_DECLS
