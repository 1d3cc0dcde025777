/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-sync.c - sync.md's efficiency against a real Radicale.
 *
 * Requests (machine-independent): a sync with nothing changed is one
 * request with sync tokens; k remote changes cost 1 + ceil(k/100).
 * Time: the first sync of 2,000 entries against the floor, curl PUTting the
 * same 2,000 resources over one kept-alive connection; at most 1.5x. */

#include "rc-sync.h"

#include <string.h>

#include "caldav-fixture.h"
#include "rc-test-util.h"

/* RC_BENCH_SYNC_ENTRIES overrides it for a quick look. */
#define N_FIRST 2000
#define MAX_RATIO 1.5

static RcTestServer *server;
static guint n_calendars;
static guint n_first = N_FIRST;

static char *
new_calendar (RcCaldav *client)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf (RC_TEST_USER "/bench-%u/", ++n_calendars);
  char *url = rc_test_server_url (server->radicale, path);

  g_assert_true (rc_caldav_mkcalendar (client, url, "Bench", NULL, &error));
  g_assert_no_error (error);
  return url;
}

static RcStore *
plan_store (const char *dir,
            const char *name,
            guint       n)
{
  RcStore *store = rc_test_open_store (dir, name);
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);

  for (guint i = 0; i < n; i++)
    {
      RcEntry *e = rc_entry_new (rc_test_day ("2026-01-01") + (RcDay) (i % 730),
                                 rc_test_kind_cycle (i) == RC_KIND_MASSAGE ? RC_KIND_EASY : rc_test_kind_cycle (i));

      e->title = g_strdup_printf ("Session %u", i);
      e->time = 7 * 60;
      e->minutes = 45;
      g_ptr_array_add (plan, e);
    }
  g_assert_true (rc_store_import (store, plan, NULL, NULL, NULL));
  return store;
}

static RcSyncStats
sync_now (RcStore  *store,
          RcCaldav *client)
{
  g_autoptr(GError) error = NULL;
  RcSyncStats stats;

  g_assert_true (rc_sync_run (store, client, &stats, NULL, &error));
  g_assert_no_error (error);
  return stats;
}

/* The phone renames K of the calendar's resources. */
static void
remote_changes (RcCaldav   *phone,
                const char *calendar,
                guint       k,
                guint       round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listing = rc_caldav_list_etags (phone, calendar, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (listing->len, >=, k);
  for (guint i = 0; i < k; i++)
    {
      RcDavResponse *r = listing->pdata[i];
      g_autofree char *etag = NULL;
      g_autofree char *text = rc_caldav_get (phone, r->href, &etag, NULL, &error);
      g_autoptr(GString) edited = g_string_new (text);
      g_autofree char *to = g_strdup_printf ("SUMMARY:Round %u ", round);

      g_string_replace (edited, "SUMMARY:", to, 1);
      g_assert_true (rc_caldav_put (phone, r->href, edited->str, etag, NULL, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
bench_requests (const char *dir,
                RcCaldav   *client)
{
  static const guint ks[] = { 1, 100, 101, 250 };
  g_autofree char *calendar = new_calendar (client);
  g_autoptr(RcStore) store = plan_store (dir, "requests.db", 300);
  RcSyncStats st;

  rc_test_use_account (store, calendar);
  sync_now (store, client);
  st = sync_now (store, client);
  g_print ("# nothing changed: %u request(s)\n", st.requests);
  g_assert_cmpuint (st.requests, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (ks); i++)
    {
      guint want = 1 + (ks[i] + RC_CALDAV_MULTIGET_BATCH - 1) / RC_CALDAV_MULTIGET_BATCH;

      remote_changes (client, calendar, ks[i], i);
      st = sync_now (store, client);
      g_print ("# %u remote changes: %u requests (1 + ceil(k/100) = %u)\n", ks[i], st.requests, want);
      g_assert_cmpuint (st.down_changed, ==, ks[i]);
      g_assert_cmpuint (st.requests, ==, want);
    }
}

/* The same 2,000 resources PUT by one curl process, the connection kept. */
static double
curl_floor (const char *dir,
            RcStore    *store,
            const char *calendar)
{
  g_autoptr(GPtrArray) all = rc_store_list (store, RC_DAY_INVALID, RC_DAY_INVALID, NULL);
  g_autoptr(GString) config = g_string_new (NULL);
  g_autofree char *config_path = g_build_filename (dir, "curl.cfg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) curl = NULL;
  gint64 start;

  for (guint i = 0; i < all->len; i++)
    {
      RcEntry *e = all->pdata[i];
      g_autofree char *ics = rc_sync_patch_event (e, NULL);
      g_autofree char *name = g_strdup_printf ("e%u.ics", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (path, ics, -1, NULL));
      g_string_append_printf (config, "upload-file = \"%s\"\nurl = \"%s%s.ics\"\n", path, calendar, e->uid);
    }
  g_assert_true (g_file_set_contents (config_path, config->str, -1, NULL));
  start = g_get_monotonic_time ();
  curl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, "curl", "--silent", "--fail",
                           "--user", RC_TEST_USER ":" RC_TEST_PASSWORD, "--header", "Expect:",
                           "--header", "Content-Type: text/calendar; charset=utf-8",
                           "--header", "If-None-Match: *", "--config", config_path,
                           "--output", "/dev/null", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (curl, NULL, &error));
  g_assert_no_error (error);
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static void
bench_first_sync (const char *dir,
                  RcCaldav   *client)
{
  g_autofree char *floor_calendar = new_calendar (client);
  g_autofree char *calendar = new_calendar (client);
  g_autoptr(RcStore) store = plan_store (dir, "first.db", n_first);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listing = NULL;
  double floor_s, sync_s, ratio;
  RcSyncStats st;
  gint64 start;

  floor_s = curl_floor (dir, store, floor_calendar);
  rc_test_use_account (store, calendar);
  start = g_get_monotonic_time ();
  st = sync_now (store, client);
  sync_s = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_assert_cmpuint (st.up_added, ==, n_first);
  listing = rc_caldav_list_etags (client, floor_calendar, NULL, &error);
  g_assert_cmpuint (listing->len, ==, n_first);
  ratio = sync_s / floor_s;
  g_print ("# first sync of %u entries: %.2f s; curl, the same %u PUTs: %.2f s; ratio %.2fx (target <= %.1fx)\n",
           n_first, sync_s, n_first, floor_s, ratio, MAX_RATIO);
  g_assert_cmpfloat (ratio, <=, MAX_RATIO);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *root = NULL;
  g_autoptr(RcCaldav) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *curl = g_find_program_in_path ("curl");

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("RC_BENCH_SYNC_ENTRIES") != NULL)
    n_first = (guint) CLAMP (g_ascii_strtoull (g_getenv ("RC_BENCH_SYNC_ENTRIES"), NULL, 10), 1, 100000);
  if (curl == NULL)
    {
      g_print ("1..0 # SKIP curl is missing\n");
      return 0;
    }
  server = rc_test_server_start ();
  dir = rc_test_make_tmp_dir ("rc-bench-sync-XXXXXX");
  root = rc_test_server_url (server->radicale, "");
  client = rc_caldav_new (root, RC_TEST_USER, RC_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  bench_requests (dir, client);
  bench_first_sync (dir, client);
  g_clear_object (&client);
  rc_test_remove_tree (dir);
  rc_test_server_stop (server);
  return 0;
}
