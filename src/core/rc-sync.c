/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-sync.c - pull, three-way merge, push (sync.md). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "rc-ics.h"
#include "rc-sync.h"

typedef struct {
  RcStore       *store;
  RcCaldav      *client;
  RcSyncAccount *account;
  GHashTable    *resources;   /* uid → RcSyncResource */
  GHashTable    *by_href;     /* href → uid (borrowed) */
  GHashTable    *pending;     /* uid → RcSyncPending (borrowed from pending_list) */
  GPtrArray     *pending_list;
  RcSyncStats   *stats;
  GCancellable  *cancellable;
  GPtrArray     *done;        /* Done*: uploads not yet recorded in the store */
} Sync;

/* An upload the server confirmed, recorded with the next batch. */
typedef struct {
  const RcSyncPending *pending;   /* borrowed from pending_list */
  RcSyncResource      *resource;  /* NULL: deleted */
} Done;

/* Uploads are recorded this many at a time: one disk sync each batch. A
 * crash loses at most these records, and the next pull finds the
 * resources on the server with their uids, so nothing doubles. */
#define DONE_BATCH 25

static void
done_free (Done *d)
{
  rc_sync_resource_free (d->resource);
  g_free (d);
}

static RcDay
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return rc_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now));
}

/* The single entry of a resource's text, or NULL: without an error when
 * it is an event we leave alone (recurring ones, other components), with
 * one when the text is not iCalendar at all. An event that names no
 * training is cross-training: this calendar is the training calendar. */
static RcEntry *
entry_of (const char  *ics,
          const char  *href,
          GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) local = NULL;

  if (ics == NULL)
    return NULL;
  entries = rc_ics_parse_full (ics, strlen (ics), href, today (), RC_KIND_CROSS, NULL, &local);
  if (entries == NULL)
    {
      g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_MALFORMED,
                   _("The calendar resource %s is not valid iCalendar: %s"), href, local->message);
      return NULL;
    }
  if (entries->len != 1 || strchr (((RcEntry *) entries->pdata[0])->uid, '#') != NULL)
    return NULL;
  return g_ptr_array_steal_index (entries, 0);
}

/* ---- three-way merge ---------------------------------------------------- */

typedef enum { F_DATE, F_TIME, F_KIND, F_MINUTES, F_RPE, F_TITLE, F_NOTES, F_STATUS, N_FIELDS } Field;
static const char *const field_names[N_FIELDS] = { "date", "time", "kind", "minutes", "rpe", "title", "notes", "status" };

/* The kind as the command line names it: "tempo", or the massage's "post-run". */
static const char *
kind_text (const RcEntry *e)
{
  return e->kind == RC_KIND_MASSAGE ? rc_massage_to_string (e->massage) : rc_kind_to_string (e->kind);
}

static char *
field_text (const RcEntry *e,
            Field          f)
{
  switch (f)
    {
    case F_DATE: return rc_day_to_iso (e->day);
    case F_TIME: return e->time == RC_NONE ? NULL : g_strdup_printf ("%02d:%02d", e->time / 60, e->time % 60);
    case F_KIND: return g_strdup (kind_text (e));
    case F_MINUTES: return e->minutes == RC_NONE ? NULL : g_strdup_printf ("%d", e->minutes);
    case F_RPE: return e->rpe == RC_NONE ? NULL : g_strdup_printf ("%d", e->rpe);
    case F_TITLE: return g_strdup (e->title != NULL ? e->title : "");
    case F_NOTES: return g_strdup (e->notes);
    case F_STATUS: return g_strdup (rc_status_to_string (e->status));
    default: g_assert_not_reached ();
    }
}

static void
copy_field (RcEntry       *to,
            const RcEntry *from,
            Field          f)
{
  switch (f)
    {
    case F_DATE: to->day = from->day; break;
    case F_TIME: to->time = from->time; break;
    case F_KIND: to->kind = from->kind; to->massage = from->massage; break;
    case F_MINUTES: to->minutes = from->minutes; break;
    case F_RPE: to->rpe = from->rpe; break;
    case F_TITLE: g_free (to->title); to->title = g_strdup (from->title); break;
    case F_NOTES: g_free (to->notes); to->notes = g_strdup (from->notes); break;
    case F_STATUS:
      to->status = from->status;
      to->done_minutes = from->done_minutes;
      to->done_rpe = from->done_rpe;
      break;
    default: g_assert_not_reached ();
    }
}

/* REMOTE with the fields only LOCAL changed since BASE taken from LOCAL;
 * where both changed a field differently the server wins and the local
 * value is recorded as a conflict. */
static gboolean
merge (Sync           *s,
       RcEntry        *remote,
       const RcEntry  *local,
       const RcEntry  *base,
       GError        **error)
{
  for (Field f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *b = base != NULL ? field_text (base, f) : NULL;
      g_autofree char *l = field_text (local, f);
      g_autofree char *r = field_text (remote, f);

      if (g_strcmp0 (l, r) == 0 || (base != NULL && g_strcmp0 (l, b) == 0))
        continue;
      if (base != NULL && g_strcmp0 (r, b) == 0)
        copy_field (remote, local, f);
      else
        {
          RcSyncConflict c = { local->id, (char *) field_names[f], r, l };

          if (!rc_store_sync_add_conflict (s->store, &c, error))
            return FALSE;
          s->stats->conflicts++;
        }
    }
  return TRUE;
}

/* Sets field NAME of ENTRY from its text as field_text() wrote it. */
static void
set_field_text (RcEntry    *entry,
                const char *name,
                const char *text)
{
  RcKind kind;
  RcMassage massage;

  if (g_str_equal (name, "date") && rc_day_from_iso (text) != RC_DAY_INVALID)
    entry->day = rc_day_from_iso (text);
  else if (g_str_equal (name, "time"))
    entry->time = text != NULL ? rc_time_from_string (text) : RC_NONE;
  else if (g_str_equal (name, "kind") && text != NULL && rc_kind_from_string (text, &kind) && kind != RC_KIND_MASSAGE)
    entry->kind = kind, entry->massage = RC_MASSAGE_NONE;
  else if (g_str_equal (name, "kind") && text != NULL && rc_massage_from_string (text, &massage))
    entry->kind = RC_KIND_MASSAGE, entry->massage = massage;
  else if (g_str_equal (name, "minutes"))
    entry->minutes = text != NULL ? atoi (text) : RC_NONE;
  else if (g_str_equal (name, "rpe"))
    entry->rpe = text != NULL ? atoi (text) : RC_NONE;
  else if (g_str_equal (name, "title"))
    g_free (entry->title), entry->title = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
  else if (g_str_equal (name, "notes"))
    g_free (entry->notes), entry->notes = g_strdup (text);
  else if (g_str_equal (name, "status"))
    rc_status_from_string (text, &entry->status);
}

gboolean
rc_sync_use_mine (RcStore  *store,
                  gint64    entry_id,
                  GError  **error)
{
  g_return_val_if_fail (RC_IS_STORE (store), FALSE);

  g_autoptr(GPtrArray) conflicts = rc_store_sync_list_conflicts (store, error);
  g_autoptr(RcEntry) entry = NULL;
  gboolean found = FALSE;

  if (conflicts == NULL || (entry = rc_store_get (store, entry_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < conflicts->len; i++)
    {
      RcSyncConflict *c = conflicts->pdata[i];

      if (c->entry_id != entry_id)
        continue;
      set_field_text (entry, c->field, c->local_value);
      found = TRUE;
    }
  if (!found)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND,
                   _("Entry %lld has no conflict."), (long long) entry_id);
      return FALSE;
    }
  /* the update marks the entry pending: the next sync uploads it */
  return rc_store_update (store, entry, error) && rc_store_sync_clear_conflicts (store, entry_id, error);
}

/* ---- down --------------------------------------------------------------- */

static gboolean
apply_one (Sync                *s,
           const RcDavResponse *r,
           GError             **error)
{
  const char *uid = g_hash_table_lookup (s->by_href, r->href);
  RcSyncResource *old = uid != NULL ? g_hash_table_lookup (s->resources, uid) : NULL;
  g_autoptr(GError) bad = NULL;
  g_autoptr(RcEntry) remote = entry_of (r->calendar_data, r->href, &bad);
  g_autoptr(RcEntry) local = NULL;
  g_autoptr(RcEntry) base = NULL;
  RcSyncPending *pending;
  RcSyncResource res = { NULL, (char *) r->href, r->etag, r->calendar_data };

  if (bad != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&bad));
      return FALSE;
    }
  if (remote == NULL)
    return TRUE;   /* not an event we can take: left on the server as it is */
  res.uid = remote->uid;
  pending = g_hash_table_lookup (s->pending, remote->uid);
  local = rc_store_get_by_uid (s->store, remote->uid, NULL);
  if (pending != NULL && pending->op == RC_SYNC_OP_PUT && local != NULL)
    {
      base = old != NULL ? entry_of (old->ics, old->href, NULL) : NULL;
      if (!merge (s, remote, local, base, error))
        return FALSE;
    }
  if (!rc_store_sync_apply_remote (s->store, remote->uid, remote, &res, error))
    return FALSE;
  /* a delete here against an edit there: the edit stays */
  if (pending != NULL && pending->op == RC_SYNC_OP_DELETE &&
      !rc_store_sync_done_local (s->store, pending, &res, error))
    return FALSE;
  if (old != NULL)
    s->stats->down_changed++;
  else
    s->stats->down_added++;
  return TRUE;
}

static gboolean
apply_deleted (Sync        *s,
               const char  *href,
               GError     **error)
{
  const char *uid = g_hash_table_lookup (s->by_href, href);
  RcSyncPending *pending = uid != NULL ? g_hash_table_lookup (s->pending, uid) : NULL;
  g_autoptr(RcEntry) local = NULL;

  if (uid == NULL)
    return TRUE;
  if (pending != NULL && pending->op == RC_SYNC_OP_PUT &&
      (local = rc_store_get_by_uid (s->store, uid, NULL)) != NULL)
    /* edited here, deleted there: the edit stays and is created anew */
    return rc_store_sync_apply_remote (s->store, uid, local, NULL, error);
  s->stats->down_deleted++;
  return rc_store_sync_apply_remote (s->store, uid, NULL, NULL, error);
}

typedef struct {
  Sync      *s;
  GPtrArray *responses;   /* RcDavResponse*: 404 ones are deletions */
  guint      first;
  guint      stats[3];    /* down added, changed, deleted before the batch */
} ApplyBatch;

static gboolean
apply_some (gpointer   data,
            GError   **error)
{
  ApplyBatch *b = data;

  for (guint i = b->first; i < b->responses->len && i < b->first + RC_CALDAV_MULTIGET_BATCH; i++)
    {
      RcDavResponse *r = b->responses->pdata[i];

      if (r->status == 404 ? !apply_deleted (b->s, r->href, error) : !apply_one (b->s, r, error))
        return FALSE;
    }
  return TRUE;
}

/* RESPONSES into the store, a hundred a transaction; a failed batch leaves
 * the store and the counts as they were before it. */
static gboolean
apply_batch (Sync       *s,
             GPtrArray  *responses,
             GError    **error)
{
  ApplyBatch b = { s, responses, 0, { 0 } };

  for (b.first = 0; b.first < responses->len; b.first += RC_CALDAV_MULTIGET_BATCH)
    {
      b.stats[0] = s->stats->down_added, b.stats[1] = s->stats->down_changed, b.stats[2] = s->stats->down_deleted;
      if (!rc_store_sync_batch (s->store, apply_some, &b, error))
        {
          s->stats->down_added = b.stats[0], s->stats->down_changed = b.stats[1], s->stats->down_deleted = b.stats[2];
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
fetch_changed (Sync       *s,
               GPtrArray  *hrefs,
               GError    **error)
{
  g_autoptr(GPtrArray) got = NULL;

  if (hrefs->len == 0)
    return TRUE;
  got = rc_caldav_multiget (s->client, s->account->calendar, (const char * const *) hrefs->pdata,
                            hrefs->len, s->cancellable, error);
  if (got == NULL)
    return FALSE;
  return apply_batch (s, got, error);
}

static gboolean
known_etag (Sync                *s,
            const RcDavResponse *r)
{
  const char *uid = g_hash_table_lookup (s->by_href, r->href);
  RcSyncResource *res = uid != NULL ? g_hash_table_lookup (s->resources, uid) : NULL;

  return res != NULL && r->etag != NULL && g_strcmp0 (res->etag, r->etag) == 0;
}

/* Without a usable token: every href and etag, compared with ours. */
static gboolean
pull_full (Sync    *s,
           GError **error)
{
  g_autoptr(GPtrArray) listing = rc_caldav_list_etags (s->client, s->account->calendar, s->cancellable, error);
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GHashTableIter iter;
  gpointer href;

  if (listing == NULL)
    return FALSE;
  changed = g_ptr_array_new ();
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < listing->len; i++)
    {
      RcDavResponse *r = listing->pdata[i];

      g_hash_table_add (seen, r->href);
      if (!known_etag (s, r))
        g_ptr_array_add (changed, r->href);
    }
  if (!fetch_changed (s, changed, error))
    return FALSE;
  g_hash_table_iter_init (&iter, s->by_href);
  while (g_hash_table_iter_next (&iter, &href, NULL))
    if (!g_hash_table_contains (seen, href) && !apply_deleted (s, href, error))
      return FALSE;
  return TRUE;
}

static gboolean
pull (Sync    *s,
      char   **token,
      GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(RcDavMultistatus) ms = rc_caldav_sync_collection (s->client, s->account->calendar,
                                                              s->account->sync_token, s->cancellable, &local);
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) deleted = NULL;

  if (ms == NULL)
    {
      if (!g_error_matches (local, RC_CALDAV_ERROR, RC_CALDAV_ERROR_INVALID_TOKEN) &&
          !g_error_matches (local, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NO_SYNC))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      *token = NULL;
      return pull_full (s, error);
    }
  changed = g_ptr_array_new ();
  deleted = g_ptr_array_new ();
  for (guint i = 0; i < ms->responses->len; i++)
    {
      RcDavResponse *r = ms->responses->pdata[i];

      if (r->status == 404)
        g_ptr_array_add (deleted, r);
      else if (!known_etag (s, r))
        g_ptr_array_add (changed, r->href);
    }
  if (!apply_batch (s, deleted, error) || !fetch_changed (s, changed, error))
    return FALSE;
  *token = g_steal_pointer (&ms->sync_token);
  return TRUE;
}

/* ---- up ----------------------------------------------------------------- */

/* Content lines of an iCalendar text as they are written: each one with
 * its folded continuations and its line end, so that what we keep is
 * kept byte for byte (libical would split CATEGORIES, reorder, refold). */
typedef struct {
  const char *text;
  gsize       len;
} RawLine;

static GArray *
raw_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (RawLine));
  const char *p = text;

  while (*p != '\0')
    {
      RawLine line = { p, 0 };
      const char *q = p;

      for (;;)
        {
          const char *eol = strchr (q, '\n');

          q = eol != NULL ? eol + 1 : q + strlen (q);
          if (*q != ' ' && *q != '\t')
            break;
        }
      line.len = (gsize) (q - p);
      g_array_append_val (lines, line);
      p = q;
    }
  return lines;
}

/* NAME of LINE ("DTSTART", "X-RECOVERYCAL-KIND", "BEGIN"), upper case. */
static char *
line_name (const RawLine *line)
{
  gsize n = 0;

  while (n < line->len && line->text[n] != ':' && line->text[n] != ';' &&
         line->text[n] != '\r' && line->text[n] != '\n')
    n++;
  return g_ascii_strup (line->text, (gssize) n);
}

static gboolean
line_is (const RawLine *line,
         const char    *content)
{
  gsize n = strlen (content);

  return line->len >= n && g_ascii_strncasecmp (line->text, content, n) == 0 &&
         (line->len == n || line->text[n] == '\r' || line->text[n] == '\n');
}

/* Properties our export writes: the stored copies give way to the new ones. */
static gboolean
is_ours (const RawLine *line)
{
  static const char *const names[] = { "DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION",
                                       "DTSTAMP", "LAST-MODIFIED", "TRANSP", "STATUS", NULL };
  g_autofree char *name = line_name (line);

  return g_strv_contains (names, name) || g_str_has_prefix (name, "X-RECOVERYCAL-");
}

/* Of TEXT's first VEVENT: our own properties (not those of its VALARMs). */
static void
collect_ours (GArray  *lines,
              GString *ours)
{
  int depth = 0;
  gboolean in_event = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      RawLine *l = &g_array_index (lines, RawLine, i);
      g_autofree char *name = line_name (l);

      if (g_str_equal (name, "BEGIN"))
        in_event = in_event || (depth == 1 && line_is (l, "BEGIN:VEVENT")), depth++;
      else if (g_str_equal (name, "END"))
        {
          depth--;
          if (in_event && depth == 1)
            return;
        }
      else if (in_event && depth == 2 && is_ours (l))
        g_string_append_len (ours, l->text, (gssize) l->len);
    }
}

/* The VTIMEZONE blocks of LINES that STORED lacks (by TZID). */
static void
collect_zones (GArray     *lines,
               const char *stored,
               GString    *zones)
{
  gboolean in_zone = FALSE, wanted = FALSE;
  gsize start = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      RawLine *l = &g_array_index (lines, RawLine, i);
      g_autofree char *name = line_name (l);

      if (line_is (l, "BEGIN:VTIMEZONE"))
        in_zone = TRUE, wanted = FALSE, start = zones->len;
      if (!in_zone)
        continue;
      g_string_append_len (zones, l->text, (gssize) l->len);
      if (g_str_equal (name, "TZID") && l->len > 5)
        {
          g_autofree char *tzid = g_strndup (l->text, l->len);

          wanted = strstr (stored, g_strstrip (tzid)) == NULL;
        }
      if (line_is (l, "END:VTIMEZONE"))
        {
          in_zone = FALSE;
          if (!wanted)
            g_string_truncate (zones, start);
        }
    }
}

/* The first CATEGORIES line of TEXT, line end left out; NULL when none. */
static char *
categories_line (const char *text)
{
  g_autoptr(GArray) lines = raw_lines (text);

  for (guint i = 0; i < lines->len; i++)
    {
      RawLine *l = &g_array_index (lines, RawLine, i);
      g_autofree char *name = line_name (l);

      if (g_str_equal (name, "CATEGORIES"))
        return g_strndup (l->text, strcspn (l->text, "\r\n"));
    }
  return NULL;
}

/* The CATEGORIES line our export wrote for the entry STORED holds: the
 * one to refresh when the kind changes (others' categories stay). */
static char *
our_old_categories (const char *stored)
{
  g_autoptr(RcEntry) before = entry_of (stored, "", NULL);
  const RcEntry *one[] = { before };
  g_autofree char *text = NULL;

  if (before == NULL)
    return NULL;
  text = rc_ics_export_string (one, 1, NULL, 0, FALSE, 0);
  return categories_line (text);
}

static gboolean
is_line (const RawLine *line,
         const char    *content)
{
  return content != NULL && line_is (line, content);
}

char *
rc_sync_patch_event (const RcEntry *entry,
                     const char    *stored)
{
  const RcEntry *one[] = { entry };
  g_autofree char *fresh = NULL;
  g_autoptr(GArray) fresh_lines = NULL;
  g_autoptr(GArray) old = NULL;
  g_autoptr(GString) ours = g_string_new (NULL);
  g_autoptr(GString) zones = g_string_new (NULL);
  g_autofree char *old_categories = NULL;
  g_autofree char *new_categories = NULL;
  GString *out;
  int depth = 0;
  gboolean in_event = FALSE, done = FALSE;

  g_return_val_if_fail (entry != NULL, NULL);

  fresh = rc_ics_export_string (one, 1, NULL, 0, FALSE, g_get_real_time () / G_USEC_PER_SEC);
  if (stored == NULL || strstr (stored, "BEGIN:VEVENT") == NULL)
    return g_steal_pointer (&fresh);
  old_categories = our_old_categories (stored);
  new_categories = categories_line (fresh);
  fresh_lines = raw_lines (fresh);
  collect_ours (fresh_lines, ours);
  collect_zones (fresh_lines, stored, zones);
  old = raw_lines (stored);
  out = g_string_new (NULL);
  for (guint i = 0; i < old->len; i++)
    {
      RawLine *l = &g_array_index (old, RawLine, i);
      g_autofree char *name = line_name (l);

      if (g_str_equal (name, "BEGIN"))
        {
          if (!done && depth == 1 && line_is (l, "BEGIN:VEVENT"))
            {
              g_string_append_len (out, zones->str, (gssize) zones->len);
              in_event = TRUE;
            }
          depth++;
        }
      else if (g_str_equal (name, "END"))
        {
          depth--;
          if (in_event && depth == 1)
            {
              g_string_append_len (out, ours->str, (gssize) ours->len);
              in_event = FALSE;
              done = TRUE;
            }
        }
      else if (in_event && depth == 2 && is_ours (l))
        continue;
      else if (in_event && depth == 2 && new_categories != NULL && is_line (l, old_categories))
        {
          g_string_append_printf (out, "%s\r\n", new_categories);
          continue;
        }
      g_string_append_len (out, l->text, (gssize) l->len);
    }
  return g_string_free (out, FALSE);
}

static gboolean
record_done (gpointer   data,
             GError   **error)
{
  Sync *s = data;

  for (guint i = 0; i < s->done->len; i++)
    {
      Done *d = s->done->pdata[i];

      if (!rc_store_sync_done_local (s->store, d->pending, d->resource, error))
        return FALSE;
    }
  return TRUE;
}

/* The queued uploads into the store, in one transaction. */
static gboolean
flush_done (Sync    *s,
            GError **error)
{
  if (s->done->len == 0)
    return TRUE;
  if (!rc_store_sync_batch (s->store, record_done, s, error))
    return FALSE;
  g_ptr_array_set_size (s->done, 0);
  return TRUE;
}

/* Takes RESOURCE (NULL: deleted). */
static gboolean
queue_done (Sync                *s,
            const RcSyncPending *pending,
            RcSyncResource      *resource,
            GError             **error)
{
  Done *d = g_new0 (Done, 1);

  d->pending = pending;
  d->resource = resource;
  g_ptr_array_add (s->done, d);
  return s->done->len < DONE_BATCH || flush_done (s, error);
}

static char *
new_href (Sync       *s,
          const char *uid)
{
  g_autofree char *name = g_uri_escape_string (uid, NULL, FALSE);
  g_autofree char *relative = g_strconcat (name, ".ics", NULL);
  g_autofree char *base = g_str_has_suffix (s->account->calendar, "/")
                            ? g_strdup (s->account->calendar) : g_strconcat (s->account->calendar, "/", NULL);

  return g_uri_resolve_relative (base, relative, G_URI_FLAGS_ENCODED, NULL);
}

/* A 412: someone changed HREF. Fetch it, merge LOCAL into it, store the
 * result; *OUT becomes the merged entry and RES the server's version. */
static gboolean
fetch_merge (Sync            *s,
             const char      *href,
             RcEntry         *local,
             RcSyncResource  *res,
             RcEntry        **out,
             GError         **error)
{
  g_autofree char *etag = NULL;
  g_autofree char *data = rc_caldav_get (s->client, href, &etag, s->cancellable, error);
  g_autoptr(RcEntry) base = res->ics != NULL ? entry_of (res->ics, href, NULL) : NULL;
  RcEntry *remote;

  if (data == NULL || (remote = entry_of (data, href, error)) == NULL)
    {
      if (data != NULL && error != NULL && *error == NULL)
        g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_MALFORMED,
                     _("%s is not a single iCalendar event."), href);
      return FALSE;
    }
  if (!merge (s, remote, local, base, error))
    {
      rc_entry_free (remote);
      return FALSE;
    }
  g_free (res->etag);
  res->etag = g_steal_pointer (&etag);
  g_free (res->ics);
  res->ics = g_steal_pointer (&data);
  remote->id = local->id;
  *out = remote;
  return TRUE;
}

static gboolean
push_put (Sync                *s,
          const RcSyncPending *p,
          GError             **error)
{
  RcSyncResource *known = g_hash_table_lookup (s->resources, p->uid);
  g_autoptr(RcEntry) entry = rc_store_get_by_uid (s->store, p->uid, NULL);
  RcSyncResource res = { NULL, NULL, NULL, NULL };
  g_autofree char *ics = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) local = NULL;
  gboolean ok;

  if (entry == NULL)
    return TRUE;   /* deleted meanwhile: its delete is pending */
  res.uid = g_strdup (p->uid);
  res.href = known != NULL ? g_strdup (known->href) : new_href (s, p->uid);
  res.etag = known != NULL ? g_strdup (known->etag) : NULL;
  res.ics = known != NULL ? g_strdup (known->ics) : NULL;
  ics = rc_sync_patch_event (entry, res.ics);
  ok = rc_caldav_put (s->client, res.href, ics, res.etag, &etag, s->cancellable, &local);
  if (!ok && g_error_matches (local, RC_CALDAV_ERROR, RC_CALDAV_ERROR_PRECONDITION) && res.etag != NULL)
    {
      RcEntry *merged = NULL;

      g_clear_error (&local);
      if (!fetch_merge (s, res.href, entry, &res, &merged, error))
        goto fail;
      g_free (ics);
      ics = rc_sync_patch_event (merged, res.ics);
      ok = rc_store_sync_apply_remote (s->store, p->uid, merged, &res, error) &&
           rc_caldav_put (s->client, res.href, ics, res.etag, &etag, s->cancellable, error);
      rc_entry_free (merged);
      if (!ok)
        goto fail;
    }
  else if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      goto fail;
    }
  if (known != NULL)
    s->stats->up_changed++;
  else
    s->stats->up_added++;
  g_free (res.etag);
  res.etag = g_steal_pointer (&etag);
  g_free (res.ics);
  res.ics = g_steal_pointer (&ics);
  return queue_done (s, p, g_memdup2 (&res, sizeof res), error);
fail:
  g_free (res.uid); g_free (res.href); g_free (res.etag); g_free (res.ics);
  return FALSE;
}

static gboolean
push_delete (Sync                *s,
             const RcSyncPending *p,
             GError             **error)
{
  RcSyncResource *known = g_hash_table_lookup (s->resources, p->uid);
  g_autoptr(GError) local = NULL;

  if (known == NULL)
    return queue_done (s, p, NULL, error);
  if (!rc_caldav_delete (s->client, known->href, known->etag, s->cancellable, &local) &&
      !g_error_matches (local, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NOT_FOUND))
    {
      g_autoptr(RcDavResponse) r = NULL;
      g_autofree char *etag = NULL;
      g_autofree char *data = NULL;

      if (!g_error_matches (local, RC_CALDAV_ERROR, RC_CALDAV_ERROR_PRECONDITION))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      /* edited there since: the edit stays, the delete is dropped */
      if ((data = rc_caldav_get (s->client, known->href, &etag, s->cancellable, error)) == NULL)
        return FALSE;
      r = g_new0 (RcDavResponse, 1);
      r->href = g_strdup (known->href);
      r->etag = g_steal_pointer (&etag);
      r->calendar_data = g_steal_pointer (&data);
      return apply_one (s, r, error);
    }
  s->stats->up_deleted++;
  return queue_done (s, p, NULL, error);
}

/* ---- the run ------------------------------------------------------------ */

static gboolean
load_state (Sync    *s,
            GError **error)
{
  g_clear_pointer (&s->resources, g_hash_table_unref);
  g_clear_pointer (&s->pending_list, g_ptr_array_unref);
  g_clear_pointer (&s->by_href, g_hash_table_unref);
  g_clear_pointer (&s->pending, g_hash_table_unref);
  if ((s->resources = rc_store_sync_list_resources (s->store, error)) == NULL ||
      (s->pending_list = rc_store_sync_list_pending (s->store, error)) == NULL)
    return FALSE;
  s->by_href = g_hash_table_new (g_str_hash, g_str_equal);
  s->pending = g_hash_table_new (g_str_hash, g_str_equal);
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, s->resources);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_hash_table_insert (s->by_href, ((RcSyncResource *) value)->href, ((RcSyncResource *) value)->uid);
  }
  for (guint i = 0; i < s->pending_list->len; i++)
    g_hash_table_insert (s->pending, ((RcSyncPending *) s->pending_list->pdata[i])->uid,
                         s->pending_list->pdata[i]);
  return TRUE;
}

static void
sync_clear (Sync *s)
{
  g_clear_pointer (&s->resources, g_hash_table_unref);
  g_clear_pointer (&s->pending_list, g_ptr_array_unref);
  g_clear_pointer (&s->by_href, g_hash_table_unref);
  g_clear_pointer (&s->pending, g_hash_table_unref);
  g_clear_pointer (&s->account, rc_sync_account_free);
  g_clear_pointer (&s->done, g_ptr_array_unref);
}

static gboolean
run_steps (Sync    *s,
           GError **error)
{
  g_autofree char *token = NULL;

  if (!load_state (s, error) || !pull (s, &token, error))
    return FALSE;
  /* the token is kept only once every change it covers is in the store */
  if (g_strcmp0 (token, s->account->sync_token) != 0 &&
      !rc_store_sync_set_token (s->store, token, error))
    return FALSE;
  if (!load_state (s, error))
    return FALSE;
  for (guint i = 0; i < s->pending_list->len; i++)
    {
      RcSyncPending *p = s->pending_list->pdata[i];

      if (p->op == RC_SYNC_OP_PUT ? !push_put (s, p, error) : !push_delete (s, p, error))
        {
          /* what the server took before the failure is recorded all the same */
          flush_done (s, NULL);
          return FALSE;
        }
    }
  return flush_done (s, error);
}

gboolean
rc_sync_run (RcStore       *store,
             RcCaldav      *client,
             RcSyncStats   *stats,
             GCancellable  *cancellable,
             GError       **error)
{
  Sync s = { store, client, NULL, NULL, NULL, NULL, NULL, stats, cancellable, NULL };
  guint before;
  gboolean ok;

  g_return_val_if_fail (RC_IS_STORE (store), FALSE);
  g_return_val_if_fail (RC_IS_CALDAV (client), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  before = rc_caldav_get_requests (client);
  memset (stats, 0, sizeof *stats);
  s.done = g_ptr_array_new_with_free_func ((GDestroyNotify) done_free);
  s.account = rc_store_sync_get_account (store, error);
  if (s.account == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND,
                             _("No calendar account is set up: add one with “account add”."));
      return FALSE;
    }
  ok = run_steps (&s, error);
  stats->requests = rc_caldav_get_requests (client) - before;
  sync_clear (&s);
  return ok;
}
