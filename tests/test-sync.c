/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync.c - the sync engine against a real Radicale, with plain HTTP
 * requests playing the phone. */

#include "rc-sync.h"

#include <string.h>

#include "caldav-fixture.h"
#include "rc-sync-private.h"
#include "rc-test-util.h"

static RcTestServer *server;

typedef struct {
  char     *dir;
  RcStore  *a;
  RcStore  *b;
  RcCaldav *client;
  char     *calendar;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  static guint n;
  g_autoptr(GError) error = NULL;
  int port = GPOINTER_TO_INT (data) ? server->nosync : server->radicale;
  g_autofree char *path = g_strdup_printf (RC_TEST_USER "/sync-%u-%d/", ++n, port);
  g_autofree char *root = rc_test_server_url (port, "");

  f->dir = rc_test_make_tmp_dir ("rc-sync-XXXXXX");
  f->a = rc_test_open_store (f->dir, "a.db");
  f->b = rc_test_open_store (f->dir, "b.db");
  f->client = rc_caldav_new (root, RC_TEST_USER, RC_TEST_PASSWORD, &error);
  f->calendar = rc_test_server_url (port, path);
  g_assert_true (rc_caldav_mkcalendar (f->client, f->calendar, "Training", NULL, &error));
  g_assert_no_error (error);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_clear_object (&f->client);
  rc_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->calendar);
}

static RcSyncStats
run_sync (Fixture *f,
      RcStore *store)
{
  g_autoptr(GError) error = NULL;
  RcSyncStats stats;

  gboolean ok = rc_sync_run (store, f->client, &stats, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  return stats;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  RcSyncStats up, down, again;
  g_autofree char *plan_a = NULL;
  g_autofree char *plan_b = NULL;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *title = g_strdup_printf ("Session %u", i);
      g_autofree char *date = g_strdup_printf ("2026-%02u-%02u", 1 + i % 12, 1 + i % 28);

      rc_test_add_entry (f->a, date, rc_test_kind_cycle (i) == RC_KIND_MASSAGE ? RC_KIND_EASY : rc_test_kind_cycle (i), title);
    }
  rc_test_use_account (f->a, f->calendar);
  up = run_sync (f, f->a);
  g_assert_cmpuint (up.up_added, ==, 120);
  rc_test_use_account (f->b, f->calendar);
  down = run_sync (f, f->b);
  g_assert_cmpuint (down.down_added, ==, 120);
  /* 1 sync-collection + 2 multigets (100 + 20) */
  g_assert_cmpuint (down.requests, ==, GPOINTER_TO_INT (data) ? 1 + 1 + 2 : 1 + 2);
  plan_a = rc_test_plan_text (f->a);
  plan_b = rc_test_plan_text (f->b);
  g_assert_cmpstr (plan_a, ==, plan_b);

  /* nothing changed: one request with sync tokens, and no duplicates */
  run_sync (f, f->a);
  again = run_sync (f, f->a);
  g_assert_cmpuint (again.down_added + again.down_changed + again.up_added + again.up_changed, ==, 0);
  if (!GPOINTER_TO_INT (data))
    g_assert_cmpuint (again.requests, ==, 1);
  g_free (plan_b);
  plan_b = rc_test_plan_text (f->a);
  g_assert_cmpstr (plan_a, ==, plan_b);
}

/* The phone adds an alarm and a category and renames; then a local move. */
static void
test_foreign_survives (Fixture       *f,
                       gconstpointer  data)
{
  static const char alarm[] = "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Shoes!\r\nTRIGGER:-PT30M\r\nEND:VALARM\r\n";
  g_autoptr(GError) error = NULL;
  gint64 id = rc_test_add_entry (f->a, "2026-12-08", RC_KIND_TEMPO, "Tempo");
  g_autoptr(RcEntry) entry = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *href = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *after = NULL;
  char *end;
  RcSyncStats stats;

  rc_test_use_account (f->a, f->calendar);
  run_sync (f, f->a);
  entry = rc_store_get (f->a, id, &error);
  uid = g_strdup (entry->uid);
  href = g_strdup_printf ("%s%s.ics", f->calendar, uid);
  text = rc_caldav_get (f->client, href, &etag, NULL, &error);
  g_assert_no_error (error);
  end = strstr (text, "END:VEVENT");
  g_assert_nonnull (end);
  phone = g_strdup_printf ("%.*sCATEGORIES:Training,Club\r\n%sEND:VEVENT\r\nEND:VCALENDAR\r\n",
                           (int) (end - text), text, alarm);
  g_assert_true (rc_caldav_put (f->client, href, phone, etag, NULL, NULL, &error));
  g_assert_no_error (error);

  stats = run_sync (f, f->a);
  g_assert_cmpuint (stats.down_changed, ==, 1);
  g_assert_true (rc_store_move (f->a, id, rc_test_day ("2026-12-09"), &error));
  stats = run_sync (f, f->a);
  g_assert_cmpuint (stats.up_changed, ==, 1);
  after = rc_caldav_get (f->client, href, NULL, NULL, &error);
  g_assert_nonnull (strstr (after, "20261209"));
  g_assert_nonnull (strstr (after, alarm));
  g_assert_nonnull (strstr (after, "CATEGORIES:Training,Club\r\n"));
}

/* An entry of KIND added in A on 8 Dec and synced to B, where it then moves
 * to MOVED_TO and syncs up: a change on the server that A has not seen.
 * A's entry. */
static RcEntry *
add_moved_elsewhere (Fixture    *f,
                     RcKind      kind,
                     const char *moved_to)
{
  g_autoptr(GError) error = NULL;
  RcEntry *in_a = rc_store_get (f->a, rc_test_add_entry (f->a, "2026-12-08", kind, NULL), &error);
  g_autoptr(RcEntry) in_b = NULL;

  g_assert_no_error (error);
  rc_test_use_account (f->a, f->calendar);
  rc_test_use_account (f->b, f->calendar);
  run_sync (f, f->a);
  run_sync (f, f->b);
  in_b = rc_store_get_by_uid (f->b, in_a->uid, &error);
  g_assert_no_error (error);
  g_assert_true (rc_store_move (f->b, in_b->id, rc_test_day (moved_to), &error));
  run_sync (f, f->b);
  return in_a;
}

/* Moved on both sides: the server wins, the local date is a conflict. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) in_a = add_moved_elsewhere (f, RC_KIND_LONG, "2026-12-10");
  gint64 id_a = in_a->id;
  g_autoptr(GPtrArray) conflicts = NULL;
  RcSyncConflict *c;
  RcSyncStats stats;

  g_assert_true (rc_store_move (f->a, id_a, rc_test_day ("2026-12-12"), &error));
  stats = run_sync (f, f->a);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  g_clear_pointer (&in_a, rc_entry_free);
  in_a = rc_store_get (f->a, id_a, &error);
  g_assert_cmpuint (in_a->day, ==, rc_test_day ("2026-12-10"));
  conflicts = rc_store_sync_list_conflicts (f->a, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = conflicts->pdata[0];
  g_assert_cmpstr (c->field, ==, "date");
  g_assert_cmpstr (c->server_value, ==, "2026-12-10");
  g_assert_cmpstr (c->local_value, ==, "2026-12-12");
}

/* Deleted here, edited there: the edit stays. */
static void
test_delete_vs_edit (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) in_a = add_moved_elsewhere (f, RC_KIND_EASY, "2026-12-11");
  g_autoptr(RcEntry) kept = NULL;
  g_autofree char *href = NULL;
  g_autofree char *text = NULL;

  g_assert_true (rc_store_delete (f->a, in_a->id, &error));
  run_sync (f, f->a);
  kept = rc_store_get_by_uid (f->a, in_a->uid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->day, ==, rc_test_day ("2026-12-11"));
  /* and the server still has it: the delete was dropped, not sent */
  href = g_strdup_printf ("%s%s.ics", f->calendar, in_a->uid);
  text = rc_caldav_get (f->client, href, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "20261211"));
}

/* The server changed between our pull and our PUT: the PUT gets 412, and
 * the sync fetches, merges both changes and retries. */
static void
test_412_retry (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rc_test_add_entry (f->a, "2026-12-08", RC_KIND_TEMPO, "Tempo");
  g_autoptr(RcEntry) entry = NULL;
  g_autoptr(RcEntry) merged = NULL;
  g_autoptr(RcDavMultistatus) now = NULL;
  g_autofree char *href = NULL, *etag = NULL, *text = NULL, *after = NULL;
  GString *phone;
  RcSyncStats stats;

  rc_test_use_account (f->a, f->calendar);
  run_sync (f, f->a);
  entry = rc_store_get (f->a, id, &error);
  href = g_strdup_printf ("%s%s.ics", f->calendar, entry->uid);
  text = rc_caldav_get (f->client, href, &etag, NULL, &error);
  phone = g_string_new (text);
  g_string_replace (phone, "SUMMARY:", "SUMMARY:Hill ", 1);
  g_assert_true (rc_caldav_put (f->client, href, phone->str, etag, NULL, NULL, &error));
  g_string_free (phone, TRUE);
  /* our pull must not see it: our token moves past the change */
  now = rc_caldav_sync_collection (f->client, f->calendar, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rc_store_sync_set_token (f->a, now->sync_token, &error));
  g_assert_true (rc_store_move (f->a, id, rc_test_day ("2026-12-09"), &error));

  stats = run_sync (f, f->a);
  g_assert_cmpuint (stats.up_changed, ==, 1);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  /* sync-collection, the PUT refused, the GET, the PUT again */
  g_assert_cmpuint (stats.requests, ==, 4);
  after = rc_caldav_get (f->client, href, NULL, NULL, &error);
  g_assert_nonnull (strstr (after, "SUMMARY:Hill Tempo"));
  g_assert_nonnull (strstr (after, "20261209"));
  merged = rc_store_get (f->a, id, &error);
  g_assert_cmpuint (merged->day, ==, rc_test_day ("2026-12-09"));
  g_assert_true (g_str_has_prefix (merged->title, "Hill Tempo"));
}

/* Our own CATEGORIES follow the kind; the phone's stay as they are. */
static void
test_categories_follow_kind (void)
{
  g_autoptr(RcEntry) e = rc_entry_new (rc_test_day ("2026-12-08"), RC_KIND_TEMPO);
  g_autofree char *first = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *patched = NULL;
  char *end;

  e->uid = g_strdup ("categories@example.com");
  first = rc_sync_patch_event (e, NULL);
  ours = g_strndup (strstr (first, "CATEGORIES:"), strcspn (strstr (first, "CATEGORIES:"), "\r\n"));
  end = strstr (first, "END:VEVENT");
  stored = g_strdup_printf ("%.*sCATEGORIES:Club\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", (int) (end - first), first);
  e->kind = RC_KIND_LONG;
  patched = rc_sync_patch_event (e, stored);
  g_assert_null (strstr (patched, ours));
  g_assert_nonnull (strstr (patched, "CATEGORIES:Club\r\n"));
  g_assert_nonnull (strstr (patched, "X-RECOVERYCAL-KIND:long"));
  g_assert_true (strstr (patched, "CATEGORIES:") != strstr (patched, "CATEGORIES:Club"));
}

/* python3-caldav playing the phone (caldav-phone.py): its output. */
static char *
phone (Fixture    *f,
       const char *command,
       ...)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "caldav-phone.py", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, script);
  g_ptr_array_add (argv, f->calendar);
  g_ptr_array_add (argv, (char *) command);
  va_start (args, command);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_setenv (launcher, "RC_PHONE_USER", RC_TEST_USER, TRUE);
  g_subprocess_launcher_setenv (launcher, "RC_PHONE_PASSWORD", RC_TEST_PASSWORD, TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  return out;
}

/* The dates of the occurrences of SERIES in STORE, "2026-12-03 …", sorted. */
static char *
occurrence_days (RcStore    *store,
                 const char *series)
{
  g_autoptr(GPtrArray) all = rc_store_list (store, RC_DAY_INVALID, RC_DAY_INVALID, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *prefix = g_strconcat (series, "#", NULL);

  for (guint i = 0; i < all->len; i++)
    {
      RcEntry *e = all->pdata[i];
      g_autofree char *day = rc_day_to_iso (e->day);

      if (g_str_has_prefix (e->uid, prefix))
        g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", day);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define WEEKLY "weekly-1@example.com"
/* 07:00 in Berlin, in UTC: the RECURRENCE-IDs the occurrences carry */
#define OCCURRENCE(day) WEEKLY "#" day "T060000Z"

/* The phone's weekly run shows as its occurrences; moving, deleting and
 * marking one done here writes an override or an EXDATE into the same
 * resource, which the phone reads; its own EXDATE removes one here; and a
 * second store gets the same plan from the server. */
static void
test_recurring (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) moved = NULL, done = NULL, gone = NULL, kept = NULL;
  g_autofree char *days = NULL, *shown = NULL, *plan_a = NULL, *plan_b = NULL;
  g_auto(GStrv) lines = NULL;
  RcSyncStats st;

  g_free (phone (f, "weekly", WEEKLY, "20261203", "6", "Easy run", NULL));
  rc_test_use_account (f->a, f->calendar);
  st = run_sync (f, f->a);
  g_assert_cmpuint (st.down_added, ==, 6);
  days = occurrence_days (f->a, WEEKLY);
  g_assert_cmpstr (days, ==, "2026-12-03 2026-12-10 2026-12-17 2026-12-24 2026-12-31 2027-01-07");

  /* here: the 10th moved to the 11th, the 17th deleted, the 24th done */
  moved = rc_store_get_by_uid (f->a, OCCURRENCE ("20261210"), NULL);
  g_assert_nonnull (moved);
  g_assert_true (rc_store_move (f->a, moved->id, rc_test_day ("2026-12-11"), &error));
  gone = rc_store_get_by_uid (f->a, OCCURRENCE ("20261217"), NULL);
  g_assert_true (rc_store_delete (f->a, gone->id, &error));
  done = rc_store_get_by_uid (f->a, OCCURRENCE ("20261224"), NULL);
  done->status = RC_STATUS_DONE;
  g_assert_true (rc_store_update (f->a, done, &error));
  g_assert_no_error (error);
  st = run_sync (f, f->a);
  g_assert_cmpuint (st.up_changed, ==, 2);
  g_assert_cmpuint (st.up_deleted, ==, 1);
  g_assert_cmpuint (st.up_added, ==, 0);

  /* the phone reads one resource: the series with its EXDATE, alarm and
   * categories, and two overrides that keep them too */
  shown = phone (f, "show", WEEKLY, NULL);
  g_test_message ("phone: %s", shown);
  g_assert_nonnull (strstr (shown, "master start=20261203T060000Z exdates=20261217T060000Z alarms=1 categories=Phone\n"));
  g_assert_nonnull (strstr (shown, "override rid=20261210T060000Z start=20261211T"));
  g_assert_nonnull (strstr (shown, "override rid=20261224T060000Z start=20261224T"));
  g_assert_nonnull (strstr (shown, "status=done alarms=1 categories=Phone\n"));
  lines = g_strsplit (shown, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);   /* three events and the last line's end */

  /* the phone leaves out the 31st: gone here, the rest as it was */
  g_free (phone (f, "exdate", WEEKLY, "20261231", NULL));
  st = run_sync (f, f->a);
  g_assert_cmpuint (st.down_deleted, ==, 1);
  g_assert_cmpuint (st.conflicts, ==, 0);
  g_free (days);
  days = occurrence_days (f->a, WEEKLY);
  g_assert_cmpstr (days, ==, "2026-12-03 2026-12-11 2026-12-24 2027-01-07");
  kept = rc_store_get_by_uid (f->a, OCCURRENCE ("20261224"), NULL);
  g_assert_cmpint (kept->status, ==, RC_STATUS_DONE);

  /* nothing pending, nothing new: a quiet sync; and a second store agrees */
  st = run_sync (f, f->a);
  g_assert_cmpuint (st.up_changed + st.up_deleted + st.down_added + st.down_changed + st.down_deleted, ==, 0);
  rc_test_use_account (f->b, f->calendar);
  run_sync (f, f->b);
  plan_a = rc_test_plan_text (f->a);
  plan_b = rc_test_plan_text (f->b);
  g_assert_cmpstr (plan_a, ==, plan_b);

  /* the phone makes it seven weeks: one more here, the others as they were */
  g_free (phone (f, "rrule", WEEKLY, "FREQ=WEEKLY;COUNT=7", NULL));
  st = run_sync (f, f->a);
  g_assert_cmpuint (st.down_added, ==, 1);
  g_assert_cmpuint (st.down_deleted, ==, 0);
  g_free (days);
  days = occurrence_days (f->a, WEEKLY);
  g_assert_cmpstr (days, ==, "2026-12-03 2026-12-11 2026-12-24 2027-01-07 2027-01-14");

  /* the moved one deleted here: its override goes and an EXDATE comes */
  g_clear_pointer (&moved, rc_entry_free);
  moved = rc_store_get_by_uid (f->a, OCCURRENCE ("20261210"), NULL);
  g_assert_true (rc_store_delete (f->a, moved->id, &error));
  st = run_sync (f, f->a);
  g_assert_cmpuint (st.up_deleted, ==, 1);
  g_free (shown);
  shown = phone (f, "show", WEEKLY, NULL);
  g_assert_null (strstr (shown, "rid=20261210T060000Z"));
  g_assert_nonnull (strstr (shown, "exdates=20261210T060000Z,20261217T060000Z,20261231T060000Z "));
  st = run_sync (f, f->b);
  g_assert_cmpuint (st.down_deleted, ==, 1);
  g_free (days);
  days = occurrence_days (f->b, WEEKLY);
  g_assert_cmpstr (days, ==, "2026-12-03 2026-12-24 2027-01-07 2027-01-14");
}

/* An all-day series (a weekly rest day): its occurrences are dates, and
 * so are the override's RECURRENCE-ID and the EXDATE written back. */
static void
test_recurring_all_day (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *href = g_strconcat (f->calendar, "rest.ics", NULL);
  g_autofree char *text = NULL, *days = NULL;
  g_autoptr(RcEntry) moved = NULL, gone = NULL;

  g_assert_true (rc_caldav_put (f->client, href,
                                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\n"
                                "UID:rest@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
                                "DTSTART;VALUE=DATE:20261207\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
                                "SUMMARY:Rest day\r\nX-PHONE-COLOUR:green\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                                NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rc_test_use_account (f->a, f->calendar);
  run_sync (f, f->a);
  days = occurrence_days (f->a, "rest@example.com");
  g_assert_cmpstr (days, ==, "2026-12-07 2026-12-14 2026-12-21");
  moved = rc_store_get_by_uid (f->a, "rest@example.com#20261214", NULL);
  g_assert_nonnull (moved);
  g_assert_cmpint (moved->kind, ==, RC_KIND_REST);
  g_assert_true (rc_store_move (f->a, moved->id, rc_test_day ("2026-12-15"), &error));
  gone = rc_store_get_by_uid (f->a, "rest@example.com#20261221", NULL);
  g_assert_true (rc_store_delete (f->a, gone->id, &error));
  run_sync (f, f->a);

  text = rc_caldav_get (f->client, href, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "EXDATE;VALUE=DATE:20261221"));
  g_assert_nonnull (strstr (text, "RECURRENCE-ID;VALUE=DATE:20261214"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20261215"));
  g_assert_nonnull (strstr (text, "RRULE:FREQ=WEEKLY;COUNT=3"));
  /* the phone's own property on the series and on the override copied from it */
  g_assert_nonnull (strstr (strstr (text, "X-PHONE-COLOUR:green") + 1, "X-PHONE-COLOUR:green"));
  rc_test_use_account (f->b, f->calendar);
  run_sync (f, f->b);
  g_free (days);
  days = occurrence_days (f->b, "rest@example.com");
  g_assert_cmpstr (days, ==, "2026-12-07 2026-12-15");
}

/* Deleting an occurrence of a resource of overrides alone (a server that
 * keeps the occurrences a program changed, its series elsewhere or gone;
 * Radicale refuses such a resource, so this runs without one): the
 * override goes and nothing else changes. There is no series to exclude
 * it from, so no EXDATE is written; it once went into the VTIMEZONE, the
 * one component there that is not a VEVENT. */
#define OVERRIDE(rid, start)                                              \
  "BEGIN:VEVENT\r\nUID:" WEEKLY "\r\nDTSTAMP:20261101T000000Z\r\n"         \
  "RECURRENCE-ID;TZID=Europe/Berlin:" rid "\r\n"                           \
  "DTSTART;TZID=Europe/Berlin:" start "\r\nDURATION:PT45M\r\n"             \
  "SUMMARY:Easy run\r\nEND:VEVENT\r\n"
#define BERLIN                                                              \
  "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"                              \
  "BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\n"    \
  "TZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"        \
  "END:STANDARD\r\nEND:VTIMEZONE\r\n"

static void
test_occurrence_overrides_only (void)
{
  RcSyncResource res = {
    .uid = (char *) WEEKLY, .href = (char *) "/cal/overrides.ics", .etag = (char *) "\"1\"",
    .ics = (char *) "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\n" BERLIN
                    OVERRIDE ("20261210T070000", "20261211T070000")
                    OVERRIDE ("20261217T070000", "20261218T070000") "END:VCALENDAR\r\n",
  };
  g_autofree char *text = _rc_sync_occurrence_text (&res, OCCURRENCE ("20261217"), "20261217T060000Z", NULL);
  g_autofree char *expected = g_strconcat ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\n" BERLIN
                                           OVERRIDE ("20261210T070000", "20261211T070000")
                                           "END:VCALENDAR\r\n", NULL);

  g_assert_cmpstr (text, ==, expected);
}

/* The phone changed the series between our pull and our PUT of an
 * override: 412, then the series fetched, merged and written again. */
static void
test_recurring_412 (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) moved = NULL;
  g_autoptr(RcDavMultistatus) now = NULL;
  g_autofree char *days = NULL, *shown = NULL;
  RcSyncStats st;

  g_free (phone (f, "weekly", WEEKLY, "20261203", "6", "Easy run", NULL));
  rc_test_use_account (f->a, f->calendar);
  run_sync (f, f->a);
  g_free (phone (f, "exdate", WEEKLY, "20261231", NULL));
  /* our pull must not see it: our token moves past the change */
  now = rc_caldav_sync_collection (f->client, f->calendar, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rc_store_sync_set_token (f->a, now->sync_token, &error));
  moved = rc_store_get_by_uid (f->a, OCCURRENCE ("20261210"), NULL);
  g_assert_true (rc_store_move (f->a, moved->id, rc_test_day ("2026-12-11"), &error));

  st = run_sync (f, f->a);
  /* sync-collection, the PUT refused, the GET, the PUT again */
  g_assert_cmpuint (st.requests, ==, 4);
  g_assert_cmpuint (st.up_changed, ==, 1);
  g_assert_cmpuint (st.down_deleted, ==, 1);
  days = occurrence_days (f->a, WEEKLY);
  g_assert_cmpstr (days, ==, "2026-12-03 2026-12-11 2026-12-17 2026-12-24 2027-01-07");
  shown = phone (f, "show", WEEKLY, NULL);
  g_assert_nonnull (strstr (shown, "exdates=20261231T060000Z "));
  g_assert_nonnull (strstr (shown, "override rid=20261210T060000Z start=20261211T"));
}

/* Found by fuzz-dav: a resource whose first VEVENT is not the entry (a
 * master the parser could not read, another program's event) had that
 * event overwritten with the entry's fields, and the entry's own event
 * left as it was. Only the event with the entry's UID is patched. */
static void
test_patch_own_event (void)
{
  static const char stored[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\n"
    "BEGIN:VEVENT\r\nUID:other@example.com\r\nDTSTART:24371657T180000Z\r\n"
    "SUMMARY:Club night\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:mine@exa\r\n mple.com\r\nDTSTART:20261110T190000Z\r\n"
    "DURATION:PT1H\r\nSUMMARY:Club intervals\r\nX-PHONE:kept\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(RcEntry) e = rc_entry_new (rc_test_day ("2026-12-08"), RC_KIND_TEMPO);
  g_autofree char *patched = NULL;
  g_autoptr(RcEntry) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *mine;

  e->uid = g_strdup ("mine@example.com");
  e->title = g_strdup ("Hill tempo");
  patched = rc_sync_patch_event (e, stored);
  /* the other event byte for byte, then ours with the new fields */
  g_assert_nonnull (strstr (patched, "BEGIN:VEVENT\r\nUID:other@example.com\r\nDTSTART:24371657T180000Z\r\n"
                                     "SUMMARY:Club night\r\nEND:VEVENT\r\n"));
  mine = strstr (patched, "UID:mine@exa");
  g_assert_nonnull (mine);
  g_assert_nonnull (strstr (mine, "SUMMARY:Hill tempo"));
  g_assert_nonnull (strstr (mine, "X-PHONE:kept"));
  g_assert_null (strstr (mine, "Club intervals"));
  again = rc_sync_remote_entry (patched, "mine.ics", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpstr (again->uid, ==, "mine@example.com");
  g_assert_cmpuint (again->day, ==, rc_test_day ("2026-12-08"));
}

/* Found by fuzz-dav too: an event without a UID gets one made up from its
 * text when it is read; the patched text changed that text, so the upload
 * read back as another entry. The patched event carries the UID now. */
static void
test_patch_no_uid (void)
{
  static const char stored[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\n"
    "BEGIN:VEVENT\r\nDTSTART:20261110T190000Z\r\nDURATION:PT1H\r\n"
    "SUMMARY:Club intervals\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) e = rc_sync_remote_entry (stored, "club.ics", &error);
  g_autoptr(RcEntry) again = NULL;
  g_autofree char *patched = NULL;
  g_autofree char *uid_line = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (e);
  e->minutes = 75;
  patched = rc_sync_patch_event (e, stored);
  uid_line = g_strdup_printf ("UID:%s\r\n", e->uid);
  g_assert_nonnull (strstr (patched, uid_line));
  again = rc_sync_remote_entry (patched, "club.ics", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpstr (again->uid, ==, e->uid);
  g_assert_cmpint (again->minutes, ==, 75);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/patch/categories-follow-kind", test_categories_follow_kind);
  g_test_add_func ("/sync/patch/own-event", test_patch_own_event);
  g_test_add_func ("/sync/patch/no-uid", test_patch_no_uid);
  g_test_add_func ("/sync/patch/occurrence-of-overrides-only", test_occurrence_overrides_only);
  for (int nosync = 0; nosync <= 1; nosync++)
    {
      const char *prefix = nosync ? "/sync/etag-only" : "/sync/tokens";
      g_autofree char *p1 = g_strconcat (prefix, "/round-trip", NULL);
      g_autofree char *p2 = g_strconcat (prefix, "/foreign-survives", NULL);
      g_autofree char *p3 = g_strconcat (prefix, "/conflict", NULL);
      g_autofree char *p4 = g_strconcat (prefix, "/delete-vs-edit", NULL);
      g_autofree char *p5 = g_strconcat (prefix, "/recurring", NULL);

      g_test_add (p1, Fixture, GINT_TO_POINTER (nosync), set_up, test_round_trip, tear_down);
      g_test_add (p2, Fixture, GINT_TO_POINTER (nosync), set_up, test_foreign_survives, tear_down);
      g_test_add (p3, Fixture, GINT_TO_POINTER (nosync), set_up, test_conflict, tear_down);
      g_test_add (p4, Fixture, GINT_TO_POINTER (nosync), set_up, test_delete_vs_edit, tear_down);
      g_test_add (p5, Fixture, GINT_TO_POINTER (nosync), set_up, test_recurring, tear_down);
      if (!nosync)
        {
          g_test_add ("/sync/tokens/412-retry", Fixture, GINT_TO_POINTER (nosync), set_up, test_412_retry, tear_down);
          g_test_add ("/sync/tokens/recurring-412", Fixture, GINT_TO_POINTER (nosync), set_up,
                      test_recurring_412, tear_down);
          g_test_add ("/sync/tokens/recurring-all-day", Fixture, GINT_TO_POINTER (nosync), set_up,
                      test_recurring_all_day, tear_down);
        }
    }
  server = rc_test_server_start ();
  status = g_test_run ();
  rc_test_server_stop (server);
  return status;
}
