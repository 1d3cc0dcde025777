/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-store.h - entries and settings in one SQLite file. */

#pragma once

#include "rc-types.h"

G_BEGIN_DECLS

#define RC_STORE_ERROR (rc_store_error_quark ())
typedef enum {
  RC_STORE_ERROR_OPEN,        /* cannot open or create the file or its folder */
  RC_STORE_ERROR_NOT_OURS,    /* not SQLite, another application's, or corrupt */
  RC_STORE_ERROR_TOO_NEW,     /* a schema version newer than this build knows */
  RC_STORE_ERROR_INVALID,     /* a value the schema refuses */
  RC_STORE_ERROR_NOT_FOUND,   /* no entry with that id or uid */
  RC_STORE_ERROR_BUSY,        /* locked by another process past the timeout */
  RC_STORE_ERROR_IO,          /* disk full, read-only, I/O error */
} RcStoreError;
GQuark rc_store_error_quark (void);

/* PRAGMA application_id of every RecoveryCal database ("RcAl"), and the
 * schema version (PRAGMA user_version) this build writes. */
#define RC_STORE_APPLICATION_ID 1382236524
#define RC_STORE_SCHEMA_VERSION 6   /* 4: session status; 5: the sync state (rc-store-sync.h);
                                     * 6: the activity an entry was imported from */

/* Setting keys of the settings table, and their values as text. */
#define RC_SETTING_PROFILE         "recovery-profile"   /* fast|typical|slow */
#define RC_SETTING_WEEK_START      "week-start"         /* locale|monday|saturday|sunday */
#define RC_SETTING_MASSAGE_MINUTES "massage-minutes"    /* integer */
/* default minutes per kind: RC_SETTING_MINUTES_PREFIX + rc_kind_to_string (kind) */
#define RC_SETTING_MINUTES_PREFIX  "minutes-"

/* The setting that holds KIND's default minutes (RC_SETTING_MASSAGE_MINUTES
 * for a massage); newly allocated. */
char      *rc_store_minutes_key   (RcKind kind);

#define RC_TYPE_STORE (rc_store_get_type ())
G_DECLARE_FINAL_TYPE (RcStore, rc_store, RC, STORE, GObject)

/* An RcStore is one SQLite connection (WAL, synchronous=FULL, 5 s busy
 * timeout): use it from one thread. Open one per process; the window and the
 * CLI each have theirs and see each other's commits. */

/* --db PATH, else $RECOVERYCAL_DB, else the user data dir; newly allocated. */
char      *rc_store_default_path  (const char *db_option);

/* Creates the file and its folders (0700) when missing. An existing file is
 * checked before anything writes to it: not SQLite, another application's,
 * damaged (RC_STORE_ERROR_NOT_OURS) or newer (RC_STORE_ERROR_TOO_NEW) files
 * are refused and left byte for byte as they were. Versions 1 to 5 are
 * upgraded (titles that only repeat the entry's kind become none). */
RcStore   *rc_store_open          (const char  *path,
                                   GError     **error);
/* The file's absolute path (a relative PATH is taken from the current folder). */
const char *rc_store_get_path     (RcStore *self);
/* Whether PATH is this store's database or one of SQLite's files beside it
 * (-wal, -shm, -journal). Nothing may read or write those behind SQLite's
 * back: POSIX locks belong to the process, so merely closing a descriptor of
 * the -shm drops the locks SQLite holds on it, and the next program to open
 * the file resets it under this one. */
gboolean   rc_store_is_own_file   (const char *store_path,
                                   const char *path);
/* How long a write waits for another process's lock (default 5000 ms). */
void       rc_store_set_busy_timeout (RcStore *self,
                                      int      ms);

/* Writes: each one transaction; on error nothing changed (nor the entry).
 * add() sets entry->id, uid (when NULL), created and updated; update() sets
 * updated and leaves the stored uid as it was. A NULL or empty title is
 * stored as none (NULL, and entry->title becomes NULL). */
gboolean   rc_store_add           (RcStore  *self,
                                   RcEntry  *entry,
                                   GError  **error);
gboolean   rc_store_update        (RcStore        *self,
                                   RcEntry        *entry,
                                   GError        **error);
gboolean   rc_store_move          (RcStore  *self,
                                   gint64    id,
                                   RcDay     day,
                                   GError  **error);
gboolean   rc_store_delete        (RcStore  *self,
                                   gint64    id,
                                   GError  **error);
/* Puts back a deleted entry with its id and uid (undo). */
gboolean   rc_store_restore       (RcStore        *self,
                                   const RcEntry  *entry,
                                   GError        **error);

RcEntry   *rc_store_get           (RcStore     *self,
                                   gint64       id,
                                   GError     **error);
RcEntry   *rc_store_get_by_uid    (RcStore     *self,
                                   const char  *uid,
                                   GError     **error);
/* The entry whose activity (RcEntry.activity) is ACTIVITY; NULL without an
 * error when there is none. */
RcEntry   *rc_store_get_by_activity (RcStore     *self,
                                     const char  *activity,
                                     GError     **error);
/* Entries with FIRST <= day <= LAST (RC_DAY_INVALID: open end), ordered by
 * date, time (none first), id. A GPtrArray of RcEntry* that frees them;
 * NULL on error. */
GPtrArray *rc_store_list          (RcStore  *self,
                                   RcDay     first,
                                   RcDay     last,
                                   GError  **error);

/* Bulk import: all or nothing, one transaction. Entries whose uid exists are
 * updated (their id set from the store), others added. */
gboolean   rc_store_import        (RcStore    *self,
                                   GPtrArray  *entries,
                                   guint      *n_added,
                                   guint      *n_updated,
                                   GError    **error);

/* rc_store_import, and SETTINGS (key, value, key, value, ..., NULL; keys of
 * no checked setting) set in the same transaction: what belongs together is
 * stored together or not at all. */
gboolean   rc_store_import_with_settings (RcStore             *self,
                                          GPtrArray           *entries,
                                          const char * const  *settings,
                                          guint               *n_added,
                                          guint               *n_updated,
                                          GError             **error);

/* FUNC (DATA, ERROR) as one write transaction: the writes it makes
 * (rc_store_add, _update, _move, _delete, _restore, the rc_store_sync_*
 * ones) commit together, with one disk sync for all of them, or none of
 * them when FUNC fails (or the commit does). Batches nest: an inner one is a part of the outer. The write lock
 * is held meanwhile, so FUNC must not wait on anything slow. */
typedef gboolean (*RcStoreBatchFunc) (gpointer data, GError **error);
gboolean   rc_store_write_batch   (RcStore           *self,
                                   RcStoreBatchFunc   func,
                                   gpointer           data,
                                   GError           **error);

/* Settings: get returns NULL when unset; set with a NULL value unsets. The
 * keys above are checked (a bad value is RC_STORE_ERROR_INVALID); other keys
 * take any text. */
char      *rc_store_get_setting   (RcStore     *self,
                                   const char  *key,
                                   GError     **error);
gboolean   rc_store_set_setting   (RcStore     *self,
                                   const char  *key,
                                   const char  *value,
                                   GError     **error);
/* Typed views of the settings, with the defaults when unset or bad: profile
 * typical; week start "locale" (the locale's first weekday, else Monday);
 * minutes rc_kind_default_minutes() (massage 60; RC_NONE for rest). */
RcProfile  rc_store_get_profile   (RcStore *self);
GDateWeekday rc_store_get_week_start (RcStore *self);  /* resolves "locale" */
int        rc_store_get_default_minutes (RcStore *self,
                                         RcKind   kind);

/* A number that changes with every committed write, by this connection or
 * another (PRAGMA data_version + own writes): cheap to poll on focus. */
gint64     rc_store_get_change_stamp (RcStore *self);

G_END_DECLS
