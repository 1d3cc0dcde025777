/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-types.c - kinds, civil dates and entries shared by the whole core. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <string.h>

#include "rc-names-private.h"
#include "rc-types.h"
#include "rc-types-private.h"

G_DEFINE_BOXED_TYPE (RcEntry, rc_entry, rc_entry_copy, rc_entry_free)

static const struct {
  const char *name;
  const char *label;
  const char *icon;
  int         minutes;
  int         rpe;
} kinds[RC_N_KINDS] = {
  [RC_KIND_REST]      = { "rest",      N_("Rest"),           "rc-rest-symbolic",      0,  RC_NONE },
  [RC_KIND_EASY]      = { "easy",      N_("Easy run"),       "rc-easy-symbolic",      45, 3 },
  [RC_KIND_LONG]      = { "long",      N_("Long run"),       "rc-long-symbolic",      120, 5 },
  [RC_KIND_TEMPO]     = { "tempo",     N_("Tempo run"),      "rc-tempo-symbolic",     50, 7 },
  [RC_KIND_INTERVALS] = { "intervals", N_("Intervals"),      "rc-intervals-symbolic", 60, 8 },
  [RC_KIND_RACE]      = { "race",      N_("Race"),           "rc-race-symbolic",      90, 9 },
  [RC_KIND_CROSS]     = { "cross",     N_("Cross-training"), "rc-cross-symbolic",     45, 4 },
  [RC_KIND_MASSAGE]   = { "massage",   N_("Massage"),        "rc-massage-symbolic",   60, RC_NONE },
};

static const RcNamedValue massages[RC_N_MASSAGES] = {
  [RC_MASSAGE_NONE]        = { "none",        N_("None") },
  [RC_MASSAGE_PRE_EVENT]   = { "pre-event",   N_("Pre-event massage") },
  [RC_MASSAGE_POST_RUN]    = { "post-run",    N_("Post-run massage") },
  [RC_MASSAGE_MAINTENANCE] = { "maintenance", N_("Maintenance massage") },
};

static const RcNamedValue statuses[RC_N_STATUSES] = {
  /* Translators: the status of a training session against the plan */
  [RC_STATUS_PLANNED] = { "planned", N_("Planned") },
  [RC_STATUS_DONE]    = { "done",    N_("Done") },
  [RC_STATUS_SKIPPED] = { "skipped", N_("Skipped") },
};

static const RcNamedValue profiles[RC_N_PROFILES] = {
  [RC_PROFILE_FAST]    = { "fast",    N_("Fast") },
  [RC_PROFILE_TYPICAL] = { "typical", N_("Typical") },
  [RC_PROFILE_SLOW]    = { "slow",    N_("Slow") },
};

/* The values of the week-start setting; "locale" follows LC_TIME. */
static const struct {
  const char   *name;
  GDateWeekday  weekday;
} week_starts[RC_N_WEEK_STARTS] = {
  [RC_WEEK_START_LOCALE]   = { "locale",   G_DATE_BAD_WEEKDAY },
  [RC_WEEK_START_MONDAY]   = { "monday",   G_DATE_MONDAY },
  [RC_WEEK_START_SATURDAY] = { "saturday", G_DATE_SATURDAY },
  [RC_WEEK_START_SUNDAY]   = { "sunday",   G_DATE_SUNDAY },
};

RcEntry *
rc_entry_new (RcDay  day,
              RcKind kind)
{
  RcEntry *entry;

  g_return_val_if_fail (kind < RC_N_KINDS, NULL);

  entry = g_new0 (RcEntry, 1);
  entry->day = day;
  entry->kind = kind;
  entry->time = RC_NONE;
  entry->minutes = kinds[kind].minutes > 0 ? kinds[kind].minutes : RC_NONE;
  entry->rpe = kinds[kind].rpe;
  entry->massage = kind == RC_KIND_MASSAGE ? RC_MASSAGE_MAINTENANCE : RC_MASSAGE_NONE;
  entry->status = RC_STATUS_PLANNED;
  entry->done_minutes = RC_NONE;
  entry->done_rpe = RC_NONE;
  return entry;
}

RcEntry *
rc_entry_copy (const RcEntry *entry)
{
  RcEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  copy->uid = g_strdup (entry->uid);
  copy->title = g_strdup (entry->title);
  copy->notes = g_strdup (entry->notes);
  copy->activity = g_strdup (entry->activity);
  return copy;
}

void
rc_entry_free (RcEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->uid);
  g_free (entry->title);
  g_free (entry->notes);
  g_free (entry->activity);
  g_free (entry);
}

/* An empty title is no title, as the store keeps it. */
static const char *
title_or_null (const RcEntry *entry)
{
  return entry->title != NULL && entry->title[0] != '\0' ? entry->title : NULL;
}

/* Equal in everything a user can see or the store keeps, timestamps aside. */
gboolean
rc_entry_equal (const RcEntry *a,
                const RcEntry *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->id == b->id &&
         g_strcmp0 (a->uid, b->uid) == 0 &&
         a->day == b->day &&
         a->time == b->time &&
         a->kind == b->kind &&
         a->massage == b->massage &&
         a->minutes == b->minutes &&
         a->rpe == b->rpe &&
         g_strcmp0 (title_or_null (a), title_or_null (b)) == 0 &&
         g_strcmp0 (a->notes, b->notes) == 0 &&
         a->status == b->status &&
         a->done_minutes == b->done_minutes &&
         a->done_rpe == b->done_rpe &&
         g_strcmp0 (a->activity, b->activity) == 0;
}

void
rc_entry_set_status (RcEntry  *entry,
                     RcStatus  status,
                     int       done_minutes,
                     int       done_rpe)
{
  g_return_if_fail (entry != NULL);
  g_return_if_fail (status < RC_N_STATUSES);

  entry->status = status;
  entry->done_minutes = RC_NONE;
  entry->done_rpe = RC_NONE;
  if (status != RC_STATUS_DONE)
    return;
  /* load.md: the actual values default to the planned ones */
  entry->done_minutes = done_minutes != RC_NONE ? done_minutes
                        : entry->minutes != RC_NONE ? entry->minutes
                        : rc_kind_default_minutes (entry->kind);
  entry->done_rpe = done_rpe != RC_NONE ? done_rpe : entry->rpe;
}

char *
rc_entry_new_uid (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat (uuid, "@recoverycal", NULL);
}

/* The title to show: the entry's own, else its kind's name, translated now
 * rather than stored, so that a plan made in English reads in German. */
const char *
rc_entry_display_title (const RcEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->title != NULL && entry->title[0] != '\0')
    return entry->title;
  if (entry->kind == RC_KIND_MASSAGE)
    /* Translators: the title of a massage appointment that has none of its own */
    return _("Sports massage");
  return rc_kind_label (entry->kind);
}

const char *
rc_entry_kind_name (const RcEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->kind == RC_KIND_MASSAGE && entry->massage != RC_MASSAGE_NONE)
    return rc_massage_label (entry->massage);
  return rc_kind_label (entry->kind);
}

const char *
rc_entry_display_name (const RcEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->title != NULL && entry->title[0] != '\0')
    return entry->title;
  return rc_entry_kind_name (entry);
}

gboolean
_rc_names_find (const char        *name,
                const char *const *first_name,
                gsize              stride,
                guint              n,
                guint             *out)
{
  for (guint i = 0; name != NULL && i < n; i++)
    {
      const char *const *row = (const char *const *) (gpointer) ((const char *) first_name + i * stride);

      if (strcmp (name, *row) == 0)
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

RC_DEFINE_NAMES (RcKind, rc_kind, kinds, RC_N_KINDS)
RC_DEFINE_NAMES (RcMassage, rc_massage, massages, RC_N_MASSAGES)
RC_DEFINE_NAMES (RcStatus, rc_status, statuses, RC_N_STATUSES)
RC_DEFINE_NAMES (RcProfile, rc_profile, profiles, RC_N_PROFILES)
RC_DEFINE_TO_STRING (RcWeekStart, rc_week_start, week_starts, RC_N_WEEK_STARTS)
RC_DEFINE_FROM_STRING (RcWeekStart, rc_week_start, week_starts, RC_N_WEEK_STARTS)

const char *
rc_kind_label_msgid (RcKind kind)
{
  g_return_val_if_fail (kind < RC_N_KINDS, NULL);
  return kinds[kind].label;
}

const char *
rc_kind_icon_name (RcKind kind)
{
  g_return_val_if_fail (kind < RC_N_KINDS, NULL);
  return kinds[kind].icon;
}

int
rc_kind_default_minutes (RcKind kind)
{
  g_return_val_if_fail (kind < RC_N_KINDS, RC_NONE);
  return kinds[kind].minutes > 0 ? kinds[kind].minutes : RC_NONE;
}

int
rc_kind_default_rpe (RcKind kind)
{
  g_return_val_if_fail (kind < RC_N_KINDS, RC_NONE);
  return kinds[kind].rpe;
}

GDateWeekday
rc_week_start_weekday (RcWeekStart week_start)
{
  g_return_val_if_fail (week_start < RC_N_WEEK_STARTS, G_DATE_MONDAY);
  if (week_start == RC_WEEK_START_LOCALE)
    return rc_day_locale_week_start ();
  return week_starts[week_start].weekday;
}

gboolean
_rc_parse_digits (const char *s,
                  guint       n,
                  int        *out)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

RcDay
rc_day_from_ymd (int year,
                 int month,
                 int day)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return RC_DAY_INVALID;

  {
    GDate d;

    g_date_clear (&d, 1);
    g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    return g_date_get_julian (&d);
  }
}

RcDay
rc_day_from_iso (const char *s)
{
  int y, m, d;

  if (s == NULL || strlen (s) != 10 || s[4] != '-' || s[7] != '-' ||
      !_rc_parse_digits (s, 4, &y) || !_rc_parse_digits (s + 5, 2, &m) || !_rc_parse_digits (s + 8, 2, &d))
    return RC_DAY_INVALID;
  return rc_day_from_ymd (y, m, d);
}

void
rc_day_to_gdate (RcDay  day,
                 GDate *out)
{
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  g_date_set_julian (out, day);
}

char *
rc_day_to_iso (RcDay day)
{
  GDate d;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);
  rc_day_to_gdate (day, &d);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d),
                          (guint) g_date_get_month (&d), g_date_get_day (&d));
}

GDateWeekday
rc_day_weekday (RcDay day)
{
  /* Julian day 1 (1 Jan 1) was a Monday. */
  return (GDateWeekday) ((day - 1) % 7 + 1);
}

RcDay
rc_day_week_start (RcDay        day,
                   GDateWeekday week_start)
{
  guint back = ((guint) rc_day_weekday (day) + 7 - (guint) week_start) % 7;

  return day - back;
}

/* The locale's first day of the week, the way GNOME Calendar reads it. The C
 * locale is no one's choice (glibc says Sunday there): it gets ISO 8601's Monday. */
GDateWeekday
rc_day_locale_week_start (void)
{
#ifdef __GLIBC__
  const char *lc_time = setlocale (LC_TIME, NULL);
  const char *first = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  guint origin = (guint) (uintptr_t) nl_langinfo (_NL_TIME_WEEK_1STDAY);
  int origin_day, day;

  if (lc_time == NULL || strcmp (lc_time, "C") == 0 || strcmp (lc_time, "POSIX") == 0 ||
      g_str_has_prefix (lc_time, "C."))
    return G_DATE_MONDAY;
  if (origin == 19971130)       /* a Sunday */
    origin_day = 0;
  else if (origin == 19971201)  /* a Monday */
    origin_day = 1;
  else
    return G_DATE_MONDAY;
  if (first == NULL || first[0] < 1 || first[0] > 7)
    return G_DATE_MONDAY;
  day = (origin_day + first[0] - 1) % 7;  /* 0 is Sunday */
  return day == 0 ? G_DATE_SUNDAY : (GDateWeekday) day;
#else
  return G_DATE_MONDAY;
#endif
}

RcDay
rc_day_today (void)
{
  /* Asked for by every chip while paging: the local time zone is looked up
   * (stat and readlink of /etc/localtime) at most once a second a thread. */
  static _Thread_local gint64 cached_second = -1;
  static _Thread_local RcDay cached_day = RC_DAY_INVALID;
  gint64 second = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GDateTime) now = NULL;

  if (second == cached_second)
    return cached_day;
  now = g_date_time_new_from_unix_local (second);
  cached_day = rc_day_from_ymd (g_date_time_get_year (now),
                                g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now));
  cached_second = second;
  return cached_day;
}

char *
rc_day_format (RcDay       day,
               const char *format)
{
  GDate d;
  char buf[256];

  g_return_val_if_fail (format != NULL, NULL);

  rc_day_to_gdate (day, &d);
  if (g_date_strftime (buf, sizeof buf, format, &d) == 0)
    return g_strdup ("");
  return g_strdup (buf);
}

int
rc_time_from_string (const char *s)
{
  int h, m;

  if (s == NULL || strlen (s) != 5 || s[2] != ':' ||
      !_rc_parse_digits (s, 2, &h) || !_rc_parse_digits (s + 3, 2, &m) || h > 23 || m > 59)
    return RC_NONE;
  return h * 60 + m;
}

char *
rc_time_to_string (int time)
{
  g_return_val_if_fail (time >= 0 && time < 24 * 60, NULL);
  return g_strdup_printf ("%02d:%02d", time / 60, time % 60);
}
