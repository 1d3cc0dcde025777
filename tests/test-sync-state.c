/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-state.c - the sync state in the store: the migration that adds
 * it, pending operations committed with the entry changes, remote changes
 * that mark nothing pending, conflicts. */

#include "rc-store-sync.h"
#include "rc-sync.h"

#include <sqlite3.h>

#include "rc-test-util.h"

typedef RcTestStoreDir Fixture;

static void
set_account (RcStore *store)
{
  g_autoptr(GError) error = NULL;
  RcSyncAccount account = { "https://dav.example.com/", "runner",
                            "https://dav.example.com/runner/training/", NULL, NULL, NULL };

  g_assert_true (rc_store_sync_set_account (store, &account, &error));
  g_assert_no_error (error);
}

static GPtrArray *
pending (RcStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = rc_store_sync_list_pending (store, &error);

  g_assert_no_error (error);
  return list;
}

/* STORE has N changes waiting for the next sync. */
static void
assert_n_pending (RcStore *store,
                  guint    n)
{
  g_autoptr(GPtrArray) list = pending (store);

  g_assert_cmpuint (list->len, ==, n);
}

static RcSyncPending *
pending_for (GPtrArray  *list,
             const char *uid)
{
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (((RcSyncPending *) list->pdata[i])->uid, uid) == 0)
      return list->pdata[i];
  return NULL;
}

static void
test_untracked_without_account (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSyncAccount) none = NULL;

  rc_test_add_entry (f->store, "2026-12-01", RC_KIND_EASY, "before any account");
  assert_n_pending (f->store, 0);
  none = rc_store_sync_get_account (f->store, &error);
  g_assert_no_error (error);
  g_assert_null (none);
}

static void
test_pending_with_changes (Fixture       *f,
                           gconstpointer  data)
{
  gint64 old = rc_test_add_entry (f->store, "2026-12-01", RC_KIND_EASY, "old");
  g_autofree char *old_uid = rc_test_uid_of (f->store, old);
  g_autofree char *new_uid = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSyncAccount) account = NULL;
  gint64 seq, id;

  set_account (f->store);
  account = rc_store_sync_get_account (f->store, &error);
  g_assert_cmpstr (account->user, ==, "runner");
  g_assert_cmpstr (account->calendar, ==, "https://dav.example.com/runner/training/");
  g_assert_null (account->sync_token);

  /* the plan that was there goes up on the first sync */
  first = pending (f->store);
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpint (pending_for (first, old_uid)->op, ==, RC_SYNC_OP_PUT);
  seq = pending_for (first, old_uid)->seq;

  id = rc_test_add_entry (f->store, "2026-12-02", RC_KIND_EASY, "new");
  new_uid = rc_test_uid_of (f->store, id);
  g_assert_true (rc_store_move (f->store, old, rc_test_day ("2026-12-03"), &error));
  g_assert_true (rc_store_delete (f->store, id, &error));
  g_assert_no_error (error);
  second = pending (f->store);
  g_assert_cmpuint (second->len, ==, 2);
  g_assert_cmpint (pending_for (second, old_uid)->op, ==, RC_SYNC_OP_PUT);
  g_assert_cmpint (pending_for (second, old_uid)->seq, !=, seq);
  g_assert_cmpint (pending_for (second, new_uid)->op, ==, RC_SYNC_OP_DELETE);
}

static void
test_done_local (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = rc_test_add_entry (f->store, "2026-12-01", RC_KIND_EASY, "a");
  g_autofree char *uid = rc_test_uid_of (f->store, id);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) resources = NULL;
  g_autoptr(GError) error = NULL;
  RcSyncResource uploaded = { uid, "https://dav.example.com/runner/training/a.ics", "\"e1\"", "BEGIN:VCALENDAR" };
  RcSyncResource *stored;

  set_account (f->store);
  before = pending (f->store);
  /* the entry changes again while its upload is on the way */
  g_assert_true (rc_store_move (f->store, id, rc_test_day ("2026-12-05"), &error));
  g_assert_true (rc_store_sync_done_local (f->store, before->pdata[0], &uploaded, &error));
  g_assert_no_error (error);
  after = pending (f->store);
  g_assert_cmpuint (after->len, ==, 1);
  resources = rc_store_sync_list_resources (f->store, &error);
  stored = g_hash_table_lookup (resources, uid);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->etag, ==, "\"e1\"");
  g_assert_cmpstr (stored->href, ==, uploaded.href);

  /* the second upload is the last */
  g_assert_true (rc_store_sync_done_local (f->store, after->pdata[0], &uploaded, &error));
  assert_n_pending (f->store, 0);
}

static void
test_apply_remote (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) resources = NULL;
  RcEntry *entry = rc_entry_new (rc_test_day ("2026-12-09"), RC_KIND_TEMPO);
  RcSyncResource resource = { "phone-1", "https://dav.example.com/runner/training/phone-1.ics", "\"p1\"",
                              "BEGIN:VCALENDAR" };
  RcEntry *got;

  set_account (f->store);
  entry->uid = g_strdup ("phone-1");
  entry->title = g_strdup ("From the phone");
  g_assert_true (rc_store_sync_apply_remote (f->store, "phone-1", entry, &resource, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entry->id, >, 0);
  got = rc_store_get_by_uid (f->store, "phone-1", &error);
  g_assert_cmpstr (got->title, ==, "From the phone");
  rc_entry_free (got);
  assert_n_pending (f->store, 0);

  /* edited there, then deleted there */
  g_free (entry->title);
  entry->title = g_strdup ("Edited");
  g_assert_true (rc_store_sync_apply_remote (f->store, "phone-1", entry, &resource, &error));
  got = rc_store_get_by_uid (f->store, "phone-1", &error);
  g_assert_cmpstr (got->title, ==, "Edited");
  rc_entry_free (got);
  g_assert_true (rc_store_sync_apply_remote (f->store, "phone-1", NULL, NULL, &error));
  g_assert_null (rc_store_get_by_uid (f->store, "phone-1", &error));
  g_clear_error (&error);
  resources = rc_store_sync_list_resources (f->store, &error);
  g_assert_cmpuint (g_hash_table_size (resources), ==, 0);
  assert_n_pending (f->store, 0);
  rc_entry_free (entry);

  /* a local change after it is tracked again */
  rc_test_add_entry (f->store, "2026-12-10", RC_KIND_EASY, "local");
  assert_n_pending (f->store, 1);
}

static void
test_conflicts_and_removal (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = rc_test_add_entry (f->store, "2026-12-01", RC_KIND_EASY, "a");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) after = NULL;
  RcSyncConflict c = { id, "date", "2026-12-04", "2026-12-01" };
  RcSyncConflict *got;

  set_account (f->store);
  g_assert_true (rc_store_sync_add_conflict (f->store, &c, &error));
  g_assert_no_error (error);
  conflicts = rc_store_sync_list_conflicts (f->store, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  got = conflicts->pdata[0];
  g_assert_cmpint (got->entry_id, ==, id);
  g_assert_cmpstr (got->server_value, ==, "2026-12-04");
  g_assert_cmpstr (got->local_value, ==, "2026-12-01");

  g_assert_true (rc_store_sync_remove_account (f->store, &error));
  g_assert_null (rc_store_sync_get_account (f->store, &error));
  g_assert_no_error (error);
  after = rc_store_sync_list_conflicts (f->store, &error);
  g_assert_cmpuint (after->len, ==, 0);
  assert_n_pending (f->store, 0);
  /* the entries stay */
  rc_entry_free (rc_store_get (f->store, id, &error));
  g_assert_no_error (error);
}

/* A store made before the sync state (version 2) is upgraded in place. */
static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  rc_test_add_entry (f->store, "2026-12-01", RC_KIND_EASY, "kept");
  g_clear_object (&f->store);
  /* back to what version 2 had: no sync tables, no triggers */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TRIGGER sync_entry_added; DROP TRIGGER sync_entry_changed;"
                                 "DROP TRIGGER sync_entry_deleted; DROP TABLE sync_account;"
                                 "DROP TABLE sync_resources; DROP TABLE sync_pending;"
                                 "DROP TABLE sync_conflicts; DROP TABLE sync_applying;"
                                 "PRAGMA user_version = 2;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = rc_store_open (f->path, &error);
  g_assert_no_error (error);
  entries = rc_store_list (f->store, RC_DAY_INVALID, RC_DAY_INVALID, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((RcEntry *) entries->pdata[0])->title, ==, "kept");
  set_account (f->store);
  assert_n_pending (f->store, 1);

  /* the version is the new one, and no column holds a password */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, RC_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM pragma_table_info('sync_account')"
                                           " WHERE name LIKE '%pass%' AND name != 'password_command'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* "Use mine" reads each field back as the sync recorded it (field_text):
 * a kind by its command-line name, a massage by its kind, numbers in range. */
static void
test_take_mine (void)
{
  static const struct {
    const char *field;
    const char *mine;
    const char *label;  /* what the conflicts dialog shows for it */
  } cases[] = {
    { "date", "2026-12-04", "Fri 4 Dec 2026" },
    { "time", "07:30", "07:30" },
    { "kind", "tempo", "Tempo run" },
    { "kind", "post-run", "Post-run massage" },
    { "minutes", "50", "50" },
    { "minutes", "99999", "99999" },
    { "rpe", "7", "7" },
    { "title", "Hills", "Hills" },
    { "notes", "bring gels", "bring gels" },
    { "status", "done", "Done" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RcEntry) entry = rc_entry_new (rc_test_day ("2026-12-01"), RC_KIND_EASY);
      RcSyncConflict c = { 1, (char *) cases[i].field, "server", (char *) cases[i].mine };
      g_autofree char *label = rc_sync_field_value_label (cases[i].field, cases[i].mine);
      g_autofree char *iso = NULL;
      g_autofree char *time = NULL;

      rc_sync_conflict_take_mine (&c, entry);
      iso = rc_day_to_iso (entry->day);
      time = entry->time == RC_NONE ? NULL : g_strdup_printf ("%02d:%02d", entry->time / 60, entry->time % 60);
      g_test_message ("%s = %s", cases[i].field, cases[i].mine);
      g_assert_cmpstr (label, ==, cases[i].label);
      if (g_str_equal (cases[i].field, "date"))
        g_assert_cmpstr (iso, ==, cases[i].mine);
      else if (g_str_equal (cases[i].field, "time"))
        g_assert_cmpstr (time, ==, cases[i].mine);
      else if (g_str_equal (cases[i].field, "kind"))
        {
          /* the kind itself, not a title named after it */
          g_assert_null (entry->title);
          if (g_str_equal (cases[i].mine, "tempo"))
            g_assert_true (entry->kind == RC_KIND_TEMPO && entry->massage == RC_MASSAGE_NONE);
          else
            g_assert_true (entry->kind == RC_KIND_MASSAGE && entry->massage == RC_MASSAGE_POST_RUN);
        }
      else if (g_str_equal (cases[i].field, "minutes"))
        /* out of range: no minutes, not a wrapped number */
        g_assert_cmpint (entry->minutes, ==, g_str_equal (cases[i].mine, "50") ? 50 : RC_NONE);
      else if (g_str_equal (cases[i].field, "rpe"))
        g_assert_cmpint (entry->rpe, ==, 7);
      else if (g_str_equal (cases[i].field, "title"))
        g_assert_cmpstr (entry->title, ==, "Hills");
      else if (g_str_equal (cases[i].field, "notes"))
        g_assert_cmpstr (entry->notes, ==, "bring gels");
      else
        g_assert_cmpint (entry->status, ==, RC_STATUS_DONE);
    }
  g_assert_cmpstr (rc_sync_field_label ("rpe"), ==, "Effort");
  g_assert_cmpstr (rc_sync_field_label ("status"), ==, "Status");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rc_test_add_with_store ("/sync-state/untracked-without-account", test_untracked_without_account);
  rc_test_add_with_store ("/sync-state/pending", test_pending_with_changes);
  rc_test_add_with_store ("/sync-state/done-local", test_done_local);
  rc_test_add_with_store ("/sync-state/apply-remote", test_apply_remote);
  rc_test_add_with_store ("/sync-state/conflicts-and-removal", test_conflicts_and_removal);
  rc_test_add_with_store ("/sync-state/migration", test_migration);
  g_test_add_func ("/sync-state/take-mine", test_take_mine);
  return g_test_run ();
}
