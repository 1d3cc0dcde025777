/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-sync-windows.c - the one-way "massage windows" calendar (sync.md):
 * each ideal massage day of the plan as an all-day transparent event, the
 * same one `export --windows` writes, one resource "ideal-DATE.ics" each.
 * Each sync makes the calendar match the plan's advice: new ideal days are
 * added, changed advice (and others' edits) overwritten, days no longer
 * ideal removed. Nothing there is ever read into the plan. */

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "rc-ics.h"
#include "rc-sync.h"

/* The name of our resource for DAY: "ideal-2026-12-21.ics". */
static char *
window_name (RcDay day)
{
  g_autofree char *iso = rc_day_to_iso (day);

  return g_strdup_printf ("ideal-%s.ics", iso);
}

static const char *
base_name (const char *href)
{
  const char *slash = strrchr (href, '/');

  return slash != NULL ? slash + 1 : href;
}

/* Ours: what an earlier sync put there (others' events are left alone). */
static gboolean
is_window_href (const char *href)
{
  const char *name = base_name (href);

  return g_str_has_prefix (name, "ideal-") && g_str_has_suffix (name, ".ics");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* TEXT's event as its properties, each as libical writes it, sorted, less
 * those that change with every write (DTSTAMP) or that servers add: two
 * texts that say the same thing compare equal, whatever order and line
 * folding the server stored them in. */
static char *
signature (const char *text)
{
  icalcomponent *cal = text != NULL ? icalparser_parse_string (text) : NULL;
  icalcomponent *event = cal != NULL ? icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT) : NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (icalproperty *p = event != NULL ? icalcomponent_get_first_property (event, ICAL_ANY_PROPERTY) : NULL;
       p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_ANY_PROPERTY))
    {
      icalproperty_kind kind = icalproperty_isa (p);

      if (kind != ICAL_DTSTAMP_PROPERTY && kind != ICAL_LASTMODIFIED_PROPERTY &&
          kind != ICAL_CREATED_PROPERTY && kind != ICAL_SEQUENCE_PROPERTY)
        g_ptr_array_add (lines, icalproperty_as_ical_string_r (p));
    }
  if (cal != NULL)
    icalcomponent_free (cal);
  if (event == NULL)
    return NULL;
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("", (char **) lines->pdata);
}

/* Name → the event's text, for each ideal day of the plan: the span of
 * `export --windows` (first entry to last), at most its last
 * RC_ICS_MAX_ADVICE_DAYS days. */
static GHashTable *
wanted_windows (RcStore  *store,
                GError  **error)
{
  g_autoptr(GPtrArray) entries = rc_store_list (store, RC_DAY_INVALID, RC_DAY_INVALID, error);
  g_autoptr(GArray) advice = NULL;
  GHashTable *wanted;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  RcDay first, last;

  if (entries == NULL)
    return NULL;
  wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (entries->len == 0)
    return wanted;
  first = ((RcEntry *) entries->pdata[0])->day;
  last = ((RcEntry *) entries->pdata[entries->len - 1])->day;
  if (last - first >= RC_ICS_MAX_ADVICE_DAYS)
    first = last - RC_ICS_MAX_ADVICE_DAYS + 1;
  advice = rc_rules_advise_range ((const RcEntry * const *) entries->pdata, entries->len, first, last,
                                  rc_store_get_profile (store), rc_store_get_week_start (store),
                                  rc_store_get_default_minutes (store, RC_KIND_MASSAGE));
  for (guint i = 0; i < advice->len; i++)
    {
      const RcAdvice *a = &g_array_index (advice, RcAdvice, i);

      if (a->verdict == RC_VERDICT_IDEAL)
        g_hash_table_insert (wanted, window_name (a->day), rc_ics_export_string (NULL, 0, a, 1, TRUE, now));
    }
  return wanted;
}

static char *
href_in (const char *calendar,
         const char *name)
{
  g_autofree char *base = g_str_has_suffix (calendar, "/") ? g_strdup (calendar)
                                                          : g_strconcat (calendar, "/", NULL);

  return g_uri_resolve_relative (base, name, G_URI_FLAGS_ENCODED, NULL);
}

/* The server's texts of LISTING's hrefs that are ours, by name. */
static GHashTable *
fetch_ours (RcCaldav      *client,
            const char    *calendar,
            GPtrArray     *listing,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) hrefs = g_ptr_array_new ();
  g_autoptr(GPtrArray) got = NULL;
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < listing->len; i++)
    if (is_window_href (((RcDavResponse *) listing->pdata[i])->href))
      g_ptr_array_add (hrefs, ((RcDavResponse *) listing->pdata[i])->href);
  if (hrefs->len == 0)
    return texts;
  got = rc_caldav_multiget (client, calendar, (const char * const *) hrefs->pdata, hrefs->len,
                            cancellable, error);
  if (got == NULL)
    {
      g_hash_table_unref (texts);
      return NULL;
    }
  for (guint i = 0; i < got->len; i++)
    {
      RcDavResponse *r = got->pdata[i];

      if (r->calendar_data != NULL)
        g_hash_table_insert (texts, g_strdup (base_name (r->href)), g_strdup (r->calendar_data));
    }
  return texts;
}

/* Our events on the server that no ideal day wants any more go. */
static gboolean
remove_stale (RcCaldav      *client,
              GPtrArray     *listing,
              GHashTable    *wanted,
              guint         *removed,
              GCancellable  *cancellable,
              GError       **error)
{
  for (guint i = 0; i < listing->len; i++)
    {
      RcDavResponse *r = listing->pdata[i];
      g_autoptr(GError) local = NULL;

      if (!is_window_href (r->href) || g_hash_table_contains (wanted, base_name (r->href)))
        continue;
      if (!rc_caldav_delete (client, r->href, r->etag, cancellable, &local) &&
          !g_error_matches (local, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      (*removed)++;
    }
  return TRUE;
}

/* Each wanted event written where the server lacks it or says otherwise. */
static gboolean
write_wanted (RcCaldav      *client,
              const char    *calendar,
              GPtrArray     *listing,
              GHashTable    *wanted,
              GHashTable    *texts,
              guint         *written,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GHashTable) etags = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer name, text;

  for (guint i = 0; i < listing->len; i++)
    g_hash_table_insert (etags, (gpointer) base_name (((RcDavResponse *) listing->pdata[i])->href),
                         ((RcDavResponse *) listing->pdata[i])->etag);
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &name, &text))
    {
      g_autofree char *want = signature (text);
      g_autofree char *have = signature (g_hash_table_lookup (texts, name));
      g_autofree char *href = NULL;
      g_autoptr(GError) local = NULL;
      const char *etag = g_hash_table_lookup (etags, name);

      if (have != NULL && g_strcmp0 (want, have) == 0)
        continue;
      href = href_in (calendar, name);
      /* a conditional write all the same: a 412 means someone wrote it
       * meanwhile, and the next sync overwrites that */
      if (!rc_caldav_put (client, href, text, etag, NULL, cancellable, &local))
        {
          if (g_error_matches (local, RC_CALDAV_ERROR, RC_CALDAV_ERROR_PRECONDITION))
            continue;
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      (*written)++;
    }
  return TRUE;
}

gboolean
rc_sync_windows (RcStore       *store,
                 RcCaldav      *client,
                 const char    *calendar,
                 RcSyncStats   *stats,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GHashTable) wanted = wanted_windows (store, error);
  g_autoptr(GPtrArray) listing = NULL;
  g_autoptr(GHashTable) texts = NULL;

  if (wanted == NULL ||
      (listing = rc_caldav_list_etags (client, calendar, cancellable, error)) == NULL ||
      (texts = fetch_ours (client, calendar, listing, cancellable, error)) == NULL)
    return FALSE;
  /* removed first: a day's event may come back under another name */
  return remove_stale (client, listing, wanted, &stats->windows_removed, cancellable, error) &&
         write_wanted (client, calendar, listing, wanted, texts, &stats->windows_written,
                       cancellable, error);
}
