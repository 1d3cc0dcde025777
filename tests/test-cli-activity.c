/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-activity.c - recoverycal import-activity (load.md), end to end on the built binary. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "rc-test-json.h"
#include "rc-test-util.h"

typedef RcTestPlanDir Fixture;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "activities", name, NULL);
}

/* Runs the binary on F's database with ARGS; fixture names (ending in .gpx,
 * .tcx or .gz) become their paths. TZ, when not NULL, is the zone. */
static void
run_argv (Fixture     *f,
          const char  *tz,
          const char **args,
          RcTestRun   *run)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  const char *env[] = { "TZ", tz, NULL };

  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_str_has_suffix (args[i], ".gpx") || g_str_has_suffix (args[i], ".tcx") ||
                           g_str_has_suffix (args[i], ".gz")
                           ? fixture_path (args[i]) : g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  rc_test_run_cli (f->db, (const char * const *) argv->pdata, tz != NULL ? env : NULL, NULL, run);
}
#define RUN(f, tz, run, ...) run_argv ((f), (tz), (const char *[]) { __VA_ARGS__, NULL }, run)

static char *
list_json (Fixture *f)
{
  g_auto(RcTestRun) run = { 0 };

  RUN (f, NULL, &run, "list", "--json");
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static guint
line_count (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* A planned tempo session is matched by the Garmin run of that morning, the
 * ride is added, the KML is skipped with one line on stderr naming it. */
static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_auto(RcTestRun) add = { 0 };
  g_auto(RcTestRun) run = { 0 };
  g_autofree char *listed = NULL;
  g_autoptr(JsonArray) entries = NULL;
  JsonObject *ride, *tempo;

  RUN (f, "Europe/London", &add, "add", "2026-12-08", "tempo", "--minutes", "50");
  g_assert_cmpint (add.status, ==, 0);
  RUN (f, "Europe/London", &run, "import-activity", "garmin-laps.tcx", "kml.gpx", "cycling.tcx");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Added: 1, matched: 1, skipped: 1\n"));
  g_assert_nonnull (strstr (run.out, "garmin-laps.tcx”: marked the session of 2026-12-08 done, 45 min (id 1)"));
  g_assert_nonnull (strstr (run.out, "cycling.tcx”: added as Cross-training on 2026-12-12, 120 min (id 2)"));
  g_assert_cmpuint (line_count (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "kml.gpx”"));
  g_assert_nonnull (strstr (run.err, "neither a GPX nor a TCX file"));

  listed = list_json (f);
  entries = rc_test_parse_array (listed);
  g_assert_cmpuint (json_array_get_length (entries), ==, 2);
  /* the planned tempo is done now, with the run's minutes; its plan stays */
  tempo = json_array_get_object_element (entries, 0);
  g_assert_cmpstr (json_object_get_string_member (tempo, "status"), ==, "done");
  g_assert_cmpint (json_object_get_int_member (tempo, "done_minutes"), ==, 45);
  g_assert_cmpint (json_object_get_int_member (tempo, "minutes"), ==, 50);
  ride = json_array_get_object_element (entries, 1);
  g_assert_cmpstr (json_object_get_string_member (ride, "status"), ==, "done");
  g_assert_cmpint (json_object_get_int_member (ride, "done_minutes"), ==, 120);
  g_assert_cmpstr (json_object_get_string_member (ride, "date"), ==, "2026-12-12");
  g_assert_cmpstr (json_object_get_string_member (ride, "time"), ==, "09:00");
  g_assert_cmpstr (json_object_get_string_member (ride, "kind"), ==, "cross");
  g_assert_cmpint (json_object_get_int_member (ride, "minutes"), ==, 120);
  g_assert_cmpstr (json_object_get_string_member (ride, "notes"), ==, "Recorded: 43.21 km");
}

/* The same activities again, one of them compressed: nothing changes. */
static void
test_again (Fixture       *f,
            gconstpointer  data)
{
  g_auto(RcTestRun) first = { 0 };
  g_auto(RcTestRun) again = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  RUN (f, "Europe/London", &first, "import-activity", "strava-run.gpx", "cycling.tcx");
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (g_str_has_prefix (first.out, "Added: 2, matched: 0, skipped: 0\n"));
  before = list_json (f);
  RUN (f, "Europe/London", &again, "import-activity", "strava-run.gpx.gz", "cycling.tcx", "strava-run.gpx");
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_str_has_prefix (again.out, "Added: 0, matched: 0, skipped: 3\n"));
  g_assert_nonnull (strstr (again.out, "strava-run.gpx.gz” was imported before"));
  g_assert_cmpstr (again.err, ==, "");
  after = list_json (f);
  g_assert_cmpstr (before, ==, after);
}

/* --json: one object a file, bad files included with their reason. */
static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };
  g_autoptr(JsonArray) items = NULL;
  JsonObject *run0, *bad;

  RUN (f, "Australia/Sydney", &run, "import-activity", "--json", "strava-run.gpx", "backwards.gpx");
  g_assert_cmpint (run.status, ==, 0);
  items = rc_test_parse_array (run.out);
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  run0 = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (run0, "action"), ==, "added");
  g_assert_cmpint (json_object_get_int_member (run0, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (run0, "date"), ==, "2026-12-09");
  g_assert_cmpstr (json_object_get_string_member (run0, "kind"), ==, "long");
  g_assert_cmpstr (json_object_get_string_member (run0, "start"), ==, "2026-12-08T23:30:00Z");
  g_assert_cmpint (json_object_get_int_member (run0, "minutes"), ==, 95);
  g_assert_cmpint (json_object_get_int_member (run0, "distance_m"), ==, 13550);
  g_assert_cmpint (json_object_get_int_member (run0, "heart_rate"), ==, 139);
  g_assert_cmpstr (json_object_get_string_member (run0, "sport"), ==, "running");
  g_assert_cmpstr (json_object_get_string_member (run0, "name"), ==, "Morning Run");
  g_assert_true (json_object_get_null_member (run0, "reason"));
  bad = json_array_get_object_element (items, 1);
  g_assert_cmpstr (json_object_get_string_member (bad, "action"), ==, "skipped");
  g_assert_true (json_object_get_null_member (bad, "id"));
  g_assert_nonnull (strstr (json_object_get_string_member (bad, "reason"), "goes backwards"));
}

/* The run at 23:30 UTC is on the 9th in Sydney and the 8th in Los Angeles. */
static void
test_zones (Fixture       *f,
            gconstpointer  data)
{
  g_auto(RcTestRun) la = { 0 };
  g_auto(RcTestRun) sydney = { 0 };

  RUN (f, "America/Los_Angeles", &la, "import-activity", "strava-run.gpx");
  g_assert_nonnull (strstr (la.out, "on 2026-12-08"));
  rc_test_remove_tree (f->dir);
  g_mkdir_with_parents (f->dir, 0700);
  RUN (f, "Australia/Sydney", &sydney, "import-activity", "strava-run.gpx");
  g_assert_nonnull (strstr (sydney.out, "on 2026-12-09"));
}

/* Every file bad: exit 1, one line each on stderr, nothing stored (and
 * nothing of libxml2's own: its decoders wrote to stderr past its
 * no-error option, found by fuzz-activity). */
static void
test_all_bad (Fixture       *f,
              gconstpointer  data)
{
  static const char *bad[] = { "empty.gpx", "not-xml.gpx", "route.gpx", "backwards.gpx",
                               "truncated.gpx.gz", "forty-days.gpx", "cut-off.tcx", "kml.gpx",
                               "wrong-encoding.gpx" };
  g_auto(RcTestRun) run = { 0 };
  g_autofree char *listed = NULL;

  RUN (f, NULL, &run, "import-activity", bad[0], bad[1], bad[2], bad[3], bad[4], bad[5], bad[6], bad[7], bad[8]);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (line_count (run.err), ==, G_N_ELEMENTS (bad));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_nonnull (strstr (run.err, bad[i]));
  listed = list_json (f);
  g_assert_cmpstr (g_strstrip (listed), ==, "[]");
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_auto(RcTestRun) none = { 0 };
  g_auto(RcTestRun) option = { 0 };
  g_auto(RcTestRun) missing = { 0 };

  RUN (f, NULL, &none, "import-activity");
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "Missing FILE"));
  RUN (f, NULL, &option, "import-activity", "--minutes", "3", "cycling.tcx");
  g_assert_cmpint (option.status, ==, 2);
  g_assert_nonnull (strstr (option.err, "--minutes"));
  RUN (f, NULL, &missing, "import-activity", "no-such-file.gpx");
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "no-such-file.gpx"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  rc_test_add_with_plan ("/cli/import-activity/batch", test_batch);
  rc_test_add_with_plan ("/cli/import-activity/again", test_again);
  rc_test_add_with_plan ("/cli/import-activity/json", test_json);
  rc_test_add_with_plan ("/cli/import-activity/zones", test_zones);
  rc_test_add_with_plan ("/cli/import-activity/all-bad", test_all_bad);
  rc_test_add_with_plan ("/cli/import-activity/usage", test_usage);
  return g_test_run ();
}
