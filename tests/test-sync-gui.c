/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-gui.c - sync in the window (issue 18) against a real Radicale
 * and a private GNOME Keyring: the Sync page connects (a refused password
 * first), creates the training calendar, a new session reaches the server
 * (read back with curl, not our client), a server change reaches the
 * calendar without a restart, a conflict is resolved in the dialog, and
 * Disconnect forgets the account and the password but keeps the plan. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "caldav-fixture.h"
#include "rc-conflicts-dialog.h"
#include "rc-preferences-window.h"
#include "rc-secret.h"
#include "rc-spinner.h"
#include "rc-store-sync.h"
#include "rc-sync-page.h"
#include "rc-sync-scheduler.h"
#include "rc-sync-status.h"
#include "window-fixture.h"

static RcTestServer *server;

/* What a click on BUTTON does (activate would wait for its animation). */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* ---- screenshots, light and dark, in _build/tests/screenshots ---------- */

static gboolean
on_settled (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_settled, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (int dark = 0; dark < 2; dark++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s", name, dark ? "dark" : "light");

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      settle (300);
      fixture_wait_drawn (widget);
      fixture_save_png (widget, file);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Focuses ROW, selects what it holds and types TEXT over it (xdotool). */
static void
type_into (GtkWidget  *row,
           const char *text)
{
  g_assert_true (gtk_widget_grab_focus (row));
  fixture_xdotool ("key", "--delay", "30", "ctrl+a", "BackSpace", NULL);
  fixture_xdotool ("type", "--delay", "20", text, NULL);
}

static RcSyncPage *
open_sync_page (WindowFixture        *fixture,
                RcPreferencesWindow **out)
{
  RcPreferencesWindow *preferences =
    rc_preferences_window_new (GTK_WINDOW (fixture->window), rc_window_get_model (fixture->window));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sync");
  gtk_window_present (GTK_WINDOW (preferences));
  fixture_wait_drawn (GTK_WIDGET (preferences));
  *out = preferences;
  return RC_SYNC_PAGE (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
}

static gboolean
page_idle (gpointer page)
{
  return !rc_sync_page_get_busy (page);
}

static RcSyncScheduler *
scheduler_of (WindowFixture *fixture)
{
  return rc_sync_scheduler_for_store (rc_calendar_model_get_store (rc_window_get_model (fixture->window)));
}

static gboolean
synced (gpointer data)
{
  RcSyncScheduler *scheduler = data;

  if (rc_sync_scheduler_get_state (scheduler) == RC_SYNC_STATE_ERROR)
    g_error ("sync failed: %s", rc_sync_scheduler_get_error (scheduler));
  return rc_sync_scheduler_get_state (scheduler) == RC_SYNC_STATE_IDLE &&
         rc_sync_scheduler_get_last_sync (scheduler) != NULL;
}

/* An independent client: curl, with the test user. */
static char *
curl (const char *method,
      const char *url,
      const char *upload)
{
  g_autofree char *out = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "curl", "-sf", "-u", RC_TEST_USER ":" RC_TEST_PASSWORD, "-X", method,
                         "-H", "Content-Type: text/calendar", url, NULL, NULL, NULL };

  if (upload != NULL)
    {
      file = g_build_filename (g_get_tmp_dir (), "rc-sync-gui-upload.ics", NULL);
      g_assert_true (g_file_set_contents (file, upload, -1, &error));
      argv[9] = "--data-binary";
      argv[10] = g_strconcat ("@", file, NULL);
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  if (file != NULL)
    {
      g_unlink (file);
      g_free ((char *) argv[10]);
    }
  return g_spawn_check_wait_status (status, NULL) ? g_steal_pointer (&out) : NULL;
}

static char *
resource_url (WindowFixture *fixture,
              const char    *uid)
{
  g_autoptr(RcSyncAccount) account = rc_store_sync_get_account (fixture->other, NULL);

  g_assert_nonnull (account);
  return g_strconcat (account->calendar, uid, ".ics", NULL);
}

/* The server's copy with its SUMMARY replaced, as another device would. */
static void
server_set_summary (WindowFixture *fixture,
                    const char    *uid,
                    const char    *summary)
{
  g_autofree char *url = resource_url (fixture, uid);
  g_autofree char *ics = curl ("GET", url, NULL);
  g_autoptr(GRegex) regex = g_regex_new ("SUMMARY:[^\r\n]*", 0, 0, NULL);
  g_autofree char *line = g_strconcat ("SUMMARY:", summary, NULL);
  g_autofree char *changed = NULL;
  g_autofree char *put = NULL;

  g_assert_nonnull (ics);
  changed = g_regex_replace_literal (regex, ics, -1, 0, line, 0, NULL);
  g_assert_cmpstr (changed, !=, ics);
  put = curl ("PUT", url, changed);
  g_assert_nonnull (put);
}

typedef struct {
  WindowFixture *fixture;
  gint64         id;
  const char    *title;
} TitleCheck;

static gboolean
shown_with_title (gpointer data)
{
  TitleCheck *check = data;
  const RcEntry *entry = rc_calendar_model_lookup (rc_window_get_model (check->fixture->window), check->id);

  return entry != NULL && g_strcmp0 (entry->title, check->title) == 0;
}

static void
connect_account (WindowFixture *fixture)
{
  RcPreferencesWindow *preferences = NULL;
  RcSyncPage *page = open_sync_page (fixture, &preferences);
  g_autofree char *url = rc_test_server_url (server->radicale, "");
  GtkWidget *row = NULL;
  AdwComboRow *calendars;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  /* A wrong password first: the error is on the password row, in words.
   * Typed with real key presses, as a person fills the page. */
  type_into (rc_sync_page_get_server_row (page), url);
  type_into (rc_sync_page_get_user_row (page), RC_TEST_USER);
  type_into (rc_sync_page_get_password_row (page), "wrong");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rc_sync_page_get_server_row (page))), ==, url);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rc_sync_page_get_password_row (page))), ==, "wrong");
  click (rc_sync_page_get_connect_button (page));
  g_assert_true (rc_sync_page_get_busy (page));
  fixture_wait_until (page_idle, page, 20);
  g_assert_cmpstr (rc_sync_page_get_error (page, &row), ==, "The server refused the password.");
  g_assert_true (row == rc_sync_page_get_password_row (page));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  shoot (GTK_WIDGET (preferences), "sync-page-error");

  type_into (rc_sync_page_get_password_row (page), RC_TEST_PASSWORD);
  /* Enter in the password row connects, as the Connect button does */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rc_sync_page_get_calendar_row (page))) &&
                  gtk_widget_get_mapped (GTK_WIDGET (rc_sync_page_get_calendar_row (page))));
  fixture_key (GTK_WIDGET (preferences), "Return");
  fixture_wait_until (page_idle, page, 20);
  g_assert_null (rc_sync_page_get_error (page, NULL));
  calendars = rc_sync_page_get_calendar_row (page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (calendars)));
  /* A fresh server has no Training calendar: "New Calendar…" is offered. */
  g_assert_cmpuint (adw_combo_row_get_selected (calendars), ==,
                    g_list_model_get_n_items (adw_combo_row_get_model (calendars)) - 1);
  click (rc_sync_page_get_save_button (page));
  fixture_wait_until (page_idle, page, 20);
  g_assert_null (rc_sync_page_get_error (page, NULL));
  g_assert_true (gtk_widget_get_visible (rc_sync_page_get_disconnect_button (page)));
  g_assert_false (gtk_widget_get_visible (rc_sync_page_get_server_row (page)) &&
                  gtk_widget_get_mapped (rc_sync_page_get_server_row (page)));

  /* The password is in the keyring, not in the store. */
  password = rc_secret_lookup (url, RC_TEST_USER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, RC_TEST_PASSWORD);
  shoot (GTK_WIDGET (preferences), "sync-page-connected");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

static gboolean
has_conflicts (gpointer data)
{
  WindowFixture *fixture = data;
  g_autoptr(GPtrArray) conflicts = rc_store_sync_list_conflicts (fixture->other, NULL);

  return conflicts != NULL && conflicts->len > 0;
}

/* Both sides change the title; the server's shows, the dialog puts mine
 * back, and the next sync takes mine to the server. */
static void
resolve_conflict (WindowFixture *fixture,
                  gint64         id,
                  const char    *uid)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  RcSyncScheduler *scheduler = scheduler_of (fixture);
  g_autoptr(RcEntry) entry = rc_entry_copy (rc_calendar_model_lookup (model, id));
  g_autoptr(GError) error = NULL;
  g_autofree char *url = resource_url (fixture, uid);
  g_autofree char *ics = NULL;
  RcConflictsDialog *dialog;
  TitleCheck check = { fixture, id, "Mine: hills" };

  rc_sync_scheduler_set_debounce (scheduler, 60 * 1000);
  g_free (entry->title);
  entry->title = g_strdup ("Mine: hills");
  g_assert_true (rc_calendar_model_update (model, entry, &error));
  server_set_summary (fixture, uid, "Theirs: track");
  rc_sync_scheduler_sync_now (scheduler);
  fixture_wait_until (has_conflicts, fixture, 30);
  fixture_wait_until (synced, scheduler, 30);
  check.title = "Theirs: track";
  fixture_wait_until (shown_with_title, &check, 10);

  dialog = rc_conflicts_dialog_new (GTK_WINDOW (fixture->window), model);
  gtk_window_present (GTK_WINDOW (dialog));
  fixture_wait_drawn (GTK_WIDGET (dialog));
  g_assert_cmpuint (rc_conflicts_dialog_get_n_rows (dialog), ==, 1);
  shoot (GTK_WIDGET (dialog), "sync-conflicts");
  click (rc_conflicts_dialog_get_button (dialog, 0, TRUE));
  g_assert_cmpuint (rc_conflicts_dialog_get_n_rows (dialog), ==, 0);
  g_assert_false (has_conflicts (fixture));
  check.title = "Mine: hills";
  g_assert_true (shown_with_title (&check));
  gtk_window_destroy (GTK_WINDOW (dialog));

  rc_sync_scheduler_sync_now (scheduler);
  fixture_wait_until (synced, scheduler, 30);
  ics = curl ("GET", url, NULL);
  g_assert_nonnull (strstr (ics, "SUMMARY:Mine: hills"));
}

/* Disconnect: no account, no password, the plan still there. */
static void
disconnect (WindowFixture *fixture,
            gint64         id)
{
  RcPreferencesWindow *preferences = NULL;
  RcSyncPage *page = open_sync_page (fixture, &preferences);
  g_autofree char *url = rc_test_server_url (server->radicale, "");
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) entry = NULL;
  g_autofree char *password = NULL;

  click (rc_sync_page_get_disconnect_button (page));
  g_assert_null (rc_store_sync_get_account (fixture->other, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (rc_sync_page_get_server_row (page)));
  entry = rc_store_get (fixture->other, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpint (rc_sync_scheduler_get_state (scheduler_of (fixture)), ==, RC_SYNC_STATE_NONE);
  /* the keyring is cleared in a worker: wait for it */
  for (int i = 0; i < 200; i++)
    {
      g_clear_error (&error);
      g_clear_pointer (&password, rc_secret_free);
      password = rc_secret_lookup (url, RC_TEST_USER, NULL, &error);
      if (password == NULL)
        break;
      g_usleep (20000);
      while (g_main_context_iteration (NULL, FALSE));
    }
  g_assert_null (password);
  g_assert_error (error, RC_SECRET_ERROR, RC_SECRET_ERROR_NOT_FOUND);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

static void
test_round_trip (WindowFixture *fixture,
                 gconstpointer  data)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  RcSyncScheduler *scheduler = scheduler_of (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *uid = NULL;
  gint64 id;
  TitleCheck check = { fixture, 0, NULL };

  rc_sync_scheduler_set_debounce (scheduler, 300);
  rc_sync_scheduler_start (scheduler);
  connect_account (fixture);
  fixture_wait_until (synced, scheduler, 30);

  /* A new session goes up by itself, a moment after the change. */
  id = rc_calendar_model_add_kind (model, RC_KIND_LONG, fixture_day ("2026-12-13"), &error);
  g_assert_no_error (error);
  uid = g_strdup (rc_calendar_model_lookup (model, id)->uid);
  url = resource_url (fixture, uid);
  for (int i = 0; i < 300 && ics == NULL; i++)
    {
      g_usleep (20000);
      while (g_main_context_iteration (NULL, FALSE));
      ics = curl ("GET", url, NULL);
    }
  g_assert_nonnull (ics);
  g_assert_nonnull (strstr (ics, "20261213"));
  fixture_wait_until (synced, scheduler, 30);

  /* The server's change shows without a restart. */
  server_set_summary (fixture, uid, "Long run by the lake");
  rc_sync_scheduler_sync_now (scheduler);
  check.id = id;
  check.title = "Long run by the lake";
  fixture_wait_until (shown_with_title, &check, 30);

  resolve_conflict (fixture, id, uid);
  disconnect (fixture, id);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The header button follows the scheduler: hidden without an account,
 * "Synced at HH:MM" after a sync, an error with Try Again otherwise. */
static void
test_status (WindowFixture *fixture,
             gconstpointer  data)
{
  RcSyncScheduler *scheduler = scheduler_of (fixture);
  RcSyncStatus *status = RC_SYNC_STATUS (find_widget (GTK_WIDGET (fixture->window), RC_TYPE_SYNC_STATUS));
  g_autofree char *calendar = rc_test_server_url (server->radicale, RC_TEST_USER "/status/");
  g_autofree char *url = rc_test_server_url (server->radicale, "");
  RcSyncAccount account = { url, RC_TEST_USER, calendar, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (status);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rc_sync_status_get_button (status))));
  /* no password in the keyring: a sync error, said in words */
  g_assert_true (rc_store_sync_set_account (fixture->other, &account, &error));
  rc_sync_scheduler_account_changed (scheduler);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rc_sync_status_get_button (status))));
  g_assert_cmpstr (rc_sync_status_get_text (status), ==, "Syncing…");
  while (rc_sync_scheduler_get_state (scheduler) == RC_SYNC_STATE_SYNCING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (rc_sync_scheduler_get_state (scheduler), ==, RC_SYNC_STATE_ERROR);
  g_assert_cmpstr (rc_sync_status_get_text (status), ==, "Sync failed");
  g_assert_nonnull (strstr (rc_sync_scheduler_get_error (scheduler), "keyring"));
  g_assert_true (gtk_widget_get_visible (rc_sync_status_get_retry_button (status)));
  gtk_menu_button_popup (rc_sync_status_get_button (status));
  shoot (GTK_WIDGET (gtk_menu_button_get_popover (rc_sync_status_get_button (status))), "sync-status-error");
  gtk_menu_button_popdown (rc_sync_status_get_button (status));

  /* Try Again, with the password stored and the calendar made: synced */
  g_assert_true (rc_secret_store (url, RC_TEST_USER, RC_TEST_PASSWORD, NULL, &error));
  {
    g_autoptr(RcCaldav) client = rc_caldav_new (url, RC_TEST_USER, RC_TEST_PASSWORD, &error);

    g_assert_true (rc_caldav_mkcalendar (client, calendar, "Status", NULL, &error));
  }
  click (rc_sync_status_get_retry_button (status));
  fixture_wait_until (synced, scheduler, 30);
  g_assert_true (g_str_has_prefix (rc_sync_status_get_text (status), "Synced at "));
  shoot (GTK_WIDGET (fixture->window), "sync-status-synced");
}

static void
on_compute_size (GdkToplevel *toplevel,
                 gpointer     size,
                 guint       *n)
{
  (*n)++;
}

static void
on_frame (GdkFrameClock *clock,
          guint         *n)
{
  (*n)++;
}

/* The header's spinner redraws itself while a sync runs and nothing else:
 * GtkSpinner re-laid out the whole window every frame (issue 18's stall). */
static void
test_spinner (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *spinner = rc_spinner_new ();
  GdkSurface *surface;
  guint n_layouts = 0, n_frames = 0;

  gtk_window_set_child (GTK_WINDOW (window), spinner);
  gtk_window_present (GTK_WINDOW (window));
  fixture_wait_drawn (window);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_signal_connect (surface, "compute-size", G_CALLBACK (on_compute_size), &n_layouts);
  g_signal_connect (gdk_surface_get_frame_clock (surface), "paint", G_CALLBACK (on_frame), &n_frames);
  rc_spinner_set_spinning (RC_SPINNER (spinner), TRUE);
  settle (600);
  g_assert_cmpuint (n_frames, >=, 5);
  g_assert_cmpuint (n_layouts, ==, 0);
  /* stopped: no more frames */
  rc_spinner_set_spinning (RC_SPINNER (spinner), FALSE);
  settle (100);
  n_frames = 0;
  settle (300);
  g_assert_cmpuint (n_frames, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  server = rc_test_server_start ();

  g_test_add_func ("/sync-gui/spinner", test_spinner);
  g_test_add ("/sync-gui/status", WindowFixture, NULL, fixture_set_up, test_status, fixture_tear_down);
  g_test_add ("/sync-gui/round-trip", WindowFixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  status = g_test_run ();
  rc_test_server_stop (server);
  return status;
}
