/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c - the command line of cli.md, end to end on the built binary. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "rc-test-json.h"
#include "rc-test-util.h"

typedef RcTestPlanDir Fixture;

#define RUN(f, run, ...) rc_test_run_cli ((f)->db, (const char *[]) { __VA_ARGS__, NULL }, NULL, NULL, run)

/* Runs a command that must succeed, and returns its stdout. */
static char *
ok (Fixture     *f,
    const char **args)
{
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_cli (f->db, args, NULL, NULL, &run);
  if (run.status != 0)
    g_error ("%s failed (%d): %s", args[0], run.status, run.err);
  g_assert_cmpstr (run.err, ==, "");
  return g_steal_pointer (&run.out);
}
#define OK(f, ...) ok ((f), (const char *[]) { __VA_ARGS__, NULL })

static gint64
add_ok (Fixture     *f,
        const char **args)
{
  g_autofree char *out = ok (f, args);
  char *end = NULL;
  gint64 id = g_ascii_strtoll (out, &end, 10);

  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (end, ==, "\n");
  return id;
}
#define ADD(f, ...) add_ok ((f), (const char *[]) { __VA_ARGS__, NULL })

/* A booking that is made (exit 0, its id on stdout) but warned about: one
 * line on stderr that starts with PREFIX. Returns that line. */
static char *
book_warns (Fixture     *f,
            const char  *prefix,
            const char **args)
{
  g_auto(RcTestRun) run = { 0 };
  char *end = NULL;

  rc_test_run_cli (f->db, args, NULL, NULL, &run);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_ascii_strtoll (run.out, &end, 10), >, 0);
  g_assert_cmpstr (end, ==, "\n");
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
  return g_steal_pointer (&run.err);
}
#define BOOK_WARNS(f, prefix, ...) g_free (book_warns ((f), (prefix), (const char *[]) { __VA_ARGS__, NULL }))

static void
assert_keys (JsonObject  *object,
             const char **expected)
{
  g_autoptr(GList) members = json_object_get_members (object);
  guint n = 0;

  for (guint i = 0; expected[i] != NULL; i++, n++)
    g_assert_true (json_object_has_member (object, expected[i]));
  g_assert_cmpuint (g_list_length (members), ==, n);
}

/* Every row of every table, as text: "unchanged" means this is equal. */
static char *
dump_db (const char *path)
{
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_string_free (dump, FALSE);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1",
                                              (const char *) sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "[%s]\n", sqlite3_column_text (tables, 0));
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (dump, "%s|", sqlite3_column_text (rows, c));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

static void
test_add_and_list (Fixture       *f,
                   gconstpointer  data)
{
  static const char *entry_keys[] = { "id", "date", "time", "type", "kind", "minutes", "rpe",
                                      "title", "notes", "status", "done_minutes", "done_rpe", NULL };
  gint64 id = ADD (f, "add", "2026-12-08", "intervals", "--time", "18:30", "--minutes", "60",
                   "--rpe", "8", "--title", "6 × 800 m", "--notes", "Track, lane 3");
  gint64 id2 = ADD (f, "add", "2026-12-07", "rest");
  g_autofree char *out = OK (f, "list", "--json");
  g_autoptr(JsonArray) list = rc_test_parse_array (out);
  JsonObject *e;

  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  /* ordered by date: the rest day first */
  e = json_array_get_object_element (list, 0);
  assert_keys (e, entry_keys);
  g_assert_cmpint (json_object_get_int_member (e, "id"), ==, id2);
  g_assert_cmpstr (json_object_get_string_member (e, "kind"), ==, "rest");
  g_assert_true (json_object_get_null_member (e, "time"));
  g_assert_true (json_object_get_null_member (e, "rpe"));
  g_assert_true (json_object_get_null_member (e, "notes"));
  /* added without --title: none stored */
  g_assert_true (json_object_get_null_member (e, "title"));

  e = json_array_get_object_element (list, 1);
  assert_keys (e, entry_keys);
  g_assert_cmpint (json_object_get_int_member (e, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (e, "date"), ==, "2026-12-08");
  g_assert_cmpstr (json_object_get_string_member (e, "time"), ==, "18:30");
  g_assert_cmpstr (json_object_get_string_member (e, "type"), ==, "session");
  g_assert_cmpstr (json_object_get_string_member (e, "kind"), ==, "intervals");
  g_assert_cmpint (json_object_get_int_member (e, "minutes"), ==, 60);
  g_assert_cmpint (json_object_get_int_member (e, "rpe"), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (e, "title"), ==, "6 × 800 m");
  g_assert_cmpstr (json_object_get_string_member (e, "notes"), ==, "Track, lane 3");
}

static void
test_list_range (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonArray) list = NULL;
  g_auto(GStrv) lines = NULL;

  ADD (f, "add", "2026-11-30", "easy");
  ADD (f, "add", "2026-12-01", "tempo");
  ADD (f, "add", "2026-12-31", "long");
  ADD (f, "add", "2027-01-01", "race");

  out = OK (f, "list", "--from", "2026-12-01", "--to", "2026-12-31", "--json");
  list = rc_test_parse_array (out);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "kind"), ==, "tempo");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "kind"), ==, "long");

  /* plain output: one line an entry */
  g_free (out);
  out = OK (f, "list");
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
}

static const char *
first_kind_on (Fixture    *f,
               const char *date,
               char      **scratch)
{
  g_autoptr(JsonArray) list = NULL;

  *scratch = OK (f, "list", "--from", date, "--to", date, "--json");
  list = rc_test_parse_array (*scratch);
  if (json_array_get_length (list) == 0)
    return NULL;
  return g_intern_string (json_object_get_string_member (json_array_get_object_element (list, 0), "kind"));
}

static void
test_move_delete (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = ADD (f, "add", "2026-12-08", "long");
  g_autofree char *id_s = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *out = NULL;

  out = OK (f, "move", id_s, "2026-12-13");
  g_assert_cmpstr (out, ==, "");
  g_assert_null (first_kind_on (f, "2026-12-08", &a));
  g_assert_cmpstr (first_kind_on (f, "2026-12-13", &b), ==, "long");

  g_free (out);
  out = OK (f, "delete", id_s);
  g_assert_null (first_kind_on (f, "2026-12-13", &c));
}

static void
test_book (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonArray) list = NULL;
  JsonObject *e;

  /* A race on Sat 19 Dec: Mon 14 Dec suggests pre-event; Fri 18 is forbidden. */
  ADD (f, "add", "2026-12-19", "race");
  ADD (f, "book", "2026-12-14", "--time", "10:00");
  BOOK_WARNS (f, "warning: Fri 18 Dec is forbidden: ", "book", "2026-12-18");
  ADD (f, "book", "2026-12-22", "--massage", "post-run", "--minutes", "45", "--notes", "deep");

  out = OK (f, "list", "--json");
  list = rc_test_parse_array (out);
  g_assert_cmpuint (json_array_get_length (list), ==, 4);

  e = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (e, "type"), ==, "massage");
  g_assert_cmpstr (json_object_get_string_member (e, "kind"), ==, "pre-event");
  g_assert_cmpstr (json_object_get_string_member (e, "time"), ==, "10:00");
  g_assert_cmpint (json_object_get_int_member (e, "minutes"), ==, 60);
  g_assert_true (json_object_get_null_member (e, "rpe"));

  e = json_array_get_object_element (list, 1);
  g_assert_cmpstr (json_object_get_string_member (e, "date"), ==, "2026-12-18");
  g_assert_cmpstr (json_object_get_string_member (e, "kind"), ==, "maintenance");

  g_assert_true (json_object_get_null_member (e, "title"));

  e = json_array_get_object_element (list, 3);
  g_assert_cmpstr (json_object_get_string_member (e, "kind"), ==, "post-run");
  g_assert_cmpint (json_object_get_int_member (e, "minutes"), ==, 45);
  g_assert_cmpstr (json_object_get_string_member (e, "notes"), ==, "deep");

  /* The booking on a forbidden day shows as a conflict. */
  g_free (out);
  out = OK (f, "advise", "2026-12-18", "--json");
  g_clear_pointer (&list, json_array_unref);
  list = rc_test_parse_array (out);
  e = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (e, "verdict"), ==, "forbidden");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (e, "conflicts")), ==, 1);
}

/* The worked example of rules-spec.md (version 2), typical profile. */
static const struct {
  const char *date;
  const char *kind;      /* NULL: no entry */
  const char *verdict;
  const char *massage;
  const char *pressure;  /* "min-max", or NULL when forbidden */
  const char *rules;
  const char *decided_by;
  gboolean    due;
  gboolean    best;
} worked[] = {
  { "2026-12-07", "rest", "forbidden", "none", NULL, "eve-of-quality,rest-day", "eve-of-quality", FALSE, FALSE },
  { "2026-12-08", "intervals", "forbidden", "none", NULL, "same-day-run,eve-of-run", "same-day-run", TRUE, FALSE },
  { "2026-12-09", "easy", "forbidden", "none", NULL, "same-day-run,eve-of-quality,after-hard",
    "same-day-run,eve-of-quality", TRUE, FALSE },
  { "2026-12-10", "tempo", "forbidden", "none", NULL, "same-day-run,post-effort-ideal", "same-day-run", TRUE, FALSE },
  { "2026-12-11", "rest", "forbidden", "none", NULL, "eve-of-quality,after-hard,post-effort-ideal,rest-day",
    "eve-of-quality", TRUE, FALSE },
  { "2026-12-12", "long", "forbidden", "none", NULL, "same-day-run,pre-event-ideal,post-effort-ideal",
    "same-day-run", TRUE, FALSE },
  { "2026-12-13", NULL, "ideal", "pre-event", "light-moderate", "after-hard,pre-event-ideal,post-effort-ideal",
    "pre-event-ideal,post-effort-ideal", TRUE, TRUE },
  { "2026-12-14", NULL, "ideal", "pre-event", "light-moderate", "eve-of-run,pre-event-ideal,post-effort-ideal",
    "pre-event-ideal,post-effort-ideal", TRUE, TRUE },
  { "2026-12-15", "easy", "forbidden", "none", NULL, "same-day-run,pre-event-early,post-effort-ideal",
    "same-day-run", TRUE, FALSE },
  { "2026-12-16", "rest", "safe", "pre-event", "light-moderate", "pre-event-early,rest-day", "pre-event-early", TRUE, FALSE },
  { "2026-12-17", NULL, "forbidden", "none", NULL, "race-taper", "race-taper", TRUE, FALSE },
  { "2026-12-18", NULL, "forbidden", "none", NULL, "eve-of-quality", "eve-of-quality", TRUE, FALSE },
  { "2026-12-19", "race", "forbidden", "none", NULL, "same-day-run", "same-day-run", TRUE, FALSE },
  { "2026-12-20", NULL, "forbidden", "none", NULL, "after-race", "after-race", TRUE, FALSE },
  { "2026-12-21", NULL, "ideal", "post-run", "moderate-deep", "post-effort-ideal", "post-effort-ideal", TRUE, TRUE },
  { "2026-12-22", NULL, "ideal", "post-run", "moderate-deep", "post-effort-ideal", "post-effort-ideal", TRUE, FALSE },
};

static void
add_worked_example (Fixture *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (worked); i++)
    if (worked[i].kind != NULL)
      ADD (f, "add", worked[i].date, worked[i].kind);
}

static char *
join_strings (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  strv = g_strv_builder_end (builder);
  return g_strjoinv (",", strv);
}

static void
test_advise_worked_example (Fixture       *f,
                            gconstpointer  data)
{
  static const char *day_keys[] = { "date", "verdict", "massage", "pressure", "minutes", "rules",
                                    "decided_by", "reasons", "conflicts", "due", "best", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonArray) days = NULL;
  const char *at = NULL;

  add_worked_example (f);
  out = OK (f, "advise", "2026-12-07", "--to", "2026-12-22", "--json");
  days = rc_test_parse_array (out);
  g_assert_cmpuint (json_array_get_length (days), ==, G_N_ELEMENTS (worked));
  /* the keys of the first day in cli.md's order */
  at = out;
  for (guint k = 0; day_keys[k] != NULL; k++)
    {
      g_autofree char *key = g_strdup_printf ("\"%s\"", day_keys[k]);

      at = strstr (at, key);
      g_assert_nonnull (at);
    }
  g_assert_cmpint (at - out, <, strstr (out, "\"2026-12-08\"") - out);

  for (guint i = 0; i < G_N_ELEMENTS (worked); i++)
    {
      JsonObject *d = json_array_get_object_element (days, i);
      g_autofree char *rules = join_strings (json_object_get_array_member (d, "rules"));
      g_autofree char *decided_by = join_strings (json_object_get_array_member (d, "decided_by"));

      g_test_message ("%s", worked[i].date);
      assert_keys (d, day_keys);
      g_assert_cmpstr (decided_by, ==, worked[i].decided_by);
      g_assert_true (json_object_get_boolean_member (d, "due") == worked[i].due);
      g_assert_true (json_object_get_boolean_member (d, "best") == worked[i].best);
      g_assert_cmpstr (json_object_get_string_member (d, "date"), ==, worked[i].date);
      g_assert_cmpstr (json_object_get_string_member (d, "verdict"), ==, worked[i].verdict);
      g_assert_cmpstr (json_object_get_string_member (d, "massage"), ==, worked[i].massage);
      g_assert_cmpstr (rules, ==, worked[i].rules);
      /* one plain-language reason a rule */
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "reasons")), ==,
                        json_array_get_length (json_object_get_array_member (d, "rules")));
      if (worked[i].pressure == NULL)
        {
          g_assert_true (json_object_get_null_member (d, "pressure"));
          g_assert_true (json_object_get_null_member (d, "minutes"));
        }
      else
        {
          JsonObject *p = json_object_get_object_member (d, "pressure");
          JsonObject *m = json_object_get_object_member (d, "minutes");
          g_autofree char *pressure = g_strdup_printf ("%s-%s", json_object_get_string_member (p, "min"),
                                                       json_object_get_string_member (p, "max"));

          g_assert_cmpstr (pressure, ==, worked[i].pressure);
          g_assert_cmpint (json_object_get_int_member (m, "min"), <=, json_object_get_int_member (m, "max"));
          g_assert_cmpint (json_object_get_int_member (m, "min"), ==,
                           g_str_equal (worked[i].massage, "pre-event") ? 30 : 60);
        }
    }
}

static void
test_advise_plain (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  add_worked_example (f);
  out = OK (f, "advise", "2026-12-07", "--to", "2026-12-22");
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 16);
  g_assert_true (g_str_has_prefix (lines[14],
                                   "2026-12-21  ideal      post-run     moderate-deep  60 min  post-effort-ideal"));
  g_assert_true (g_str_has_prefix (lines[12], "2026-12-19  forbidden  none         -              -  same-day-run"));
  g_assert_true (g_str_has_prefix (lines[6],
                                   "2026-12-13  ideal      pre-event    light-moderate 30-45 min  after-hard,pre-event-ideal,post-effort-ideal"));

  /* the guidance's first example: a range whose ends meet is one word */
  ADD (f, "add", "2027-01-04", "easy");
  ADD (f, "add", "2027-01-05", "intervals");
  ADD (f, "add", "2027-01-06", "easy");
  ADD (f, "add", "2027-01-07", "tempo");
  ADD (f, "add", "2027-01-08", "rest");
  ADD (f, "add", "2027-01-10", "easy");
  g_free (out);
  out = OK (f, "advise", "2027-01-04", "--to", "2027-01-10");
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "2027-01-08  ideal      post-run     moderate       60 min  after-hard,post-effort-ideal,rest-day  due\n"));
  g_assert_nonnull (strstr (out, "2027-01-09  ideal      post-run     moderate       60 min  eve-of-run,post-effort-ideal  due\n"));
  g_assert_null (strstr (out, "light-light"));
  g_assert_null (strstr (out, "moderate-moderate"));
  g_assert_null (strstr (out, "deep-deep"));

  /* --profile overrides for this call only: slow forbids the second day after a race. */
  g_free (out);
  out = OK (f, "advise", "2026-12-21", "--profile", "slow");
  g_assert_true (g_str_has_prefix (out, "2026-12-21  forbidden"));
  g_free (out);
  out = OK (f, "advise", "2026-12-21");
  g_assert_true (g_str_has_prefix (out, "2026-12-21  ideal"));
}

/* A bad call: exit CODE, one line on stderr naming NEEDLE, the store
 * unchanged. Without a display, as over SSH: a bad call needs none to be told
 * so, the window's own options included. */
static void
assert_fails (Fixture     *f,
              int          code,
              const char  *needle,
              const char **args)
{
  const char *headless[] = { "DISPLAY", NULL, "WAYLAND_DISPLAY", NULL, NULL };
  g_autofree char *before = dump_db (f->db);
  g_autofree char *after = NULL;
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_cli (f->db, args, headless, NULL, &run);
  g_test_message ("%s → %d: %s", args[0], run.status, run.err);
  g_assert_cmpint (run.status, ==, code);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, needle));
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
  after = dump_db (f->db);
  g_assert_cmpstr (before, ==, after);
}
#define FAILS(f, code, needle, ...) assert_fails ((f), (code), (needle), (const char *[]) { __VA_ARGS__, NULL })

/* Runs COMMAND (done, skip or plan) on ID, with OPTION and VALUE when given. */
static void
set_status (Fixture    *f,
            const char *command,
            gint64      id,
            const char *option,
            const char *value)
{
  g_autofree char *id_s = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *out = option != NULL ? OK (f, command, id_s, option, value) : OK (f, command, id_s);

  g_assert_cmpstr (out, ==, "");
}

/* load.md's plan for the hand-worked table of test-load.c, through the
 * command line: done with and without actual values, a day with three
 * sessions, a skipped one, a done one with no RPE. Returns the massage's id. */
static gint64
add_load_plan (Fixture *f)
{
  gint64 id;

  id = ADD (f, "add", "2026-11-02", "easy", "--minutes", "45", "--rpe", "3");
  set_status (f, "done", id, "--minutes", "40");
  id = ADD (f, "add", "2026-11-03", "tempo", "--minutes", "50", "--rpe", "7");
  set_status (f, "done", id, NULL, NULL);
  id = ADD (f, "add", "2026-11-03", "cross", "--minutes", "30");
  set_status (f, "done", id, NULL, NULL);
  id = ADD (f, "add", "2026-11-03", "easy", "--minutes", "20", "--rpe", "6");
  set_status (f, "done", id, "--rpe", "2");
  id = ADD (f, "add", "2026-11-04", "intervals", "--minutes", "60", "--rpe", "8");
  set_status (f, "done", id, NULL, NULL);
  set_status (f, "skip", id, NULL, NULL);
  id = ADD (f, "add", "2026-11-05", "long", "--minutes", "100");
  set_status (f, "done", id, NULL, NULL);
  /* far from any training: the day suggests maintenance, so no warning */
  return ADD (f, "book", "2026-10-01");
}

static JsonObject *
find_entry (JsonArray *list,
            gint64     id)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);

      if (json_object_get_int_member (e, "id") == id)
        return e;
    }
  g_assert_not_reached ();
}

static void
test_status_commands (Fixture       *f,
                      gconstpointer  data)
{
  gint64 massage = add_load_plan (f);
  g_autofree char *out = OK (f, "list", "--json");
  g_autoptr(JsonArray) list = rc_test_parse_array (out);
  JsonObject *e;

  /* done without values: the planned ones, RPE none when none was planned */
  e = find_entry (list, 1);
  g_assert_cmpstr (json_object_get_string_member (e, "status"), ==, "done");
  g_assert_cmpint (json_object_get_int_member (e, "done_minutes"), ==, 40);
  g_assert_cmpint (json_object_get_int_member (e, "done_rpe"), ==, 3);
  e = find_entry (list, 3);
  g_assert_cmpint (json_object_get_int_member (e, "done_minutes"), ==, 30);
  g_assert_true (json_object_get_null_member (e, "done_rpe"));
  e = find_entry (list, 4);
  g_assert_cmpint (json_object_get_int_member (e, "rpe"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (e, "done_rpe"), ==, 2);
  /* skip after done forgets the actual values */
  e = find_entry (list, 5);
  g_assert_cmpstr (json_object_get_string_member (e, "status"), ==, "skipped");
  g_assert_true (json_object_get_null_member (e, "done_minutes"));
  g_assert_true (json_object_get_null_member (e, "done_rpe"));
  e = find_entry (list, massage);
  g_assert_cmpstr (json_object_get_string_member (e, "status"), ==, "planned");
  g_assert_true (json_object_get_null_member (e, "done_minutes"));

  /* plan puts a session back */
  set_status (f, "plan", 1, NULL, NULL);
  g_free (out);
  out = OK (f, "list", "--json", "--to", "2026-11-02");
  g_clear_pointer (&list, json_array_unref);
  list = rc_test_parse_array (out);
  e = find_entry (list, 1);
  g_assert_cmpstr (json_object_get_string_member (e, "status"), ==, "planned");
  g_assert_true (json_object_get_null_member (e, "done_minutes"));
  g_assert_true (json_object_get_null_member (e, "done_rpe"));
}

static void
test_status_errors (Fixture       *f,
                    gconstpointer  data)
{
  gint64 massage = add_load_plan (f);
  g_autofree char *massage_s = g_strdup_printf ("%" G_GINT64_FORMAT, massage);

  FAILS (f, 2, "99", "done", "99");
  FAILS (f, 2, "99", "skip", "99");
  FAILS (f, 2, "99", "plan", "99");
  FAILS (f, 2, "“0”", "done", "1", "--rpe", "0");
  FAILS (f, 2, "“11”", "done", "1", "--rpe", "11");
  FAILS (f, 2, "“0”", "done", "1", "--minutes", "0");
  FAILS (f, 2, "“1441”", "done", "1", "--minutes", "1441");
  FAILS (f, 2, massage_s, "done", massage_s);
  FAILS (f, 2, massage_s, "skip", massage_s);
  FAILS (f, 2, "--minutes", "skip", "1", "--minutes", "30");
  FAILS (f, 2, "x1", "done", "x1");
  FAILS (f, 2, "2026-02-30", "load", "2026-02-30");
  FAILS (f, 2, "2026-11-01", "load", "2026-11-02", "--to", "2026-11-01");
}

static void
assert_load_day (JsonObject *d,
                 const char *date,
                 double      load,
                 double      atl,
                 double      ctl,
                 double      tsb,
                 double      acwr,
                 const char *band)
{
  static const char *keys[] = { "date", "load", "atl", "ctl", "tsb", "acwr", "band", NULL };

  assert_keys (d, keys);
  g_assert_cmpstr (json_object_get_string_member (d, "date"), ==, date);
  g_assert_cmpfloat (json_object_get_double_member (d, "load"), ==, load);
  g_assert_cmpfloat (json_object_get_double_member (d, "atl"), ==, atl);
  g_assert_cmpfloat (json_object_get_double_member (d, "ctl"), ==, ctl);
  g_assert_cmpfloat (json_object_get_double_member (d, "tsb"), ==, tsb);
  if (band == NULL)
    {
      g_assert_true (json_object_get_null_member (d, "acwr"));
      g_assert_true (json_object_get_null_member (d, "band"));
    }
  else
    {
      g_assert_cmpfloat (json_object_get_double_member (d, "acwr"), ==, acwr);
      g_assert_cmpstr (json_object_get_string_member (d, "band"), ==, band);
    }
}

/* test-load.c's actual table, rounded as load.md prints it. */
static void
test_load_json (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonArray) days = NULL;

  add_load_plan (f);
  out = OK (f, "load", "2026-11-03", "--to", "2026-11-09", "--actual", "--json");
  days = rc_test_parse_array (out);
  g_assert_cmpuint (json_array_get_length (days), ==, 7);
  assert_load_day (json_array_get_object_element (days, 0), "2026-11-03", 510.0, 87.6, 14.9, -14.3, 4.0, "spike");
  assert_load_day (json_array_get_object_element (days, 2), "2026-11-05", 500.0, 135.8, 26.1, -60.5, 4.0, "spike");
  assert_load_day (json_array_get_object_element (days, 6), "2026-11-09", 0.0, 73.3, 23.7, -61.2, 3.58, "spike");
  /* the raw text holds the rounded figures, not 17 digits */
  g_assert_nonnull (strstr (out, "\"atl\" : 87.6,"));
  g_assert_nonnull (strstr (out, "\"acwr\" : 3.58,"));

  /* before any history: all zero, no ratio */
  g_free (out);
  out = OK (f, "load", "2026-10-01", "--json");
  g_clear_pointer (&days, json_array_unref);
  days = rc_test_parse_array (out);
  assert_load_day (json_array_get_object_element (days, 0), "2026-10-01", 0, 0, 0, 0, 0, NULL);
}

/* The forecast counts planned sessions from today on, the actual series not;
 * the band reads the unrounded ratio (1.304 prints 1.30, yet rises fast). */
static void
test_load_forecast_and_plain (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autofree char *day = g_date_time_format (later, "%Y-%m-%d");
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  ADD (f, "add", day, "tempo", "--minutes", "50", "--rpe", "7");
  out = OK (f, "load", day);
  g_assert_true (g_str_has_prefix (out, day));
  g_assert_nonnull (strstr (out, "  350.0  "));
  g_free (out);
  out = OK (f, "load", day, "--actual");
  g_assert_nonnull (strstr (out, "    0.0  "));
  g_assert_true (g_str_has_suffix (out, "  -\n"));

  set_status (f, "done", 1, NULL, NULL);
  set_status (f, "done", ADD (f, "add", "2026-11-01", "easy", "--minutes", "31", "--rpe", "2"), NULL, NULL);
  set_status (f, "done", ADD (f, "add", "2026-11-20", "easy", "--minutes", "10", "--rpe", "3"), NULL, NULL);
  g_free (out);
  out = OK (f, "load", "2026-11-19", "--to", "2026-11-20", "--actual");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[1], ==, "2026-11-20     30.0      4.8      1.6      0.4   1.30  rising fast");
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  ADD (f, "add", "2026-12-08", "long");

  FAILS (f, 2, "frobnicate", "frobnicate");
  FAILS (f, 2, "--bogus", "list", "--bogus");
  FAILS (f, 2, "2026-02-30", "add", "2026-02-30", "long");
  FAILS (f, 2, "2026-2-3", "add", "2026-2-3", "long");
  FAILS (f, 2, "26-02-03", "advise", "26-02-03");
  FAILS (f, 2, "jog", "add", "2026-12-09", "jog");
  FAILS (f, 2, "massage", "add", "2026-12-09", "massage");
  /* the choices offered are the core's names, all of them and no others */
  FAILS (f, 2, "use one of rest, easy, long, tempo, intervals, race, cross\n", "add", "2026-12-09", "jog");
  FAILS (f, 2, "use one of pre-event, post-run, maintenance\n", "book", "2026-12-09", "--massage", "none");
  FAILS (f, 2, "use one of fast, typical, slow\n", "advise", "2026-12-09", "--profile", "quick");
  FAILS (f, 2, "“0”", "add", "2026-12-09", "easy", "--rpe", "0");
  FAILS (f, 2, "“11”", "add", "2026-12-09", "easy", "--rpe", "11");
  FAILS (f, 2, "“0”", "add", "2026-12-09", "easy", "--minutes", "0");
  FAILS (f, 2, "“1441”", "add", "2026-12-09", "easy", "--minutes", "1441");
  FAILS (f, 2, "“1441”", "book", "2026-12-09", "--minutes", "1441");
  FAILS (f, 2, "“9x”", "add", "2026-12-09", "easy", "--minutes", "9x");
  FAILS (f, 2, "24:00", "add", "2026-12-09", "easy", "--time", "24:00");
  FAILS (f, 2, "deep", "book", "2026-12-09", "--massage", "deep");
  FAILS (f, 2, "KIND", "add", "2026-12-09");
  FAILS (f, 2, "DATE", "book");
  FAILS (f, 2, "DATE", "move", "1");
  FAILS (f, 2, "extra", "delete", "1", "extra");
  FAILS (f, 2, "abc", "delete", "abc");
  FAILS (f, 2, "2026-12-01", "advise", "2026-12-07", "--to", "2026-12-01");
  FAILS (f, 2, "brisk", "advise", "2026-12-07", "--profile", "brisk");
  FAILS (f, 1, "999", "move", "999", "2026-12-10");
  FAILS (f, 1, "999", "delete", "999");
  /* no command word: the window's options, refused before a display is needed */
  FAILS (f, 2, "--bogus", "--bogus");
  FAILS (f, 2, "“2026-13-01”", "--date", "2026-13-01");
  FAILS (f, 2, "--date", "--date");
  FAILS (f, 2, "“-”", "--date", "2026-12-08", "-");
}

/* Each command names the argument it misses, as its --help line does, and
 * refuses one too many (cli.md: usage errors exit 2). */
static void
test_argument_counts (Fixture       *f,
                      gconstpointer  data)
{
  static const struct {
    const char *needle;
    const char *args[5];
  } cases[] = {
    { "Missing DATE: see “recoverycal add --help”", { "add" } },
    { "Missing KIND: see “recoverycal add --help”", { "add", "2026-12-09" } },
    { "Missing DATE: see “recoverycal book --help”", { "book" } },
    { "Missing ID: see “recoverycal move --help”", { "move" } },
    { "Missing DATE: see “recoverycal move --help”", { "move", "1" } },
    { "Missing ID: see “recoverycal delete --help”", { "delete" } },
    { "Missing DATE: see “recoverycal advise --help”", { "advise" } },
    { "Missing FILE.ics: see “recoverycal export --help”", { "export" } },
    { "Missing FILE.ics: see “recoverycal import --help”", { "import" } },
    { "Missing ID: see “recoverycal done --help”", { "done" } },
    { "Missing ID: see “recoverycal skip --help”", { "skip" } },
    { "Missing ID: see “recoverycal plan --help”", { "plan" } },
    { "Missing DATE: see “recoverycal load --help”", { "load" } },
    { "Missing URL: see “recoverycal account add --help”", { "account", "add" } },
    { "Missing ID: see “recoverycal conflicts use-mine --help”", { "conflicts", "use-mine" } },
    { "Unexpected argument “extra”", { "list", "extra" } },
    { "Unexpected argument “b.ics”", { "export", "a.ics", "b.ics" } },
    { "Unexpected argument “extra”", { "sync", "extra" } },
    { "Unexpected argument “extra”", { "account", "show", "extra" } },
    { "Unexpected argument “extra”", { "load", "2026-12-09", "extra" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_fails (f, 2, cases[i].needle, (const char **) cases[i].args);
}

static void
test_runtime_errors (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *foreign = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.db", NULL);
  g_autofree char *missing_dir = g_build_filename (f->dir, "file", "plan.db", NULL);
  g_autofree char *blocker = g_build_filename (f->dir, "file", NULL);
  const char *bases[] = { foreign, text };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1234; CREATE TABLE notes (x TEXT);"
                                 "INSERT INTO notes VALUES ('keep me');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_set_contents (text, "shopping list\n", -1, NULL));
  /* a plain file where the database's folder should be */
  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      g_autofree char *before = NULL, *after = NULL;
      g_auto(RcTestRun) run = { 0 };
      gsize len_before, len_after;

      g_assert_true (g_file_get_contents (bases[i], &before, &len_before, NULL));
      rc_test_run_cli (bases[i], (const char *[]) { "add", "2026-12-08", "long", NULL }, NULL, NULL, &run);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, bases[i]));
      g_assert_true (g_file_get_contents (bases[i], &after, &len_after, NULL));
      g_assert_cmpmem (before, len_before, after, len_after);
    }

  {
    g_auto(RcTestRun) run = { 0 };

    rc_test_run_cli (missing_dir, (const char *[]) { "list", NULL }, NULL, NULL, &run);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, blocker));   /* the folder it cannot make */
  }
}

static void
test_export_import (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *ics = g_build_filename (f->dir, "plan.ics", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *original = NULL, *text = NULL;
  g_auto(RcTestRun) first = { 0 };
  g_auto(RcTestRun) again = { 0 };
  g_auto(RcTestRun) listed = { 0 };

  add_worked_example (f);
  ADD (f, "add", "2026-12-08", "intervals", "--time", "18:30", "--rpe", "8", "--notes", "6 × 800 m");
  ADD (f, "book", "2026-12-21");
  g_free (OK (f, "export", ics, "--windows"));
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:Ideal massage day\r\n"));

  /* into an empty store: the same plan, and a second import adds nothing */
  rc_test_run_cli (other, (const char *[]) { "import", ics, NULL }, NULL, NULL, &first);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (g_str_has_prefix (first.out, "Added: 11, updated: 0,"));
  rc_test_run_cli (other, (const char *[]) { "import", ics, NULL }, NULL, NULL, &again);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_str_has_prefix (again.out, "Added: 0, updated: 0, unchanged: 11"));

  /* the same entries, ids aside (the import numbers them in its own order) */
  original = OK (f, "list");
  rc_test_run_cli (other, (const char *[]) { "list", NULL }, NULL, NULL, &listed);
  {
    g_autoptr(GRegex) ids = g_regex_new ("^[0-9]+ +", G_REGEX_MULTILINE, 0, NULL);
    g_autofree char *a = g_regex_replace_literal (ids, original, -1, 0, "", 0, NULL);
    g_autofree char *b = g_regex_replace_literal (ids, listed.out, -1, 0, "", 0, NULL);

    g_assert_cmpuint (strlen (a), >, 11 * 40);
    g_assert_cmpstr (b, ==, a);
  }
}

static void
test_import_errors (Fixture       *f,
                    gconstpointer  data)
{
  const char *bad[] = { "not-ics.ics", "truncated.ics", "bad-utf8.ics" };

  ADD (f, "add", "2026-12-08", "long");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *path = g_test_get_filename (G_TEST_DIST, "data", bad[i], NULL);

      FAILS (f, 1, bad[i], "import", path);
    }
  FAILS (f, 1, "missing.ics", "import", "missing.ics");
  FAILS (f, 2, "FILE.ics", "import");
  FAILS (f, 2, "2026-13-01", "export", "x.ics", "--from", "2026-13-01");
}

/* Every way of booking warns: the command line with one line on stderr
 * naming the day and why, and the booking stands. */
static void
test_book_warnings (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *forbidden = NULL, *mismatch = NULL, *out = NULL;
  g_autoptr(JsonArray) list = NULL;

  ADD (f, "add", "2026-12-19", "race");
  /* the day before the race: forbidden, and the reason names the race */
  forbidden = book_warns (f, "warning: Fri 18 Dec is forbidden: ",
                          (const char *[]) { "book", "2026-12-18", NULL });
  g_assert_nonnull (strstr (forbidden, "Race on Sat 19 Dec"));
  /* Mon 14 Dec suggests pre-event: a post-run booking is named as such */
  mismatch = book_warns (f, "warning: Post-run massage on Mon 14 Dec is not the kind this day suggests",
                         (const char *[]) { "book", "2026-12-14", "--massage", "post-run", NULL });
  g_assert_nonnull (strstr (mismatch, "Pre-event massage"));
  /* what the day suggests, and an explicit kind that matches: no warning */
  ADD (f, "book", "2026-12-14");
  ADD (f, "book", "2026-12-13", "--massage", "pre-event");

  out = OK (f, "list", "--json");
  list = rc_test_parse_array (out);
  g_assert_cmpuint (json_array_get_length (list), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 4), "date"), ==, "2026-12-19");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 3), "date"), ==, "2026-12-18");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 3), "kind"), ==, "maintenance");
}

/* No title stored: the plain list shows the kind's name; a title given is kept. */
static void
test_titles (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonArray) list = NULL;
  g_auto(GStrv) lines = NULL;

  ADD (f, "add", "2026-12-08", "easy");
  ADD (f, "add", "2026-12-09", "long", "--title", "Hills with Sam");
  ADD (f, "book", "2026-12-22");
  ADD (f, "add", "2026-12-10", "tempo", "--title", "");

  out = OK (f, "list");
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_suffix (lines[0], "  Easy run"));
  g_assert_true (g_str_has_suffix (lines[1], "  Hills with Sam"));
  g_assert_true (g_str_has_suffix (lines[2], "  Tempo run"));
  g_assert_true (g_str_has_suffix (lines[3], "  Sports massage"));

  g_free (out);
  out = OK (f, "list", "--json");
  list = rc_test_parse_array (out);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (list, 0), "title"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "title"), ==, "Hills with Sam");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (list, 2), "title"));
  g_assert_true (json_object_get_null_member (json_array_get_object_element (list, 3), "title"));
}

static const char *
kind_of_title (JsonArray  *list,
               const char *title)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);

      if (!json_object_get_null_member (e, "title") &&
          g_strcmp0 (json_object_get_string_member (e, "title"), title) == 0)
        return json_object_get_string_member (e, "kind");
    }
  return NULL;
}

/* A phone's calendar: the training comes in, the rest is skipped and said why. */
static void
test_import_mixed (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *mixed = g_test_build_filename (G_TEST_DIST, "data", "mixed.ics", NULL);
  g_autofree char *lenient = g_build_filename (f->dir, "lenient.db", NULL);
  g_autofree char *out = NULL, *before = NULL, *after = NULL;
  g_autoptr(JsonArray) list = NULL;
  g_auto(RcTestRun) loose = { 0 };
  g_auto(RcTestRun) loose_list = { 0 };
  g_auto(GStrv) lines = NULL;

  out = OK (f, "import", mixed);
  g_test_message ("%s", out);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Added: 5, updated: 0, unchanged: 0, skipped: 4 "
                                 "(not training sessions: 2, ideal massage days: 2, other: 0)");
  g_assert_nonnull (strstr (out, "“Dentist”: not a training session\n"));
  g_assert_nonnull (strstr (out, "“Team meeting”: not a training session\n"));
  g_assert_nonnull (strstr (out, "  2 ideal massage days: advice exported by RecoveryCal, not sessions\n"));
  g_assert_nonnull (strstr (out, "--unknown-as KIND"));

  g_free (out);
  out = OK (f, "list", "--json");
  list = rc_test_parse_array (out);
  g_assert_cmpuint (json_array_get_length (list), ==, 5);
  g_assert_cmpstr (kind_of_title (list, "Morning run with club"), ==, "easy");
  g_assert_cmpstr (kind_of_title (list, "Parkrun"), ==, "race");
  g_assert_cmpstr (kind_of_title (list, "Sportmassage"), ==, "maintenance");
  g_assert_cmpstr (kind_of_title (list, "Ruhetag"), ==, "rest");
  g_assert_cmpstr (kind_of_title (list, "6x800m"), ==, "intervals");
  g_assert_null (kind_of_title (list, "Dentist"));

  /* again: the store does not change at all */
  before = dump_db (f->db);
  g_free (out);
  out = OK (f, "import", mixed);
  g_assert_true (g_str_has_prefix (out, "Added: 0, updated: 0, unchanged: 5, skipped: 4"));
  after = dump_db (f->db);
  g_assert_cmpstr (before, ==, after);

  /* --unknown-as cross says what the other events are */
  rc_test_run_cli (lenient, (const char *[]) { "import", mixed, "--unknown-as", "cross", NULL }, NULL, NULL, &loose);
  g_assert_cmpint (loose.status, ==, 0);
  g_assert_true (g_str_has_prefix (loose.out, "Added: 9, updated: 0, unchanged: 0, skipped: 2 (not training sessions: 0, ideal massage days: 2, other: 0)\n"));
  rc_test_run_cli (lenient, (const char *[]) { "list", "--json", NULL }, NULL, NULL, &loose_list);
  g_clear_pointer (&list, json_array_unref);
  list = rc_test_parse_array (loose_list.out);
  g_assert_cmpstr (kind_of_title (list, "Dentist"), ==, "cross");
  g_assert_cmpstr (kind_of_title (list, "Parkrun"), ==, "race");

  /* a bad kind is a usage error naming it, and changes nothing */
  FAILS (f, 2, "“dance”", "import", mixed, "--unknown-as", "dance");
  FAILS (f, 2, "“massage”", "import", mixed, "--unknown-as", "massage");
}

/* export says what it wrote, ideal days included, also when there are none. */
static void
test_export_summary (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *ics = g_build_filename (f->dir, "plan.ics", NULL);
  g_autofree char *empty = NULL, *none = NULL, *one = NULL, *all = NULL, *plain = NULL;
  g_autofree char *expected = NULL;

  empty = OK (f, "export", ics, "--windows");
  expected = g_strdup_printf ("Exported 0 entries to %s\nAlso exported 0 ideal massage days as all-day events\n", ics);
  g_assert_cmpstr (empty, ==, expected);

  add_worked_example (f);
  /* around the race every day is forbidden */
  none = OK (f, "export", ics, "--windows", "--from", "2026-12-17", "--to", "2026-12-20");
  g_free (expected);
  expected = g_strdup_printf ("Exported 1 entry to %s\nAlso exported 0 ideal massage days as all-day events\n", ics);
  g_assert_cmpstr (none, ==, expected);

  one = OK (f, "export", ics, "--windows", "--from", "2026-12-21", "--to", "2026-12-21");
  g_free (expected);
  expected = g_strdup_printf ("Exported 0 entries to %s\nAlso exported 1 ideal massage day as an all-day event\n", ics);
  g_assert_cmpstr (one, ==, expected);

  all = OK (f, "export", ics, "--windows");
  g_assert_true (g_str_has_prefix (all, "Exported 9 entries to "));
  g_assert_nonnull (strstr (all, "\nAlso exported "));
  g_assert_nonnull (strstr (all, " ideal massage days as all-day events\n"));

  plain = OK (f, "export", ics);
  g_free (expected);
  expected = g_strdup_printf ("Exported 9 entries to %s\n", ics);
  g_assert_cmpstr (plain, ==, expected);
}

static void
test_db_from_environment (Fixture       *f,
                          gconstpointer  data)
{
  const char *env[] = { "RECOVERYCAL_DB", f->db, NULL };
  g_auto(RcTestRun) run = { 0 };
  g_autofree char *out = NULL;

  rc_test_run_cli (NULL, (const char *[]) { "add", "2026-12-08", "tempo", NULL }, env, NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  out = OK (f, "list", "--json");
  g_assert_nonnull (strstr (out, "\"tempo\""));
}

static void
test_help_and_version (Fixture       *f,
                       gconstpointer  data)
{
  static const char *names[] = { "add", "book", "list", "move", "delete", "advise", "export", "import" };
  g_auto(RcTestRun) help = { 0 };
  g_auto(RcTestRun) help_all = { 0 };
  g_auto(RcTestRun) add_help = { 0 };
  g_auto(RcTestRun) version = { 0 };

  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) regex = NULL;
  glong column = -1;

  rc_test_run_cli (NULL, (const char *[]) { "--help", NULL }, NULL, NULL, &help);
  g_assert_cmpint (help.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", names[i]);
      g_assert_nonnull (strstr (help.out, line));
    }
  /* every command's summary ("Add a training session") starts in one
   * column, counted in characters: "import-activity FILE…" has a
   * three-byte one. Arguments are capitals or lower case, never "Ab". */
  regex = g_regex_new (" [A-Z][a-z]", 0, 0, NULL);
  lines = g_strsplit (strstr (help.out, "Commands:\n") + strlen ("Commands:\n"), "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      int start;
      glong at;

      g_assert_true (g_regex_match (regex, lines[i] + 18, 0, &match));
      g_assert_true (g_match_info_fetch_pos (match, 0, &start, NULL));
      at = g_utf8_strlen (lines[i], 18 + start + 1);
      if (column < 0)
        column = at;
      g_assert_cmpint (at, ==, column);
    }
  g_assert_cmpint (column, >, 18);

  /* GNOME programs' --help-all is the same help, not an unknown option */
  rc_test_run_cli (NULL, (const char *[]) { "--help-all", NULL }, NULL, NULL, &help_all);
  g_assert_cmpint (help_all.status, ==, 0);
  g_assert_cmpstr (help_all.out, ==, help.out);

  rc_test_run_cli (NULL, (const char *[]) { "add", "--help", NULL }, NULL, NULL, &add_help);
  g_assert_cmpint (add_help.status, ==, 0);
  g_assert_nonnull (strstr (add_help.out, "--rpe"));
  g_assert_nonnull (strstr (add_help.out, "--minutes"));

  rc_test_run_cli (NULL, (const char *[]) { "--version", NULL }, NULL, NULL, &version);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, PACKAGE_NAME " " VERSION "\n");
}

static void
test_no_display (Fixture       *f,
                 gconstpointer  data)
{
  const char *env[] = { "DISPLAY", NULL, "WAYLAND_DISPLAY", NULL, NULL };
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_cli (f->db, (const char *[]) { NULL }, env, NULL, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "display"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("RECOVERYCAL"));

  rc_test_add_with_plan ("/cli/add-and-list", test_add_and_list);
  rc_test_add_with_plan ("/cli/list-range", test_list_range);
  rc_test_add_with_plan ("/cli/move-delete", test_move_delete);
  rc_test_add_with_plan ("/cli/book", test_book);
  rc_test_add_with_plan ("/cli/book-warnings", test_book_warnings);
  rc_test_add_with_plan ("/cli/titles", test_titles);
  rc_test_add_with_plan ("/cli/import-mixed", test_import_mixed);
  rc_test_add_with_plan ("/cli/export-summary", test_export_summary);
  rc_test_add_with_plan ("/cli/advise-worked-example", test_advise_worked_example);
  rc_test_add_with_plan ("/cli/advise-plain", test_advise_plain);
  rc_test_add_with_plan ("/cli/usage-errors", test_usage_errors);
  rc_test_add_with_plan ("/cli/argument-counts", test_argument_counts);
  rc_test_add_with_plan ("/cli/runtime-errors", test_runtime_errors);
  rc_test_add_with_plan ("/cli/export-import", test_export_import);
  rc_test_add_with_plan ("/cli/import-errors", test_import_errors);
  rc_test_add_with_plan ("/cli/db-from-environment", test_db_from_environment);
  rc_test_add_with_plan ("/cli/help-and-version", test_help_and_version);
  rc_test_add_with_plan ("/cli/no-display", test_no_display);
  rc_test_add_with_plan ("/cli/status-commands", test_status_commands);
  rc_test_add_with_plan ("/cli/status-errors", test_status_errors);
  rc_test_add_with_plan ("/cli/load-json", test_load_json);
  rc_test_add_with_plan ("/cli/load-forecast-and-plain", test_load_forecast_and_plain);

  return g_test_run ();
}
