/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-activity.c - GPX and TCX activities read with libxml2's streaming reader. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>

#include "rc-activity.h"

G_DEFINE_QUARK (rc-activity-error-quark, rc_activity_error)

/* Element paths are tracked this deep; anything deeper is no field of ours. */
#define MAX_DEPTH 16
/* Mean Earth radius (IUGG), metres. */
#define EARTH_RADIUS 6371008.8

/* The element names we look for, interned in the reader's dictionary so
 * that a name is compared by pointer. */
typedef enum {
  N_GPX, N_TCX, N_TRK, N_TRKSEG, N_TRKPT, N_TIME, N_NAME, N_TYPE, N_METADATA, N_HR,
  N_ACTIVITY, N_LAP, N_TRACK, N_TRACKPOINT, N_TIME_TCX, N_POSITION, N_LAT_DEG,
  N_LON_DEG, N_HR_BPM, N_VALUE, N_DISTANCE, N_NOTES, N_LAT, N_LON, N_SPORT,
  N_NAMES
} Name;

static const char *const name_strings[N_NAMES] = {
  "gpx", "TrainingCenterDatabase", "trk", "trkseg", "trkpt", "time", "name", "type",
  "metadata", "hr", "Activity", "Lap", "Track", "Trackpoint", "Time", "Position",
  "LatitudeDegrees", "LongitudeDegrees", "HeartRateBpm", "Value", "DistanceMeters",
  "Notes", "lat", "lon", "Sport",
};

typedef struct {
  GInputStream     *stream;
  GCancellable     *cancellable;
  GError           *read_error;   /* the stream's, which libxml2 cannot carry */
  guint64           n_read;
  char             *xml_error;    /* libxml2's first error */
  int               xml_error_line;

  xmlTextReaderPtr  reader;
  const xmlChar    *names[N_NAMES];
  const xmlChar    *path[MAX_DEPTH];
  RcActivity       *activity;
  const char       *display_name;

  /* the point being read */
  double            lat, lon;
  gboolean          has_position;
  /* the previous point with a position in this segment, for distance */
  double            prev_lat, prev_lon;
  gboolean          has_prev;
  double            track_distance;
  double            lap_distance;
  gboolean          has_lap_distance;
  gint64            prev_time;
  double            hr_sum;
  guint             hr_count;
  char             *gpx_metadata_name;
} Parser;

void
rc_activity_free (RcActivity *activity)
{
  if (activity == NULL)
    return;
  g_free (activity->sport);
  g_free (activity->name);
  g_free (activity);
}

/* ------------------------------------------------------------------ */
/* Input                                                              */

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  Parser *p = context;
  gssize n;

  if (p->read_error != NULL)
    return -1;
  n = g_input_stream_read (p->stream, buffer, len, p->cancellable, &p->read_error);
  if (n < 0)
    return -1;
  p->n_read += n;
  return (int) n;
}

static void
error_cb (void        *context,
          xmlErrorPtr  err)
{
  Parser *p = context;

  if (err->level < XML_ERR_ERROR || p->xml_error != NULL)
    return;
  p->xml_error = g_strstrip (g_strdup (err->message != NULL ? err->message : ""));
  p->xml_error_line = err->line;
}

/* STREAM itself, or a decompressing stream on it when it starts with the
 * gzip magic bytes. FALSE on a read error or when it holds no byte at all. */
static GInputStream *
open_input (GInputStream  *stream,
            const char    *name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GInputStream) buffered = g_buffered_input_stream_new (stream);
  g_autoptr(GError) local_error = NULL;
  const guint8 *head;
  gsize n = 0;

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (buffered), FALSE);
  while (n < 2)
    {
      gssize got = g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 2 - n,
                                                 cancellable, &local_error);
      if (got < 0)
        {
          g_set_error (error, RC_ACTIVITY_ERROR, RC_ACTIVITY_ERROR_READ,
                       _("Cannot read “%s”: %s"), name, local_error->message);
          return NULL;
        }
      if (got == 0)
        break;
      n = g_buffered_input_stream_get_available (G_BUFFERED_INPUT_STREAM (buffered));
    }
  if (n == 0)
    {
      g_set_error (error, RC_ACTIVITY_ERROR, RC_ACTIVITY_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes)"), name);
      return NULL;
    }

  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &n);
  if (n >= 2 && head[0] == 0x1f && head[1] == 0x8b)
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      return g_converter_input_stream_new (buffered, G_CONVERTER (gunzip));
    }
  return g_steal_pointer (&buffered);
}

/* ------------------------------------------------------------------ */
/* Values                                                             */

/* Days from 1970-01-01 to the civil date Y-M-D (proleptic Gregorian). */
static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static gboolean
digits (const char *s,
        int         n,
        int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* "2026-12-08T06:30:00Z", "…:00.123Z", "…:00+01:00": what every exporter
 * writes, read without an allocation (there can be a million of them). */
static gboolean
parse_time_fast (const char *s,
                 gint64     *out)
{
  int y, mo, d, h, mi, sec, oh, om;
  gint64 us = 0, scale = 100000;
  const char *p = s + 19;

  if (strlen (s) < 20 || !digits (s, 4, &y) || s[4] != '-' || !digits (s + 5, 2, &mo) ||
      s[7] != '-' || !digits (s + 8, 2, &d) || s[10] != 'T' || !digits (s + 11, 2, &h) ||
      s[13] != ':' || !digits (s + 14, 2, &mi) || s[16] != ':' || !digits (s + 17, 2, &sec) ||
      mo < 1 || mo > 12 || d < 1 || d > g_date_get_days_in_month (mo, y) ||
      h > 23 || mi > 59 || sec > 60)
    return FALSE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, scale /= 10)
      us += (*p - '0') * scale;
  *out = ((days_from_civil (y, mo, d) * 24 + h) * 60 + mi) * 60 + sec;
  if (*p == 'Z' && p[1] == '\0')
    ;
  else if ((*p == '+' || *p == '-') && strlen (p) == 6 && digits (p + 1, 2, &oh) &&
           p[3] == ':' && digits (p + 4, 2, &om))
    *out -= (*p == '+' ? 1 : -1) * (oh * 3600 + om * 60);
  else
    return FALSE;
  *out = *out * G_USEC_PER_SEC + us;
  return TRUE;
}

/* Unix microseconds of an ISO 8601 timestamp; one without a zone is UTC
 * (GPX and TCX both say so). */
static gboolean
parse_time (const char *s,
            gint64     *out)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (parse_time_fast (s, out))
    return TRUE;
  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (s, utc);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  return TRUE;
}

static gboolean
parse_double (const char *s,
              double     *out)
{
  char *end = NULL;

  while (g_ascii_isspace (*s))
    s++;
  *out = g_ascii_strtod (s, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  return end != s && end != NULL && *end == '\0' && isfinite (*out);
}

static double
great_circle (double lat1,
              double lon1,
              double lat2,
              double lon2)
{
  double f1 = lat1 * G_PI / 180, f2 = lat2 * G_PI / 180;
  double df = f2 - f1, dl = (lon2 - lon1) * G_PI / 180;
  double a = sin (df / 2) * sin (df / 2) + cos (f1) * cos (f2) * sin (dl / 2) * sin (dl / 2);

  return 2 * EARTH_RADIUS * asin (sqrt (MIN (a, 1.0)));
}

/* ------------------------------------------------------------------ */
/* Elements                                                           */

static gboolean
set_error (Parser     *p,
           GError    **error,
           int         code,
           const char *format,
           ...) G_GNUC_PRINTF (4, 5);

static gboolean
set_error (Parser     *p,
           GError    **error,
           int         code,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_set_error_literal (error, RC_ACTIVITY_ERROR, code, "");
  if (error != NULL && *error != NULL)
    {
      g_free ((*error)->message);
      (*error)->message = g_strdup_vprintf (format, args);
    }
  va_end (args);
  return FALSE;
}

static gboolean
is (Parser *p, int depth_back, Name name)
{
  int depth = xmlTextReaderDepth (p->reader) - depth_back;

  return depth >= 0 && depth < MAX_DEPTH && p->path[depth] == p->names[name];
}

/* A point ends: its position extends the segment's distance. */
static void
end_point (Parser *p)
{
  if (p->has_position)
    {
      if (p->has_prev)
        p->track_distance += great_circle (p->prev_lat, p->prev_lon, p->lat, p->lon);
      p->prev_lat = p->lat;
      p->prev_lon = p->lon;
      p->has_prev = TRUE;
    }
  p->has_position = FALSE;
}

static void
read_gpx_position (Parser *p)
{
  gboolean has_lat = FALSE, has_lon = FALSE;

  while (xmlTextReaderMoveToNextAttribute (p->reader) == 1)
    {
      const xmlChar *attr = xmlTextReaderConstLocalName (p->reader);
      const char *value = (const char *) xmlTextReaderConstValue (p->reader);

      if (attr == p->names[N_LAT])
        has_lat = parse_double (value, &p->lat) && fabs (p->lat) <= 90;
      else if (attr == p->names[N_LON])
        has_lon = parse_double (value, &p->lon) && fabs (p->lon) <= 180;
    }
  xmlTextReaderMoveToElement (p->reader);
  p->has_position = has_lat && has_lon;
}

static void
read_tcx_sport (Parser *p)
{
  xmlChar *sport = xmlTextReaderGetAttribute (p->reader, BAD_CAST "Sport");

  if (sport != NULL && p->activity->sport == NULL)
    p->activity->sport = g_strdup ((const char *) sport);
  xmlFree (sport);
}

static void
start_element (Parser *p)
{
  const xmlChar *name = xmlTextReaderConstLocalName (p->reader);
  int depth = xmlTextReaderDepth (p->reader);

  if (depth < MAX_DEPTH)
    p->path[depth] = name;
  if (name == p->names[N_TRKPT])
    read_gpx_position (p);
  else if (name == p->names[N_TRKSEG] || name == p->names[N_TRACK])
    p->has_prev = FALSE;
  else if (name == p->names[N_ACTIVITY])
    read_tcx_sport (p);
}

static void
end_element (Parser *p)
{
  const xmlChar *name = xmlTextReaderConstLocalName (p->reader);

  if (name == p->names[N_TRKPT] || name == p->names[N_TRACKPOINT])
    end_point (p);
}

/* The line of the node being read (the parser itself reads ahead). */
static int
node_line (Parser *p)
{
  return (int) xmlGetLineNo (xmlTextReaderCurrentNode (p->reader));
}

static gboolean
add_time (Parser     *p,
          const char *text,
          GError    **error)
{
  RcActivity *a = p->activity;
  gint64 t;

  /* 1970..9999: before that no watch recorded, after it no date can be shown */
  if (!parse_time (text, &t) || t < 0 || t > G_GINT64_CONSTANT (253402300799) * G_USEC_PER_SEC)
    return set_error (p, error, RC_ACTIVITY_ERROR_NO_TIMESTAMPS,
                      _("“%s”, line %d: “%s” is not a timestamp"), p->display_name,
                      node_line (p), text);
  if (a->n_points > 0 && t < p->prev_time)
    return set_error (p, error, RC_ACTIVITY_ERROR_BACKWARDS,
                      _("“%s”, line %d: the time goes backwards (%s)"), p->display_name,
                      node_line (p), text);
  if (a->n_points == 0)
    a->start = t;
  a->end = p->prev_time = t;
  a->n_points++;
  return TRUE;
}

static void
set_once (char      **field,
          const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*field == NULL && *stripped != '\0')
    *field = g_steal_pointer (&stripped);
}

static void
add_heart_rate (Parser     *p,
                const char *text)
{
  double hr;

  if (parse_double (text, &hr) && hr > 0 && hr < 300)
    {
      p->hr_sum += hr;
      p->hr_count++;
    }
}

/* Text inside the element on top of the path: the fields we read. */
static gboolean
gpx_text (Parser     *p,
          const char *text,
          GError    **error)
{
  if (is (p, 1, N_TIME) && is (p, 2, N_TRKPT))
    return add_time (p, text, error);
  if (is (p, 1, N_HR))
    add_heart_rate (p, text);
  else if (is (p, 1, N_NAME) && is (p, 2, N_TRK))
    set_once (&p->activity->name, text);
  else if (is (p, 1, N_NAME) && is (p, 2, N_METADATA))
    set_once (&p->gpx_metadata_name, text);
  else if (is (p, 1, N_TYPE) && is (p, 2, N_TRK))
    set_once (&p->activity->sport, text);
  return TRUE;
}

static gboolean
tcx_text (Parser     *p,
          const char *text,
          GError    **error)
{
  double v;

  if (is (p, 1, N_TIME_TCX) && is (p, 2, N_TRACKPOINT))
    return add_time (p, text, error);
  if (is (p, 1, N_VALUE) && is (p, 2, N_HR_BPM) && is (p, 3, N_TRACKPOINT))
    add_heart_rate (p, text);
  else if (is (p, 1, N_LAT_DEG) && is (p, 2, N_POSITION))
    p->has_position = parse_double (text, &p->lat) && fabs (p->lat) <= 90;
  else if (is (p, 1, N_LON_DEG) && is (p, 2, N_POSITION))
    p->has_position = p->has_position && parse_double (text, &p->lon) && fabs (p->lon) <= 180;
  else if (is (p, 1, N_DISTANCE) && is (p, 2, N_LAP) && parse_double (text, &v) && v >= 0)
    {
      p->lap_distance += v;
      p->has_lap_distance = TRUE;
    }
  else if (is (p, 1, N_NOTES) && is (p, 2, N_ACTIVITY))
    set_once (&p->activity->name, text);
  return TRUE;
}

/* The root element says which format this is. */
static gboolean
read_root (Parser  *p,
           GError **error)
{
  const xmlChar *name = xmlTextReaderConstLocalName (p->reader);

  if (name == p->names[N_GPX])
    p->activity->format = RC_ACTIVITY_FORMAT_GPX;
  else if (name == p->names[N_TCX])
    p->activity->format = RC_ACTIVITY_FORMAT_TCX;
  else
    return set_error (p, error, RC_ACTIVITY_ERROR_UNKNOWN_FORMAT,
                      _("“%s” is neither a GPX nor a TCX file (its root element is “%s”)"),
                      p->display_name, (const char *) name);
  return TRUE;
}

static gboolean
read_nodes (Parser  *p,
            GError **error)
{
  gboolean root_seen = FALSE;
  int rc;

  while ((rc = xmlTextReaderRead (p->reader)) == 1)
    {
      int type = xmlTextReaderNodeType (p->reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          if (!root_seen && !read_root (p, error))
            return FALSE;
          root_seen = TRUE;
          start_element (p);
          if (xmlTextReaderIsEmptyElement (p->reader))
            end_element (p);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        end_element (p);
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA)
        {
          const char *text = (const char *) xmlTextReaderConstValue (p->reader);
          gboolean ok = p->activity->format == RC_ACTIVITY_FORMAT_GPX
                        ? gpx_text (p, text, error) : tcx_text (p, text, error);
          if (!ok)
            return FALSE;
        }
    }
  if (rc < 0 || p->read_error != NULL || p->xml_error != NULL)
    return FALSE;
  if (!root_seen)
    return set_error (p, error, RC_ACTIVITY_ERROR_NOT_XML,
                      _("“%s” is not an XML file"), p->display_name);
  return TRUE;
}

/* The error of a failed read: the stream's own, else libxml2's. */
static void
set_read_error (Parser  *p,
                GError **error)
{
  if (p->read_error != NULL && g_error_matches (p->read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&p->read_error));
  else if (p->read_error != NULL && g_error_matches (p->read_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    set_error (p, error, RC_ACTIVITY_ERROR_READ,
               _("Cannot read “%s”: the compressed data ends early"), p->display_name);
  else if (p->read_error != NULL)
    set_error (p, error, RC_ACTIVITY_ERROR_READ, _("Cannot read “%s”: %s"),
               p->display_name, p->read_error->message);
  else if (p->n_read == 0)
    set_error (p, error, RC_ACTIVITY_ERROR_EMPTY, _("“%s” is empty (0 bytes)"), p->display_name);
  else
    set_error (p, error, RC_ACTIVITY_ERROR_NOT_XML, _("“%s”, line %d: not XML: %s"),
               p->display_name, p->xml_error_line,
               p->xml_error != NULL ? p->xml_error : "");
}

/* The totals once every node is read; FALSE when they make no activity. */
static gboolean
finish (Parser  *p,
        GError **error)
{
  RcActivity *a = p->activity;
  gint64 elapsed;

  if (a->n_points == 0)
    return set_error (p, error, RC_ACTIVITY_ERROR_NO_TIMESTAMPS,
                      _("“%s” has no timestamps: it is a route, not a recorded activity"),
                      p->display_name);
  elapsed = a->end - a->start;
  if (elapsed > (gint64) RC_ACTIVITY_MAX_MINUTES * 60 * G_USEC_PER_SEC)
    {
      int hours = (int) (elapsed / ((gint64) 3600 * G_USEC_PER_SEC));

      return set_error (p, error, RC_ACTIVITY_ERROR_TOO_LONG,
                        /* Translators: always more than 24 hours */
                        g_dngettext (GETTEXT_PACKAGE, "“%s” lasts %d hour, longer than a day: the recording was left running, or a clock is wrong",
                                     "“%s” lasts %d hours, longer than a day: the recording was left running, or a clock is wrong",
                                     hours),
                        p->display_name, hours);
    }
  a->minutes = (int) ((elapsed + (gint64) 30 * G_USEC_PER_SEC) / ((gint64) 60 * G_USEC_PER_SEC));
  a->distance = p->has_lap_distance ? p->lap_distance : p->has_prev ? p->track_distance : -1;
  a->heart_rate = p->hr_count > 0 ? (int) lround (p->hr_sum / p->hr_count) : RC_NONE;
  if (a->name == NULL)
    a->name = g_steal_pointer (&p->gpx_metadata_name);
  return TRUE;
}

static void
parser_clear (Parser *p)
{
  if (p->reader != NULL)
    xmlFreeTextReader (p->reader);
  g_clear_error (&p->read_error);
  g_free (p->xml_error);
  g_free (p->gpx_metadata_name);
  rc_activity_free (p->activity);
}

RcActivity *
rc_activity_parse_stream (GInputStream  *stream,
                          const char    *name,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  g_autoptr(GInputStream) input = open_input (stream, name, cancellable, error);
  Parser p = { 0 };
  RcActivity *result = NULL;

  if (input == NULL)
    return NULL;
  p.stream = input;
  p.cancellable = cancellable;
  p.display_name = name;
  p.activity = g_new0 (RcActivity, 1);
  /* No network, no entity expansion: a file is data, never a fetch or a bomb. */
  p.reader = xmlReaderForIO (read_cb, NULL, &p, NULL, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (p.reader == NULL)
    {
      set_error (&p, error, RC_ACTIVITY_ERROR_READ, _("Cannot read “%s”: out of memory"), name);
      parser_clear (&p);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (p.reader, error_cb, &p);
  for (int i = 0; i < N_NAMES; i++)
    p.names[i] = xmlTextReaderConstString (p.reader, BAD_CAST name_strings[i]);

  if (!read_nodes (&p, error))
    {
      if (error == NULL || *error == NULL)
        set_read_error (&p, error);
    }
  else if (finish (&p, error))
    result = g_steal_pointer (&p.activity);
  parser_clear (&p);
  return result;
}

RcActivity *
rc_activity_parse_data (const void  *data,
                        gsize        length,
                        const char  *name,
                        GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, length, NULL);

  return rc_activity_parse_stream (stream, name, NULL, error);
}

RcActivity *
rc_activity_parse_file (GFile         *file,
                        const char    *name,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *parse_name = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parse_name = g_file_get_parse_name (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (name == NULL)
    name = parse_name;
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RC_ACTIVITY_ERROR, RC_ACTIVITY_ERROR_READ,
                     _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  return rc_activity_parse_stream (G_INPUT_STREAM (stream), name, cancellable, error);
}

/* ------------------------------------------------------------------ */
/* What an activity is                                                */

/* The sport in one word that two exporters of the same activity agree on:
 * Garmin's "running", Strava's "Run" and a TCX "Running" are all "running". */
static char *
sport_key (const RcActivity *activity)
{
  g_autofree char *lower = NULL;
  GString *key;

  if (activity->sport == NULL)
    return g_strdup ("unknown");
  if (rc_activity_is_running (activity))
    return g_strdup ("running");
  lower = g_ascii_strdown (activity->sport, -1);
  if (strstr (lower, "bik") != NULL || strstr (lower, "cycl") != NULL || strstr (lower, "ride") != NULL)
    return g_strdup ("cycling");
  if (strstr (lower, "swim") != NULL)
    return g_strdup ("swimming");
  key = g_string_new (NULL);
  for (const char *c = lower; *c != '\0'; c++)
    if (g_ascii_isalnum (*c))
      g_string_append_c (key, *c);
  if (key->len == 0)
    g_string_append (key, "unknown");
  return g_string_free (key, FALSE);
}

gboolean
rc_activity_is_running (const RcActivity *activity)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (activity != NULL, FALSE);

  if (activity->sport == NULL)
    return FALSE;
  lower = g_ascii_strdown (activity->sport, -1);
  return strstr (lower, "run") != NULL || strstr (lower, "jog") != NULL;
}

char *
rc_activity_uid (const RcActivity *activity)
{
  g_return_val_if_fail (activity != NULL, NULL);

  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (activity->start / G_USEC_PER_SEC);
  g_autofree char *stamp = g_date_time_format (start, "%Y%m%dT%H%M%SZ");
  g_autofree char *sport = sport_key (activity);

  return g_strdup_printf ("activity-%s-%s@recoverycal", stamp, sport);
}

RcDay
rc_activity_local_day (const RcActivity *activity,
                       int              *time)
{
  g_return_val_if_fail (activity != NULL, RC_DAY_INVALID);

  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (activity->start / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  if (time != NULL)
    *time = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  return rc_day_from_ymd (g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local));
}
