/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-ics-import.c - the events of any calendar as entries, recurrences expanded. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rc-ics-private.h"

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
  RcKind         unknown_as;    /* for events that name no training; RC_N_KINDS: skip */
  guint          n_not_training;
  guint          n_windows;
  GCancellable  *cancellable;
  guint          turns;         /* of the loop over events, for cancellation checks */
  guint          expand_turns;  /* of the loops over occurrences, counted apart
                                 * so that checks do fall in them */
  GError        *error;     /* set when cancelled: every loop stops */
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
    /* Translators: why an event was skipped: "line 12, “Tempo”: cancelled" */
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
  /* libical would expand the zone's changes year by year up to this one */
  if (out->form == FORM_ZONED && out->tt.year > RC_ICS_MAX_ZONED_YEAR)
    {
      out->form = FORM_FLOATING;
      out->zone = NULL;
    }
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

/* The kind of another program's event: from the words of its summary, else
 * of its categories (an event filed under "Yoga" says so); FALSE when
 * neither names any training. */
static gboolean
foreign_kind (icalcomponent *comp,
              const char    *summary,
              RcKind        *kind,
              RcMassage     *massage)
{
  g_autofree char *categories = categories_text (comp);

  return rc_ics_kind_from_words (summary, kind, massage) ||
         rc_ics_kind_from_words (categories, kind, massage);
}

static void
fill_foreign (Import        *im,
              RcEntry       *entry,
              icalcomponent *comp,
              const char    *summary)
{
  const char *description = icalcomponent_get_description (comp);

  if (!foreign_kind (comp, summary, &entry->kind, &entry->massage))
    {
      /* only with --unknown-as: import_event() skipped the others */
      entry->kind = im->unknown_as < RC_N_KINDS ? im->unknown_as : RC_KIND_CROSS;
      entry->massage = entry->kind == RC_KIND_MASSAGE ? RC_MASSAGE_MAINTENANCE : RC_MASSAGE_NONE;
    }
  entry->rpe = RC_NONE;
  entry->title = summary != NULL && summary[0] != '\0' ? g_strdup (summary) : NULL;
  if (description != NULL)
    {
      g_autofree char *notes = g_strstrip (g_strdup (description));

      if (notes[0] != '\0')
        entry->notes = g_steal_pointer (&notes);
    }
}

/* load.md's status: planned unless our export says otherwise; what the
 * store would refuse (a done massage, an unknown word) stays planned. */
static void
fill_status (RcEntry       *entry,
             icalcomponent *comp)
{
  if (entry->kind == RC_KIND_MASSAGE ||
      !rc_status_from_string (get_x (comp, X_STATUS), &entry->status))
    entry->status = RC_STATUS_PLANNED;
  entry->done_minutes = RC_NONE;
  entry->done_rpe = RC_NONE;
  if (entry->status != RC_STATUS_DONE)
    return;
  entry->done_minutes = get_x_int (comp, X_DONE_MINUTES, RC_MINUTES_MIN, RC_MINUTES_MAX);
  entry->done_rpe = get_x_int (comp, X_DONE_RPE, RC_RPE_MIN, RC_RPE_MAX);
}

/* Our own export: every field from its X- properties. */
static gboolean
fill_ours (RcEntry       *entry,
           icalcomponent *comp,
           const char    *summary)
{
  const char *title = get_x (comp, X_TITLE);
  int minutes = get_x_int (comp, X_MINUTES, RC_MINUTES_MIN, RC_MINUTES_MAX);
  g_autofree char *expected = NULL;

  if (!rc_kind_from_string (get_x (comp, X_KIND), &entry->kind))
    return FALSE;
  entry->massage = RC_MASSAGE_NONE;
  if (entry->kind == RC_KIND_MASSAGE &&
      (!rc_massage_from_string (get_x (comp, X_MASSAGE), &entry->massage) ||
       entry->massage == RC_MASSAGE_NONE))
    entry->massage = RC_MASSAGE_MAINTENANCE;
  entry->rpe = get_x_int (comp, X_RPE, RC_RPE_MIN, RC_RPE_MAX);
  if (minutes != RC_NONE)
    entry->minutes = minutes;
  entry->title = title != NULL && title[0] != '\0' ? g_strdup (title) : NULL;
  entry->notes = g_strdup (get_x (comp, X_NOTES));
  fill_status (entry, comp);
  /* A summary changed in another calendar since our export wins. */
  expected = rc_ics_entry_summary (entry);
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
    fill_foreign (im, entry, ev->comp, ev->summary);
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
  RcEntry    *model;      /* the event's fields, mapped once for all occurrences */
} Expansion;

/* Mapping an event (kind from words, X- properties) costs more than an
 * occurrence should: it is done once, and each occurrence is a copy. */
static RcEntry *
occurrence_entry (Expansion       *x,
                  const EventTime *t,
                  const char      *uid)
{
  RcEntry *entry;

  if (x->model == NULL)
    x->model = make_entry (x->im, x->ev, t, x->minutes, uid);
  entry = rc_entry_copy (x->model);
  to_local (x->im, t, &entry->day, &entry->time);
  g_free (entry->uid);
  entry->uid = g_strdup (uid);
  return entry;
}

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
  if (x->im->entries->len >= RC_ICS_MAX_ENTRIES)
    {
      skip (x->im, x->ev, _("left out: the file holds more than %u entries"), RC_ICS_MAX_ENTRIES);
      return FALSE;
    }
  x->count++;
  uid = g_strconcat (x->ev->uid, "#", key, NULL);
  put_entry (x->im, occurrence_entry (x, t, uid));
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

  /* An UNTIL past the horizon stops nothing the horizon does not; and
   * converting it would expand the zone up to its year (4054, say). */
  if (!icaltime_is_null_time (recur.until) &&
      (!time_is_valid (&recur.until) ||
       rc_day_from_ymd (recur.until.year, recur.until.month, recur.until.day) > x->horizon + 1))
    recur.until = icaltime_null_time ();
  /* The iterator runs on DTSTART's wall clock: a UTC UNTIL must be on it too. */
  if (start->form == FORM_ZONED && !icaltime_is_null_time (recur.until) &&
      !recur.until.is_date && icaltime_is_utc (recur.until))
    {
      recur.until = icaltime_convert_to_zone (recur.until, start->zone);
      recur.until.zone = NULL;
    }
  /* libical searches up to 2037 and beyond for a match: with an impossible
   * rule (BYMONTH=2;BYMONTHDAY=30) that takes seconds. DTSTART stays. */
  if (rc_ics_rule_never_occurs (&recur))
    return TRUE;
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

      if (rc_ics_check_cancelled (RC_ICS_STAGE_EXPAND, &x->im->expand_turns, x->im->cancellable, &x->im->error))
        {
          more = FALSE;
          break;
        }
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
                  event_minutes (im, ev->comp, start), NULL };
  g_autoptr(GPtrArray) rrules = properties (ev->comp, ICAL_RRULE_PROPERTY);
  gboolean more;

  /* A plan repeats daily at most; a finer rule (libical would step through
   * every second to 2037) is refused whole, before any expanding. */
  for (guint i = 0; i < rrules->len; i++)
    if (icalproperty_get_rrule (rrules->pdata[i]).freq < ICAL_DAILY_RECURRENCE)
      {
        skip (im, ev, _("it repeats more often than daily"));
        g_hash_table_unref (x.excluded);
        g_hash_table_unref (x.seen);
        return;
      }
  more = add_occurrence (&x, start);

  for (guint i = 0; more && i < rrules->len; i++)
    more = expand_rrule (&x, rrules->pdata[i], start);
  if (more)
    expand_rdates (&x);
  g_clear_pointer (&x.model, rc_entry_free);
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
  /* Without white space at its ends, which libical keeps on one reading
   * ("UID:x\l" reads "x ") and drops on the next: an event keeps its UID
   * through export and import. */
  const char *raw = icalcomponent_get_uid (comp);
  g_autofree char *uid = raw != NULL ? g_strstrip (g_strdup (raw)) : NULL;
  icalproperty *start = icalcomponent_get_first_property (comp, ICAL_DTSTART_PROPERTY);
  g_autofree char *value = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *hash = NULL;

  if (uid != NULL && uid[0] != '\0')
    return g_steal_pointer (&uid);
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

/* Our own ideal-day marker (export --windows): advice derived from a plan,
 * not a session. Known by its X- property, else by the UID or the summary
 * we gave it, which a phone calendar's re-export keeps. */
static gboolean
is_window (icalcomponent *comp,
           const char    *uid,
           const char    *summary)
{
  return find_x (comp, X_WINDOW) != NULL ||
         (g_str_has_prefix (uid, "ideal-") && g_str_has_suffix (uid, "@recoverycal")) ||
         g_strcmp0 (summary, "Ideal massage day") == 0 ||
         g_strcmp0 (summary, _("Ideal massage day")) == 0;
}

/* Ours, or naming a training, or --unknown-as says what such events are. */
static gboolean
is_training (Import        *im,
             icalcomponent *comp,
             const char    *summary)
{
  RcKind kind;
  RcMassage massage;

  return im->unknown_as < RC_N_KINDS ||
         rc_kind_from_string (get_x (comp, X_KIND), &kind) ||
         foreign_kind (comp, summary, &kind, &massage);
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
  if (is_window (comp, ev.uid, ev.summary))
    im->n_windows++;    /* counted, and explained once for all of them */
  else if (!is_training (im, comp, ev.summary))
    {
      im->n_not_training++;
      skip (im, &ev, _("not a training session"));
    }
  else if (rid != NULL)
    import_override (im, &ev, rid);
  else if (icalcomponent_get_status (comp) == ICAL_STATUS_CANCELLED)
    skip (im, &ev, _("cancelled"));
  else if (!event_start (im, &ev, &start))
    ;
  else if (icalcomponent_get_first_property (comp, ICAL_RRULE_PROPERTY) != NULL ||
           icalcomponent_get_first_property (comp, ICAL_RDATE_PROPERTY) != NULL)
    expand (im, &ev, &start);
  else if (im->entries->len >= RC_ICS_MAX_ENTRIES)
    skip (im, &ev, _("left out: the file holds more than %u entries"), RC_ICS_MAX_ENTRIES);
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
           c != NULL && im->error == NULL;
           c = icalcomponent_get_next_component (im->cal, ICAL_VEVENT_COMPONENT), i++)
        if (!rc_ics_check_cancelled (RC_ICS_STAGE_MAP, &im->turns, im->cancellable, &im->error))
          import_event (im, c, i < event_lines->len ? &g_array_index (event_lines, EventLine, i) : NULL,
                        pass == 1);
    }
}

/* Appends the reasons to RESULT's, and counts the skips. */
static void
hand_over_counts (Import            *im,
                  RcIcsImportResult *result)
{
  guint n_reasons = im->skips->len;

  if (result->skip_reasons == NULL)
    result->skip_reasons = g_ptr_array_new_with_free_func (g_free);
  hand_over_skips (im->skips, result->skip_reasons);
  if (im->n_windows > 0)
    g_ptr_array_add (result->skip_reasons,
                     /* Translators: why events of an import were skipped */
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ideal massage day: advice exported by RecoveryCal, not a session",
                                                   "%u ideal massage days: advice exported by RecoveryCal, not sessions",
                                                   im->n_windows),
                                      im->n_windows));
  result->skipped += n_reasons + im->n_windows;
  result->not_training += im->n_not_training;
  result->windows += im->n_windows;
}

GPtrArray *
rc_ics_parse_full (const char         *data,
                   gsize               length,
                   const char         *name,
                   RcDay               today,
                   RcKind              unknown_as,
                   RcIcsImportResult  *result,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr(GArray) event_lines = g_array_new (FALSE, TRUE, sizeof (EventLine));
  Import im = { .name = name, .horizon = RC_DAY_INVALID, .unknown_as = unknown_as,
                .cancellable = cancellable };
  GPtrArray *out;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (unknown_as <= RC_N_KINDS, NULL);

  g_array_set_clear_func (event_lines, rc_ics_event_line_clear);
  rc_ics_init ();
  im.cal = rc_ics_parse_calendar (data != NULL ? data : "", length, name, event_lines,
                                  cancellable, error);
  if (im.cal == NULL)
    return NULL;
  im.local = g_time_zone_new_local ();
  im.horizon = horizon (im.cal, today != RC_DAY_INVALID ? today : rc_day_today ());
  im.deadline = g_get_monotonic_time () + RC_ICS_EXPANSION_BUDGET_MS * 1000;
  im.entries = g_ptr_array_new ();
  im.by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  im.skips = g_array_new (FALSE, FALSE, sizeof (Skip));
  g_array_set_clear_func (im.skips, skip_clear);
  import_events (&im, event_lines);
  if (im.error == NULL && result != NULL)
    hand_over_counts (&im, result);
  g_array_unref (im.skips);

  out = g_ptr_array_new_full (im.entries->len, (GDestroyNotify) rc_entry_free);
  for (guint i = 0; i < im.entries->len; i++)
    if (im.entries->pdata[i] != NULL)
      g_ptr_array_add (out, im.entries->pdata[i]);
  g_ptr_array_unref (im.entries);
  g_hash_table_unref (im.by_uid);
  g_time_zone_unref (im.local);
  icalcomponent_free (im.cal);
  if (im.error != NULL)
    {
      g_propagate_error (error, im.error);
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  return out;
}

GPtrArray *
rc_ics_parse (const char  *data,
              gsize        length,
              const char  *name,
              RcDay        today,
              GPtrArray   *skip_reasons,
              GError     **error)
{
  RcIcsImportResult result = { 0 };
  GPtrArray *entries;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  result.skip_reasons = skip_reasons != NULL ? g_ptr_array_ref (skip_reasons) : NULL;
  entries = rc_ics_parse_full (data, length, name, today, RC_N_KINDS,
                               skip_reasons != NULL ? &result : NULL, NULL, error);
  rc_ics_import_result_clear (&result);
  return entries;
}

/* The key of COMP's RECURRENCE-ID, "" when it has none, "?" when it cannot
 * be placed (no occurrence carries that key). */
static char *
event_key (Import        *im,
           icalcomponent *comp)
{
  icalproperty *rid = icalcomponent_get_first_property (comp, ICAL_RECURRENCEID_PROPERTY);
  g_autofree char *why = NULL;
  EventTime t;

  if (rid == NULL)
    return g_strdup ("");
  if (!resolve_time (im, rid, icalproperty_get_recurrenceid (rid), &t, &why))
    return g_strdup ("?");
  return occurrence_key (&t);
}

GPtrArray *
rc_ics_event_keys (const char  *data,
                   gsize        length,
                   gboolean    *series,
                   char       **uid)
{
  g_autoptr(GArray) event_lines = g_array_new (FALSE, TRUE, sizeof (EventLine));
  Import im = { .name = "", .horizon = RC_DAY_INVALID, .unknown_as = RC_N_KINDS };
  GPtrArray *keys;

  g_return_val_if_fail (series != NULL, NULL);
  g_array_set_clear_func (event_lines, rc_ics_event_line_clear);
  rc_ics_init ();
  *series = FALSE;
  if (uid != NULL)
    *uid = NULL;
  im.cal = rc_ics_parse_calendar (data != NULL ? data : "", length, "", event_lines, NULL, NULL);
  if (im.cal == NULL)
    return NULL;
  keys = g_ptr_array_new_with_free_func (g_free);
  for (icalcomponent *c = icalcomponent_get_first_component (im.cal, ICAL_VEVENT_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (im.cal, ICAL_VEVENT_COMPONENT))
    {
      char *key = event_key (&im, c);

      *series = *series || key[0] != '\0' ||
                icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY) != NULL ||
                icalcomponent_get_first_property (c, ICAL_RDATE_PROPERTY) != NULL;
      if (uid != NULL && *uid == NULL && icalcomponent_get_uid (c) != NULL)
        *uid = g_strdup (icalcomponent_get_uid (c));
      g_ptr_array_add (keys, key);
    }
  icalcomponent_free (im.cal);
  return keys;
}
