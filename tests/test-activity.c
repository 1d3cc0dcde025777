/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-activity.c - GPX and TCX files as real exporters write them, and where
 * each one lands in the plan. Run under several time zones (meson.build). */

#include "config.h"

#include <string.h>

#include "rc-activity-import.h"
#include "rc-test-util.h"

static RcActivity *
parse_fixture (const char  *name,
               GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "activities", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return rc_activity_parse_file (file, name, NULL, error);
}

static RcActivity *
parse_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  RcActivity *activity = parse_fixture (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (activity);
  return activity;
}

static void
assert_start (const RcActivity *activity,
              const char       *iso)
{
  g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (expected);
  g_assert_cmpint (activity->start, ==, g_date_time_to_unix (expected) * G_USEC_PER_SEC);
}

/* A file as an exporter writes it, and what it says. */
typedef struct {
  const char       *file;
  RcActivityFormat  format;
  const char       *start;      /* UTC */
  int               minutes;
  double            distance;   /* metres */
  double            epsilon;
  int               heart_rate;
  const char       *sport;
  const char       *name;
  guint             n_points;
  gboolean          running;
} GoodCase;

static const GoodCase good_cases[] = {
  /* Garmin Connect: three laps, heart rate per point, cumulative distance in
   * each point that must not be added up; the totals are the laps' (45 min 20 s) */
  { "garmin-laps.tcx", RC_ACTIVITY_FORMAT_TCX, "2026-12-08T06:30:00Z", 45, 8500.5, 0.01, 152,
    "Running", "Threshold Tuesday", 137, TRUE },
  { "garmin-laps.tcx.gz", RC_ACTIVITY_FORMAT_TCX, "2026-12-08T06:30:00Z", 45, 8500.5, 0.01, 152,
    "Running", "Threshold Tuesday", 137, TRUE },
  /* Strava: <type>running</type>, Garmin's TrackPointExtension hr, a metadata
   * time that is no track point; distance from the points */
  { "strava-run.gpx", RC_ACTIVITY_FORMAT_GPX, "2026-12-08T23:30:00Z", 95, 13549.65, 1.0, 139,
    "running", "Morning Run", 96, TRUE },
  { "strava-run.gpx.gz", RC_ACTIVITY_FORMAT_GPX, "2026-12-08T23:30:00Z", 95, 13549.65, 1.0, 139,
    "running", "Morning Run", 96, TRUE },
  /* OpenTracks: two segments around a 10-minute pause, local offsets, CDATA;
   * the pause counts in the elapsed time, not in the distance */
  { "opentracks-pause.gpx", RC_ACTIVITY_FORMAT_GPX, "2026-12-10T16:05:00Z", 45, 3206.05, 1.0, RC_NONE,
    "running", "Tempo by the river", 72, TRUE },
  /* gzip told by its magic bytes, not by the name */
  { "opentracks-compressed.gpx", RC_ACTIVITY_FORMAT_GPX, "2026-12-10T16:05:00Z", 45, 3206.05, 1.0, RC_NONE,
    "running", "Tempo by the river", 72, TRUE },
  { "cycling.tcx", RC_ACTIVITY_FORMAT_TCX, "2026-12-12T09:00:00Z", 120, 43210, 0.01, RC_NONE,
    "Biking", NULL, 121, FALSE },
  /* GPSBabel's GPX 1.0 in Latin-1: no type, the file's own <time> is no point */
  { "gpx10.gpx", RC_ACTIVITY_FORMAT_GPX, "2026-12-14T12:00:00Z", 30, 2223.90, 1.0, RC_NONE,
    NULL, "Lunch jog", 41, FALSE },
};

static void
test_good (gconstpointer data)
{
  const GoodCase *c = data;
  g_autoptr(RcActivity) a = parse_ok (c->file);

  g_assert_cmpint (a->format, ==, c->format);
  assert_start (a, c->start);
  g_assert_cmpint (a->minutes, ==, c->minutes);
  g_assert_cmpfloat_with_epsilon (a->distance, c->distance, c->epsilon);
  g_assert_cmpint (a->heart_rate, ==, c->heart_rate);
  g_assert_cmpstr (a->sport, ==, c->sport);
  g_assert_cmpstr (a->name, ==, c->name);
  g_assert_cmpuint (a->n_points, ==, c->n_points);
  g_assert_true (rc_activity_is_running (a) == c->running);
}

typedef struct {
  const char *file;
  int         code;
  const char *words;   /* in the message, beside the file's name */
} BadCase;

static const BadCase bad_cases[] = {
  { "empty.gpx", RC_ACTIVITY_ERROR_EMPTY, "0 bytes" },
  { "not-xml.gpx", RC_ACTIVITY_ERROR_NOT_XML, "not XML" },
  { "cut-off.tcx", RC_ACTIVITY_ERROR_NOT_XML, "not XML" },
  { "kml.gpx", RC_ACTIVITY_ERROR_UNKNOWN_FORMAT, "“kml”" },
  { "route.gpx", RC_ACTIVITY_ERROR_NO_TIMESTAMPS, "no timestamps" },
  { "backwards.gpx", RC_ACTIVITY_ERROR_BACKWARDS, "line 6" },
  { "truncated.gpx.gz", RC_ACTIVITY_ERROR_READ, "ends early" },
  { "forty-days.gpx", RC_ACTIVITY_ERROR_TOO_LONG, "960 hours" },
  { "wrong-encoding.gpx", RC_ACTIVITY_ERROR_NOT_XML, "do not match the encoding it declares" },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcActivity) a = parse_fixture (c->file, &error);

  g_assert_null (a);
  g_assert_error (error, RC_ACTIVITY_ERROR, c->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, c->file));
  if (strstr (error->message, c->words) == NULL)
    g_error ("“%s” lacks “%s”", error->message, c->words);
}

/* The same bytes from memory, as a fuzzer hands them over. */
static void
test_memory (void)
{
  g_autoptr(GError) error = NULL;
  const char gpx[] = "<gpx version=\"1.1\"><trk><trkseg>"
                     "<trkpt lat=\"1\" lon=\"2\"><time>2026-01-01T10:00:00.5Z</time></trkpt>"
                     "<trkpt lat=\"1\" lon=\"2.001\"><time>2026-01-01T10:00:30.4Z</time></trkpt>"
                     "</trkseg></trk></gpx>";
  g_autoptr(RcActivity) a = rc_activity_parse_data (gpx, strlen (gpx), "memory", &error);
  g_autoptr(RcActivity) none = rc_activity_parse_data ("", 0, "nothing", &error);

  g_assert_nonnull (a);
  g_assert_cmpint (a->start % G_USEC_PER_SEC, ==, G_USEC_PER_SEC / 2);
  g_assert_cmpint (a->minutes, ==, 0);   /* 29.9 s */
  g_assert_cmpfloat_with_epsilon (a->distance, 111.2, 0.5);
  g_assert_null (none);
  g_assert_error (error, RC_ACTIVITY_ERROR, RC_ACTIVITY_ERROR_EMPTY);
}

/* A GPX of N identical-length points, after a comment of PAD bytes. */
static char *
shifted_gpx (guint n,
             guint pad)
{
  GString *gpx = g_string_new ("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\"><!--");

  for (guint i = 0; i < pad; i++)
    g_string_append_c (gpx, 'x');
  g_string_append (gpx, "--><trk><name>Shifted</name><trkseg>\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (gpx, "<trkpt lat=\"51.%07u\" lon=\"-0.%07u\"><time>2026-01-01T10:%02u:%02u.%03uZ</time>"
                            "<extensions><hr>1%02u</hr></extensions></trkpt>\n",
                            i, 2 * i, i / 600, i / 10 % 60, i % 10 * 100, i % 50);
  g_string_append (gpx, "</trkseg></trk></gpx>\n");
  return g_string_free (gpx, FALSE);
}

/* The parser is fed the stream in chunks: wherever their boundaries fall
 * (every shift of a whole point), a timestamp, a coordinate or a heart
 * rate cut in two by one is read whole, and the activity is the same.
 * 1,500 points span more than one chunk of any size up to 128 KiB. */
static void
test_chunk_boundaries (void)
{
  g_autofree char *reference = shifted_gpx (1500, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcActivity) expected = rc_activity_parse_data (reference, strlen (reference), "shift", &error);
  const char *point = strstr (reference, "<trkpt");
  gsize point_len = strchr (point, '\n') + 1 - point;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (reference), >, 128 * 1024);
  g_assert_cmpuint (expected->n_points, ==, 1500);
  g_assert_cmpint (expected->minutes, ==, 2);
  g_assert_cmpint (expected->heart_rate, ==, 125);
  for (gsize pad = 1; pad <= point_len; pad++)
    {
      g_autofree char *gpx = shifted_gpx (1500, pad);
      g_autoptr(RcActivity) a = rc_activity_parse_data (gpx, strlen (gpx), "shift", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (a->n_points, ==, expected->n_points);
      g_assert_cmpint (a->start, ==, expected->start);
      g_assert_cmpint (a->end, ==, expected->end);
      g_assert_cmpfloat (a->distance, ==, expected->distance);
      g_assert_cmpint (a->heart_rate, ==, expected->heart_rate);
      g_assert_cmpstr (a->name, ==, "Shifted");
    }
}

/* What the streaming reader took as one text is still one: a comment or a
 * CDATA section ends a text, a child element splits its parent's, blank
 * text is no value, an entity of the file's DTD is not expanded (the
 * reader never did), and character references are. */
static void
test_text_nodes (void)
{
  const char gpx[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE gpx [<!ENTITY place \"Hill\">]>\n"
    "<gpx><metadata><name>&place; &amp; d&#x61;le</name></metadata>"
    "<trk><type><![CDATA[run]]>ning</type><trkseg>"
    "<trkpt lat=\"&#49;.0\" lon=\"2\"><time> </time></trkpt>"
    "<trkpt lat=\"1\" lon=\"2\"><time>2026-01-01T10:00:00Z</time></trkpt>"
    "<trkpt lat=\"1\" lon=\"2\"><time>2026-01-01T10:30:00Z</time></trkpt>"
    "</trkseg></trk></gpx>";
  const char comment[] =
    "<gpx><trk><trkseg><trkpt><time>2026-01-01T10:<!-- x -->00:00Z</time></trkpt></trkseg></trk></gpx>";
  g_autoptr(GError) error = NULL;
  g_autoptr(RcActivity) a = rc_activity_parse_data (gpx, strlen (gpx), "text", &error);
  g_autoptr(RcActivity) none = NULL;
  g_autoptr(RcActivity) long_lat = NULL;
  const char long_value[] =
    "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2026-01-01T10:00:00Z</time></trkpt>"
    "<trkpt lat=\"1.000000000000000000000000000000000000000000000000000000000000000000000000\""
    " lon=\"2.001\"><time>2026-01-01T10:01:00Z</time></trkpt></trkseg></trk></gpx>";

  g_assert_no_error (error);
  g_assert_cmpuint (a->n_points, ==, 2);
  g_assert_cmpint (a->minutes, ==, 30);
  g_assert_cmpstr (a->sport, ==, "run");
  g_assert_cmpstr (a->name, ==, "& dale");
  g_assert_cmpfloat_with_epsilon (a->distance, 0, 1e-9);

  none = rc_activity_parse_data (comment, strlen (comment), "comment", &error);
  g_assert_null (none);
  g_assert_error (error, RC_ACTIVITY_ERROR, RC_ACTIVITY_ERROR_NO_TIMESTAMPS);
  g_assert_nonnull (strstr (error->message, "“2026-01-01T10:”"));
  g_clear_error (&error);

  /* a coordinate longer than any exporter writes is still a coordinate */
  long_lat = rc_activity_parse_data (long_value, strlen (long_value), "long", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (long_lat->distance, 111.2, 0.5);
}

/* libxml2's limits stand for the push parser as they did for the reader:
 * 256 levels of elements, and a text we keep of at most 10 MB; a long text
 * we do not keep is no reason to refuse the file. */
static void
test_limits (void)
{
  g_autoptr(GString) deep = g_string_new ("<gpx>");
  g_autoptr(GString) text = g_string_new ("<gpx><trk><desc>");
  const char *point = "<trkseg><trkpt><time>2026-01-01T10:00:00Z</time></trkpt></trkseg></trk></gpx>";
  g_autoptr(GError) error = NULL;
  g_autoptr(RcActivity) a = NULL;
  g_autoptr(RcActivity) b = NULL;
  g_autoptr(RcActivity) c = NULL;

  for (int i = 0; i < 300; i++)
    g_string_append (deep, "<a>");
  for (int i = 0; i < 300; i++)
    g_string_append (deep, "</a>");
  g_string_append (deep, "</gpx>");
  a = rc_activity_parse_data (deep->str, deep->len, "deep", &error);
  g_assert_null (a);
  g_assert_error (error, RC_ACTIVITY_ERROR, RC_ACTIVITY_ERROR_NOT_XML);
  g_assert_nonnull (strstr (error->message, "depth"));
  g_clear_error (&error);

  for (int i = 0; i < 11 * 1000 * 1000; i++)
    g_string_append_c (text, 'N');
  g_string_append (text, "</desc>");
  g_string_append (text, point);
  b = rc_activity_parse_data (text->str, text->len, "desc", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (b->n_points, ==, 1);

  g_string_erase (text, 0, strlen ("<gpx><trk><desc>"));
  g_string_prepend (text, "<gpx><trk><name>");
  g_string_replace (text, "</desc>", "</name>", 1);
  c = rc_activity_parse_data (text->str, text->len, "name", &error);
  g_assert_null (c);
  g_assert_error (error, RC_ACTIVITY_ERROR, RC_ACTIVITY_ERROR_NOT_XML);
  g_assert_nonnull (strstr (error->message, "huge text"));
}

/* A small gzip that unpacks to more than RC_ACTIVITY_MAX_BYTES (a bomb: a
 * few hundred kB for 129 MB of blanks) is refused once the bound is read,
 * not parsed to its end. */
static void
test_gzip_bomb (void)
{
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) gzip = g_converter_output_stream_new (memory, G_CONVERTER (zlib));
  g_autofree char *blanks = g_malloc (1024 * 1024);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcActivity) a = NULL;
  g_autoptr(GBytes) bytes = NULL;

  memset (blanks, ' ', 1024 * 1024);
  g_assert_true (g_output_stream_write_all (gzip, "<gpx version=\"1.1\"><trk>", strlen ("<gpx version=\"1.1\"><trk>"), NULL, NULL, &error));
  for (guint mb = 0; mb <= RC_ACTIVITY_MAX_BYTES / (1024 * 1024); mb++)
    g_assert_true (g_output_stream_write_all (gzip, blanks, 1024 * 1024, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (gzip, NULL, &error));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  g_assert_cmpuint (g_bytes_get_size (bytes), <, 1024 * 1024);
  a = rc_activity_parse_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "bomb.gpx.gz", &error);
  g_assert_null (a);
  g_assert_error (error, RC_ACTIVITY_ERROR, RC_ACTIVITY_ERROR_TOO_BIG);
  g_assert_nonnull (strstr (error->message, "bomb.gpx.gz"));
}

/* The last day GLib can show is 9999-12-31, local: a run at 23:30 UTC on
 * it was taken, and east of UTC its local date was past it (criticals,
 * then a failed import). Seen while writing fuzz-activity, which now runs
 * its clock far east. */
static void
test_year_9999 (void)
{
  const char late[] = "<gpx version=\"1.1\"><trk><trkseg>"
                      "<trkpt lat=\"1\" lon=\"2\"><time>9999-12-31T23:30:00Z</time></trkpt>"
                      "</trkseg></trk></gpx>";
  const char last[] = "<gpx version=\"1.1\"><trk><trkseg>"
                      "<trkpt lat=\"1\" lon=\"2\"><time>9999-12-30T23:30:00Z</time></trkpt>"
                      "</trkseg></trk></gpx>";
  g_autoptr(GError) error = NULL;
  g_autoptr(RcActivity) refused = rc_activity_parse_data (late, strlen (late), "late.gpx", &error);
  g_autoptr(RcActivity) taken = NULL;
  RcDay day;

  g_assert_null (refused);
  g_assert_error (error, RC_ACTIVITY_ERROR, RC_ACTIVITY_ERROR_NO_TIMESTAMPS);
  g_clear_error (&error);
  taken = rc_activity_parse_data (last, strlen (last), "last.gpx", &error);
  g_assert_no_error (error);
  day = rc_activity_local_day (taken, NULL);
  g_assert_cmpuint (day, >=, rc_test_day ("9999-12-30"));
  g_assert_cmpuint (day, <=, rc_test_day ("9999-12-31"));
}

/* Two exporters of one run agree on its identity; another sport does not. */
static void
test_uid (void)
{
  g_autoptr(RcActivity) gpx = parse_ok ("strava-run.gpx");
  g_autoptr(RcActivity) tcx = parse_ok ("cycling.tcx");
  g_autofree char *uid = rc_activity_uid (gpx);
  g_autofree char *uid2 = NULL;
  g_autofree char *uid3 = NULL;

  g_assert_cmpstr (uid, ==, "activity-20261208T233000Z-running@recoverycal");
  g_free (gpx->sport);
  gpx->sport = g_strdup ("Run");
  uid2 = rc_activity_uid (gpx);
  g_assert_cmpstr (uid, ==, uid2);
  uid3 = rc_activity_uid (tcx);
  g_assert_cmpstr (uid3, ==, "activity-20261212T090000Z-cycling@recoverycal");
}

/* ------------------------------------------------------------------ */
/* Mapping                                                            */

/* The kind of ACTIVITY once it is named NAME. */
static RcKind
kind_named (RcActivity *activity,
            const char *name)
{
  g_free (activity->name);
  activity->name = g_strdup (name);
  return rc_activity_kind (activity);
}

static void
test_kind (void)
{
  g_autoptr(RcActivity) garmin = parse_ok ("garmin-laps.tcx");
  g_autoptr(RcActivity) strava = parse_ok ("strava-run.gpx");
  g_autoptr(RcActivity) opentracks = parse_ok ("opentracks-pause.gpx");
  g_autoptr(RcActivity) cycling = parse_ok ("cycling.tcx");
  g_autoptr(RcActivity) gpx10 = parse_ok ("gpx10.gpx");

  g_assert_cmpint (rc_activity_kind (garmin), ==, RC_KIND_TEMPO);      /* "Threshold" */
  g_assert_cmpint (rc_activity_kind (strava), ==, RC_KIND_LONG);       /* a run of 95 min */
  g_assert_cmpint (rc_activity_kind (opentracks), ==, RC_KIND_TEMPO);
  g_assert_cmpint (rc_activity_kind (cycling), ==, RC_KIND_CROSS);
  g_assert_cmpint (rc_activity_kind (gpx10), ==, RC_KIND_EASY);        /* no sport: "jog" */

  strava->minutes = 89;
  g_assert_cmpint (rc_activity_kind (strava), ==, RC_KIND_EASY);
  g_assert_cmpint (kind_named (strava, "Saturday parkrun"), ==, RC_KIND_RACE);
  /* a run named like a ride is still a run */
  g_assert_cmpint (kind_named (strava, "Run to the bike shop"), ==, RC_KIND_EASY);
  g_assert_cmpint (kind_named (cycling, "Long ride"), ==, RC_KIND_CROSS);
  g_assert_cmpint (kind_named (gpx10, "Afternoon"), ==, RC_KIND_CROSS);
}

typedef struct {
  const char *file;
  const char *tz;
  const char *date;
  const char *time;
} LocalCase;

static const LocalCase local_cases[] = {
  { "strava-run.gpx", "Australia/Sydney", "2026-12-09", "10:30" },
  { "strava-run.gpx", "Europe/London", "2026-12-08", "23:30" },
  { "strava-run.gpx", "America/Los_Angeles", "2026-12-08", "15:30" },
  { "garmin-laps.tcx", "Australia/Sydney", "2026-12-08", "17:30" },
  { "garmin-laps.tcx", "Europe/London", "2026-12-08", "06:30" },
  { "garmin-laps.tcx", "America/Los_Angeles", "2026-12-07", "22:30" },
};

/* The user's local date of the start, in the zone this run has (meson.build
 * runs this program under each of the zones above). */
static void
test_local_day (void)
{
  const char *tz = g_getenv ("TZ");
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (local_cases); i++)
    {
      g_autoptr(RcActivity) a = NULL;
      g_autofree char *date = NULL;
      g_autofree char *time_s = NULL;
      int time;

      if (g_strcmp0 (tz, local_cases[i].tz) != 0)
        continue;
      a = parse_ok (local_cases[i].file);
      date = rc_day_to_iso (rc_activity_local_day (a, &time));
      time_s = rc_time_to_string (time);
      g_assert_cmpstr (date, ==, local_cases[i].date);
      g_assert_cmpstr (time_s, ==, local_cases[i].time);
      checked++;
    }
  if (checked == 0)
    g_test_skip ("TZ is none of the zones with expected dates");
}

static RcEntry *
planned (RcDay  day,
         RcKind kind,
         int    minutes)
{
  RcEntry *entry = rc_entry_new (day, kind);

  entry->uid = rc_entry_new_uid ();
  entry->minutes = minutes;
  entry->title = g_strdup ("");
  return entry;
}

static void
decide (const RcActivity   *activity,
        GPtrArray          *day,
        const char         *imported_uid,
        RcActivityDecision *decision)
{
  rc_activity_decide (activity, (const RcEntry * const *) day->pdata, day->len,
                      imported_uid, decision);
}

/* A planned session of the same family on that day is marked done: the same
 * kind first, then any of the family; massages and other families never. */
static void
test_decide_match (void)
{
  g_autoptr(RcActivity) garmin = parse_ok ("garmin-laps.tcx");
  g_autoptr(RcActivity) cycling = parse_ok ("cycling.tcx");
  RcDay day = rc_activity_local_day (garmin, NULL);
  RcDay ride_day = rc_activity_local_day (cycling, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  g_autoptr(GPtrArray) rides = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  g_auto(RcActivityDecision) d = { 0 };

  g_ptr_array_add (entries, planned (day, RC_KIND_MASSAGE, 60));
  g_ptr_array_add (entries, planned (day, RC_KIND_CROSS, 40));
  g_ptr_array_add (entries, planned (day, RC_KIND_EASY, 30));
  decide (garmin, entries, NULL, &d);
  g_assert_cmpint (d.action, ==, RC_ACTIVITY_MATCH);
  g_assert_cmpuint (d.index, ==, 2);
  g_assert_cmpstr (d.entry->uid, ==, ((RcEntry *) entries->pdata[2])->uid);
  g_assert_cmpint (d.entry->kind, ==, RC_KIND_EASY);   /* the plan keeps its kind */
  g_assert_cmpint (d.entry->minutes, ==, 30);
  /* marked done with the activity's minutes, remembering the activity */
  g_assert_cmpint (d.entry->status, ==, RC_STATUS_DONE);
  g_assert_cmpint (d.entry->done_minutes, ==, 45);
  g_assert_cmpint (d.entry->done_rpe, ==, RC_NONE);
  {
    g_autofree char *uid = rc_activity_uid (garmin);
    g_assert_cmpstr (d.entry->activity, ==, uid);
  }
  rc_activity_decision_clear (&d);

  /* a session already done (or skipped) is not matched again */
  ((RcEntry *) entries->pdata[2])->status = RC_STATUS_DONE;
  ((RcEntry *) entries->pdata[2])->done_minutes = 31;
  ((RcEntry *) entries->pdata[1])->status = RC_STATUS_SKIPPED;
  decide (garmin, entries, NULL, &d);
  g_assert_cmpint (d.action, ==, RC_ACTIVITY_ADD);
  rc_activity_decision_clear (&d);

  g_ptr_array_add (entries, planned (day, RC_KIND_TEMPO, 50));
  decide (garmin, entries, NULL, &d);
  g_assert_cmpint (d.action, ==, RC_ACTIVITY_MATCH);
  g_assert_cmpuint (d.index, ==, 3);
  rc_activity_decision_clear (&d);

  g_ptr_array_add (rides, planned (ride_day, RC_KIND_LONG, 120));
  decide (cycling, rides, NULL, &d);
  g_assert_cmpint (d.action, ==, RC_ACTIVITY_ADD);
  rc_activity_decision_clear (&d);
  g_ptr_array_add (rides, planned (ride_day, RC_KIND_CROSS, 60));
  decide (cycling, rides, NULL, &d);
  g_assert_cmpint (d.action, ==, RC_ACTIVITY_MATCH);
  g_assert_cmpuint (d.index, ==, 1);
}

/* Nothing planned: a session on the local date, at the local time, with the
 * activity's identity, minutes, name and what the watch measured. */
static void
test_decide_add (void)
{
  g_autoptr(RcActivity) garmin = parse_ok ("garmin-laps.tcx");
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_auto(RcActivityDecision) d = { 0 };
  g_autofree char *uid = rc_activity_uid (garmin);
  int time;

  decide (garmin, none, NULL, &d);
  g_assert_cmpint (d.action, ==, RC_ACTIVITY_ADD);
  g_assert_cmpint (d.entry->kind, ==, RC_KIND_TEMPO);
  g_assert_cmpuint (d.entry->day, ==, rc_activity_local_day (garmin, &time));
  g_assert_cmpint (d.entry->time, ==, time);
  g_assert_cmpstr (d.entry->uid, ==, uid);
  g_assert_cmpint (d.entry->minutes, ==, 45);
  g_assert_cmpstr (d.entry->title, ==, "Threshold Tuesday");
  g_assert_cmpstr (d.entry->notes, ==, "Recorded: 8.50 km, average heart rate 152 bpm");
  /* it was run: done as recorded */
  g_assert_cmpint (d.entry->status, ==, RC_STATUS_DONE);
  g_assert_cmpint (d.entry->done_minutes, ==, 45);
  g_assert_cmpstr (d.entry->activity, ==, uid);
}

/* The same activity again, from the same file or another exporter's: skipped. */
static void
test_decide_again (void)
{
  g_autoptr(RcActivity) strava = parse_ok ("strava-run.gpx");
  g_autoptr(GPtrArray) day = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  g_auto(RcActivityDecision) d = { 0 };

  decide (strava, day, NULL, &d);
  g_assert_cmpint (d.action, ==, RC_ACTIVITY_ADD);
  g_ptr_array_add (day, g_steal_pointer (&d.entry));
  rc_activity_decision_clear (&d);
  g_ptr_array_add (day, planned (d.day, RC_KIND_LONG, 100));

  decide (strava, day, NULL, &d);
  g_assert_cmpint (d.action, ==, RC_ACTIVITY_SKIP);
  g_assert_null (d.entry);
  rc_activity_decision_clear (&d);

  /* matched before: the store knows which entry took it */
  g_ptr_array_remove_index (day, 0);
  decide (strava, day, ((RcEntry *) day->pdata[0])->uid, &d);
  g_assert_cmpint (d.action, ==, RC_ACTIVITY_SKIP);
  rc_activity_decision_clear (&d);

  /* or the day's entry remembers it, though planned again by hand */
  ((RcEntry *) day->pdata[0])->activity = rc_activity_uid (strava);
  decide (strava, day, NULL, &d);
  g_assert_cmpint (d.action, ==, RC_ACTIVITY_SKIP);
}

typedef RcTestStoreDir StoreFixture;

static void
import (StoreFixture           *f,
        RcActivityImportResult *result,
        const char             *first,
        ...)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "activities", name, NULL);

      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  va_end (args);
  g_assert_true (rc_activity_import_files (f->store, (GFile **) files->pdata, NULL, files->len,
                                           result, NULL, &error));
  g_assert_no_error (error);
}

static GPtrArray *
all_entries (StoreFixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = rc_store_list (f->store, RC_DAY_INVALID, RC_DAY_INVALID, &error);

  g_assert_no_error (error);
  return all;
}

/* Through the store, in one batch: the planned tempo is marked done with the
 * Garmin run's 45 minutes and remembers it; the ride is added done. Again,
 * also after the session moved to another day: nothing changes. Put back
 * as it was (what an undo does): the run matches it again. */
static void
test_import_store (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(RcActivity) garmin = parse_ok ("garmin-laps.tcx");
  g_autofree char *garmin_uid = rc_activity_uid (garmin);
  g_autoptr(RcEntry) tempo = planned (rc_activity_local_day (garmin, NULL), RC_KIND_TEMPO, 50);
  g_autoptr(RcEntry) done = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RcActivityImportResult) first = { 0 };
  g_auto(RcActivityImportResult) again = { 0 };
  g_auto(RcActivityImportResult) moved = { 0 };
  g_auto(RcActivityImportResult) undone = { 0 };
  RcActivityImportItem *item;

  g_assert_true (rc_store_add (f->store, tempo, &error));
  g_assert_no_error (error);

  import (f, &first, "garmin-laps.tcx", "cycling.tcx", "garmin-laps.tcx.gz", NULL);
  g_assert_cmpuint (first.matched, ==, 1);
  g_assert_cmpuint (first.added, ==, 1);
  g_assert_cmpuint (first.skipped, ==, 1);   /* the same run, compressed */
  item = g_ptr_array_index (first.items, 0);
  g_assert_cmpint (item->action, ==, RC_ACTIVITY_MATCH);
  g_assert_cmpint (item->entry_id, ==, tempo->id);
  g_assert_cmpint (item->before->status, ==, RC_STATUS_PLANNED);
  g_assert_null (item->before->activity);
  g_assert_cmpint (item->after->status, ==, RC_STATUS_DONE);

  done = rc_store_get (f->store, tempo->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (done->status, ==, RC_STATUS_DONE);
  g_assert_cmpint (done->done_minutes, ==, 45);
  g_assert_cmpint (done->minutes, ==, 50);            /* the plan stays */
  g_assert_cmpint (done->kind, ==, RC_KIND_TEMPO);
  g_assert_cmpstr (done->activity, ==, garmin_uid);
  g_assert_true (rc_entry_equal (done, item->after));
  item = g_ptr_array_index (first.items, 1);
  g_assert_cmpint (item->after->status, ==, RC_STATUS_DONE);
  g_assert_cmpint (item->after->done_minutes, ==, 120);
  g_assert_nonnull (item->after->activity);
  /* no settings row does the remembering any more */
  {
    g_autofree char *key = g_strconcat ("activity:", garmin_uid, NULL);
    g_autofree char *value = rc_store_get_setting (f->store, key, NULL);
    g_assert_null (value);
  }

  before = all_entries (f);
  import (f, &again, "garmin-laps.tcx", "cycling.tcx", NULL);
  g_assert_cmpuint (again.skipped, ==, 2);
  after = all_entries (f);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (rc_entry_equal (after->pdata[i], before->pdata[i]));

  /* moved to the day after, with another session planned on the run's day */
  g_assert_true (rc_store_move (f->store, tempo->id, tempo->day + 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&tempo->uid, g_free);
  tempo->id = 0;
  g_assert_true (rc_store_add (f->store, tempo, &error));
  import (f, &moved, "garmin-laps.tcx", NULL);
  g_assert_cmpuint (moved.skipped, ==, 1);
  g_clear_pointer (&done, rc_entry_free);
  done = rc_store_get (f->store, tempo->id, &error);
  g_assert_cmpint (done->status, ==, RC_STATUS_PLANNED);

  /* the first session put back as it was before the import: matched again */
  item = g_ptr_array_index (first.items, 0);
  g_assert_true (rc_store_delete (f->store, tempo->id, &error));
  g_assert_true (rc_store_update (f->store, item->before, &error));
  g_assert_no_error (error);
  import (f, &undone, "garmin-laps.tcx", NULL);
  g_assert_cmpuint (undone.matched, ==, 1);
  g_assert_cmpint (((RcActivityImportItem *) undone.items->pdata[0])->entry_id, ==, item->before->id);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (good_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/activity/parse/%s", good_cases[i].file);

      g_test_add_data_func (path, &good_cases[i], test_good);
    }
  g_test_add_func ("/activity/parse/memory", test_memory);
  g_test_add_func ("/activity/parse/chunk-boundaries", test_chunk_boundaries);
  g_test_add_func ("/activity/parse/text-nodes", test_text_nodes);
  g_test_add_func ("/activity/parse/limits", test_limits);
  g_test_add_func ("/activity/parse/year-9999", test_year_9999);
  g_test_add_func ("/activity/parse/gzip-bomb", test_gzip_bomb);
  g_test_add_func ("/activity/uid", test_uid);
  g_test_add_func ("/activity/kind", test_kind);
  g_test_add_func ("/activity/local-day", test_local_day);
  g_test_add_func ("/activity/decide/match", test_decide_match);
  g_test_add_func ("/activity/decide/add", test_decide_add);
  g_test_add_func ("/activity/decide/again", test_decide_again);
  rc_test_add_with_store ("/activity/import/store", test_import_store);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/activity/bad/%s", bad_cases[i].file);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  return g_test_run ();
}
