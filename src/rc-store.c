/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-store.c - entries and settings in one SQLite file, checked before any write. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <langinfo.h>
#include <sqlite3.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rc-store.h"

#define DEFAULT_BUSY_TIMEOUT_MS 5000
#define SQLITE_MAGIC "SQLite format 3"   /* 16 bytes with its NUL */
#define SQLITE_HEADER_SIZE 100

/* The checks shared by every schema version: the database refuses what the
 * C validation refuses, so a bug or another tool cannot store nonsense. */
#define CHECK_DATE \
  "CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'" \
  " AND date (julianday (date)) IS date AND date >= '0001-01-01')"
#define CHECK_TIME \
  "CHECK (time IS NULL OR (time GLOB '[0-2][0-9]:[0-5][0-9]' AND time <= '23:59'))"
#define CHECK_KIND \
  "CHECK ((type = 'session' AND kind IN ('rest', 'easy', 'long', 'tempo', 'intervals', 'race', 'cross'))" \
  " OR (type = 'massage' AND kind IN ('pre-event', 'post-run', 'maintenance')))"
#define CHECK_MINUTES \
  "CHECK (minutes IS NULL OR (typeof (minutes) = 'integer' AND minutes BETWEEN 1 AND 1440))"
#define CHECK_RPE \
  "CHECK (rpe IS NULL OR (typeof (rpe) = 'integer' AND rpe BETWEEN 1 AND 10))"

#define ENTRIES_TABLE_V2(name) \
  "CREATE TABLE " name " (" \
  " id INTEGER PRIMARY KEY," \
  " uid TEXT NOT NULL UNIQUE CHECK (length (uid) > 0)," \
  " date TEXT NOT NULL " CHECK_DATE "," \
  " time TEXT " CHECK_TIME "," \
  " type TEXT NOT NULL CHECK (type IN ('session', 'massage'))," \
  " kind TEXT NOT NULL " CHECK_KIND "," \
  " minutes INTEGER " CHECK_MINUTES "," \
  " rpe INTEGER " CHECK_RPE "," \
  " title TEXT NOT NULL," \
  " notes TEXT," \
  " created INTEGER NOT NULL," \
  " updated INTEGER NOT NULL);"

#define INDEXES_AND_SETTINGS_V2 \
  "CREATE INDEX entries_by_date ON entries (date, time, id);" \
  "CREATE TABLE settings (" \
  " key TEXT PRIMARY KEY NOT NULL CHECK (length (key) > 0)," \
  " value TEXT NOT NULL) WITHOUT ROWID;"

static const char schema_v2[] =
  ENTRIES_TABLE_V2 ("entries")
  INDEXES_AND_SETTINGS_V2
  "PRAGMA application_id = " G_STRINGIFY (RC_STORE_APPLICATION_ID) ";"
  "PRAGMA user_version = 2;";

/* Version 1 had no notes, no updated stamp, no settings and an index on the
 * date alone. SQLite cannot add CHECKed NOT NULL columns in place, so the
 * table is rebuilt, as https://sqlite.org/lang_altertable.html advises. */
static const char migrate_v1_to_v2[] =
  ENTRIES_TABLE_V2 ("entries_v2")
  "INSERT INTO entries_v2 (id, uid, date, time, type, kind, minutes, rpe, title, notes, created, updated)"
  " SELECT id, uid, date, time, type, kind, minutes, rpe, title, NULL, created, created FROM entries;"
  "DROP TABLE entries;"
  "ALTER TABLE entries_v2 RENAME TO entries;"
  INDEXES_AND_SETTINGS_V2
  "PRAGMA user_version = 2;";

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
  STMT_GET_SETTING,
  STMT_SET_SETTING,
  STMT_DELETE_SETTING,
  STMT_DATA_VERSION,
  N_STMTS
} StmtId;

#define ENTRY_COLUMNS "id, uid, date, time, type, kind, minutes, rpe, title, notes, created, updated"

/* Parameters shared by the entry writes: ?1 uid, ?2 date, ?3 time, ?4 type,
 * ?5 kind, ?6 minutes, ?7 rpe, ?8 title, ?9 notes, ?10 now, ?11 id,
 * ?12 created. */
#define SET_FIELDS \
  "date = ?2, time = ?3, type = ?4, kind = ?5, minutes = ?6, rpe = ?7, " \
  "title = ?8, notes = ?9, updated = ?10"

static const char *const stmt_sql[N_STMTS] = {
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_INSERT] =
    "INSERT INTO entries (uid, date, time, type, kind, minutes, rpe, title, notes, created, updated)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
  [STMT_RESTORE] =
    "INSERT INTO entries (" ENTRY_COLUMNS ")"
    " VALUES (?11, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?12, ?10)",
  [STMT_UPDATE] = "UPDATE entries SET " SET_FIELDS " WHERE id = ?11",
  [STMT_UPDATE_BY_UID] = "UPDATE entries SET " SET_FIELDS " WHERE uid = ?1 RETURNING id, created",
  [STMT_MOVE] = "UPDATE entries SET date = ?1, updated = ?2 WHERE id = ?3",
  [STMT_DELETE] = "DELETE FROM entries WHERE id = ?1",
  [STMT_GET] = "SELECT " ENTRY_COLUMNS " FROM entries WHERE id = ?1",
  [STMT_GET_BY_UID] = "SELECT " ENTRY_COLUMNS " FROM entries WHERE uid = ?1",
  [STMT_LIST] =
    "SELECT " ENTRY_COLUMNS " FROM entries WHERE date BETWEEN ?1 AND ?2"
    " ORDER BY date, time, id",
  [STMT_GET_SETTING] = "SELECT value FROM settings WHERE key = ?1",
  [STMT_SET_SETTING] =
    "INSERT INTO settings (key, value) VALUES (?1, ?2)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  [STMT_DELETE_SETTING] = "DELETE FROM settings WHERE key = ?1",
  [STMT_DATA_VERSION] = "PRAGMA data_version",
};

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
set_sqlite_error (RcStore  *self,
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

static void
set_not_ours_error (RcStore  *self,
                    GError  **error)
{
  g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_OURS,
               _("“%s” is not a RecoveryCal database (it belongs to another application)"),
               self->display_name);
}

/* ---- statements -------------------------------------------------------- */

static sqlite3_stmt *
get_stmt (RcStore  *self,
          StmtId    id,
          GError  **error)
{
  if (self->stmts[id] == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                                   &self->stmts[id], NULL);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (self, rc, error);
          return NULL;
        }
    }
  return self->stmts[id];
}

static void
stmt_done (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Steps STMT to its end; the error is taken before the reset clears it. */
static gboolean
stmt_run (RcStore       *self,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);
  stmt_done (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
exec_stmt (RcStore  *self,
           StmtId    id,
           GError  **error)
{
  sqlite3_stmt *stmt = get_stmt (self, id, error);

  return stmt != NULL && stmt_run (self, stmt, error);
}

static gboolean
exec_sql (RcStore     *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (RcStore     *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    set_sqlite_error (self, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
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

typedef gboolean (*WriteFunc) (RcStore  *self,
                               gpointer  data,
                               GError  **error);

/* One write, one transaction: BEGIN IMMEDIATE takes the write lock at once,
 * so a second process waits in the busy handler instead of failing late. */
static gboolean
run_write (RcStore    *self,
           WriteFunc   func,
           gpointer    data,
           GError    **error)
{
  if (!begin (self, error))
    return FALSE;
  if (!func (self, data, error))
    {
      rollback (self);
      return FALSE;
    }
  return commit (self, error);
}

/* ---- entries <-> rows -------------------------------------------------- */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
day_is_storable (RcDay day)
{
  GDate d;

  if (!g_date_valid_julian (day))
    return FALSE;
  rc_day_to_gdate (day, &d);
  return g_date_get_year (&d) <= 9999;
}

static gboolean
validate_kind (const RcEntry  *entry,
               GError        **error)
{
  if (entry->kind >= RC_N_KINDS)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("Kind %d is not a known kind of entry"), (int) entry->kind);
      return FALSE;
    }
  if (entry->kind == RC_KIND_MASSAGE &&
      (entry->massage == RC_MASSAGE_NONE || entry->massage >= RC_N_MASSAGES))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("Massage kind %d is not pre-event, post-run or maintenance"),
                   (int) entry->massage);
      return FALSE;
    }
  if (entry->kind != RC_KIND_MASSAGE && entry->massage != RC_MASSAGE_NONE)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("A “%s” session cannot have a massage kind"),
                   rc_kind_to_string (entry->kind));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_numbers (const RcEntry  *entry,
                  GError        **error)
{
  if (!day_is_storable (entry->day))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("Day number %u is not a valid date"), (guint) entry->day);
      return FALSE;
    }
  if (entry->time != RC_NONE && (entry->time < 0 || entry->time >= 24 * 60))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("Time %d (minutes after midnight) is outside 00:00–23:59"), entry->time);
      return FALSE;
    }
  if (entry->minutes != RC_NONE && (entry->minutes < 1 || entry->minutes > 1440))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("%d minutes is outside 1–1440"), entry->minutes);
      return FALSE;
    }
  if (entry->rpe != RC_NONE && (entry->rpe < 1 || entry->rpe > 10))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("RPE %d is outside 1–10"), entry->rpe);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_text (const RcEntry  *entry,
               GError        **error)
{
  if (entry->uid != NULL && (entry->uid[0] == '\0' || !g_utf8_validate (entry->uid, -1, NULL)))
    {
      g_set_error_literal (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                           _("An entry’s UID must be non-empty UTF-8 text"));
      return FALSE;
    }
  if ((entry->title != NULL && !g_utf8_validate (entry->title, -1, NULL)) ||
      (entry->notes != NULL && !g_utf8_validate (entry->notes, -1, NULL)))
    {
      g_set_error_literal (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                           _("An entry’s title and notes must be UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_entry (const RcEntry  *entry,
                GError        **error)
{
  return validate_kind (entry, error) &&
         validate_numbers (entry, error) &&
         validate_text (entry, error);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  int           value)
{
  if (value != RC_NONE)
    sqlite3_bind_int (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* Binds ?1..?10 (see SET_FIELDS); a massage is stored as its massage kind. */
static void
bind_entry (sqlite3_stmt  *stmt,
            const RcEntry *entry,
            const char    *uid,
            gint64         now)
{
  g_autofree char *date = rc_day_to_iso (entry->day);
  g_autofree char *time = entry->time != RC_NONE ? rc_time_to_string (entry->time) : NULL;
  gboolean massage = entry->kind == RC_KIND_MASSAGE;

  bind_text_or_null (stmt, 1, uid);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, time);
  sqlite3_bind_text (stmt, 4, massage ? "massage" : "session", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, massage ? rc_massage_to_string (entry->massage)
                                      : rc_kind_to_string (entry->kind), -1, SQLITE_STATIC);
  bind_int_or_null (stmt, 6, entry->minutes);
  bind_int_or_null (stmt, 7, entry->rpe);
  sqlite3_bind_text (stmt, 8, entry->title != NULL ? entry->title : "", -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 9, entry->notes);
  sqlite3_bind_int64 (stmt, 10, now);
}

static int
column_int_or_none (sqlite3_stmt *stmt,
                    int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return RC_NONE;
  return sqlite3_column_int (stmt, column);
}

static gboolean
parse_kind (const char *type,
            const char *kind,
            RcEntry    *entry)
{
  if (g_strcmp0 (type, "massage") == 0)
    {
      entry->kind = RC_KIND_MASSAGE;
      return rc_massage_from_string (kind, &entry->massage) &&
             entry->massage != RC_MASSAGE_NONE;
    }
  entry->massage = RC_MASSAGE_NONE;
  return g_strcmp0 (type, "session") == 0 &&
         rc_kind_from_string (kind, &entry->kind) &&
         entry->kind != RC_KIND_MASSAGE;
}

/* A row of ENTRY_COLUMNS; NULL when it holds what the CHECKs should have
 * refused (a file edited by hand). */
static RcEntry *
entry_from_row (RcStore       *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(RcEntry) entry = g_new0 (RcEntry, 1);
  const char *time = (const char *) sqlite3_column_text (stmt, 3);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->uid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  entry->day = rc_day_from_iso ((const char *) sqlite3_column_text (stmt, 2));
  entry->time = time != NULL ? rc_time_from_string (time) : RC_NONE;
  entry->minutes = column_int_or_none (stmt, 6);
  entry->rpe = column_int_or_none (stmt, 7);
  entry->title = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  entry->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  entry->created = sqlite3_column_int64 (stmt, 10);
  entry->updated = sqlite3_column_int64 (stmt, 11);

  if (entry->uid == NULL || entry->title == NULL || entry->day == RC_DAY_INVALID ||
      (time != NULL && entry->time == RC_NONE) ||
      !parse_kind ((const char *) sqlite3_column_text (stmt, 4),
                   (const char *) sqlite3_column_text (stmt, 5), entry))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_OURS,
                   _("“%s” is damaged: entry %" G_GINT64_FORMAT " cannot be read"),
                   self->display_name, entry->id);
      return NULL;
    }
  return g_steal_pointer (&entry);
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

/* Reads the first bytes without SQLite, which would happily write to a file
 * it does not understand. Sets *is_new for a missing or empty file. */
static gboolean
check_header (RcStore   *self,
              gboolean  *is_new,
              GError   **error)
{
  char header[SQLITE_HEADER_SIZE];
  ssize_t n = -1;
  int fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  *is_new = fd < 0 && errno == ENOENT;
  if (*is_new)
    return TRUE;
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
  return TRUE;
}

static gboolean
open_connection (RcStore   *self,
                 gboolean   create,
                 GError   **error)
{
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc = sqlite3_open_v2 (self->path, &self->db, flags | (create ? SQLITE_OPEN_CREATE : 0), NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_OPEN,
                   create ? _("Cannot create “%s”: %s") : _("Cannot open “%s”: %s"),
                   self->display_name,
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
  sqlite3_extended_result_codes (self->db, 1);
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
    {
      if (error != NULL && *error != NULL && (*error)->code == RC_STORE_ERROR_IO)
        (*error)->code = RC_STORE_ERROR_OPEN;
      return FALSE;
    }
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

static gboolean
check_intact (RcStore  *self,
              GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check (1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_OURS,
                   _("“%s” is damaged: %s"), self->display_name,
                   result != NULL ? result : "?");
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

static gboolean
configure (RcStore  *self,
           GError  **error)
{
  return exec_sql (self, "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = NORMAL;"
                         "PRAGMA foreign_keys = ON;", error);
}

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
    return exec_sql (self, schema_v2, error);
  if (id.version == 1)
    return exec_sql (self, migrate_v1_to_v2, error);
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
  return run_write (self, upgrade_schema, NULL, error);
}

RcStore *
rc_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(RcStore) self = NULL;
  gboolean is_new;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RC_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_name (path);

  if (!make_parent_folder (self, error) ||
      !check_header (self, &is_new, error) ||
      !open_connection (self, is_new, error) ||
      (!is_new && !verify_existing (self, error)) ||
      !configure (self, error) ||
      !ensure_schema (self, error) ||
      !query_int (self, "PRAGMA data_version", &self->data_version, error))
    return NULL;
  return g_steal_pointer (&self);
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

/* ---- writes ------------------------------------------------------------ */

typedef struct {
  const RcEntry *entry;
  const char    *uid;
  gint64         now;
  gint64         id;
} RowWrite;

static gboolean
not_found (RcStore  *self,
           gint64    id,
           GError  **error)
{
  g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND,
               _("There is no entry with id %" G_GINT64_FORMAT " in “%s”"),
               id, self->display_name);
  return FALSE;
}

static gboolean
insert_row (RcStore   *self,
            gpointer   data,
            GError   **error)
{
  RowWrite *w = data;
  sqlite3_stmt *stmt = get_stmt (self, STMT_INSERT, error);

  if (stmt == NULL)
    return FALSE;
  bind_entry (stmt, w->entry, w->uid, w->now);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  w->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
rc_store_add (RcStore  *self,
              RcEntry  *entry,
              GError  **error)
{
  g_autofree char *uid = NULL;
  RowWrite w = { entry, NULL, now_seconds (), 0 };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!validate_entry (entry, error))
    return FALSE;
  uid = entry->uid != NULL ? g_strdup (entry->uid) : rc_entry_new_uid ();
  w.uid = uid;
  if (!run_write (self, insert_row, &w, error))
    return FALSE;

  entry->id = w.id;
  if (entry->uid == NULL)
    entry->uid = g_steal_pointer (&uid);
  if (entry->title == NULL)
    entry->title = g_strdup ("");
  entry->created = entry->updated = w.now;
  return TRUE;
}

static gboolean
update_row (RcStore   *self,
            gpointer   data,
            GError   **error)
{
  RowWrite *w = data;
  sqlite3_stmt *stmt = get_stmt (self, STMT_UPDATE, error);

  if (stmt == NULL)
    return FALSE;
  bind_entry (stmt, w->entry, NULL, w->now);
  sqlite3_bind_int64 (stmt, 11, w->entry->id);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  return sqlite3_changes (self->db) == 1 || not_found (self, w->entry->id, error);
}

gboolean
rc_store_update (RcStore  *self,
                 RcEntry  *entry,
                 GError  **error)
{
  RowWrite w = { entry, NULL, now_seconds (), 0 };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!validate_entry (entry, error) || !run_write (self, update_row, &w, error))
    return FALSE;
  if (entry->title == NULL)
    entry->title = g_strdup ("");
  entry->updated = w.now;
  return TRUE;
}

typedef struct {
  gint64 id;
  RcDay  day;
} MoveWrite;

static gboolean
move_row (RcStore   *self,
          gpointer   data,
          GError   **error)
{
  MoveWrite *m = data;
  g_autofree char *date = rc_day_to_iso (m->day);
  sqlite3_stmt *stmt = get_stmt (self, STMT_MOVE, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now_seconds ());
  sqlite3_bind_int64 (stmt, 3, m->id);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  return sqlite3_changes (self->db) == 1 || not_found (self, m->id, error);
}

gboolean
rc_store_move (RcStore  *self,
               gint64    id,
               RcDay     day,
               GError  **error)
{
  MoveWrite m = { id, day };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);

  if (!day_is_storable (day))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("Day number %u is not a valid date"), (guint) day);
      return FALSE;
    }
  return run_write (self, move_row, &m, error);
}

static gboolean
delete_row (RcStore   *self,
            gpointer   data,
            GError   **error)
{
  gint64 id = *(gint64 *) data;
  sqlite3_stmt *stmt = get_stmt (self, STMT_DELETE, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  return sqlite3_changes (self->db) == 1 || not_found (self, id, error);
}

gboolean
rc_store_delete (RcStore  *self,
                 gint64    id,
                 GError  **error)
{
  g_return_val_if_fail (RC_IS_STORE (self), FALSE);

  return run_write (self, delete_row, &id, error);
}

static gboolean
restore_row (RcStore   *self,
             gpointer   data,
             GError   **error)
{
  RowWrite *w = data;
  sqlite3_stmt *stmt = get_stmt (self, STMT_RESTORE, error);

  if (stmt == NULL)
    return FALSE;
  bind_entry (stmt, w->entry, w->entry->uid, w->now);
  sqlite3_bind_int64 (stmt, 11, w->entry->id);
  sqlite3_bind_int64 (stmt, 12, w->entry->created != 0 ? w->entry->created : w->now);
  return stmt_run (self, stmt, error);
}

gboolean
rc_store_restore (RcStore        *self,
                  const RcEntry  *entry,
                  GError        **error)
{
  RowWrite w = { entry, NULL, now_seconds (), 0 };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (entry->id <= 0 || entry->uid == NULL)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("Entry %" G_GINT64_FORMAT " cannot be restored: it has no id or UID"),
                   entry->id);
      return FALSE;
    }
  return validate_entry (entry, error) && run_write (self, restore_row, &w, error);
}

/* ---- reads ------------------------------------------------------------- */

static RcEntry *
get_one (RcStore       *self,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  RcEntry *entry = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    entry = entry_from_row (self, stmt, error);
  else if (rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);
  stmt_done (stmt);
  return entry;
}

RcEntry *
rc_store_get (RcStore  *self,
              gint64    id,
              GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  RcEntry *entry;

  g_return_val_if_fail (RC_IS_STORE (self), NULL);

  if ((stmt = get_stmt (self, STMT_GET, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  entry = get_one (self, stmt, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (entry == NULL)
    not_found (self, id, error);
  return entry;
}

RcEntry *
rc_store_get_by_uid (RcStore     *self,
                     const char  *uid,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  RcEntry *entry;

  g_return_val_if_fail (RC_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  if ((stmt = get_stmt (self, STMT_GET_BY_UID, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  entry = get_one (self, stmt, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (entry == NULL)
    g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND,
                 _("There is no entry with UID “%s” in “%s”"), uid, self->display_name);
  return entry;
}

static void
bind_day_or (sqlite3_stmt *stmt,
             int           index,
             RcDay         day,
             const char   *open_end)
{
  if (day == RC_DAY_INVALID || !day_is_storable (day))
    sqlite3_bind_text (stmt, index, open_end, -1, SQLITE_STATIC);
  else
    sqlite3_bind_text (stmt, index, rc_day_to_iso (day), -1, g_free);
}

GPtrArray *
rc_store_list (RcStore  *self,
               RcDay     first,
               RcDay     last,
               GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RC_IS_STORE (self), NULL);

  if ((stmt = get_stmt (self, STMT_LIST, error)) == NULL)
    return NULL;
  bind_day_or (stmt, 1, first, "");
  bind_day_or (stmt, 2, last, "9999-99-99");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RcEntry *entry = entry_from_row (self, stmt, error);

      if (entry == NULL)
        {
          stmt_done (stmt);
          return NULL;
        }
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);
  stmt_done (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&entries) : NULL;
}

/* ---- import ------------------------------------------------------------ */

typedef struct {
  GPtrArray *entries;
  GPtrArray *uids;      /* the uid each entry ends up with */
  GArray    *ids;
  GArray    *created;
  gint64     now;
  guint      n_added;
  guint      n_updated;
} ImportWrite;

/* Updates the row with ENTRY's uid; *found tells whether there was one. */
static gboolean
update_by_uid (RcStore        *self,
               const RcEntry  *entry,
               ImportWrite    *w,
               gboolean       *found,
               GError        **error)
{
  sqlite3_stmt *stmt = get_stmt (self, STMT_UPDATE_BY_UID, error);
  gint64 id, created;
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_entry (stmt, entry, entry->uid, w->now);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found)
    {
      id = sqlite3_column_int64 (stmt, 0);
      created = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (w->ids, id);
      g_array_append_val (w->created, created);
      g_ptr_array_add (w->uids, g_strdup (entry->uid));
      return stmt_run (self, stmt, error);
    }
  if (rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);
  stmt_done (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
import_one (RcStore        *self,
            const RcEntry  *entry,
            ImportWrite    *w,
            GError        **error)
{
  g_autofree char *uid = NULL;
  RowWrite row = { entry, NULL, w->now, 0 };
  gboolean found = FALSE;

  if (entry->uid != NULL && !update_by_uid (self, entry, w, &found, error))
    return FALSE;
  if (found)
    {
      w->n_updated++;
      return TRUE;
    }
  uid = entry->uid != NULL ? g_strdup (entry->uid) : rc_entry_new_uid ();
  row.uid = uid;
  if (!insert_row (self, &row, error))
    return FALSE;
  g_array_append_val (w->ids, row.id);
  g_array_append_val (w->created, w->now);
  g_ptr_array_add (w->uids, g_steal_pointer (&uid));
  w->n_added++;
  return TRUE;
}

static gboolean
import_rows (RcStore   *self,
             gpointer   data,
             GError   **error)
{
  ImportWrite *w = data;

  for (guint i = 0; i < w->entries->len; i++)
    {
      if (!import_one (self, g_ptr_array_index (w->entries, i), w, error))
        return FALSE;
    }
  return TRUE;
}

/* The entries get their ids only once the whole import is committed. */
static void
import_apply (ImportWrite *w)
{
  for (guint i = 0; i < w->entries->len; i++)
    {
      RcEntry *entry = g_ptr_array_index (w->entries, i);

      entry->id = g_array_index (w->ids, gint64, i);
      entry->created = g_array_index (w->created, gint64, i);
      entry->updated = w->now;
      if (entry->uid == NULL)
        entry->uid = g_strdup (g_ptr_array_index (w->uids, i));
      if (entry->title == NULL)
        entry->title = g_strdup ("");
    }
}

gboolean
rc_store_import (RcStore    *self,
                 GPtrArray  *entries,
                 guint      *n_added,
                 guint      *n_updated,
                 GError    **error)
{
  g_autoptr(GPtrArray) uids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) created = g_array_new (FALSE, FALSE, sizeof (gint64));
  ImportWrite w = { entries, uids, ids, created, now_seconds (), 0, 0 };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  for (guint i = 0; i < entries->len; i++)
    {
      if (!validate_entry (g_ptr_array_index (entries, i), error))
        {
          g_prefix_error (error, _("Entry %u of %u: "), i + 1, entries->len);
          return FALSE;
        }
    }
  if (!run_write (self, import_rows, &w, error))
    return FALSE;
  import_apply (&w);
  if (n_added != NULL)
    *n_added = w.n_added;
  if (n_updated != NULL)
    *n_updated = w.n_updated;
  return TRUE;
}

/* ---- settings ---------------------------------------------------------- */

char *
rc_store_get_setting (RcStore     *self,
                      const char  *key,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (RC_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if ((stmt = get_stmt (self, STMT_GET_SETTING, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);
  stmt_done (stmt);
  return value;
}

static gboolean
parse_minutes (const char *value,
               int        *out)
{
  guint64 n;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 1440, &n, NULL))
    return FALSE;
  *out = (int) n;
  return TRUE;
}

static gboolean
is_week_start (const char *value)
{
  return g_strcmp0 (value, "locale") == 0 || g_strcmp0 (value, "monday") == 0 ||
         g_strcmp0 (value, "saturday") == 0 || g_strcmp0 (value, "sunday") == 0;
}

static gboolean
validate_setting (const char  *key,
                  const char  *value,
                  GError     **error)
{
  RcProfile profile;
  int minutes;
  gboolean ok = TRUE;

  if (g_strcmp0 (key, RC_SETTING_PROFILE) == 0)
    ok = rc_profile_from_string (value, &profile);
  else if (g_strcmp0 (key, RC_SETTING_WEEK_START) == 0)
    ok = is_week_start (value);
  else if (g_strcmp0 (key, RC_SETTING_MASSAGE_MINUTES) == 0 || g_str_has_prefix (key, "minutes-"))
    ok = parse_minutes (value, &minutes);
  if (!ok)
    g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                 _("“%s” is not a valid value for the setting “%s”"), value, key);
  else if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("The value of the setting “%s” is not UTF-8 text"), key);
      ok = FALSE;
    }
  return ok;
}

typedef struct {
  const char *key;
  const char *value;
} SettingWrite;

static gboolean
write_setting (RcStore   *self,
               gpointer   data,
               GError   **error)
{
  SettingWrite *s = data;
  sqlite3_stmt *stmt = get_stmt (self, s->value != NULL ? STMT_SET_SETTING : STMT_DELETE_SETTING,
                                 error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, s->key, -1, SQLITE_TRANSIENT);
  if (s->value != NULL)
    sqlite3_bind_text (stmt, 2, s->value, -1, SQLITE_TRANSIENT);
  return stmt_run (self, stmt, error);
}

/* A NULL value removes the setting, back to its default. */
gboolean
rc_store_set_setting (RcStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  SettingWrite s = { key, value };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (key[0] == '\0' || !g_utf8_validate (key, -1, NULL))
    {
      g_set_error_literal (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                           _("A setting needs a non-empty UTF-8 name"));
      return FALSE;
    }
  if (value != NULL && !validate_setting (key, value, error))
    return FALSE;
  return run_write (self, write_setting, &s, error);
}

RcProfile
rc_store_get_profile (RcStore *self)
{
  g_autofree char *value = rc_store_get_setting (self, RC_SETTING_PROFILE, NULL);
  RcProfile profile;

  if (value == NULL || !rc_profile_from_string (value, &profile))
    return RC_PROFILE_TYPICAL;
  return profile;
}

/* The locale's first day of the week, the way GNOME Calendar reads it. */
static GDateWeekday
locale_week_start (void)
{
#ifdef __GLIBC__
  const char *first = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  guint origin = (guint) (uintptr_t) nl_langinfo (_NL_TIME_WEEK_1STDAY);
  int origin_day, day;

  if (origin == 19971130)       /* a Sunday */
    origin_day = 0;
  else if (origin == 19971201)  /* a Monday */
    origin_day = 1;
  else
    return G_DATE_MONDAY;
  if (first == NULL || first[0] < 1 || first[0] > 7)
    return G_DATE_MONDAY;
  day = (origin_day + first[0] - 1) % 7;  /* 0 is Sunday */
  return day == 0 ? G_DATE_SUNDAY : (GDateWeekday) day;
#else
  return G_DATE_MONDAY;
#endif
}

GDateWeekday
rc_store_get_week_start (RcStore *self)
{
  g_autofree char *value = rc_store_get_setting (self, RC_SETTING_WEEK_START, NULL);

  if (g_strcmp0 (value, "monday") == 0)
    return G_DATE_MONDAY;
  if (g_strcmp0 (value, "saturday") == 0)
    return G_DATE_SATURDAY;
  if (g_strcmp0 (value, "sunday") == 0)
    return G_DATE_SUNDAY;
  return locale_week_start ();
}

int
rc_store_get_default_minutes (RcStore *self,
                              RcKind   kind)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  int minutes;

  g_return_val_if_fail (kind < RC_N_KINDS, RC_NONE);

  key = kind == RC_KIND_MASSAGE ? g_strdup (RC_SETTING_MASSAGE_MINUTES)
                                : g_strconcat ("minutes-", rc_kind_to_string (kind), NULL);
  value = rc_store_get_setting (self, key, NULL);
  if (parse_minutes (value, &minutes))
    return minutes;
  return rc_kind_default_minutes (kind);
}

gint64
rc_store_get_change_stamp (RcStore *self)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RC_IS_STORE (self), 0);

  stmt = get_stmt (self, STMT_DATA_VERSION, NULL);
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
    stmt_done (stmt);
  return self->stamp;
}
