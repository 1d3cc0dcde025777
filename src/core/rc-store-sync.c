/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-store-sync.c - the sync state tables and their triggers. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rc-store-private.h"
#include "rc-store-sync.h"

/* Only while an account exists, and not while the sync engine itself
 * writes a server change (sync_applying holds a row then), does an entry
 * change become a pending operation. */
#define TRACKING \
  " WHEN EXISTS (SELECT 1 FROM sync_account) AND NOT EXISTS (SELECT 1 FROM sync_applying)"
#define MARK(uid, op) \
  " BEGIN INSERT INTO sync_pending (uid, op, seq) VALUES (" uid ", '" op "', random ())" \
  " ON CONFLICT (uid) DO UPDATE SET op = excluded.op, seq = excluded.seq; END;"

const char rc_store_sync_schema_sql[] =
  "CREATE TABLE sync_account ("
  " id INTEGER PRIMARY KEY CHECK (id = 1),"
  " url TEXT NOT NULL, user TEXT, calendar TEXT NOT NULL, windows_calendar TEXT,"
  " password_command TEXT, sync_token TEXT);"
  "CREATE TABLE sync_resources ("
  " uid TEXT PRIMARY KEY NOT NULL, href TEXT NOT NULL UNIQUE, etag TEXT, ics TEXT NOT NULL)"
  " WITHOUT ROWID;"
  "CREATE TABLE sync_pending ("
  " uid TEXT PRIMARY KEY NOT NULL,"
  " op TEXT NOT NULL CHECK (op IN ('put', 'delete')),"
  " seq INTEGER NOT NULL);"
  "CREATE TABLE sync_conflicts ("
  " entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
  " field TEXT NOT NULL, server_value TEXT, local_value TEXT,"
  " PRIMARY KEY (entry_id, field));"
  "CREATE TABLE sync_applying (id INTEGER PRIMARY KEY);"
  "CREATE TRIGGER sync_entry_added AFTER INSERT ON entries" TRACKING MARK ("NEW.uid", "put")
  "CREATE TRIGGER sync_entry_changed AFTER UPDATE ON entries" TRACKING MARK ("NEW.uid", "put")
  "CREATE TRIGGER sync_entry_deleted AFTER DELETE ON entries" TRACKING MARK ("OLD.uid", "delete")
  "PRAGMA user_version = " G_STRINGIFY (RC_STORE_SYNC_SCHEMA_VERSION) ";";

void
rc_sync_account_free (RcSyncAccount *a)
{
  if (a == NULL)
    return;
  g_free (a->url);
  g_free (a->user);
  g_free (a->calendar);
  g_free (a->windows_calendar);
  g_free (a->password_command);
  g_free (a->sync_token);
  g_free (a);
}

void
rc_sync_pending_free (RcSyncPending *p)
{
  if (p == NULL)
    return;
  g_free (p->uid);
  g_free (p);
}

void
rc_sync_resource_free (RcSyncResource *r)
{
  if (r == NULL)
    return;
  g_free (r->uid);
  g_free (r->href);
  g_free (r->etag);
  g_free (r->ics);
  g_free (r);
}

void
rc_sync_conflict_free (RcSyncConflict *c)
{
  if (c == NULL)
    return;
  g_free (c->field);
  g_free (c->server_value);
  g_free (c->local_value);
  g_free (c);
}

/* ---- small SQL helpers: these statements run rarely, so not kept ---- */

static void
bind_texts (sqlite3_stmt *stmt,
            const char  **values,
            int           n)
{
  for (int i = 0; i < n; i++)
    if (values[i] != NULL)
      sqlite3_bind_text (stmt, i + 1, values[i], -1, SQLITE_TRANSIENT);
    else
      sqlite3_bind_null (stmt, i + 1);
}

/* One SQL statement with N text parameters, run to its end. */
static gboolean
run (RcStore     *self,
     const char  *sql,
     const char **values,
     int          n,
     GError     **error)
{
  sqlite3_stmt *stmt = _rc_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_texts (stmt, values, n);
  return _rc_store_step_all (self, stmt, NULL, NULL, error);
}

/* Every row of the query SQL, read into OUT by READ_ROW. */
static gboolean
select_all (RcStore     *self,
            const char  *sql,
            RcStoreReadRow  read_row,
            gpointer        out,
            GError        **error)
{
  sqlite3_stmt *stmt = _rc_store_prepare (self, sql, error);

  return stmt != NULL && _rc_store_step_all (self, stmt, read_row, out, error);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           i)
{
  const unsigned char *text = sqlite3_column_text (stmt, i);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

/* ---- the account ------------------------------------------------------ */

static gboolean
write_account (RcStore  *self,
               gpointer  data,
               GError  **error)
{
  const RcSyncAccount *a = data;
  const char *values[] = { a->url, a->user, a->calendar, a->windows_calendar, a->password_command };

  /* a new account starts from nothing: the whole plan goes up */
  return run (self, "DELETE FROM sync_resources", NULL, 0, error) &&
         run (self, "DELETE FROM sync_conflicts", NULL, 0, error) &&
         run (self, "DELETE FROM sync_pending", NULL, 0, error) &&
         run (self, "INSERT OR REPLACE INTO sync_account"
                    " (id, url, user, calendar, windows_calendar, password_command, sync_token)"
                    " VALUES (1, ?1, ?2, ?3, ?4, ?5, NULL)", values, 5, error) &&
         run (self, "INSERT INTO sync_pending (uid, op, seq) SELECT uid, 'put', random () FROM entries",
              NULL, 0, error);
}

gboolean
rc_store_sync_set_account (RcStore              *self,
                           const RcSyncAccount  *account,
                           GError              **error)
{
  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (account->url != NULL && account->calendar != NULL, FALSE);
  return _rc_store_run_write (self, write_account, (gpointer) account, error);
}

static void
read_account (sqlite3_stmt *stmt,
              gpointer      out)
{
  RcSyncAccount *a = g_new0 (RcSyncAccount, 1);

  a->url = column_text (stmt, 0);
  a->user = column_text (stmt, 1);
  a->calendar = column_text (stmt, 2);
  a->windows_calendar = column_text (stmt, 3);
  a->password_command = column_text (stmt, 4);
  a->sync_token = column_text (stmt, 5);
  g_clear_pointer ((RcSyncAccount **) out, rc_sync_account_free);
  *(RcSyncAccount **) out = a;
}

RcSyncAccount *
rc_store_sync_get_account (RcStore  *self,
                           GError  **error)
{
  g_autoptr(RcSyncAccount) a = NULL;

  g_return_val_if_fail (RC_IS_STORE (self), NULL);
  if (!select_all (self, "SELECT url, user, calendar, windows_calendar, password_command, sync_token"
                         " FROM sync_account WHERE id = 1", read_account, &a, error))
    return NULL;
  return g_steal_pointer (&a);
}

static gboolean
forget_account (RcStore  *self,
                gpointer  data,
                GError  **error)
{
  return run (self, "DELETE FROM sync_account", NULL, 0, error) &&
         run (self, "DELETE FROM sync_resources", NULL, 0, error) &&
         run (self, "DELETE FROM sync_pending", NULL, 0, error) &&
         run (self, "DELETE FROM sync_conflicts", NULL, 0, error);
}

gboolean
rc_store_sync_remove_account (RcStore  *self,
                              GError  **error)
{
  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  return _rc_store_run_write (self, forget_account, NULL, error);
}

static gboolean
write_token (RcStore  *self,
             gpointer  data,
             GError  **error)
{
  const char *values[] = { data };

  return run (self, "UPDATE sync_account SET sync_token = ?1", values, 1, error);
}

gboolean
rc_store_sync_set_token (RcStore     *self,
                         const char  *token,
                         GError     **error)
{
  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  return _rc_store_run_write (self, write_token, (gpointer) token, error);
}

/* ---- pending operations and resources --------------------------------- */

static void
read_pending (sqlite3_stmt *stmt,
              gpointer      out)
{
  RcSyncPending *p = g_new0 (RcSyncPending, 1);

  p->uid = column_text (stmt, 0);
  p->op = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "delete") == 0
            ? RC_SYNC_OP_DELETE : RC_SYNC_OP_PUT;
  p->seq = sqlite3_column_int64 (stmt, 2);
  g_ptr_array_add (out, p);
}

GPtrArray *
rc_store_sync_list_pending (RcStore  *self,
                            GError  **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_sync_pending_free);

  g_return_val_if_fail (RC_IS_STORE (self), NULL);
  if (!select_all (self, "SELECT uid, op, seq FROM sync_pending ORDER BY rowid", read_pending, out, error))
    return NULL;
  return g_steal_pointer (&out);
}

static void
read_resource (sqlite3_stmt *stmt,
               gpointer      out)
{
  RcSyncResource *r = g_new0 (RcSyncResource, 1);

  r->uid = column_text (stmt, 0);
  r->href = column_text (stmt, 1);
  r->etag = column_text (stmt, 2);
  r->ics = column_text (stmt, 3);
  g_hash_table_replace (out, r->uid, r);
}

GHashTable *
rc_store_sync_list_resources (RcStore  *self,
                              GError  **error)
{
  g_autoptr(GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                     (GDestroyNotify) rc_sync_resource_free);

  g_return_val_if_fail (RC_IS_STORE (self), NULL);
  if (!select_all (self, "SELECT uid, href, etag, ics FROM sync_resources", read_resource, out, error))
    return NULL;
  return g_steal_pointer (&out);
}

static gboolean
write_resource (RcStore              *self,
                const char           *uid,
                const RcSyncResource *r,
                GError              **error)
{
  const char *values[] = { uid, r != NULL ? r->href : NULL, r != NULL ? r->etag : NULL,
                           r != NULL ? r->ics : NULL };

  if (r == NULL)
    return run (self, "DELETE FROM sync_resources WHERE uid = ?1", values, 1, error);
  return run (self, "INSERT OR REPLACE INTO sync_resources (uid, href, etag, ics)"
                    " VALUES (?1, ?2, ?3, ?4)", values, 4, error);
}

typedef struct {
  const RcSyncPending  *pending;
  const RcSyncResource *resource;
} DoneLocal;

static gboolean
write_done_local (RcStore  *self,
                  gpointer  data,
                  GError  **error)
{
  DoneLocal *d = data;
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, d->pending->seq);
  const char *values[] = { d->pending->uid, seq };

  return write_resource (self, d->resource != NULL ? d->resource->uid : d->pending->uid,
                         d->resource, error) &&
         run (self, "DELETE FROM sync_pending WHERE uid = ?1 AND seq = CAST (?2 AS INTEGER)",
              values, 2, error);
}

gboolean
rc_store_sync_done_local (RcStore              *self,
                          const RcSyncPending  *pending,
                          const RcSyncResource *resource,
                          GError              **error)
{
  DoneLocal d = { pending, resource };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  return _rc_store_run_write (self, write_done_local, &d, error);
}

typedef struct {
  const char           *uid;
  RcEntry              *entry;
  const RcSyncResource *resource;
} Remote;

static gboolean
write_remote (RcStore  *self,
              gpointer  data,
              GError  **error)
{
  Remote *r = data;
  const char *values[] = { r->uid };

  if (!run (self, "INSERT INTO sync_applying (id) VALUES (1)", NULL, 0, error))
    return FALSE;
  if (r->entry != NULL ? !_rc_store_write_by_uid (self, r->entry, error)
                       : !run (self, "DELETE FROM entries WHERE uid = ?1", values, 1, error))
    return FALSE;
  return write_resource (self, r->uid, r->resource, error) &&
         run (self, "DELETE FROM sync_applying", NULL, 0, error);
}

gboolean
rc_store_sync_apply_remote (RcStore              *self,
                            const char           *uid,
                            RcEntry              *entry,
                            const RcSyncResource *resource,
                            GError              **error)
{
  Remote r = { uid, entry, resource };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry == NULL || g_strcmp0 (entry->uid, uid) == 0, FALSE);
  return _rc_store_run_write (self, write_remote, &r, error);
}

typedef struct {
  const char           *uid;
  GPtrArray            *put;
  GPtrArray            *gone;
  const RcSyncResource *resource;
} Series;

static gboolean
write_series (RcStore  *self,
              gpointer  data,
              GError  **error)
{
  Series *r = data;

  if (!run (self, "INSERT INTO sync_applying (id) VALUES (1)", NULL, 0, error))
    return FALSE;
  for (guint i = 0; r->put != NULL && i < r->put->len; i++)
    if (!_rc_store_write_by_uid (self, r->put->pdata[i], error))
      return FALSE;
  for (guint i = 0; r->gone != NULL && i < r->gone->len; i++)
    {
      const char *values[] = { r->gone->pdata[i] };

      if (!run (self, "DELETE FROM entries WHERE uid = ?1", values, 1, error))
        return FALSE;
    }
  return write_resource (self, r->uid, r->resource, error) &&
         run (self, "DELETE FROM sync_applying", NULL, 0, error);
}

gboolean
rc_store_sync_apply_series (RcStore              *self,
                            const char           *uid,
                            GPtrArray            *put,
                            GPtrArray            *gone,
                            const RcSyncResource *resource,
                            GError              **error)
{
  Series r = { uid, put, gone, resource };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (resource == NULL || g_strcmp0 (resource->uid, uid) == 0, FALSE);
  return _rc_store_run_write (self, write_series, &r, error);
}

/* ---- conflicts ---------------------------------------------------------- */

static gboolean
write_conflict (RcStore  *self,
                gpointer  data,
                GError  **error)
{
  const RcSyncConflict *c = data;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->entry_id);
  const char *values[] = { id, c->field, c->server_value, c->local_value };

  return run (self, "INSERT OR REPLACE INTO sync_conflicts (entry_id, field, server_value, local_value)"
                    " VALUES (CAST (?1 AS INTEGER), ?2, ?3, ?4)", values, 4, error);
}

gboolean
rc_store_sync_add_conflict (RcStore              *self,
                            const RcSyncConflict *conflict,
                            GError              **error)
{
  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  return _rc_store_run_write (self, write_conflict, (gpointer) conflict, error);
}

static void
read_conflict (sqlite3_stmt *stmt,
               gpointer      out)
{
  RcSyncConflict *c = g_new0 (RcSyncConflict, 1);

  c->entry_id = sqlite3_column_int64 (stmt, 0);
  c->field = column_text (stmt, 1);
  c->server_value = column_text (stmt, 2);
  c->local_value = column_text (stmt, 3);
  g_ptr_array_add (out, c);
}

GPtrArray *
rc_store_sync_list_conflicts (RcStore  *self,
                              GError  **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_sync_conflict_free);

  g_return_val_if_fail (RC_IS_STORE (self), NULL);
  if (!select_all (self, "SELECT entry_id, field, server_value, local_value FROM sync_conflicts"
                         " ORDER BY entry_id, field", read_conflict, out, error))
    return NULL;
  return g_steal_pointer (&out);
}

static gboolean
delete_conflicts (RcStore  *self,
                  gpointer  data,
                  GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *) data);
  const char *values[] = { id };

  return run (self, "DELETE FROM sync_conflicts WHERE entry_id = CAST (?1 AS INTEGER)", values, 1, error);
}

gboolean
rc_store_sync_clear_conflicts (RcStore  *self,
                               gint64    entry_id,
                               GError  **error)
{
  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  return _rc_store_run_write (self, delete_conflicts, &entry_id, error);
}
