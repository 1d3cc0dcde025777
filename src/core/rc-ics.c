/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-ics.c - iCalendar in and out: the error domain, the user's zone, kinds from words, files. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rc-ics-private.h"

G_DEFINE_QUARK (rc-ics-error-quark, rc_ics_error)

void
rc_ics_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Bad input is ours to report, never a reason to abort. */
      icalerror_set_errors_are_fatal (0);
      g_once_init_leave (&done, 1);
    }
}

void
rc_ics_import_result_clear (RcIcsImportResult *result)
{
  g_clear_pointer (&result->skip_reasons, g_ptr_array_unref);
  g_clear_pointer (&result->changes, g_ptr_array_unref);
  result->added = result->updated = result->skipped = result->unchanged = 0;
  result->not_training = result->windows = 0;
}

/* One whole sentence for each shape of the totals, so that translators never
 * see a fragment; a number after a colon needs no plural. */
char *
rc_ics_import_result_describe (const RcIcsImportResult *result)
{
  guint other;

  g_return_val_if_fail (result != NULL, NULL);

  if (result->not_training + result->windows == 0)
    /* Translators: the totals of an .ics import: events added, updated,
     * unchanged and skipped */
    return g_strdup_printf (_("Added: %1$u, updated: %2$u, unchanged: %3$u, skipped: %4$u"),
                            result->added, result->updated, result->unchanged, result->skipped);
  other = result->skipped - MIN (result->skipped, result->not_training + result->windows);
  /* Translators: the totals of an .ics import, then what the skipped events
   * were: events that name no training, ideal massage days RecoveryCal
   * exported, and the rest (cancelled, bad dates...) */
  return g_strdup_printf (_("Added: %1$u, updated: %2$u, unchanged: %3$u, skipped: %4$u "
                            "(not training sessions: %5$u, ideal massage days: %6$u, other: %7$u)"),
                          result->added, result->updated, result->unchanged, result->skipped,
                          result->not_training, result->windows, other);
}

/* ------------------------------------------------------------------ */
/* The user's zone                                                    */

static char *
tzid_from_identifier (const char *id)
{
  const char *zoneinfo;

  if (id == NULL || *id == '\0')
    return NULL;
  if (*id == ':')
    id++;
  /* TZ=/usr/share/zoneinfo/Europe/London and the like */
  zoneinfo = strstr (id, "zoneinfo/");
  if (zoneinfo != NULL)
    id = zoneinfo + strlen ("zoneinfo/");
  if (*id == '\0' || *id == '/')
    return NULL;
  return g_strdup (id);
}

char *
rc_ics_local_tzid (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  char *tzid = tzid_from_identifier (g_time_zone_get_identifier (tz));

  return tzid != NULL ? tzid : g_strdup ("UTC");
}

/* ------------------------------------------------------------------ */
/* Kinds from words                                                   */

/* cli.md's word table, English and German, lower case: whole words, and
 * "a+b" is two words in a row. The first row that matches wins, except that
 * a summary naming a massage is a massage appointment whatever else it says
 * ("Pre-race massage" is no race), so that row is tried first. */
static const struct {
  const char *words;
  RcKind      kind;
} word_kinds[] = {
  { "massage sports+massage sportmassage", RC_KIND_MASSAGE },
  { "race 5k 10k half+marathon marathon parkrun wettkampf rennen halbmarathon", RC_KIND_RACE },
  { "interval intervals reps repeats track fartlek hills intervall intervalle bahn fahrtspiel bergläufe",
    RC_KIND_INTERVALS },
  { "tempo threshold progression schwelle tempodauerlauf", RC_KIND_TEMPO },
  { "long+run long langer+lauf longrun", RC_KIND_LONG },
  { "run jog easy recovery+run shakeout lauf dauerlauf locker regenerationslauf", RC_KIND_EASY },
  { "bike ride cycling swim gym strength yoga row elliptical cross rad radfahren schwimmen kraft rudern",
    RC_KIND_CROSS },
  { "rest rest+day day+off ruhetag pause", RC_KIND_REST },
};

/* "6x800", "6 x 800 m", "10×400": repetitions, so intervals. */
static gboolean
has_repetitions (const char *lower)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(?<![[:alnum:]])[0-9]+ ?[x×] ?[0-9]+",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (regex, lower, 0, NULL);
}

/* Whether WORDS has PHRASE (LEN octets; words joined by '+') in a row. */
static gboolean
words_contain (char       **words,
               const char  *phrase,
               gsize        len)
{
  const char *end = phrase + len;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *p = phrase;

      for (guint j = i; words[j] != NULL; j++)
        {
          const char *sep = memchr (p, '+', end - p);
          gsize n = sep != NULL ? (gsize) (sep - p) : (gsize) (end - p);

          if (strncmp (words[j], p, n) != 0 || words[j][n] != '\0')
            break;
          if (sep == NULL)
            return TRUE;
          p = sep + 1;
        }
    }
  return FALSE;
}

static gboolean
words_have (char       **words,
            const char  *phrase)
{
  return words_contain (words, phrase, strlen (phrase));
}

static char **
split_words (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GPtrArray *words = g_ptr_array_new ();
  const char *p = lower;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

/* cli.md: maintenance unless it says pre-event/pre-race or post-run/post-race. */
static RcMassage
massage_from_words (char **words)
{
  if (words_have (words, "pre+event") || words_have (words, "pre+race"))
    return RC_MASSAGE_PRE_EVENT;
  if (words_have (words, "post+run") || words_have (words, "post+race"))
    return RC_MASSAGE_POST_RUN;
  return RC_MASSAGE_MAINTENANCE;
}

static gboolean
row_matches (char       **words,
             const char  *row)
{
  for (const char *p = row; *p != '\0';)
    {
      gsize len = strcspn (p, " ");

      if (words_contain (words, p, len))
        return TRUE;
      p += len + (p[len] == ' ');
    }
  return FALSE;
}

gboolean
rc_ics_kind_from_words (const char *text,
                        RcKind     *kind,
                        RcMassage  *massage)
{
  g_autofree char *lower = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (massage != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  lower = g_utf8_strdown (text, -1);
  words = split_words (lower);
  for (guint i = 0; i < G_N_ELEMENTS (word_kinds); i++)
    {
      gboolean match = row_matches (words, word_kinds[i].words) ||
                       (word_kinds[i].kind == RC_KIND_INTERVALS && has_repetitions (lower));

      if (match)
        {
          *kind = word_kinds[i].kind;
          *massage = *kind == RC_KIND_MASSAGE ? massage_from_words (words) : RC_MASSAGE_NONE;
          return TRUE;
        }
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Files and the store                                                */

/* Entries of FIRST..LAST in CONTEXT, which lists a wider range: one query
 * serves both the export and the advice. Pointers into CONTEXT. */
static GPtrArray *
entries_between (GPtrArray *context,
                 RcDay      first,
                 RcDay      last)
{
  GPtrArray *entries = g_ptr_array_sized_new (context->len);

  for (guint i = 0; i < context->len; i++)
    {
      const RcEntry *e = context->pdata[i];

      if ((first == RC_DAY_INVALID || e->day >= first) &&
          (last == RC_DAY_INVALID || e->day <= last))
        g_ptr_array_add (entries, context->pdata[i]);
    }
  return entries;
}

static gboolean
needs_advice (GPtrArray *entries,
              gboolean   windows)
{
  for (guint i = 0; !windows && i < entries->len; i++)
    if (((RcEntry *) entries->pdata[i])->kind == RC_KIND_MASSAGE)
      return TRUE;
  return windows;
}

static gboolean
write_atomically (const char  *path,
                  const char  *text,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  /* a temporary file renamed over the old one: never half a file */
  if (g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_WRITE, _("Cannot write “%s”: %s"),
               name, local_error->message);
  return FALSE;
}

/* The plan's own database files are no calendar: reading one would drop
 * SQLite's locks (rc_store_is_own_file), writing one would destroy the plan. */
static gboolean
check_not_own_file (RcStore     *store,
                    const char  *path,
                    const char  *name,
                    RcIcsError   code,
                    GError     **error)
{
  if (!rc_store_is_own_file (rc_store_get_path (store), path))
    return TRUE;
  g_set_error (error, RC_ICS_ERROR, code,
               _("“%s” is this plan’s own database, not a calendar file"), name);
  return FALSE;
}

gboolean
rc_ics_export_file (RcStore     *store,
                    const char  *path,
                    RcDay        first,
                    RcDay        last,
                    gboolean     windows,
                    GError     **error)
{
  g_return_val_if_fail (RC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return rc_ics_export_file_full (store, path, first, last, windows, NULL, NULL, error);
}

static guint
count_ideal (GArray *advice)
{
  guint n = 0;

  for (guint i = 0; advice != NULL && i < advice->len; i++)
    n += g_array_index (advice, RcAdvice, i).verdict == RC_VERDICT_IDEAL;
  return n;
}

gboolean
rc_ics_export_file_full (RcStore     *store,
                         const char  *path,
                         RcDay        first,
                         RcDay        last,
                         gboolean     windows,
                         guint       *n_entries,
                         guint       *n_windows,
                         GError     **error)
{
  g_autoptr(GPtrArray) context = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) advice = NULL;
  g_autofree char *text = NULL;
  RcDay from = first, to = last;

  g_return_val_if_fail (RC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  {
    g_autofree char *name = g_filename_display_name (path);

    if (!check_not_own_file (store, path, name, RC_ICS_ERROR_WRITE, error))
      return FALSE;
  }
  /* the advice on a day looks at entries around it (RC_RULES_DAYS_*) */
  if (from != RC_DAY_INVALID)
    from = from > RC_RULES_DAYS_BEFORE ? from - RC_RULES_DAYS_BEFORE : 1;
  if (to != RC_DAY_INVALID)
    to += RC_RULES_DAYS_AFTER;
  context = rc_store_list (store, from, to, error);
  if (context == NULL)
    return FALSE;
  entries = entries_between (context, first, last);
  if (entries->len > 0 && first == RC_DAY_INVALID)
    first = ((RcEntry *) entries->pdata[0])->day;
  if (entries->len > 0 && last == RC_DAY_INVALID)
    last = ((RcEntry *) entries->pdata[entries->len - 1])->day;
  /* checked before the work: an entry in year 9999 (an import can make
   * one) would make the advice run for minutes */
  if (needs_advice (entries, windows) && first != RC_DAY_INVALID &&
      last != RC_DAY_INVALID && last > first && last - first >= RC_ICS_MAX_ADVICE_DAYS)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_TOO_LARGE,
                   _("Cannot export “%s”: the plan spans more than %u days, too many to work out "
                     "massage days for; export a shorter range"), name, RC_ICS_MAX_ADVICE_DAYS);
      return FALSE;
    }
  if (needs_advice (entries, windows) && first != RC_DAY_INVALID &&
      last != RC_DAY_INVALID && first <= last)
    advice = rc_rules_advise_range ((const RcEntry * const *) context->pdata, context->len,
                                    first, last, rc_store_get_profile (store),
                                    rc_store_get_week_start (store),
                                    rc_store_get_default_minutes (store, RC_KIND_MASSAGE));

  text = rc_ics_export_string ((const RcEntry * const *) entries->pdata, entries->len,
                               advice != NULL ? (const RcAdvice *) advice->data : NULL,
                               advice != NULL ? advice->len : 0,
                               windows, g_get_real_time () / G_USEC_PER_SEC);
  if (!write_atomically (path, text, error))
    return FALSE;
  if (n_entries != NULL)
    *n_entries = entries->len;
  if (n_windows != NULL)
    *n_windows = windows ? count_ideal (advice) : 0;
  return TRUE;
}

static char *
read_capped (const char  *path,
             const char  *name,
             gsize       *length,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  char *data = NULL;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_READ, _("Cannot read “%s”: %s"),
                   name, g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_READ, _("Cannot read “%s”: it is a folder"), name);
      return NULL;
    }
  /* a device or a pipe has no size to check and may never end */
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_READ, _("Cannot read “%s”: not a regular file"), name);
      return NULL;
    }
  /* checked before reading: a huge file is refused, not loaded */
  if (st.st_size > RC_ICS_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64) st.st_size);
      g_autofree char *cap = g_format_size (RC_ICS_MAX_FILE_SIZE);

      /* just over the cap both round alike ("21.0 MB; at most 21.0 MB"):
       * then the bytes tell them apart */
      if (g_str_equal (size, cap))
        {
          g_free (size);
          g_free (cap);
          size = g_format_size_full ((guint64) st.st_size, G_FORMAT_SIZE_LONG_FORMAT);
          cap = g_format_size_full (RC_ICS_MAX_FILE_SIZE, G_FORMAT_SIZE_LONG_FORMAT);
        }

      g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_TOO_LARGE,
                   _("“%s” is too large to import (%s; at most %s)"), name, size, cap);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, length, &local_error))
    {
      g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_READ, _("Cannot read “%s”: %s"),
                   name, local_error->message);
      return NULL;
    }
  if (*length > RC_ICS_MAX_FILE_SIZE)
    {
      g_set_error (error, RC_ICS_ERROR, RC_ICS_ERROR_TOO_LARGE,
                   _("“%s” is too large to import"), name);
      g_free (data);
      return NULL;
    }
  return data;
}

/* Takes out of ENTRIES what the store already holds as it is; the others
 * get their stored id, so the comparison and the update see the same row.
 * *BEFORE gets, for each entry left, its stored row (NULL for a new one):
 * what an undo puts back. */
static gboolean
drop_unchanged (RcStore       *store,
                GPtrArray     *entries,
                GPtrArray    **before,
                guint         *unchanged,
                GCancellable  *cancellable,
                GError       **error)
{
  guint turns = 0;

  *unchanged = 0;
  *before = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  g_ptr_array_set_size (*before, entries->len);
  for (guint i = entries->len; i > 0; i--)
    {
      RcEntry *entry = entries->pdata[i - 1];
      g_autoptr(RcEntry) stored = NULL;

      if (rc_ics_check_cancelled (RC_ICS_STAGE_COMPARE, &turns, cancellable, error))
        return FALSE;
      stored = rc_store_get_by_uid (store, entry->uid, NULL);

      if (stored == NULL)
        continue;
      entry->id = stored->id;
      if (rc_entry_equal (stored, entry))
        {
          g_ptr_array_remove_index (entries, i - 1);
          g_ptr_array_remove_index (*before, i - 1);
          (*unchanged)++;
        }
      else
        (*before)->pdata[i - 1] = g_steal_pointer (&stored);
    }
  return TRUE;
}

/* ENTRIES as stored (ids and uids set) and their rows BEFORE, both emptied
 * into an undo batch: the entries move, nothing is copied. */
static GPtrArray *
undo_batch (GPtrArray *entries,
            GPtrArray *before)
{
  GPtrArray *batch = rc_undo_batch_new ();
  gsize n = 0;
  g_autofree RcEntry **after = (RcEntry **) g_ptr_array_steal (entries, &n);
  g_autofree RcEntry **old = (RcEntry **) g_ptr_array_steal (before, NULL);

  for (gsize i = 0; i < n; i++)
    rc_undo_batch_take (batch, old[i] == NULL ? RC_COMMAND_ADD : RC_COMMAND_EDIT, old[i], after[i]);
  return batch;
}

/* The two import entry points below, in one. */
static gboolean
import_file (RcStore            *store,
             const char         *path,
             RcKind              unknown_as,
             GCancellable       *cancellable,
             RcIcsImportResult  *result,
             GError            **error)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_auto(RcIcsImportResult) parsed = { 0 };
  guint added = 0;
  guint updated = 0;
  guint unchanged;
  gsize length = 0;

  g_return_val_if_fail (RC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  name = g_filename_display_name (path);
  if (!check_not_own_file (store, path, name, RC_ICS_ERROR_READ, error))
    return FALSE;
  data = read_capped (path, name, &length, error);
  if (data == NULL)
    return FALSE;
  entries = rc_ics_parse_full (data, length, name, rc_day_today (), unknown_as, &parsed,
                               cancellable, error);
  if (entries == NULL || !drop_unchanged (store, entries, &before, &unchanged, cancellable, error))
    return FALSE;
  /* the last moment to stop: the write is one transaction */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!rc_store_import (store, entries, &added, &updated, error))
    {
      g_prefix_error (error, _("Nothing imported from “%s”: "), name);
      return FALSE;
    }
  result->added = added;
  result->updated = updated;
  result->unchanged = unchanged;
  result->skipped = parsed.skipped;
  result->not_training = parsed.not_training;
  result->windows = parsed.windows;
  result->skip_reasons = g_steal_pointer (&parsed.skip_reasons);
  result->changes = undo_batch (entries, before);
  return TRUE;
}

gboolean
rc_ics_import_file (RcStore            *store,
                    const char         *path,
                    RcIcsImportResult  *result,
                    GError            **error)
{
  g_return_val_if_fail (RC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  return import_file (store, path, RC_N_KINDS, NULL, result, error);
}

gboolean
rc_ics_import_file_full (RcStore            *store,
                         const char         *path,
                         RcKind              unknown_as,
                         RcIcsImportResult  *result,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_return_val_if_fail (RC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  return import_file (store, path, unknown_as, cancellable, result, error);
}
