/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-gui.c - sync in the window (issue 18) against a real Radicale
 * and a private GNOME Keyring: the Sync page connects (a refused password
 * first), creates the training calendar, a session dragged from the
 * palette with the real pointer reaches the server (read back with curl,
 * not our client), a server change reaches the calendar without a restart
 * with a toast when it touches the week shown (and none when it does not),
 * a conflict is resolved in the dialog, and
 * Disconnect forgets the account and the password but keeps the plan. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "caldav-fixture.h"
#include "rc-conflicts-dialog.h"
#include "rc-palette.h"
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

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  for (int dark = 0; dark < 2; dark++)
    fixture_shoot (widget, name, dark, 300);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
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

/* The toast a sync raises when the server changed sessions on the days
 * shown: its widget, or NULL. Only one toast shows at a time (the others
 * wait in the overlay's queue), so callers first wait for none to show. */
static GtkWidget *
find_toast (GtkWidget *root)
{
  return fixture_find_type_name (root, "AdwToastWidget");
}

static gboolean
no_toast (gpointer data)
{
  WindowFixture *fixture = data;

  return find_toast (GTK_WIDGET (fixture->window)) == NULL;
}

static void
on_synced_count (RcSyncScheduler *scheduler,
                 RcSyncStats     *stats,
                 guint           *n)
{
  (*n)++;
}

/* One more sync, now, and its end: the window has taken its changes in
 * (the status refreshes the model in the same "synced" emission, before
 * this test's handler, which was connected later). */
static void
sync_once (RcSyncScheduler *scheduler,
           guint           *n_synced)
{
  guint before = *n_synced;

  /* a sync still running began before the server's change */
  while (rc_sync_scheduler_get_state (scheduler) == RC_SYNC_STATE_SYNCING)
    g_main_context_iteration (NULL, TRUE);
  before = *n_synced;
  rc_sync_scheduler_sync_now (scheduler);
  while (*n_synced == before)
    {
      if (rc_sync_scheduler_get_state (scheduler) == RC_SYNC_STATE_ERROR)
        g_error ("sync failed: %s", rc_sync_scheduler_get_error (scheduler));
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A session another device adds to a day not shown: no toast, though the
 * sync brought it into the store. */
static void
server_adds_unseen (WindowFixture   *fixture,
                    RcSyncScheduler *scheduler,
                    guint           *n_synced,
                    const char      *uid)
{
  g_autofree char *url = resource_url (fixture, uid);
  g_autofree char *ics = curl ("GET", url, NULL);
  g_autoptr(GRegex) uid_line = g_regex_new ("UID:[^\r\n]*", 0, 0, NULL);
  g_autoptr(GRegex) date = g_regex_new ("20261213", 0, 0, NULL);
  g_autofree char *other_uid = g_strconcat (uid, "-other", NULL);
  g_autofree char *line = g_strconcat ("UID:", other_uid, NULL);
  g_autofree char *renamed = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *other_url = resource_url (fixture, other_uid);
  g_autofree char *put = NULL;
  g_autoptr(GPtrArray) there = NULL;

  g_assert_nonnull (ics);
  renamed = g_regex_replace_literal (uid_line, ics, -1, 0, line, 0, NULL);
  moved = g_regex_replace_literal (date, renamed, -1, 0, "20270301", 0, NULL);
  g_assert_null (strstr (moved, "20261213"));
  put = curl ("PUT", other_url, moved);
  g_assert_nonnull (put);

  fixture_wait_until (no_toast, fixture, 30);
  sync_once (scheduler, n_synced);
  there = fixture_entries_on (fixture, "2027-03-01");
  g_assert_cmpuint (there->len, ==, 1);
  g_assert_null (find_toast (GTK_WIDGET (fixture->window)));
}

typedef struct {
  GtkDropTarget *target;
  guint          n_motions;
} Motions;

/* Counts the drag's motions over TARGET as GTK handles them (an emission
 * hook, so the cell's own handlers decide the action as ever). */
static gboolean
on_drop_motion (GSignalInvocationHint *hint,
                guint                  n_values,
                const GValue          *values,
                gpointer               data)
{
  Motions *motions = data;

  if (g_value_get_object (&values[0]) == (gpointer) motions->target)
    motions->n_motions++;
  return TRUE;
}

static gboolean
moved_over (gpointer data)
{
  Motions *motions = data;

  return motions->n_motions >= 2;
}

/* A real pointer drag from FROM onto CELL, as fixture_drag() makes, but
 * the button is let go only once GTK has seen the pointer over the cell:
 * on this loaded machine a release on a timer could overtake the drag's
 * XDND exchange, and the drop was lost. */
static void
drag_to_cell (GtkWidget *from,
              RcDayCell *cell)
{
  Motions motions = { rc_day_cell_get_drop_target (cell), 0 };
  guint signal = g_signal_lookup ("motion", GTK_TYPE_DROP_TARGET);
  gulong hook = g_signal_add_emission_hook (signal, 0, on_drop_motion, &motions, NULL);
  int x1, y1, x2, y2;
  char c[8][16];

  fixture_screen_point (from, 0.5, 0.5, &x1, &y1);
  fixture_screen_point (GTK_WIDGET (cell), 0.5, 0.6, &x2, &y2);
  g_snprintf (c[0], 16, "%d", x1);
  g_snprintf (c[1], 16, "%d", y1);
  g_snprintf (c[2], 16, "%d", x1 + 12);
  g_snprintf (c[3], 16, "%d", y1 + 12);
  g_snprintf (c[4], 16, "%d", (x1 + x2) / 2);
  g_snprintf (c[5], 16, "%d", (y1 + y2) / 2);
  g_snprintf (c[6], 16, "%d", x2);
  g_snprintf (c[7], 16, "%d", y2);
  fixture_xdotool ("mousemove", c[0], c[1], "sleep", "0.1", "mousedown", "1", "sleep", "0.05",
                   "mousemove", c[2], c[3], "sleep", "0.05", "mousemove", c[4], c[5], "sleep", "0.05",
                   "mousemove", c[6], c[7], NULL);
  for (int i = 0; i < 50 && !moved_over (&motions); i++)
    {
      /* a pixel to and fro over the cell: more motions for GTK to see */
      g_snprintf (c[4], 16, "%d", x2 + 1);
      fixture_xdotool ("mousemove", c[4], c[7], "sleep", "0.05", "mousemove", c[6], c[7], NULL);
    }
  g_signal_remove_emission_hook (signal, hook);
  g_assert_true (moved_over (&motions));
  fixture_xdotool ("mouseup", "1", NULL);
}

static gboolean
sunday_has_entry (gpointer data)
{
  g_autoptr(GPtrArray) entries = fixture_entries_on (data, "2026-12-13");

  return entries->len > 0;
}

static void
test_round_trip (WindowFixture *fixture,
                 gconstpointer  data)
{
  RcSyncScheduler *scheduler = scheduler_of (fixture);
  g_autofree char *url = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *uid = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  GtkWidget *toast;
  gint64 id;
  guint n_synced = 0;
  TitleCheck check = { fixture, 0, NULL };

  rc_sync_scheduler_set_debounce (scheduler, 300);
  rc_sync_scheduler_start (scheduler);
  connect_account (fixture);
  fixture_wait_until (synced, scheduler, 30);
  g_signal_connect (scheduler, "synced", G_CALLBACK (on_synced_count), &n_synced);

  /* A session dragged from the palette onto Sunday with the real pointer
   * goes up by itself, a moment after the drop. */
  fixture_wait_drawn (GTK_WIDGET (fixture->window));
  drag_to_cell (rc_palette_get_tile (rc_window_get_palette (fixture->window), RC_KIND_LONG),
                fixture_cell (fixture, "2026-12-13"));
  fixture_wait_until (sunday_has_entry, fixture, 10);
  dropped = fixture_entries_on (fixture, "2026-12-13");
  g_assert_cmpuint (dropped->len, ==, 1);
  g_assert_cmpint (((RcEntry *) dropped->pdata[0])->kind, ==, RC_KIND_LONG);
  id = ((RcEntry *) dropped->pdata[0])->id;
  uid = g_strdup (((RcEntry *) dropped->pdata[0])->uid);
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

  server_adds_unseen (fixture, scheduler, &n_synced, uid);

  /* The server's change shows without a restart, with a toast: it touches
   * the week shown. */
  server_set_summary (fixture, uid, "Long run by the lake");
  fixture_wait_until (no_toast, fixture, 30);
  sync_once (scheduler, &n_synced);
  check.id = id;
  check.title = "Long run by the lake";
  g_assert_true (shown_with_title (&check));
  toast = find_toast (GTK_WIDGET (fixture->window));
  g_assert_nonnull (toast);
  g_assert_nonnull (fixture_find_label (toast, "1 session changed on another device"));

  resolve_conflict (fixture, id, uid);
  disconnect (fixture, id);
}

/* The header button follows the scheduler: hidden without an account,
 * "Synced at HH:MM" after a sync, an error with Try Again otherwise. */
static void
test_status (WindowFixture *fixture,
             gconstpointer  data)
{
  RcSyncScheduler *scheduler = scheduler_of (fixture);
  RcSyncStatus *status = RC_SYNC_STATUS (fixture_find_type (GTK_WIDGET (fixture->window), RC_TYPE_SYNC_STATUS));
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
  /* the popover is built when first opened, and says the error then */
  g_assert_null (gtk_menu_button_get_popover (rc_sync_status_get_button (status)));
  g_assert_null (rc_sync_status_get_retry_button (status));
  gtk_menu_button_popup (rc_sync_status_get_button (status));
  g_assert_true (gtk_widget_get_visible (rc_sync_status_get_retry_button (status)));
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

/* ---- what (re)arms the sync after a change ------------------------------ */

static void
page (WindowFixture *fixture,
      const char    *action)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  RcDay first = rc_calendar_model_get_first (model);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL);
  g_assert_cmpuint (rc_calendar_model_get_first (model), !=, first);
  fixture_settle (100);
}

typedef struct {
  WindowFixture *fixture;
  gint64         due;
} DueWait;

static gboolean
due_moved (gpointer data)
{
  DueWait *wait = data;

  return rc_sync_scheduler_get_due (scheduler_of (wait->fixture)) > wait->due;
}

/* Paging shows other days and writes nothing: it neither arms the sync
 * after a change nor postpones one already waiting. An edit, an undo, a
 * redo and another program's write each (re)arm it. */
static void
test_paging_keeps_due (WindowFixture *fixture,
                       gconstpointer  data)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  RcSyncScheduler *scheduler = scheduler_of (fixture);
  g_autoptr(RcEntry) external = rc_entry_new (rc_calendar_model_get_first (model) + 2, RC_KIND_EASY);
  g_autoptr(GError) error = NULL;
  DueWait wait = { fixture, 0 };
  gint64 due;

  /* no sync fires while the test looks */
  rc_sync_scheduler_set_debounce (scheduler, 10 * 60 * 1000);
  fixture_settle (200);
  due = rc_sync_scheduler_get_due (scheduler);
  page (fixture, "win.next");
  page (fixture, "win.next");
  page (fixture, "win.previous");
  g_assert_cmpint (rc_sync_scheduler_get_due (scheduler), ==, due);

  g_assert_cmpint (rc_calendar_model_add_kind (model, RC_KIND_TEMPO, rc_calendar_model_get_first (model), &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (rc_sync_scheduler_get_due (scheduler), >, due);
  due = rc_sync_scheduler_get_due (scheduler);
  page (fixture, "win.next");
  page (fixture, "win.previous");
  g_assert_cmpint (rc_sync_scheduler_get_due (scheduler), ==, due);

  g_assert_true (rc_calendar_model_undo (model, &error));
  g_assert_cmpint (rc_sync_scheduler_get_due (scheduler), >, due);
  due = rc_sync_scheduler_get_due (scheduler);
  g_assert_true (rc_calendar_model_redo (model, &error));
  g_assert_cmpint (rc_sync_scheduler_get_due (scheduler), >, due);
  due = rc_sync_scheduler_get_due (scheduler);

  /* the command line adds a session: the window sees the file change */
  g_assert_true (rc_store_add (fixture->other, external, &error));
  wait.due = due;
  fixture_wait_until (due_moved, &wait, 10);
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
  GtkWidget *button = gtk_menu_button_new ();
  GdkSurface *surface;
  guint n_layouts = 0, n_frames = 0;

  /* as in the header: a flat menu button holds it */
  gtk_widget_add_css_class (button, "flat");
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), spinner);
  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_set_default_size (GTK_WINDOW (window), 80, 50);
  gtk_window_present (GTK_WINDOW (window));
  fixture_wait_drawn (window);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_signal_connect (surface, "compute-size", G_CALLBACK (on_compute_size), &n_layouts);
  g_signal_connect (gdk_surface_get_frame_clock (surface), "paint", G_CALLBACK (on_frame), &n_frames);
  rc_spinner_set_spinning (RC_SPINNER (spinner), TRUE);
  /* frames come slowly on a loaded machine: wait for a few */
  for (int i = 0; i < 100 && n_frames < 5; i++)
    fixture_settle (100);
  g_assert_cmpuint (n_frames, >=, 5);
  g_assert_cmpuint (n_layouts, ==, 0);
  shoot (window, "sync-spinner");
  /* stopped: no more frames */
  rc_spinner_set_spinning (RC_SPINNER (spinner), FALSE);
  fixture_settle (100);
  n_frames = 0;
  fixture_settle (300);
  g_assert_cmpuint (n_frames, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("LANGUAGE", "C", TRUE);
  fixture_init (&argc, &argv);
  server = rc_test_server_start ();

  g_test_add_func ("/sync-gui/spinner", test_spinner);
  g_test_add ("/sync-gui/status", WindowFixture, NULL, fixture_set_up, test_status, fixture_tear_down);
  g_test_add ("/sync-gui/round-trip", WindowFixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/sync-gui/paging-keeps-due", WindowFixture, NULL, fixture_set_up, test_paging_keeps_due,
              fixture_tear_down);
  status = g_test_run ();
  rc_test_server_stop (server);
  return status;
}
