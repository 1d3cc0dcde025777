/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-sync.c - account, sync and conflicts (sync.md) end to end: the
 * built binary against a real Radicale, plain HTTP requests playing the
 * phone, the password in a real keyring (run by keyring-wrapper.sh). */

#include "config.h"

#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caldav-fixture.h"
#include "rc-caldav.h"
#include "rc-secret.h"
#include "rc-store-sync.h"
#include "rc-test-json.h"
#include "rc-test-util.h"

#define PASSWORD_COMMAND "echo '" RC_TEST_PASSWORD "'"

static RcTestServer *server;

typedef struct {
  char     *dir;
  char     *db;         /* store a */
  char     *db_b;       /* a second device with the same account */
  char     *name;       /* the calendar's name */
  char     *calendar;   /* its URL */
  RcCaldav *phone;
} Fixture;

#define cli(db, input, run, ...) \
  G_STMT_START { const char *args_[] = { __VA_ARGS__, NULL }; rc_test_run_cli ((db), args_, NULL, (input), (run)); } G_STMT_END

/* Runs ARGS and expects exit 0. */
#define cli_ok(db, run, ...) \
  G_STMT_START { cli ((db), NULL, (run), __VA_ARGS__); \
                 if ((run)->status != 0) g_printerr ("# %s", (run)->err); \
                 g_assert_cmpint ((run)->status, ==, 0); } G_STMT_END

static void
add_account (Fixture    *f,
             const char *db)
{
  g_auto(RcTestRun) run = { 0 };
  g_autofree char *root = rc_test_server_url (server->radicale, "");

  cli_ok (db, &run, "account", "add", root, "--user", RC_TEST_USER, "--password-command", PASSWORD_COMMAND,
          "--calendar", f->name, "--create");
}

/* Syncs DB and gives "up.added" etc. of its JSON. */
static JsonNode *
sync_json (const char *db)
{
  g_auto(RcTestRun) run = { 0 };

  cli_ok (db, &run, "sync", "--json");
  return rc_test_parse_json (run.out);
}

static gint64
member (JsonNode   *node,
        const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", 2);
  JsonObject *o = json_node_get_object (node);

  if (parts[1] != NULL)
    o = json_object_get_object_member (o, parts[0]);
  return json_object_get_int_member (o, parts[1] != NULL ? parts[1] : parts[0]);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  static guint n;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = rc_test_server_url (server->radicale, "");
  g_autofree char *path = NULL;

  f->dir = rc_test_make_tmp_dir ("rc-cli-sync-XXXXXX");
  f->db = g_build_filename (f->dir, "a.db", NULL);
  f->db_b = g_build_filename (f->dir, "b.db", NULL);
  f->name = g_strdup_printf ("cal-%u-%d", ++n, (int) getpid ());
  path = g_strdup_printf (RC_TEST_USER "/%s/", f->name);
  f->calendar = rc_test_server_url (server->radicale, path);
  f->phone = rc_caldav_new (root, RC_TEST_USER, RC_TEST_PASSWORD, &error);
  g_assert_no_error (error);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_clear_object (&f->phone);
  rc_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->db_b);
  g_free (f->name);
  g_free (f->calendar);
}

static RcStore *
open_db (const char *db)
{
  g_autoptr(GError) error = NULL;
  RcStore *store = rc_store_open (db, &error);

  g_assert_no_error (error);
  return store;
}

/* A day of 2026 for the I-th entry of a big plan. */
static RcDay
day_of (guint i)
{
  return rc_test_day ("2026-01-01") + (RcDay) (i % 365);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The plan in DB as rc_test_plan_text() writes it. */
static char *
plan_text (const char *db)
{
  g_autoptr(RcStore) store = open_db (db);

  return rc_test_plan_text (store);
}

static char *
uid_of (const char *db,
        gint64      id)
{
  g_autoptr(RcStore) store = open_db (db);

  return rc_test_uid_of (store, id);
}

/* Adds a session to the plan in DB: its id, as the command line takes it,
 * and its UID. */
static char *
add_to_db (const char  *db,
           const char  *date,
           RcKind       kind,
           const char  *title,
           char       **uid)
{
  g_autoptr(RcStore) store = open_db (db);
  gint64 id = rc_test_add_entry (store, date, kind, title);

  *uid = uid_of (db, id);
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static char *
href_of (Fixture    *f,
         const char *uid)
{
  return g_strdup_printf ("%s%s.ics", f->calendar, uid);
}

/* The phone's copy of UID (NULL when gone), and its etag. */
static char *
phone_get (Fixture    *f,
           const char *uid,
           char      **etag)
{
  g_autofree char *href = href_of (f, uid);
  g_autoptr(GError) error = NULL;
  char *text = rc_caldav_get (f->phone, href, etag, NULL, &error);

  if (text == NULL)
    g_assert_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NOT_FOUND);
  return text;
}

/* The phone replaces FROM by TO in UID's resource (a conditional PUT). */
static void
phone_edit (Fixture    *f,
            const char *uid,
            const char *from,
            const char *to)
{
  g_autofree char *etag = NULL;
  g_autofree char *text = phone_get (f, uid, &etag);
  g_autofree char *href = href_of (f, uid);
  g_autoptr(GString) edited = g_string_new (text);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (text, from));
  g_string_replace (edited, from, to, 0);
  g_assert_true (rc_caldav_put (f->phone, href, edited->str, etag, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The phone renames UID's event: its whole SUMMARY line. */
static void
phone_rename (Fixture    *f,
              const char *uid,
              const char *summary)
{
  g_autofree char *text = phone_get (f, uid, NULL);
  const char *start = strstr (text, "SUMMARY:");
  g_autofree char *line = NULL;
  g_autofree char *replaced = g_strdup_printf ("SUMMARY:%s", summary);

  g_assert_nonnull (start);
  line = g_strndup (start, strcspn (start, "\r\n"));
  phone_edit (f, uid, line, replaced);
}

/* ---- the account -------------------------------------------------------- */

static void
test_account (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *root = rc_test_server_url (server->radicale, "");
  g_autofree char *db_text = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(GError) error = NULL;
  char *kept;
  g_auto(RcTestRun) run = { 0 };

  /* a calendar that is not there: exit 1, naming it; nothing saved */
  cli (f->db, RC_TEST_PASSWORD "\n", &run, "account", "add", root, "--user", RC_TEST_USER,
       "--password-stdin", "--calendar", f->name);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, f->name));
  g_assert_null (strchr (run.err, '\n') == run.err + strlen (run.err) - 1 ? NULL : run.err);
  rc_test_run_clear (&run);
  cli_ok (f->db, &run, "account", "show", "--json");
  g_assert_cmpstr (g_strstrip (run.out), ==, "null");
  rc_test_run_clear (&run);

  /* a wrong password: exit 1, the status named */
  cli (f->db, "wrong horse\n", &run, "account", "add", root, "--user", RC_TEST_USER,
       "--password-stdin", "--calendar", f->name, "--create");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "401"));
  rc_test_run_clear (&run);

  /* the right one, from standard input into the keyring */
  cli (f->db, RC_TEST_PASSWORD "\n", &run, "account", "add", root, "--user", RC_TEST_USER,
       "--password-stdin", "--calendar", f->name, "--create");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, RC_TEST_PASSWORD));
  g_assert_null (strstr (run.err, RC_TEST_PASSWORD));
  kept = rc_secret_lookup (root, RC_TEST_USER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, RC_TEST_PASSWORD);
  rc_secret_free (kept);
  g_assert_true (g_file_get_contents (f->db, &db_text, NULL, NULL));
  g_assert_null (g_strstr_len (db_text, -1, RC_TEST_PASSWORD));
  rc_test_run_clear (&run);

  cli_ok (f->db, &run, "account", "show", "--json");
  shown = rc_test_parse_json (run.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "calendar"), ==, f->calendar);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "password"), ==, "keyring");
  g_assert_null (strstr (run.out, RC_TEST_PASSWORD));
  rc_test_run_clear (&run);

  /* the keyring's password serves the sync */
  cli_ok (f->db, &run, "sync");
  g_assert_cmpstr (run.out, ==, "sync: up 0 added, 0 changed, 0 deleted; down 0 added, 0 changed, 0 deleted; 0 conflicts\n");
  rc_test_run_clear (&run);

  cli_ok (f->db, &run, "account", "remove");
  rc_test_run_clear (&run);
  g_assert_null (rc_secret_lookup (root, RC_TEST_USER, NULL, &error));
  g_assert_error (error, RC_SECRET_ERROR, RC_SECRET_ERROR_NOT_FOUND);
  cli (f->db, NULL, &run, "sync");
  g_assert_cmpint (run.status, ==, 1);
}

/* With no Secret Service, --password-stdin fails and says so. */
static void
test_no_keyring (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *root = rc_test_server_url (server->radicale, "");
  g_autofree char *bus = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  g_auto(RcTestRun) run = { 0 };

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
  cli (f->db, RC_TEST_PASSWORD "\n", &run, "account", "add", root, "--user", RC_TEST_USER,
       "--password-stdin", "--calendar", f->name, "--create");
  if (bus != NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", bus, TRUE);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Secret Service"));
  rc_test_run_clear (&run);
  cli_ok (f->db, &run, "account", "show", "--json");
  g_assert_cmpstr (g_strstrip (run.out), ==, "null");
}

/* ---- round trip and changes on either side ------------------------------ */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *plan_a = NULL;
  g_autofree char *plan_b = NULL;
  g_autoptr(JsonNode) up = NULL;
  g_autoptr(JsonNode) down = NULL;
  g_autoptr(JsonNode) again = NULL;

  {
    g_autoptr(RcStore) a = open_db (f->db);
    g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);

    for (guint i = 0; i < 500; i++)
      {
        RcEntry *e = rc_entry_new (day_of (i), rc_test_kind_cycle (i));

        e->title = i % 5 == 0 ? NULL : g_strdup_printf ("Session %u: «tempo» & more; a,b", i);
        e->notes = i % 3 == 0 ? g_strdup_printf ("line one\nline two, %u", i) : NULL;
        e->time = i % 2 == 0 ? RC_NONE : (int) (i % 24) * 60 + 15;
        e->minutes = 20 + (int) (i % 100);
        if (e->kind == RC_KIND_MASSAGE)
          e->massage = 1 + i % 3;
        else if (i % 4 == 0)
          e->status = i % 8 == 0 ? RC_STATUS_DONE : RC_STATUS_SKIPPED;
        g_ptr_array_add (plan, e);
      }
    g_assert_true (rc_store_import (a, plan, NULL, NULL, NULL));
  }
  add_account (f, f->db);
  up = sync_json (f->db);
  g_assert_cmpint (member (up, "up.added"), ==, 500);
  add_account (f, f->db_b);
  down = sync_json (f->db_b);
  g_assert_cmpint (member (down, "down.added"), ==, 500);
  g_assert_cmpint (member (down, "up.added") + member (down, "up.changed"), ==, 0);
  plan_a = plan_text (f->db);
  plan_b = plan_text (f->db_b);
  g_assert_cmpstr (plan_a, ==, plan_b);
  again = sync_json (f->db);
  g_assert_cmpint (member (again, "requests"), ==, 1);
}

static void
test_remote_changes (Fixture       *f,
                     gconstpointer  data)
{
  static const char added[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\nUID:phone-1@example.com\r\n"
    "DTSTAMP:20261201T080000Z\r\nDTSTART:20261215T170000Z\r\nDTEND:20261215T180000Z\r\n"
    "SUMMARY:Track 6x800\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *edit_uid = NULL, *move_uid = NULL, *del_uid = NULL;
  g_autofree char *href = NULL;
  g_autoptr(JsonNode) st = NULL;
  g_autoptr(RcStore) store = NULL;
  g_autoptr(RcEntry) edited = NULL, moved = NULL, gone = NULL, phone = NULL;

  {
    g_autoptr(RcStore) a = open_db (f->db);

    edit_uid = uid_of (f->db, rc_test_add_entry (a, "2026-12-08", RC_KIND_EASY, "Easy"));
    move_uid = uid_of (f->db, rc_test_add_entry (a, "2026-12-09", RC_KIND_TEMPO, "Tempo"));
    del_uid = uid_of (f->db, rc_test_add_entry (a, "2026-12-10", RC_KIND_LONG, "Long"));
  }
  add_account (f, f->db);
  g_clear_pointer (&st, json_node_unref);
  st = sync_json (f->db);

  phone_rename (f, edit_uid, "Easy with strides");
  phone_edit (f, move_uid, "20261209", "20261211");
  href = href_of (f, del_uid);
  g_assert_true (rc_caldav_delete (f->phone, href, NULL, NULL, &error));
  g_free (href);
  href = g_strdup_printf ("%sphone-1.ics", f->calendar);
  g_assert_true (rc_caldav_put (f->phone, href, added, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_clear_pointer (&st, json_node_unref);
  st = sync_json (f->db);
  g_assert_cmpint (member (st, "down.added"), ==, 1);
  g_assert_cmpint (member (st, "down.changed"), ==, 2);
  g_assert_cmpint (member (st, "down.deleted"), ==, 1);
  g_assert_cmpint (member (st, "up.added") + member (st, "up.changed") + member (st, "up.deleted"), ==, 0);
  store = open_db (f->db);
  edited = rc_store_get_by_uid (store, edit_uid, NULL);
  g_assert_cmpstr (edited->title, ==, "Easy with strides");
  moved = rc_store_get_by_uid (store, move_uid, NULL);
  g_assert_cmpuint (moved->day, ==, rc_test_day ("2026-12-11"));
  gone = rc_store_get_by_uid (store, del_uid, NULL);
  g_assert_null (gone);
  phone = rc_store_get_by_uid (store, "phone-1@example.com", NULL);
  g_assert_nonnull (phone);
  g_assert_cmpint (phone->kind, ==, RC_KIND_INTERVALS);
}

static void
test_local_changes (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *edit_uid = NULL, *move_uid = NULL, *del_uid = NULL, *done_uid = NULL, *new_uid = NULL;
  g_autofree char *edit_s = NULL, *move_s = NULL, *done_s = NULL, *new_s = NULL, *del_s = NULL;
  g_autofree char *move_id = NULL, *del_id = NULL, *done_id = NULL;
  g_autoptr(JsonNode) st = NULL;
  g_auto(RcTestRun) run = { 0 };
  gint64 new_id;

  {
    g_autoptr(RcStore) a = open_db (f->db);
    gint64 e = rc_test_add_entry (a, "2026-12-08", RC_KIND_EASY, "Easy");
    gint64 m = rc_test_add_entry (a, "2026-12-09", RC_KIND_TEMPO, "Tempo");
    gint64 d = rc_test_add_entry (a, "2026-12-10", RC_KIND_LONG, "Long");
    gint64 x = rc_test_add_entry (a, "2026-12-11", RC_KIND_INTERVALS, "Reps");

    edit_uid = uid_of (f->db, e);
    move_uid = uid_of (f->db, m), move_id = g_strdup_printf ("%" G_GINT64_FORMAT, m);
    del_uid = uid_of (f->db, d), del_id = g_strdup_printf ("%" G_GINT64_FORMAT, d);
    done_uid = uid_of (f->db, x), done_id = g_strdup_printf ("%" G_GINT64_FORMAT, x);
  }
  add_account (f, f->db);
  st = sync_json (f->db);

  /* add, move, delete and done through the command line; edit in the store */
  cli_ok (f->db, &run, "add", "2026-12-13", "race", "--title", "Parkrun", "--time", "09:00");
  new_id = g_ascii_strtoll (run.out, NULL, 10);
  rc_test_run_clear (&run);
  cli_ok (f->db, &run, "move", move_id, "2026-12-12");
  rc_test_run_clear (&run);
  cli_ok (f->db, &run, "delete", del_id);
  rc_test_run_clear (&run);
  cli_ok (f->db, &run, "done", done_id, "--minutes", "55");
  rc_test_run_clear (&run);
  {
    g_autoptr(RcStore) a = open_db (f->db);
    g_autoptr(RcEntry) e = rc_store_get_by_uid (a, edit_uid, NULL);

    g_free (e->notes);
    e->notes = g_strdup ("Flat route");
    g_assert_true (rc_store_update (a, e, NULL));
  }
  g_clear_pointer (&st, json_node_unref);
  st = sync_json (f->db);
  g_assert_cmpint (member (st, "up.added"), ==, 1);
  g_assert_cmpint (member (st, "up.changed"), ==, 3);
  g_assert_cmpint (member (st, "up.deleted"), ==, 1);

  /* the phone reads them */
  new_uid = uid_of (f->db, new_id);
  new_s = phone_get (f, new_uid, NULL);
  g_assert_nonnull (strstr (new_s, "SUMMARY:Parkrun"));
  move_s = phone_get (f, move_uid, NULL);
  g_assert_nonnull (strstr (move_s, "20261212"));
  g_assert_null (strstr (move_s, "20261209"));
  del_s = phone_get (f, del_uid, NULL);
  g_assert_null (del_s);
  done_s = phone_get (f, done_uid, NULL);
  g_assert_nonnull (strstr (done_s, "X-RECOVERYCAL-STATUS:done"));
  edit_s = phone_get (f, edit_uid, NULL);
  g_assert_nonnull (strstr (edit_s, "Flat route"));
}

/* TEXT from START to the end of END. */
static char *
block_of (const char *text,
          const char *start,
          const char *end)
{
  const char *a = strstr (text, start);
  const char *b = a != NULL ? strstr (a, end) : NULL;

  g_assert_nonnull (b);
  return g_strndup (a, (gsize) (b - a) + strlen (end));
}

/* A phone's alarm and categories stay byte for byte through a local edit. */
static void
test_foreign_survives (Fixture       *f,
                       gconstpointer  data)
{
  static const char alarm[] = "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Shoes!\r\n"
                              "TRIGGER;RELATED=START:-PT30M\r\nX-PHONE-ID:a;b\\,c\r\nEND:VALARM\r\n";
  static const char categories[] = "CATEGORIES:Club,Training\r\n";
  g_autofree char *uid = NULL, *id = NULL, *after = NULL, *extra = NULL;
  g_autofree char *before = NULL, *kept_alarm = NULL, *kept_categories = NULL;
  g_autoptr(JsonNode) st = NULL;
  g_auto(RcTestRun) run = { 0 };

  id = add_to_db (f->db, "2026-12-08", RC_KIND_TEMPO, "Tempo", &uid);
  add_account (f, f->db);
  st = sync_json (f->db);
  extra = g_strdup_printf ("%s%sEND:VEVENT", categories, alarm);
  phone_edit (f, uid, "END:VEVENT", extra);
  g_clear_pointer (&st, json_node_unref);
  st = sync_json (f->db);
  g_assert_cmpint (member (st, "down.changed"), ==, 1);

  /* as the server keeps them (it may write them its own way) */
  before = phone_get (f, uid, NULL);
  kept_alarm = block_of (before, "BEGIN:VALARM", "END:VALARM\r\n");
  kept_categories = block_of (before, "CATEGORIES:Club", "\r\n");
  g_assert_nonnull (strstr (kept_alarm, "Shoes!"));

  cli_ok (f->db, &run, "move", id, "2026-12-09");
  g_clear_pointer (&st, json_node_unref);
  st = sync_json (f->db);
  g_assert_cmpint (member (st, "up.changed"), ==, 1);
  after = phone_get (f, uid, NULL);
  g_assert_nonnull (strstr (after, "20261209"));
  g_assert_nonnull (strstr (after, kept_alarm));
  g_assert_nonnull (strstr (after, kept_categories));
}

/* ---- conflicts ---------------------------------------------------------- */

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *uid = NULL, *id_a = NULL, *id_b = NULL, *text = NULL;
  g_autoptr(JsonNode) st = NULL;
  g_autoptr(JsonNode) listed = NULL;
  JsonObject *c;
  g_auto(RcTestRun) run = { 0 };

  id_a = add_to_db (f->db, "2026-12-08", RC_KIND_LONG, "Long", &uid);
  add_account (f, f->db);
  add_account (f, f->db_b);
  g_clear_pointer (&st, json_node_unref); st = sync_json (f->db);
  g_clear_pointer (&st, json_node_unref); st = sync_json (f->db_b);
  {
    g_autoptr(RcStore) b = open_db (f->db_b);
    g_autoptr(RcEntry) e = rc_store_get_by_uid (b, uid, NULL);

    id_b = g_strdup_printf ("%" G_GINT64_FORMAT, e->id);
  }
  cli_ok (f->db_b, &run, "move", id_b, "2026-12-10");
  rc_test_run_clear (&run);
  g_clear_pointer (&st, json_node_unref); st = sync_json (f->db_b);
  cli_ok (f->db, &run, "move", id_a, "2026-12-12");
  rc_test_run_clear (&run);

  /* the server wins; the local date is listed */
  cli_ok (f->db, &run, "sync");
  g_assert_true (g_str_has_suffix (run.out, "; 1 conflicts\n"));
  rc_test_run_clear (&run);
  g_assert_nonnull (strstr (plan_text (f->db), "2026-12-10"));
  cli_ok (f->db, &run, "conflicts", "--json");
  listed = rc_test_parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 1);
  c = json_array_get_object_element (json_node_get_array (listed), 0);
  g_assert_cmpint (json_object_get_int_member (c, "id"), ==, g_ascii_strtoll (id_a, NULL, 10));
  g_assert_cmpstr (json_object_get_string_member (c, "field"), ==, "date");
  g_assert_cmpstr (json_object_get_string_member (c, "server"), ==, "2026-12-10");
  g_assert_cmpstr (json_object_get_string_member (c, "local"), ==, "2026-12-12");
  rc_test_run_clear (&run);
  cli_ok (f->db, &run, "conflicts");
  g_assert_cmpstr (run.out, ==, g_strdup_printf ("%s\tdate\t2026-12-10\t2026-12-12\n", id_a));
  rc_test_run_clear (&run);

  /* use mine: restored and uploaded, the list empty */
  cli_ok (f->db, &run, "conflicts", "use-mine", id_a);
  g_assert_nonnull (strstr (run.out, "up 0 added, 1 changed"));
  rc_test_run_clear (&run);
  text = phone_get (f, uid, NULL);
  g_assert_nonnull (strstr (text, "20261212"));
  cli_ok (f->db, &run, "conflicts");
  g_assert_cmpstr (run.out, ==, "");
  rc_test_run_clear (&run);
  g_clear_pointer (&st, json_node_unref); st = sync_json (f->db_b);
  g_assert_cmpint (member (st, "down.changed"), ==, 1);
  g_assert_cmpstr (plan_text (f->db), ==, plan_text (f->db_b));

  /* an id without a conflict */
  cli (f->db, NULL, &run, "conflicts", "use-mine", id_a);
  g_assert_cmpint (run.status, ==, 1);
}

/* Deleted here, edited there: the edit stays. */
static void
test_delete_vs_edit (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *uid = NULL, *id_a = NULL;
  g_autoptr(JsonNode) st = NULL;
  g_auto(RcTestRun) run = { 0 };

  id_a = add_to_db (f->db, "2026-12-08", RC_KIND_EASY, "Easy", &uid);
  add_account (f, f->db);
  g_clear_pointer (&st, json_node_unref); st = sync_json (f->db);
  phone_rename (f, uid, "Easy in the park");
  cli_ok (f->db, &run, "delete", id_a);
  g_clear_pointer (&st, json_node_unref); st = sync_json (f->db);
  g_assert_cmpint (member (st, "up.deleted"), ==, 0);
  g_assert_nonnull (strstr (plan_text (f->db), "Easy in the park"));
  g_assert_nonnull (phone_get (f, uid, NULL));
}

/* ---- bad servers -------------------------------------------------------- */

static char *
pending_text (RcStore *store)
{
  g_autoptr(GPtrArray) pending = rc_store_sync_list_pending (store, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < pending->len; i++)
    {
      RcSyncPending *p = pending->pdata[i];

      g_string_append_printf (out, "%s %d %" G_GINT64_FORMAT "\n", p->uid, p->op, p->seq);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Each: one line on stderr, exit 1, the store and its pending changes as they were. */
static void
test_bad_servers (Fixture       *f,
                  gconstpointer  data)
{
  static const struct { const char *path; const char *password; const char *says; } cases[] = {
    { NULL, "wrong", "401" },
    { "fault/500/", NULL, "500" },
    { "fault/close/", NULL, NULL },
    { "fault/malformed/", NULL, NULL },
    { "fault/big/", NULL, NULL },
    { "fault/badics/", NULL, "iCalendar" },
  };

  add_account (f, f->db);
  {
    g_autoptr(RcStore) a = open_db (f->db);

    rc_test_add_entry (a, "2026-12-08", RC_KIND_EASY, "Pending");
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RcStore) store = open_db (f->db);
      g_autoptr(RcSyncAccount) account = rc_store_sync_get_account (store, NULL);
      g_autofree char *command = g_strdup_printf ("echo '%s'", cases[i].password ? cases[i].password : RC_TEST_PASSWORD);
      g_autofree char *calendar = cases[i].path != NULL ? rc_test_server_url (server->fault, cases[i].path)
                                                        : g_strdup (f->calendar);
      RcSyncAccount bad = { account->url, account->user, calendar, NULL, command, NULL };
      g_autofree char *plan_before = NULL, *pending_before = NULL, *plan_after = NULL, *pending_after = NULL;
      g_auto(RcTestRun) run = { 0 };

      g_test_message ("bad server: %s", calendar);
      g_assert_true (rc_store_sync_set_account (store, &bad, NULL));
      plan_before = plan_text (f->db);
      pending_before = pending_text (store);
      g_assert_cmpstr (pending_before, !=, "");
      cli (f->db, NULL, &run, "sync");
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "recoverycal: "));
      g_assert_true (g_str_has_suffix (run.err, "\n"));
      g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, (int) strlen (run.err) - 1);
      if (cases[i].says != NULL)
        g_assert_nonnull (strstr (run.err, cases[i].says));
      plan_after = plan_text (f->db);
      pending_after = pending_text (store);
      g_assert_cmpstr (plan_before, ==, plan_after);
      g_assert_cmpstr (pending_before, ==, pending_after);
    }
}

/* ---- crash safety ------------------------------------------------------- */

/* Starts a sync of DB and kills it with SIGKILL after DELAY_MS unless it
 * ended before. TRUE when it completed by itself. */
static gboolean
sync_killed_after (const char *db,
                   guint       delay_ms)
{
  const char *argv[] = { g_getenv ("RECOVERYCAL"), "--db", db, "sync", NULL };
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + (gint64) delay_ms * 1000;
  int status = 0;
  GPid pid;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  while (g_get_monotonic_time () < deadline)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        return WIFEXITED (status) && WEXITSTATUS (status) == 0;
      g_usleep (1000);
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* The server holds each entry of DB exactly once, and nothing else. */
static void
assert_once_each (Fixture    *f,
                  const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listing = rc_caldav_list_etags (f->phone, f->calendar, NULL, &error);
  g_autoptr(GPtrArray) hrefs = g_ptr_array_new ();
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GHashTable) on_server = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(RcStore) store = open_db (db);
  g_autoptr(GPtrArray) all = rc_store_list (store, RC_DAY_INVALID, RC_DAY_INVALID, NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < listing->len; i++)
    g_ptr_array_add (hrefs, ((RcDavResponse *) listing->pdata[i])->href);
  got = rc_caldav_multiget (f->phone, f->calendar, (const char * const *) hrefs->pdata, hrefs->len, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < got->len; i++)
    {
      const char *data = ((RcDavResponse *) got->pdata[i])->calendar_data;
      const char *p = data != NULL ? strstr (data, "\nUID:") : NULL;
      g_autofree char *uid = NULL;

      g_assert_nonnull (p);
      uid = g_strndup (p + 5, strcspn (p + 5, "\r\n"));
      /* twice on the server would be a duplicate */
      g_assert_true (g_hash_table_add (on_server, g_steal_pointer (&uid)));
    }
  g_assert_cmpuint (g_hash_table_size (on_server), ==, all->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_true (g_hash_table_contains (on_server, ((RcEntry *) all->pdata[i])->uid));
}

/* Three local changes: an add, a move and a delete (or a done). */
static void
change_something (const char *db,
                  GRand      *rand,
                  guint       round)
{
  g_autoptr(RcStore) store = open_db (db);
  g_autoptr(GPtrArray) all = rc_store_list (store, RC_DAY_INVALID, RC_DAY_INVALID, NULL);
  g_autofree char *title = g_strdup_printf ("Round %u", round);
  RcEntry *moved = all->pdata[g_rand_int_range (rand, 0, (gint32) all->len)];
  RcEntry *other = all->pdata[g_rand_int_range (rand, 0, (gint32) all->len)];

  rc_test_add_entry (store, "2026-11-20", RC_KIND_EASY, title);
  moved->day += 1 + (RcDay) g_rand_int_range (rand, 0, 5);
  g_assert_true (rc_store_update (store, moved, NULL));
  if (other != moved && round % 2 == 0)
    g_assert_true (rc_store_delete (store, other->id, NULL));
  else if (other->kind != RC_KIND_MASSAGE)
    {
      other->status = RC_STATUS_DONE;
      g_assert_true (rc_store_update (store, other, NULL));
    }
}

static void
test_crash (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261208);
  g_autoptr(JsonNode) st = NULL;
  guint kills = 0;

  {
    g_autoptr(RcStore) a = open_db (f->db);
    g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);

    for (guint i = 0; i < 300; i++)
      {
        RcEntry *e = rc_entry_new (day_of (i), rc_test_kind_cycle (i) == RC_KIND_MASSAGE
                                                       ? RC_KIND_EASY : rc_test_kind_cycle (i));

        e->title = g_strdup_printf ("Crash %u", i);
        g_ptr_array_add (plan, e);
      }
    g_assert_true (rc_store_import (a, plan, NULL, NULL, NULL));
  }
  add_account (f, f->db);
  /* killed at random moments of the first sync, then left to finish; each
   * run ends within 300 ms, as 300 uploads take longer than that even on a
   * quiet machine (up to 2.5 s, the first run could finish first there) */
  for (guint i = 0; i < 6; i++)
    kills += !sync_killed_after (f->db, (guint) g_rand_int_range (rand, 20, 300));
  g_test_message ("first sync: killed %u times", kills);
  g_assert_cmpuint (kills, >, 0);
  st = sync_json (f->db);
  assert_once_each (f, f->db);

  for (guint round = 0; round < 20; round++)
    {
      change_something (f->db, rand, round);
      sync_killed_after (f->db, (guint) g_rand_int_range (rand, 0, 120));
    }
  g_clear_pointer (&st, json_node_unref); st = sync_json (f->db);
  assert_once_each (f, f->db);
  /* and a second device gets exactly the same plan */
  add_account (f, f->db_b);
  g_clear_pointer (&st, json_node_unref); st = sync_json (f->db_b);
  g_assert_cmpstr (plan_text (f->db), ==, plan_text (f->db_b));
}

/* python3-caldav playing the phone (caldav-phone.py) on CALENDAR: its output. */
static char *
phone_py (const char *calendar,
          const char *command)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "caldav-phone.py", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_subprocess_launcher_setenv (launcher, "RC_PHONE_USER", RC_TEST_USER, TRUE);
  g_subprocess_launcher_setenv (launcher, "RC_PHONE_PASSWORD", RC_TEST_PASSWORD, TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, script, calendar, command, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  return out;
}

/* The ideal days `export --windows` writes for DB's plan, as the phone's
 * list of the windows calendar should show them. */
static char *
exported_windows (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "windows.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) want = g_string_new (NULL);
  g_auto(RcTestRun) run = { 0 };

  cli_ok (f->db, &run, "export", path, "--windows");
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (const char *p = strstr (text, "UID:ideal-"); p != NULL; p = strstr (p + 1, "UID:ideal-"))
    g_string_append_printf (want, "%.10s allday transp=TRANSPARENT summary=Ideal massage day\n",
                            p + strlen ("UID:ideal-"));
  return g_string_free (g_steal_pointer (&want), FALSE);
}

/* The massage windows calendar holds the plan's ideal days after each
 * `sync`, follows the advice as the plan changes, overwrites the phone's
 * edits of its events, and is never read into the plan. */
static void
test_windows_calendar (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *root = rc_test_server_url (server->radicale, "");
  g_autofree char *windows_name = g_strconcat (f->name, "-windows", NULL);
  g_autofree char *windows_path = g_strdup_printf (RC_TEST_USER "/%s/", windows_name);
  g_autofree char *windows = rc_test_server_url (server->radicale, windows_path);
  g_autofree char *want = NULL, *shown = NULL, *before = NULL, *plan = NULL, *plan_after = NULL;
  g_autofree char *foreign = g_strconcat (windows, "tempo.ics", NULL);
  g_autoptr(GPtrArray) listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) race = { 0 };

  cli_ok (f->db, &run, "add", "2026-12-01", "intervals");
  cli_ok (f->db, &run, "add", "2026-12-05", "long");
  cli_ok (f->db, &race, "add", "2026-12-13", "race");
  cli_ok (f->db, &run, "add", "2026-12-16", "easy");
  cli_ok (f->db, &run, "account", "add", root, "--user", RC_TEST_USER, "--password-command", PASSWORD_COMMAND,
          "--calendar", f->name, "--windows-calendar", windows_name, "--create");
  cli_ok (f->db, &run, "sync");
  want = exported_windows (f);
  g_assert_cmpstr (want, !=, "");
  shown = phone_py (windows, "list");
  g_assert_cmpstr (shown, ==, want);

  /* the phone retitles one and adds a session of its own there */
  listing = rc_caldav_list_etags (f->phone, windows, NULL, &error);
  g_assert_no_error (error);
  {
    RcDavResponse *r = listing->pdata[0];
    g_autofree char *etag = NULL;
    g_autofree char *text = rc_caldav_get (f->phone, r->href, &etag, NULL, &error);
    g_autoptr(GString) edited = g_string_new (text);

    g_string_replace (edited, "SUMMARY:Ideal massage day", "SUMMARY:Not this one", 1);
    g_assert_true (rc_caldav_put (f->phone, r->href, edited->str, etag, NULL, NULL, &error));
    g_assert_true (rc_caldav_put (f->phone, foreign,
                                  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\n"
                                  "UID:tempo@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
                                  "DTSTART:20261209T070000Z\r\nSUMMARY:Tempo run\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                                  NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  plan = plan_text (f->db);
  out = sync_json (f->db);
  g_assert_cmpint (member (out, "down.added"), ==, 0);
  plan_after = plan_text (f->db);
  g_assert_cmpstr (plan_after, ==, plan);   /* one-way: nothing read back */
  g_free (shown);
  shown = phone_py (windows, "list");
  g_assert_nonnull (strstr (shown, "2026-12-09 timed transp=- summary=Tempo run\n"));   /* others' stays */
  g_assert_null (strstr (shown, "Not this one"));

  /* the race goes: its windows go, and the advice without it comes */
  before = g_strdup (want);
  cli_ok (f->db, &run, "delete", g_strstrip (race.out));
  cli_ok (f->db, &run, "sync");
  g_free (want);
  want = exported_windows (f);
  g_assert_cmpstr (want, !=, before);
  g_free (shown);
  shown = phone_py (windows, "list");
  {
    g_autofree char *joined = g_strconcat (want, "2026-12-09 timed transp=- summary=Tempo run", NULL);
    g_auto(GStrv) lines = g_strsplit (joined, "\n", -1);
    g_autofree char *expected = NULL;

    qsort (lines, g_strv_length (lines), sizeof (char *), compare_lines);
    expected = g_strjoinv ("\n", lines);
    g_assert_true (g_str_has_prefix (shown, expected));
    g_assert_cmpstr (shown + strlen (expected), ==, "\n");
  }

  /* a sync with nothing changed writes nothing there */
  g_clear_pointer (&listing, g_ptr_array_unref);
  listing = rc_caldav_list_etags (f->phone, windows, NULL, &error);
  {
    g_autoptr(GPtrArray) again = NULL;
    g_autoptr(GHashTable) etags = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < listing->len; i++)
      g_hash_table_insert (etags, ((RcDavResponse *) listing->pdata[i])->href,
                           ((RcDavResponse *) listing->pdata[i])->etag);
    cli_ok (f->db, &run, "sync");
    again = rc_caldav_list_etags (f->phone, windows, NULL, &error);
    g_assert_cmpuint (again->len, ==, listing->len);
    for (guint i = 0; i < again->len; i++)
      g_assert_cmpstr (((RcDavResponse *) again->pdata[i])->etag, ==,
                       g_hash_table_lookup (etags, ((RcDavResponse *) again->pdata[i])->href));
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-sync/account", Fixture, NULL, set_up, test_account, tear_down);
  g_test_add ("/cli-sync/no-keyring", Fixture, NULL, set_up, test_no_keyring, tear_down);
  g_test_add ("/cli-sync/round-trip", Fixture, NULL, set_up, test_round_trip, tear_down);
  g_test_add ("/cli-sync/remote-changes", Fixture, NULL, set_up, test_remote_changes, tear_down);
  g_test_add ("/cli-sync/local-changes", Fixture, NULL, set_up, test_local_changes, tear_down);
  g_test_add ("/cli-sync/foreign-survives", Fixture, NULL, set_up, test_foreign_survives, tear_down);
  g_test_add ("/cli-sync/conflict", Fixture, NULL, set_up, test_conflict, tear_down);
  g_test_add ("/cli-sync/delete-vs-edit", Fixture, NULL, set_up, test_delete_vs_edit, tear_down);
  g_test_add ("/cli-sync/bad-servers", Fixture, NULL, set_up, test_bad_servers, tear_down);
  g_test_add ("/cli-sync/crash", Fixture, NULL, set_up, test_crash, tear_down);
  g_test_add ("/cli-sync/windows-calendar", Fixture, NULL, set_up, test_windows_calendar, tear_down);
  server = rc_test_server_start ();
  status = g_test_run ();
  rc_test_server_stop (server);
  return status;
}
