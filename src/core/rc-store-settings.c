/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-store-settings.c - RcStore's settings: key/value text with typed views and defaults. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rc-store-private.h"

char *
rc_store_get_setting (RcStore     *self,
                      const char  *key,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (RC_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if ((stmt = _rc_store_stmt_get (self, STMT_GET_SETTING, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    _rc_store_check (self, rc, SQLITE_DONE, error);
  _rc_store_stmt_done (stmt);
  return value;
}

static gboolean
parse_minutes (const char *value,
               int        *out)
{
  guint64 n;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, RC_MINUTES_MIN, RC_MINUTES_MAX, &n, NULL))
    return FALSE;
  *out = (int) n;
  return TRUE;
}

/* VALUE of the setting KEY in *OUT: an RcProfile, an RcWeekStart or
 * minutes; FALSE when it is none of what KEY takes. A key of no checked
 * setting takes any text (and *OUT is 0). */
static gboolean
parse_setting (const char *key,
               const char *value,
               int        *out)
{
  RcProfile profile = 0;
  RcWeekStart week_start = 0;
  gboolean ok = TRUE;

  *out = 0;
  if (g_strcmp0 (key, RC_SETTING_PROFILE) == 0)
    {
      ok = rc_profile_from_string (value, &profile);
      *out = (int) profile;
    }
  else if (g_strcmp0 (key, RC_SETTING_WEEK_START) == 0)
    {
      ok = rc_week_start_from_string (value, &week_start);
      *out = (int) week_start;
    }
  else if (g_strcmp0 (key, RC_SETTING_MASSAGE_MINUTES) == 0 || g_str_has_prefix (key, RC_SETTING_MINUTES_PREFIX))
    ok = parse_minutes (value, out);
  return ok;
}

/* The setting KEY as parse_setting() reads it, FALLBACK when unset or unfit. */
static int
get_setting_number (RcStore    *self,
                    const char *key,
                    int         fallback)
{
  g_autofree char *value = rc_store_get_setting (self, key, NULL);
  int n;

  return value != NULL && parse_setting (key, value, &n) ? n : fallback;
}

static gboolean
validate_setting (const char  *key,
                  const char  *value,
                  GError     **error)
{
  int n;

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                   _("The value of the setting “%s” is not UTF-8 text"), key);
      return FALSE;
    }
  if (parse_setting (key, value, &n))
    return TRUE;
  g_set_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
               _("“%s” is not a valid value for the setting “%s”"), value, key);
  return FALSE;
}

typedef struct {
  const char *key;
  const char *value;
} SettingWrite;

static gboolean
write_setting (RcStore   *self,
               gpointer   data,
               GError   **error)
{
  SettingWrite *s = data;
  StmtId id = s->value != NULL ? STMT_SET_SETTING : STMT_DELETE_SETTING;
  sqlite3_stmt *stmt = _rc_store_stmt_get (self, id, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, s->key, -1, SQLITE_TRANSIENT);
  if (s->value != NULL)
    sqlite3_bind_text (stmt, 2, s->value, -1, SQLITE_TRANSIENT);
  return _rc_store_stmt_run (self, stmt, error);
}

/* A NULL value removes the setting, back to its default. */
gboolean
rc_store_set_setting (RcStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  SettingWrite s = { key, value };

  g_return_val_if_fail (RC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (key[0] == '\0' || !g_utf8_validate (key, -1, NULL))
    {
      g_set_error_literal (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID,
                           _("A setting needs a non-empty UTF-8 name"));
      return FALSE;
    }
  if (value != NULL && !validate_setting (key, value, error))
    return FALSE;
  return _rc_store_run_write (self, write_setting, &s, error);
}

RcProfile
rc_store_get_profile (RcStore *self)
{
  g_return_val_if_fail (RC_IS_STORE (self), RC_PROFILE_TYPICAL);

  return get_setting_number (self, RC_SETTING_PROFILE, RC_PROFILE_TYPICAL);
}

GDateWeekday
rc_store_get_week_start (RcStore *self)
{
  g_return_val_if_fail (RC_IS_STORE (self), G_DATE_MONDAY);

  return rc_week_start_weekday (get_setting_number (self, RC_SETTING_WEEK_START, RC_WEEK_START_LOCALE));
}

char *
rc_store_minutes_key (RcKind kind)
{
  g_return_val_if_fail (kind < RC_N_KINDS, NULL);

  if (kind == RC_KIND_MASSAGE)
    return g_strdup (RC_SETTING_MASSAGE_MINUTES);
  return g_strconcat (RC_SETTING_MINUTES_PREFIX, rc_kind_to_string (kind), NULL);
}

int
rc_store_get_default_minutes (RcStore *self,
                              RcKind   kind)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (kind < RC_N_KINDS, RC_NONE);

  key = rc_store_minutes_key (kind);
  return get_setting_number (self, key, rc_kind_default_minutes (kind));
}
