/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-ics-export.c - the plan as RFC 5545 iCalendar, folded and escaped by hand. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rc-ics-private.h"

#define FOLD_OCTETS 75
/* The evening before a massage, when the reminder rings. */
#define ALARM_MINUTES_BEFORE_MIDNIGHT (5 * 60)

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
  /* Through UTC, so an hour that a DST change skips is not counted; after
   * RC_ICS_MAX_ZONED_YEAR on the wall clock, as import reads it there (and
   * libical would work out the zone's every change up to that year). */
  if (ex->zone != NULL && start.year <= RC_ICS_MAX_ZONED_YEAR)
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

char *
rc_ics_entry_summary (const RcEntry *entry)
{
  const char *title;

  g_return_val_if_fail (entry != NULL, NULL);

  title = rc_entry_display_title (entry);
  if (entry->minutes == RC_NONE)
    return g_strdup (title);
  /* Translators: an event title: "Long run — 120 min" */
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
minutes_text (int min,
              int max)
{
  if (min == max)
    return g_strdup_printf (_("%d min"), min);
  /* Translators: a range of minutes, "30–45 min" */
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
      const char *pressure = rc_advice_pressure_text (advice);
      g_autofree char *minutes = minutes_text (advice->minutes_min, advice->minutes_max);

      g_string_append_c (text, '\n');
      /* Translators: "Suggested: Post-run massage, pressure moderate to deep, 60 min." */
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
/* Planned is the default and goes unsaid, as other calendars have no status. */
static void
put_status (Export        *ex,
            const RcEntry *entry)
{
  if (entry->status == RC_STATUS_PLANNED)
    return;
  put_text (ex, X_STATUS, rc_status_to_string (entry->status));
  if (entry->done_minutes != RC_NONE)
    put_int (ex, X_DONE_MINUTES, entry->done_minutes);
  if (entry->done_rpe != RC_NONE)
    put_int (ex, X_DONE_RPE, entry->done_rpe);
}

static void
put_entry_event (Export         *ex,
                 const RcEntry  *entry,
                 const RcAdvice *advice)
{
  g_autofree char *summary = rc_ics_entry_summary (entry);
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
  put_status (ex, entry);
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

  g_return_val_if_fail (entries != NULL || n_entries == 0, NULL);
  g_return_val_if_fail (advice != NULL || n_advice == 0, NULL);

  rc_ics_init ();
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
