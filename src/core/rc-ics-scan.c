/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-ics-scan.c - the raw bytes of an .ics file checked before libical reads them. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rc-ics-private.h"

/* VCALENDAR > VEVENT > VALARM is 3; room for odd producers, not for abuse */
#define MAX_DEPTH   16

static RcIcsCheckHook check_hook;
static gpointer check_hook_data;

void
rc_ics_set_check_hook (RcIcsCheckHook hook,
                       gpointer       data)
{
  check_hook = hook;
  check_hook_data = data;
}

gboolean
rc_ics_check_cancelled (RcIcsStage     stage,
                        guint         *turns,
                        GCancellable  *cancellable,
                        GError       **error)
{
  if (cancellable == NULL || (*turns)++ % RC_ICS_CHECK_EVERY != 0)
    return FALSE;
  if (check_hook != NULL)
    check_hook (stage, cancellable, check_hook_data);
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

static void
set_parse_error (GError     **error,
                 const char  *name,
                 guint        line,
                 const char  *what)
{
  if (line > 0)
    /* Translators: "plan.ics, line 12: the text is not valid UTF-8" */
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

void
rc_ics_event_line_clear (gpointer data)
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
prescan (const char    *data,
         gsize          length,
         const char    *name,
         GArray        *event_lines,
         GCancellable  *cancellable,
         GError       **error)
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
  guint turns = 0;

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

      if (rc_ics_check_cancelled (RC_ICS_STAGE_SCAN, &turns, cancellable, error))
        return FALSE;
      line++;
      if (len > RC_ICS_MAX_LINE_LENGTH)
        {
          g_autofree char *what = g_strdup_printf (_("a line of %lu bytes, longer than the %u allowed"),
                                                   (unsigned long) len, RC_ICS_MAX_LINE_LENGTH);
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

          if (event_lines->len >= RC_ICS_MAX_EVENTS)
            {
              g_autofree char *what = g_strdup_printf (_("more than %u events"), RC_ICS_MAX_EVENTS);

              set_parse_error (error, name, line, what);
              return FALSE;
            }

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

static guint
by_count (const short *values,
          guint        size)
{
  guint n = 0;

  while (n < size && values[n] != ICAL_RECURRENCE_ARRAY_MAX)
    n++;
  return n;
}

gboolean
rc_ics_rule_never_occurs (const struct icalrecurrencetype *recur)
{
  static const short month_days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  guint n_days, n_months;

  g_return_val_if_fail (recur != NULL, FALSE);

  n_days = by_count (recur->by_month_day, ICAL_BY_MONTHDAY_SIZE);
  n_months = by_count (recur->by_month, ICAL_BY_MONTH_SIZE);
  if (n_days == 0 || n_months == 0)
    return FALSE;
  for (guint m = 0; m < n_months; m++)
    {
      int month = icalrecurrencetype_month_month (recur->by_month[m]);

      for (guint d = 0; d < n_days; d++)
        if (month >= 1 && month <= 12 && ABS (recur->by_month_day[d]) <= month_days[month - 1])
          return FALSE;
    }
  return TRUE;
}

/* Real zones change a few times a year: FREQ=YEARLY, a month and a day or
 * two. Anything finer makes libical expand millions of changes. */
static gboolean
zone_rule_is_bounded (const struct icalrecurrencetype *recur)
{
  guint n_by = by_count (recur->by_month, ICAL_BY_MONTH_SIZE) +
               by_count (recur->by_month_day, ICAL_BY_MONTHDAY_SIZE) +
               by_count (recur->by_day, ICAL_BY_DAY_SIZE) +
               by_count (recur->by_year_day, ICAL_BY_YEARDAY_SIZE) +
               by_count (recur->by_week_no, ICAL_BY_WEEKNO_SIZE) +
               by_count (recur->by_set_pos, ICAL_BY_SETPOS_SIZE);

  return recur->freq == ICAL_YEARLY_RECURRENCE &&
         by_count (recur->by_hour, ICAL_BY_HOUR_SIZE) == 0 &&
         by_count (recur->by_minute, ICAL_BY_MINUTE_SIZE) == 0 &&
         by_count (recur->by_second, ICAL_BY_SECOND_SIZE) == 0 &&
         n_by <= 16 && !rc_ics_rule_never_occurs (recur);
}

static gboolean
check_observance (icalcomponent  *obs,
                  const char     *name,
                  const char     *tzid,
                  guint          *changes,
                  GError        **error)
{
  for (icalproperty *p = icalcomponent_get_first_property (obs, ICAL_ANY_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (obs, ICAL_ANY_PROPERTY))
    {
      icalproperty_kind kind = icalproperty_isa (p);
      struct icalrecurrencetype recur;
      g_autofree char *value = NULL;
      g_autofree char *what = NULL;

      if (kind == ICAL_DTSTART_PROPERTY && icalproperty_get_dtstart (p).year < RC_ICS_MIN_ZONE_YEAR)
        {
          /* TRANSLATORS: a VTIMEZONE whose first change is before the year 1600 */
          what = g_strdup_printf (_("time zone “%s” begins before the year %d"), tzid, RC_ICS_MIN_ZONE_YEAR);
          set_parse_error (error, name, 0, what);
          return FALSE;
        }
      if (kind == ICAL_RDATE_PROPERTY && ++*changes > RC_ICS_MAX_ZONE_CHANGES)
        {
          what = g_strdup_printf (_("time zone “%s” has more than %u changes"), tzid, RC_ICS_MAX_ZONE_CHANGES);
          set_parse_error (error, name, 0, what);
          return FALSE;
        }
      if (kind != ICAL_RRULE_PROPERTY)
        continue;
      recur = icalproperty_get_rrule (p);
      if (zone_rule_is_bounded (&recur))
        continue;
      value = icalproperty_get_value_as_string_r (p);
      /* TRANSLATORS: a VTIMEZONE whose RRULE is not "once a year on a given day" */
      what = g_strdup_printf (_("time zone “%s” changes by the rule “%s”, not once or twice a year"),
                              tzid, value != NULL ? value : "");
      set_parse_error (error, name, 0, what);
      return FALSE;
    }
  return TRUE;
}

/* Checked before any time is converted: libical expands a VTIMEZONE's
 * rules from their start to the year asked for, every time it is used. */
static gboolean
check_zones (icalcomponent  *cal,
             const char     *name,
             GError        **error)
{
  guint changes = 0;

  for (icalcomponent *zone = icalcomponent_get_first_component (cal, ICAL_VTIMEZONE_COMPONENT);
       zone != NULL;
       zone = icalcomponent_get_next_component (cal, ICAL_VTIMEZONE_COMPONENT))
    {
      icalproperty *tzid_prop = icalcomponent_get_first_property (zone, ICAL_TZID_PROPERTY);
      const char *tzid = tzid_prop != NULL ? icalproperty_get_tzid (tzid_prop) : NULL;

      if (tzid == NULL)
        tzid = "";
      for (icalcomponent *obs = icalcomponent_get_first_component (zone, ICAL_ANY_COMPONENT);
           obs != NULL;
           obs = icalcomponent_get_next_component (zone, ICAL_ANY_COMPONENT))
        if (++changes > RC_ICS_MAX_ZONE_CHANGES ||
            !check_observance (obs, name, tzid, &changes, error))
          {
            if (error != NULL && *error == NULL)
              {
                g_autofree char *what = g_strdup_printf (_("time zone “%s” has more than %u changes"),
                                                         tzid, RC_ICS_MAX_ZONE_CHANGES);
                set_parse_error (error, name, 0, what);
              }
            return FALSE;
          }
    }
  return TRUE;
}

/* libical's own string parser, fed a line (or as much of one as its
 * buffer takes) at a time, but stopping when cancelled: it reads an 18 MB
 * file for seconds. */
typedef struct {
  const char   *next;
  const char   *end;
  guint         turns;
  GCancellable *cancellable;
  GError       *error;
} LineSource;

static char *
next_line (char   *out,
           size_t  size,
           void   *data)
{
  LineSource *src = data;
  const char *eol;
  gsize len;

  /* once cancelled, libical asks again for the line it was joining */
  if (src->error != NULL || src->next >= src->end || size < 2 ||
      rc_ics_check_cancelled (RC_ICS_STAGE_PARSE, &src->turns, src->cancellable, &src->error))
    return NULL;
  eol = memchr (src->next, '\n', src->end - src->next);
  len = MIN ((gsize) ((eol != NULL ? eol + 1 : src->end) - src->next), size - 1);
  memcpy (out, src->next, len);
  out[len] = '\0';
  src->next += len;
  return out;
}

static icalcomponent *
parse_lines (const char    *data,
             gsize          length,
             GCancellable  *cancellable,
             GError       **error)
{
  LineSource src = { data, data + length, 0, cancellable, NULL };
  icalparser *parser = icalparser_new ();
  icalcomponent *cal;

  icalparser_set_gen_data (parser, &src);
  icalerror_clear_errno ();
  cal = icalparser_parse (parser, next_line);
  icalerror_clear_errno ();
  icalparser_free (parser);
  if (src.error != NULL)
    {
      g_clear_pointer (&cal, icalcomponent_free);
      g_propagate_error (error, src.error);
    }
  return cal;
}

icalcomponent *
rc_ics_parse_calendar (const char    *data,
                       gsize          length,
                       const char    *name,
                       GArray        *event_lines,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  icalcomponent *cal;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!prescan (data, length, name, event_lines, cancellable, error))
    return NULL;
  cal = parse_lines (data, length, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (cal != NULL && icalcomponent_isa (cal) == ICAL_VCALENDAR_COMPONENT)
    {
      if (check_zones (cal, name, error))
        return cal;
      icalcomponent_free (cal);
      return NULL;
    }
  g_clear_pointer (&cal, icalcomponent_free);
  set_parse_error (error, name, 0, _("the iCalendar data is broken and cannot be read"));
  return NULL;
}

