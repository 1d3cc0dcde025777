/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-activity.c - GPX and TCX activities read with libxml2's SAX2 push
 * parser: chunks of the stream go in, callbacks see the elements, and no
 * node is ever built (the reader API built and freed one per tag and cost
 * two thirds of a 50 MB import). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <math.h>
#include <string.h>

#include "rc-activity.h"
#include "rc-types-private.h"

G_DEFINE_QUARK (rc-activity-error-quark, rc_activity_error)

/* Element paths are tracked this deep; anything deeper is no field of ours. */
#define MAX_DEPTH 16
/* 9999-12-30T23:59:59Z in unix microseconds: the last start or end taken. */
#define LAST_TIME (G_GINT64_CONSTANT (253402214399) * G_USEC_PER_SEC)
/* libxml2's own limits without XML_PARSE_HUGE, which its tree builder
 * enforced for the reader and the push parser leaves to us: nesting, and
 * the length of a text we keep. */
#define MAX_XML_DEPTH 256
#define MAX_TEXT_LENGTH 10000000
/* What is read from the stream and handed to the parser at a time. */
#define CHUNK_SIZE (64 * 1024)
/* Mean Earth radius (IUGG), metres. */
#define EARTH_RADIUS 6371008.8

/* The element names we look for, interned in the parser's dictionary so
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
  /* the parser was stopped: libxml2 has freed its input, and with it the
   * names, attributes and text a callback was handed */
  gboolean          stopped;
  int               xml_error_line;
  gboolean          encoding_error; /* libxml2 could not decode the bytes */
  GError           *error;        /* ours, raised inside a callback */

  xmlParserCtxtPtr  ctxt;
  const xmlChar    *names[N_NAMES];
  const xmlChar    *path[MAX_DEPTH];
  int               depth;        /* of the element open now; -1 outside the root */
  gboolean          root_seen;
  gboolean          capture;      /* the open element's text is one we read */
  GString          *text;         /* its text so far, one text node's worth */
  int               text_line;
  RcActivity       *activity;
  const char       *display_name;

  /* the point being read */
  double            lat, lon;
  gboolean          has_position;
  /* the previous point with a position in this segment, for distance */
  double            prev_lat, prev_lon, prev_cos_lat;
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

/* The file's XML error, MESSAGE (taken) at LINE: the first one stands, as
 * what follows it is its consequence. */
static void
take_xml_error (Parser *p,
                int     line,
                char   *message)
{
  if (p->xml_error != NULL)
    {
      g_free (message);
      return;
    }
  p->xml_error = message;
  p->xml_error_line = line;
}

/* libxml2's errors, also those of an entity's text parsed in a context of
 * its own (whose _private is ours too). */
static void
error_cb (void        *context,
          xmlErrorPtr  err)
{
  xmlParserCtxtPtr ctxt = context;
  Parser *p = ctxt->_private;

  if (err->level < XML_ERR_ERROR || p->error != NULL)
    return;
  take_xml_error (p, err->line, g_strstrip (g_strdup (err->message != NULL ? err->message : "")));
}

/* libxml2 reports what its decoders reject past the structured handler,
 * straight to stderr: here it only marks the file. */
static void generic_error_cb (void       *context,
                              const char *format,
                              ...) G_GNUC_PRINTF (2, 3);

static void
generic_error_cb (void       *context,
                  const char *format,
                  ...)
{
  Parser *p = context;

  p->encoding_error = TRUE;
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

/* "2026-12-08T06:30:00Z", "…:00.123Z", "…:00+01:00": what every exporter
 * writes, read without an allocation (there can be a million of them). */
static gboolean
parse_time_fast (const char *s,
                 gint64     *out)
{
  int y, mo, d, h, mi, sec, oh, om;
  gint64 us = 0, scale = 100000;
  const char *p = s + 19;

  if (strlen (s) < 20 ||
      !_rc_parse_digits (s, 4, &y) || s[4] != '-' || !_rc_parse_digits (s + 5, 2, &mo) ||
      s[7] != '-' || !_rc_parse_digits (s + 8, 2, &d) ||
      s[10] != 'T' || !_rc_parse_digits (s + 11, 2, &h) ||
      s[13] != ':' || !_rc_parse_digits (s + 14, 2, &mi) ||
      s[16] != ':' || !_rc_parse_digits (s + 17, 2, &sec) ||
      mo < 1 || mo > 12 || d < 1 || d > g_date_get_days_in_month (mo, y) ||
      h > 23 || mi > 59 || sec > 60)
    return FALSE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, scale /= 10)
      us += (*p - '0') * scale;
  *out = ((days_from_civil (y, mo, d) * 24 + h) * 60 + mi) * 60 + sec;
  if (*p == 'Z' && p[1] == '\0')
    ;
  else if ((*p == '+' || *p == '-') && strlen (p) == 6 && _rc_parse_digits (p + 1, 2, &oh) &&
           p[3] == ':' && _rc_parse_digits (p + 4, 2, &om))
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

/* "51.5000010", "-0.1234567": a decimal of at most 15 digits is an exact
 * integer divided by an exact power of ten, which IEEE division rounds
 * correctly, so this gives strtod's result without its cost. */
static gboolean
parse_decimal_fast (const char *s,
                    double     *out)
{
  static const double tens[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                                 1e11, 1e12, 1e13, 1e14, 1e15 };
  gboolean negative = *s == '-';
  guint64 mantissa = 0;
  int n_digits = 0, n_fraction = -1;

  if (*s == '-' || *s == '+')
    s++;
  for (; *s != '\0'; s++)
    {
      if (*s == '.' && n_fraction < 0)
        n_fraction = 0;
      else if (g_ascii_isdigit (*s) && n_digits < 15)
        {
          mantissa = mantissa * 10 + (guint64) (*s - '0');
          n_digits++;
          n_fraction += n_fraction >= 0;
        }
      else
        return FALSE;
    }
  if (n_digits == 0)
    return FALSE;
  *out = (double) mantissa / tens[MAX (n_fraction, 0)];
  if (negative)
    *out = -*out;
  return TRUE;
}

static gboolean
parse_double (const char *s,
              double     *out)
{
  char *end = NULL;

  if (parse_decimal_fast (s, out))
    return TRUE;
  while (g_ascii_isspace (*s))
    s++;
  *out = g_ascii_strtod (s, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  return end != s && end != NULL && *end == '\0' && isfinite (*out);
}

/* The haversine distance from the previous point, whose cos(latitude) is
 * kept (the same value computed once, not twice per point). */
static double
great_circle (double  lat1,
              double  lon1,
              double  cos_lat1,
              double  lat2,
              double  lon2,
              double *cos_lat2)
{
  double f1 = lat1 * G_PI / 180, f2 = lat2 * G_PI / 180;
  double df = f2 - f1, dl = (lon2 - lon1) * G_PI / 180;
  double a;

  *cos_lat2 = cos (f2);
  a = sin (df / 2) * sin (df / 2) + cos_lat1 * *cos_lat2 * sin (dl / 2) * sin (dl / 2);
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

/* The element DEPTH_BACK levels above the one open now is NAME. */
static gboolean
is (Parser *p, int depth_back, Name name)
{
  int depth = p->depth - depth_back;

  return depth >= 0 && depth < MAX_DEPTH && p->path[depth] == p->names[name];
}

/* Whether the text of an element so named is one we may read; the path
 * decides the rest. The text of every other element is not even kept. */
static gboolean
is_text_name (Parser        *p,
              const xmlChar *name)
{
  static const Name text_names[] = {
    N_TIME, N_HR, N_NAME, N_TYPE, N_TIME_TCX, N_VALUE, N_LAT_DEG, N_LON_DEG,
    N_DISTANCE, N_NOTES,
  };

  for (guint i = 0; i < G_N_ELEMENTS (text_names); i++)
    if (name == p->names[text_names[i]])
      return TRUE;
  return FALSE;
}

/* A point ends: its position extends the segment's distance. Once a TCX
 * lap has given its distance, the points' distance is never used. */
static void
end_point (Parser *p)
{
  if (p->has_position && !p->has_lap_distance)
    {
      double cos_lat;

      if (p->has_prev)
        p->track_distance += great_circle (p->prev_lat, p->prev_lon, p->prev_cos_lat,
                                           p->lat, p->lon, &cos_lat);
      else
        cos_lat = cos (p->lat * G_PI / 180);
      p->prev_lat = p->lat;
      p->prev_lon = p->lon;
      p->prev_cos_lat = cos_lat;
      p->has_prev = TRUE;
    }
  p->has_position = FALSE;
}

/* An attribute's value, which libxml2 hands over unterminated and, when it
 * holds a reference to an entity of the document's DTD, undecoded (the
 * tree builder decoded it for the reader). In BUFFER when it fits, else
 * in *ALLOCATED. NULL when libxml2 cannot decode it. */
static const char *
attribute_value (Parser        *p,
                 const xmlChar *value,
                 const xmlChar *end,
                 char          *buffer,
                 gsize          size,
                 xmlChar      **allocated)
{
  gsize len = end - value;

  if (memchr (value, '&', len) != NULL)
    {
      *allocated = xmlStringLenDecodeEntities (p->ctxt, value, (int) len, XML_SUBSTITUTE_REF,
                                               0, 0, 0);
      return (const char *) *allocated;
    }
  if (len >= size)
    {
      *allocated = xmlStrndup (value, (int) len);
      return (const char *) *allocated;
    }
  memcpy (buffer, value, len);
  buffer[len] = '\0';
  return buffer;
}

/* ATTRIBUTES: libxml2's (localname, prefix, URI, value, end) quintuples. */
static void
read_gpx_position (Parser         *p,
                   int             n_attributes,
                   const xmlChar **attributes)
{
  gboolean has_lat = FALSE, has_lon = FALSE;

  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attr = attributes + 5 * i;
      xmlChar *allocated = NULL;
      char buffer[64];
      const char *value;

      if (attr[0] != p->names[N_LAT] && attr[0] != p->names[N_LON])
        continue;
      value = attribute_value (p, attr[3], attr[4], buffer, sizeof buffer, &allocated);
      if (attr[0] == p->names[N_LAT])
        has_lat = value != NULL && parse_double (value, &p->lat) && fabs (p->lat) <= 90;
      else
        has_lon = value != NULL && parse_double (value, &p->lon) && fabs (p->lon) <= 180;
      xmlFree (allocated);
    }
  p->has_position = has_lat && has_lon;
}

static void
read_tcx_sport (Parser         *p,
                int             n_attributes,
                const xmlChar **attributes)
{
  for (int i = 0; i < n_attributes && p->activity->sport == NULL; i++)
    {
      const xmlChar **attr = attributes + 5 * i;

      /* Sport has no prefix in TCX; the reader's lookup took it by its qualified name */
      if (attr[1] == NULL && xmlStrEqual (attr[0], BAD_CAST "Sport"))
        {
          xmlChar *allocated = NULL;
          char buffer[64];
          const char *value = attribute_value (p, attr[3], attr[4], buffer, sizeof buffer,
                                               &allocated);

          p->activity->sport = g_strdup (value);
          xmlFree (allocated);
        }
    }
}

static gboolean
add_time (Parser     *p,
          const char *text,
          GError    **error)
{
  RcActivity *a = p->activity;
  gint64 t;

  /* 1970 to 9999-12-30 UTC: before that no watch recorded; after it the
   * local date, a day ahead in the far east, is past 9999 where no date can
   * be shown (GLib has no local time for it) */
  if (!parse_time (text, &t) || t < 0 || t > LAST_TIME)
    return set_error (p, error, RC_ACTIVITY_ERROR_NO_TIMESTAMPS,
                      _("“%s”, line %d: “%s” is not a timestamp"), p->display_name,
                      p->text_line, text);
  if (a->n_points > 0 && t < p->prev_time)
    return set_error (p, error, RC_ACTIVITY_ERROR_BACKWARDS,
                      _("“%s”, line %d: the time goes backwards (%s)"), p->display_name,
                      p->text_line, text);
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

/* A text inside the element open now: the fields we read. */
static gboolean
gpx_text (Parser     *p,
          const char *text,
          GError    **error)
{
  if (is (p, 0, N_TIME) && is (p, 1, N_TRKPT))
    return add_time (p, text, error);
  if (is (p, 0, N_HR))
    add_heart_rate (p, text);
  else if (is (p, 0, N_NAME) && is (p, 1, N_TRK))
    set_once (&p->activity->name, text);
  else if (is (p, 0, N_NAME) && is (p, 1, N_METADATA))
    set_once (&p->gpx_metadata_name, text);
  else if (is (p, 0, N_TYPE) && is (p, 1, N_TRK))
    set_once (&p->activity->sport, text);
  return TRUE;
}

static gboolean
tcx_text (Parser     *p,
          const char *text,
          GError    **error)
{
  double v;

  if (is (p, 0, N_TIME_TCX) && is (p, 1, N_TRACKPOINT))
    return add_time (p, text, error);
  if (is (p, 0, N_VALUE) && is (p, 1, N_HR_BPM) && is (p, 2, N_TRACKPOINT))
    add_heart_rate (p, text);
  else if (is (p, 0, N_LAT_DEG) && is (p, 1, N_POSITION))
    p->has_position = parse_double (text, &p->lat) && fabs (p->lat) <= 90;
  else if (is (p, 0, N_LON_DEG) && is (p, 1, N_POSITION))
    p->has_position = p->has_position && parse_double (text, &p->lon) && fabs (p->lon) <= 180;
  else if (is (p, 0, N_DISTANCE) && is (p, 1, N_LAP) && parse_double (text, &v) && v >= 0)
    {
      p->lap_distance += v;
      p->has_lap_distance = TRUE;
    }
  else if (is (p, 0, N_NOTES) && is (p, 1, N_ACTIVITY))
    set_once (&p->activity->name, text);
  return TRUE;
}

/* A callback's refusal (its error is kept in P): nothing more is parsed. */
static void
fail (Parser *p)
{
  xmlStopParser (p->ctxt);
  p->stopped = TRUE;
}

static gboolean
is_blank (const GString *text)
{
  for (gsize i = 0; i < text->len; i++)
    if (!IS_BLANK_CH (text->str[i]))
      return FALSE;
  return TRUE;
}

/* The text gathered since the last tag, comment or CDATA section, as one
 * text node of the reader before; blank text was whitespace, no text. */
static void
flush_text (Parser   *p,
            gboolean  is_cdata)
{
  gboolean ok;

  if (p->text->len == 0 || p->error != NULL)
    return;
  if (is_cdata || !is_blank (p->text))
    {
      ok = p->activity->format == RC_ACTIVITY_FORMAT_GPX
           ? gpx_text (p, p->text->str, &p->error) : tcx_text (p, p->text->str, &p->error);
      if (!ok)
        fail (p);
    }
  g_string_truncate (p->text, 0);
}

/* The parser of a callback with work to do, the text before it flushed;
 * NULL for an entity's own context, or once the parser failed or stopped
 * (libxml2 may have freed the callback's input then). */
static Parser *
callback_parser (void *context)
{
  Parser *p = ((xmlParserCtxtPtr) context)->_private;

  if (context != p->ctxt || p->error != NULL)
    return NULL;
  flush_text (p, FALSE);
  return p->stopped ? NULL : p;
}

/* Text for the element open now; an entity's text, parsed in a context of
 * its own, is none of the document's (the reader did not expand entities). */
static void
add_text (void          *context,
          const xmlChar *chars,
          int            len)
{
  Parser *p = ((xmlParserCtxtPtr) context)->_private;

  if (context != p->ctxt || !p->capture || p->error != NULL)
    return;
  if (p->text->len == 0)
    p->text_line = xmlSAX2GetLineNumber (p->ctxt);
  if (p->text->len + len > MAX_TEXT_LENGTH)
    {
      take_xml_error (p, p->text_line, g_strdup ("huge text node"));
      fail (p);
      return;
    }
  g_string_append_len (p->text, (const char *) chars, len);
}

static void
cdata_cb (void          *context,
          const xmlChar *chars,
          int            len)
{
  Parser *p = callback_parser (context);

  if (p == NULL)
    return;
  add_text (context, chars, len);
  flush_text (p, TRUE);
}

/* A comment, a processing instruction or an entity reference ends a text
 * node as it did in the reader's tree. */
static void
comment_cb (void          *context,
            const xmlChar *value G_GNUC_UNUSED)
{
  Parser *p = ((xmlParserCtxtPtr) context)->_private;

  if (context == p->ctxt)
    flush_text (p, FALSE);
}

static void
pi_cb (void          *context,
       const xmlChar *target G_GNUC_UNUSED,
       const xmlChar *data G_GNUC_UNUSED)
{
  comment_cb (context, NULL);
}

/* The root element says which format this is. */
static gboolean
read_root (Parser        *p,
           const xmlChar *name,
           GError       **error)
{
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

static void
start_element (void           *context,
               const xmlChar  *name,
               const xmlChar  *prefix G_GNUC_UNUSED,
               const xmlChar  *uri G_GNUC_UNUSED,
               int             n_namespaces G_GNUC_UNUSED,
               const xmlChar **namespaces G_GNUC_UNUSED,
               int             n_attributes,
               int             n_defaulted G_GNUC_UNUSED,
               const xmlChar **attributes)
{
  Parser *p = callback_parser (context);

  if (p == NULL)
    return;
  if (++p->depth >= MAX_XML_DEPTH)
    {
      take_xml_error (p, xmlSAX2GetLineNumber (p->ctxt),
                      g_strdup_printf ("Excessive depth in document: %d", MAX_XML_DEPTH));
      fail (p);
      return;
    }
  if (!p->root_seen && !read_root (p, name, &p->error))
    {
      fail (p);
      return;
    }
  p->root_seen = TRUE;
  if (p->depth < MAX_DEPTH)
    p->path[p->depth] = name;
  p->capture = is_text_name (p, name);
  if (name == p->names[N_TRKPT])
    read_gpx_position (p, n_attributes, attributes);
  else if (name == p->names[N_TRKSEG] || name == p->names[N_TRACK])
    p->has_prev = FALSE;
  else if (name == p->names[N_ACTIVITY])
    read_tcx_sport (p, n_attributes, attributes);
}

static void
end_element (void          *context,
             const xmlChar *name,
             const xmlChar *prefix G_GNUC_UNUSED,
             const xmlChar *uri G_GNUC_UNUSED)
{
  Parser *p = callback_parser (context);

  if (p == NULL)
    return;
  if (name == p->names[N_TRKPT] || name == p->names[N_TRACKPOINT])
    end_point (p);
  p->depth--;
  /* text after a child element is the parent's again */
  p->capture = p->depth >= 0 && p->depth < MAX_DEPTH && is_text_name (p, p->path[p->depth]);
}

/* Reads the stream to its end through the parser; FALSE when a read,
 * libxml2 or a callback failed. */
static gboolean
feed (Parser *p)
{
  g_autofree char *buffer = g_malloc (CHUNK_SIZE);
  gssize n;

  do
    {
      n = g_input_stream_read (p->stream, buffer, CHUNK_SIZE, p->cancellable, &p->read_error);
      if (n < 0)
        return FALSE;
      p->n_read += n;
      if (p->n_read > RC_ACTIVITY_MAX_BYTES)
        return set_error (p, &p->error, RC_ACTIVITY_ERROR_TOO_BIG,
                          _("“%s” is larger than %d MB (uncompressed): no activity is that long"),
                          p->display_name, RC_ACTIVITY_MAX_BYTES / (1024 * 1024));
      xmlParseChunk (p->ctxt, buffer, (int) n, n == 0);
      if (p->error != NULL || p->xml_error != NULL || p->encoding_error)
        return FALSE;
    }
  while (n > 0);
  /* an error libxml2 did not report through the handler */
  return p->ctxt->wellFormed;
}

static gboolean
read_nodes (Parser  *p,
            GError **error)
{
  if (!feed (p))
    {
      if (p->error != NULL)
        g_propagate_error (error, g_steal_pointer (&p->error));
      return FALSE;
    }
  if (!p->root_seen)
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
  else if (p->xml_error == NULL && p->encoding_error)
    set_error (p, error, RC_ACTIVITY_ERROR_NOT_XML,
               _("“%s” is not XML: its bytes do not match the encoding it declares"), p->display_name);
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
  if (p->ctxt != NULL)
    {
      /* the empty document SAX2's start-of-document handler made */
      if (p->ctxt->myDoc != NULL)
        xmlFreeDoc (p->ctxt->myDoc);
      xmlFreeParserCtxt (p->ctxt);
    }
  if (p->text != NULL)
    g_string_free (p->text, TRUE);
  g_clear_error (&p->read_error);
  g_clear_error (&p->error);
  g_free (p->xml_error);
  g_free (p->gpx_metadata_name);
  rc_activity_free (p->activity);
}

/* The SAX2 defaults (documents, DTDs, entities) with our element and text
 * callbacks: those build no node. */
static void
init_handler (xmlSAXHandler *sax)
{
  memset (sax, 0, sizeof *sax);
  xmlSAXVersion (sax, 2);
  sax->startElementNs = start_element;
  sax->endElementNs = end_element;
  sax->characters = add_text;
  sax->ignorableWhitespace = add_text;
  sax->cdataBlock = cdata_cb;
  sax->comment = comment_cb;
  sax->processingInstruction = pi_cb;
  sax->reference = comment_cb;
  sax->serror = error_cb;
}

static gboolean
parser_init (Parser  *p,
             GError **error)
{
  xmlSAXHandler sax;

  init_handler (&sax);
  p->ctxt = xmlCreatePushParserCtxt (&sax, NULL, NULL, 0, NULL);
  if (p->ctxt == NULL)
    return set_error (p, error, RC_ACTIVITY_ERROR_READ, _("Cannot read “%s”: out of memory"),
                      p->display_name);
  p->ctxt->_private = p;
  /* No network, no entity expansion: a file is data, never a fetch or a bomb. */
  xmlCtxtUseOptions (p->ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  for (int i = 0; i < N_NAMES; i++)
    p->names[i] = xmlDictLookup (p->ctxt->dict, BAD_CAST name_strings[i], -1);
  p->text = g_string_sized_new (64);
  p->depth = -1;
  return TRUE;
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
  xmlGenericErrorFunc saved_generic;
  void *saved_context;

  if (input == NULL)
    return NULL;
  p.stream = input;
  p.cancellable = cancellable;
  p.display_name = name;
  p.activity = g_new0 (RcActivity, 1);
  if (!parser_init (&p, error))
    {
      parser_clear (&p);
      return NULL;
    }
  /* per thread in libxml2: put back for whatever else this thread parses */
  saved_generic = xmlGenericError;
  saved_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (&p, generic_error_cb);
  if (!read_nodes (&p, error))
    {
      if (error == NULL || *error == NULL)
        set_read_error (&p, error);
    }
  else if (finish (&p, error))
    result = g_steal_pointer (&p.activity);
  xmlSetGenericErrorFunc (saved_context, saved_generic);
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
