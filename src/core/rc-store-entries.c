/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-store-entries.c - RcStore's entries: checked, bound to statements, read back. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rc-store-private.h"

/* ---- entries <-> rows -------------------------------------------------- */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
day_is_storable (RcDay day)
{
  GDate d;

  if (!g_date_valid_julian (day))
    return FALSE;
  rc_day_to_gdate (day, &d);
  return g_date_get_year (&d) <= 9999;
}

static gboolean
validate_kind (const RcEntry  *entry,
               GError        **error)
{
  if (entry->kind >= RC_N_KINDS)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("Kind %d is not a known kind of entry"), (int) entry->kind);
      return FALSE;
    }
  if (entry->kind == RC_KIND_MASSAGE &&
      (entry->massage == RC_MASSAGE_NONE || entry->massage >= RC_N_MASSAGES))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("Massage kind %d is not pre-event, post-run or maintenance"),
                   (int) entry->massage);
      return FALSE;
    }
  if (entry->kind != RC_KIND_MASSAGE && entry->massage != RC_MASSAGE_NONE)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("A “%s” session cannot have a massage kind"),
                   rc_kind_to_string (entry->kind));
      return FALSE;
    }
  return TRUE;
}

/* Planned or done: minutes and RPE each in range, or none. */
static gboolean
validate_minutes_rpe (int      minutes,
                      int      rpe,
                      GError **error)
{
  if (minutes != RC_NONE && (minutes < RC_MINUTES_MIN || minutes > RC_MINUTES_MAX))
    {
      /* Translators: %1$d is the bad value, %2$d–%3$d the range (1–1440) */
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("%1$d minutes is outside %2$d–%3$d"), minutes, RC_MINUTES_MIN, RC_MINUTES_MAX);
      return FALSE;
    }
  if (rpe != RC_NONE && (rpe < RC_RPE_MIN || rpe > RC_RPE_MAX))
    {
      /* Translators: %1$d is the bad value, %2$d–%3$d the range (1–10) */
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("RPE %1$d is outside %2$d–%3$d"), rpe, RC_RPE_MIN, RC_RPE_MAX);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_numbers (const RcEntry  *entry,
                  GError        **error)
{
  if (!day_is_storable (entry->day))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("Day number %u is not a valid date"), (guint) entry->day);
      return FALSE;
    }
  if (entry->time != RC_NONE && (entry->time < 0 || entry->time >= 24 * 60))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("Time %d (minutes after midnight) is outside 00:00–23:59"), entry->time);
      return FALSE;
    }
  return validate_minutes_rpe (entry->minutes, entry->rpe, error);
}

/* load.md: only sessions take a status, and only done ones actual values. */
static gboolean
validate_status (const RcEntry  *entry,
                 GError        **error)
{
  if (entry->status >= RC_N_STATUSES ||
      (entry->kind == RC_KIND_MASSAGE && entry->status != RC_STATUS_PLANNED))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("Status %d does not fit a “%s” entry"), (int) entry->status,
                   rc_kind_to_string (entry->kind));
      return FALSE;
    }
  if (entry->status != RC_STATUS_DONE &&
      (entry->done_minutes != RC_NONE || entry->done_rpe != RC_NONE))
    {
      g_set_error_literal (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                           _("Only a done session has actual minutes and RPE"));
      return FALSE;
    }
  return validate_minutes_rpe (entry->done_minutes, entry->done_rpe, error);
}

static gboolean
validate_text (const RcEntry  *entry,
               GError        **error)
{
  if (entry->uid != NULL && (entry->uid[0] == '\0' || !g_utf8_validate (entry->uid, -1, NULL)))
    {
      g_set_error_literal (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                           _("An entry’s UID must be non-empty UTF-8 text"));
      return FALSE;
    }
  if ((entry->title != NULL && !g_utf8_validate (entry->title, -1, NULL)) ||
      (entry->notes != NULL && !g_utf8_validate (entry->notes, -1, NULL)))
    {
      g_set_error_literal (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                           _("An entry’s title and notes must be UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_entry (const RcEntry  *entry,
                GError        **error)
{
  return validate_kind (entry, error) &&
         validate_numbers (entry, error) &&
         validate_status (entry, error) &&
         validate_text (entry, error);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  int           value)
{
  if (value != RC_NONE)
    sqlite3_bind_int (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* Binds ?1..?10 and ?13..?15 (see SET_FIELDS); a massage is stored as its massage kind. */
static void
bind_entry (sqlite3_stmt  *stmt,
            const RcEntry *entry,
            const char    *uid,
            gint64         now)
{
  g_autofree char *date = rc_day_to_iso (entry->day);
  g_autofree char *time = entry->time != RC_NONE ? rc_time_to_string (entry->time) : NULL;
  gboolean massage = entry->kind == RC_KIND_MASSAGE;

  bind_text_or_null (stmt, 1, uid);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, time);
  sqlite3_bind_text (stmt, 4, massage ? "massage" : "session", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, massage ? rc_massage_to_string (entry->massage)
                                      : rc_kind_to_string (entry->kind), -1, SQLITE_STATIC);
  bind_int_or_null (stmt, 6, entry->minutes);
  bind_int_or_null (stmt, 7, entry->rpe);
  bind_text_or_null (stmt, 8, entry->title != NULL && entry->title[0] != '\0' ? entry->title : NULL);
  bind_text_or_null (stmt, 9, entry->notes);
  sqlite3_bind_int64 (stmt, 10, now);
  sqlite3_bind_text (stmt, 13, rc_status_to_string (entry->status), -1, SQLITE_STATIC);
  bind_int_or_null (stmt, 14, entry->done_minutes);
  bind_int_or_null (stmt, 15, entry->done_rpe);
  bind_text_or_null (stmt, 16, entry->activity);
}

static int
column_int_or_none (sqlite3_stmt *stmt,
                    int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return RC_NONE;
  return sqlite3_column_int (stmt, column);
}

static gboolean
parse_kind (const char *type,
            const char *kind,
            RcEntry    *entry)
{
  if (g_strcmp0 (type, "massage") == 0)
    {
      entry->kind = RC_KIND_MASSAGE;
      return rc_massage_from_string (kind, &entry->massage) &&
             entry->massage != RC_MASSAGE_NONE;
    }
  entry->massage = RC_MASSAGE_NONE;
  return g_strcmp0 (type, "session") == 0 &&
         rc_kind_from_string (kind, &entry->kind) &&
         entry->kind != RC_KIND_MASSAGE;
}

/* A row of ENTRY_COLUMNS; NULL when it holds what the CHECKs should have
 * refused (a file edited by hand). */
static RcEntry *
entry_from_row (RcStore       *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(RcEntry) entry = g_new0 (RcEntry, 1);
  const char *time = (const char *) sqlite3_column_text (stmt, 3);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->uid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  entry->day = rc_day_from_iso ((const char *) sqlite3_column_text (stmt, 2));
  entry->time = time != NULL ? rc_time_from_string (time) : RC_NONE;
  entry->minutes = column_int_or_none (stmt, 6);
  entry->rpe = column_int_or_none (stmt, 7);
  entry->title = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  entry->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  entry->created = sqlite3_column_int64 (stmt, 10);
  entry->updated = sqlite3_column_int64 (stmt, 11);
  entry->done_minutes = column_int_or_none (stmt, 13);
  entry->done_rpe = column_int_or_none (stmt, 14);
  entry->activity = g_strdup ((const char *) sqlite3_column_text (stmt, 15));

  if (entry->uid == NULL || entry->day == RC_DAY_INVALID ||
      (time != NULL && entry->time == RC_NONE) ||
      !rc_status_from_string ((const char *) sqlite3_column_text (stmt, 12), &entry->status) ||
      !parse_kind ((const char *) sqlite3_column_text (stmt, 4),
                   (const char *) sqlite3_column_text (stmt, 5), entry))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_OURS,
                   _("“%s” is damaged: entry %lld cannot be read"),
                   self->display_name, (long long) entry->id);
      return NULL;
    }
  return g_steal_pointer (&entry);
}

/* ---- writes ------------------------------------------------------------ */

/* As stored: an empty title is no title. */
static void
no_title_is_null (RcEntry *entry)
{
  if (entry->title != NULL && entry->title[0] == '\0')
    g_clear_pointer (&entry->title, g_free);
}

typedef struct {
  const RcEntry *entry;
  const char    *uid;
  gint64         now;
  gint64         id;
} RowWrite;

static gboolean
not_found (RcStore  *self,
           gint64    id,
           GError  **error)
{
  g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND,
               _("There is no entry with id %lld in “%s”"),
               (long long) id, self->display_name);
  return FALSE;
}

/* Statement ID with W's entry bound (see bind_entry()). */
static sqlite3_stmt *
entry_stmt (RcStore        *self,
            StmtId          id,
            const RowWrite *w,
            GError        **error)
{
  sqlite3_stmt *stmt = _rc_store_stmt_get (self, id, error);

  if (stmt != NULL)
    bind_entry (stmt, w->entry, w->uid, w->now);
  return stmt;
}

/* STMT run to change the row of entry ID, which must be there. */
static gboolean
run_on_row (RcStore       *self,
            sqlite3_stmt  *stmt,
            gint64         id,
            GError       **error)
{
  return _rc_store_stmt_run (self, stmt, error) &&
         (sqlite3_changes (self->db) == 1 || not_found (self, id, error));
}

static gboolean
insert_row (RcStore   *self,
            gpointer   data,
            GError   **error)
{
  RowWrite *w = data;
  sqlite3_stmt *stmt = entry_stmt (self, STMT_INSERT, w, error);

  if (stmt == NULL || !_rc_store_stmt_run (self, stmt, error))
    return FALSE;
  w->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
rc_store_add (RcStore  *self,
              RcEntry  *entry,
              GError  **error)
{
  g_autofree char *uid = NULL;
  RowWrite w = { entry, NULL, now_seconds (), 0 };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!validate_entry (entry, error))
    return FALSE;
  uid = entry->uid != NULL ? g_strdup (entry->uid) : rc_entry_new_uid ();
  w.uid = uid;
  if (!_rc_store_run_write (self, insert_row, &w, error))
    return FALSE;

  entry->id = w.id;
  if (entry->uid == NULL)
    entry->uid = g_steal_pointer (&uid);
  no_title_is_null (entry);
  entry->created = entry->updated = w.now;
  return TRUE;
}

static gboolean
update_row (RcStore   *self,
            gpointer   data,
            GError   **error)
{
  RowWrite *w = data;
  sqlite3_stmt *stmt = entry_stmt (self, STMT_UPDATE, w, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 11, w->entry->id);
  return run_on_row (self, stmt, w->entry->id, error);
}

gboolean
rc_store_update (RcStore  *self,
                 RcEntry  *entry,
                 GError  **error)
{
  RowWrite w = { entry, NULL, now_seconds (), 0 };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!validate_entry (entry, error) || !_rc_store_run_write (self, update_row, &w, error))
    return FALSE;
  no_title_is_null (entry);
  entry->updated = w.now;
  return TRUE;
}

typedef struct {
  gint64 id;
  RcDay  day;
} MoveWrite;

static gboolean
move_row (RcStore   *self,
          gpointer   data,
          GError   **error)
{
  MoveWrite *m = data;
  g_autofree char *date = rc_day_to_iso (m->day);
  sqlite3_stmt *stmt = _rc_store_stmt_get (self, STMT_MOVE, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now_seconds ());
  sqlite3_bind_int64 (stmt, 3, m->id);
  return run_on_row (self, stmt, m->id, error);
}

gboolean
rc_store_move (RcStore  *self,
               gint64    id,
               RcDay     day,
               GError  **error)
{
  MoveWrite m = { id, day };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);

  if (!day_is_storable (day))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("Day number %u is not a valid date"), (guint) day);
      return FALSE;
    }
  return _rc_store_run_write (self, move_row, &m, error);
}

static gboolean
delete_row (RcStore   *self,
            gpointer   data,
            GError   **error)
{
  gint64 id = *(gint64 *) data;
  sqlite3_stmt *stmt = _rc_store_stmt_get (self, STMT_DELETE, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return run_on_row (self, stmt, id, error);
}

gboolean
rc_store_delete (RcStore  *self,
                 gint64    id,
                 GError  **error)
{
  g_return_val_if_fail (RC_IS_STORE (self), FALSE);

  return _rc_store_run_write (self, delete_row, &id, error);
}

static gboolean
restore_row (RcStore   *self,
             gpointer   data,
             GError   **error)
{
  RowWrite *w = data;
  sqlite3_stmt *stmt = entry_stmt (self, STMT_RESTORE, w, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 11, w->entry->id);
  sqlite3_bind_int64 (stmt, 12, w->entry->created != 0 ? w->entry->created : w->now);
  return _rc_store_stmt_run (self, stmt, error);
}

gboolean
rc_store_restore (RcStore        *self,
                  const RcEntry  *entry,
                  GError        **error)
{
  RowWrite w = { entry, NULL, now_seconds (), 0 };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (entry->id <= 0 || entry->uid == NULL)
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("Entry %lld cannot be restored: it has no id or UID"),
                   (long long) entry->id);
      return FALSE;
    }
  w.uid = entry->uid;
  return validate_entry (entry, error) && _rc_store_run_write (self, restore_row, &w, error);
}

/* ---- reads ------------------------------------------------------------- */

/* The row STMT finds in *OUT, NULL when it finds none: FALSE only when
 * the row cannot be read. */
static gboolean
get_one (RcStore       *self,
         sqlite3_stmt  *stmt,
         RcEntry      **out,
         GError       **error)
{
  int rc = sqlite3_step (stmt);
  gboolean ok;

  *out = NULL;
  if (rc == SQLITE_ROW)
    ok = (*out = entry_from_row (self, stmt, error)) != NULL;
  else
    ok = _rc_store_check (self, rc, SQLITE_DONE, error);
  _rc_store_stmt_done (stmt);
  return ok;
}

RcEntry *
rc_store_get (RcStore  *self,
              gint64    id,
              GError  **error)
{
  sqlite3_stmt *stmt;
  RcEntry *entry;

  g_return_val_if_fail (RC_IS_STORE (self), NULL);

  if ((stmt = _rc_store_stmt_get (self, STMT_GET, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (get_one (self, stmt, &entry, error) && entry == NULL)
    not_found (self, id, error);
  return entry;
}

/* The row that statement ID finds by the text KEY, as get_one(). */
static gboolean
get_one_by_text (RcStore     *self,
                 StmtId       id,
                 const char  *key,
                 RcEntry    **out,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  *out = NULL;
  if ((stmt = _rc_store_stmt_get (self, id, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return get_one (self, stmt, out, error);
}

RcEntry *
rc_store_get_by_uid (RcStore     *self,
                     const char  *uid,
                     GError     **error)
{
  RcEntry *entry;

  g_return_val_if_fail (RC_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  if (get_one_by_text (self, STMT_GET_BY_UID, uid, &entry, error) && entry == NULL)
    g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND,
                 _("There is no entry with UID “%s” in “%s”"), uid, self->display_name);
  return entry;
}

RcEntry *
rc_store_get_by_activity (RcStore     *self,
                          const char  *activity,
                          GError     **error)
{
  RcEntry *entry;

  g_return_val_if_fail (RC_IS_STORE (self), NULL);
  g_return_val_if_fail (activity != NULL, NULL);

  get_one_by_text (self, STMT_GET_BY_ACTIVITY, activity, &entry, error);
  return entry;
}

static void
bind_day_or (sqlite3_stmt *stmt,
             int           index,
             RcDay         day,
             const char   *open_end)
{
  if (day == RC_DAY_INVALID)
    sqlite3_bind_text (stmt, index, open_end, -1, SQLITE_STATIC);
  else if (!day_is_storable (day))  /* after 9999-12-31 */
    sqlite3_bind_text (stmt, index, "9999-99-99", -1, SQLITE_STATIC);
  else
    sqlite3_bind_text (stmt, index, rc_day_to_iso (day), -1, g_free);
}

GPtrArray *
rc_store_list (RcStore  *self,
               RcDay     first,
               RcDay     last,
               GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (RC_IS_STORE (self), NULL);

  if ((stmt = _rc_store_stmt_get (self, STMT_LIST, error)) == NULL)
    return NULL;
  bind_day_or (stmt, 1, first, "");
  bind_day_or (stmt, 2, last, "9999-99-99");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RcEntry *entry = entry_from_row (self, stmt, error);

      if (entry == NULL)
        {
          _rc_store_stmt_done (stmt);
          return NULL;
        }
      g_ptr_array_add (entries, entry);
    }
  ok = _rc_store_check (self, rc, SQLITE_DONE, error);
  _rc_store_stmt_done (stmt);
  return ok ? g_steal_pointer (&entries) : NULL;
}

/* ---- import ------------------------------------------------------------ */

/* What an entry of the import became in its row. */
typedef struct {
  gint64  id;
  gint64  created;
  char   *uid;
} Written;

static void
written_clear (gpointer data)
{
  g_free (((Written *) data)->uid);
}

static GArray *
written_new (void)
{
  GArray *written = g_array_new (FALSE, FALSE, sizeof (Written));

  g_array_set_clear_func (written, written_clear);
  return written;
}

typedef struct {
  GPtrArray *entries;
  GArray    *written;   /* Written, one for each entry */
  gint64     now;
  guint      n_added;
  guint      n_updated;
} ImportWrite;

/* Updates the row with ENTRY's uid; *found tells whether there was one. */
static gboolean
update_by_uid (RcStore        *self,
               const RcEntry  *entry,
               ImportWrite    *w,
               gboolean       *found,
               GError        **error)
{
  sqlite3_stmt *stmt = _rc_store_stmt_get (self, STMT_UPDATE_BY_UID, error);
  gboolean ok;
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_entry (stmt, entry, entry->uid, w->now);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found)
    {
      Written row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                      g_strdup (entry->uid) };

      g_array_append_val (w->written, row);
      return _rc_store_stmt_run (self, stmt, error);
    }
  ok = _rc_store_check (self, rc, SQLITE_DONE, error);
  _rc_store_stmt_done (stmt);
  return ok;
}

static gboolean
import_one (RcStore        *self,
            const RcEntry  *entry,
            ImportWrite    *w,
            GError        **error)
{
  g_autofree char *uid = NULL;
  RowWrite row = { entry, NULL, w->now, 0 };
  Written written;
  gboolean found = FALSE;

  if (entry->uid != NULL && !update_by_uid (self, entry, w, &found, error))
    return FALSE;
  if (found)
    {
      w->n_updated++;
      return TRUE;
    }
  uid = entry->uid != NULL ? g_strdup (entry->uid) : rc_entry_new_uid ();
  row.uid = uid;
  if (!insert_row (self, &row, error))
    return FALSE;
  written = (Written) { row.id, w->now, g_steal_pointer (&uid) };
  g_array_append_val (w->written, written);
  w->n_added++;
  return TRUE;
}

static gboolean
import_rows (RcStore   *self,
             gpointer   data,
             GError   **error)
{
  ImportWrite *w = data;

  for (guint i = 0; i < w->entries->len; i++)
    {
      if (!import_one (self, g_ptr_array_index (w->entries, i), w, error))
        return FALSE;
    }
  return TRUE;
}

/* The entries get their ids only once the whole import is committed. */
static void
import_apply (ImportWrite *w)
{
  for (guint i = 0; i < w->entries->len; i++)
    {
      RcEntry *entry = g_ptr_array_index (w->entries, i);

      const Written *written = &g_array_index (w->written, Written, i);

      entry->id = written->id;
      entry->created = written->created;
      entry->updated = w->now;
      if (entry->uid == NULL)
        entry->uid = g_strdup (written->uid);
      no_title_is_null (entry);
    }
}

typedef struct {
  ImportWrite        *import;
  const char * const *settings;
} ImportSettingsWrite;

static gboolean
import_settings_rows (RcStore   *self,
                      gpointer   data,
                      GError   **error)
{
  ImportSettingsWrite *w = data;

  if (!import_rows (self, w->import, error))
    return FALSE;
  for (guint i = 0; w->settings != NULL && w->settings[i] != NULL; i += 2)
    {
      sqlite3_stmt *stmt = _rc_store_stmt_get (self, STMT_SET_SETTING, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, w->settings[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, w->settings[i + 1], -1, SQLITE_TRANSIENT);
      if (!_rc_store_stmt_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rc_store_import_with_settings (RcStore             *self,
                               GPtrArray           *entries,
                               const char * const  *settings,
                               guint               *n_added,
                               guint               *n_updated,
                               GError             **error)
{
  g_autoptr(GArray) written = written_new ();
  ImportWrite w = { entries, written, now_seconds (), 0, 0 };
  ImportSettingsWrite ws = { &w, settings };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  for (guint i = 0; i < entries->len; i++)
    {
      if (!validate_entry (g_ptr_array_index (entries, i), error))
        {
          g_prefix_error (error, _("Entry %u of %u: "), i + 1, entries->len);
          return FALSE;
        }
    }
  if (!_rc_store_run_write (self, import_settings_rows, &ws, error))
    return FALSE;
  import_apply (&w);
  if (n_added != NULL)
    *n_added = w.n_added;
  if (n_updated != NULL)
    *n_updated = w.n_updated;
  return TRUE;
}

gboolean
rc_store_import (RcStore    *self,
                 GPtrArray  *entries,
                 guint      *n_added,
                 guint      *n_updated,
                 GError    **error)
{
  return rc_store_import_with_settings (self, entries, NULL, n_added, n_updated, error);
}

gboolean
_rc_store_write_by_uid (RcStore  *self,
                        RcEntry  *entry,
                        GError  **error)
{
  g_autoptr(GArray) written = written_new ();
  ImportWrite w = { NULL, written, now_seconds (), 0, 0 };

  g_return_val_if_fail (entry->uid != NULL, FALSE);
  if (!validate_entry (entry, error) || !import_one (self, entry, &w, error))
    return FALSE;
  entry->id = g_array_index (written, Written, 0).id;
  return TRUE;
}
