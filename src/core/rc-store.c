/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-store.c - the SQLite file behind RcStore: opened only once checked, schema, transactions. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rc-sqlite-locks.h"
#include "rc-store-private.h"
#include "rc-store-sync.h"

#define DEFAULT_BUSY_TIMEOUT_MS 5000
#define SQLITE_MAGIC "SQLite format 3"   /* 16 bytes with its NUL */
#define SQLITE_HEADER_SIZE 100

/* The checks of schema version 2 and 3: the database refuses what the C
 * validation refuses, so a bug or another tool cannot store nonsense. Named,
 * so that a refusal says which one. */
#define CHECK_DATE \
  "CONSTRAINT date_is_iso CHECK (" \
  " date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'" \
  " AND date (julianday (date)) IS date AND date >= '0001-01-01')"
#define CHECK_TIME \
  "CONSTRAINT time_is_hh_mm CHECK (" \
  " time IS NULL OR (time GLOB '[0-2][0-9]:[0-5][0-9]' AND time <= '23:59'))"
#define CHECK_KIND \
  "CONSTRAINT kind_fits_type CHECK (" \
  " (type = 'session'" \
  "  AND kind IN ('rest', 'easy', 'long', 'tempo', 'intervals', 'race', 'cross'))" \
  " OR (type = 'massage' AND kind IN ('pre-event', 'post-run', 'maintenance')))"
#define CHECK_MINUTES \
  "CONSTRAINT minutes_1_to_1440 CHECK (" \
  " minutes IS NULL OR (typeof (minutes) = 'integer' AND minutes BETWEEN 1 AND 1440))"
#define CHECK_RPE \
  "CONSTRAINT rpe_1_to_10 CHECK (" \
  " rpe IS NULL OR (typeof (rpe) = 'integer' AND rpe BETWEEN 1 AND 10))"
/* Version 3: no title is NULL, one way only, so "has a title" is one test. */
#define CHECK_TITLE \
  "CONSTRAINT title_null_or_text CHECK (title IS NULL OR length (title) > 0)"

#define ENTRIES_TABLE(name, title) \
  "CREATE TABLE " name " (" \
  " id INTEGER PRIMARY KEY," \
  " uid TEXT NOT NULL UNIQUE CONSTRAINT uid_not_empty CHECK (length (uid) > 0)," \
  " date TEXT NOT NULL " CHECK_DATE "," \
  " time TEXT " CHECK_TIME "," \
  " type TEXT NOT NULL CONSTRAINT type_is_known CHECK (type IN ('session', 'massage'))," \
  " kind TEXT NOT NULL " CHECK_KIND "," \
  " minutes INTEGER " CHECK_MINUTES "," \
  " rpe INTEGER " CHECK_RPE "," \
  " title TEXT " title "," \
  " notes TEXT," \
  " created INTEGER NOT NULL," \
  " updated INTEGER NOT NULL);"
#define ENTRIES_TABLE_V2(name) ENTRIES_TABLE (name, "NOT NULL")
#define ENTRIES_TABLE_V3(name) ENTRIES_TABLE (name, CHECK_TITLE)

#define ENTRIES_INDEX \
  "CREATE INDEX entries_by_date ON entries (date, time, id);"
#define SETTINGS_TABLE \
  "CREATE TABLE settings (" \
  " key TEXT PRIMARY KEY NOT NULL CHECK (length (key) > 0)," \
  " value TEXT NOT NULL) WITHOUT ROWID;"

/* Version 4 (load.md) adds a session's status and, for a done one, its actual
 * minutes and RPE. Added in place: existing rows become planned. */
#define MIGRATE_V3_TO_V4 \
  "ALTER TABLE entries ADD COLUMN status TEXT NOT NULL DEFAULT 'planned'" \
  " CONSTRAINT status_is_known CHECK (status IN ('planned', 'done', 'skipped'));" \
  "ALTER TABLE entries ADD COLUMN done_minutes INTEGER" \
  " CONSTRAINT done_minutes_1_to_1440 CHECK (done_minutes IS NULL OR" \
  "  (typeof (done_minutes) = 'integer' AND done_minutes BETWEEN 1 AND 1440));" \
  "ALTER TABLE entries ADD COLUMN done_rpe INTEGER" \
  " CONSTRAINT done_rpe_1_to_10 CHECK (done_rpe IS NULL OR" \
  "  (typeof (done_rpe) = 'integer' AND done_rpe BETWEEN 1 AND 10));" \
  "PRAGMA user_version = 4;"

static const char migrate_v3_to_v4[] = MIGRATE_V3_TO_V4;

/* A new file: version 3's tables, then version 4's columns, so that new and
 * upgraded files are alike. */
static const char schema_v4[] =
  ENTRIES_TABLE_V3 ("entries")
  ENTRIES_INDEX
  SETTINGS_TABLE
  "PRAGMA application_id = " G_STRINGIFY (RC_STORE_APPLICATION_ID) ";"
  "PRAGMA user_version = 3;"
  MIGRATE_V3_TO_V4;

/* Version 6 (load.md, import-activity) remembers which recorded activity
 * added an entry or marked it done, so that importing it again changes
 * nothing. One entry per activity; existing rows have none. */
static const char migrate_v5_to_v6[] =
  "ALTER TABLE entries ADD COLUMN activity_uid TEXT"
  " CONSTRAINT activity_uid_not_empty CHECK (activity_uid IS NULL OR length (activity_uid) > 0);"
  "CREATE UNIQUE INDEX entries_by_activity ON entries (activity_uid);"
  "PRAGMA user_version = 6;";

/* Version 1 had no notes, no updated stamp, no settings and an index on the
 * date alone. SQLite cannot add CHECKed NOT NULL columns in place, so the
 * table is rebuilt, as https://sqlite.org/lang_altertable.html advises. */
static const char migrate_v1_to_v2[] =
  ENTRIES_TABLE_V2 ("entries_v2")
  "INSERT INTO entries_v2"
  " (id, uid, date, time, type, kind, minutes, rpe, title, notes, created, updated)"
  " SELECT id, uid, date, time, type, kind, minutes, rpe, title, NULL, created, created"
  " FROM entries;"
  "DROP TABLE entries;"
  "ALTER TABLE entries_v2 RENAME TO entries;"
  ENTRIES_INDEX
  SETTINGS_TABLE
  "PRAGMA user_version = 2;";

/* Version 2 stored "" for no title and the CLI stored the kind's label:
 * both become NULL (the label ones in upgrade_titles()). The NOT NULL goes,
 * so the table is rebuilt again. */
static const char migrate_v2_to_v3[] =
  ENTRIES_TABLE_V3 ("entries_v3")
  "INSERT INTO entries_v3"
  " (id, uid, date, time, type, kind, minutes, rpe, title, notes, created, updated)"
  " SELECT id, uid, date, time, type, kind, minutes, rpe, NULLIF (title, ''), notes,"
  " created, updated FROM entries;"
  "DROP TABLE entries;"
  "ALTER TABLE entries_v3 RENAME TO entries;"
  ENTRIES_INDEX
  "PRAGMA user_version = 3;";

#define ENTRY_COLUMNS \
  "id, uid, date, time, type, kind, minutes, rpe, title, notes, created, updated, " \
  "status, done_minutes, done_rpe, activity_uid"

/* Parameters shared by the entry writes: ?1 uid, ?2 date, ?3 time, ?4 type,
 * ?5 kind, ?6 minutes, ?7 rpe, ?8 title, ?9 notes, ?10 now, ?11 id,
 * ?12 created, ?13 status, ?14 done_minutes, ?15 done_rpe, ?16 activity_uid. */
#define SET_FIELDS \
  "date = ?2, time = ?3, type = ?4, kind = ?5, minutes = ?6, rpe = ?7, " \
  "title = ?8, notes = ?9, updated = ?10, " \
  "status = ?13, done_minutes = ?14, done_rpe = ?15"

static const char *const stmt_sql[N_STMTS] = {
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_INSERT] =
    "INSERT INTO entries"
    " (uid, date, time, type, kind, minutes, rpe, title, notes, created, updated,"
    "  status, done_minutes, done_rpe, activity_uid)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?13, ?14, ?15, ?16)",
  [STMT_RESTORE] =
    "INSERT INTO entries (" ENTRY_COLUMNS ")"
    " VALUES (?11, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?12, ?10, ?13, ?14, ?15, ?16)",
  [STMT_UPDATE] = "UPDATE entries SET " SET_FIELDS ", activity_uid = ?16 WHERE id = ?11",
  /* Imports by uid (an .ics file) know nothing of activities: the link stays. */
  [STMT_UPDATE_BY_UID] =
    "UPDATE entries SET " SET_FIELDS ", activity_uid = coalesce (?16, activity_uid)"
    " WHERE uid = ?1 RETURNING id, created",
  [STMT_MOVE] = "UPDATE entries SET date = ?1, updated = ?2 WHERE id = ?3",
  [STMT_DELETE] = "DELETE FROM entries WHERE id = ?1",
  [STMT_GET] = "SELECT " ENTRY_COLUMNS " FROM entries WHERE id = ?1",
  [STMT_GET_BY_UID] = "SELECT " ENTRY_COLUMNS " FROM entries WHERE uid = ?1",
  [STMT_LIST] =
    "SELECT " ENTRY_COLUMNS " FROM entries WHERE date BETWEEN ?1 AND ?2"
    " ORDER BY date, time, id",
  [STMT_GET_BY_ACTIVITY] = "SELECT " ENTRY_COLUMNS " FROM entries WHERE activity_uid = ?1",
  [STMT_GET_SETTING] = "SELECT value FROM settings WHERE key = ?1",
  [STMT_SET_SETTING] =
    "INSERT INTO settings (key, value) VALUES (?1, ?2)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  [STMT_DELETE_SETTING] = "DELETE FROM settings WHERE key = ?1",
  [STMT_DATA_VERSION] = "PRAGMA data_version",
};

G_DEFINE_FINAL_TYPE (RcStore, rc_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (rc-store-error-quark, rc_store_error)

static void
rc_store_finalize (GObject *object)
{
  RcStore *self = RC_STORE (object);

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (rc_store_parent_class)->finalize (object);
}

static void
rc_store_class_init (RcStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rc_store_finalize;
}

static void
rc_store_init (RcStore *self)
{
}

/* ---- errors ------------------------------------------------------------ */

static void
set_io_error (RcStore  *self,
              int       rc,
              GError  **error)
{
  const char *detail = sqlite3_errmsg (self->db);

  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_IO,
                   _("Cannot save to “%s”: %s"), self->display_name, detail);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), self->display_name, detail);
      break;
    default:
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_IO,
                   _("Cannot read or write “%s”: %s"), self->display_name, detail);
      break;
    }
}

void
_rc_store_set_sqlite_error (RcStore  *self,
                            int       rc,
                            GError  **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  const char *name = self->display_name;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_BUSY,
                   _("“%s” is in use by another program; try again in a moment"), name);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("“%s” refused the change: %s"), name, detail);
      break;
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      if (self->opening)
        {
          g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_OPEN,
                       _("Cannot open “%s”: %s"), name, detail);
          break;
        }
      set_io_error (self, rc, error);
      break;
    case SQLITE_FULL:
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_IO,
                   _("Cannot save to “%s”: the disk is full"), name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_OURS,
                   _("“%s” is damaged: %s"), name, detail);
      break;
    default:
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_IO,
                   _("Cannot use “%s”: %s"), name, detail);
      break;
    }
}

gboolean
_rc_store_check (RcStore  *self,
                 int       rc,
                 int       expected,
                 GError  **error)
{
  if (rc == expected)
    return TRUE;
  _rc_store_set_sqlite_error (self, rc, error);
  return FALSE;
}

static void
set_not_ours_error (RcStore  *self,
                    GError  **error)
{
  g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_OURS,
               _("“%s” is not a RecoveryCal database (it belongs to another application)"),
               self->display_name);
}

/* ---- statements -------------------------------------------------------- */

sqlite3_stmt *
_rc_store_stmt_get (RcStore  *self,
                    StmtId    id,
                    GError  **error)
{
  if (self->stmts[id] == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                                   &self->stmts[id], NULL);

      if (!_rc_store_check (self, rc, SQLITE_OK, error))
        return NULL;
    }
  return self->stmts[id];
}

void
_rc_store_stmt_done (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Steps STMT to its end; the error is taken before the reset clears it. */
gboolean
_rc_store_stmt_run (RcStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc;
  gboolean ok;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  ok = _rc_store_check (self, rc, SQLITE_DONE, error);
  _rc_store_stmt_done (stmt);
  return ok;
}

sqlite3_stmt *
_rc_store_prepare (RcStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  return _rc_store_check (self, rc, SQLITE_OK, error) ? stmt : NULL;
}

gboolean
_rc_store_step_all (RcStore         *self,
                    sqlite3_stmt    *stmt,
                    RcStoreReadRow   read_row,
                    gpointer         out,
                    GError         **error)
{
  int rc;
  gboolean ok;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (read_row != NULL)
      read_row (stmt, out);
  ok = _rc_store_check (self, rc, SQLITE_DONE, error);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
exec_stmt (RcStore  *self,
           StmtId    id,
           GError  **error)
{
  sqlite3_stmt *stmt = _rc_store_stmt_get (self, id, error);

  return stmt != NULL && _rc_store_stmt_run (self, stmt, error);
}

static gboolean
exec_sql (RcStore     *self,
          const char  *sql,
          GError     **error)
{
  return _rc_store_check (self, sqlite3_exec (self->db, sql, NULL, NULL, NULL), SQLITE_OK, error);
}

static void
read_int (sqlite3_stmt *stmt,
          gpointer      out)
{
  *(gint64 *) out = sqlite3_column_int64 (stmt, 0);
}

/* The number SQL's answer starts with, or 0 if it has no row: each caller
 * asks a PRAGMA that always answers one. */
static gboolean
query_int (RcStore     *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = _rc_store_prepare (self, sql, error);

  *out = 0;
  return stmt != NULL && _rc_store_step_all (self, stmt, read_int, out, error);
}

/* ---- transactions ------------------------------------------------------ */

static void
rollback (RcStore *self)
{
  /* SQLite rolls back by itself after some errors (SQLITE_FULL...). */
  if (!sqlite3_get_autocommit (self->db))
    exec_stmt (self, STMT_ROLLBACK, NULL);
}

static gboolean
begin (RcStore  *self,
       GError  **error)
{
  return exec_stmt (self, STMT_BEGIN, error);
}

static gboolean
commit (RcStore  *self,
        GError  **error)
{
  if (!exec_stmt (self, STMT_COMMIT, error))
    {
      rollback (self);
      return FALSE;
    }
  self->stamp++;
  return TRUE;
}

/* Inside a batch, a write whose transaction SQLite already rolled back by
 * itself (SQLITE_FULL...) must not go on alone in autocommit mode: the
 * batch would no longer be all or nothing. */
static gboolean
in_batch_write (RcStore           *self,
                RcStoreWriteFunc   func,
                gpointer           data,
                GError           **error)
{
  if (sqlite3_get_autocommit (self->db))
    {
      /* Translators: a batch of writes (an undo of an import) stopped when
       * SQLite had already dropped its transaction: nothing of it was kept */
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_IO,
                   _("The changes to “%s” were taken back after an error"), self->display_name);
      return FALSE;
    }
  return func (self, data, error);
}

/* One write, one transaction: BEGIN IMMEDIATE takes the write lock at once,
 * so a second process waits in the busy handler instead of failing late. */
gboolean
_rc_store_run_write (RcStore           *self,
                     RcStoreWriteFunc   func,
                     gpointer           data,
                     GError           **error)
{
  if (self->batch_depth > 0)
    return in_batch_write (self, func, data, error);
  if (!begin (self, error))
    return FALSE;
  if (!func (self, data, error))
    {
      rollback (self);
      return FALSE;
    }
  return commit (self, error);
}

typedef struct {
  RcStoreBatchFunc func;
  gpointer         data;
} Batch;

static gboolean
run_batch (RcStore  *self,
           gpointer  data,
           GError  **error)
{
  Batch *b = data;
  gboolean ok;

  /* the writes FUNC makes see batch_depth and join this transaction */
  self->batch_depth++;
  ok = b->func (b->data, error);
  self->batch_depth--;
  return ok;
}

gboolean
rc_store_write_batch (RcStore           *self,
                      RcStoreBatchFunc   func,
                      gpointer           data,
                      GError           **error)
{
  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return _rc_store_run_write (self, run_batch, &(Batch) { func, data }, error);
}

/* ---- opening ----------------------------------------------------------- */

char *
rc_store_default_path (const char *db_option)
{
  const char *env;

  if (db_option != NULL && db_option[0] != '\0')
    return g_strdup (db_option);
  env = g_getenv ("RECOVERYCAL_DB");
  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "recoverycal", "recoverycal.db", NULL);
}

static gboolean
make_parent_folder (RcStore  *self,
                    GError  **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* A new file is made here, not by SQLite, so that it is private (0600);
 * SQLite gives its -wal and -shm files the same mode. */
static gboolean
create_empty (RcStore  *self,
              GError  **error)
{
  int fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_OPEN,
                   _("Cannot create “%s”: %s"), self->display_name, g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

/* The big-endian PRAGMA application_id at offset 68 of the header. */
static guint32
header_application_id (const char *header)
{
  const guchar *b = (const guchar *) header + 68;

  return (guint32) b[0] << 24 | (guint32) b[1] << 16 | (guint32) b[2] << 8 | b[3];
}

/* Reads the first bytes without SQLite, which would happily write to a file
 * it does not understand. Sets *is_new for an empty (or just made) file. */
static gboolean
check_header (RcStore   *self,
              gboolean  *is_new,
              GError   **error)
{
  char header[SQLITE_HEADER_SIZE];
  ssize_t n = -1;
  int fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0 && errno == ENOENT)
    {
      if (!create_empty (self, error))
        return FALSE;
      fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
    }
  if (fd >= 0)
    n = read (fd, header, sizeof header);
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  if (n < 0)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_OPEN,
                   _("Cannot read “%s”: %s"), self->display_name, g_strerror (saved_errno));
      return FALSE;
    }
  *is_new = n == 0;
  if (n > 0 && (n < SQLITE_HEADER_SIZE || memcmp (header, SQLITE_MAGIC, 16) != 0))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_OURS,
                   _("“%s” is not a RecoveryCal database (it is not an SQLite file)"),
                   self->display_name);
      return FALSE;
    }
  /* Another application's id: refused before SQLite so much as makes its
   * -wal and -shm files. Zero may be a blank file; SQLite will tell. */
  if (n > 0 && header_application_id (header) != 0 &&
      header_application_id (header) != RC_STORE_APPLICATION_ID)
    {
      set_not_ours_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* The last connection to close checkpoints the -wal into the file and
 * deletes it: off until the file is known to be ours, so that a refused
 * file whose pages are still in another program's -wal (its header says
 * nothing yet) is left exactly as it was. */
static void
checkpoint_on_close (RcStore  *self,
                     gboolean  on)
{
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, on ? 0 : 1, NULL);
}

/* Never SQLITE_OPEN_CREATE: the file exists by now, checked or empty. */
static gboolean
open_connection (RcStore  *self,
                 GError  **error)
{
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), self->display_name,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  /* SQLite falls back to read-only without a word; every write would fail. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_OPEN,
                   _("Cannot open “%s”: the file is read-only"), self->display_name);
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, DEFAULT_BUSY_TIMEOUT_MS);
  checkpoint_on_close (self, FALSE);
  return TRUE;
}

typedef struct {
  gint64 application_id;
  gint64 version;
  gint64 n_tables;
} Identity;

/* Only reads: who made the file and at which schema version. */
static gboolean
read_identity (RcStore   *self,
               Identity  *id,
               GError   **error)
{
  if (!query_int (self, "PRAGMA application_id", &id->application_id, error) ||
      !query_int (self, "PRAGMA user_version", &id->version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &id->n_tables, error))
    return FALSE;
  return TRUE;
}

static gboolean
identity_is_blank (const Identity *id)
{
  return id->application_id == 0 && id->version == 0 && id->n_tables == 0;
}

static gboolean
check_identity (RcStore         *self,
                const Identity  *id,
                GError         **error)
{
  if (identity_is_blank (id))
    return TRUE;
  if (id->application_id != RC_STORE_APPLICATION_ID || id->version < 1)
    {
      set_not_ours_error (self, error);
      return FALSE;
    }
  if (id->version > RC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of RecoveryCal (schema %d; this "
                     "version knows up to %d)"),
                   self->display_name, (int) id->version, RC_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static void
read_text (sqlite3_stmt *stmt,
           gpointer      out)
{
  g_free (*(char **) out);
  *(char **) out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* The check reads every page once: through a small cache, not the default
 * 2 MB one it would fill (and keep) for a window that shows one week. */
#define CHECK_CACHE_PAGES 32

/* The check's first finding, without the "*** in database main ***" line
 * SQLite heads its list with. */
static const char *
damage_detail (const char *result)
{
  const char *line = result;

  if (result == NULL)
    return "?";
  while (g_str_has_prefix (line, "*** ") && strchr (line, '\n') != NULL)
    line = strchr (line, '\n') + 1;
  return line;
}

static gboolean
check_intact (RcStore  *self,
              GError  **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *result = NULL;
  g_autofree char *restore = NULL;
  gint64 cache_size = 0;
  gboolean checked, restored;

  if (!query_int (self, "PRAGMA cache_size", &cache_size, error) ||
      !exec_sql (self, "PRAGMA cache_size = " G_STRINGIFY (CHECK_CACHE_PAGES), error))
    return FALSE;
  stmt = _rc_store_prepare (self, "PRAGMA quick_check (1)", error);
  checked = stmt != NULL && _rc_store_step_all (self, stmt, read_text, &result, error);
  /* the store's own cache back, whether the check could run or not */
  restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
  restored = exec_sql (self, restore, checked ? error : NULL);
  if (!checked || !restored)
    return FALSE;
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_OURS,
                   _("“%s” is damaged: %s"), self->display_name, damage_detail (result));
      return FALSE;
    }
  return TRUE;
}

/* Every check here only reads: a file that is not ours stays as it was. */
static gboolean
verify_existing (RcStore  *self,
                 GError  **error)
{
  Identity id;

  if (!read_identity (self, &id, error) || !check_identity (self, &id, error))
    return FALSE;
  return identity_is_blank (&id) || check_intact (self, error);
}

/* synchronous=FULL syncs the WAL at each commit, so a plan survives a power
 * cut too, not only a crash; bench-store shows it still commits well within
 * 2 ms. */
static gboolean
configure (RcStore  *self,
           GError  **error)
{
  return exec_sql (self, "PRAGMA synchronous = FULL;"
                         "PRAGMA foreign_keys = ON;", error);
}

/* WAL lets the window read while the CLI writes. Switched on only once the
 * schema is current: it writes to the file, and a failed upgrade must leave
 * the file as it was. */
static gboolean
use_wal (RcStore  *self,
         GError  **error)
{
  return exec_sql (self, "PRAGMA journal_mode = WAL;", error);
}

static gboolean
run_migration (RcStore     *self,
               const char  *sql,
               int          from,
               GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                 _("Cannot upgrade “%s” from version %d: %s"), self->display_name,
                 from, sqlite3_errmsg (self->db));
  else if (rc != SQLITE_OK)
    _rc_store_set_sqlite_error (self, rc, error);
  return rc == SQLITE_OK;
}

/* Clears TITLE on the rows of TYPE and KIND (NULL: any kind of TYPE). */
static gboolean
clear_title (RcStore     *self,
             const char  *type,
             const char  *kind,
             const char  *title,
             GError     **error)
{
  sqlite3_stmt *stmt = _rc_store_prepare (self, "UPDATE entries SET title = NULL"
                                               " WHERE type = ?1 AND (?2 IS NULL OR kind = ?2) AND title = ?3",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  if (kind != NULL)
    sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  return _rc_store_step_all (self, stmt, NULL, NULL, error);
}

/* LABEL as written in the code (the English msgid) and as the language of
 * the upgrade translates it: the CLI stored either. */
static gboolean
clear_label (RcStore     *self,
             const char  *type,
             const char  *kind,
             const char  *msgid,
             GError     **error)
{
  return clear_title (self, type, kind, msgid, error) &&
         clear_title (self, type, kind, _(msgid), error);
}

/* Titles that only repeated the entry's kind ("Easy run", "Sports massage")
 * were stored by version 2 and froze the language they were made in: they
 * become no title, which every view shows as the kind's name, translated. */
static gboolean
upgrade_titles (RcStore  *self,
                GError  **error)
{
  static const char *const massage_titles[] = {
    N_("Sports massage"), N_("Massage"), N_("Pre-event massage"),
    N_("Post-run massage"), N_("Maintenance massage"),
  };

  for (RcKind k = 0; k < RC_KIND_MASSAGE; k++)
    if (!clear_label (self, "session", rc_kind_to_string (k), rc_kind_label_msgid (k), error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (massage_titles); i++)
    if (!clear_label (self, "massage", NULL, massage_titles[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
migrate (RcStore  *self,
         gint64    version,
         GError  **error)
{
  if (version == 1 && !run_migration (self, migrate_v1_to_v2, 1, error))
    return FALSE;
  if (version <= 2 &&
      (!run_migration (self, migrate_v2_to_v3, (int) version, error) ||
       !upgrade_titles (self, error)))
    return FALSE;
  if (version <= 3 && !run_migration (self, migrate_v3_to_v4, (int) version, error))
    return FALSE;
  /* version 5: the sync state's tables beside the entries (rc-store-sync.c) */
  if (version <= 4 && !run_migration (self, rc_store_sync_schema_sql, (int) version, error))
    return FALSE;
  return run_migration (self, migrate_v5_to_v6, (int) version, error);
}

G_STATIC_ASSERT (RC_STORE_SYNC_SCHEMA_VERSION + 1 == RC_STORE_SCHEMA_VERSION);

static gboolean
upgrade_schema (RcStore   *self,
                gpointer   data,
                GError   **error)
{
  Identity id;

  /* Again inside the write lock: another process may have got here first. */
  if (!read_identity (self, &id, error) || !check_identity (self, &id, error))
    return FALSE;
  if (identity_is_blank (&id))
    return exec_sql (self, schema_v4, error) && exec_sql (self, rc_store_sync_schema_sql, error) &&
           exec_sql (self, migrate_v5_to_v6, error);
  if (id.version < RC_STORE_SCHEMA_VERSION)
    return migrate (self, id.version, error);
  return TRUE;
}

static gboolean
ensure_schema (RcStore  *self,
               GError  **error)
{
  gint64 version = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;
  if (version == RC_STORE_SCHEMA_VERSION)
    return TRUE;
  return _rc_store_run_write (self, upgrade_schema, NULL, error);
}

RcStore *
rc_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(RcStore) self = NULL;
  gboolean is_new;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path[0] == '\0')
    {
      g_set_error_literal (error, RC_STORE_ERROR, RC_STORE_ERROR_OPEN,
                           _("No database file was given"));
      return NULL;
    }

  /* before SQLite opens a file: a file chooser reading the plan's files
   * must not drop the locks (rc-sqlite-locks.c) */
  rc_sqlite_locks_install ();
  self = g_object_new (RC_TYPE_STORE, NULL);
  self->opening = TRUE;
  /* absolute, so that SQLite never takes it for ":memory:" or a URI */
  self->path = g_canonicalize_filename (path, NULL);
  self->display_name = g_filename_display_name (self->path);

  if (!make_parent_folder (self, error) ||
      !check_header (self, &is_new, error) ||
      !open_connection (self, error) ||
      (!is_new && !verify_existing (self, error)) ||
      !configure (self, error) ||
      !ensure_schema (self, error) ||
      !use_wal (self, error) ||
      !query_int (self, "PRAGMA data_version", &self->data_version, error))
    return NULL;
  checkpoint_on_close (self, TRUE);
  self->opening = FALSE;
  return g_steal_pointer (&self);
}

gboolean
rc_store_is_own_file (const char *store_path,
                      const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (store_path == NULL)
    return FALSE;
  canonical = g_canonicalize_filename (path, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_prefix (canonical, store_path) &&
        g_str_equal (canonical + strlen (store_path), suffixes[i]))
      return TRUE;
  return FALSE;
}

const char *
rc_store_get_path (RcStore *self)
{
  g_return_val_if_fail (RC_IS_STORE (self), NULL);
  return self->path;
}

void
rc_store_set_busy_timeout (RcStore *self,
                           int      ms)
{
  g_return_if_fail (RC_IS_STORE (self));
  sqlite3_busy_timeout (self->db, ms);
}

gint64
rc_store_get_change_stamp (RcStore *self)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RC_IS_STORE (self), 0);

  stmt = _rc_store_stmt_get (self, STMT_DATA_VERSION, NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 version = sqlite3_column_int64 (stmt, 0);

      if (version != self->data_version)
        {
          self->data_version = version;
          self->stamp++;
        }
    }
  if (stmt != NULL)
    _rc_store_stmt_done (stmt);
  return self->stamp;
}
