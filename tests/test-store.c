/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c - the SQLite store keeps every entry, refuses bad values and foreign files. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rc-sqlite-locks.h"
#include "rc-store.h"
#include "rc-test-util.h"

typedef RcTestStoreDir Fixture;

static RcEntry *
session (const char *iso,
         RcKind      kind,
         const char *title)
{
  RcEntry *entry = rc_entry_new (rc_test_day (iso), kind);

  entry->title = g_strdup (title);
  return entry;
}

static RcEntry *
add_session (RcStore    *store,
             const char *iso,
             int         time,
             const char *title)
{
  g_autoptr(GError) error = NULL;
  RcEntry *entry = session (iso, RC_KIND_EASY, title);

  entry->time = time;
  g_assert_true (rc_store_add (store, entry, &error));
  g_assert_no_error (error);
  return entry;
}

static void
assert_same_entries (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const RcEntry *x = g_ptr_array_index (a, i);
      const RcEntry *y = g_ptr_array_index (b, i);

      g_assert_true (rc_entry_equal (x, y));
      g_assert_cmpint (x->updated, ==, y->updated);
    }
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  /* as the store does, so that both take their locks the same way */
  rc_sqlite_locks_install ();
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* A current file: this build's schema version and date index, and SQLite
 * finds nothing wrong. */
static void
assert_current_and_intact (sqlite3 *db)
{
  g_autofree char *check = raw_text (db, "PRAGMA integrity_check");

  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, RC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'entries_by_date'"), ==, 1);
  g_assert_cmpstr (check, ==, "ok");
}

static char *
file_hash (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* LANGUAGE for the messages from now on, from this build's catalogues (see
 * main); NULL: back to the untranslated ones. */
static void
set_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  /* gettext caches translations: a new textdomain call drops the cache */
  textdomain (textdomain (NULL));
}

/* ---- paths and opening --------------------------------------------------- */

static void
test_default_path (void)
{
  g_autofree char *from_option = NULL;
  g_autofree char *from_env = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "recoverycal",
                                                "recoverycal.db", NULL);

  g_setenv ("RECOVERYCAL_DB", "/srv/env.db", TRUE);
  from_option = rc_store_default_path ("/srv/option.db");
  from_env = rc_store_default_path (NULL);
  g_unsetenv ("RECOVERYCAL_DB");
  fallback = rc_store_default_path (NULL);

  g_assert_cmpstr (from_option, ==, "/srv/option.db");
  g_assert_cmpstr (from_env, ==, "/srv/env.db");
  g_assert_cmpstr (fallback, ==, expected);
}

static void
test_open_creates_folders (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "x.db", NULL);
  g_autofree char *folder = g_path_get_dirname (nested);
  g_autoptr(RcStore) store = rc_store_open (nested, &error);
  GStatBuf st;
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_cmpstr (rc_store_get_path (store), ==, nested);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  db = raw_open (nested);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, RC_STORE_APPLICATION_ID);
  assert_current_and_intact (db);
  {
    g_autofree char *mode = raw_text (db, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "wal");
  }
  sqlite3_close (db);
}

/* A relative path is a file in the current folder, even ":memory:"; a
 * folder or an empty name is refused. */
static void
test_open_odd_paths (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *memory = g_build_filename (f->dir, ":memory:", NULL);
  g_autoptr(RcStore) store = NULL;
  g_autoptr(RcStore) again = NULL;
  g_autoptr(RcEntry) e = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  store = rc_store_open (":memory:", &error);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_store_get_path (store), ==, memory);
  e = add_session (store, "2026-01-05", RC_NONE, "kept on disk");
  again = rc_store_open (memory, &error);
  g_assert_no_error (error);
  all = rc_test_list_all (again);
  g_assert_cmpuint (all->len, ==, 1);

  g_assert_null (rc_store_open (f->dir, &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_OPEN);
  g_clear_error (&error);
  g_assert_null (rc_store_open ("", &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_OPEN);
}

/* An empty file (touch) and an SQLite file nobody has used yet are fresh. */
static void
test_open_empty_files (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *blank = g_build_filename (f->dir, "blank.db", NULL);
  g_autoptr(RcStore) a = NULL;
  g_autoptr(RcStore) b = NULL;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  db = raw_open (blank);
  raw_exec (db, "PRAGMA user_version = 0; VACUUM");
  sqlite3_close (db);

  a = rc_store_open (empty, &error);
  g_assert_no_error (error);
  b = rc_store_open (blank, &error);
  g_assert_no_error (error);
  g_clear_object (&a);
  a = rc_store_open (empty, &error);
  g_assert_no_error (error);
}

/* ---- round trip ---------------------------------------------------------- */

static GPtrArray *
varied_entries (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  RcEntry *e;

  e = session ("2026-12-08", RC_KIND_INTERVALS, "6 × 800 m — Läufer, 東京 🏃");
  e->time = 18 * 60 + 30;
  e->minutes = 1440;
  e->rpe = 10;
  e->notes = g_strdup ("Ruhepuls 48\nline two «quoted» 'single' \"double\"; DROP TABLE entries;");
  g_ptr_array_add (entries, e);

  /* every optional field empty */
  e = session ("2026-12-09", RC_KIND_REST, "");
  e->minutes = RC_NONE;
  e->rpe = RC_NONE;
  g_ptr_array_add (entries, e);

  e = session ("0001-01-01", RC_KIND_EASY, "first day");
  e->time = 0;
  e->minutes = 1;
  e->rpe = 1;
  g_ptr_array_add (entries, e);

  e = session ("9999-12-31", RC_KIND_CROSS, "last day");
  e->time = 23 * 60 + 59;
  g_ptr_array_add (entries, e);

  for (RcKind k = RC_KIND_REST; k < RC_KIND_MASSAGE; k++)
    g_ptr_array_add (entries, session ("2027-01-01", k, rc_kind_to_string (k)));
  for (RcMassage m = RC_MASSAGE_PRE_EVENT; m < RC_N_MASSAGES; m++)
    {
      e = session ("2027-01-02", RC_KIND_MASSAGE, "Sports massage");
      e->massage = m;
      e->time = 9 * 60 + m;
      g_ptr_array_add (entries, e);
    }

  e = session ("2027-01-03", RC_KIND_TEMPO, "");  /* empty: stored as none */
  g_ptr_array_add (entries, e);

  e = rc_entry_new (rc_test_day ("2027-01-03"), RC_KIND_LONG);  /* NULL title */
  e->uid = g_strdup ("imported-uid@example.org");
  g_ptr_array_add (entries, e);
  return entries;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = varied_entries ();
  g_autoptr(RcStore) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < entries->len; i++)
    {
      RcEntry *e = g_ptr_array_index (entries, i);

      g_assert_true (rc_store_add (f->store, e, &error));
      g_assert_no_error (error);
      g_assert_cmpint (e->id, >, 0);
      g_assert_nonnull (e->uid);
      /* no title is NULL, never "" */
      g_assert_true (e->title == NULL || e->title[0] != '\0');
      g_assert_cmpint (e->created, >=, before);
      g_assert_cmpint (e->updated, ==, e->created);
    }
  g_assert_cmpstr (((RcEntry *) g_ptr_array_index (entries, entries->len - 1))->uid, ==,
                   "imported-uid@example.org");
  g_assert_null (((RcEntry *) g_ptr_array_index (entries, entries->len - 1))->title);
  g_assert_null (((RcEntry *) g_ptr_array_index (entries, entries->len - 2))->title);

  /* through this connection and a fresh one */
  other = rc_store_open (f->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      RcEntry *e = g_ptr_array_index (entries, i);
      RcStore *stores[] = { f->store, other };

      for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
        {
          g_autoptr(RcEntry) by_id = rc_store_get (stores[s], e->id, &error);
          g_autoptr(RcEntry) by_uid = NULL;

          g_assert_no_error (error);
          by_uid = rc_store_get_by_uid (stores[s], e->uid, &error);
          g_assert_no_error (error);
          g_assert_true (rc_entry_equal (by_id, e));
          g_assert_true (rc_entry_equal (by_uid, e));
          g_assert_cmpstr (by_id->title, ==, e->title);
          g_assert_cmpint (by_id->created, ==, e->created);
          g_assert_cmpint (by_id->updated, ==, e->updated);
        }
    }
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) e = session ("2026-05-01", RC_KIND_EASY, "x");
  RcEntry *got;

  got = rc_store_get (f->store, 4242, &error);
  g_assert_null (got);
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "4242"));
  g_clear_error (&error);

  got = rc_store_get_by_uid (f->store, "nobody@x", &error);
  g_assert_null (got);
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  e->id = 77;
  g_assert_false (rc_store_update (f->store, e, &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rc_store_move (f->store, 77, rc_test_day ("2026-05-02"), &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rc_store_delete (f->store, 77, &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND);
}

/* ---- ordering and ranges ------------------------------------------------- */

static void
test_ordering (Fixture       *f,
               gconstpointer  data)
{
  /* added out of order; expected: date, then no time first, then time, then id */
  static const struct { const char *date; int time; const char *title; int rank; } rows[] = {
    { "2026-03-02", 7 * 60,  "c", 4 },
    { "2026-03-01", 18 * 60, "b", 2 },
    { "2026-03-02", RC_NONE, "d", 3 },
    { "2026-02-28", 23 * 60, "a", 0 },
    { "2026-03-01", 6 * 60,  "e", 1 },
    { "2026-03-02", 7 * 60,  "f", 5 },
    { "2026-12-31", RC_NONE, "g", 6 },
  };
  g_autoptr(GPtrArray) all = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    rc_entry_free (add_session (f->store, rows[i].date, rows[i].time, rows[i].title));

  all = rc_test_list_all (f->store);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const RcEntry *e = g_ptr_array_index (all, rows[i].rank);
      g_assert_cmpstr (e->title, ==, rows[i].title);
    }
}

static void
test_range_edges (Fixture       *f,
                  gconstpointer  data)
{
  const char *dates[] = { "2026-01-31", "2026-02-01", "2026-02-14", "2026-02-28", "2026-03-01" };
  g_autoptr(GPtrArray) february = NULL;
  g_autoptr(GPtrArray) from = NULL;
  g_autoptr(GPtrArray) until = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) none = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    rc_entry_free (add_session (f->store, dates[i], 12 * 60, dates[i]));

  february = rc_store_list (f->store, rc_test_day ("2026-02-01"), rc_test_day ("2026-02-28"), NULL);
  g_assert_cmpuint (february->len, ==, 3);
  g_assert_cmpstr (((RcEntry *) g_ptr_array_index (february, 0))->title, ==, "2026-02-01");
  g_assert_cmpstr (((RcEntry *) g_ptr_array_index (february, 2))->title, ==, "2026-02-28");

  from = rc_store_list (f->store, rc_test_day ("2026-02-28"), RC_DAY_INVALID, NULL);
  g_assert_cmpuint (from->len, ==, 2);
  until = rc_store_list (f->store, RC_DAY_INVALID, rc_test_day ("2026-02-01"), NULL);
  g_assert_cmpuint (until->len, ==, 2);
  one = rc_store_list (f->store, rc_test_day ("2026-02-14"), rc_test_day ("2026-02-14"), NULL);
  g_assert_cmpuint (one->len, ==, 1);
  none = rc_store_list (f->store, rc_test_day ("2026-02-15"), rc_test_day ("2026-02-27"), NULL);
  g_assert_cmpuint (none->len, ==, 0);
}

/* ---- writes -------------------------------------------------------------- */

static void
test_update_move_delete_restore (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) e = add_session (f->store, "2026-04-01", RC_NONE, "easy");
  g_autoptr(RcEntry) got = NULL;
  g_autoptr(RcEntry) deleted = NULL;
  char *uid = e->uid;

  /* update every field, turning the session into a massage */
  e->kind = RC_KIND_MASSAGE;
  e->massage = RC_MASSAGE_POST_RUN;
  e->day = rc_test_day ("2026-04-03");
  e->time = 10 * 60;
  e->minutes = 75;
  e->rpe = RC_NONE;
  g_free (e->title);
  e->title = g_strdup ("Massage – Ölbad");
  e->notes = g_strdup ("ask for the calves");
  g_assert_true (rc_store_update (f->store, e, &error));
  g_assert_no_error (error);
  got = rc_store_get (f->store, e->id, &error);
  g_assert_no_error (error);
  g_assert_true (rc_entry_equal (got, e));
  g_assert_cmpstr (got->uid, ==, uid);
  g_clear_pointer (&got, rc_entry_free);

  g_assert_true (rc_store_move (f->store, e->id, rc_test_day ("2026-04-05"), &error));
  g_assert_no_error (error);
  got = rc_store_get (f->store, e->id, &error);
  g_assert_cmpuint (got->day, ==, rc_test_day ("2026-04-05"));
  g_assert_cmpint (got->time, ==, e->time);
  deleted = g_steal_pointer (&got);

  g_assert_true (rc_store_delete (f->store, e->id, &error));
  g_assert_no_error (error);
  g_assert_null (rc_store_get (f->store, e->id, NULL));

  /* undo: the same id and uid come back */
  g_assert_true (rc_store_restore (f->store, deleted, &error));
  g_assert_no_error (error);
  got = rc_store_get (f->store, deleted->id, &error);
  g_assert_no_error (error);
  g_assert_true (rc_entry_equal (got, deleted));
  g_assert_cmpint (got->created, ==, deleted->created);

  /* restoring over a living entry is refused and changes nothing */
  deleted->title[0] = 'X';
  g_assert_false (rc_store_restore (f->store, deleted, &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID);
  g_clear_pointer (&got, rc_entry_free);
  got = rc_store_get (f->store, deleted->id, NULL);
  g_assert_cmpstr (got->title, ==, "Massage – Ölbad");
}

typedef struct {
  const char *name;
  void      (*spoil) (RcEntry *e);
  const char *in_message;
} BadValue;

static void spoil_rpe_high (RcEntry *e)        { e->rpe = 11; }
static void spoil_rpe_low (RcEntry *e)         { e->rpe = 0; }
static void spoil_minutes_low (RcEntry *e)     { e->minutes = 0; }
static void spoil_minutes_high (RcEntry *e)    { e->minutes = 1441; }
static void spoil_day (RcEntry *e)             { e->day = RC_DAY_INVALID; }
static void spoil_day_far (RcEntry *e)         { e->day = rc_day_from_ymd (9999, 12, 31) + 1; }
static void spoil_time (RcEntry *e)            { e->time = 24 * 60; }
static void spoil_kind (RcEntry *e)            { e->kind = RC_N_KINDS; }
static void spoil_massage_none (RcEntry *e)    { e->kind = RC_KIND_MASSAGE; e->massage = RC_MASSAGE_NONE; }
static void spoil_session_massage (RcEntry *e) { e->massage = RC_MASSAGE_POST_RUN; }
static void spoil_uid (RcEntry *e)             { g_free (e->uid); e->uid = g_strdup (""); }
static void spoil_title (RcEntry *e)           { g_free (e->title); e->title = g_strdup ("\xff\xfe"); }

static const BadValue bad_values[] = {
  { "rpe 11",          spoil_rpe_high,        "RPE 11 " },
  { "rpe 0",           spoil_rpe_low,         "RPE 0 " },
  { "minutes 0",       spoil_minutes_low,     "0 minutes" },
  { "minutes 1441",    spoil_minutes_high,    "1441 minutes" },
  { "no date",         spoil_day,             "Day number 0 " },
  { "year 10000",      spoil_day_far,         "is not a valid date" },
  { "time 24:00",      spoil_time,            "Time 1440 " },
  { "unknown kind",    spoil_kind,            "Kind 8 " },
  { "massage w/o kind", spoil_massage_none,   "Massage kind 0 " },
  { "session massage", spoil_session_massage, "“tempo” session" },
  { "empty uid",       spoil_uid,             "UID" },
  { "bad utf-8",       spoil_title,           "UTF-8" },
};

static void
test_api_refuses_bad_values (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RcEntry) kept = add_session (f->store, "2026-06-01", 7 * 60, "kept");
  g_autoptr(GPtrArray) before = rc_test_list_all (f->store);
  gint64 stamp = rc_store_get_change_stamp (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_values); i++)
    {
      g_autoptr(RcEntry) e = session ("2026-06-02", RC_KIND_TEMPO, "bad");
      g_autoptr(RcEntry) u = rc_entry_copy (kept);
      g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
      g_autoptr(GPtrArray) after = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad_values[i].name);
      bad_values[i].spoil (e);
      g_assert_false (rc_store_add (f->store, e, &error));
      g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad_values[i].in_message));
      g_assert_cmpint (e->id, ==, 0);
      g_clear_error (&error);

      u->kind = RC_KIND_TEMPO;  /* as e, for the session-massage case */
      bad_values[i].spoil (u);
      g_assert_false (rc_store_update (f->store, u, &error));
      g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID);
      g_clear_error (&error);

      g_ptr_array_add (one, session ("2026-06-03", RC_KIND_EASY, "good"));
      g_ptr_array_add (one, g_steal_pointer (&e));
      g_assert_false (rc_store_import (f->store, one, NULL, NULL, &error));
      g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "Entry 2 of 2"));

      after = rc_test_list_all (f->store);
      assert_same_entries (before, after);
    }
  g_assert_false (rc_store_move (f->store, kept->id, RC_DAY_INVALID, NULL));
  g_assert_cmpint (rc_store_get_change_stamp (f->store), ==, stamp);
}

/* The schema itself refuses what the C checks refuse, in case anything
 * writes to the file without them. */
typedef struct {
  const char *name;
  int         column;      /* 1-based, as in raw_insert_sql */
  const char *text;        /* NULL: an integer or NULL */
  gint64      number;
  gboolean    null;
} RawCase;

static const char raw_insert_sql[] =
  "INSERT INTO entries (uid, date, time, type, kind, minutes, rpe, title, notes, created, updated)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

static int
raw_insert (sqlite3       *db,
            const RawCase *c,
            const char    *uid)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, raw_insert_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, "2026-07-01", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, "07:30", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, "session", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, "easy", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, 45);
  sqlite3_bind_int (stmt, 7, 3);
  sqlite3_bind_text (stmt, 8, "raw", -1, SQLITE_STATIC);
  sqlite3_bind_null (stmt, 9);
  sqlite3_bind_int64 (stmt, 10, 1700000000);
  sqlite3_bind_int64 (stmt, 11, 1700000000);
  if (c != NULL && c->null)
    sqlite3_bind_null (stmt, c->column);
  else if (c != NULL && c->text != NULL)
    sqlite3_bind_text (stmt, c->column, c->text, -1, SQLITE_STATIC);
  else if (c != NULL)
    sqlite3_bind_int64 (stmt, c->column, c->number);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc;
}

static const RawCase raw_cases[] = {
  { "kind jog",             5, "jog" },
  { "massage kind session", 5, "pre-event" },
  { "type",                 4, "workout" },
  { "rpe 11",               7, NULL, 11 },
  { "rpe 0",                7, NULL, 0 },
  { "rpe text",             7, "hard" },
  { "minutes 0",            6, NULL, 0 },
  { "minutes 1441",         6, NULL, 1441 },
  { "minutes 1.5",          6, "1.5" },
  { "date 2026-02-30",      2, "2026-02-30" },
  { "date 2026-04-31",      2, "2026-04-31" },
  { "date 2027-02-29",      2, "2027-02-29" },
  { "date 2026-13-01",      2, "2026-13-01" },
  { "date 2026-1-01",       2, "2026-1-01" },
  { "date 26-01-01",        2, "26-01-01" },
  { "date text",            2, "tomorrow" },
  { "date 0000-01-01",      2, "0000-01-01" },
  { "date NULL",            2, NULL, 0, TRUE },
  { "time 24:00",           3, "24:00" },
  { "time 7:30",            3, "7:30" },
  { "time 07:60",           3, "07:60" },
  { "title empty",          8, "" },   /* no title is NULL, one way only */
  { "uid NULL",             1, NULL, 0, TRUE },
  { "uid empty",            1, "" },
  { "uid duplicate",        1, "taken@x" },
};

static void
test_schema_checks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RcEntry) taken = session ("2026-07-01", RC_KIND_EASY, "taken");
  sqlite3 *db = raw_open (f->path);
  const RawCase massage = { "massage", 4, "massage" };
  g_autoptr(GPtrArray) before = NULL;
  gint64 n;

  taken->uid = g_strdup ("taken@x");
  g_assert_true (rc_store_add (f->store, taken, NULL));

  /* the base row is valid: each case below breaks exactly one thing */
  g_assert_cmpint (raw_insert (db, NULL, "good@x"), ==, SQLITE_DONE);
  before = rc_test_list_all (f->store);
  n = raw_int (db, "SELECT count(*) FROM entries");
  g_assert_cmpint (n, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (raw_cases); i++)
    {
      g_autofree char *uid = g_strdup_printf ("case-%u@x", i);
      g_autoptr(GPtrArray) after = NULL;

      g_test_message ("raw %s", raw_cases[i].name);
      g_assert_cmpint (raw_insert (db, &raw_cases[i], uid) & 0xff, ==, SQLITE_CONSTRAINT);
      after = rc_test_list_all (f->store);
      assert_same_entries (before, after);
    }
  /* a massage row needs a massage kind: "easy" is refused */
  g_assert_cmpint (raw_insert (db, &massage, "massage@x") & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entries SET rpe = 11", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entries SET date = '2026-02-29'", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM entries"), ==, n);
  sqlite3_close (db);
}

/* ---- import -------------------------------------------------------------- */

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) existing = add_session (f->store, "2026-08-01", RC_NONE, "old title");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(RcEntry) got = NULL;
  RcEntry *e;
  guint added = 99, updated = 99;

  e = session ("2026-08-02", RC_KIND_LONG, "new with uid");
  e->uid = g_strdup ("ics-1@elsewhere");
  g_ptr_array_add (batch, e);
  e = session ("2026-08-03", RC_KIND_TEMPO, "new without uid");
  g_ptr_array_add (batch, e);
  e = session ("2026-08-04", RC_KIND_RACE, "new title");
  e->uid = g_strdup (existing->uid);
  g_ptr_array_add (batch, e);

  g_assert_true (rc_store_import (f->store, batch, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (updated, ==, 1);
  g_assert_cmpint (((RcEntry *) g_ptr_array_index (batch, 2))->id, ==, existing->id);
  g_assert_nonnull (((RcEntry *) g_ptr_array_index (batch, 1))->uid);

  all = rc_test_list_all (f->store);
  g_assert_cmpuint (all->len, ==, 3);
  for (guint i = 0; i < batch->len; i++)
    {
      g_autoptr(RcEntry) stored = rc_store_get (f->store,
                                                ((RcEntry *) g_ptr_array_index (batch, i))->id, NULL);
      g_assert_true (rc_entry_equal (stored, g_ptr_array_index (batch, i)));
    }
  got = rc_store_get (f->store, existing->id, NULL);
  g_assert_cmpstr (got->title, ==, "new title");
  g_assert_cmpint (got->created, ==, existing->created);

  /* the same file again: updated, never duplicated */
  g_assert_true (rc_store_import (f->store, batch, &added, &updated, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, 3);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = rc_test_list_all (f->store);
  g_assert_cmpuint (all->len, ==, 3);
}

/* A write that fails inside SQLite (here: locked past the timeout) rolls the
 * whole import back. */
static void
test_busy_rolls_back (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  g_autoptr(RcEntry) e = session ("2026-09-01", RC_KIND_EASY, "waits");
  sqlite3 *db = raw_open (f->path);

  rc_entry_free (add_session (f->store, "2026-09-01", RC_NONE, "before"));
  before = rc_test_list_all (f->store);
  for (guint i = 0; i < 50; i++)
    g_ptr_array_add (batch, session ("2026-09-02", RC_KIND_EASY, "bulk"));

  rc_store_set_busy_timeout (f->store, 50);
  raw_exec (db, "BEGIN IMMEDIATE");
  g_assert_false (rc_store_add (f->store, e, &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "recoverycal.db"));
  g_clear_error (&error);
  g_assert_false (rc_store_import (f->store, batch, NULL, NULL, &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (rc_store_set_setting (f->store, RC_SETTING_PROFILE, "slow", &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_BUSY);
  g_clear_error (&error);
  raw_exec (db, "ROLLBACK");
  sqlite3_close (db);

  after = rc_test_list_all (f->store);
  assert_same_entries (before, after);
  g_assert_cmpint (e->id, ==, 0);
  g_assert_true (rc_store_add (f->store, e, &error));
  g_assert_no_error (error);
}

/* ---- settings ------------------------------------------------------------ */

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcStore) again = NULL;
  g_autofree char *value = NULL;
  static const char *bad[][2] = {
    { RC_SETTING_PROFILE, "medium" },
    { RC_SETTING_WEEK_START, "friday" },
    { RC_SETTING_MASSAGE_MINUTES, "0" },
    { RC_SETTING_MASSAGE_MINUTES, "1441" },
    { RC_SETTING_MASSAGE_MINUTES, "sixty" },
    { "minutes-long", "-5" },
  };
  GDateWeekday locale_start = rc_store_get_week_start (f->store);

  g_assert_null (rc_store_get_setting (f->store, RC_SETTING_PROFILE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rc_store_get_profile (f->store), ==, RC_PROFILE_TYPICAL);
  g_assert_true (g_date_valid_weekday (locale_start));
  /* the tests run in the C locale, which is no one's choice: ISO 8601's Monday */
  if (g_str_has_prefix (setlocale (LC_TIME, NULL), "C"))
    g_assert_cmpint (locale_start, ==, G_DATE_MONDAY);
  g_assert_cmpint (rc_store_get_default_minutes (f->store, RC_KIND_MASSAGE), ==, 60);
  for (RcKind k = RC_KIND_REST; k < RC_N_KINDS; k++)
    g_assert_cmpint (rc_store_get_default_minutes (f->store, k), ==, rc_kind_default_minutes (k));

  g_assert_true (rc_store_set_setting (f->store, RC_SETTING_PROFILE, "slow", &error));
  g_assert_true (rc_store_set_setting (f->store, RC_SETTING_WEEK_START, "saturday", &error));
  g_assert_true (rc_store_set_setting (f->store, RC_SETTING_MASSAGE_MINUTES, "90", &error));
  g_assert_true (rc_store_set_setting (f->store, "minutes-long", "150", &error));
  g_assert_true (rc_store_set_setting (f->store, "window-note", "Grüße", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (rc_store_set_setting (f->store, bad[i][0], bad[i][1], &error));
      g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i][1]));
      g_clear_error (&error);
    }

  /* kept in the file, seen by a second connection */
  again = rc_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rc_store_get_profile (again), ==, RC_PROFILE_SLOW);
  g_assert_cmpint (rc_store_get_week_start (again), ==, G_DATE_SATURDAY);
  g_assert_cmpint (rc_store_get_default_minutes (again, RC_KIND_MASSAGE), ==, 90);
  g_assert_cmpint (rc_store_get_default_minutes (again, RC_KIND_LONG), ==, 150);
  g_assert_cmpint (rc_store_get_default_minutes (again, RC_KIND_EASY), ==, 45);
  value = rc_store_get_setting (again, "window-note", NULL);
  g_assert_cmpstr (value, ==, "Grüße");

  g_assert_true (rc_store_set_setting (f->store, RC_SETTING_WEEK_START, "sunday", NULL));
  g_assert_cmpint (rc_store_get_week_start (again), ==, G_DATE_SUNDAY);
  g_assert_true (rc_store_set_setting (f->store, RC_SETTING_WEEK_START, "monday", NULL));
  g_assert_cmpint (rc_store_get_week_start (again), ==, G_DATE_MONDAY);
  g_assert_true (rc_store_set_setting (f->store, RC_SETTING_WEEK_START, "locale", NULL));
  g_assert_cmpint (rc_store_get_week_start (again), ==, locale_start);

  /* NULL goes back to the default */
  g_assert_true (rc_store_set_setting (f->store, RC_SETTING_PROFILE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rc_store_get_profile (again), ==, RC_PROFILE_TYPICAL);
}

/* ---- two connections ----------------------------------------------------- */

static void
test_two_connections (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcStore) cli = rc_store_open (f->path, &error);
  g_autoptr(RcEntry) e = NULL;
  g_autoptr(RcEntry) seen = NULL;
  gint64 window_stamp, cli_stamp;

  g_assert_no_error (error);
  window_stamp = rc_store_get_change_stamp (f->store);
  cli_stamp = rc_store_get_change_stamp (cli);
  g_assert_cmpint (rc_store_get_change_stamp (f->store), ==, window_stamp);

  /* the CLI adds while the window is open */
  e = add_session (cli, "2026-10-10", 6 * 60, "from the CLI");
  g_assert_cmpint (rc_store_get_change_stamp (cli), !=, cli_stamp);
  g_assert_cmpint (rc_store_get_change_stamp (f->store), !=, window_stamp);
  window_stamp = rc_store_get_change_stamp (f->store);
  seen = rc_store_get (f->store, e->id, &error);
  g_assert_no_error (error);
  g_assert_true (rc_entry_equal (seen, e));

  /* the window moves it; the CLI sees the move */
  g_assert_true (rc_store_move (f->store, e->id, rc_test_day ("2026-10-11"), &error));
  g_assert_cmpint (rc_store_get_change_stamp (f->store), !=, window_stamp);
  g_clear_pointer (&seen, rc_entry_free);
  seen = rc_store_get (cli, e->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->day, ==, rc_test_day ("2026-10-11"));

  g_assert_true (rc_store_delete (cli, e->id, &error));
  g_assert_null (rc_store_get (f->store, e->id, NULL));
}

/* Window and CLI writing at the same moment: the busy timeout makes each
 * wait its turn, and no write is lost. */
static void
test_concurrent_writers (Fixture       *f,
                         gconstpointer  data)
{
  const guint n = 150;
  g_autoptr(GPtrArray) all = NULL;
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(RcStore) cli = NULL;

      g_random_set_seed ((guint32) getpid ());
      cli = rc_store_open (f->path, NULL);
      for (guint i = 0; cli != NULL && i < n; i++)
        {
          g_autoptr(RcEntry) e = session ("2026-03-03", RC_KIND_TEMPO, "child");

          if (!rc_store_add (cli, e, NULL))
            _exit (4);
        }
      _exit (cli != NULL ? 0 : 3);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RcEntry) e = add_session (f->store, "2026-03-03", RC_NONE, "parent");
      g_assert_true (rc_store_move (f->store, e->id, rc_test_day ("2026-03-04"), NULL));
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  all = rc_test_list_all (f->store);
  g_assert_cmpuint (all->len, ==, 2 * n);
}

/* ---- another part of the process reading the plan's files ---------------- */

/* SQLite's "dead man switch" byte in the -shm (os_unix.c, UNIX_SHM_DMS): a
 * connection that finds no lock on it takes itself for the only one and
 * truncates the -shm that every other connection has mapped. */
#define SHM_DMS_OFFSET 128
#define FROM_OTHER_PROCESS "from the other process"

static char *test_self;

/* What GIO does when a file chooser sniffs a file's content type. */
static void
open_read_close (const char *path)
{
  char buf[4096];
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (read (fd, buf, sizeof buf), >, 0);
  g_assert_cmpint (close (fd), ==, 0);
}

/* The other process: first as any newcomer would, may it take the -shm's
 * dead man switch for itself? Then it adds an entry the usual way. */
static int
other_process_main (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcStore) store = NULL;
  g_autoptr(RcEntry) e = session ("2026-05-05", RC_KIND_TEMPO, FROM_OTHER_PROCESS);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  struct flock dms = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = SHM_DMS_OFFSET,
                       .l_len = 1 };
  int fd = g_open (shm, O_RDWR | O_CLOEXEC, 0);
  gboolean dms_was_free = fd >= 0 && fcntl (fd, F_SETLK, &dms) == 0;

  if (fd >= 0)
    close (fd);
  store = rc_store_open (path, &error);
  if (store == NULL || !rc_store_add (store, e, &error))
    {
      g_printerr ("%s\n", error->message);
      return 3;
    }
  if (dms_was_free)
    g_printerr ("the -shm's dead man switch was free: the window's locks were gone\n");
  return dms_was_free ? 2 : 0;
}

static void
run_other_process (const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { test_self, "--other-process", path, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

/* A file chooser in the window's process reads plan.db and its -shm, and
 * closing them dropped every POSIX lock of the process on them: the CLI then
 * truncated the -shm under the window, which died of SIGBUS on its next read.
 * SIGBUS would kill the test program, so this runs in a subprocess. */
static void
test_foreign_close_keeps_locks (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(RcEntry) mine = NULL;
  GStatBuf before, after;
  gboolean seen = FALSE;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  mine = add_session (f->store, "2026-05-04", RC_NONE, "the window's");
  all = rc_test_list_all (f->store);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpint (g_stat (shm, &before), ==, 0);

  open_read_close (f->path);
  open_read_close (shm);
  run_other_process (f->path);

  /* the -shm the window has mapped is the same file, neither truncated
   * nor deleted by the other process's close; so is the -wal */
  g_assert_cmpint (g_stat (shm, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_size, >=, before.st_size);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_clear_pointer (&all, g_ptr_array_unref);
  all = rc_test_list_all (f->store);
  g_assert_cmpuint (all->len, ==, 2);
  for (guint i = 0; i < all->len; i++)
    seen |= g_strcmp0 (((RcEntry *) g_ptr_array_index (all, i))->title, FROM_OTHER_PROCESS) == 0;
  g_assert_true (seen);
}

/* ---- crash consistency --------------------------------------------------- */

static void G_GNUC_NORETURN
crash_child (const char *path,
             int         fd)
{
  g_autoptr(GError) error = NULL;
  RcStore *store = rc_store_open (path, &error);
  RcDay first = rc_test_day ("2026-01-01");

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      _exit (3);
    }
  for (guint i = 0; ; i++)
    {
      RcEntry *e = rc_entry_new (first + i % 3650, i % 5 == 0 ? RC_KIND_MASSAGE : RC_KIND_EASY);

      e->title = g_strdup_printf ("crash entry %u — ünïcode", i);
      e->notes = g_strnfill (200 + i % 500, 'n');
      if (!rc_store_add (store, e, &error))
        {
          g_printerr ("%s\n", error->message);
          _exit (4);
        }
      /* committed: now, and only now, it is reported */
      if (write (fd, &e->id, sizeof e->id) != sizeof e->id)
        _exit (5);
      rc_entry_free (e);
    }
}

static GArray *
crash_round (const char *path)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int fds[2];
  gint64 id;
  pid_t pid;
  int status;
  ssize_t n;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* a forked child shares the parent's g_random state, and so its uids */
      g_random_set_seed ((guint32) getpid () ^ (guint32) g_get_monotonic_time ());
      close (fds[0]);
      crash_child (path, fds[1]);
    }
  close (fds[1]);

  /* wait for the first commit, then kill at a random moment */
  n = read (fds[0], &id, sizeof id);
  if (n != sizeof id)
    {
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_error ("the child stopped before its first commit: status %d", status);
    }
  g_array_append_val (ids, id);
  g_usleep (g_test_rand_int_range (0, 40000));
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  while ((n = read (fds[0], &id, sizeof id)) == sizeof id)
    g_array_append_val (ids, id);
  g_assert_cmpint (n, ==, 0);
  close (fds[0]);
  return ids;
}

static void
test_crash_consistency (Fixture       *f,
                        gconstpointer  data)
{
  guint total = 0;

  g_clear_object (&f->store);
  for (guint round = 0; round < 24; round++)
    {
      g_autoptr(GArray) ids = crash_round (f->path);
      g_autoptr(GError) error = NULL;
      g_autoptr(RcStore) store = NULL;
      g_autofree char *check = NULL;
      sqlite3 *db = raw_open (f->path);

      check = raw_text (db, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
      sqlite3_close (db);

      store = rc_store_open (f->path, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(RcEntry) e = rc_store_get (store, g_array_index (ids, gint64, i), &error);
          g_assert_no_error (error);
          g_assert_nonnull (e);
        }
      total += ids->len;
    }
  g_test_message ("%u committed entries reported over 24 kills, all present", total);
  g_assert_cmpuint (total, >=, 24);
}

/* ---- files that are not ours --------------------------------------------- */

static void
assert_refused (const char *path,
                int         code,
                const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = file_hash (path);
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *hash_after = NULL;
  RcStore *store;

  store = rc_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RC_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, why));
  hash_after = file_hash (path);
  g_assert_cmpstr (hash, ==, hash_after);

  /* and again: a second attempt does not "repair" it either */
  g_clear_error (&error);
  g_assert_null (rc_store_open (path, &error));
  g_assert_error (error, RC_STORE_ERROR, code);
  g_clear_pointer (&hash_after, g_free);
  hash_after = file_hash (path);
  g_assert_cmpstr (hash, ==, hash_after);
}

static void
test_refuses_foreign_sqlite (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "places.sqlite", NULL);
  g_autofree char *wal = g_build_filename (f->dir, "other-wal.db", NULL);
  g_autofree char *stamped = g_build_filename (f->dir, "stamped.db", NULL);
  sqlite3 *db;

  db = raw_open (other);
  raw_exec (db, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                "INSERT INTO moz_places (url) VALUES ('https://example.org')");
  sqlite3_close (db);
  assert_refused (other, RC_STORE_ERROR_NOT_OURS, "another application");

  /* another application's WAL database, no tables */
  db = raw_open (wal);
  raw_exec (db, "PRAGMA journal_mode = WAL; PRAGMA application_id = 42; PRAGMA user_version = 1");
  sqlite3_close (db);
  assert_refused (wal, RC_STORE_ERROR_NOT_OURS, "another application");

  /* no application id, but a user_version set by someone */
  db = raw_open (stamped);
  raw_exec (db, "PRAGMA user_version = 7");
  sqlite3_close (db);
  assert_refused (stamped, RC_STORE_ERROR_NOT_OURS, "another application");
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gsize) st.st_size;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

/* Another program's WAL database as it is while that program runs: pages
 * only in its -wal, never checkpointed. SQLite copies it as it stands while
 * the writer keeps it open (closing would checkpoint). AHEAD: the
 * application id is set before WAL mode, so it is in the main file's header
 * too; else even that is only in the -wal. */
static void
make_live_foreign_wal (const char *dir,
                       const char *path,
                       gboolean    ahead)
{
  g_autofree char *writer_path = g_build_filename (dir, "writer.db", NULL);
  g_autofree char *writer_wal = g_strconcat (writer_path, "-wal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  sqlite3 *writer = raw_open (writer_path);

  if (ahead)
    raw_exec (writer, "PRAGMA application_id = 42; CREATE TABLE notes (x TEXT);");
  raw_exec (writer, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;");
  if (!ahead)
    raw_exec (writer, "PRAGMA application_id = 42; CREATE TABLE notes (x TEXT);");
  raw_exec (writer, "INSERT INTO notes VALUES ('only in the wal');"
                    "INSERT INTO notes SELECT x || ' too' FROM notes;");
  g_assert_true (g_file_test (writer_wal, G_FILE_TEST_EXISTS));
  copy_file (writer_path, path);
  copy_file (writer_wal, wal);
  sqlite3_close (writer);
  g_remove (writer_path);
  g_remove (writer_wal);
}

/* Refused, and neither the file nor its -wal touched: SQLite would
 * checkpoint the other program's -wal into its file on close and delete it. */
static void
test_refuses_foreign_wal (Fixture       *f,
                          gconstpointer  data)
{
  for (guint ahead = 0; ahead < 2; ahead++)
    {
      g_autofree char *path = g_build_filename (f->dir, ahead ? "ahead.db" : "all-in-wal.db", NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *db_hash = NULL, *wal_hash = NULL;
      g_autofree char *db_after = NULL, *wal_after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RcStore) store = NULL;

      g_test_message ("application id %s", ahead ? "in the header too" : "only in the -wal");
      make_live_foreign_wal (f->dir, path, ahead);
      g_assert_cmpuint (file_size (wal), >, 0);
      db_hash = file_hash (path);
      wal_hash = file_hash (wal);

      store = rc_store_open (path, &error);
      g_assert_null (store);
      g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_OURS);
      g_assert_nonnull (strstr (error->message, "another application"));

      g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
      db_after = file_hash (path);
      wal_after = file_hash (wal);
      g_assert_cmpstr (db_after, ==, db_hash);
      g_assert_cmpstr (wal_after, ==, wal_hash);
      /* an id in the header is refused before SQLite opens the file and
       * makes its -shm beside the other program's files */
      if (ahead)
        {
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);
          g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
        }
    }
}

static void
test_refuses_text_file (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.db", NULL);
  g_autofree char *tiny = g_build_filename (f->dir, "tiny.db", NULL);
  const char *contents = "date,kind\n2026-12-08,intervals\n"
                         "this is a text file that merely ends in .db, not a database at all\n"
                         "padding padding padding padding padding padding padding padding\n";

  g_assert_true (g_file_set_contents (text, contents, -1, NULL));
  assert_refused (text, RC_STORE_ERROR_NOT_OURS, "not an SQLite file");
  g_assert_true (g_file_set_contents (tiny, "x", 1, NULL));
  assert_refused (tiny, RC_STORE_ERROR_NOT_OURS, "not an SQLite file");
}

static void
fill_store (const char *path,
            guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcStore) store = rc_store_open (path, &error);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      RcEntry *e = session ("2026-01-01", RC_KIND_LONG, "filler");

      e->day += i % 700;
      e->notes = g_strnfill (300, 'n');
      g_ptr_array_add (batch, e);
    }
  g_assert_true (rc_store_import (store, batch, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
truncate_file (const char *path,
               gsize       length)
{
  g_autofree char *contents = NULL;
  gsize full;

  g_assert_true (g_file_get_contents (path, &contents, &full, NULL));
  g_assert_cmpuint (length, <, full);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
test_refuses_truncated (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *half = g_build_filename (f->dir, "half.db", NULL);
  g_autofree char *head = g_build_filename (f->dir, "head.db", NULL);
  g_autofree char *tail = g_build_filename (f->dir, "tail.db", NULL);

  fill_store (half, 400);
  g_assert_cmpuint (file_size (half), >, 16 * 4096);
  truncate_file (half, file_size (half) / 2);
  assert_refused (half, RC_STORE_ERROR_NOT_OURS, "damaged");

  /* only the last page missing */
  fill_store (tail, 400);
  truncate_file (tail, file_size (tail) - 4096);
  assert_refused (tail, RC_STORE_ERROR_NOT_OURS, "damaged");

  fill_store (head, 10);
  truncate_file (head, 60);
  assert_refused (head, RC_STORE_ERROR_NOT_OURS, "not an SQLite file");
}

static void
test_refuses_newer_version (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d", RC_STORE_SCHEMA_VERSION + 1);
  sqlite3 *db;

  rc_entry_free (add_session (f->store, "2026-11-11", RC_NONE, "from the future"));
  g_clear_object (&f->store);
  db = raw_open (f->path);
  raw_exec (db, newer);
  sqlite3_close (db);
  assert_refused (f->path, RC_STORE_ERROR_TOO_NEW, "newer version");
}

/* ---- a read-only folder -------------------------------------------------- */

/* Runs in the child: each attempt must fail with an OPEN error naming the
 * file or its folder. Returns "ok" or what went wrong, then the messages. */
static char *
try_read_only (const char *dir)
{
  g_autofree char *inside = g_build_filename (dir, "x.db", NULL);
  g_autofree char *nested = g_build_filename (dir, "sub", "x.db", NULL);
  g_autofree char *writable = g_build_filename (dir, "writable.db", NULL);
  g_autofree char *read_only = g_build_filename (dir, "read-only.db", NULL);
  const char *paths[] = { inside, nested, writable, read_only };
  g_autoptr(GString) messages = g_string_new (NULL);
  const char *verdict = "ok";

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_filename_display_name (paths[i]);
      g_autofree char *folder = g_path_get_dirname (name);
      g_autoptr(RcStore) store = rc_store_open (paths[i], &error);

      if (store != NULL)
        verdict = "opened";
      else if (!g_error_matches (error, RC_STORE_ERROR, RC_STORE_ERROR_OPEN))
        verdict = "not an OPEN error";
      else if (strstr (error->message, name) == NULL && strstr (error->message, folder) == NULL)
        verdict = "the message names neither file nor folder";
      g_string_append_printf (messages, "\n%s", error != NULL ? error->message : name);
    }
  return g_strconcat (verdict, messages->str, NULL);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *ro = g_build_filename (f->dir, "ro", NULL);
  g_autofree char *writable = g_build_filename (ro, "writable.db", NULL);
  g_autofree char *read_only = g_build_filename (ro, "read-only.db", NULL);
  g_autofree char *hash = NULL;
  g_autofree char *hash_after = NULL;
  g_auto(GStrv) lines = NULL;
  char report[4096] = { 0 };
  gsize length = 0;
  ssize_t n;
  int fds[2], status;
  pid_t pid;

  g_clear_object (&f->store);
  g_assert_cmpint (g_mkdir (ro, 0700), ==, 0);
  fill_store (writable, 3);
  fill_store (read_only, 3);
  hash = file_hash (writable);
  g_assert_cmpint (g_chmod (writable, 0666), ==, 0);
  g_assert_cmpint (g_chmod (read_only, 0644), ==, 0);
  g_assert_cmpint (g_chmod (ro, 0555), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);

  /* root writes anywhere: the attempts run as nobody */
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autofree char *result = NULL;

      close (fds[0]);
      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (2);
      result = try_read_only (ro);
      if (write (fds[1], result, strlen (result)) < 0)
        _exit (3);
      _exit (0);
    }
  close (fds[1]);
  while ((n = read (fds[0], report + length, sizeof report - 1 - length)) > 0)
    length += n;
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  lines = g_strsplit (report, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    g_test_message ("%s", lines[i]);
  g_assert_cmpstr (lines[0], ==, "ok");
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  hash_after = file_hash (writable);
  g_assert_cmpstr (hash, ==, hash_after);
}

/* ---- a full disk ------------------------------------------------------- */

/* Runs in a child: a file size limit stands in for a full disk. */
static const char *
write_until_full (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcStore) store = rc_store_open (path, &error);
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(RcEntry) last = NULL;
  struct rlimit limit;
  guint committed = 0;

  if (store == NULL)
    return "open failed";
  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &limit);
  limit.rlim_cur = 256 * 1024;
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return "setrlimit failed";

  for (guint i = 0; error == NULL && i < 1000; i++)
    {
      g_clear_pointer (&last, rc_entry_free);
      last = session ("2026-02-01", RC_KIND_LONG, "big");
      last->notes = g_strnfill (8000, 'n');
      if (rc_store_add (store, last, &error))
        committed++;
    }
  if (!g_error_matches (error, RC_STORE_ERROR, RC_STORE_ERROR_IO) ||
      strstr (error->message, name) == NULL)
    return error != NULL ? "not an I/O error" : "never full";
  if (last->id != 0)
    return "the failed entry got an id";

  g_printerr ("# %u committed, then: %s\n", committed, error->message);
  /* nothing half-written, nothing of the committed ones lost */
  all = rc_store_list (store, RC_DAY_INVALID, RC_DAY_INVALID, NULL);
  if (all == NULL || all->len != committed)
    return "wrong count after the failed write";

  /* room again: writes work again */
  limit.rlim_cur = limit.rlim_max;
  setrlimit (RLIMIT_FSIZE, &limit);
  g_clear_error (&error);
  g_clear_pointer (&last->notes, g_free);
  if (!rc_store_add (store, last, &error))
    return "no recovery";
  return "ok";
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  char report[256] = { 0 };
  int fds[2], status;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      const char *result = write_until_full (f->path);

      if (write (fds[1], result, strlen (result)) < 0)
        _exit (3);
      _exit (0);
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], report, sizeof report - 1), >, 0);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpstr (report, ==, "ok");
}

/* ---- migration ----------------------------------------------------------- */

/* NAME in tests/data: a store as an older version shipped it, in SQL. Kept
 * in files: they are frozen data, not code. */
static char *
shipped_sql (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *sql = NULL;

  g_file_get_contents (path, &sql, NULL, &error);
  g_assert_no_error (error);
  return sql;
}

/* Writes the file on PATH with the SQL of the shipped NAME and leaves it
 * open, for what a test adds to it. */
static sqlite3 *
raw_open_shipped (const char *path,
                  const char *name)
{
  g_autofree char *sql = shipped_sql (name);
  sqlite3 *db = raw_open (path);

  raw_exec (db, sql);
  return db;
}

/* A file an older version left, upgraded on opening: what every migration
 * test holds. */
typedef struct {
  char      *path;
  RcStore   *store;
  GPtrArray *all;     /* every entry, as the upgrade left them */
} Upgraded;

static void
upgraded_clear (Upgraded *u)
{
  g_clear_pointer (&u->all, g_ptr_array_unref);
  g_clear_object (&u->store);
  g_clear_pointer (&u->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Upgraded, upgraded_clear)

/* Closes U's store and opens its file raw, now that the upgrade is done:
 * a current file, intact. */
static sqlite3 *
close_and_open_raw (Upgraded *u)
{
  sqlite3 *db;

  g_clear_object (&u->store);
  db = raw_open (u->path);
  assert_current_and_intact (db);
  return db;
}

/* Opens U->path (written first by the SQL of SHIPPED, when given), which
 * upgrades it, and lists all its entries. */
static void
open_upgraded (Upgraded   *u,
               const char *shipped)
{
  g_autoptr(GError) error = NULL;

  if (shipped != NULL)
    sqlite3_close (raw_open_shipped (u->path, shipped));
  u->store = rc_store_open (u->path, &error);
  g_assert_no_error (error);
  u->all = rc_test_list_all (u->store);
}

/* Version 1 (store-v1.sql): no notes, no updated stamp, no settings table. */
static void
test_migrates_v1 (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Upgraded) v1 = { .path = g_build_filename (f->dir, "old.db", NULL) };
  g_autoptr(RcEntry) added = NULL;
  sqlite3 *db;
  const RcEntry *e;

  open_upgraded (&v1, "store-v1.sql");
  g_assert_cmpuint (v1.all->len, ==, 3);

  e = g_ptr_array_index (v1.all, 0);
  g_assert_cmpint (e->id, ==, 1);
  g_assert_cmpstr (e->uid, ==, "v1-a@x");
  g_assert_cmpuint (e->day, ==, rc_test_day ("2025-05-04"));
  g_assert_cmpint (e->time, ==, 7 * 60 + 15);
  g_assert_cmpint (e->kind, ==, RC_KIND_LONG);
  g_assert_cmpint (e->minutes, ==, 130);
  g_assert_cmpint (e->rpe, ==, 6);
  g_assert_cmpstr (e->title, ==, "Lange Runde über den Berg");
  g_assert_null (e->notes);
  g_assert_cmpint (e->created, ==, 1700000000);
  g_assert_cmpint (e->updated, ==, 1700000000);

  e = g_ptr_array_index (v1.all, 1);
  g_assert_cmpint (e->id, ==, 5);
  g_assert_cmpint (e->kind, ==, RC_KIND_MASSAGE);
  g_assert_cmpint (e->massage, ==, RC_MASSAGE_POST_RUN);
  g_assert_cmpint (e->time, ==, RC_NONE);
  g_assert_cmpint (e->rpe, ==, RC_NONE);
  g_assert_null (e->title);   /* "Sports massage" only named the kind */
  e = g_ptr_array_index (v1.all, 2);
  g_assert_cmpint (e->id, ==, 9);
  g_assert_cmpint (e->kind, ==, RC_KIND_REST);
  g_assert_cmpint (e->minutes, ==, RC_NONE);
  g_assert_null (e->title);

  /* now a current store in every way */
  g_assert_true (rc_store_set_setting (v1.store, RC_SETTING_PROFILE, "fast", &error));
  g_assert_no_error (error);
  added = add_session (v1.store, "2025-05-07", RC_NONE, "after the upgrade");
  g_assert_cmpint (added->id, ==, 10);

  db = close_and_open_raw (&v1);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, RC_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'entries_date'"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM entries"), ==, 4);
  /* the new checks hold on migrated tables too */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entries SET kind = 'jog' WHERE id = 1", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* Version 2 (store-v2.sql): titles NOT NULL, "" for none, and the CLI stored
 * the kind's label. Each row: its title in version 2, and what version 3 keeps (NULL: none). */
static const struct {
  const char *type;
  const char *kind;
  const char *title;
  const char *kept;
} v2_titles[] = {
  { "session", "easy",      "Easy run",            NULL },
  { "session", "long",      "Long run",            NULL },
  { "session", "rest",      "Rest",                NULL },
  { "session", "rest",      "",                    NULL },
  { "session", "cross",     "Cross-training",      NULL },
  { "session", "race",      "Race",                NULL },
  { "session", "intervals", "Intervals",           NULL },
  { "session", "tempo",     "Tempo run",           NULL },
  { "massage", "post-run",  "Sports massage",      NULL },
  { "massage", "pre-event", "Pre-event massage",   NULL },
  { "massage", "maintenance", "Massage",           NULL },
  /* the user's own words stay, even where they look like a label */
  { "session", "tempo",     "Easy run",            "Easy run" },
  { "session", "easy",      "easy run",            "easy run" },
  { "session", "race",      "Race day!",           "Race day!" },
  { "session", "intervals", "6 × 800 m",           "6 × 800 m" },
  { "massage", "maintenance", "Massage beim Physio", "Massage beim Physio" },
  { "session", "easy",      "Lockerer Lauf",       "Lockerer Lauf" },  /* kept when the upgrade is in English */
};

static void
make_v2_file (const char *path)
{
  g_autofree char *shipped = shipped_sql ("store-v2.sql");
  sqlite3 *db = raw_open (path);

  raw_exec (db, "PRAGMA journal_mode = WAL");
  raw_exec (db, shipped);
  for (guint i = 0; i < G_N_ELEMENTS (v2_titles); i++)
    {
      char *sql =
        sqlite3_mprintf ("INSERT INTO entries VALUES (%u, 'v2-%u@x', '2026-03-%02u', NULL, %Q, %Q,"
                         " 40, NULL, %Q, 'note %u', 1700000000, 1700000%03u)",
                         i + 1, i, i + 1, v2_titles[i].type, v2_titles[i].kind,
                         v2_titles[i].title, i, i);
      raw_exec (db, sql);
      sqlite3_free (sql);
    }
  sqlite3_close (db);
}

static void
test_migrates_v2 (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Upgraded) v2 = { .path = g_build_filename (f->dir, "v2.db", NULL) };
  g_autoptr(RcEntry) untitled = NULL;
  sqlite3 *db;

  make_v2_file (v2.path);
  open_upgraded (&v2, NULL);
  g_assert_cmpuint (v2.all->len, ==, G_N_ELEMENTS (v2_titles));
  for (guint i = 0; i < v2.all->len; i++)
    {
      const RcEntry *e = g_ptr_array_index (v2.all, i);

      g_test_message ("%s %s “%s”", v2_titles[i].type, v2_titles[i].kind, v2_titles[i].title);
      g_assert_cmpint (e->id, ==, i + 1);
      g_assert_cmpstr (e->title, ==, v2_titles[i].kept);
      /* everything else as it was */
      g_assert_cmpint (e->minutes, ==, 40);
      g_assert_cmpint (e->updated, ==, 1700000000 + i);
      g_assert_cmpint (e->created, ==, 1700000000);
      {
        g_autofree char *note = g_strdup_printf ("note %u", i);
        g_assert_cmpstr (e->notes, ==, note);
      }
    }
  g_assert_cmpstr (rc_entry_display_title (g_ptr_array_index (v2.all, 0)), ==, "Easy run");
  g_assert_cmpstr (rc_entry_display_title (g_ptr_array_index (v2.all, 8)), ==, "Sports massage");
  g_assert_cmpint (rc_store_get_profile (v2.store), ==, RC_PROFILE_SLOW);

  /* a new entry without a title stores none */
  untitled = session ("2026-04-01", RC_KIND_LONG, NULL);
  g_assert_true (rc_store_add (v2.store, untitled, &error));
  g_assert_no_error (error);

  db = close_and_open_raw (&v2);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM entries WHERE title IS NULL"), ==, 12);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'entries_v%'"), ==, 0);
  /* "" is refused from now on: no title is NULL only */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entries SET title = '' WHERE id = 1", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* The language of the moment: no stored title, so the name follows it; and
 * an upgrade made in German also clears the German labels the CLI stored. */
static void
test_titles_follow_language (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Upgraded) v2 = { .path = g_build_filename (f->dir, "v2-de.db", NULL) };
  g_autoptr(RcEntry) easy = session ("2026-04-01", RC_KIND_EASY, NULL);
  g_autoptr(RcEntry) massage = session ("2026-04-02", RC_KIND_MASSAGE, NULL);
  g_autoptr(RcEntry) got = NULL;

  g_assert_true (rc_store_add (f->store, easy, &error));
  g_assert_true (rc_store_add (f->store, massage, &error));
  got = rc_store_get (f->store, easy->id, &error);
  g_assert_no_error (error);
  g_assert_null (got->title);
  g_assert_cmpstr (rc_entry_display_title (got), ==, "Easy run");
  g_assert_cmpstr (rc_entry_display_title (massage), ==, "Sports massage");

  set_language ("de");
  g_assert_cmpstr (rc_entry_display_title (got), ==, "Lockerer Lauf");
  g_assert_cmpstr (rc_entry_display_title (massage), ==, "Sportmassage");

  make_v2_file (v2.path);
  open_upgraded (&v2, NULL);
  g_assert_null (((RcEntry *) g_ptr_array_index (v2.all, 0))->title);         /* "Easy run" */
  g_assert_null (((RcEntry *) g_ptr_array_index (v2.all, v2.all->len - 1))->title); /* "Lockerer Lauf" */
  g_assert_cmpstr (((RcEntry *) g_ptr_array_index (v2.all, 13))->title, ==, "Race day!");
  set_language (NULL);
  g_assert_cmpstr (rc_entry_display_title (got), ==, "Easy run");
}

/* A version-1 row the version-2 checks refuse: the upgrade fails as a
 * whole and the file stays exactly as it was. */
static void
test_failed_migration_changes_nothing (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "odd.db", NULL);
  sqlite3 *db = raw_open_shipped (path, "store-v1.sql");

  raw_exec (db, "INSERT INTO entries VALUES (12, 'v1-d@x', '2025-05-08', NULL, 'session', 'jog', 30, 2, 'jog', 1700000300)");
  sqlite3_close (db);
  assert_refused (path, RC_STORE_ERROR_INVALID, "Cannot upgrade");
}

/* Version 3 (store-v3.sql, titles, before load.md's status): a file with a
 * session, a massage and a setting. */
static void
test_migrates_v3_status (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Upgraded) v3 = { .path = g_build_filename (f->dir, "v3.db", NULL) };
  g_autoptr(RcEntry) back = NULL;
  RcEntry *e;
  sqlite3 *db;

  open_upgraded (&v3, "store-v3.sql");
  g_assert_cmpint (rc_store_get_profile (v3.store), ==, RC_PROFILE_SLOW);
  g_assert_cmpuint (v3.all->len, ==, 2);
  e = g_ptr_array_index (v3.all, 0);
  g_assert_cmpint (e->id, ==, 3);
  g_assert_cmpstr (e->title, ==, "Hill tempo");
  g_assert_cmpstr (e->notes, ==, "windy");
  g_assert_cmpint (e->updated, ==, 1700000500);
  g_assert_null (((RcEntry *) g_ptr_array_index (v3.all, 1))->title);
  /* what was there is planned, with no actual values */
  g_assert_cmpint (e->status, ==, RC_STATUS_PLANNED);
  g_assert_cmpint (e->done_minutes, ==, RC_NONE);
  g_assert_cmpint (e->done_rpe, ==, RC_NONE);
  g_assert_cmpint (((RcEntry *) g_ptr_array_index (v3.all, 1))->status, ==, RC_STATUS_PLANNED);

  e->status = RC_STATUS_DONE;
  e->done_minutes = 55;
  e->done_rpe = 8;
  g_assert_true (rc_store_update (v3.store, e, &error));
  g_assert_no_error (error);
  back = rc_store_get (v3.store, 3, &error);
  g_assert_no_error (error);
  g_assert_true (rc_entry_equal (back, e));

  db = close_and_open_raw (&v3);
  g_assert_cmpint (raw_int (db, "SELECT done_minutes FROM entries WHERE id = 3"), ==, 55);
  /* the new columns' checks hold on the upgraded table */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entries SET status = 'finished' WHERE id = 3", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entries SET done_rpe = 11 WHERE id = 3", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* Status, actual minutes and RPE round-trip through add, update and restore;
 * values load.md does not allow are refused and change nothing. */
static void
test_status_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) done = rc_entry_new (rc_test_day ("2026-11-02"), RC_KIND_LONG);
  g_autoptr(RcEntry) massage = rc_entry_new (rc_test_day ("2026-11-03"), RC_KIND_MASSAGE);
  g_autoptr(RcEntry) back = NULL;
  g_autoptr(RcEntry) bad = NULL;

  done->status = RC_STATUS_DONE;
  done->done_minutes = 95;
  done->done_rpe = RC_NONE;
  g_assert_true (rc_store_add (f->store, done, &error));
  g_assert_no_error (error);
  back = rc_store_get (f->store, done->id, &error);
  g_assert_true (rc_entry_equal (back, done));

  done->status = RC_STATUS_SKIPPED;
  done->done_minutes = RC_NONE;
  g_assert_true (rc_store_update (f->store, done, &error));
  g_clear_pointer (&back, rc_entry_free);
  back = rc_store_get (f->store, done->id, &error);
  g_assert_cmpint (back->status, ==, RC_STATUS_SKIPPED);
  g_assert_true (rc_entry_equal (back, done));

  g_assert_true (rc_store_delete (f->store, done->id, &error));
  g_assert_true (rc_store_restore (f->store, back, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, rc_entry_free);
  back = rc_store_get (f->store, done->id, &error);
  g_assert_cmpint (back->status, ==, RC_STATUS_SKIPPED);

  /* refused: a massage is never done; actual values only when done; ranges */
  massage->status = RC_STATUS_DONE;
  g_assert_false (rc_store_add (f->store, massage, &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = rc_entry_copy (back);
  bad->done_minutes = 30;
  g_assert_false (rc_store_update (f->store, bad, &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad->status = RC_STATUS_DONE;
  bad->done_minutes = 0;
  g_assert_false (rc_store_update (f->store, bad, &error));
  g_clear_error (&error);
  bad->done_minutes = 30;
  bad->done_rpe = 11;
  g_assert_false (rc_store_update (f->store, bad, &error));
  g_clear_error (&error);
  g_clear_pointer (&bad, rc_entry_free);
  bad = rc_store_get (f->store, done->id, &error);
  g_assert_true (rc_entry_equal (bad, back));
}

/* Version 6: an entry remembers the activity it came from. A version-5 file
 * (the column and its index taken away again) keeps its entries and sync
 * state, gains the column empty, and one activity belongs to one entry. */
static void
test_migrates_v5_activity (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) kept = add_session (f->store, "2026-11-02", 7 * 60, "Before");
  g_autoptr(RcEntry) other = add_session (f->store, "2026-11-03", RC_NONE, NULL);
  g_autoptr(RcEntry) back = NULL;
  g_autoptr(RcEntry) found = NULL;
  sqlite3 *db;

  g_clear_object (&f->store);
  db = raw_open (f->path);
  raw_exec (db, "DROP INDEX entries_by_activity;"
                "ALTER TABLE entries DROP COLUMN activity_uid;"
                "PRAGMA user_version = 5;");
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM pragma_table_info ('entries')"
                                " WHERE name = 'activity_uid'"), ==, 0);
  sqlite3_close (db);

  f->store = rc_store_open (f->path, &error);
  g_assert_no_error (error);
  back = rc_store_get (f->store, kept->id, &error);
  g_assert_no_error (error);
  g_assert_true (rc_entry_equal (back, kept));
  g_assert_null (back->activity);
  g_assert_null (rc_store_get_by_activity (f->store, "2026-11-02T06:00:00Z-running", &error));
  g_assert_no_error (error);

  /* the link round-trips through update and is found by the activity */
  back->activity = g_strdup ("2026-11-02T06:00:00Z-running");
  back->status = RC_STATUS_DONE;
  back->done_minutes = 42;
  g_assert_true (rc_store_update (f->store, back, &error));
  g_assert_no_error (error);
  found = rc_store_get_by_activity (f->store, "2026-11-02T06:00:00Z-running", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, kept->id);
  g_assert_cmpstr (found->activity, ==, "2026-11-02T06:00:00Z-running");

  /* a second entry cannot claim the same activity */
  other->activity = g_strdup ("2026-11-02T06:00:00Z-running");
  g_assert_false (rc_store_update (f->store, other, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&f->store);

  db = raw_open (f->path);
  assert_current_and_intact (db);
  g_assert_cmpint (RC_STORE_SCHEMA_VERSION, ==, 6);
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM entries WHERE activity_uid IS NOT NULL"), ==, 1);
  /* the sync triggers of version 5 still record the writes */
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM sqlite_master WHERE type = 'trigger'"), ==, 3);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;

  /* the other process of /store/foreign-close-keeps-locks */
  if (argc == 3 && g_str_equal (argv[1], "--other-process"))
    return other_process_main (argv[2]);
  test_self = g_canonicalize_filename (argv[0], NULL);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* glibc honours LANGUAGE in C.UTF-8: the catalogues of this build */
  g_unsetenv ("LANGUAGE");
  localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/store/default-path", test_default_path);
  rc_test_add_with_store ("/store/open/creates-folders", test_open_creates_folders);
  rc_test_add_with_store ("/store/open/empty-files", test_open_empty_files);
  rc_test_add_with_store ("/store/open/odd-paths", test_open_odd_paths);
  rc_test_add_with_store ("/store/round-trip", test_round_trip);
  rc_test_add_with_store ("/store/not-found", test_not_found);
  rc_test_add_with_store ("/store/ordering", test_ordering);
  rc_test_add_with_store ("/store/range-edges", test_range_edges);
  rc_test_add_with_store ("/store/update-move-delete-restore", test_update_move_delete_restore);
  rc_test_add_with_store ("/store/invalid/api", test_api_refuses_bad_values);
  rc_test_add_with_store ("/store/invalid/schema-checks", test_schema_checks);
  rc_test_add_with_store ("/store/import", test_import);
  rc_test_add_with_store ("/store/busy-rolls-back", test_busy_rolls_back);
  rc_test_add_with_store ("/store/settings", test_settings);
  rc_test_add_with_store ("/store/two-connections", test_two_connections);
  rc_test_add_with_store ("/store/concurrent-writers", test_concurrent_writers);
  rc_test_add_with_store ("/store/foreign-close-keeps-locks", test_foreign_close_keeps_locks);
  rc_test_add_with_store ("/store/crash-consistency", test_crash_consistency);
  rc_test_add_with_store ("/store/refuses/foreign-sqlite", test_refuses_foreign_sqlite);
  rc_test_add_with_store ("/store/refuses/foreign-wal", test_refuses_foreign_wal);
  rc_test_add_with_store ("/store/refuses/text-file", test_refuses_text_file);
  rc_test_add_with_store ("/store/refuses/truncated", test_refuses_truncated);
  rc_test_add_with_store ("/store/refuses/newer-version", test_refuses_newer_version);
  rc_test_add_with_store ("/store/read-only-folder", test_read_only_folder);
  rc_test_add_with_store ("/store/disk-full", test_disk_full);
  rc_test_add_with_store ("/store/migrates-v1", test_migrates_v1);
  rc_test_add_with_store ("/store/failed-migration-changes-nothing", test_failed_migration_changes_nothing);
  rc_test_add_with_store ("/store/migrates-v2", test_migrates_v2);
  rc_test_add_with_store ("/store/titles-follow-language", test_titles_follow_language);
  rc_test_add_with_store ("/store/migrates-v3-status", test_migrates_v3_status);
  rc_test_add_with_store ("/store/status-round-trip", test_status_round_trip);
  rc_test_add_with_store ("/store/migrates-v5-activity", test_migrates_v5_activity);

  return g_test_run ();
}
