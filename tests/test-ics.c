/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ics.c - .ics export other calendars accept, and imports from other calendars. */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rc-ics.h"
#include "rc-test-util.h"

/* The "today" of every parse in these tests: recurrences stay deterministic. */
#define TODAY "2026-11-30"

typedef RcTestStoreDir Fixture;

static RcEntry *
entry (const char *iso,
       RcKind      kind,
       const char *time,
       int         minutes,
       int         rpe,
       const char *title,
       const char *notes)
{
  RcEntry *e = rc_entry_new (rc_test_day (iso), kind);

  e->time = time != NULL ? rc_time_from_string (time) : RC_NONE;
  e->minutes = minutes;
  e->rpe = rpe;
  e->title = g_strdup (title != NULL ? title : "");
  e->notes = g_strdup (notes);
  return e;
}

static RcEntry *
massage (const char *iso,
         RcMassage   kind,
         const char *time,
         const char *notes)
{
  RcEntry *e = entry (iso, RC_KIND_MASSAGE, time, 60, RC_NONE, NULL, notes);

  e->massage = kind;
  return e;
}

/* The worked example of rules-spec.md, with times, titles, notes that need
 * escaping, and two massage bookings. */
static GPtrArray *
worked_example (void)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);

  g_ptr_array_add (plan, entry ("2026-12-07", RC_KIND_REST, NULL, RC_NONE, RC_NONE, NULL, NULL));
  g_ptr_array_add (plan, entry ("2026-12-08", RC_KIND_INTERVALS, "18:30", 60, 8, "6 x 800 m", NULL));
  g_ptr_array_add (plan, entry ("2026-12-09", RC_KIND_EASY, "07:00", 45, 3, NULL, NULL));
  g_ptr_array_add (plan, entry ("2026-12-10", RC_KIND_TEMPO, "18:00", 50, 7, NULL, "3 x 10 min; 2 min jog, then home"));
  g_ptr_array_add (plan, entry ("2026-12-11", RC_KIND_REST, NULL, RC_NONE, RC_NONE, NULL, NULL));
  g_ptr_array_add (plan, entry ("2026-12-12", RC_KIND_LONG, "09:00", 120, 6, NULL,
                                "Hilly route, gels at 40/80 min;\nbring water \\ a jacket"));
  g_ptr_array_add (plan, entry ("2026-12-15", RC_KIND_EASY, NULL, 40, 3, NULL, NULL));
  g_ptr_array_add (plan, entry ("2026-12-16", RC_KIND_REST, NULL, RC_NONE, RC_NONE, NULL, NULL));
  g_ptr_array_add (plan, entry ("2026-12-19", RC_KIND_RACE, "09:30", 100, 10, "Half marathon", NULL));
  g_ptr_array_add (plan, massage ("2026-12-13", RC_MASSAGE_PRE_EVENT, NULL, "Light flush only"));
  g_ptr_array_add (plan, massage ("2026-12-21", RC_MASSAGE_POST_RUN, "18:00", NULL));
  for (guint i = 0; i < plan->len; i++)
    {
      RcEntry *e = plan->pdata[i];

      e->uid = g_strdup_printf ("worked-%u@recoverycal", i);
    }
  return plan;
}

static GArray *
advise_example (GPtrArray *plan)
{
  return rc_rules_advise_range ((const RcEntry * const *) plan->pdata, plan->len,
                                rc_test_day ("2026-12-07"), rc_test_day ("2026-12-22"),
                                RC_PROFILE_TYPICAL, G_DATE_MONDAY, RC_NONE);
}

static char *
export_example (GPtrArray *plan,
                GArray    *advice)
{
  return rc_ics_export_string ((const RcEntry * const *) plan->pdata, plan->len,
                               (const RcAdvice *) advice->data, advice->len, TRUE,
                               1796000000);
}

/* ---- the raw bytes ------------------------------------------------------ */

static GPtrArray *
unfold (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) physical = g_strsplit (text, "\r\n", -1);

  for (guint i = 0; physical[i] != NULL; i++)
    {
      if (physical[i][0] == ' ' && lines->len > 0)
        {
          char *joined = g_strconcat (lines->pdata[lines->len - 1], physical[i] + 1, NULL);

          g_free (lines->pdata[lines->len - 1]);
          lines->pdata[lines->len - 1] = joined;
        }
      else if (physical[i][0] != '\0')
        g_ptr_array_add (lines, g_strdup (physical[i]));
    }
  return lines;
}

static void
check_line_endings_and_folding (const char *text)
{
  gsize len = strlen (text);
  const char *p = text;

  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\n')
        g_assert_true (i > 0 && text[i - 1] == '\r');
      if (text[i] == '\r')
        g_assert_true (text[i + 1] == '\n');
    }
  while (*p != '\0')
    {
      const char *eol = strstr (p, "\r\n");
      gsize n = eol - p;

      g_assert_nonnull (eol);
      if (n > 75)
        g_error ("line of %" G_GSIZE_FORMAT " octets: %.*s", n, (int) n, p);
      /* each physical line alone is valid UTF-8: no character was cut */
      g_assert_true (g_utf8_validate_len (p, n, NULL));
      p = eol + 2;
    }
}

static const char *
value_of (const char *line)
{
  const char *colon = strchr (line, ':');

  g_assert_nonnull (colon);
  return colon + 1;
}

static void
check_event (GHashTable *props)
{
  const char *start = g_hash_table_lookup (props, "DTSTART");
  const char *start_line = g_hash_table_lookup (props, "DTSTART-line");
  const char *stamp = g_hash_table_lookup (props, "DTSTAMP");

  g_assert_nonnull (g_hash_table_lookup (props, "UID"));
  g_assert_nonnull (stamp);
  g_assert_true (g_str_has_suffix (stamp, "Z"));
  g_assert_nonnull (start);
  if (g_str_has_prefix (start_line, "DTSTART;VALUE=DATE:"))
    {
      const char *end_line = g_hash_table_lookup (props, "DTEND-line");
      struct icaltimetype s = icaltime_from_string (start);
      struct icaltimetype e;

      g_assert_nonnull (end_line);
      g_assert_true (g_str_has_prefix (end_line, "DTEND;VALUE=DATE:"));
      e = icaltime_from_string (value_of (end_line));
      icaltime_adjust (&s, 1, 0, 0, 0);
      g_assert_cmpint (icaltime_compare_date_only (s, e), ==, 0);
    }
}

static void
collect_tzid_params (const char *line,
                     GHashTable *used)
{
  const char *colon = strchr (line, ':');
  const char *p = line;

  while ((p = strstr (p, ";TZID=")) != NULL && p < colon)
    {
      const char *end = p + strlen (";TZID=");

      while (*end != ':' && *end != ';')
        end++;
      g_hash_table_add (used, g_strndup (p + strlen (";TZID="), end - p - strlen (";TZID=")));
      p = end;
    }
}

/* What another calendar insists on, checked on the bytes themselves. */
static void
check_raw (const char *text,
           guint       expected_events)
{
  g_autoptr(GPtrArray) lines = unfold (text);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) defined = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) props = NULL;
  guint events = 0;
  int depth = 0;

  check_line_endings_and_folding (text);
  g_assert_null (strstr (text, "freeassociation"));
  g_assert_cmpstr (lines->pdata[0], ==, "BEGIN:VCALENDAR");
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];

      collect_tzid_params (line, used);
      if (g_str_has_prefix (line, "TZID:"))
        g_hash_table_add (defined, g_strdup (value_of (line)));
      if (strcmp (line, "BEGIN:VEVENT") == 0)
        {
          props = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          depth = 0;
          continue;
        }
      if (props == NULL)
        continue;
      if (g_str_has_prefix (line, "BEGIN:"))
        depth++;
      else if (g_str_has_prefix (line, "END:VEVENT"))
        {
          check_event (props);
          g_clear_pointer (&props, g_hash_table_unref);
          events++;
        }
      else if (g_str_has_prefix (line, "END:"))
        depth--;
      else if (depth == 0)
        {
          g_autofree char *name = g_strndup (line, strcspn (line, ":;"));

          g_hash_table_insert (props, g_strconcat (name, "-line", NULL), g_strdup (line));
          g_hash_table_insert (props, g_steal_pointer (&name), g_strdup (value_of (line)));
        }
    }
  g_assert_cmpuint (events, ==, expected_events);
  {
    GHashTableIter iter;
    const char *tzid;

    g_hash_table_iter_init (&iter, used);
    while (g_hash_table_iter_next (&iter, (gpointer *) &tzid, NULL))
      {
        if (!g_hash_table_contains (defined, tzid))
          g_error ("TZID=%s has no VTIMEZONE", tzid);
      }
  }
}

/* ---- read back with libical -------------------------------------------- */

static icalcomponent *
find_event (icalcomponent *cal,
            const char    *uid)
{
  for (icalcomponent *c = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (c), uid) == 0)
      return c;
  return NULL;
}

static const char *
x_value (icalcomponent *event,
         const char    *name)
{
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    if (strcmp (icalproperty_get_x_name (p), name) == 0)
      return icalproperty_get_x (p);
  return NULL;
}

static gint64
local_unix (RcDay d,
            int   time)
{
  GDate date;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;

  rc_day_to_gdate (d, &date);
  dt = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                        g_date_get_day (&date), time / 60, time % 60, 0);
  return g_date_time_to_unix (dt);
}

static void
check_times (icalcomponent *cal,
             icalcomponent *event,
             const RcEntry *e)
{
  icalproperty *start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalproperty *end = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  struct icaltimetype s = icalproperty_get_dtstart (start);
  g_autofree char *iso = rc_day_to_iso (e->day);
  g_autofree char *got = g_strdup_printf ("%04d-%02d-%02d", s.year, s.month, s.day);

  g_assert_cmpstr (got, ==, iso);
  if (e->time == RC_NONE)
    {
      g_assert_true (s.is_date);
      g_assert_true (icalproperty_get_dtend (end).is_date);
      return;
    }
  {
    g_autofree char *tzid = rc_ics_local_tzid ();
    icalparameter *param = icalproperty_get_first_parameter (start, ICAL_TZID_PARAMETER);
    icaltimezone *zone;

    g_assert_false (s.is_date);
    if (param == NULL)
      {
        /* a zone libical does not know, or UTC itself: the instant in UTC */
        g_assert_true (g_str_has_prefix (tzid, "Etc/") || strcmp (tzid, "UTC") == 0);
        g_assert_true (icaltime_is_utc (s));
        zone = icaltimezone_get_utc_timezone ();
      }
    else
      {
        g_assert_cmpint (s.hour * 60 + s.minute, ==, e->time);
        /* the plain IANA name, and a VTIMEZONE of that name in the file */
        g_assert_cmpstr (icalparameter_get_tzid (param), ==, tzid);
        zone = icalcomponent_get_timezone (cal, tzid);
        g_assert_nonnull (zone);
      }
    g_assert_cmpint (icaltime_as_timet_with_zone (s, zone), ==, local_unix (e->day, e->time));
    if (e->minutes != RC_NONE)
      g_assert_cmpint (icaltime_as_timet_with_zone (icalproperty_get_dtend (end), zone)
                       - icaltime_as_timet_with_zone (s, zone), ==, e->minutes * 60);
    else
      g_assert_null (end);
  }
}

static void
check_alarm (icalcomponent *event,
             const RcEntry *e)
{
  icalcomponent *alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
  icalproperty *trigger;
  int seconds;

  if (e->kind != RC_KIND_MASSAGE)
    {
      g_assert_null (alarm);
      return;
    }
  g_assert_nonnull (alarm);
  g_assert_cmpint (icalproperty_get_action (icalcomponent_get_first_property (alarm, ICAL_ACTION_PROPERTY)),
                   ==, ICAL_ACTION_DISPLAY);
  g_assert_nonnull (icalcomponent_get_first_property (alarm, ICAL_DESCRIPTION_PROPERTY));
  trigger = icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY);
  seconds = icaldurationtype_as_int (icalproperty_get_trigger (trigger).duration);
  /* the evening before: 19:00 the previous day */
  g_assert_cmpint ((e->time == RC_NONE ? 0 : e->time) * 60 + seconds, ==, -5 * 3600);
}

static void
check_event_fields (icalcomponent *cal,
                    const RcEntry *e,
                    gboolean       with_advice)
{
  icalcomponent *event = find_event (cal, e->uid);
  g_autofree char *summary = NULL;
  const char *description;
  g_autofree char *rpe = g_strdup_printf ("%d", e->rpe);

  g_assert_nonnull (event);
  summary = e->minutes != RC_NONE ? g_strdup_printf ("%s — %d min", rc_entry_display_title (e), e->minutes)
                                  : g_strdup (rc_entry_display_title (e));
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, summary);
  check_times (cal, event, e);
  g_assert_cmpstr (x_value (event, "X-RECOVERYCAL-KIND"), ==, rc_kind_to_string (e->kind));
  g_assert_cmpstr (x_value (event, "X-RECOVERYCAL-RPE"), ==, e->rpe != RC_NONE ? rpe : NULL);
  g_assert_cmpstr (x_value (event, "X-RECOVERYCAL-NOTES"), ==, e->notes);
  g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY));
  g_assert_cmpint (icaltime_is_utc (icalcomponent_get_dtstamp (event)), ==, 1);
  description = icalcomponent_get_description (event);
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, e->kind == RC_KIND_MASSAGE ? rc_massage_label (e->massage)
                                                                    : rc_kind_label (e->kind)));
  if (e->notes != NULL)
    g_assert_nonnull (strstr (description, e->notes));
  if (e->kind == RC_KIND_MASSAGE)
    {
      g_assert_cmpstr (x_value (event, "X-RECOVERYCAL-MASSAGE"), ==, rc_massage_to_string (e->massage));
      if (with_advice)
        g_assert_nonnull (strstr (description, "Massage advice for this day"));
    }
  check_alarm (event, e);
}

static void
check_windows (icalcomponent *cal,
               GArray        *advice)
{
  guint ideal = 0;

  for (guint i = 0; i < advice->len; i++)
    {
      const RcAdvice *a = &g_array_index (advice, RcAdvice, i);
      g_autofree char *iso = rc_day_to_iso (a->day);
      g_autofree char *uid = g_strdup_printf ("ideal-%s@recoverycal", iso);
      icalcomponent *event = find_event (cal, uid);
      g_auto(GStrv) reasons = NULL;

      if (a->verdict != RC_VERDICT_IDEAL)
        {
          g_assert_null (event);
          continue;
        }
      ideal++;
      g_assert_nonnull (event);
      g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Ideal massage day");
      g_assert_cmpint (icalproperty_get_transp (icalcomponent_get_first_property (event, ICAL_TRANSP_PROPERTY)),
                       ==, ICAL_TRANSP_TRANSPARENT);
      g_assert_true (icalcomponent_get_dtstart (event).is_date);
      reasons = rc_advice_reasons (a);
      g_assert_nonnull (reasons[0]);
      g_assert_nonnull (strstr (icalcomponent_get_description (event), reasons[0]));
    }
  /* the worked example has its ideal days on Mon 21 and Tue 22 */
  g_assert_cmpuint (ideal, >=, 1);
}

/* ---- read back with python3-icalendar ---------------------------------- */

static char *
expected_start (const RcEntry *e)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (e->time == RC_NONE)
    return rc_day_to_iso (e->day);
  rc_day_to_gdate (e->day, &date);
  dt = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                        g_date_get_day (&date), e->time / 60, e->time % 60, 0);
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

static GHashTable *
python_read (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "ics-check.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *events;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    return NULL;
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3-icalendar refused the export: %s", err);
  events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **fields = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (fields) != 5)
        {
          g_strfreev (fields);
          continue;
        }
      g_hash_table_insert (events, g_strdup (fields[0]), fields);
    }
  return events;
}

static void
test_export_worked_example (void)
{
  g_autoptr(GPtrArray) plan = worked_example ();
  g_autoptr(GArray) advice = advise_example (plan);
  g_autofree char *text = export_example (plan, advice);
  guint ideal = 0;
  icalcomponent *cal;

  for (guint i = 0; i < advice->len; i++)
    ideal += g_array_index (advice, RcAdvice, i).verdict == RC_VERDICT_IDEAL;
  check_raw (text, plan->len + ideal);
  g_assert_nonnull (strstr (text, "\r\nVERSION:2.0\r\n"));
  g_assert_nonnull (strstr (text, "\r\nCALSCALE:GREGORIAN\r\n"));
  g_assert_nonnull (strstr (text, "\r\nMETHOD:PUBLISH\r\n"));
  g_assert_nonnull (strstr (text, "\r\nPRODID:-//RecoveryCal//"));
  g_assert_nonnull (strstr (text, "\r\nX-WR-CALNAME:"));
  /* the zone as TZ names it, not libical's /freeassociation... form */
  if (g_strcmp0 (g_getenv ("TZ"), "Europe/London") == 0)
    g_assert_nonnull (strstr (text, "\r\nDTSTART;TZID=Europe/London:20261208T183000\r\n"));
  /* text escaping of , ; \ and newline */
  g_assert_nonnull (strstr (text, "gels at 40/80 min\\;\\nbring water \\\\ a jacket"));

  cal = icalcomponent_new_from_string (text);
  g_assert_nonnull (cal);
  for (guint i = 0; i < plan->len; i++)
    check_event_fields (cal, plan->pdata[i], TRUE);
  check_windows (cal, advice);
  icalcomponent_free (cal);
}

static void
test_export_python (void)
{
  g_autoptr(GPtrArray) plan = worked_example ();
  g_autoptr(GArray) advice = advise_example (plan);
  g_autofree char *text = export_example (plan, advice);
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) events = NULL;
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("rc-ics-XXXXXX.ics", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  events = python_read (path);
  g_remove (path);
  if (events == NULL)
    {
      g_test_skip ("python3-icalendar is not installed");
      return;
    }
  for (guint i = 0; i < plan->len; i++)
    {
      const RcEntry *e = plan->pdata[i];
      char **fields = g_hash_table_lookup (events, e->uid);
      g_autofree char *start = expected_start (e);

      g_assert_nonnull (fields);
      g_assert_cmpstr (fields[1], ==, start);
      g_assert_cmpstr (fields[4], ==, rc_kind_to_string (e->kind));
      if (e->time == RC_NONE)
        {
          g_autofree char *next = rc_day_to_iso (e->day + 1);

          g_assert_cmpstr (fields[2], ==, next);
        }
    }
  for (guint i = 0; i < advice->len; i++)
    {
      const RcAdvice *a = &g_array_index (advice, RcAdvice, i);
      g_autofree char *iso = rc_day_to_iso (a->day);
      g_autofree char *uid = g_strdup_printf ("ideal-%s@recoverycal", iso);
      char **fields = g_hash_table_lookup (events, uid);

      if (a->verdict != RC_VERDICT_IDEAL)
        continue;
      g_assert_nonnull (fields);
      g_assert_cmpstr (fields[1], ==, iso);
      g_assert_cmpstr (fields[3], ==, "TRANSPARENT");
    }
}

static void
test_export_plain_tzid (void)
{
  g_autoptr(GPtrArray) plan = worked_example ();
  g_autofree char *text = rc_ics_export_string ((const RcEntry * const *) plan->pdata, plan->len,
                                                NULL, 0, FALSE, 1796000000);
  g_autofree char *tzid = rc_ics_local_tzid ();
  g_autofree char *param = g_strdup_printf ("DTSTART;TZID=%s:20261208T183000\r\n", tzid);
  g_autofree char *vtimezone = g_strdup_printf ("BEGIN:VTIMEZONE\r\nTZID:%s\r\n", tzid);

  if (g_strcmp0 (g_getenv ("TZ"), "Europe/London") == 0)
    g_assert_cmpstr (tzid, ==, "Europe/London");
  if (g_strcmp0 (g_getenv ("TZ"), "Australia/Sydney") == 0)
    g_assert_cmpstr (tzid, ==, "Australia/Sydney");
  if (g_str_has_prefix (tzid, "Etc/") || strcmp (tzid, "UTC") == 0)
    {
      /* UTC needs no VTIMEZONE: times are written with Z */
      g_assert_nonnull (strstr (text, "DTSTART:20261208T183000Z\r\n"));
      g_assert_null (strstr (text, "TZID"));
      return;
    }
  g_assert_nonnull (strstr (text, param));
  g_assert_nonnull (strstr (text, vtimezone));
  g_assert_null (strstr (text, "freeassociation"));
  /* without advice there is no advice text and no window */
  g_assert_null (strstr (text, "Ideal massage day"));
  g_assert_null (strstr (text, "Massage advice"));
}

static void
test_export_folding (void)
{
  g_autoptr(RcEntry) e = entry ("2027-02-28", RC_KIND_LONG, "06:15", 150, 6, NULL, NULL);
  GString *title = g_string_new (NULL);
  g_autofree char *text = NULL;
  icalcomponent *cal;

  /* 2-, 3- and 4-octet characters at every offset of the fold */
  for (int i = 0; i < 30; i++)
    g_string_append (title, i % 3 == 0 ? "é" : i % 3 == 1 ? "—" : "🏃");
  g_free (e->title);
  e->title = g_string_free (title, FALSE);
  e->notes = g_strdup ("Ünïcødé; commas, semicolons; and a backslash \\ in a very long note that must fold "
                       "over several lines without breaking any character: ñ ø å ß 東京 マラソン 🏁");
  e->uid = g_strdup ("fold@recoverycal");
  text = rc_ics_export_string ((const RcEntry * const *) &e, 1, NULL, 0, FALSE, 1796000000);
  check_raw (text, 1);
  cal = icalcomponent_new_from_string (text);
  g_assert_cmpstr (x_value (find_event (cal, e->uid), "X-RECOVERYCAL-TITLE"), ==, e->title);
  g_assert_cmpstr (x_value (find_event (cal, e->uid), "X-RECOVERYCAL-NOTES"), ==, e->notes);
  icalcomponent_free (cal);
}

/* ---- import ------------------------------------------------------------- */

static GPtrArray *
parse_data (const char *data,
            gsize       length,
            GPtrArray  *skips)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = rc_ics_parse (data, length, "test.ics", rc_test_day (TODAY), skips, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static GPtrArray *
parse_fixture (const char *name,
               GPtrArray  *skips)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return parse_data (data, length, skips);
}

static const RcEntry *
find_uid (GPtrArray  *entries,
          const char *uid)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (((RcEntry *) entries->pdata[i])->uid, uid) == 0)
      return entries->pdata[i];
  return NULL;
}

/* UTC_ISO in the local zone, by GLib rather than libical */
static void
utc_to_local (const char *utc_iso,
              RcDay      *d,
              int        *time)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (utc_iso, utc);
  g_autoptr(GDateTime) local = g_date_time_to_local (dt);

  *d = rc_day_from_ymd (g_date_time_get_year (local), g_date_time_get_month (local),
                        g_date_time_get_day_of_month (local));
  *time = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

static void
assert_entry (GPtrArray  *entries,
              const char *uid,
              const char *iso_or_utc,
              RcKind      kind,
              int         minutes,
              const char *title)
{
  const RcEntry *e = find_uid (entries, uid);
  RcDay d;
  int time = RC_NONE;

  if (e == NULL)
    g_error ("no entry with uid %s", uid);
  if (strchr (iso_or_utc, 'T') != NULL)
    utc_to_local (iso_or_utc, &d, &time);
  else
    d = rc_test_day (iso_or_utc);
  g_assert_cmpuint (e->day, ==, d);
  g_assert_cmpint (e->time, ==, time);
  g_assert_cmpint (e->kind, ==, kind);
  g_assert_cmpint (e->minutes, ==, minutes);
  g_assert_cmpstr (e->title, ==, title);
}

static gboolean
reasons_mention (GPtrArray  *skips,
                 const char *text)
{
  for (guint i = 0; i < skips->len; i++)
    if (strstr (skips->pdata[i], text) != NULL)
      return TRUE;
  return FALSE;
}

#define GOOGLE_SERIES "1a2b3c4d5e6f7g8h9i0j@google.com"

static void
test_import_google (void)
{
  g_autoptr(GPtrArray) skips = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = parse_fixture ("google.ics", skips);
  const RcEntry *late = find_uid (entries, "5k6l7m8n9o0p@google.com");
  const char *tz = g_getenv ("TZ");

  /* weekly x6 from Mon 7 Dec: 21 Dec excluded, 28 Dec cancelled, 14 Dec moved */
  assert_entry (entries, GOOGLE_SERIES "#20261207T073000Z", "2026-12-07T07:30:00Z", RC_KIND_EASY, 45, "Easy run");
  assert_entry (entries, GOOGLE_SERIES "#20261214T073000Z", "2026-12-15T18:00:00Z", RC_KIND_EASY, 45, "Easy run (moved)");
  assert_entry (entries, GOOGLE_SERIES "#20270104T073000Z", "2027-01-04T07:30:00Z", RC_KIND_EASY, 45, "Easy run");
  assert_entry (entries, GOOGLE_SERIES "#20270111T073000Z", "2027-01-11T07:30:00Z", RC_KIND_EASY, 45, "Easy run");
  g_assert_null (find_uid (entries, GOOGLE_SERIES "#20261221T073000Z"));
  g_assert_null (find_uid (entries, GOOGLE_SERIES "#20261228T073000Z"));
  assert_entry (entries, "5k6l7m8n9o0p@google.com", "2026-12-10T23:30:00Z", RC_KIND_TEMPO, 60, "Threshold session");
  assert_entry (entries, "q1r2s3t4u5v6@google.com", "2026-12-19", RC_KIND_RACE, RC_NONE, "parkrun 5K");
  /* a physio appointment names no training (cli.md's table): not invented */
  g_assert_null (find_uid (entries, "a9b8c7d6@google.com"));
  g_assert_null (find_uid (entries, "w7x8y9z0@google.com"));
  g_assert_cmpuint (entries->len, ==, 6);
  g_assert_cmpstr (find_uid (entries, GOOGLE_SERIES "#20261207T073000Z")->notes, ==, "Conversational pace, flat route.");

  /* the 23:30 UTC session: the same day in London, the next in Sydney */
  if (g_strcmp0 (tz, "Australia/Sydney") == 0)
    {
      g_assert_cmpuint (late->day, ==, rc_test_day ("2026-12-11"));
      g_assert_cmpint (late->time, ==, 10 * 60 + 30);
    }
  else if (g_strcmp0 (tz, "Europe/London") == 0)
    {
      g_assert_cmpuint (late->day, ==, rc_test_day ("2026-12-10"));
      g_assert_cmpint (late->time, ==, 23 * 60 + 30);
    }

  g_assert_cmpuint (skips->len, ==, 3);
  g_assert_true (reasons_mention (skips, "cancelled"));
  g_assert_true (reasons_mention (skips, "Track 6x800"));
  g_assert_true (reasons_mention (skips, "“Physio appointment”: not a training session"));
}

static void
test_import_outlook (void)
{
  g_autoptr(GPtrArray) skips = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = parse_fixture ("outlook.ics", skips);
  const char *series = "040000008200E00074C5B7101A82E00800000000D0B5C2E3F4A5DA01000000000000000"
                       "010000000A1B2C3D4E5F60718293A4B5C6D7E8F9";

  /* Tuesdays 18:30 Central European time, across the change to summer time
   * on 28 March 2027; 30 March excluded by an EXDATE in the same zone */
  for (guint i = 0; i < 4; i++)
    {
      const char *utc[] = { "2027-03-16T17:30:00Z", "2027-03-23T17:30:00Z",
                            "2027-04-06T16:30:00Z", "2027-04-13T16:30:00Z" };
      const char *key[] = { "20270316T173000Z", "20270323T173000Z",
                            "20270406T163000Z", "20270413T163000Z" };
      g_autofree char *uid = g_strconcat (series, "#", key[i], NULL);

      assert_entry (entries, uid, utc[i], RC_KIND_INTERVALS, 60, "Intervals on the track");
    }
  g_assert_cmpstr (((RcEntry *) entries->pdata[0])->notes, ==, "6 x 800 m at 5k pace, 90 s jog recoveries");
  assert_entry (entries, "040000008200E00074C5B7101A82E00800000000E1C6D3F405B6DA01000000000000000"
                "010000000B2C3D4E5F60718293A4B5C6D7E8F9A0", "2027-03-20T09:00:00Z",
                RC_KIND_MASSAGE, 60, "Sports Massage");
  assert_entry (entries, "040000008200E00074C5B7101A82E00800000000F2D7E4051607DA01000000000000000"
                "010000000C3D4E5F60718293A4B5C6D7E8F9A0B1", "2027-04-11", RC_KIND_RACE, RC_NONE,
                "Rotterdam Marathon");
  g_assert_cmpuint (entries->len, ==, 6);
  g_assert_cmpuint (skips->len, ==, 0);
}

static void
test_import_thunderbird (void)
{
  g_autoptr(GPtrArray) skips = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = parse_fixture ("thunderbird.ics", skips);

  assert_entry (entries, "5c1f0c57-5b3e-4d6e-9a0e-1f2a3b4c5d6e", "2026-12-13T08:00:00Z",
                RC_KIND_LONG, 120, "Long run by the river");
  /* no word in the summary: the category says yoga */
  assert_entry (entries, "8d2e1f60-6c4f-4e7f-8b1f-2a3b4c5d6e7f", "2026-12-14T18:00:00Z",
                RC_KIND_CROSS, 60, "Evening class");
  /* nothing to go by: skipped, not made cross-training */
  g_assert_null (find_uid (entries, "9e3f2071-7d50-4f80-9c20-3b4c5d6e7f80"));
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpuint (skips->len, ==, 1);
  g_assert_true (reasons_mention (skips, "“Book club”: not a training session"));
}

static void
test_import_all_day (void)
{
  g_autoptr(GPtrArray) skips = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = parse_fixture ("allday.ics", skips);
  const struct {
    const char *date;
    RcKind      kind;
    const char *title;
  } plan[] = {
    { "2027-01-04", RC_KIND_REST, "Rest day" },
    { "2027-01-05", RC_KIND_INTERVALS, "Hill reps: 8 x 60 s" },
    { "2027-01-06", RC_KIND_EASY, "EASY 40 min" },
    { "2027-01-07", RC_KIND_TEMPO, "Tempo 8 km" },
    { "2027-01-08", RC_KIND_REST, "Day off" },
    { "2027-01-09", RC_KIND_CROSS, "Swim 2 km" },
    { "2027-01-10", RC_KIND_LONG, "Long Run 18 km" },
    { "2027-01-11", RC_KIND_EASY, "Recovery jog" },
    { "2027-01-16", RC_KIND_RACE, "10K race" },
    { "2027-01-17", RC_KIND_RACE, "Half Marathon" },
  };

  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (plan));
  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      const RcEntry *e = entries->pdata[i];

      g_assert_cmpuint (e->day, ==, rc_test_day (plan[i].date));
      g_assert_cmpint (e->time, ==, RC_NONE);
      g_assert_cmpint (e->kind, ==, plan[i].kind);
      g_assert_cmpstr (e->title, ==, plan[i].title);
      g_assert_nonnull (e->uid);
    }
  g_assert_cmpstr (((RcEntry *) entries->pdata[2])->notes, ==, "Keep it conversational.");
  /* the to-do is not an event, and is no skip either */
  g_assert_cmpuint (skips->len, ==, 0);
}

static char *
with_crlf (const char *lf)
{
  g_auto(GStrv) lines = g_strsplit (lf, "\n", -1);

  return g_strjoinv ("\r\n", lines);
}

static void
test_import_line_endings (void)
{
  const char *names[] = { "allday.ics", "thunderbird.ics" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", names[n], NULL);
      g_autofree char *lf = NULL;
      g_autofree char *crlf = NULL;
      g_autoptr(GPtrArray) a = NULL;
      g_autoptr(GPtrArray) b = NULL;

      g_file_get_contents (path, &lf, NULL, NULL);
      g_assert_null (strchr (lf, '\r'));
      crlf = with_crlf (lf);
      a = parse_data (lf, strlen (lf), NULL);
      b = parse_data (crlf, strlen (crlf), NULL);
      g_assert_cmpuint (a->len, ==, b->len);
      for (guint i = 0; i < a->len; i++)
        g_assert_true (rc_entry_equal (a->pdata[i], b->pdata[i]));
    }
}

static void
test_kind_words (void)
{
  const struct {
    const char *text;
    RcKind      kind;
    RcMassage   massage;
  } table[] = {
    { "Long run", RC_KIND_LONG, RC_MASSAGE_NONE },
    { "LONG RUN 30k", RC_KIND_LONG, RC_MASSAGE_NONE },
    { "Tempo 8 km", RC_KIND_TEMPO, RC_MASSAGE_NONE },
    /* the first row of the table that matches wins */
    { "Tempo 10k", RC_KIND_RACE, RC_MASSAGE_NONE },
    { "Threshold intervals", RC_KIND_INTERVALS, RC_MASSAGE_NONE },
    { "Progression run", RC_KIND_TEMPO, RC_MASSAGE_NONE },
    { "Fartlek", RC_KIND_INTERVALS, RC_MASSAGE_NONE },
    { "Track: 12x400", RC_KIND_INTERVALS, RC_MASSAGE_NONE },
    { "6x800m", RC_KIND_INTERVALS, RC_MASSAGE_NONE },
    { "Club 6 x 800 m", RC_KIND_INTERVALS, RC_MASSAGE_NONE },
    { "10×400", RC_KIND_INTERVALS, RC_MASSAGE_NONE },
    { "Morning run with club", RC_KIND_EASY, RC_MASSAGE_NONE },
    { "Shakeout", RC_KIND_EASY, RC_MASSAGE_NONE },
    { "Saturday parkrun", RC_KIND_RACE, RC_MASSAGE_NONE },
    { "Parkrun", RC_KIND_RACE, RC_MASSAGE_NONE },
    { "Valencia Marathon", RC_KIND_RACE, RC_MASSAGE_NONE },
    { "half marathon", RC_KIND_RACE, RC_MASSAGE_NONE },
    { "5K", RC_KIND_RACE, RC_MASSAGE_NONE },
    { "Race day!", RC_KIND_RACE, RC_MASSAGE_NONE },
    { "Rest", RC_KIND_REST, RC_MASSAGE_NONE },
    { "Day off", RC_KIND_REST, RC_MASSAGE_NONE },
    { "easy jog", RC_KIND_EASY, RC_MASSAGE_NONE },
    { "Recovery run", RC_KIND_EASY, RC_MASSAGE_NONE },
    /* a massage named: a massage appointment, whatever else the summary says */
    { "Recovery massage", RC_KIND_MASSAGE, RC_MASSAGE_MAINTENANCE },
    { "Pre-race massage", RC_KIND_MASSAGE, RC_MASSAGE_PRE_EVENT },
    { "Pre-event sports massage", RC_KIND_MASSAGE, RC_MASSAGE_PRE_EVENT },
    { "Post-run massage", RC_KIND_MASSAGE, RC_MASSAGE_POST_RUN },
    { "Massage after the marathon (post-race)", RC_KIND_MASSAGE, RC_MASSAGE_POST_RUN },
    { "Sportmassage", RC_KIND_MASSAGE, RC_MASSAGE_MAINTENANCE },
    { "Bike commute", RC_KIND_CROSS, RC_MASSAGE_NONE },
    /* German */
    { "Ruhetag", RC_KIND_REST, RC_MASSAGE_NONE },
    { "Pause", RC_KIND_REST, RC_MASSAGE_NONE },
    { "Halbmarathon Berlin", RC_KIND_RACE, RC_MASSAGE_NONE },
    { "Wettkampf", RC_KIND_RACE, RC_MASSAGE_NONE },
    { "Bergläufe", RC_KIND_INTERVALS, RC_MASSAGE_NONE },
    { "Intervalle auf der Bahn", RC_KIND_INTERVALS, RC_MASSAGE_NONE },
    { "Tempodauerlauf", RC_KIND_TEMPO, RC_MASSAGE_NONE },
    { "Langer Lauf", RC_KIND_LONG, RC_MASSAGE_NONE },
    { "Lockerer Lauf", RC_KIND_EASY, RC_MASSAGE_NONE },
    { "Regenerationslauf", RC_KIND_EASY, RC_MASSAGE_NONE },
    { "RADFAHREN", RC_KIND_CROSS, RC_MASSAGE_NONE },
    { "Kraft", RC_KIND_CROSS, RC_MASSAGE_NONE },
    { "Gym: legs", RC_KIND_CROSS, RC_MASSAGE_NONE },
    { "Yoga", RC_KIND_CROSS, RC_MASSAGE_NONE },
    { "Swim", RC_KIND_CROSS, RC_MASSAGE_NONE },
  };
  RcKind kind;
  RcMassage m;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      if (!rc_ics_kind_from_words (table[i].text, &kind, &m))
        g_error ("no kind for “%s”", table[i].text);
      if (kind != table[i].kind || m != table[i].massage)
        g_error ("“%s”: kind %s/%s, expected %s/%s", table[i].text, rc_kind_to_string (kind),
                 rc_massage_to_string (m), rc_kind_to_string (table[i].kind),
                 rc_massage_to_string (table[i].massage));
    }
  /* words, not substrings */
  g_assert_false (rc_ics_kind_from_words ("Offsite meeting", &kind, &m));
  g_assert_false (rc_ics_kind_from_words ("Restaurant", &kind, &m));
  g_assert_false (rc_ics_kind_from_words ("Dentist", &kind, &m));
  g_assert_false (rc_ics_kind_from_words ("Team meeting", &kind, &m));
  g_assert_false (rc_ics_kind_from_words ("Physio", &kind, &m));
  g_assert_false (rc_ics_kind_from_words ("Speed dating", &kind, &m));
  g_assert_false (rc_ics_kind_from_words ("Kaffeepause", &kind, &m));
  g_assert_false (rc_ics_kind_from_words ("Screen 1920", &kind, &m));
}

/* ---- the file level: round trip, idempotence, bad input ---------------- */

static char *
temp_path (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) plan = worked_example ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(RcStore) empty = rc_test_open_store (f->dir, "empty.db");
  g_autofree char *path = temp_path (f, "plan.ics");
  g_auto(RcIcsImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < plan->len; i++)
    {
      rc_store_add (f->store, plan->pdata[i], &error);
      g_assert_no_error (error);
    }
  rc_ics_export_file (f->store, path, RC_DAY_INVALID, RC_DAY_INVALID, TRUE, &error);
  g_assert_no_error (error);
  rc_ics_import_file (empty, path, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, plan->len);
  g_assert_cmpuint (result.updated, ==, 0);
  /* the ideal-day markers are advice derived from the plan: left out, and
   * said so in one line */
  g_assert_cmpuint (result.windows, >, 0);
  g_assert_cmpuint (result.skipped, ==, result.windows);
  g_assert_cmpuint (result.not_training, ==, 0);
  g_assert_cmpuint (result.skip_reasons->len, ==, 1);
  g_assert_true (reasons_mention (result.skip_reasons, "advice exported by RecoveryCal"));

  stored = rc_test_list_all (f->store);
  back = rc_test_list_all (empty);
  g_assert_cmpuint (back->len, ==, stored->len);
  for (guint i = 0; i < stored->len; i++)
    {
      const RcEntry *a = stored->pdata[i];
      const RcEntry *b = back->pdata[i];

      g_assert_cmpstr (a->uid, ==, b->uid);
      g_assert_cmpuint (a->day, ==, b->day);
      g_assert_cmpint (a->time, ==, b->time);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpint (a->massage, ==, b->massage);
      g_assert_cmpint (a->minutes, ==, b->minutes);
      g_assert_cmpint (a->rpe, ==, b->rpe);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpstr (a->notes, ==, b->notes);
    }

  /* a second import of the same file changes nothing */
  rc_ics_import_result_clear (&result);
  rc_ics_import_file (empty, path, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, plan->len);
}

/* load.md: status, actual minutes and RPE go out in our own X- properties
 * and come back; changing a status in the file is an update on import. */
static void
test_status_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(RcStore) empty = rc_test_open_store (f->dir, "empty.db");
  g_autofree char *path = temp_path (f, "status.ics");
  g_autofree char *text = NULL;
  g_auto(RcIcsImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  RcEntry *e;

  e = entry ("2026-11-02", RC_KIND_EASY, "07:00", 45, 3, NULL, NULL);
  e->status = RC_STATUS_DONE;
  e->done_minutes = 40;
  e->done_rpe = 4;
  g_ptr_array_add (plan, e);
  e = entry ("2026-11-03", RC_KIND_LONG, NULL, 100, RC_NONE, NULL, NULL);
  e->status = RC_STATUS_DONE;
  e->done_minutes = 110;
  g_ptr_array_add (plan, e);
  e = entry ("2026-11-04", RC_KIND_TEMPO, NULL, 50, 7, NULL, NULL);
  e->status = RC_STATUS_SKIPPED;
  g_ptr_array_add (plan, e);
  g_ptr_array_add (plan, entry ("2026-11-05", RC_KIND_INTERVALS, NULL, 60, 8, NULL, NULL));
  g_ptr_array_add (plan, massage ("2026-11-06", RC_MASSAGE_MAINTENANCE, NULL, NULL));
  for (guint i = 0; i < plan->len; i++)
    {
      rc_store_add (f->store, plan->pdata[i], &error);
      g_assert_no_error (error);
    }

  rc_ics_export_file (f->store, path, RC_DAY_INVALID, RC_DAY_INVALID, FALSE, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "X-RECOVERYCAL-STATUS:done\r\n"));
  g_assert_nonnull (strstr (text, "X-RECOVERYCAL-DONE-MINUTES:40\r\n"));
  g_assert_nonnull (strstr (text, "X-RECOVERYCAL-DONE-RPE:4\r\n"));
  g_assert_nonnull (strstr (text, "X-RECOVERYCAL-STATUS:skipped\r\n"));
  /* planned is the default and goes unsaid */
  g_assert_null (strstr (text, "X-RECOVERYCAL-STATUS:planned"));

  rc_ics_import_file (empty, path, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, plan->len);
  back = rc_test_list_all (empty);
  g_assert_cmpuint (back->len, ==, plan->len);
  for (guint i = 0; i < plan->len; i++)
    {
      const RcEntry *a = plan->pdata[i];
      const RcEntry *b = back->pdata[i];

      g_assert_cmpstr (a->uid, ==, b->uid);
      g_assert_cmpint (a->status, ==, b->status);
      g_assert_cmpint (a->done_minutes, ==, b->done_minutes);
      g_assert_cmpint (a->done_rpe, ==, b->done_rpe);
    }

  /* skipped back to done in the file: an update, not "unchanged" */
  {
    g_autoptr(GString) s = g_string_new (text);

    g_string_replace (s, "X-RECOVERYCAL-STATUS:skipped\r\n",
                      "X-RECOVERYCAL-STATUS:done\r\nX-RECOVERYCAL-DONE-MINUTES:45\r\n", 1);
    g_assert_true (g_file_set_contents (path, s->str, -1, &error));
  }
  rc_ics_import_result_clear (&result);
  rc_ics_import_file (empty, path, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.unchanged, ==, plan->len - 1);
  g_clear_pointer (&back, g_ptr_array_unref);
  back = rc_test_list_all (empty);
  e = back->pdata[2];
  g_assert_cmpint (e->status, ==, RC_STATUS_DONE);
  g_assert_cmpint (e->done_minutes, ==, 45);
  g_assert_cmpint (e->done_rpe, ==, RC_NONE);
}

/* What the store would refuse stays planned: a done massage, an unknown
 * status, actual values out of range or on a session not done. */
static void
test_status_import_hostile (void)
{
  static const char ics[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:m@x\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261102\r\n"
    "SUMMARY:Massage\r\nX-RECOVERYCAL-KIND:massage\r\nX-RECOVERYCAL-MASSAGE:maintenance\r\n"
    "X-RECOVERYCAL-STATUS:done\r\nX-RECOVERYCAL-DONE-MINUTES:60\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261103\r\n"
    "SUMMARY:Run\r\nX-RECOVERYCAL-KIND:easy\r\nX-RECOVERYCAL-STATUS:finished\r\n"
    "X-RECOVERYCAL-DONE-MINUTES:30\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:b@x\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261104\r\n"
    "SUMMARY:Run\r\nX-RECOVERYCAL-KIND:easy\r\nX-RECOVERYCAL-STATUS:done\r\n"
    "X-RECOVERYCAL-DONE-MINUTES:0\r\nX-RECOVERYCAL-DONE-RPE:11\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:c@x\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261105\r\n"
    "SUMMARY:Run\r\nX-RECOVERYCAL-KIND:easy\r\nX-RECOVERYCAL-STATUS:skipped\r\n"
    "X-RECOVERYCAL-DONE-RPE:5\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skips = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = rc_ics_parse (ics, sizeof ics - 1, "hostile.ics",
                                               rc_test_day ("2026-11-01"), skips, &error);
  const RcEntry *e;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  e = entries->pdata[0];
  g_assert_cmpint (e->kind, ==, RC_KIND_MASSAGE);
  g_assert_cmpint (e->status, ==, RC_STATUS_PLANNED);
  g_assert_cmpint (e->done_minutes, ==, RC_NONE);
  e = entries->pdata[1];
  g_assert_cmpint (e->status, ==, RC_STATUS_PLANNED);
  g_assert_cmpint (e->done_minutes, ==, RC_NONE);
  e = entries->pdata[2];
  g_assert_cmpint (e->status, ==, RC_STATUS_DONE);
  g_assert_cmpint (e->done_minutes, ==, RC_NONE);
  g_assert_cmpint (e->done_rpe, ==, RC_NONE);
  e = entries->pdata[3];
  g_assert_cmpint (e->status, ==, RC_STATUS_SKIPPED);
  g_assert_cmpint (e->done_rpe, ==, RC_NONE);
}

static void
test_export_range (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) plan = worked_example ();
  g_autofree char *path = temp_path (f, "week.ics");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < plan->len; i++)
    rc_store_add (f->store, plan->pdata[i], &error);
  g_assert_no_error (error);
  rc_ics_export_file (f->store, path, rc_test_day ("2026-12-14"), rc_test_day ("2026-12-20"), FALSE, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  check_raw (text, 3);
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20261215\r\n"));
  g_assert_null (strstr (text, "20261208"));
  g_assert_null (strstr (text, "Ideal massage day"));
}

/* The plan's own database files are neither a calendar to read nor a
 * place to write one: refused by name, the plan and its files unchanged. */
static void
test_own_files_refused (Fixture       *f,
                        gconstpointer  data)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  const char *db = rc_store_get_path (f->store);
  g_autoptr(RcEntry) easy = entry ("2026-12-08", RC_KIND_EASY, NULL, 30, 3, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;

  rc_store_add (f->store, easy, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);
      g_autofree char *before = NULL;
      g_autofree char *now = NULL;
      gsize n_before = 0, n_now = 0;
      g_auto(RcIcsImportResult) result = { 0 };

      g_file_get_contents (db, &before, &n_before, NULL);
      g_assert_false (rc_ics_export_file (f->store, path, RC_DAY_INVALID, RC_DAY_INVALID, TRUE, &error));
      g_assert_error (error, RC_ICS_ERROR, RC_ICS_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "own database"));
      g_clear_error (&error);
      g_assert_false (rc_ics_import_file (f->store, path, &result, &error));
      g_assert_error (error, RC_ICS_ERROR, RC_ICS_ERROR_READ);
      g_clear_error (&error);
      g_file_get_contents (db, &now, &n_now, NULL);
      g_assert_cmpmem (before, n_before, now, n_now);
    }
  after = rc_store_list (f->store, RC_DAY_INVALID, RC_DAY_INVALID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  /* a file beside it with a longer name is anybody's */
  g_assert_false (rc_store_is_own_file (db, "plan.db-shm.ics"));
}

static void
test_export_atomic (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *old = temp_path (f, "old.ics");
  g_autofree char *folder = temp_path (f, "folder.ics");
  g_autofree char *missing = temp_path (f, "no/such/dir/plan.ics");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(RcEntry) easy = entry ("2026-12-08", RC_KIND_EASY, NULL, 30, 3, NULL, NULL);
  const char *name;
  guint files = 0;

  g_file_set_contents (old, "OLD", -1, &error);
  g_assert_no_error (error);
  rc_store_add (f->store, easy, &error);
  g_assert_no_error (error);

  /* the target cannot be replaced: an error, and no temporary left over */
  g_mkdir (folder, 0700);
  g_assert_false (rc_ics_export_file (f->store, folder, RC_DAY_INVALID, RC_DAY_INVALID, FALSE, &error));
  g_assert_error (error, RC_ICS_ERROR, RC_ICS_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "folder.ics"));
  g_clear_error (&error);
  g_assert_false (rc_ics_export_file (f->store, missing, RC_DAY_INVALID, RC_DAY_INVALID, FALSE, &error));
  g_assert_error (error, RC_ICS_ERROR, RC_ICS_ERROR_WRITE);
  g_clear_error (&error);
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_null (strstr (name, ".ics."));   /* a temporary of the export */
      files += g_str_has_suffix (name, ".ics");
    }
  g_assert_cmpuint (files, ==, 2);   /* old.ics, folder.ics */

  /* a good export replaces the old file whole */
  rc_ics_export_file (f->store, old, RC_DAY_INVALID, RC_DAY_INVALID, FALSE, &error);
  g_assert_no_error (error);
  g_file_get_contents (old, &text, NULL, &error);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
}

static void
import_ok (RcStore           *store,
           const char        *path,
           RcIcsImportResult *result)
{
  g_autoptr(GError) error = NULL;

  rc_ics_import_result_clear (result);
  rc_ics_import_file (store, path, result, &error);
  g_assert_no_error (error);
}

static void
test_import_idempotent (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *google = g_test_build_filename (G_TEST_DIST, "data", "google.ics", NULL);
  g_autofree char *changed = temp_path (f, "changed.ics");
  g_autofree char *text = NULL;
  g_autofree char *described = NULL;
  g_autoptr(GString) edit = NULL;
  g_auto(RcIcsImportResult) result = { 0 };
  g_autoptr(GPtrArray) all = NULL;
  const RcEntry *moved;

  import_ok (f->store, google, &result);
  g_assert_cmpuint (result.added, ==, 6);
  g_assert_cmpuint (result.skipped, ==, 3);
  described = rc_ics_import_result_describe (&result);
  g_assert_cmpstr (described, ==, "Added: 6, updated: 0, unchanged: 0, skipped: 3 (not training sessions: 1, ideal massage days: 0, other: 2)");

  import_ok (f->store, google, &result);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 6);
  all = rc_test_list_all (f->store);
  g_assert_cmpuint (all->len, ==, 6);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* the coach moves the threshold session an hour and renames it */
  g_file_get_contents (google, &text, NULL, NULL);
  edit = g_string_new (text);
  g_string_replace (edit, "SUMMARY:Threshold session", "SUMMARY:Threshold session 2 x 15", 1);
  g_string_replace (edit, "DTSTART:20261210T233000Z", "DTSTART:20261210T223000Z", 1);
  g_file_set_contents (changed, edit->str, -1, NULL);
  import_ok (f->store, changed, &result);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.unchanged, ==, 5);
  all = rc_test_list_all (f->store);
  g_assert_cmpuint (all->len, ==, 6);
  moved = find_uid (all, "5k6l7m8n9o0p@google.com");
  g_assert_cmpstr (moved->title, ==, "Threshold session 2 x 15");
  g_assert_cmpint (moved->minutes, ==, 120);
}

static void
assert_store_unchanged (RcStore   *store,
                        GPtrArray *before)
{
  g_autoptr(GPtrArray) now = rc_test_list_all (store);

  g_assert_cmpuint (now->len, ==, before->len);
  for (guint i = 0; i < now->len; i++)
    g_assert_true (rc_entry_equal (now->pdata[i], before->pdata[i]));
}

static void
assert_import_fails (Fixture    *f,
                     GPtrArray  *before,
                     const char *path,
                     int         code,
                     const char *expected)
{
  g_auto(RcIcsImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);

  g_assert_false (rc_ics_import_file (f->store, path, &result, &error));
  g_assert_error (error, RC_ICS_ERROR, code);
  if (strstr (error->message, base) == NULL || strstr (error->message, expected) == NULL)
    g_error ("message “%s” should name %s and say “%s”", error->message, base, expected);
  assert_store_unchanged (f->store, before);
}

static void
assert_import_skips (Fixture    *f,
                     GPtrArray  *before,
                     const char *path,
                     guint       skipped,
                     const char *expected)
{
  g_auto(RcIcsImportResult) result = { 0 };

  import_ok (f->store, path, &result);
  g_assert_cmpuint (result.added + result.updated, ==, 0);
  g_assert_cmpuint (result.skipped, ==, skipped);
  if (!reasons_mention (result.skip_reasons, expected))
    g_error ("no skip reason says “%s” (first: %s)", expected,
             result.skip_reasons->len > 0 ? (char *) result.skip_reasons->pdata[0] : "none");
  assert_store_unchanged (f->store, before);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* The kinds mixed.ics must give, by UID; everything else in it is skipped. */
static const struct {
  const char *uid;
  RcKind      kind;
  RcMassage   massage;
  const char *title;
} mixed_kinds[] = {
  { "club-run@life.example", RC_KIND_EASY, RC_MASSAGE_NONE, "Morning run with club" },
  { "parkrun-0206@life.example", RC_KIND_RACE, RC_MASSAGE_NONE, "Parkrun" },
  { "massage-0208@life.example", RC_KIND_MASSAGE, RC_MASSAGE_MAINTENANCE, "Sportmassage" },
  { "ruhetag-0203@life.example", RC_KIND_REST, RC_MASSAGE_NONE, "Ruhetag" },
  { "track-0204@life.example", RC_KIND_INTERVALS, RC_MASSAGE_NONE, "6x800m" },
};

static void
assert_mixed_kinds (GPtrArray *all)
{
  for (guint i = 0; i < G_N_ELEMENTS (mixed_kinds); i++)
    {
      const RcEntry *e = find_uid (all, mixed_kinds[i].uid);

      if (e == NULL)
        g_error ("“%s” was not imported", mixed_kinds[i].title);
      g_assert_cmpint (e->kind, ==, mixed_kinds[i].kind);
      g_assert_cmpint (e->massage, ==, mixed_kinds[i].massage);
      g_assert_cmpstr (e->title, ==, mixed_kinds[i].title);
    }
}

/* A calendar of everything a phone holds: only the training comes in, the
 * rest is skipped with its reason, and our own ideal days are counted. */
static void
test_import_mixed (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *mixed = fixture_path ("mixed.ics");
  g_autofree char *described = NULL;
  g_auto(RcIcsImportResult) result = { 0 };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(RcStore) lenient = rc_test_open_store (f->dir, "lenient.db");
  g_autoptr(GError) error = NULL;

  import_ok (f->store, mixed, &result);
  g_assert_cmpuint (result.added, ==, G_N_ELEMENTS (mixed_kinds));
  /* the dentist, the meeting's three days, two ideal days */
  g_assert_cmpuint (result.not_training, ==, 2);
  g_assert_cmpuint (result.windows, ==, 2);
  g_assert_cmpuint (result.skipped, ==, 4);
  g_assert_true (reasons_mention (result.skip_reasons, "“Dentist”: not a training session"));
  g_assert_true (reasons_mention (result.skip_reasons, "“Team meeting”: not a training session"));
  g_assert_true (reasons_mention (result.skip_reasons, "2 ideal massage days: advice exported by RecoveryCal, not sessions"));
  described = rc_ics_import_result_describe (&result);
  g_assert_cmpstr (described, ==, "Added: 5, updated: 0, unchanged: 0, skipped: 4 "
                                  "(not training sessions: 2, ideal massage days: 2, other: 0)");
  all = rc_test_list_all (f->store);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (mixed_kinds));
  assert_mixed_kinds (all);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* again: nothing changes */
  import_ok (f->store, mixed, &result);
  g_assert_cmpuint (result.added + result.updated, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, G_N_ELEMENTS (mixed_kinds));
  g_assert_cmpuint (result.skipped, ==, 4);

  /* --unknown-as cross: the dentist and the meeting are cross-training now;
   * the ideal days are still not sessions */
  rc_ics_import_result_clear (&result);
  g_assert_true (rc_ics_import_file_full (lenient, mixed, RC_KIND_CROSS, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, G_N_ELEMENTS (mixed_kinds) + 1 + 3);
  g_assert_cmpuint (result.not_training, ==, 0);
  g_assert_cmpuint (result.skipped, ==, 2);
  all = rc_test_list_all (lenient);
  assert_mixed_kinds (all);
  g_assert_cmpint (find_uid (all, "dentist-2027-02@life.example")->kind, ==, RC_KIND_CROSS);
  g_assert_cmpstr (find_uid (all, "dentist-2027-02@life.example")->title, ==, "Dentist");
}

/* What `export --windows` writes, imported elsewhere: the plan, and the
 * ideal days counted as skipped, each time. */
static void
test_import_exported_windows (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) plan = worked_example ();
  g_autoptr(RcStore) other = rc_test_open_store (f->dir, "other.db");
  g_autofree char *path = temp_path (f, "windows.ics");
  g_auto(RcIcsImportResult) result = { 0 };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_windows = 0;

  for (guint i = 0; i < plan->len; i++)
    g_assert_true (rc_store_add (f->store, plan->pdata[i], &error));
  g_assert_true (rc_ics_export_file (f->store, path, RC_DAY_INVALID, RC_DAY_INVALID, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (const char *p = text; (p = strstr (p, "SUMMARY:Ideal massage day\r\n")) != NULL; p++)
    n_windows++;
  g_assert_cmpuint (n_windows, >, 0);

  for (guint round = 0; round < 2; round++)
    {
      import_ok (other, path, &result);
      g_assert_cmpuint (result.added, ==, round == 0 ? plan->len : 0);
      g_assert_cmpuint (result.unchanged, ==, round == 0 ? 0 : plan->len);
      g_assert_cmpuint (result.windows, ==, n_windows);
      g_assert_cmpuint (result.skipped, ==, n_windows);
    }
  all = rc_test_list_all (other);
  g_assert_cmpuint (all->len, ==, plan->len);
  for (guint i = 0; i < plan->len; i++)
    {
      const RcEntry *planned = plan->pdata[i];
      const RcEntry *back = find_uid (all, planned->uid);

      g_assert_nonnull (back);
      g_assert_cmpint (back->kind, ==, planned->kind);
      g_assert_cmpuint (back->day, ==, planned->day);
    }
}

static void
test_import_bad (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *not_ics = fixture_path ("not-ics.ics");
  g_autofree char *truncated = fixture_path ("truncated.ics");
  g_autofree char *bad_utf8 = fixture_path ("bad-utf8.ics");
  g_autofree char *unknown_tzid = fixture_path ("unknown-tzid.ics");
  g_autofree char *bad_dtstart = fixture_path ("bad-dtstart.ics");
  g_autofree char *missing = temp_path (f, "missing.ics");
  g_autofree char *long_line = temp_path (f, "long-line.ics");
  g_autofree char *huge = temp_path (f, "huge.ics");
  g_autofree char *empty = temp_path (f, "empty.ics");
  g_autoptr(RcEntry) tempo = entry ("2026-12-08", RC_KIND_TEMPO, "18:00", 50, 7, "Before", NULL);
  GString *text;
  int fd;

  rc_store_add (f->store, tempo, &error);
  g_assert_no_error (error);
  before = rc_test_list_all (f->store);

  assert_import_fails (f, before, not_ics, RC_ICS_ERROR_PARSE, "line 1: not an iCalendar file");
  assert_import_fails (f, before, truncated, RC_ICS_ERROR_PARSE, "truncated");
  assert_import_fails (f, before, bad_utf8, RC_ICS_ERROR_PARSE, "line 8: the text is not valid UTF-8");
  assert_import_fails (f, before, missing, RC_ICS_ERROR_READ, "Cannot read");
  assert_import_fails (f, before, f->dir, RC_ICS_ERROR_READ, "it is a folder");
  assert_import_fails (f, before, "/dev/zero", RC_ICS_ERROR_READ, "not a regular file");
  g_file_set_contents (empty, "", 0, NULL);
  assert_import_fails (f, before, empty, RC_ICS_ERROR_PARSE, "empty");

  /* a line of 1 MB */
  text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@y\r\n"
                       "DTSTART;VALUE=DATE:20261208\r\nSUMMARY:Easy\r\nDESCRIPTION:");
  for (int i = 0; i < 1024 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  g_file_set_contents (long_line, text->str, text->len, NULL);
  g_string_free (text, TRUE);
  assert_import_fails (f, before, long_line, RC_ICS_ERROR_PARSE, "line 7");

  /* a file of 50 MB, refused by its size before it is read */
  fd = g_open (huge, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (write (fd, "BEGIN:VCALENDAR\r\n", 17), ==, 17);
  g_assert_cmpint (ftruncate (fd, 50 * 1024 * 1024), ==, 0);
  close (fd);
  assert_import_fails (f, before, huge, RC_ICS_ERROR_TOO_LARGE, "too large");
  /* one byte over: the sizes rounded alike would read "21.0 MB; at most
   * 21.0 MB", so the message gives the bytes */
  g_assert_cmpint (truncate (huge, RC_ICS_MAX_FILE_SIZE + 1), ==, 0);
  assert_import_fails (f, before, huge, RC_ICS_ERROR_TOO_LARGE, "20971521 bytes");

  /* events that cannot be placed are skipped, each with its reason */
  assert_import_skips (f, before, unknown_tzid, 1, "line 7, “Tempo on Mars”: unknown time zone “Mars/Olympus_Mons”");
  assert_import_skips (f, before, bad_dtstart, 2, "line 7, “Easy run”: DTSTART “2026-13-45” is not a date");
  assert_import_skips (f, before, bad_dtstart, 2, "line 13, “Long run”: DTSTART “next tuesday” is not a date");
}

static void
test_import_recurrence_bounds (void)
{
  g_autoptr(GString) text = g_string_new (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
    "BEGIN:VEVENT\r\nUID:daily@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;VALUE=DATE:20261201\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Easy\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:minutely@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART:20261201T000000Z\r\nRRULE:FREQ=MINUTELY\r\nSUMMARY:Silly run\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:never@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART:20261201T070000Z\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\nSUMMARY:Never run\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:rdate@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;TZID=Europe/Paris:20261201T180000\r\nRDATE;TZID=Europe/Paris:20261203T180000,20261205T180000\r\n"
    "EXDATE;TZID=Europe/Paris:20261203T180000\r\nSUMMARY:Gym\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:many@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;VALUE=DATE:20270101\r\nSUMMARY:Jog\r\n");
  g_autoptr(GPtrArray) skips = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = NULL;
  guint daily = 0, minutely = 0, never = 0, gym = 0, many = 0;
  RcDay last = 0;
  GDate date;

  /* more RDATEs than the cap allows */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, 1, 2027);
  for (guint i = 0; i < RC_ICS_MAX_OCCURRENCES + 100; i++, g_date_add_days (&date, 1))
    g_string_append_printf (text, "RDATE;VALUE=DATE:%04d%02d%02d\r\n", g_date_get_year (&date),
                            g_date_get_month (&date), g_date_get_day (&date));
  g_string_append (text, "END:VEVENT\r\nEND:VCALENDAR\r\n");
  entries = parse_data (text->str, text->len, skips);

  for (guint i = 0; i < entries->len; i++)
    {
      const RcEntry *e = entries->pdata[i];

      if (g_str_has_prefix (e->uid, "daily@t#"))
        {
          daily++;
          last = MAX (last, e->day);
        }
      minutely += g_str_has_prefix (e->uid, "minutely@t#");
      never += g_str_has_prefix (e->uid, "never@t#");
      gym += g_str_has_prefix (e->uid, "rdate@t#");
      many += g_str_has_prefix (e->uid, "many@t#");
    }
  /* an open daily series runs two years past the file's last single event
   * (the RDATE one on 1 Jan), later than today and its own start */
  g_assert_cmpuint (last, ==, rc_test_day ("2027-01-01") + RC_ICS_HORIZON_DAYS);
  g_assert_cmpuint (daily, ==, last - rc_test_day ("2026-12-01") + 1);
  /* more often than daily: refused whole, with a reason */
  g_assert_cmpuint (minutely, ==, 0);
  g_assert_true (reasons_mention (skips, "“Silly run”: it repeats more often than daily"));
  /* a rule no day matches leaves its DTSTART */
  g_assert_cmpuint (never, ==, 1);
  /* DTSTART plus RDATEs, less the EXDATE */
  g_assert_cmpuint (gym, ==, 2);
  g_assert_nonnull (find_uid (entries, "rdate@t#20261205T170000Z"));
  /* an event stops at the cap, and says so */
  g_assert_cmpuint (many, ==, RC_ICS_MAX_OCCURRENCES);
  g_assert_true (reasons_mention (skips, "“Jog”: occurrences after the first"));
}

/* Each way RFC 5545 can write a start, to the local civil date and time. */
static void
test_import_time_forms (void)
{
  const char *text =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
    "BEGIN:VEVENT\r\nUID:floating@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART:20261208T183000\r\nDTEND:20261208T193000\r\nSUMMARY:Tempo\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:date@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;VALUE=DATE:20261209\r\nSUMMARY:Rest\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:utc@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART:20270328T003000Z\r\nDURATION:PT1H30M\r\nSUMMARY:Long run\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:olson@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;TZID=America/New_York:20261210T200000\r\nDTEND;TZID=America/New_York:20261210T204500\r\n"
    "SUMMARY:Easy\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:prefixed@t\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;TZID=/freeassociation.sourceforge.net/Europe/London:20261211T070000\r\n"
    "SUMMARY:Easy\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GPtrArray) skips = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = parse_data (text, strlen (text), skips);
  const RcEntry *floating = find_uid (entries, "floating@t");
  const RcEntry *date = find_uid (entries, "date@t");

  /* a floating time is the same wall clock in every zone */
  g_assert_cmpuint (floating->day, ==, rc_test_day ("2026-12-08"));
  g_assert_cmpint (floating->time, ==, 18 * 60 + 30);
  g_assert_cmpint (floating->minutes, ==, 60);
  g_assert_cmpuint (date->day, ==, rc_test_day ("2026-12-09"));
  g_assert_cmpint (date->time, ==, RC_NONE);
  g_assert_cmpint (date->minutes, ==, RC_NONE);
  /* the night the clocks change in Europe; New York is five hours behind */
  assert_entry (entries, "utc@t", "2027-03-28T00:30:00Z", RC_KIND_LONG, 90, "Long run");
  assert_entry (entries, "olson@t", "2026-12-11T01:00:00Z", RC_KIND_EASY, 45, "Easy");
  assert_entry (entries, "prefixed@t", "2026-12-11T07:00:00Z", RC_KIND_EASY, RC_NONE, "Easy");
  g_assert_cmpuint (skips->len, ==, 0);
}

static void
test_import_hostile (void)
{
  GString *text = g_string_new ("BEGIN:VCALENDAR\r\n");
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  /* nesting deep enough to overflow a recursive free */
  for (int i = 0; i < 100000; i++)
    g_string_append (text, "BEGIN:VEVENT\r\n");
  for (int i = 0; i < 100000; i++)
    g_string_append (text, "END:VEVENT\r\n");
  g_string_append (text, "END:VCALENDAR\r\n");
  entries = rc_ics_parse (text->str, text->len, "deep.ics", rc_test_day (TODAY), NULL, &error);
  g_assert_null (entries);
  g_assert_error (error, RC_ICS_ERROR, RC_ICS_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "deep.ics, line 17: components nested too deep"));
  g_string_free (text, TRUE);
  g_clear_error (&error);

  /* the last hour GLib can hold, and an END that closes the wrong BEGIN */
  {
    const char *edge = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:edge@t\r\n"
                       "DTSTART:99991231T233000Z\r\nSUMMARY:Easy\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const char *crossed = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x@t\r\nBEGIN:VALARM\r\n"
                          "END:VEVENT\r\nEND:VALARM\r\nEND:VCALENDAR\r\n";
    g_autoptr(GPtrArray) edge_entries = parse_data (edge, strlen (edge), NULL);

    g_assert_cmpuint (edge_entries->len, ==, 1);
    entries = rc_ics_parse (crossed, strlen (crossed), "crossed.ics", rc_test_day (TODAY), NULL, &error);
    g_assert_null (entries);
    g_assert_error (error, RC_ICS_ERROR, RC_ICS_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "crossed.ics, line 5: END:VEVENT where END:VALARM belongs"));
  }
}

/* Every prefix and many corrupted copies of each fixture: an error or
 * entries, never a crash (run it under ASan). */
static void
test_import_mutations (void)
{
  const char *names[] = { "google.ics", "outlook.ics", "thunderbird.ics", "allday.ics" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (5545);

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", names[n], NULL);
      g_autofree char *data = NULL;
      gsize length;

      g_file_get_contents (path, &data, &length, NULL);
      for (gsize cut = 0; cut < length; cut += 7)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) entries = rc_ics_parse (data, cut, names[n], rc_test_day (TODAY), NULL, &error);

          g_assert_true ((entries == NULL) != (error == NULL));
        }
      for (int round = 0; round < 300; round++)
        {
          g_autofree char *copy = g_memdup2 (data, length + 1);
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) entries = NULL;
          const char junk[] = ":;,=\"\\\r\nZT0123456789-+/ABCDEFGHIJKLMNOPQRSTUVWXYZ";

          for (int k = 0; k < 4; k++)
            copy[g_rand_int_range (rand, 0, (gint32) length)] = junk[g_rand_int_range (rand, 0, sizeof junk - 1)];
          entries = rc_ics_parse (copy, length, names[n], rc_test_day (TODAY), NULL, &error);
          g_assert_true ((entries == NULL) != (error == NULL));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ics/export/worked-example", test_export_worked_example);
  g_test_add_func ("/ics/export/python-icalendar", test_export_python);
  g_test_add_func ("/ics/export/plain-tzid", test_export_plain_tzid);
  g_test_add_func ("/ics/export/folding", test_export_folding);
  g_test_add_func ("/ics/import/google", test_import_google);
  g_test_add_func ("/ics/import/outlook", test_import_outlook);
  g_test_add_func ("/ics/import/thunderbird", test_import_thunderbird);
  g_test_add_func ("/ics/import/all-day", test_import_all_day);
  g_test_add_func ("/ics/import/line-endings", test_import_line_endings);
  g_test_add_func ("/ics/import/recurrence-bounds", test_import_recurrence_bounds);
  g_test_add_func ("/ics/import/time-forms", test_import_time_forms);
  g_test_add_func ("/ics/import/hostile", test_import_hostile);
  g_test_add_func ("/ics/import/mutations", test_import_mutations);
  g_test_add_func ("/ics/import/kind-words", test_kind_words);
  rc_test_add_with_store ("/ics/file/round-trip", test_round_trip);
  rc_test_add_with_store ("/ics/file/status-round-trip", test_status_round_trip);
  g_test_add_func ("/ics/import/status-hostile", test_status_import_hostile);
  rc_test_add_with_store ("/ics/file/export-range", test_export_range);
  rc_test_add_with_store ("/ics/file/export-atomic", test_export_atomic);
  rc_test_add_with_store ("/ics/file/own-files-refused", test_own_files_refused);
  rc_test_add_with_store ("/ics/file/idempotent", test_import_idempotent);
  rc_test_add_with_store ("/ics/file/mixed-calendar", test_import_mixed);
  rc_test_add_with_store ("/ics/file/exported-windows", test_import_exported_windows);
  rc_test_add_with_store ("/ics/file/bad-input", test_import_bad);

  return g_test_run ();
}
