/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-store-sync.h - the CalDAV sync state in the store: the account (no
 * password), per-resource href/etag/last-synced VEVENT, pending local
 * operations and conflicts. Pending operations are recorded by triggers,
 * so they commit in the same transaction as the entry change itself. */

#pragma once

#include "rc-store.h"

G_BEGIN_DECLS

/* The schema step that adds the sync tables: the next version after v4
 * (the lead renumbers it when the branches meet). */
#define RC_STORE_SYNC_SCHEMA_VERSION 5

typedef struct {
  char   *url;               /* the account URL the user gave */
  char   *user;              /* NULL: no authentication */
  char   *calendar;          /* the training calendar, absolute URL */
  char   *windows_calendar;  /* NULL: none */
  char   *password_command;  /* NULL: the Secret Service */
  char   *sync_token;        /* NULL: none yet, or the server has none */
} RcSyncAccount;

typedef enum {
  RC_SYNC_OP_PUT,
  RC_SYNC_OP_DELETE,
} RcSyncOp;

typedef struct {
  char     *uid;
  RcSyncOp  op;
  gint64    seq;             /* changes with every local change of the uid */
} RcSyncPending;

typedef struct {
  char *uid;
  char *href;
  char *etag;
  char *ics;                 /* the VCALENDAR text last synced */
} RcSyncResource;

typedef struct {
  gint64  entry_id;
  char   *field;
  char   *server_value;
  char   *local_value;
} RcSyncConflict;

void            rc_sync_account_free   (RcSyncAccount  *account);
void            rc_sync_pending_free   (RcSyncPending  *pending);
void            rc_sync_resource_free  (RcSyncResource *resource);
void            rc_sync_conflict_free  (RcSyncConflict *conflict);

/* Saving an account (there is at most one) marks every entry pending, so
 * that the first sync uploads the plan. */
gboolean        rc_store_sync_set_account    (RcStore              *self,
                                              const RcSyncAccount  *account,
                                              GError              **error);
/* NULL without an error when there is no account. */
RcSyncAccount  *rc_store_sync_get_account    (RcStore              *self,
                                              GError              **error);
/* Forgets the account and every piece of sync state; entries stay. */
gboolean        rc_store_sync_remove_account (RcStore              *self,
                                              GError              **error);
gboolean        rc_store_sync_set_token      (RcStore              *self,
                                              const char           *token,
                                              GError              **error);

/* RcSyncPending*, oldest first. */
GPtrArray      *rc_store_sync_list_pending   (RcStore              *self,
                                              GError              **error);
/* Every RcSyncResource*, keyed by uid (the table owns them). */
GHashTable     *rc_store_sync_list_resources (RcStore              *self,
                                              GError              **error);

/* After a successful PUT or DELETE of PENDING: the resource's new state
 * (RESOURCE NULL: gone; else kept under its own uid, which for an
 * occurrence of a recurring event is the series' one), and the pending mark cleared unless the entry
 * changed again meanwhile (its seq moved). One transaction. */
gboolean        rc_store_sync_done_local     (RcStore              *self,
                                              const RcSyncPending  *pending,
                                              const RcSyncResource *resource,
                                              GError              **error);
/* A server change: ENTRY (NULL: the resource is gone) written by uid
 * together with RESOURCE (NULL when gone) in one transaction, without
 * marking anything pending. */
gboolean        rc_store_sync_apply_remote   (RcStore              *self,
                                              const char           *uid,
                                              RcEntry              *entry,
                                              const RcSyncResource *resource,
                                              GError              **error);

/* A server change to a recurring event (one resource, its occurrences
 * entries "UID#KEY"): PUT's RcEntry* written by uid, GONE's uids deleted,
 * and RESOURCE (NULL: the resource is gone) kept under UID, in one
 * transaction, without marking anything pending. */
gboolean        rc_store_sync_apply_series   (RcStore              *self,
                                              const char           *uid,
                                              GPtrArray            *put,
                                              GPtrArray            *gone,
                                              const RcSyncResource *resource,
                                              GError              **error);

gboolean        rc_store_sync_add_conflict   (RcStore              *self,
                                              const RcSyncConflict *conflict,
                                              GError              **error);
GPtrArray      *rc_store_sync_list_conflicts (RcStore              *self,
                                              GError              **error);
gboolean        rc_store_sync_clear_conflicts (RcStore             *self,
                                              gint64                entry_id,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcSyncAccount, rc_sync_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcSyncResource, rc_sync_resource_free)

G_END_DECLS
