/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-scheduler.c - when the window syncs by itself (sync.md, issue
 * 18): every period (15 minutes; milliseconds here, through the
 * "period-ms" construct property), and when the network comes back. The
 * second runs in a network namespace of its own (tests/netns-wrapper.sh),
 * where the test takes the default route away and gives it back with
 * ip(8): GLib's own network monitor sees the kernel's change and emits
 * "network-changed". Each sync here fails at once (nothing listens on the
 * account's port): what is counted is that one started. */

#include "config.h"

#include <glib/gstdio.h>

#include "rc-store-sync.h"
#include "rc-sync-scheduler.h"
#include "rc-test-util.h"

typedef struct {
  char            *dir;
  RcStore         *store;
  RcSyncScheduler *scheduler;
  guint            n_runs;      /* times the state went to syncing */
} Fixture;

static void
on_state (RcSyncScheduler *scheduler,
          GParamSpec      *pspec,
          Fixture         *f)
{
  if (rc_sync_scheduler_get_state (scheduler) == RC_SYNC_STATE_SYNCING)
    f->n_runs++;
}

/* A port that was free a moment ago: connections to it are refused. */
static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, &error);

  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return port;
}

static void
set_up (Fixture *f,
        guint    period_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/", closed_port ());
  g_autofree char *calendar = g_strconcat (url, "user/training/", NULL);
  RcSyncAccount account = { url, (char *) "user", calendar, NULL, (char *) "echo secret", NULL };

  f->dir = rc_test_make_tmp_dir ("rc-scheduler-XXXXXX");
  f->store = rc_test_open_store (f->dir, "plan.db");
  g_assert_true (rc_store_sync_set_account (f->store, &account, &error));
  g_assert_no_error (error);
  f->scheduler = g_object_new (RC_TYPE_SYNC_SCHEDULER, "store", f->store, "period-ms", period_ms, NULL);
  g_assert_true (rc_sync_scheduler_for_store (f->store) == f->scheduler);
  g_signal_connect (f->scheduler, "notify::state", G_CALLBACK (on_state), f);
}

static void
tear_down (Fixture *f)
{
  g_signal_handlers_disconnect_by_data (f->scheduler, f);
  g_clear_object (&f->scheduler);
  g_clear_object (&f->store);
  rc_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gboolean
wait_runs (Fixture *f,
           guint    n,
           guint    seconds)
{
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (f->n_runs < n && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
  return f->n_runs >= n;
}

static void
test_default_period (void)
{
  g_autofree char *dir = rc_test_make_tmp_dir ("rc-scheduler-XXXXXX");
  g_autoptr(RcStore) store = rc_test_open_store (dir, "plan.db");
  guint period = 0;

  g_object_get (rc_sync_scheduler_for_store (store), "period-ms", &period, NULL);
  g_assert_cmpuint (period, ==, 15 * 60 * 1000);
  g_clear_object (&store);
  rc_test_remove_tree (dir);
}

/* Started: one sync at once, then one each period, with nothing changed. */
static void
test_period (void)
{
  Fixture f = { 0 };

  set_up (&f, 300);
  rc_sync_scheduler_start (f.scheduler);
  g_assert_cmpuint (f.n_runs, ==, 1);
  g_assert_true (wait_runs (&f, 4, 30));
  /* and not faster than the period: 4 runs took at least 3 periods */
  f.n_runs = 0;
  rc_test_spin (700);
  g_assert_cmpuint (f.n_runs, <=, 3);
  tear_down (&f);
}

static void
ip (const char *args)
{
  g_autofree char *command = g_strconcat ("ip ", args, NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
on_network_changed (GNetworkMonitor *monitor,
                    gboolean         available,
                    gboolean        *seen)
{
  if (available)
    *seen = TRUE;
}

/* No default route: a sync fails as offline and waits; the route comes
 * back: a sync runs at once, long before the period. */
static void
test_network_back (void)
{
  Fixture f = { 0 };
  GNetworkMonitor *monitor;
  gboolean seen = FALSE;

  if (g_getenv ("RC_TEST_NETNS") == NULL)
    {
      g_test_skip ("needs a network namespace of its own (netns-wrapper.sh)");
      return;
    }
  ip ("link set lo up");
  monitor = g_network_monitor_get_default ();
  g_assert_false (g_network_monitor_get_network_available (monitor));
  g_signal_connect (monitor, "network-changed", G_CALLBACK (on_network_changed), &seen);

  set_up (&f, 60 * 60 * 1000);
  rc_sync_scheduler_start (f.scheduler);
  g_assert_cmpuint (f.n_runs, ==, 1);
  while (rc_sync_scheduler_get_state (f.scheduler) == RC_SYNC_STATE_SYNCING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (rc_sync_scheduler_get_state (f.scheduler), ==, RC_SYNC_STATE_OFFLINE);
  rc_test_spin (500);
  g_assert_cmpuint (f.n_runs, ==, 1);

  ip ("route add default dev lo");
  g_assert_true (wait_runs (&f, 2, 20));
  g_assert_true (seen);
  ip ("route del default dev lo");
  g_signal_handlers_disconnect_by_data (monitor, &seen);
  tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync-scheduler/default-period", test_default_period);
  g_test_add_func ("/sync-scheduler/period", test_period);
  g_test_add_func ("/sync-scheduler/network-back", test_network_back);
  return g_test_run ();
}
