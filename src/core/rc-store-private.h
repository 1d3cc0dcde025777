/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-store-private.h - what rc-store.c shares with rc-store-entries.c and rc-store-settings.c. */

#pragma once

#include <sqlite3.h>

#include "rc-store.h"

G_BEGIN_DECLS

/* The prepared statements each connection keeps (rc-store.c has the SQL). */
typedef enum {
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_INSERT,
  STMT_RESTORE,
  STMT_UPDATE,
  STMT_UPDATE_BY_UID,
  STMT_MOVE,
  STMT_DELETE,
  STMT_GET,
  STMT_GET_BY_UID,
  STMT_LIST,
  STMT_GET_BY_ACTIVITY,
  STMT_GET_SETTING,
  STMT_SET_SETTING,
  STMT_DELETE_SETTING,
  STMT_DATA_VERSION,
  N_STMTS
} StmtId;

struct _RcStore
{
  GObject        parent_instance;

  char          *path;
  char          *display_name;
  sqlite3       *db;
  sqlite3_stmt  *stmts[N_STMTS];

  /* rc_store_get_change_stamp(): data_version only moves for commits by
   * other connections, so our own commits are counted beside it. */
  gint64         data_version;
  gint64         stamp;

  gboolean       opening;   /* any I/O failure is then an OPEN error */
  guint          batch_depth;  /* rc_store_write_batch () calls running */
};

typedef gboolean (*RcStoreWriteFunc) (RcStore  *self,
                                      gpointer  data,
                                      GError  **error);

void          _rc_store_set_sqlite_error (RcStore           *self,
                                          int                rc,
                                          GError           **error);
/* TRUE when RC, the answer of the last SQLite call, is EXPECTED; else
 * FALSE with its error (take it before a reset or finalize clears it). */
gboolean      _rc_store_check            (RcStore           *self,
                                          int                rc,
                                          int                expected,
                                          GError           **error);
sqlite3_stmt *_rc_store_stmt_get         (RcStore           *self,
                                          StmtId             id,
                                          GError           **error);
void          _rc_store_stmt_done        (sqlite3_stmt      *stmt);
gboolean      _rc_store_stmt_run         (RcStore           *self,
                                          sqlite3_stmt      *stmt,
                                          GError           **error);
/* Reads the row STMT stands on into OUT (an array, a table, a pointer). */
typedef void (*RcStoreReadRow) (sqlite3_stmt *stmt,
                                gpointer      out);

/* A statement run once, unlike the kept ones of _rc_store_stmt_get(): hand
 * it to _rc_store_step_all(), which finalizes it. */
sqlite3_stmt *_rc_store_prepare          (RcStore           *self,
                                          const char        *sql,
                                          GError           **error);
/* STMT stepped to its end, each row handed to READ_ROW (if any), then finalized. */
gboolean      _rc_store_step_all         (RcStore           *self,
                                          sqlite3_stmt      *stmt,
                                          RcStoreReadRow     read_row,
                                          gpointer           out,
                                          GError           **error);
/* FUNC inside BEGIN IMMEDIATE ... COMMIT, rolled back when it fails;
 * within rc_store_write_batch (), a part of the batch's transaction. */
gboolean      _rc_store_run_write        (RcStore           *self,
                                          RcStoreWriteFunc   func,
                                          gpointer           data,
                                          GError           **error);

/* Inside a write: ENTRY (with a uid) updated by uid, or added; sets its id. */
gboolean      _rc_store_write_by_uid     (RcStore           *self,
                                          RcEntry           *entry,
                                          GError           **error);
/* The SQL of the sync state step (rc-store-sync.c). */
extern const char rc_store_sync_schema_sql[];

G_END_DECLS
