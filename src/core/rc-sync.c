/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-sync.c - pull, three-way merge, push (sync.md). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rc-ics.h"
#include "rc-sync.h"
#include "rc-sync-private.h"

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

/* Whether TEXT is a recurring event's resource (RRULE, RDATE or an
 * override): the cheap look first, as most resources are single events.
 * Property names are case-insensitive: "rrule" is an RRULE to libical. */
static gboolean
is_series (const char *text)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autofree char *lower = text != NULL ? g_ascii_strdown (text, -1) : NULL;
  gboolean series = FALSE;

  if (lower == NULL || (strstr (lower, "rrule") == NULL && strstr (lower, "rdate") == NULL &&
                        strstr (lower, "recurrence-id") == NULL))
    return FALSE;
  keys = rc_ics_event_keys (text, strlen (text), &series, NULL);
  return keys != NULL && series;
}

/* Every entry of a resource's text (a recurring event's occurrences, as
 * import expands them and within its bounds), or NULL with an error when
 * the text is not iCalendar at all. An event that names no training is
 * cross-training: this calendar is the training calendar. */
static GPtrArray *
entries_of (const char  *ics,
            const char  *href,
            GError     **error)
{
  g_autoptr(GError) local = NULL;
  GPtrArray *entries = rc_ics_parse_full (ics, strlen (ics), href, today (), RC_KIND_CROSS, NULL, NULL, &local);

  if (entries == NULL)
    g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_MALFORMED,
                 _("The calendar resource %s is not valid iCalendar: %s"), href, local->message);
  return entries;
}

/* The single entry of a resource's text, or NULL: without an error when
 * it is not one single event (a recurring one, other components), with
 * one when the text is not iCalendar at all. */
RcEntry *
rc_sync_remote_entry (const char  *ics,
                      const char  *href,
                      GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  if (ics == NULL || (entries = entries_of (ics, href, error)) == NULL)
    return NULL;
  if (entries->len != 1 || is_series (ics))
    return NULL;
  return g_ptr_array_steal_index (entries, 0);
}

/* The entries of RESOURCE's last-synced text by uid (none when NULL). */
static GHashTable *
entries_by_uid (const RcSyncResource *resource)
{
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) rc_entry_free);
  g_autoptr(GPtrArray) entries = resource != NULL && resource->ics != NULL
                                   ? entries_of (resource->ics, resource->href, NULL) : NULL;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      RcEntry *e = entries->pdata[i];

      g_hash_table_replace (out, e->uid, e);
    }
  if (entries != NULL)
    g_ptr_array_set_free_func (entries, NULL);
  return out;
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

/* TEXT as field_text() wrote a number, or RC_NONE for none or a number out
 * of MIN..MAX (a conflict's row is only read back from our own store). */
static int
number_text (const char *text,
             int         min,
             int         max)
{
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    return RC_NONE;
  return (int) value;
}

/* The kind and massage of TEXT as kind_text() wrote it. */
static gboolean
kind_from_text (const char *text,
                RcKind     *kind,
                RcMassage  *massage)
{
  if (text != NULL && rc_kind_from_string (text, kind) && *kind != RC_KIND_MASSAGE)
    {
      *massage = RC_MASSAGE_NONE;
      return TRUE;
    }
  *kind = RC_KIND_MASSAGE;
  return text != NULL && rc_massage_from_string (text, massage);
}

void
rc_sync_conflict_take_mine (const RcSyncConflict *conflict,
                            RcEntry              *entry)
{
  const char *name, *text;
  RcKind kind;
  RcMassage massage;

  g_return_if_fail (conflict != NULL && conflict->field != NULL);
  g_return_if_fail (entry != NULL);

  name = conflict->field;
  text = conflict->local_value;
  if (g_str_equal (name, "date") && rc_day_from_iso (text) != RC_DAY_INVALID)
    entry->day = rc_day_from_iso (text);
  else if (g_str_equal (name, "time"))
    entry->time = text != NULL ? rc_time_from_string (text) : RC_NONE;
  else if (g_str_equal (name, "kind") && kind_from_text (text, &kind, &massage))
    entry->kind = kind, entry->massage = massage;
  else if (g_str_equal (name, "minutes"))
    entry->minutes = number_text (text, RC_MINUTES_MIN, RC_MINUTES_MAX);
  else if (g_str_equal (name, "rpe"))
    entry->rpe = number_text (text, RC_RPE_MIN, RC_RPE_MAX);
  else if (g_str_equal (name, "title"))
    g_free (entry->title), entry->title = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
  else if (g_str_equal (name, "notes"))
    g_free (entry->notes), entry->notes = g_strdup (text);
  else if (g_str_equal (name, "status"))
    rc_status_from_string (text, &entry->status);
}

const char *
rc_sync_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "date", N_("Day") }, { "time", N_("Time") }, { "kind", N_("Kind") },
    { "minutes", N_("Minutes") }, { "rpe", N_("Effort") }, { "title", N_("Title") },
    { "notes", N_("Notes") }, { "status", N_("Status") },
  };

  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (field, labels[i].field))
      return _(labels[i].label);
  return field;
}

char *
rc_sync_field_value_label (const char *field,
                           const char *value)
{
  RcKind kind;
  RcMassage massage;
  RcStatus status;
  RcDay day;

  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "kind") && kind_from_text (value, &kind, &massage))
    return g_strdup (kind == RC_KIND_MASSAGE ? rc_massage_label (massage) : rc_kind_label (kind));
  if (g_str_equal (field, "date") && (day = rc_day_from_iso (value)) != RC_DAY_INVALID)
    /* Translators: a day in a sync conflict, see "man strftime" */
    return rc_day_format (day, _("%a %-d %b %Y"));
  if (g_str_equal (field, "status") && value != NULL && rc_status_from_string (value, &status))
    return g_strdup (rc_status_label (status));
  return g_strdup (value != NULL ? value : "");
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
      rc_sync_conflict_take_mine (c, entry);
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
same_fields (const RcEntry *a,
             const RcEntry *b)
{
  for (Field f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *x = field_text (a, f);
      g_autofree char *y = field_text (b, f);

      if (g_strcmp0 (x, y) != 0)
        return FALSE;
    }
  return TRUE;
}

/* One occurrence of a recurring event as the server has it, against the
 * store: REMOTE goes into PUT (borrowed) when the store must change. */
static gboolean
take_occurrence (Sync                 *s,
                 RcEntry              *remote,
                 GHashTable           *base,
                 const RcSyncResource *res,
                 GPtrArray            *put,
                 GError              **error)
{
  RcSyncPending *pending = g_hash_table_lookup (s->pending, remote->uid);
  const RcEntry *before = g_hash_table_lookup (base, remote->uid);
  g_autoptr(RcEntry) local = rc_store_get_by_uid (s->store, remote->uid, NULL);

  if (pending != NULL && pending->op == RC_SYNC_OP_DELETE)
    {
      if (before != NULL && same_fields (remote, before))
        return TRUE;   /* unchanged there: the delete here stands */
      /* changed there, deleted here: the edit stays */
      if (!rc_store_sync_done_local (s->store, pending, res, error))
        return FALSE;
      g_hash_table_remove (s->pending, remote->uid);
    }
  else if (pending != NULL && local != NULL && !merge (s, remote, local, before, error))
    return FALSE;
  if (local != NULL && same_fields (remote, local))
    return TRUE;
  if (local != NULL)
    s->stats->down_changed++;
  else
    s->stats->down_added++;
  g_ptr_array_add (put, remote);
  return TRUE;
}

/* The resource last synced at HREF, or NULL. */
static RcSyncResource *
known_resource (Sync       *s,
                const char *href)
{
  const char *uid = g_hash_table_lookup (s->by_href, href);

  return uid != NULL ? g_hash_table_lookup (s->resources, uid) : NULL;
}

/* The uids of BASE's entries that REMOTE no longer has and that go from the
 * store with it: an occurrence edited here stays (its override is written). */
static GPtrArray *
gone_occurrences (Sync       *s,
                  GHashTable *base,
                  GHashTable *remote)
{
  GPtrArray *gone = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer uid;

  g_hash_table_iter_init (&iter, base);
  while (g_hash_table_iter_next (&iter, &uid, NULL))
    {
      RcSyncPending *pending = g_hash_table_lookup (s->pending, uid);
      g_autoptr(RcEntry) local = NULL;

      if (remote != NULL && g_hash_table_contains (remote, uid))
        continue;
      if ((local = rc_store_get_by_uid (s->store, uid, NULL)) == NULL ||
          (pending != NULL && pending->op == RC_SYNC_OP_PUT))
        continue;
      g_ptr_array_add (gone, g_strdup (uid));
      s->stats->down_deleted++;
    }
  return gone;
}

/* A recurring event (or one that was): its occurrences, as import expands
 * them, become entries "UID#KEY", merged one by one with the store's. */
static gboolean
apply_series (Sync                *s,
              const RcDavResponse *r,
              GError             **error)
{
  g_autoptr(GHashTable) base = entries_by_uid (known_resource (s, r->href));
  g_autoptr(GPtrArray) remote = entries_of (r->calendar_data, r->href, error);
  g_autoptr(GHashTable) remote_uids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) put = g_ptr_array_new ();
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autofree char *uid = NULL;
  gboolean series;
  RcSyncResource res = { NULL, (char *) r->href, r->etag, r->calendar_data };

  if (remote == NULL)
    return FALSE;
  keys = rc_ics_event_keys (r->calendar_data, strlen (r->calendar_data), &series, &uid);
  if (uid == NULL)
    return TRUE;   /* no event at all: left on the server as it is */
  res.uid = uid;
  for (guint i = 0; i < remote->len; i++)
    {
      g_hash_table_add (remote_uids, ((RcEntry *) remote->pdata[i])->uid);
      if (!take_occurrence (s, remote->pdata[i], base, &res, put, error))
        return FALSE;
    }
  gone = gone_occurrences (s, base, remote_uids);
  return rc_store_sync_apply_series (s->store, uid, put, gone, &res, error);
}

/* The server deleted a recurring event's resource: its occurrences go,
 * but those edited here stay (and are created anew as events of their own). */
static gboolean
forget_series (Sync                 *s,
               const RcSyncResource *old,
               GError              **error)
{
  g_autoptr(GHashTable) base = entries_by_uid (old);
  g_autoptr(GPtrArray) gone = gone_occurrences (s, base, NULL);

  return rc_store_sync_apply_series (s->store, old->uid, NULL, gone, NULL, error);
}

static gboolean
apply_one (Sync                *s,
           const RcDavResponse *r,
           GError             **error)
{
  RcSyncResource *old = known_resource (s, r->href);
  g_autoptr(GError) bad = NULL;
  g_autoptr(RcEntry) remote = rc_sync_remote_entry (r->calendar_data, r->href, &bad);
  g_autoptr(RcEntry) local = NULL;
  g_autoptr(RcEntry) base = NULL;
  RcSyncPending *pending;
  RcSyncResource res = { NULL, (char *) r->href, r->etag, r->calendar_data };

  if (bad == NULL && (is_series (r->calendar_data) || (old != NULL && is_series (old->ics))))
    return apply_series (s, r, error);
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
      base = old != NULL ? rc_sync_remote_entry (old->ics, old->href, NULL) : NULL;
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
  RcSyncResource *old = known_resource (s, href);
  const char *uid = old != NULL ? old->uid : NULL;
  RcSyncPending *pending = uid != NULL ? g_hash_table_lookup (s->pending, uid) : NULL;
  g_autoptr(RcEntry) local = NULL;

  if (old == NULL)
    return TRUE;
  if (is_series (old->ics))
    return forget_series (s, old, error);
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
      if (!rc_store_write_batch (s->store, apply_some, &b, error))
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
  RcSyncResource *res = known_resource (s, r->href);

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
 * kept byte for byte (libical would split CATEGORIES, reorder, refold);
 * each also as libical reads it, worked out once for every walk over them. */
typedef struct {
  const char *text;
  gsize       len;
  char       *unfolded;   /* unfold () */
  char       *name;       /* line_name () */
} RawLine;

static void
raw_line_clear (RawLine *line)
{
  g_free (line->unfolded);
  g_free (line->name);
}

/* The LEN bytes of TEXT as libical reads them: the folds joined
 * ("D\r\n TSTART" is "DTSTART"), without the line end. */
static char *
unfold (const char *text,
        gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == '\n' && i + 1 < len && (text[i + 1] == ' ' || text[i + 1] == '\t'))
        i++;   /* a fold: its white space goes too */
      else if (c != '\r' && c != '\n')
        g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The NAME of an UNFOLDED line ("DTSTART", "X-RECOVERYCAL-KIND", "BEGIN"),
 * upper case; "" for a line that is no property (no ':' or ';' after its
 * name), which libical drops: a bare "BEGIN" opens nothing. */
static char *
line_name (const char *unfolded)
{
  gsize n = strcspn (unfolded, ":;");

  return unfolded[n] != '\0' ? g_ascii_strup (unfolded, (gssize) n) : g_strdup ("");
}

static GArray *
raw_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (RawLine));
  const char *p = text;

  g_array_set_clear_func (lines, (GDestroyNotify) raw_line_clear);
  while (*p != '\0')
    {
      RawLine line = { p, 0, NULL, NULL };
      const char *q = p;

      for (;;)
        {
          const char *eol = strchr (q, '\n');

          q = eol != NULL ? eol + 1 : q + strlen (q);
          if (*q != ' ' && *q != '\t')
            break;
        }
      line.len = (gsize) (q - p);
      line.unfolded = unfold (p, line.len);
      line.name = line_name (line.unfolded);
      g_array_append_val (lines, line);
      p = q;
    }
  return lines;
}

static gboolean
line_is (const RawLine *line,
         const char    *content)
{
  return g_ascii_strcasecmp (line->unfolded, content) == 0;
}

typedef enum { LINE_PROPERTY, LINE_BEGIN, LINE_END } LineKind;

/* A walk over raw_lines (), one line a step, reading the components as
 * libical does: the one place that says where a component begins and
 * ends and which event a line is in. A BEGIN or END line is a line of the
 * component it opens or closes, so DEPTH counts the components around a
 * line, that one included: a calendar's BEGIN, END and properties are at
 * 1, a top-level VEVENT's (and a VTIMEZONE's) at 2, its VALARMs' at 3. */
typedef struct {
  GArray        *lines;
  guint          next;
  int            open;         /* components open after the line */
  int            events;       /* top-level VEVENTs begun so far */
  const RawLine *line;
  LineKind       kind;
  int            depth;
  int            event;        /* the top-level VEVENT the line is in, from 0; -1: none */
  gboolean       event_begin;  /* the line is that VEVENT's BEGIN */
  gboolean       event_end;    /* the line is that VEVENT's END */
} LineWalk;

#define LINE_WALK_INIT(lines) { (lines), 0, 0, 0, NULL, LINE_PROPERTY, 0, -1, FALSE, FALSE }

/* W at its next line; FALSE past the last. Only a calendar's VEVENTs
 * are events: one nested deeper is no event of the resource. */
static gboolean
line_walk_next (LineWalk *w)
{
  if (w->next >= w->lines->len)
    return FALSE;
  if (w->event_end)
    w->event = -1;
  w->line = &g_array_index (w->lines, RawLine, w->next++);
  w->event_begin = w->event_end = FALSE;
  if (g_str_equal (w->line->name, "BEGIN"))
    {
      w->kind = LINE_BEGIN;
      w->depth = ++w->open;
      if (w->depth == 2 && line_is (w->line, "BEGIN:VEVENT") && w->events < G_MAXINT)
        w->event = w->events++, w->event_begin = TRUE;
    }
  else if (g_str_equal (w->line->name, "END"))
    {
      w->kind = LINE_END;
      w->depth = w->open--;
      w->event_end = w->depth == 2 && w->event >= 0;
    }
  else
    w->kind = LINE_PROPERTY, w->depth = w->open;
  return TRUE;
}

/* W's line is a property of its top-level VEVENT itself (not of a VALARM in it). */
static gboolean
event_property (const LineWalk *w)
{
  return w->event >= 0 && w->depth == 2 && w->kind == LINE_PROPERTY;
}

/* Properties our export writes (NAME, as line_name () gives it): the
 * stored copies give way to the new ones. */
static gboolean
is_ours (const char *name,
         gboolean    with_uid)
{
  static const char *const names[] = { "DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION",
                                       "DTSTAMP", "LAST-MODIFIED", "TRANSP", "STATUS", NULL };

  return g_strv_contains (names, name) || g_str_has_prefix (name, "X-RECOVERYCAL-") ||
         (with_uid && g_str_equal (name, "UID"));
}

/* Of LINES' first VEVENT: our own properties (not those of its VALARMs). */
static void
collect_ours (GArray   *lines,
              gboolean  with_uid,
              GString  *ours)
{
  LineWalk w = LINE_WALK_INIT (lines);

  while (line_walk_next (&w))
    if (w.event == 0 && event_property (&w) && is_ours (w.line->name, with_uid))
      g_string_append_len (ours, w.line->text, (gssize) w.line->len);
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

      if (line_is (l, "BEGIN:VTIMEZONE"))
        in_zone = TRUE, wanted = FALSE, start = zones->len;
      if (!in_zone)
        continue;
      g_string_append_len (zones, l->text, (gssize) l->len);
      if (g_str_equal (l->name, "TZID") && l->len > 5)
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

      if (g_str_equal (l->name, "CATEGORIES"))
        return g_strndup (l->text, strcspn (l->text, "\r\n"));
    }
  return NULL;
}

/* The CATEGORIES line our export wrote for BEFORE (the entry the stored
 * event held): the one to refresh when the kind changes (others' stay). */
static char *
our_old_categories (const RcEntry *before)
{
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

/* The value of a UID line, unfolded and trimmed. */
static char *
uid_value (const RawLine *line)
{
  const char *colon = strchr (line->unfolded, ':');

  return g_strstrip (g_strdup (colon != NULL ? colon + 1 : ""));
}

/* Which of LINES' top-level VEVENTs (counted from 0) has UID: the one to
 * patch. A resource may hold others (a master the parser could not read,
 * an event of another program), and those are not ours to rewrite. -1
 * when none has it. */
static int
event_with_uid (GArray     *lines,
                const char *uid)
{
  LineWalk w = LINE_WALK_INIT (lines);

  while (uid != NULL && line_walk_next (&w))
    if (event_property (&w) && g_str_equal (w.line->name, "UID"))
      {
        g_autofree char *value = uid_value (w.line);

        if (g_str_equal (value, uid))
          return w.event;
      }
  return -1;
}

/* STORED with its VEVENT number TARGET (counting from 0) patched to hold
 * ENTRY: our properties replaced, everything else kept as it was; WITH_UID:
 * the entry's UID written too. BEFORE is the entry that event held, for its
 * CATEGORIES. */
static char *
patch_at (const RcEntry *entry,
          const char    *stored,
          int            target,
          gboolean       with_uid,
          const RcEntry *before)
{
  const RcEntry *one[] = { entry };
  g_autofree char *fresh = rc_ics_export_string (one, 1, NULL, 0, FALSE, g_get_real_time () / G_USEC_PER_SEC);
  g_autoptr(GArray) fresh_lines = raw_lines (fresh);
  g_autoptr(GArray) old = raw_lines (stored);
  g_autoptr(GString) ours = g_string_new (NULL);
  g_autoptr(GString) zones = g_string_new (NULL);
  g_autofree char *old_categories = our_old_categories (before);
  g_autofree char *new_categories = categories_line (fresh);
  GString *out = g_string_new (NULL);
  LineWalk w = LINE_WALK_INIT (old);

  collect_ours (fresh_lines, with_uid, ours);
  collect_zones (fresh_lines, stored, zones);
  while (line_walk_next (&w))
    {
      const RawLine *l = w.line;
      gboolean mine = w.event == target;

      if (mine && w.event_begin)
        g_string_append_len (out, zones->str, (gssize) zones->len);
      else if (mine && w.event_end)
        g_string_append_len (out, ours->str, (gssize) ours->len);
      else if (mine && event_property (&w) && is_ours (l->name, with_uid))
        continue;
      else if (mine && event_property (&w) && new_categories != NULL && is_line (l, old_categories))
        {
          g_string_append_printf (out, "%s\r\n", new_categories);
          continue;
        }
      g_string_append_len (out, l->text, (gssize) l->len);
    }
  return g_string_free (out, FALSE);
}

char *
rc_sync_patch_event (const RcEntry *entry,
                     const char    *stored)
{
  const RcEntry *one[] = { entry };
  g_autoptr(RcEntry) before = NULL;
  g_autoptr(GArray) lines = NULL;
  int wanted;

  g_return_val_if_fail (entry != NULL, NULL);

  if (stored == NULL || strstr (stored, "BEGIN:VEVENT") == NULL)
    return rc_ics_export_string (one, 1, NULL, 0, FALSE, g_get_real_time () / G_USEC_PER_SEC);
  before = rc_sync_remote_entry (stored, "", NULL);
  lines = raw_lines (stored);
  wanted = event_with_uid (lines, entry->uid);
  /* No event has the entry's UID: the stored one has none (the uid was
   * made up when it was read, from its text), so the first gets ours; a
   * UID written out keeps the entry the same one when it is read back. */
  return patch_at (entry, stored, MAX (wanted, 0), wanted < 0, before);
}

/* ---- up: occurrences of recurring events ---------------------------------- */

/* A RECURRENCE-ID or EXDATE line naming the occurrence KEY ("20261201",
 * "20261201T070000", "20261201T060000Z": an import's occurrence key). */
static char *
key_line (const char *name,
          const char *key)
{
  if (strlen (key) == 8)
    return g_strdup_printf ("%s;VALUE=DATE:%s\r\n", name, key);
  return g_strdup_printf ("%s:%s\r\n", name, key);
}

static int
key_index (GPtrArray  *keys,
           const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (keys->pdata[i], key))
      return (int) i;
  return -1;
}

/* What a copy of the series' master event leaves out: it is one occurrence. */
static gboolean
is_recurrence (const char *name)
{
  static const char *const names[] = { "RRULE", "RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID", NULL };

  return g_strv_contains (names, name);
}

/* STORED with a new override appended: a copy of VEVENT number MASTER with
 * RID_LINE instead of its recurrence, so that its alarms, categories and
 * others' properties hold for the moved occurrence too (as GNOME Calendar's
 * "this event only" does). */
static char *
with_override_copy (const char *stored,
                    int         master,
                    const char *rid_line)
{
  g_autoptr(GArray) lines = raw_lines (stored);
  g_autoptr(GString) copy = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  LineWalk w = LINE_WALK_INIT (lines);

  while (line_walk_next (&w))
    {
      const RawLine *l = w.line;
      gboolean in_master = master >= 0 && w.event == master;

      /* the copy goes last, before the calendar's END */
      if (w.kind == LINE_END && w.depth == 1)
        g_string_append_len (out, copy->str, (gssize) copy->len);
      if (in_master && !(event_property (&w) && is_recurrence (l->name)))
        g_string_append_len (copy, l->text, (gssize) l->len);
      if (in_master && w.event_begin)
        g_string_append (copy, rid_line);
      g_string_append_len (out, l->text, (gssize) l->len);
    }
  return g_string_free (out, FALSE);
}

/* STORED with EXDATE_LINE added to VEVENT number MASTER (-1: none, the
 * resource holds overrides alone) and VEVENT number DROP (an override of
 * the occurrence; -1: none) left out. */
static char *
with_exdate (const char *stored,
             int         master,
             const char *exdate_line,
             int         drop)
{
  g_autoptr(GArray) lines = raw_lines (stored);
  GString *out = g_string_new (NULL);
  LineWalk w = LINE_WALK_INIT (lines);

  while (line_walk_next (&w))
    {
      if (w.event_end && w.event == master)
        g_string_append (out, exdate_line);
      if (drop < 0 || w.event != drop)
        g_string_append_len (out, w.line->text, (gssize) w.line->len);
    }
  return g_string_free (out, FALSE);
}

/* RES (a recurring event) with the occurrence UID ("series#KEY") as ENTRY
 * says (an override), or with it gone (ENTRY NULL: an EXDATE, when there
 * is a series to exclude it from). "" when the text needs no change; NULL
 * when RES cannot be read. */
char *
_rc_sync_occurrence_text (const RcSyncResource *res,
                          const char           *uid,
                          const char           *key,
                          const RcEntry        *entry)
{
  gboolean series;
  g_autoptr(GPtrArray) keys = rc_ics_event_keys (res->ics, strlen (res->ics), &series, NULL);
  g_autoptr(GHashTable) occurrences = entries_by_uid (res);
  const RcEntry *before = g_hash_table_lookup (occurrences, uid);
  g_autofree char *copy = NULL;
  g_autofree char *line = NULL;
  int at, master;

  if (keys == NULL)
    return NULL;
  at = key_index (keys, key);
  if ((master = key_index (keys, "")) < 0 && at < 0)
    return NULL;
  if (entry == NULL)
    {
      if (before == NULL)
        return g_strdup ("");   /* already gone there */
      line = key_line ("EXDATE", key);
      return with_exdate (res->ics, master, line, at);
    }
  if (before != NULL && same_fields (entry, before))
    return g_strdup ("");
  if (at >= 0)
    return patch_at (entry, res->ics, at, FALSE, before);
  line = key_line ("RECURRENCE-ID", key);
  copy = with_override_copy (res->ics, master, line);
  return patch_at (entry, copy, (int) keys->len, FALSE, before);
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
  if (!rc_store_write_batch (s->store, record_done, s, error))
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
  g_autoptr(RcEntry) base = res->ics != NULL ? rc_sync_remote_entry (res->ics, href, NULL) : NULL;
  RcEntry *remote;

  if (data == NULL || (remote = rc_sync_remote_entry (data, href, error)) == NULL)
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

/* The recurring event's resource that UID ("series#KEY") is an occurrence
 * of, with *KEY pointing into UID; NULL when it is none. */
static RcSyncResource *
series_of (Sync        *s,
           const char  *uid,
           const char **key)
{
  const char *hash = strrchr (uid, '#');
  g_autofree char *series_uid = hash != NULL ? g_strndup (uid, (gsize) (hash - uid)) : NULL;
  RcSyncResource *res = series_uid != NULL ? g_hash_table_lookup (s->resources, series_uid) : NULL;

  if (res == NULL || !is_series (res->ics))
    return NULL;
  *key = hash + 1;
  return res;
}

static RcSyncResource *
resource_copy (const RcSyncResource *r)
{
  RcSyncResource *c = g_new0 (RcSyncResource, 1);

  c->uid = g_strdup (r->uid);
  c->href = g_strdup (r->href);
  c->etag = g_strdup (r->etag);
  c->ics = g_strdup (r->ics);
  return c;
}

/* A 412 on RES: the server's version into the store (merged with what is
 * pending here) and into RES, which stays where it is (by_href borrows). */
static gboolean
refresh_series (Sync            *s,
                RcSyncResource  *res,
                GError         **error)
{
  g_autoptr(RcDavResponse) r = g_new0 (RcDavResponse, 1);

  /* what is queued holds older versions of RES: recorded first */
  if (!flush_done (s, error))
    return FALSE;
  r->href = g_strdup (res->href);
  if ((r->calendar_data = rc_caldav_get (s->client, res->href, &r->etag, s->cancellable, error)) == NULL ||
      !apply_one (s, r, error))
    return FALSE;
  g_free (res->etag);
  res->etag = g_strdup (r->etag);
  g_free (res->ics);
  res->ics = g_strdup (r->calendar_data);
  return TRUE;
}

/* One occurrence of the recurring event RES moved, edited, marked done
 * (an override in the same resource) or deleted (an EXDATE) here. */
static gboolean
push_occurrence (Sync                *s,
                 const RcSyncPending *p,
                 RcSyncResource      *res,
                 const char          *key,
                 GError             **error)
{
  for (int attempt = 0;; attempt++)
    {
      g_autoptr(RcEntry) entry = rc_store_get_by_uid (s->store, p->uid, NULL);
      g_autofree char *text = NULL;
      g_autofree char *etag = NULL;
      g_autoptr(GError) local = NULL;

      if ((p->op == RC_SYNC_OP_PUT) != (entry != NULL))
        return TRUE;   /* deleted meanwhile, or the server's edit won over the delete */
      if ((text = _rc_sync_occurrence_text (res, p->uid, key, entry)) == NULL)
        {
          g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_MALFORMED,
                       _("The calendar resource %s is not valid iCalendar."), res->href);
          return FALSE;
        }
      if (*text == '\0')
        return queue_done (s, p, resource_copy (res), error);
      if (rc_caldav_put (s->client, res->href, text, res->etag, &etag, s->cancellable, &local))
        {
          g_free (res->etag);
          res->etag = g_steal_pointer (&etag);
          g_free (res->ics);
          res->ics = g_steal_pointer (&text);
          if (p->op == RC_SYNC_OP_PUT)
            s->stats->up_changed++;
          else
            s->stats->up_deleted++;
          return queue_done (s, p, resource_copy (res), error);
        }
      if (attempt > 0 || !g_error_matches (local, RC_CALDAV_ERROR, RC_CALDAV_ERROR_PRECONDITION))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (!refresh_series (s, res, error))
        return FALSE;
    }
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

  RcSyncResource *series;
  const char *key;

  if (entry == NULL)
    return TRUE;   /* deleted meanwhile: its delete is pending */
  if (known == NULL && (series = series_of (s, p->uid, &key)) != NULL)
    return push_occurrence (s, p, series, key, error);
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
  RcSyncResource *series;
  const char *key;

  if (known == NULL && (series = series_of (s, p->uid, &key)) != NULL)
    return push_occurrence (s, p, series, key, error);
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
  ok = run_steps (&s, error) &&
       (s.account->windows_calendar == NULL ||
        rc_sync_windows (store, client, s.account->windows_calendar, stats, cancellable, error));
  stats->requests = rc_caldav_get_requests (client) - before;
  sync_clear (&s);
  return ok;
}
