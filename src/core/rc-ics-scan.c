/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-ics-scan.c - the raw bytes of an .ics file checked before libical reads them. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rc-ics-private.h"

/* VCALENDAR > VEVENT > VALARM is 3; room for odd producers, not for abuse */
#define MAX_DEPTH   16

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

icalcomponent *
rc_ics_parse_calendar (const char  *data,
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

