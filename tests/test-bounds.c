/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bounds.c - hostile .ics files: each import returns at once, says why, and changes nothing. */

/* A hang check, not a benchmark: every case must return within a second
 * (without the bounds the VTIMEZONE case ran for over a minute), through the
 * core and through the command line, and leave the store as it was. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "rc-activity.h"
#include "rc-dav-xml.h"
#include "rc-ics.h"
#include "rc-ics-private.h"
#include "rc-sync.h"
#include "rc-test-util.h"

#define HANG_US (1 * G_USEC_PER_SEC)

typedef struct {
  const char *file;
  gboolean    refused;   /* an error; else imported with nothing added and a skip */
  const char *message;   /* in the error, or in a skip reason */
} Hostile;

static const Hostile cases[] = {
  { "hostile-vtimezone.ics", TRUE, "time zone “Hostile/Zone” changes by the rule “FREQ=SECONDLY" },
  { "hostile-secondly.ics", FALSE, "line 4, “Easy run”: it repeats more often than daily" },
  { "hostile-long-line.ics", TRUE, "hostile-long-line.ics, line 9: a line of 200013 bytes, longer than the 65536 allowed" },
  { "hostile-nested.ics", TRUE, "hostile-nested.ics, line 19: components nested too deep" },
};

/* The store's entries as text: what "unchanged" compares. */
static char *
store_text (RcStore *store)
{
  g_autoptr(GPtrArray) entries = rc_store_list (store, RC_DAY_INVALID, RC_DAY_INVALID, NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      RcEntry *e = entries->pdata[i];

      g_string_append_printf (text, "%s %u %d %s\n", e->uid, e->day, e->kind, e->title);
    }
  return g_string_free (text, FALSE);
}

static gboolean
has_reason (GPtrArray  *reasons,
            const char *text)
{
  for (guint i = 0; reasons != NULL && i < reasons->len; i++)
    if (strstr (reasons->pdata[i], text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_core (gconstpointer data)
{
  const Hostile *c = data;
  g_autofree char *dir = rc_test_make_tmp_dir ("test-bounds-XXXXXX");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", c->file, NULL);
  g_autoptr(RcStore) store = rc_test_open_store (dir, "plan.db");
  g_autoptr(RcEntry) entry = rc_entry_new (rc_test_day ("2030-06-09"), RC_KIND_LONG);
  g_auto(RcIcsImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 start;
  gboolean ok;

  g_assert_true (rc_store_add (store, entry, NULL));
  before = store_text (store);
  start = g_get_monotonic_time ();
  ok = rc_ics_import_file (store, path, &result, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, HANG_US);
  if (c->refused)
    {
      g_assert_false (ok);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, c->message));
    }
  else
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (result.added + result.updated, ==, 0);
      g_assert_true (has_reason (result.skip_reasons, c->message));
    }
  after = store_text (store);
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&store);
  rc_test_remove_tree (dir);
}

/* The window's Cancel: a cancelled import writes nothing and says so. */
static void
test_cancelled (void)
{
  g_autofree char *dir = rc_test_make_tmp_dir ("test-bounds-XXXXXX");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "google.ics", NULL);
  g_autoptr(RcStore) store = rc_test_open_store (dir, "plan.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(RcIcsImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = store_text (store);
  g_autofree char *after = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (rc_ics_import_file_full (store, path, RC_N_KINDS, &result, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = store_text (store);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);
  /* and the same file, not cancelled, does import */
  g_assert_true (rc_ics_import_file_full (store, path, RC_N_KINDS, &result, NULL, &error));
  g_assert_cmpuint (result.added, >, 0);
  g_clear_object (&store);
  rc_test_remove_tree (dir);
}

/* ---- Cancel while the import works ------------------------------------ */

#define CANCEL_EVENTS 3000

/* Every event recurring three times, its description folded over lines:
 * each loop of the import turns thousands of times. */
static char *
write_cancel_ics (const char *dir)
{
  GString *ics = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RecoveryCal tests//cancel//EN\r\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "cancel.ics", NULL);

  for (guint i = 0; i < CANCEL_EVENTS; i++)
    g_string_append_printf (ics, "BEGIN:VEVENT\r\nUID:cancel-%u@tests.example\r\n"
                            "DTSTAMP:20261201T000000Z\r\nDTSTART:2030%02u%02uT070000Z\r\n"
                            "RRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:Easy run %u\r\n"
                            "DESCRIPTION:Steady\r\n  and easy\r\n  then strides\r\nEND:VEVENT\r\n",
                            i, 1 + i % 12, 1 + i % 28, i);
  g_string_append (ics, "END:VCALENDAR\r\n");
  g_assert_true (g_file_set_contents (path, ics->str, (gssize) ics->len, &error));
  g_assert_no_error (error);
  g_string_free (ics, TRUE);
  return path;
}

/* What the import's cancellation checks saw. */
typedef struct {
  int   cancel_in;           /* the stage whose second check cancels (the first
                              * may come before its loop turns); -1: none */
  guint checks;
  guint checks_at_cancel;    /* including the one that cancelled */
  guint by_stage[RC_ICS_STAGE_COMPARE + 1];
} Checks;

static void
on_check (RcIcsStage    stage,
          GCancellable *cancellable,
          gpointer      data)
{
  Checks *checks = data;

  checks->checks++;
  checks->by_stage[stage]++;
  if ((int) stage == checks->cancel_in && checks->by_stage[stage] == 2)
    {
      g_cancellable_cancel (cancellable);
      checks->checks_at_cancel = checks->checks;
    }
}

static gboolean
import_checked (RcStore     *store,
                const char  *path,
                Checks      *checks,
                GError     **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(RcIcsImportResult) result = { 0 };
  gboolean ok;

  rc_ics_set_check_hook (on_check, checks);
  ok = rc_ics_import_file_full (store, path, RC_N_KINDS, &result, cancellable, error);
  rc_ics_set_check_hook (NULL, NULL);
  return ok;
}

/* Cancelled from inside each loop of the import (the scan of the lines,
 * libical's parse, mapping events, expanding their rules, comparing with
 * the store), the import stops at that very check: no check after it, so
 * none of the file's later lines, events or occurrences is looked at, and
 * the store is as it was. */
static void
test_cancelled_inside (gconstpointer data)
{
  RcIcsStage stage = GPOINTER_TO_INT (data);
  g_autofree char *dir = rc_test_make_tmp_dir ("test-bounds-XXXXXX");
  g_autofree char *path = write_cancel_ics (dir);
  g_autoptr(RcStore) store = rc_test_open_store (dir, "plan.db");
  g_autoptr(RcStore) other = rc_test_open_store (dir, "other.db");
  g_autoptr(RcEntry) entry = rc_entry_new (rc_test_day ("2030-06-09"), RC_KIND_LONG);
  Checks whole = { .cancel_in = -1 };
  Checks cancelled = { .cancel_in = stage };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* the whole import, never cancelled: how many checks each loop makes */
  g_assert_true (import_checked (other, path, &whole, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (whole.by_stage[stage], >, 1);

  g_assert_true (rc_store_add (store, entry, NULL));
  before = store_text (store);
  g_assert_false (import_checked (store, path, &cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (cancelled.checks_at_cancel, >, 0);
  g_test_message ("cancelled at check %u of %u", cancelled.checks, whole.checks);
  g_assert_cmpuint (cancelled.checks, ==, cancelled.checks_at_cancel);
  g_assert_cmpuint (cancelled.checks, <, whole.checks);
  after = store_text (store);
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&store);
  g_clear_object (&other);
  rc_test_remove_tree (dir);
}

/* The CLI on PLAN's database; a failure to run at all fails the test. */
#define RUN(plan, run, ...) \
  rc_test_run_cli ((plan)->db, (const char *[]) { __VA_ARGS__, NULL }, NULL, NULL, (run))

static void
test_cli (gconstpointer data)
{
  const Hostile *c = data;
  RcTestPlanDir plan = { 0 };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", c->file, NULL);
  g_auto(RcTestRun) added = { 0 }, before = { 0 }, import = { 0 }, after = { 0 };
  gint64 start;

  if (g_getenv ("RECOVERYCAL") == NULL)
    {
      g_test_skip ("RECOVERYCAL is not set");
      return;
    }
  rc_test_plan_dir_set_up (&plan, NULL);
  RUN (&plan, &added, "add", "2030-06-09", "long");
  g_assert_cmpint (added.status, ==, 0);
  RUN (&plan, &before, "list", "--json");
  g_assert_cmpint (before.status, ==, 0);
  start = g_get_monotonic_time ();
  RUN (&plan, &import, "import", path);
  g_assert_cmpint (g_get_monotonic_time () - start, <, HANG_US);
  g_test_message ("exit %d: %s%s", import.status, import.out, import.err);
  if (c->refused)
    {
      g_assert_cmpint (import.status, !=, 0);
      g_assert_nonnull (strstr (import.err, c->message));
    }
  else
    {
      g_assert_cmpint (import.status, ==, 0);
      g_assert_true (g_str_has_prefix (import.out, "Added: 0, updated: 0,"));
      g_assert_nonnull (strstr (import.out, c->message));
    }
  RUN (&plan, &after, "list", "--json");
  g_assert_cmpstr (after.out, ==, before.out);
  rc_test_plan_dir_tear_down (&plan, NULL);
}

/* Found by fuzz-cli: an entry in year 9999 made `export --windows` work
 * out advice for 8000 years. Refused at once, with the reason. */
static void
test_export_span (void)
{
  RcTestPlanDir plan = { 0 };
  g_autofree char *ics = NULL;
  const char *days[] = { "2030-06-01", "9999-06-01" };
  g_auto(RcTestRun) export = { 0 };
  gint64 start;

  if (g_getenv ("RECOVERYCAL") == NULL)
    {
      g_test_skip ("RECOVERYCAL is not set");
      return;
    }
  rc_test_plan_dir_set_up (&plan, NULL);
  ics = g_build_filename (plan.dir, "out.ics", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_auto(RcTestRun) add = { 0 };

      RUN (&plan, &add, "add", days[i], "long");
      g_assert_cmpint (add.status, ==, 0);
    }
  start = g_get_monotonic_time ();
  RUN (&plan, &export, "export", ics, "--windows");
  g_assert_cmpint (g_get_monotonic_time () - start, <, HANG_US);
  g_assert_cmpint (export.status, ==, 1);
  g_assert_nonnull (strstr (export.err, "the plan spans more than 3660 days"));
  g_assert_false (g_file_test (ics, G_FILE_TEST_EXISTS));
  rc_test_plan_dir_tear_down (&plan, NULL);
}

/* Inputs the fuzz targets (tests/fuzz/) found, replayed by the plain
 * build: tests/data/fuzz/<target>-<what>, each must return within the
 * hang bound without a crash. cli-*: NUL-separated arguments; ics-*,
 * activity-*, dav-*: the bytes of a file or a server's answer. */
static void
replay_cli (const char *data,
            gsize       length)
{
  g_autofree char *dir = rc_test_make_tmp_dir ("test-bounds-XXXXXX");
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  gint64 start;

  g_ptr_array_add (argv, g_strdup (g_getenv ("RECOVERYCAL")));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_build_filename (dir, "plan.db", NULL));
  for (const char *p = data; p < data + length; p += strlen (p) + 1)
    g_ptr_array_add (argv, g_strdup (p));
  g_ptr_array_add (argv, NULL);
  start = g_get_monotonic_time ();
  g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, HANG_US);
  g_test_message ("%s", err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), <=, 2);
  rc_test_remove_tree (dir);
}

static void
replay_ics (const char *data,
            gsize       length,
            const char *name)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  entries = rc_ics_parse (data, length, name, rc_test_day ("2030-06-01"), reasons, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, HANG_US);
  g_assert_true ((entries == NULL) != (error == NULL));
}

/* activity-*: a GPX/TCX file (plain or gzip), taken or refused with a reason. */
static void
replay_activity (const char *data,
                 gsize       length,
                 const char *name)
{
  g_autoptr(RcActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  activity = rc_activity_parse_data (data, length, name, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, HANG_US);
  g_assert_true ((activity == NULL) != (error == NULL));
  if (activity != NULL)
    {
      g_assert_cmpint (activity->minutes, <=, RC_ACTIVITY_MAX_MINUTES);
      /* a date the plan can hold, in this process's zone */
      g_assert_cmpuint (rc_activity_local_day (activity, NULL), !=, RC_DAY_INVALID);
    }
}

/* dav-*: a server's answer; each calendar-data we take, patched for the
 * upload, reads back as the same event (what fuzz-dav checks). */
static void
replay_dav (const char *data,
            gsize       length)
{
  g_autoptr(RcDavMultistatus) ms = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  ms = rc_dav_multistatus_parse (data, length, &error);
  g_assert_true ((ms == NULL) != (error == NULL));
  for (guint i = 0; ms != NULL && i < ms->responses->len; i++)
    {
      RcDavResponse *r = ms->responses->pdata[i];
      g_autoptr(RcEntry) entry = NULL;
      g_autoptr(RcEntry) again = NULL;
      g_autofree char *patched = NULL;

      if (r->calendar_data == NULL || (entry = rc_sync_remote_entry (r->calendar_data, r->href, NULL)) == NULL)
        continue;
      patched = rc_sync_patch_event (entry, r->calendar_data);
      again = rc_sync_remote_entry (patched, r->href, &error);
      g_assert_no_error (error);
      g_assert_nonnull (again);
      g_assert_cmpstr (again->uid, ==, entry->uid);
      g_assert_cmpuint (again->day, ==, entry->day);
    }
  g_assert_cmpint (g_get_monotonic_time () - start, <, HANG_US);
}

static void
test_fuzz_found (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fuzz", name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (g_str_has_prefix (name, "cli-"))
    {
      if (g_getenv ("RECOVERYCAL") == NULL)
        g_test_skip ("RECOVERYCAL is not set");
      else
        replay_cli (contents, length);
    }
  else if (g_str_has_prefix (name, "ics-"))
    replay_ics (contents, length, name);
  else if (g_str_has_prefix (name, "activity-"))
    replay_activity (contents, length, name);
  else if (g_str_has_prefix (name, "dav-"))
    replay_dav (contents, length);
  else
    g_error ("%s: no target of that name", name);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *core = g_strdup_printf ("/bounds/core/%s", cases[i].file);
      g_autofree char *cli = g_strdup_printf ("/bounds/cli/%s", cases[i].file);

      g_test_add_data_func (core, &cases[i], test_core);
      g_test_add_data_func (cli, &cases[i], test_cli);
    }
  g_test_add_func ("/bounds/core/cancelled", test_cancelled);
  {
    const char *stages[] = { "scan", "parse", "map", "expand", "compare" };

    for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
      {
        g_autofree char *test = g_strdup_printf ("/bounds/core/cancelled-inside/%s", stages[i]);

        g_test_add_data_func (test, GINT_TO_POINTER (i), test_cancelled_inside);
      }
  }
  g_test_add_func ("/bounds/cli/export-span", test_export_span);
  {
    g_autofree char *found = g_test_build_filename (G_TEST_DIST, "data", "fuzz", NULL);
    g_autoptr(GDir) dir = g_dir_open (found, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *test = g_strdup_printf ("/bounds/fuzz-found/%s", name);

        /* the name lives as long as the process: the test runs later */
        g_test_add_data_func (test, g_strdup (name), test_fuzz_found);
      }
  }
  return g_test_run ();
}
