/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-ics.c - export the plan as RFC 5545 iCalendar, import plans from any calendar. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>

#include "rc-ics.h"

#define FOLD_OCTETS 75
/* VCALENDAR > VEVENT > VALARM is 3; room for odd producers, not for abuse */
#define MAX_DEPTH   16
#define X_KIND      "X-RECOVERYCAL-KIND"
#define X_MASSAGE   "X-RECOVERYCAL-MASSAGE"
#define X_RPE       "X-RECOVERYCAL-RPE"
#define X_MINUTES   "X-RECOVERYCAL-MINUTES"
#define X_TITLE     "X-RECOVERYCAL-TITLE"
#define X_NOTES     "X-RECOVERYCAL-NOTES"
#define X_WINDOW    "X-RECOVERYCAL-WINDOW"
/* The evening before a massage, when the reminder rings. */
#define ALARM_MINUTES_BEFORE_MIDNIGHT (5 * 60)

G_DEFINE_QUARK (rc-ics-error-quark, rc_ics_error)

static void
ical_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Bad input is ours to report, never a reason to abort. */
      icalerror_set_errors_are_fatal (0);
      g_once_init_leave (&done, 1);
    }
}

void
rc_ics_import_result_clear (RcIcsImportResult *result)
{
  g_clear_pointer (&result->skip_reasons, g_ptr_array_unref);
  result->added = result->updated = result->skipped = result->unchanged = 0;
}

char *
rc_ics_import_result_describe (const RcIcsImportResult *result)
{
  /* TRANSLATORS: the parts of "3 added, 1 updated, 5 unchanged, 2 skipped" */
  g_autofree char *added = g_strdup_printf (ngettext ("%u added", "%u added", result->added), result->added);
  g_autofree char *updated = g_strdup_printf (ngettext ("%u updated", "%u updated", result->updated), result->updated);
  g_autofree char *unchanged = g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", result->unchanged), result->unchanged);
  g_autofree char *skipped = g_strdup_printf (ngettext ("%u skipped", "%u skipped", result->skipped), result->skipped);

  /* TRANSLATORS: added, updated, unchanged, skipped */
  return g_strdup_printf (_("%s, %s, %s, %s"), added, updated, unchanged, skipped);
}

/* ------------------------------------------------------------------ */
/* The user's zone                                                    */

static char *
tzid_from_identifier (const char *id)
{
  const char *zoneinfo;

  if (id == NULL || *id == '\0')
    return NULL;
  if (*id == ':')
    id++;
  /* TZ=/usr/share/zoneinfo/Europe/London and the like */
  zoneinfo = strstr (id, "zoneinfo/");
  if (zoneinfo != NULL)
    id = zoneinfo + strlen ("zoneinfo/");
  if (*id == '\0' || *id == '/')
    return NULL;
  return g_strdup (id);
}

char *
rc_ics_local_tzid (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  char *tzid = tzid_from_identifier (g_time_zone_get_identifier (tz));

  return tzid != NULL ? tzid : g_strdup ("UTC");
}

/* libical's zone for TZID, or NULL when it has none (UTC included: UTC
 * times are written with Z, not with a TZID). */
static icaltimezone *
builtin_zone (const char *tzid)
{
  icaltimezone *zone;

  if (tzid == NULL || g_ascii_strcasecmp (tzid, "UTC") == 0 ||
      g_str_has_prefix (tzid, "Etc/"))
    return NULL;
  zone = icaltimezone_get_builtin_timezone (tzid);
  if (zone == NULL || zone == icaltimezone_get_utc_timezone ())
    return NULL;
  return zone;
}

/* ------------------------------------------------------------------ */
/* Export                                                             */

typedef struct {
  icalcomponent *cal;
  icaltimezone  *zone;        /* NULL: timed entries in UTC */
  char          *tzid;        /* plain IANA name written as TZID */
  GTimeZone     *gtz;
  RcDay          first_timed; /* the VTIMEZONE need not reach before it */
  gint64         now;
  GString       *out;
  GString       *line;        /* scratch for one content line */
} Export;

/* One content line, folded at 75 octets, never inside a UTF-8 character. */
static void
put_line (GString    *out,
          const char *line,
          gsize       len)
{
  gsize start = 0;
  gsize room = FOLD_OCTETS;

  while (len - start > room)
    {
      gsize cut = start + room;

      while (cut > start && (line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + start, cut - start);
      g_string_append (out, "\r\n ");
      start = cut;
      room = FOLD_OCTETS - 1;
    }
  g_string_append_len (out, line + start, len - start);
  g_string_append (out, "\r\n");
}

/* libical's folding has varied between releases: unfold what it wrote and
 * fold again, so that the 75-octet limit and whole UTF-8 characters are
 * ours to guarantee. */
static void
refold (GString    *out,
        const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol != NULL ? (gsize) (eol - p) : strlen (p);

      g_string_append_len (line, p, len > 0 && p[len - 1] == '\r' ? len - 1 : len);
      p += len;
      if (*p == '\n')
        p++;
      if (*p == ' ' || *p == '\t')
        {
          p++;       /* a continuation of the same line */
          continue;
        }
      put_line (out, line->str, line->len);
      g_string_truncate (line, 0);
    }
}

static struct icaltimetype
day_time (RcDay day,
          int   minutes)
{
  GDate date;
  struct icaltimetype tt = icaltime_null_time ();

  rc_day_to_gdate (day, &date);
  tt.year = g_date_get_year (&date);
  tt.month = g_date_get_month (&date);
  tt.day = g_date_get_day (&date);
  if (minutes == RC_NONE)
    tt.is_date = 1;
  else
    {
      tt.hour = minutes / 60;
      tt.minute = minutes % 60;
    }
  return tt;
}

static struct icaltimetype
utc_time (gint64 unix_seconds)
{
  return icaltime_from_timet_with_zone ((time_t) unix_seconds, 0,
                                        icaltimezone_get_utc_timezone ());
}

/* A wall-clock time in the user's zone as a unix time. */
static gint64
wall_to_unix (Export              *ex,
              struct icaltimetype  wall)
{
  g_autoptr(GDateTime) dt = NULL;

  if (ex->zone != NULL)
    return icaltime_as_timet_with_zone (wall, ex->zone);
  dt = g_date_time_new (ex->gtz, wall.year, wall.month, wall.day,
                        wall.hour, wall.minute, wall.second);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

/* NAME (with any parameters) and a value written as it is. */
static void
put_raw (Export     *ex,
         const char *name,
         const char *value)
{
  g_string_truncate (ex->line, 0);
  g_string_append (ex->line, name);
  g_string_append_c (ex->line, ':');
  g_string_append (ex->line, value);
  put_line (ex->out, ex->line->str, ex->line->len);
}

/* NAME and a TEXT value, escaped as RFC 5545 3.3.11 wants; control
 * characters, which TEXT cannot hold, are dropped. */
static void
put_text (Export     *ex,
          const char *name,
          const char *value)
{
  GString *line = ex->line;

  g_string_truncate (line, 0);
  g_string_append (line, name);
  g_string_append_c (line, ':');
  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (line, "\\\\"); break;
        case ';':  g_string_append (line, "\\;"); break;
        case ',':  g_string_append (line, "\\,"); break;
        case '\n': g_string_append (line, "\\n"); break;
        default:
          if ((guchar) *p >= 0x20 || *p == '\t')
            g_string_append_c (line, *p);
          break;
        }
    }
  put_line (ex->out, line->str, line->len);
}

static void
put_int (Export     *ex,
         const char *name,
         int         value)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%d", value);
  put_raw (ex, name, buf);
}

static void
put_utc (Export     *ex,
         const char *name,
         gint64      unix_seconds)
{
  struct icaltimetype tt = utc_time (unix_seconds);
  char buf[32];

  g_snprintf (buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ",
              tt.year, tt.month, tt.day, tt.hour, tt.minute, tt.second);
  put_raw (ex, name, buf);
}

static void
put_date (Export     *ex,
          const char *name,
          RcDay       day)
{
  struct icaltimetype tt = day_time (day, RC_NONE);
  g_autofree char *param = g_strconcat (name, ";VALUE=DATE", NULL);
  char value[16];

  g_snprintf (value, sizeof value, "%04d%02d%02d", tt.year, tt.month, tt.day);
  put_raw (ex, param, value);
}

/* DTSTART or DTEND at WALL in the user's zone: TZID=<IANA name>, or in UTC
 * when libical has no such zone. */
static void
put_wall (Export              *ex,
          const char          *name,
          struct icaltimetype  wall)
{
  g_autofree char *param = NULL;
  char buf[32];

  if (ex->zone == NULL)
    {
      put_utc (ex, name, wall_to_unix (ex, wall));
      return;
    }
  param = g_strdup_printf ("%s;TZID=%s", name, ex->tzid);
  g_snprintf (buf, sizeof buf, "%04d%02d%02dT%02d%02d%02d",
              wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second);
  put_raw (ex, param, buf);
}

static void
put_times (Export *ex,
           RcDay   day,
           int     time,
           int     minutes)
{
  struct icaltimetype start = day_time (day, time);
  struct icaltimetype end;

  if (time == RC_NONE)
    {
      put_date (ex, "DTSTART", day);
      put_date (ex, "DTEND", day + 1);   /* exclusive */
      return;
    }
  put_wall (ex, "DTSTART", start);
  if (minutes == RC_NONE)
    return;
  /* Through UTC, so an hour that a DST change skips is not counted. */
  if (ex->zone != NULL)
    end = icaltime_from_timet_with_zone (wall_to_unix (ex, start) + minutes * 60, 0, ex->zone);
  else
    {
      end = start;
      icaltime_adjust (&end, 0, 0, minutes, 0);
    }
  end.zone = NULL;
  end.is_date = 0;
  put_wall (ex, "DTEND", end);
}

static char *
entry_summary (const RcEntry *entry)
{
  const char *title = rc_entry_display_title (entry);

  if (entry->minutes == RC_NONE)
    return g_strdup (title);
  /* TRANSLATORS: an event title: "Long run — 120 min" */
  return g_strdup_printf (_("%s — %d min"), title, entry->minutes);
}

static const char *
entry_kind_label (const RcEntry *entry)
{
  if (entry->kind == RC_KIND_MASSAGE && entry->massage != RC_MASSAGE_NONE)
    return rc_massage_label (entry->massage);
  return rc_kind_label (entry->kind);
}

static char *
pressure_text (const RcAdvice *advice)
{
  if (advice->pressure_min == advice->pressure_max)
    return g_strdup (rc_pressure_label (advice->pressure_min));
  /* TRANSLATORS: a pressure range, "light to moderate" */
  return g_strdup_printf (_("%s to %s"), rc_pressure_label (advice->pressure_min),
                          rc_pressure_label (advice->pressure_max));
}

static char *
minutes_text (int min,
              int max)
{
  if (min == max)
    return g_strdup_printf (_("%d min"), min);
  /* TRANSLATORS: a range of minutes, "30–45 min" */
  return g_strdup_printf (_("%d–%d min"), min, max);
}

/* The day's advice in sentences: verdict, suggestion, reasons. */
static void
append_advice (GString        *text,
               const RcAdvice *advice)
{
  g_auto(GStrv) reasons = rc_advice_reasons (advice);
  g_auto(GStrv) conflicts = rc_advice_conflicts (advice);

  g_string_append_printf (text, _("Massage advice for this day: %s."),
                          rc_verdict_label (advice->verdict));
  if (advice->verdict != RC_VERDICT_FORBIDDEN)
    {
      g_autofree char *pressure = pressure_text (advice);
      g_autofree char *minutes = minutes_text (advice->minutes_min, advice->minutes_max);

      g_string_append_c (text, '\n');
      /* TRANSLATORS: "Suggested: Post-run massage, pressure moderate to deep, 60 min." */
      g_string_append_printf (text, _("Suggested: %s, pressure %s, %s."),
                              rc_massage_label (advice->massage), pressure, minutes);
    }
  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    g_string_append_printf (text, "\n• %s", reasons[i]);
  for (guint i = 0; conflicts != NULL && conflicts[i] != NULL; i++)
    g_string_append_printf (text, "\n⚠ %s", conflicts[i]);
}

static char *
entry_description (const RcEntry  *entry,
                   const RcAdvice *advice)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Kind: %s"), entry_kind_label (entry));
  if (entry->minutes != RC_NONE)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Minutes: %d"), entry->minutes);
    }
  if (entry->rpe != RC_NONE)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Effort (RPE): %d/10"), entry->rpe);
    }
  if (entry->notes != NULL && entry->notes[0] != '\0')
    g_string_append_printf (text, "\n\n%s", entry->notes);
  if (advice != NULL)
    {
      g_string_append (text, "\n\n");
      append_advice (text, advice);
    }
  return g_string_free (text, FALSE);
}

static const RcAdvice *
advice_for_day (const RcAdvice *advice,
                guint           n_advice,
                RcDay           day)
{
  if (advice == NULL || n_advice == 0 || day < advice[0].day ||
      day - advice[0].day >= n_advice)
    return NULL;
  return &advice[day - advice[0].day];
}

/* A negative duration of MINUTES, as RFC 5545 3.3.6 writes it. */
static char *
before (int minutes)
{
  GString *text = g_string_new ("-P");

  if (minutes >= 24 * 60)
    g_string_append_printf (text, "%dD", minutes / (24 * 60));
  if (minutes % (24 * 60) != 0 || minutes == 0)
    {
      g_string_append_c (text, 'T');
      if (minutes % (24 * 60) / 60 != 0)
        g_string_append_printf (text, "%dH", minutes % (24 * 60) / 60);
      if (minutes % 60 != 0 || minutes == 0)
        g_string_append_printf (text, "%dM", minutes % 60);
    }
  return g_string_free (text, FALSE);
}

static void
put_evening_alarm (Export        *ex,
                   const RcEntry *entry)
{
  int minutes = (entry->time == RC_NONE ? 0 : entry->time) + ALARM_MINUTES_BEFORE_MIDNIGHT;
  g_autofree char *trigger = before (minutes);
  g_autofree char *text = g_strdup_printf (_("Tomorrow: %s"), rc_entry_display_title (entry));

  put_raw (ex, "BEGIN", "VALARM");
  put_raw (ex, "ACTION", "DISPLAY");
  put_raw (ex, "TRIGGER", trigger);
  put_text (ex, "DESCRIPTION", text);
  put_raw (ex, "END", "VALARM");
}

/* Events are written directly rather than through libical's serialiser,
 * which allocates a 1 KiB buffer for every property: a 5,000-entry plan
 * took 65 ms that way. The calendar and its VTIMEZONE still come from
 * libical, and the tests read every export back with libical and with
 * python3-icalendar. */
static void
put_entry_event (Export         *ex,
                 const RcEntry  *entry,
                 const RcAdvice *advice)
{
  g_autofree char *summary = entry_summary (entry);
  g_autofree char *description = entry_description (entry, entry->kind == RC_KIND_MASSAGE ? advice : NULL);
  g_autofree char *uid = entry->uid != NULL ? g_strdup (entry->uid) : rc_entry_new_uid ();

  put_raw (ex, "BEGIN", "VEVENT");
  put_text (ex, "UID", uid);
  put_utc (ex, "DTSTAMP", ex->now);
  if (entry->updated > 0)
    put_utc (ex, "LAST-MODIFIED", entry->updated);
  put_times (ex, entry->day, entry->time, entry->minutes);
  put_text (ex, "SUMMARY", summary);
  put_text (ex, "DESCRIPTION", description);
  put_text (ex, "CATEGORIES", entry_kind_label (entry));
  put_text (ex, X_KIND, rc_kind_to_string (entry->kind));
  if (entry->kind == RC_KIND_MASSAGE)
    put_text (ex, X_MASSAGE, rc_massage_to_string (entry->massage));
  if (entry->rpe != RC_NONE)
    put_int (ex, X_RPE, entry->rpe);
  /* a timed entry's minutes are in its DTEND; an all-day one has no other place */
  if (entry->minutes != RC_NONE && entry->time == RC_NONE)
    put_int (ex, X_MINUTES, entry->minutes);
  if (entry->title != NULL && entry->title[0] != '\0')
    put_text (ex, X_TITLE, entry->title);
  if (entry->notes != NULL)
    put_text (ex, X_NOTES, entry->notes);
  if (entry->kind == RC_KIND_MASSAGE)
    put_evening_alarm (ex, entry);
  put_raw (ex, "END", "VEVENT");
}

static void
put_window_event (Export         *ex,
                  const RcAdvice *advice)
{
  g_autofree char *iso = rc_day_to_iso (advice->day);
  g_autofree char *uid = g_strdup_printf ("ideal-%s@recoverycal", iso);
  g_autoptr(GString) text = g_string_new (NULL);

  append_advice (text, advice);
  put_raw (ex, "BEGIN", "VEVENT");
  put_text (ex, "UID", uid);
  put_utc (ex, "DTSTAMP", ex->now);
  put_times (ex, advice->day, RC_NONE, RC_NONE);
  put_text (ex, "SUMMARY", _("Ideal massage day"));
  put_text (ex, "DESCRIPTION", text->str);
  put_raw (ex, "TRANSP", "TRANSPARENT");
  put_text (ex, X_WINDOW, rc_verdict_to_string (advice->verdict));
  put_raw (ex, "END", "VEVENT");
}

/* The user's zone as a VTIMEZONE whose TZID is the plain IANA name: libical
 * writes system zones as "/freeassociation.sourceforge.net/<name>", which
 * some parsers misread, and an empty prefix means its default in 3.0. */
static void
add_vtimezone (Export *ex)
{
  icalcomponent *vtz = icalcomponent_new_clone (icaltimezone_get_component (ex->zone));
  icalproperty *tzid = icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY);
  struct icaltimetype start = day_time (ex->first_timed, 0);

  icalproperty_set_tzid (tzid, ex->tzid);
  /* Rules long gone only bloat the file: keep a year before the first entry. */
  start.year--;
  start.month = 1;
  start.day = 1;
  start.zone = icaltimezone_get_utc_timezone ();
  icaltimezone_truncate_vtimezone (vtz, start, icaltime_null_time (), 0);
  icalcomponent_add_component (ex->cal, vtz);
}

static void
export_begin (Export *ex,
              gint64  now)
{
  g_autofree char *prodid = g_strdup_printf ("-//RecoveryCal//RecoveryCal %s//EN", VERSION);
  icalproperty *calname;

  ex->cal = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (ex->cal, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (ex->cal, icalproperty_new_prodid (prodid));
  icalcomponent_add_property (ex->cal, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (ex->cal, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  calname = icalproperty_new_x (_("Training plan"));
  icalproperty_set_x_name (calname, "X-WR-CALNAME");
  icalcomponent_add_property (ex->cal, calname);
  ex->tzid = rc_ics_local_tzid ();
  ex->zone = builtin_zone (ex->tzid);
  ex->gtz = g_time_zone_new_local ();
  ex->now = now;
}

char *
rc_ics_export_string (const RcEntry * const *entries,
                      guint                  n_entries,
                      const RcAdvice        *advice,
                      guint                  n_advice,
                      gboolean               windows,
                      gint64                 now)
{
  Export ex = { 0 };
  const char *end = "END:VCALENDAR\r\n";
  char *raw;

  ical_init ();
  export_begin (&ex, now);
  ex.out = g_string_sized_new (1024 + n_entries * 512);
  ex.line = g_string_sized_new (256);
  for (guint i = 0; i < n_entries; i++)
    if (entries[i]->time != RC_NONE &&
        (ex.first_timed == RC_DAY_INVALID || entries[i]->day < ex.first_timed))
      ex.first_timed = entries[i]->day;
  /* VTIMEZONE first: some readers want a zone defined before its use. */
  if (ex.zone != NULL && ex.first_timed != RC_DAY_INVALID)
    add_vtimezone (&ex);
  raw = icalcomponent_as_ical_string_r (ex.cal);
  refold (ex.out, raw);
  icalmemory_free_buffer (raw);
  g_assert (g_str_has_suffix (ex.out->str, end));
  g_string_truncate (ex.out, ex.out->len - strlen (end));

  for (guint i = 0; i < n_entries; i++)
    put_entry_event (&ex, entries[i], advice_for_day (advice, n_advice, entries[i]->day));
  for (guint i = 0; windows && advice != NULL && i < n_advice; i++)
    if (advice[i].verdict == RC_VERDICT_IDEAL)
      put_window_event (&ex, &advice[i]);
  g_string_append (ex.out, end);

  icalcomponent_free (ex.cal);
  g_string_free (ex.line, TRUE);
  g_free (ex.tzid);
  g_time_zone_unref (ex.gtz);
  return g_string_free (ex.out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Kinds from words                                                   */

static const struct {
  const char *words;       /* space-separated; "a+b" is two words in a row */
  RcKind      kind;
} word_kinds[] = {
  /* First match wins: a massage is never a session, and "intervals with
   * rest" is intervals, so specific sessions come before generic words. */
  { "massage physio physiotherapy sports+massage", RC_KIND_MASSAGE },
  { "long+run long longrun", RC_KIND_LONG },
  { "intervals interval reps repeats track speed fartlek vo2max hills", RC_KIND_INTERVALS },
  { "tempo threshold", RC_KIND_TEMPO },
  { "race racing parkrun 5k 10k 15k 21k 42k half half+marathon marathon ultra", RC_KIND_RACE },
  { "easy recovery jog jogging shakeout", RC_KIND_EASY },
  { "rest off rest+day day+off", RC_KIND_REST },
  { "bike cycling cycle ride swim swimming gym strength yoga pilates cross cross+training crosstraining row rowing", RC_KIND_CROSS },
};

/* Whether WORDS has PHRASE (LEN octets; words joined by '+') in a row. */
static gboolean
words_contain (char       **words,
               const char  *phrase,
               gsize        len)
{
  const char *end = phrase + len;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *p = phrase;

      for (guint j = i; words[j] != NULL; j++)
        {
          const char *sep = memchr (p, '+', end - p);
          gsize n = sep != NULL ? (gsize) (sep - p) : (gsize) (end - p);

          if (strncmp (words[j], p, n) != 0 || words[j][n] != '\0')
            break;
          if (sep == NULL)
            return TRUE;
          p = sep + 1;
        }
    }
  return FALSE;
}

static gboolean
words_have (char       **words,
            const char  *phrase)
{
  return words_contain (words, phrase, strlen (phrase));
}

static char **
split_words (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GPtrArray *words = g_ptr_array_new ();
  const char *p = lower;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

static RcMassage
massage_from_words (char **words)
{
  if (words_have (words, "pre+event") || words_have (words, "pre+race") ||
      words_have (words, "preevent"))
    return RC_MASSAGE_PRE_EVENT;
  if (words_have (words, "post+run") || words_have (words, "post+race") ||
      words_have (words, "post+event") || words_have (words, "recovery"))
    return RC_MASSAGE_POST_RUN;
  return RC_MASSAGE_MAINTENANCE;
}

gboolean
rc_ics_kind_from_words (const char *text,
                        RcKind     *kind,
                        RcMassage  *massage)
{
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return FALSE;
  words = split_words (text);
  for (guint i = 0; i < G_N_ELEMENTS (word_kinds); i++)
    {
      const char *p = word_kinds[i].words;

      while (*p != '\0')
        {
          gsize len = strcspn (p, " ");

          if (words_contain (words, p, len))
            {
              *kind = word_kinds[i].kind;
              *massage = *kind == RC_KIND_MASSAGE ? massage_from_words (words) : RC_MASSAGE_NONE;
              return TRUE;
            }
          p += len + (p[len] == ' ');
        }
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Import: checks on the raw bytes                                    */

static void
set_parse_error (GError     **error,
                 const char  *name,
                 guint        line,
                 const char  *what)
{
  if (line > 0)
    /* TRANSLATORS: "plan.ics, line 12: the text is not valid UTF-8" */
    g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_PARSE, _("%s, line %u: %s"), name, line, what);
  else
    g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_PARSE, _("%s: %s"), name, what);
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

static gboolean
line_is (const char *line,
         gsize       len,
         const char *what)
{
  gsize n = strlen (what);

  while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t'))
    len--;
  return len == n && g_ascii_strncasecmp (line, what, n) == 0;
}

static char *
component_name (const char *p,
                gsize       len,
                gsize       skip)
{
  while (len > skip && (p[len - 1] == '\r' || p[len - 1] == ' ' || p[len - 1] == '\t'))
    len--;
  return g_ascii_strup (p + skip, len - skip);
}

/* BEGIN and END in pairs, not too deep: libical warns on stderr about an
 * END without BEGIN, and frees components recursively. */
static gboolean
check_nesting (GPtrArray   *open,
               const char  *p,
               gsize        len,
               const char  *name,
               guint        line,
               GError     **error)
{
  g_autofree char *what = NULL;
  g_autofree char *component = NULL;

  if (len > 6 && g_ascii_strncasecmp (p, "BEGIN:", 6) == 0)
    {
      if (open->len >= MAX_DEPTH)
        {
          set_parse_error (error, name, line, _("components nested too deep"));
          return FALSE;
        }
      g_ptr_array_add (open, component_name (p, len, 6));
      return TRUE;
    }
  if (len <= 4 || g_ascii_strncasecmp (p, "END:", 4) != 0)
    return TRUE;
  component = component_name (p, len, 4);
  if (open->len > 0 && strcmp (component, open->pdata[open->len - 1]) == 0)
    {
      g_ptr_array_remove_index (open, open->len - 1);
      return TRUE;
    }
  if (open->len == 0)
    what = g_strdup_printf (_("END:%s without its BEGIN"), component);
  else
    what = g_strdup_printf (_("END:%s where END:%s belongs"), component,
                            (char *) open->pdata[open->len - 1]);
  set_parse_error (error, name, line, what);
  return FALSE;
}

/* Where each VEVENT begins, and its DTSTART as written, for skip reasons:
 * libical keeps no line numbers and rewrites values it half understands. */
typedef struct {
  guint  line;
  guint  start_line;
  char  *start_raw;
} EventLine;

static void
event_line_clear (gpointer data)
{
  g_free (((EventLine *) data)->start_raw);
}

static void
note_start (GArray     *event_lines,
            const char *p,
            gsize       len,
            guint       line)
{
  EventLine *ev = &g_array_index (event_lines, EventLine, event_lines->len - 1);
  const char *value = p;
  gboolean quoted = FALSE;

  if (ev->start_line > 0)
    return;
  while (value < p + len && (quoted || *value != ':'))
    quoted ^= *value++ == '"';
  if (value == p + len)
    return;
  value++;
  while (len > 0 && p[len - 1] == '\r')
    len--;
  ev->start_line = line;
  ev->start_raw = g_strndup (value, p + len - value);
}

/* Refuses what libical should never see, and notes the lines of each
 * VEVENT so that skip reasons can point at them. */
static gboolean
prescan (const char  *data,
         gsize        length,
         const char  *name,
         GArray      *event_lines,
         GError     **error)
{
  const char *bad = NULL;
  const char *p = data;
  const char *end = data + length;
  const char *last_line = NULL;
  gsize last_len = 0;
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  gboolean first = TRUE;
  gboolean in_event = FALSE;
  guint line = 0;

  if (!g_utf8_validate_len (data, length, &bad))
    {
      set_parse_error (error, name, line_of_offset (data, bad - data),
                       _("the text is not valid UTF-8"));
      return FALSE;
    }
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      gsize len = (eol != NULL ? eol : end) - p;

      line++;
      if (len > RC_ICS_MAX_LINE_LENGTH)
        {
          g_autofree char *what = g_strdup_printf (_("a line of %" G_GSIZE_FORMAT " bytes, longer than the %u allowed"),
                                                   len, RC_ICS_MAX_LINE_LENGTH);
          set_parse_error (error, name, line, what);
          return FALSE;
        }
      if (first && !line_is (p, len, ""))
        {
          if (!line_is (p, len, "BEGIN:VCALENDAR"))
            {
              set_parse_error (error, name, line, _("not an iCalendar file (it does not begin with BEGIN:VCALENDAR)"));
              return FALSE;
            }
          first = FALSE;
        }
      if (!check_nesting (open, p, len, name, line, error))
        return FALSE;
      if (line_is (p, len, "BEGIN:VEVENT"))
        {
          EventLine ev = { line, 0, NULL };

          g_array_append_val (event_lines, ev);
          in_event = TRUE;
        }
      else if (line_is (p, len, "END:VEVENT"))
        in_event = FALSE;
      else if (in_event && len > 8 && g_ascii_strncasecmp (p, "DTSTART", 7) == 0 &&
               (p[7] == ':' || p[7] == ';'))
        note_start (event_lines, p, len, line);
      if (!line_is (p, len, ""))
        {
          last_line = p;
          last_len = len;
        }
      p += len + 1;
    }
  if (first)
    {
      set_parse_error (error, name, 0, _("the file is empty"));
      return FALSE;
    }
  if (open->len > 0 || !line_is (last_line, last_len, "END:VCALENDAR"))
    {
      set_parse_error (error, name, line, _("the file is truncated (it does not end with END:VCALENDAR)"));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Import: events to entries                                          */

typedef enum {
  FORM_DATE,
  FORM_FLOATING,
  FORM_UTC,
  FORM_ZONED,
} TimeForm;

typedef struct {
  struct icaltimetype tt;   /* as written, zone NULL */
  icaltimezone       *zone; /* FORM_ZONED only */
  TimeForm            form;
} EventTime;

typedef struct {
  const char    *name;
  icalcomponent *cal;
  GTimeZone     *local;
  RcDay          horizon;
  gint64         deadline;  /* monotonic µs: no more expanding after it */
  GPtrArray     *entries;   /* RcEntry*, NULL where an override removed one */
  GHashTable    *by_uid;    /* uid → index + 1 in entries */
  GArray        *skips;     /* Skip, in the order found; NULL: not wanted */
} Import;

typedef struct {
  guint  line;
  char  *text;
} Skip;

static void
skip_clear (gpointer data)
{
  g_free (((Skip *) data)->text);
}

static int
skip_compare (gconstpointer a,
              gconstpointer b)
{
  guint x = ((const Skip *) a)->line, y = ((const Skip *) b)->line;

  return (x > y) - (x < y);
}

/* The reasons in file order (the overrides of recurring events come in a
 * second pass), appended to OUT. */
static void
hand_over_skips (GArray    *skips,
                 GPtrArray *out)
{
  g_array_sort (skips, skip_compare);
  for (guint i = 0; i < skips->len; i++)
    g_ptr_array_add (out, g_steal_pointer (&g_array_index (skips, Skip, i).text));
}

typedef struct {
  icalcomponent   *comp;
  guint            line;
  const EventLine *where;     /* NULL when the pre-scan lost track */
  const char      *summary;
  char            *uid;
} Event;

static void G_GNUC_PRINTF (3, 4)
skip (Import     *im,
      Event      *ev,
      const char *format,
      ...)
{
  g_autofree char *why = NULL;
  Skip entry = { ev->line, NULL };
  va_list args;

  if (im->skips == NULL)
    return;
  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);
  if (ev->summary != NULL && ev->summary[0] != '\0')
    /* TRANSLATORS: why an event was skipped: "line 12, “Tempo”: cancelled" */
    entry.text = g_strdup_printf (_("line %u, “%s”: %s"), ev->line, ev->summary, why);
  else
    entry.text = g_strdup_printf (_("line %u: %s"), ev->line, why);
  g_array_append_val (im->skips, entry);
}

static gboolean
time_is_valid (const struct icaltimetype *tt)
{
  if (tt->year < 1 || tt->year > 9999 ||
      !g_date_valid_dmy ((GDateDay) tt->day, (GDateMonth) tt->month, (GDateYear) tt->year))
    return FALSE;
  return tt->is_date ||
         (tt->hour >= 0 && tt->hour < 24 && tt->minute >= 0 && tt->minute < 60 &&
          tt->second >= 0 && tt->second <= 60);
}

static icaltimezone *
find_zone (Import     *im,
           const char *tzid)
{
  icaltimezone *zone = icalcomponent_get_timezone (im->cal, tzid);

  /* libical reads a known name from the zoneinfo folder: keep it there */
  if (zone == NULL && strstr (tzid, "..") == NULL)
    zone = icaltimezone_get_builtin_timezone (tzid);
  if (zone == NULL && tzid[0] == '/')
    zone = icaltimezone_get_builtin_timezone_from_tzid (tzid);
  return zone;
}

/* TT of PROP (whose TZID parameter it reads) as a time this module can
 * place; FALSE with a translated WHY when it cannot. */
static gboolean
resolve_time (Import              *im,
              icalproperty        *prop,
              struct icaltimetype  tt,
              EventTime           *out,
              char               **why)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  const char *tzid = param != NULL ? icalparameter_get_tzid (param) : NULL;

  if (!time_is_valid (&tt))
    {
      g_autofree char *value = icalproperty_get_value_as_string_r (prop);

      *why = g_strdup_printf (_("%s “%s” is not a date"), icalproperty_get_property_name (prop),
                              value != NULL ? value : "");
      return FALSE;
    }
  out->form = tt.is_date ? FORM_DATE : icaltime_is_utc (tt) ? FORM_UTC : FORM_FLOATING;
  out->zone = NULL;
  out->tt = tt;
  out->tt.zone = NULL;
  if (out->form != FORM_FLOATING || tzid == NULL)
    return TRUE;
  out->zone = find_zone (im, tzid);
  if (out->zone == NULL)
    {
      *why = g_strdup_printf (_("unknown time zone “%s”"), tzid);
      return FALSE;
    }
  out->form = out->zone == icaltimezone_get_utc_timezone () ? FORM_UTC : FORM_ZONED;
  return TRUE;
}

static gint64
event_time_unix (const EventTime *t)
{
  if (t->form == FORM_ZONED)
    return icaltime_as_timet_with_zone (t->tt, t->zone);
  /* dates and floating times: their wall clock, as if in UTC */
  return icaltime_as_timet_with_zone (t->tt, icaltimezone_get_utc_timezone ());
}

static void
to_local (Import          *im,
          const EventTime *t,
          RcDay           *day,
          int             *time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (t->form != FORM_DATE && t->form != FORM_FLOATING)
    {
      utc = g_date_time_new_from_unix_utc (event_time_unix (t));
      local = utc != NULL ? g_date_time_to_timezone (utc, im->local) : NULL;
    }
  /* dates, floating times, and the edges of year 9999 GLib cannot convert */
  if (local == NULL)
    {
      *day = rc_day_from_ymd (t->tt.year, t->tt.month, t->tt.day);
      *time = t->form == FORM_DATE ? RC_NONE : t->tt.hour * 60 + t->tt.minute;
      return;
    }
  *day = rc_day_from_ymd (g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local));
  *time = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

/* The RECURRENCE-ID of an occurrence as text: the same for the master's
 * expansion and for an override, whatever zone either is written in. */
static char *
occurrence_key (const EventTime *t)
{
  struct icaltimetype tt = t->tt;

  if (t->form == FORM_DATE)
    return g_strdup_printf ("%04d%02d%02d", tt.year, tt.month, tt.day);
  if (t->form == FORM_FLOATING)
    return g_strdup_printf ("%04d%02d%02dT%02d%02d%02d", tt.year, tt.month, tt.day,
                            tt.hour, tt.minute, tt.second);
  tt = icaltime_from_timet_with_zone ((time_t) event_time_unix (t), 0, icaltimezone_get_utc_timezone ());
  return g_strdup_printf ("%04d%02d%02dT%02d%02d%02dZ", tt.year, tt.month, tt.day,
                          tt.hour, tt.minute, tt.second);
}

static icalproperty *
find_x (icalcomponent *comp,
        const char    *name)
{
  for (icalproperty *p = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    if (g_ascii_strcasecmp (icalproperty_get_x_name (p), name) == 0)
      return p;
  return NULL;
}

static const char *
get_x (icalcomponent *comp,
       const char    *name)
{
  icalproperty *p = find_x (comp, name);

  return p != NULL ? icalproperty_get_x (p) : NULL;
}

static int
get_x_int (icalcomponent *comp,
           const char    *name,
           int            min,
           int            max)
{
  const char *text = get_x (comp, name);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    return RC_NONE;
  return (int) value;
}

/* Minutes from DTEND or DURATION; RC_NONE for all-day or odd spans. */
static int
event_minutes (Import          *im,
               icalcomponent   *comp,
               const EventTime *start)
{
  icalproperty *prop;
  gint64 seconds = -1;

  if (start->form == FORM_DATE)
    return RC_NONE;
  if ((prop = icalcomponent_get_first_property (comp, ICAL_DTEND_PROPERTY)) != NULL)
    {
      EventTime end;
      g_autofree char *why = NULL;

      if (resolve_time (im, prop, icalproperty_get_dtend (prop), &end, &why) && end.form != FORM_DATE)
        seconds = event_time_unix (&end) - event_time_unix (start);
    }
  else if ((prop = icalcomponent_get_first_property (comp, ICAL_DURATION_PROPERTY)) != NULL)
    seconds = icaldurationtype_as_int (icalproperty_get_duration (prop));
  if (seconds < 60 || seconds > 24 * 60 * 60)
    return RC_NONE;
  return (int) (seconds / 60);
}

static char *
categories_text (icalcomponent *comp)
{
  GString *text = g_string_new (NULL);

  for (icalproperty *p = icalcomponent_get_first_property (comp, ICAL_CATEGORIES_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (comp, ICAL_CATEGORIES_PROPERTY))
    {
      const char *value = icalproperty_get_categories (p);

      if (value != NULL)
        g_string_append_printf (text, " %s", value);
    }
  return g_string_free (text, FALSE);
}

static void
fill_foreign (RcEntry       *entry,
              icalcomponent *comp,
              const char    *summary)
{
  g_autofree char *categories = categories_text (comp);
  g_autofree char *words = g_strconcat (summary != NULL ? summary : "", " ", categories, NULL);
  const char *description = icalcomponent_get_description (comp);

  if (!rc_ics_kind_from_words (summary, &entry->kind, &entry->massage) &&
      !rc_ics_kind_from_words (words, &entry->kind, &entry->massage))
    {
      entry->kind = RC_KIND_CROSS;
      entry->massage = RC_MASSAGE_NONE;
    }
  entry->rpe = RC_NONE;
  entry->title = g_strdup (summary != NULL ? summary : "");
  if (description != NULL)
    {
      g_autofree char *notes = g_strstrip (g_strdup (description));

      if (notes[0] != '\0')
        entry->notes = g_steal_pointer (&notes);
    }
}

/* Our own export: every field from its X- properties. */
static gboolean
fill_ours (RcEntry       *entry,
           icalcomponent *comp,
           const char    *summary)
{
  const char *title = get_x (comp, X_TITLE);
  int minutes = get_x_int (comp, X_MINUTES, 1, 24 * 60);
  g_autofree char *expected = NULL;

  if (!rc_kind_from_string (get_x (comp, X_KIND), &entry->kind))
    return FALSE;
  entry->massage = RC_MASSAGE_NONE;
  if (entry->kind == RC_KIND_MASSAGE &&
      (!rc_massage_from_string (get_x (comp, X_MASSAGE), &entry->massage) ||
       entry->massage == RC_MASSAGE_NONE))
    entry->massage = RC_MASSAGE_MAINTENANCE;
  entry->rpe = get_x_int (comp, X_RPE, 1, 10);
  if (minutes != RC_NONE)
    entry->minutes = minutes;
  entry->title = g_strdup (title != NULL ? title : "");
  entry->notes = g_strdup (get_x (comp, X_NOTES));
  /* A summary changed in another calendar since our export wins. */
  expected = entry_summary (entry);
  if (summary != NULL && g_strcmp0 (summary, expected) != 0)
    {
      g_free (entry->title);
      entry->title = g_strdup (summary);
    }
  return TRUE;
}

/* MINUTES: the event's own span (of its DTSTART), the same for every
 * occurrence of a series. */
static RcEntry *
make_entry (Import          *im,
            Event           *ev,
            const EventTime *start,
            int              minutes,
            const char      *uid)
{
  RcEntry *entry = rc_entry_new (RC_DAY_INVALID, RC_KIND_CROSS);

  to_local (im, start, &entry->day, &entry->time);
  entry->minutes = minutes;
  entry->uid = g_strdup (uid);
  if (!fill_ours (entry, ev->comp, ev->summary))
    fill_foreign (entry, ev->comp, ev->summary);
  return entry;
}

static void
put_entry (Import  *im,
           RcEntry *entry)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (im->by_uid, entry->uid));

  /* The same UID twice: the later event wins, as in a calendar. */
  if (index > 0)
    {
      RcEntry *old = im->entries->pdata[index - 1];

      /* the table's key is the old entry's uid: swap it before freeing */
      im->entries->pdata[index - 1] = entry;
      g_hash_table_replace (im->by_uid, entry->uid, GUINT_TO_POINTER (index));
      rc_entry_free (old);
      return;
    }
  g_ptr_array_add (im->entries, entry);
  g_hash_table_insert (im->by_uid, entry->uid, GUINT_TO_POINTER (im->entries->len));
}

static void
remove_entry (Import     *im,
              const char *uid)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (im->by_uid, uid));

  if (index == 0)
    return;
  g_hash_table_remove (im->by_uid, uid);
  g_clear_pointer (&im->entries->pdata[index - 1], rc_entry_free);
}

/* libical keeps one property iterator per component, and every lookup
 * (a summary, an X- property) resets it: take the list before using it. */
static GPtrArray *
properties (icalcomponent     *comp,
            icalproperty_kind  kind)
{
  GPtrArray *list = g_ptr_array_new ();

  for (icalproperty *p = icalcomponent_get_first_property (comp, kind);
       p != NULL;
       p = icalcomponent_get_next_property (comp, kind))
    g_ptr_array_add (list, p);
  return list;
}

static GHashTable *
exdate_keys (Import        *im,
             icalcomponent *comp,
             TimeForm       start_form)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) exdates = properties (comp, ICAL_EXDATE_PROPERTY);

  for (guint i = 0; i < exdates->len; i++)
    {
      icalproperty *p = exdates->pdata[i];
      EventTime t;
      g_autofree char *why = NULL;

      if (!resolve_time (im, p, icalproperty_get_exdate (p), &t, &why))
        continue;
      /* an EXDATE as a date on a timed series removes that day's occurrence */
      if (t.form == FORM_DATE && start_form != FORM_DATE)
        {
          g_hash_table_add (keys, g_strdup_printf ("day:%04d%02d%02d", t.tt.year, t.tt.month, t.tt.day));
          continue;
        }
      g_hash_table_add (keys, occurrence_key (&t));
    }
  return keys;
}

typedef struct {
  Import     *im;
  Event      *ev;
  GHashTable *excluded;
  GHashTable *seen;
  guint       count;
  RcDay       horizon;
  int         minutes;
} Expansion;

static gboolean
add_occurrence (Expansion       *x,
                const EventTime *t)
{
  g_autofree char *key = occurrence_key (t);
  g_autofree char *day_key = g_strdup_printf ("day:%04d%02d%02d", t->tt.year, t->tt.month, t->tt.day);
  g_autofree char *uid = NULL;

  if (g_hash_table_contains (x->excluded, key) || g_hash_table_contains (x->excluded, day_key) ||
      g_hash_table_contains (x->seen, key))
    return TRUE;
  if (x->count >= RC_ICS_MAX_OCCURRENCES)
    {
      skip (x->im, x->ev, _("occurrences after the first %u left out"), RC_ICS_MAX_OCCURRENCES);
      return FALSE;
    }
  x->count++;
  uid = g_strconcat (x->ev->uid, "#", key, NULL);
  put_entry (x->im, make_entry (x->im, x->ev, t, x->minutes, uid));
  g_hash_table_add (x->seen, g_steal_pointer (&key));
  return TRUE;
}

static gboolean
expand_rrule (Expansion       *x,
              icalproperty    *prop,
              const EventTime *start)
{
  struct icalrecurrencetype recur = icalproperty_get_rrule (prop);
  icalrecur_iterator *it;
  struct icaltimetype next;
  gboolean more = TRUE;

  /* The iterator runs on DTSTART's wall clock: a UTC UNTIL must be on it too. */
  if (start->form == FORM_ZONED && !icaltime_is_null_time (recur.until) &&
      !recur.until.is_date && icaltime_is_utc (recur.until))
    {
      recur.until = icaltime_convert_to_zone (recur.until, start->zone);
      recur.until.zone = NULL;
    }
  /* libical searches up to 2037 for a match: with an impossible rule
   * (BYMONTH=2;BYMONTHDAY=30) that takes a second a day-step, and hours a
   * second-step. A plan repeats daily at most. */
  if (recur.freq < ICAL_DAILY_RECURRENCE)
    {
      skip (x->im, x->ev, _("it repeats more often than daily"));
      return TRUE;
    }
  if (g_get_monotonic_time () > x->im->deadline)
    {
      skip (x->im, x->ev, _("too many recurring events to expand"));
      return TRUE;
    }
  icalerror_clear_errno ();
  it = icalrecur_iterator_new (recur, start->tt);
  if (it == NULL)
    {
      g_autofree char *value = icalproperty_get_value_as_string_r (prop);

      skip (x->im, x->ev, _("recurrence rule “%s” not understood"), value != NULL ? value : "");
      return TRUE;
    }
  while (more && (next = icalrecur_iterator_next (it), !icaltime_is_null_time (next)))
    {
      EventTime t = *start;

      if (g_get_monotonic_time () > x->im->deadline)
        {
          skip (x->im, x->ev, _("too many recurring events to expand"));
          break;
        }
      if (!time_is_valid (&next) ||
          rc_day_from_ymd (next.year, next.month, next.day) > x->horizon)
        break;
      t.tt.year = next.year;
      t.tt.month = next.month;
      t.tt.day = next.day;
      t.tt.hour = next.hour;
      t.tt.minute = next.minute;
      t.tt.second = next.second;
      more = add_occurrence (x, &t);
    }
  icalrecur_iterator_free (it);
  return more;
}

static void
expand_rdates (Expansion *x)
{
  g_autoptr(GPtrArray) rdates = properties (x->ev->comp, ICAL_RDATE_PROPERTY);

  for (guint i = 0; i < rdates->len; i++)
    {
      icalproperty *p = rdates->pdata[i];
      struct icaldatetimeperiodtype dp = icalproperty_get_rdate (p);
      struct icaltimetype tt = icaltime_is_null_time (dp.time) ? dp.period.start : dp.time;
      g_autofree char *why = NULL;
      EventTime t;

      if (!resolve_time (x->im, p, tt, &t, &why))
        skip (x->im, x->ev, "%s", why);
      else if (!add_occurrence (x, &t))
        return;
    }
}

/* Each occurrence (DTSTART, RRULE, RDATE, less EXDATE) becomes an entry. */
static void
expand (Import          *im,
        Event           *ev,
        const EventTime *start)
{
  RcDay first = rc_day_from_ymd (start->tt.year, start->tt.month, start->tt.day);
  Expansion x = { im, ev, exdate_keys (im, ev->comp, start->form),
                  g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0,
                  MAX (im->horizon, first + RC_ICS_HORIZON_DAYS),
                  event_minutes (im, ev->comp, start) };
  g_autoptr(GPtrArray) rrules = properties (ev->comp, ICAL_RRULE_PROPERTY);
  gboolean more = add_occurrence (&x, start);

  for (guint i = 0; more && i < rrules->len; i++)
    more = expand_rrule (&x, rrules->pdata[i], start);
  if (more)
    expand_rdates (&x);
  g_hash_table_unref (x.excluded);
  g_hash_table_unref (x.seen);
}

/* libical drops a DTSTART it cannot read and leaves an X-LIC-ERROR. */
static char *
missing_start_reason (icalcomponent *comp)
{
  for (icalproperty *p = icalcomponent_get_first_property (comp, ICAL_XLICERROR_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (comp, ICAL_XLICERROR_PROPERTY))
    {
      const char *text = icalproperty_get_xlicerror (p);
      const char *value = text != NULL ? strstr (text, "DTSTART property. Removing entire property: ") : NULL;

      if (value != NULL)
        return g_strdup_printf (_("%s “%s” is not a date"), "DTSTART",
                                value + strlen ("DTSTART property. Removing entire property: "));
    }
  return g_strdup (_("it has no start (DTSTART)"));
}

static char *
event_uid (icalcomponent *comp,
           const char    *summary)
{
  const char *uid = icalcomponent_get_uid (comp);
  icalproperty *start = icalcomponent_get_first_property (comp, ICAL_DTSTART_PROPERTY);
  g_autofree char *value = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *hash = NULL;

  if (uid != NULL && uid[0] != '\0')
    return g_strdup (uid);
  /* Without a UID, what the event says stands in for one, so that a second
   * import of the same file still updates instead of duplicating. */
  value = start != NULL ? icalproperty_get_value_as_string_r (start) : NULL;
  seed = g_strconcat (value != NULL ? value : "", "\n", summary != NULL ? summary : "", NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);
  return g_strconcat (hash, "@import.recoverycal", NULL);
}

static gboolean
event_start (Import    *im,
             Event     *ev,
             EventTime *start)
{
  icalproperty *prop = icalcomponent_get_first_property (ev->comp, ICAL_DTSTART_PROPERTY);
  g_autofree char *why = NULL;
  struct icaltimetype tt = icaltime_null_time ();

  if (prop != NULL)
    {
      tt = icalproperty_get_dtstart (prop);
      if (resolve_time (im, prop, tt, start, &why))
        return TRUE;
    }
  if (ev->where != NULL && ev->where->start_line > 0)
    {
      ev->line = ev->where->start_line;
      /* libical drops what it cannot read and reads 2026-13-45 as
       * 20261345: quote what the file says */
      if (prop == NULL || !time_is_valid (&tt))
        {
          g_free (why);
          why = g_strdup_printf (_("%s “%s” is not a date"), "DTSTART", ev->where->start_raw);
        }
    }
  if (why == NULL)
    why = missing_start_reason (ev->comp);
  skip (im, ev, "%s", why);
  return FALSE;
}

/* An override of one occurrence of a recurring event (RECURRENCE-ID). */
static void
import_override (Import       *im,
                 Event        *ev,
                 icalproperty *rid_prop)
{
  EventTime rid;
  EventTime start;
  g_autofree char *why = NULL;
  g_autofree char *key = NULL;
  g_autofree char *uid = NULL;

  if (!resolve_time (im, rid_prop, icalproperty_get_recurrenceid (rid_prop), &rid, &why))
    {
      skip (im, ev, "%s", why);
      return;
    }
  key = occurrence_key (&rid);
  uid = g_strconcat (ev->uid, "#", key, NULL);
  if (icalcomponent_get_status (ev->comp) == ICAL_STATUS_CANCELLED)
    {
      remove_entry (im, uid);
      skip (im, ev, _("occurrence cancelled"));
      return;
    }
  if (event_start (im, ev, &start))
    put_entry (im, make_entry (im, ev, &start, event_minutes (im, ev->comp, &start), uid));
}

static void
import_event (Import          *im,
              icalcomponent   *comp,
              const EventLine *where,
              gboolean         overrides)
{
  icalproperty *rid = icalcomponent_get_first_property (comp, ICAL_RECURRENCEID_PROPERTY);
  Event ev = { comp, where != NULL ? where->line : 0, where, icalcomponent_get_summary (comp), NULL };
  EventTime start;

  if ((rid != NULL) != overrides)
    return;
  ev.uid = event_uid (comp, ev.summary);
  if (rid != NULL)
    import_override (im, &ev, rid);
  else if (find_x (comp, X_WINDOW) != NULL)
    ;   /* our own ideal-day marker: advice derived from the plan, not a session */
  else if (icalcomponent_get_status (comp) == ICAL_STATUS_CANCELLED)
    skip (im, &ev, _("cancelled"));
  else if (!event_start (im, &ev, &start))
    ;
  else if (icalcomponent_get_first_property (comp, ICAL_RRULE_PROPERTY) != NULL ||
           icalcomponent_get_first_property (comp, ICAL_RDATE_PROPERTY) != NULL)
    expand (im, &ev, &start);
  else
    put_entry (im, make_entry (im, &ev, &start, event_minutes (im, comp, &start), ev.uid));
  g_free (ev.uid);
}

/* Open recurrences run to two years past today or the file's last single
 * event, whichever is later. */
static RcDay
horizon (icalcomponent *cal,
         RcDay          today)
{
  RcDay last = today;

  for (icalcomponent *c = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *p = icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY);
      struct icaltimetype tt;

      if (p == NULL || icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY) != NULL)
        continue;
      tt = icalproperty_get_dtstart (p);
      if (time_is_valid (&tt))
        last = MAX (last, rc_day_from_ymd (tt.year, tt.month, tt.day));
    }
  return last + RC_ICS_HORIZON_DAYS;
}

static void
import_events (Import *im,
               GArray *event_lines)
{
  for (int pass = 0; pass < 2; pass++)
    {
      guint i = 0;

      for (icalcomponent *c = icalcomponent_get_first_component (im->cal, ICAL_VEVENT_COMPONENT);
           c != NULL;
           c = icalcomponent_get_next_component (im->cal, ICAL_VEVENT_COMPONENT), i++)
        import_event (im, c, i < event_lines->len ? &g_array_index (event_lines, EventLine, i) : NULL,
                      pass == 1);
    }
}

static icalcomponent *
parse_calendar (const char  *data,
                gsize        length,
                const char  *name,
                GArray      *event_lines,
                GError     **error)
{
  g_autofree char *text = NULL;
  icalcomponent *cal;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!prescan (data, length, name, event_lines, error))
    return NULL;
  text = g_strndup (data, length);
  icalerror_clear_errno ();
  cal = icalcomponent_new_from_string (text);
  icalerror_clear_errno ();
  if (cal != NULL && icalcomponent_isa (cal) == ICAL_VCALENDAR_COMPONENT)
    return cal;
  g_clear_pointer (&cal, icalcomponent_free);
  set_parse_error (error, name, 0, _("the iCalendar data is broken and cannot be read"));
  return NULL;
}

GPtrArray *
rc_ics_parse (const char  *data,
              gsize        length,
              const char  *name,
              RcDay        today,
              GPtrArray   *skip_reasons,
              GError     **error)
{
  g_autoptr(GArray) event_lines = g_array_new (FALSE, TRUE, sizeof (EventLine));
  Import im = { name, NULL, NULL, RC_DAY_INVALID, 0, NULL, NULL, NULL };
  GPtrArray *out;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  g_array_set_clear_func (event_lines, event_line_clear);
  ical_init ();
  im.cal = parse_calendar (data != NULL ? data : "", length, name, event_lines, error);
  if (im.cal == NULL)
    return NULL;
  im.local = g_time_zone_new_local ();
  im.horizon = horizon (im.cal, today != RC_DAY_INVALID ? today : rc_day_today ());
  im.deadline = g_get_monotonic_time () + RC_ICS_EXPANSION_BUDGET_MS * 1000;
  im.entries = g_ptr_array_new ();
  im.by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  if (skip_reasons != NULL)
    {
      im.skips = g_array_new (FALSE, FALSE, sizeof (Skip));
      g_array_set_clear_func (im.skips, skip_clear);
    }
  import_events (&im, event_lines);
  if (im.skips != NULL)
    {
      hand_over_skips (im.skips, skip_reasons);
      g_array_unref (im.skips);
    }

  out = g_ptr_array_new_full (im.entries->len, (GDestroyNotify) rc_entry_free);
  for (guint i = 0; i < im.entries->len; i++)
    if (im.entries->pdata[i] != NULL)
      g_ptr_array_add (out, im.entries->pdata[i]);
  g_ptr_array_unref (im.entries);
  g_hash_table_unref (im.by_uid);
  g_time_zone_unref (im.local);
  icalcomponent_free (im.cal);
  return out;
}

/* ------------------------------------------------------------------ */
/* Files and the store                                                */

/* Entries of FIRST..LAST in CONTEXT, which lists a wider range: one query
 * serves both the export and the advice. Pointers into CONTEXT. */
static GPtrArray *
entries_between (GPtrArray *context,
                 RcDay      first,
                 RcDay      last)
{
  GPtrArray *entries = g_ptr_array_sized_new (context->len);

  for (guint i = 0; i < context->len; i++)
    {
      const RcEntry *e = context->pdata[i];

      if ((first == RC_DAY_INVALID || e->day >= first) &&
          (last == RC_DAY_INVALID || e->day <= last))
        g_ptr_array_add (entries, context->pdata[i]);
    }
  return entries;
}

static gboolean
needs_advice (GPtrArray *entries,
              gboolean   windows)
{
  for (guint i = 0; !windows && i < entries->len; i++)
    if (((RcEntry *) entries->pdata[i])->kind == RC_KIND_MASSAGE)
      return TRUE;
  return windows;
}

static gboolean
write_atomically (const char  *path,
                  const char  *text,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  /* a temporary file renamed over the old one: never half a file */
  if (g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_WRITE, _("Cannot write “%s”: %s"),
               name, local_error->message);
  return FALSE;
}

gboolean
rc_ics_export_file (RcStore     *store,
                    const char  *path,
                    RcDay        first,
                    RcDay        last,
                    gboolean     windows,
                    GError     **error)
{
  g_autoptr(GPtrArray) context = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) advice = NULL;
  g_autofree char *text = NULL;
  RcDay from = first, to = last;

  g_return_val_if_fail (RC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* the advice on a day looks at entries around it (RC_RULES_DAYS_*) */
  if (from != RC_DAY_INVALID)
    from = from > RC_RULES_DAYS_BEFORE ? from - RC_RULES_DAYS_BEFORE : 1;
  if (to != RC_DAY_INVALID)
    to += RC_RULES_DAYS_AFTER;
  context = rc_store_list (store, from, to, error);
  if (context == NULL)
    return FALSE;
  entries = entries_between (context, first, last);
  if (entries->len > 0 && first == RC_DAY_INVALID)
    first = ((RcEntry *) entries->pdata[0])->day;
  if (entries->len > 0 && last == RC_DAY_INVALID)
    last = ((RcEntry *) entries->pdata[entries->len - 1])->day;
  if (needs_advice (entries, windows) && first != RC_DAY_INVALID &&
      last != RC_DAY_INVALID && first <= last)
    advice = rc_rules_advise_range ((const RcEntry * const *) context->pdata, context->len,
                                    first, last, rc_store_get_profile (store),
                                    rc_store_get_week_start (store));

  text = rc_ics_export_string ((const RcEntry * const *) entries->pdata, entries->len,
                               advice != NULL ? (const RcAdvice *) advice->data : NULL,
                               advice != NULL ? advice->len : 0,
                               windows, g_get_real_time () / G_USEC_PER_SEC);
  return write_atomically (path, text, error);
}

static char *
read_capped (const char  *path,
             const char  *name,
             gsize       *length,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  char *data = NULL;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_READ, _("Cannot read “%s”: %s"),
                   name, g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_READ, _("Cannot read “%s”: it is a folder"), name);
      return NULL;
    }
  /* a device or a pipe has no size to check and may never end */
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_READ, _("Cannot read “%s”: not a regular file"), name);
      return NULL;
    }
  /* checked before reading: a huge file is refused, not loaded */
  if (st.st_size > RC_ICS_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64) st.st_size);
      g_autofree char *cap = g_format_size (RC_ICS_MAX_FILE_SIZE);

      g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_TOO_LARGE,
                   _("“%s” is too large to import (%s; at most %s)"), name, size, cap);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, length, &local_error))
    {
      g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_READ, _("Cannot read “%s”: %s"),
                   name, local_error->message);
      return NULL;
    }
  if (*length > RC_ICS_MAX_FILE_SIZE)
    {
      g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_TOO_LARGE,
                   _("“%s” is too large to import"), name);
      g_free (data);
      return NULL;
    }
  return data;
}

/* Takes out of ENTRIES what the store already holds as it is; the others
 * get their stored id, so the comparison and the update see the same row. */
static guint
drop_unchanged (RcStore   *store,
                GPtrArray *entries)
{
  guint unchanged = 0;

  for (guint i = entries->len; i > 0; i--)
    {
      RcEntry *entry = entries->pdata[i - 1];
      g_autoptr(RcEntry) stored = rc_store_get_by_uid (store, entry->uid, NULL);

      if (stored == NULL)
        continue;
      entry->id = stored->id;
      if (rc_entry_equal (stored, entry))
        {
          g_ptr_array_remove_index (entries, i - 1);
          unchanged++;
        }
    }
  return unchanged;
}

gboolean
rc_ics_import_file (RcStore            *store,
                    const char         *path,
                    RcIcsImportResult  *result,
                    GError            **error)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  guint added = 0;
  guint updated = 0;
  guint unchanged;
  gsize length = 0;

  g_return_val_if_fail (RC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  name = g_filename_display_name (path);
  data = read_capped (path, name, &length, error);
  if (data == NULL)
    return FALSE;
  entries = rc_ics_parse (data, length, name, rc_day_today (), reasons, error);
  if (entries == NULL)
    return FALSE;
  unchanged = drop_unchanged (store, entries);
  if (!rc_store_import (store, entries, &added, &updated, error))
    {
      g_prefix_error (error, _("Nothing imported from “%s”: "), name);
      return FALSE;
    }
  result->added = added;
  result->updated = updated;
  result->unchanged = unchanged;
  result->skipped = reasons->len;
  result->skip_reasons = g_steal_pointer (&reasons);
  return TRUE;
}
