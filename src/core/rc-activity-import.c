/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-activity-import.c - activity files into the store: parse, decide day by day, write once. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rc-activity-import.h"

static void
item_free (RcActivityImportItem *item)
{
  g_free (item->name);
  rc_activity_free (item->activity);
  g_free (item->reason);
  g_clear_pointer (&item->before, rc_entry_free);
  g_clear_pointer (&item->after, rc_entry_free);
  g_free (item);
}

void
rc_activity_import_result_clear (RcActivityImportResult *result)
{
  g_clear_pointer (&result->items, g_ptr_array_unref);
  result->added = result->matched = result->skipped = result->unreadable = 0;
}

char *
rc_activity_import_result_describe (const RcActivityImportResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  /* Translators: the totals of an activity import, one whole sentence: files
   * added as new sessions, files that marked a planned session done, files
   * skipped. A number after a colon needs no plural. */
  return g_strdup_printf (_("Added: %1$u, matched: %2$u, skipped: %3$u"),
                          result->added, result->matched, result->skipped);
}

/* The state of the batch: the store's entries of the days concerned, as the
 * decisions so far leave them. */
typedef struct {
  RcStore    *store;
  GHashTable *days;       /* RcDay -> GPtrArray of RcEntry* (owned) */
  GPtrArray  *writes;     /* RcEntry* to store (owned) */
} Batch;

static gboolean
load_days (Batch                  *b,
           RcActivityImportResult *result,
           GError                **error)
{
  RcDay first = G_MAXUINT32, last = 0;
  g_autoptr(GPtrArray) entries = NULL;

  for (guint i = 0; i < result->items->len; i++)
    {
      RcActivityImportItem *item = g_ptr_array_index (result->items, i);

      if (item->activity == NULL)
        continue;
      first = MIN (first, item->day);
      last = MAX (last, item->day);
      if (!g_hash_table_contains (b->days, GUINT_TO_POINTER (item->day)))
        g_hash_table_insert (b->days, GUINT_TO_POINTER (item->day),
                             g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free));
    }
  if (last == 0)
    return TRUE;
  entries = rc_store_list (b->store, first, last, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      RcEntry *entry = g_ptr_array_index (entries, i);
      GPtrArray *day = g_hash_table_lookup (b->days, GUINT_TO_POINTER (entry->day));

      if (day != NULL)
        g_ptr_array_add (day, rc_entry_copy (entry));
    }
  return TRUE;
}

/* The uid of the entry that remembers activity UID (RcEntry.activity), from
 * an earlier import; NULL when none. Those of this batch are in b->days. */
static char *
imported_uid (Batch       *b,
              const char  *uid,
              GError     **error)
{
  g_autoptr(RcEntry) entry = rc_store_get_by_activity (b->store, uid, error);

  return entry != NULL ? g_strdup (entry->uid) : NULL;
}

static gboolean
decide_one (Batch                *b,
            RcActivityImportItem *item,
            GError              **error)
{
  GPtrArray *day = g_hash_table_lookup (b->days, GUINT_TO_POINTER (item->day));
  g_autofree char *uid = rc_activity_uid (item->activity);
  g_autofree char *earlier = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(RcActivityDecision) d = { 0 };

  earlier = imported_uid (b, uid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  rc_activity_decide (item->activity, (const RcEntry * const *) day->pdata, day->len, earlier, &d);
  item->action = d.action;
  if (d.action == RC_ACTIVITY_SKIP)
    {
      item->reason = g_strdup_printf (_("“%s” was imported before"), item->name);
      return TRUE;
    }
  if (d.action == RC_ACTIVITY_MATCH)
    {
      /* the day as the batch leaves it: done now, not matched twice */
      item->before = g_steal_pointer (&day->pdata[d.index]);
      day->pdata[d.index] = rc_entry_copy (d.entry);
      g_ptr_array_add (b->writes, g_steal_pointer (&d.entry));
    }
  else
    {
      g_ptr_array_add (day, rc_entry_copy (d.entry));
      g_ptr_array_add (b->writes, g_steal_pointer (&d.entry));
    }
  return TRUE;
}

static RcActivityImportItem *
parse_one (GFile        *file,
           const char   *name,
           const char   *store_path,
           GCancellable *cancellable)
{
  RcActivityImportItem *item = g_new0 (RcActivityImportItem, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  item->name = name != NULL ? g_strdup (name) : g_file_get_parse_name (file);
  /* never opened: see rc_store_is_own_file() */
  if (path != NULL && rc_store_is_own_file (store_path, path))
    g_set_error (&error, RC_ACTIVITY_ERROR, RC_ACTIVITY_ERROR_READ,
                 _("%s: this plan’s own database, not an activity"), item->name);
  else
    item->activity = rc_activity_parse_file (file, item->name, cancellable, &error);
  item->action = RC_ACTIVITY_SKIP;
  if (item->activity != NULL)
    {
      item->kind = rc_activity_kind (item->activity);
      item->day = rc_activity_local_day (item->activity, NULL);
    }
  else
    item->reason = g_strdup (error->message);
  return item;
}

/* Entry ids, once committed; a session written twice in the batch is the same row. */
static void
fill_ids (Batch                  *b,
          RcActivityImportResult *result)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint w = 0;

  for (guint i = 0; i < b->writes->len; i++)
    {
      RcEntry *entry = g_ptr_array_index (b->writes, i);

      g_hash_table_insert (ids, entry->uid, entry);
    }
  for (guint i = 0; i < result->items->len; i++)
    {
      RcActivityImportItem *item = g_ptr_array_index (result->items, i);
      RcEntry *entry;

      if (item->action == RC_ACTIVITY_SKIP)
        {
          result->skipped++;
          result->unreadable += item->activity == NULL;
          continue;
        }
      entry = g_ptr_array_index (b->writes, w++);
      entry = g_hash_table_lookup (ids, entry->uid);
      item->entry_id = entry->id;
      item->after = rc_store_get (b->store, entry->id, NULL);
      if (item->action == RC_ACTIVITY_ADD)
        result->added++;
      else
        result->matched++;
    }
}

void
rc_activity_import_parse (GFile                 **files,
                          const char * const     *names,
                          guint                   n_files,
                          const char             *store_path,
                          RcActivityImportResult *result,
                          GCancellable           *cancellable)
{
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (result != NULL);

  memset (result, 0, sizeof *result);
  result->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (result->items,
                     parse_one (files[i], names != NULL ? names[i] : NULL, store_path, cancellable));
}

gboolean
rc_activity_import_commit (RcStore                *store,
                           RcActivityImportResult *result,
                           GError                **error)
{
  Batch b = { store, NULL, NULL };
  gboolean ok = FALSE;

  g_return_val_if_fail (RC_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  b.days = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  b.writes = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  if (load_days (&b, result, error))
    {
      ok = TRUE;
      for (guint i = 0; ok && i < result->items->len; i++)
        {
          RcActivityImportItem *item = g_ptr_array_index (result->items, i);

          if (item->activity != NULL)
            ok = decide_one (&b, item, error);
        }
    }
  /* one transaction: the sessions marked done and those added, or nothing */
  ok = ok && rc_store_import (store, b.writes, NULL, NULL, error);
  if (ok)
    fill_ids (&b, result);
  else
    rc_activity_import_result_clear (result);
  g_hash_table_unref (b.days);
  g_ptr_array_unref (b.writes);
  return ok;
}

gboolean
rc_activity_import_files (RcStore                *store,
                          GFile                 **files,
                          const char * const     *names,
                          guint                   n_files,
                          RcActivityImportResult *result,
                          GCancellable           *cancellable,
                          GError                **error)
{
  g_return_val_if_fail (RC_IS_STORE (store), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  rc_activity_import_parse (files, names, n_files, rc_store_get_path (store), result, cancellable);
  return rc_activity_import_commit (store, result, error);
}
