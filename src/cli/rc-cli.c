/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-cli.c - the headless command line of cli.md: a thin layer on the core. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rc-cli-private.h"
#include "rc-ics.h"
#include "rc-store.h"

G_DEFINE_QUARK (rc-cli-error-quark, rc_cli_error)

static gboolean
usage_error (GError    **error,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage_error (GError    **error,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, RC_CLI_ERROR, RC_CLI_ERROR_USAGE, message);
  return FALSE;
}

/* Prints ERROR as the one line cli.md asks for, and gives its exit code. */
int
rc_cli_report (GError *error)
{
  g_printerr ("recoverycal: %s\n", error->message);
  return error->domain == RC_CLI_ERROR || error->domain == G_OPTION_ERROR
         ? RC_CLI_EXIT_USAGE : RC_CLI_EXIT_RUNTIME;
}

static gboolean
parse_day (const char  *s,
           RcDay       *out,
           GError     **error)
{
  *out = rc_day_from_iso (s);
  if (*out == RC_DAY_INVALID)
    return usage_error (error, _("Invalid date “%s”: use YYYY-MM-DD, a real calendar day"), s);
  return TRUE;
}

static gboolean
parse_optional_day (const char  *s,
                    RcDay       *out,
                    GError     **error)
{
  *out = RC_DAY_INVALID;
  return s == NULL || parse_day (s, out, error);
}

/* The numbers the commands take: their range, and a whole sentence naming
 * the bad value for each (translators get no sentence built from parts). */
static const struct {
  gint64 min;
  gint64 max;
} numbers[] = {
  [RC_CLI_NUMBER_ID]      = { 1, G_MAXINT64 },
  [RC_CLI_NUMBER_MINUTES] = { RC_MINUTES_MIN, RC_MINUTES_MAX },
  [RC_CLI_NUMBER_RPE]     = { RC_RPE_MIN, RC_RPE_MAX },
};

static gboolean
number_error (RcCliNumber   number,
              const char   *s,
              GError      **error)
{
  switch (number)
    {
    case RC_CLI_NUMBER_ID:
      return usage_error (error, _("Invalid id “%s”: use the whole number that add, book or list printed"), s);
    case RC_CLI_NUMBER_MINUTES:
      return usage_error (error, _("Invalid minutes “%s”: use a whole number from 1 to 1440"), s);
    case RC_CLI_NUMBER_RPE:
      return usage_error (error, _("Invalid RPE “%s”: use a whole number from 1 to 10 (how hard the whole session was)"), s);
    default:
      g_assert_not_reached ();
    }
}

/* A decimal integer in the number's range, nothing else: "7", not "+7",
 * " 7" or "7x". */
static gboolean
parse_int (const char   *s,
           RcCliNumber   number,
           gint64       *out,
           GError      **error)
{
  guint64 v = 0;

  g_assert (number < G_N_ELEMENTS (numbers));
  if (s == NULL || s[0] == '+' ||
      !g_ascii_string_to_unsigned (s, 10, numbers[number].min, numbers[number].max, &v, NULL))
    return number_error (number, s != NULL ? s : "", error);
  *out = (gint64) v;
  return TRUE;
}

gboolean
rc_cli_parse_id (const char  *s,
                 gint64      *out,
                 GError     **error)
{
  return parse_int (s, RC_CLI_NUMBER_ID, out, error);
}

gboolean
rc_cli_parse_optional_int (const char   *s,
                           RcCliNumber   number,
                           int          *out,
                           GError      **error)
{
  gint64 v = 0;

  *out = RC_NONE;
  if (s == NULL)
    return TRUE;
  if (!parse_int (s, number, &v, error))
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static gboolean
parse_optional_time (const char  *s,
                     int         *out,
                     GError     **error)
{
  *out = RC_NONE;
  if (s == NULL)
    return TRUE;
  *out = rc_time_from_string (s);
  if (*out == RC_NONE)
    return usage_error (error, _("Invalid time “%s”: use HH:MM, from 00:00 to 23:59"), s);
  return TRUE;
}

/* The values a usage message offers when a name is unknown. */
typedef enum {
  CHOICE_KIND,      /* training sessions only */
  CHOICE_MASSAGE,   /* booked kinds only: not "none" */
  CHOICE_PROFILE,
} Choice;

/* CHOICE_KIND offers the kinds before the massage, the last one. */
G_STATIC_ASSERT (RC_KIND_MASSAGE == RC_N_KINDS - 1);

/* The I-th name CHOICE offers, as the core's tables spell it; NULL past the
 * last. Machine names, so nothing here is translated. */
static const char *
choice_name (Choice choice,
             guint  i)
{
  switch (choice)
    {
    case CHOICE_KIND:
      return i < RC_KIND_MASSAGE ? rc_kind_to_string (i) : NULL;
    case CHOICE_MASSAGE:
      return RC_MASSAGE_NONE + 1 + i < RC_N_MASSAGES ? rc_massage_to_string (RC_MASSAGE_NONE + 1 + i) : NULL;
    case CHOICE_PROFILE:
      return i < RC_N_PROFILES ? rc_profile_to_string (i) : NULL;
    default:
      g_assert_not_reached ();
    }
}

/* "Unknown kind “jog”: use one of rest, easy, …": a whole sentence each. */
static gboolean
choice_error (Choice       choice,
              const char  *s,
              GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *list = NULL;
  const char *name;

  for (guint i = 0; (name = choice_name (choice, i)) != NULL; i++)
    g_strv_builder_add (builder, name);
  names = g_strv_builder_end (builder);
  list = g_strjoinv (", ", names);
  switch (choice)
    {
    case CHOICE_KIND:
      /* Translators: %1$s is what the user typed, %2$s the kinds, as typed: "rest, easy, long, …" */
      return usage_error (error, _("Unknown kind “%1$s”: use one of %2$s"), s, list);
    case CHOICE_MASSAGE:
      /* Translators: %1$s is what the user typed, %2$s the massage kinds, as typed: "pre-event, post-run, …" */
      return usage_error (error, _("Unknown massage kind “%1$s”: use one of %2$s"), s, list);
    case CHOICE_PROFILE:
      /* Translators: %1$s is what the user typed, %2$s the profiles, as typed: "fast, typical, slow" */
      return usage_error (error, _("Unknown profile “%1$s”: use one of %2$s"), s, list);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_session_kind (const char  *s,
                    RcKind      *out,
                    GError     **error)
{
  if (rc_kind_from_string (s, out) && *out != RC_KIND_MASSAGE)
    return TRUE;
  return choice_error (CHOICE_KIND, s, error);
}

static gboolean
parse_massage (const char  *s,
               RcMassage   *out,
               GError     **error)
{
  *out = RC_MASSAGE_NONE;
  if (s == NULL || (rc_massage_from_string (s, out) && *out != RC_MASSAGE_NONE))
    return TRUE;
  return choice_error (CHOICE_MASSAGE, s, error);
}

static gboolean
parse_profile (const char  *s,
               RcProfile   *out,
               GError     **error)
{
  if (rc_profile_from_string (s, out))
    return TRUE;
  return choice_error (CHOICE_PROFILE, s, error);
}

gboolean
rc_cli_parse_range (const char  *from_s,
                    const char  *to_s,
                    RcDay       *from,
                    RcDay       *to,
                    GError     **error)
{
  if (!parse_optional_day (from_s, from, error) || !parse_optional_day (to_s, to, error))
    return FALSE;
  if (*from != RC_DAY_INVALID && *to != RC_DAY_INVALID && *to < *from)
    return usage_error (error, _("Invalid range: --to %s is before %s"), to_s, from_s);
  return TRUE;
}

gboolean
rc_cli_parse_days (const char  *first_s,
                   const char  *to_s,
                   RcDay       *first,
                   RcDay       *last,
                   GError     **error)
{
  if (!rc_cli_parse_range (first_s, to_s, first, last, error))
    return FALSE;
  if (*last == RC_DAY_INVALID)
    *last = *first;
  return TRUE;
}

/* The positional arguments COMMAND requires, as its params name them: the
 * leading plain words ("ID DATE"). An optional "[use-mine ID]", a list
 * "FILE…" or a choice "add|show|remove" is the command's own to take. */
static GStrv
required_args (const RcCliCommand *command)
{
  g_auto(GStrv) words = g_strsplit (command->params, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0' || words[i][0] == '[' || strchr (words[i], '|') != NULL ||
          g_str_has_suffix (words[i], "…"))
        break;
      g_strv_builder_add (builder, words[i]);
    }
  return g_strv_builder_end (builder);
}

/* Parses the options of one command and checks its positional arguments,
 * which are left in CLI's argv[1..], after the command word. */
gboolean
rc_cli_parse_command_line (RcCli               *cli,
                           const RcCliCommand  *command,
                           GOptionEntry        *entries,
                           GError             **error)
{
  /* GOption never frees an option's earlier value: a --db before the
   * command word and another after it leaked the first (found by fuzzing) */
  g_autofree char *db_option = NULL;
  const GOptionEntry db_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_option, N_("Use the database at PATH"), N_("PATH") },
    { NULL }
  };
  g_autofree char *params = g_strdup_printf ("%s %s", command->name, command->params);
  g_autoptr(GOptionContext) context = g_option_context_new (params);
  g_auto(GStrv) arg_names = required_args (command);
  guint n_args = g_strv_length (arg_names);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_add_main_entries (context, db_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &cli->argc, &cli->argv, error))
    return FALSE;
  if (db_option != NULL)
    {
      g_free (cli->db_option);
      cli->db_option = g_steal_pointer (&db_option);
    }

  for (guint i = 0; i < n_args; i++)
    if (cli->argc <= (int) i + 1)
      return usage_error (error, _("Missing %s: see “recoverycal %s --help”"), arg_names[i], command->name);
  if (cli->argc > (int) n_args + 1)
    return usage_error (error, _("Unexpected argument “%s”"), cli->argv[n_args + 1]);
  return TRUE;
}

RcStore *
rc_cli_open_store (RcCli   *cli,
                   GError **error)
{
  if (cli->store == NULL)
    {
      g_autofree char *path = rc_store_default_path (cli->db_option);

      cli->store = rc_store_open (path, error);
    }
  return cli->store;
}

/* The entries the advice on FIRST..LAST depends on. */
static GPtrArray *
list_for_advice (RcStore  *store,
                 RcDay     first,
                 RcDay     last,
                 GError  **error)
{
  RcDay from = first > RC_RULES_DAYS_BEFORE ? first - RC_RULES_DAYS_BEFORE : 1;

  return rc_store_list (store, from, last + RC_RULES_DAYS_AFTER, error);
}

static GArray *
advise (RcStore    *store,
        GPtrArray  *entries,
        RcDay       first,
        RcDay       last,
        RcProfile   profile)
{
  return rc_rules_advise_range ((const RcEntry * const *) entries->pdata, entries->len,
                                first, last, profile, rc_store_get_week_start (store),
                                rc_store_get_default_minutes (store, RC_KIND_MASSAGE));
}

/* What add and book make from their shared options: an entry of KIND on
 * DAY at TIME_S, for MINUTES_S (none: the store's default for the kind),
 * with NOTES and no RPE; NULL when an option is no valid value. Opens the
 * store. */
static RcEntry *
parse_new_entry (RcCli       *cli,
                 RcDay        day,
                 RcKind       kind,
                 const char  *time_s,
                 const char  *minutes_s,
                 char       **notes,
                 GError     **error)
{
  RcEntry *entry;
  int time, minutes;

  if (!parse_optional_time (time_s, &time, error) ||
      !rc_cli_parse_optional_int (minutes_s, RC_CLI_NUMBER_MINUTES, &minutes, error) ||
      rc_cli_open_store (cli, error) == NULL)
    return NULL;

  entry = rc_entry_new (day, kind);
  entry->time = time;
  entry->minutes = minutes != RC_NONE ? minutes : rc_store_get_default_minutes (cli->store, kind);
  entry->rpe = RC_NONE;
  entry->notes = g_steal_pointer (notes);
  return entry;
}

static int
print_id_of_added (RcStore  *store,
                   RcEntry  *entry)
{
  g_autoptr(GError) error = NULL;

  if (!rc_store_add (store, entry, &error))
    return rc_cli_report (error);
  g_print ("%" G_GINT64_FORMAT "\n", entry->id);
  return RC_CLI_EXIT_OK;
}

static int
cmd_add (RcCli              *cli,
         const RcCliCommand *command)
{
  g_autofree char *time_s = NULL, *minutes_s = NULL, *rpe_s = NULL;
  g_autofree char *title = NULL, *notes = NULL;
  GOptionEntry entries[] = {
    RC_CLI_OPTION_TIME (&time_s),
    RC_CLI_OPTION_MINUTES (&minutes_s),
    { "rpe", 0, 0, G_OPTION_ARG_STRING, &rpe_s, N_("Effort, 1-10 (rate of perceived exertion)"), N_("N") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title"), N_("TEXT") },
    RC_CLI_OPTION_NOTES (&notes),
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) entry = NULL;
  RcDay day;
  RcKind kind;
  int rpe;

  if (!rc_cli_parse_command_line (cli, command, entries, &error) ||
      !parse_day (cli->argv[1], &day, &error) ||
      !parse_session_kind (cli->argv[2], &kind, &error) ||
      !rc_cli_parse_optional_int (rpe_s, RC_CLI_NUMBER_RPE, &rpe, &error) ||
      (entry = parse_new_entry (cli, day, kind, time_s, minutes_s, &notes, &error)) == NULL)
    return rc_cli_report (error);

  entry->rpe = rpe;
  /* none unless given: every view shows the kind's name in its language */
  entry->title = g_steal_pointer (&title);
  return print_id_of_added (cli->store, entry);
}

/* The massage kind the day suggests; maintenance on a forbidden day. */
static RcMassage
suggested_massage (RcStore  *store,
                   RcDay     day,
                   GError  **error)
{
  g_autoptr(GPtrArray) entries = list_for_advice (store, day, day, error);
  g_autoptr(GArray) advice = NULL;
  RcMassage massage;

  if (entries == NULL)
    return RC_MASSAGE_NONE;
  advice = advise (store, entries, day, day, rc_store_get_profile (store));
  massage = g_array_index (advice, RcAdvice, 0).massage;
  return massage != RC_MASSAGE_NONE ? massage : RC_MASSAGE_MAINTENANCE;
}

/* Why a booked massage does not suit its day, naming the day; NULL when it
 * suits. The same advice as the window's (rc-rules), for the stored plan. */
static char *
booking_warning (RcStore       *store,
                 const RcEntry *booked)
{
  g_autoptr(GPtrArray) entries = list_for_advice (store, booked->day, booked->day, NULL);
  g_auto(GStrv) sentences = NULL;
  g_autofree char *day = NULL;
  RcAdvice advice;

  if (entries == NULL)
    return NULL;
  rc_rules_advise_day ((const RcEntry * const *) entries->pdata, entries->len, booked->day,
                       rc_store_get_profile (store), rc_store_get_week_start (store),
                       rc_store_get_default_minutes (store, RC_KIND_MASSAGE), &advice);
  if (advice.verdict == RC_VERDICT_FORBIDDEN)
    {
      sentences = rc_advice_reasons (&advice);   /* the deciding reasons first */
      /* Translators: how a reason writes a date, in strftime format: "Sat 19 Dec" */
      /* xgettext:no-c-format */
      day = rc_day_format (booked->day, C_("reason date", "%a %-d %b"));
      /* Translators: a warning after booking a massage: %1$s the day ("Fri 18 Dec"),
       * %2$s the reason ("Race on Sat 19 Dec is the next day: ...") */
      return g_strdup_printf (_("%1$s is forbidden: %2$s"), day,
                              sentences[0] != NULL ? sentences[0] : "");
    }
  /* another kind than the day suggests: the conflict sentence of this booking */
  sentences = rc_advice_conflicts (&advice);
  for (guint i = 0; i < advice.n_conflicts && sentences[i] != NULL; i++)
    if (advice.conflict[i]->id == booked->id)
      return g_strdup (sentences[i]);
  return NULL;
}

/* Booked, but not where the rules would: one line on stderr (cli.md), and
 * the booking stands. "warning:" stays untranslated, like "recoverycal:",
 * so that scripts can find it. */
static void
warn_about_booking (RcStore       *store,
                    const RcEntry *booked)
{
  g_autofree char *warning = booking_warning (store, booked);

  if (warning != NULL)
    g_printerr ("warning: %s\n", warning);
}

static int
cmd_book (RcCli              *cli,
          const RcCliCommand *command)
{
  g_autofree char *time_s = NULL, *massage_s = NULL, *minutes_s = NULL, *notes = NULL;
  GOptionEntry entries[] = {
    RC_CLI_OPTION_TIME (&time_s),
    { "massage", 0, 0, G_OPTION_ARG_STRING, &massage_s,
      N_("Massage kind: pre-event, post-run or maintenance (default: what the day suggests)"), N_("KIND") },
    RC_CLI_OPTION_MINUTES (&minutes_s),
    RC_CLI_OPTION_NOTES (&notes),
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) entry = NULL;
  RcDay day;
  RcMassage massage;
  int status;

  if (!rc_cli_parse_command_line (cli, command, entries, &error) ||
      !parse_day (cli->argv[1], &day, &error) ||
      !parse_massage (massage_s, &massage, &error) ||
      (entry = parse_new_entry (cli, day, RC_KIND_MASSAGE, time_s, minutes_s, &notes, &error)) == NULL)
    return rc_cli_report (error);

  if (massage == RC_MASSAGE_NONE)
    massage = suggested_massage (cli->store, day, &error);
  if (error != NULL)
    return rc_cli_report (error);

  entry->massage = massage;
  status = print_id_of_added (cli->store, entry);
  if (status == RC_CLI_EXIT_OK)
    warn_about_booking (cli->store, entry);
  return status;
}

/* The machine name of an entry's kind, as in the database and the JSON. */
const char *
rc_cli_entry_kind_name (const RcEntry *entry)
{
  return entry->kind == RC_KIND_MASSAGE ? rc_massage_to_string (entry->massage)
                                        : rc_kind_to_string (entry->kind);
}

static void
print_entry_line (const RcEntry *entry)
{
  g_autofree char *date = rc_day_to_iso (entry->day);
  g_autofree char *time = entry->time != RC_NONE ? rc_time_to_string (entry->time) : g_strdup ("--:--");
  g_autofree char *minutes = entry->minutes != RC_NONE
                             ? g_strdup_printf (_("%d min"), entry->minutes) : g_strdup ("-");
  g_autofree char *rpe = entry->rpe != RC_NONE
                         ? g_strdup_printf (_("RPE %d"), entry->rpe) : g_strdup ("-");

  g_print ("%-5" G_GINT64_FORMAT "  %s  %s  %-11s  %8s  %6s  %s\n", entry->id, date, time,
           rc_cli_entry_kind_name (entry), minutes, rpe, rc_entry_display_title (entry));
}

static int
cmd_list (RcCli              *cli,
          const RcCliCommand *command)
{
  g_autofree char *from_s = NULL, *to_s = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    RC_CLI_OPTION_FROM (&from_s),
    RC_CLI_OPTION_TO (&to_s),
    RC_CLI_OPTION_JSON (&json),
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  RcDay from, to;

  if (!rc_cli_parse_command_line (cli, command, entries, &error) ||
      !rc_cli_parse_range (from_s, to_s, &from, &to, &error) ||
      rc_cli_open_store (cli, &error) == NULL ||
      (list = rc_store_list (cli->store, from, to, &error)) == NULL)
    return rc_cli_report (error);

  if (json)
    rc_cli_print_entries_json (list);
  else
    {
      for (guint i = 0; i < list->len; i++)
        print_entry_line (g_ptr_array_index (list, i));
    }
  return RC_CLI_EXIT_OK;
}

static int
cmd_move (RcCli              *cli,
          const RcCliCommand *command)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  RcDay day;

  if (!rc_cli_parse_command_line (cli, command, NULL, &error) ||
      !rc_cli_parse_id (cli->argv[1], &id, &error) ||
      !parse_day (cli->argv[2], &day, &error) ||
      rc_cli_open_store (cli, &error) == NULL ||
      !rc_store_move (cli->store, id, day, &error))
    return rc_cli_report (error);
  return RC_CLI_EXIT_OK;
}

static int
cmd_delete (RcCli              *cli,
            const RcCliCommand *command)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!rc_cli_parse_command_line (cli, command, NULL, &error) ||
      !rc_cli_parse_id (cli->argv[1], &id, &error) ||
      rc_cli_open_store (cli, &error) == NULL ||
      !rc_store_delete (cli->store, id, &error))
    return rc_cli_report (error);
  return RC_CLI_EXIT_OK;
}

/* The ids of the rules in MASK that fired, in the table order of rules-spec.md. */
GStrv
rc_cli_advice_rule_ids (const RcAdvice *advice,
                        guint32         mask)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (RcRule r = 0; r < RC_N_RULES; r++)
    if ((mask & (1u << r)) != 0 && rc_advice_has_rule (advice, r))
      g_strv_builder_add (builder, rc_rule_to_string (r));
  return g_strv_builder_end (builder);
}

/* "moderate-deep", or one word where the ends meet: never "moderate-moderate". */
static char *
pressure_range (const RcAdvice *advice)
{
  if (advice->pressure_min == advice->pressure_max)
    return g_strdup (rc_pressure_to_string (advice->pressure_min));
  return g_strdup_printf ("%s-%s", rc_pressure_to_string (advice->pressure_min),
                          rc_pressure_to_string (advice->pressure_max));
}

static void
print_advice_line (gconstpointer item)
{
  const RcAdvice *advice = item;
  g_autofree char *date = rc_day_to_iso (advice->day);
  g_auto(GStrv) rules = rc_cli_advice_rule_ids (advice, advice->rules);
  g_autofree char *rule_list = g_strjoinv (",", rules);
  g_autofree char *pressure = NULL;
  g_autofree char *minutes = NULL;

  if (advice->verdict == RC_VERDICT_FORBIDDEN)
    {
      pressure = g_strdup ("-");
      minutes = g_strdup ("-");
    }
  else
    {
      pressure = pressure_range (advice);
      minutes = advice->minutes_min == advice->minutes_max
                ? g_strdup_printf (_("%d min"), advice->minutes_min)
                : g_strdup_printf (_("%d-%d min"), advice->minutes_min, advice->minutes_max);
    }
  g_print ("%s  %-9s  %-11s  %-14s %s  %s%s%s\n", date, rc_verdict_to_string (advice->verdict),
           rc_massage_to_string (advice->massage), pressure, minutes, rule_list,
           advice->n_conflicts > 0 ? "  conflict" : "", advice->due ? "  due" : "");
}

/* Checked before the work: advice for 2000 years takes seconds and
 * prints megabytes (found by fuzzing the arguments). */
#define MAX_ADVICE_DAYS 3660

static gboolean
check_advice_span (RcDay        first,
                   RcDay        last,
                   const char  *to_s,
                   GError     **error)
{
  if (last - first < MAX_ADVICE_DAYS)
    return TRUE;
  /* TRANSLATORS: advise DATE --to DATE over more than ten years */
  return usage_error (error, _("Invalid range: --to %s is more than %u days after the first day"),
                      to_s, MAX_ADVICE_DAYS);
}

static int
cmd_advise (RcCli              *cli,
            const RcCliCommand *command)
{
  g_autofree char *to_s = NULL, *profile_s = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    RC_CLI_OPTION_TO_DATE (&to_s),
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_s,
      N_("Recovery profile for this call: fast, typical or slow"), N_("PROFILE") },
    RC_CLI_OPTION_JSON (&json),
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) advice = NULL;
  RcDay first, last;
  RcProfile profile = RC_PROFILE_TYPICAL;

  if (!rc_cli_parse_command_line (cli, command, entries, &error) ||
      !rc_cli_parse_days (cli->argv[1], to_s, &first, &last, &error) ||
      !check_advice_span (first, last, to_s, &error) ||
      (profile_s != NULL && !parse_profile (profile_s, &profile, &error)) ||
      rc_cli_open_store (cli, &error) == NULL ||
      (list = list_for_advice (cli->store, first, last, &error)) == NULL)
    return rc_cli_report (error);

  if (profile_s == NULL)
    profile = rc_store_get_profile (cli->store);
  advice = advise (cli->store, list, first, last, profile);

  rc_cli_print_array (advice, json, rc_cli_print_advice_json, print_advice_line);
  return RC_CLI_EXIT_OK;
}

/* What an export wrote, on stdout as import's summary is; with --windows
 * also when no day was ideal, so an empty phone calendar is explained. */
static void
print_export_summary (const char *path,
                      guint       n_entries,
                      gboolean    windows,
                      guint       n_windows)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: %1$u is a number of entries, %2$s a file name */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %1$u entry to %2$s", "Exported %1$u entries to %2$s", n_entries),
           n_entries, name);
  g_print ("\n");
  if (windows)
    {
      /* Translators: the line after "Exported 11 entries to plan.ics" with --windows */
      g_print (g_dngettext (GETTEXT_PACKAGE, "Also exported %u ideal massage day as an all-day event",
                            "Also exported %u ideal massage days as all-day events", n_windows),
               n_windows);
      g_print ("\n");
    }
}

static int
cmd_export (RcCli              *cli,
            const RcCliCommand *command)
{
  g_autofree char *from_s = NULL, *to_s = NULL;
  gboolean windows = FALSE;
  GOptionEntry entries[] = {
    RC_CLI_OPTION_FROM (&from_s),
    RC_CLI_OPTION_TO (&to_s),
    { "windows", 0, 0, G_OPTION_ARG_NONE, &windows,
      N_("Add each ideal massage day as an all-day event"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  RcDay from, to;
  guint n_entries = 0, n_windows = 0;

  if (!rc_cli_parse_command_line (cli, command, entries, &error) ||
      !rc_cli_parse_range (from_s, to_s, &from, &to, &error) ||
      rc_cli_open_store (cli, &error) == NULL ||
      !rc_ics_export_file_full (cli->store, cli->argv[1], from, to, windows,
                                &n_entries, &n_windows, &error))
    return rc_cli_report (error);
  print_export_summary (cli->argv[1], n_entries, windows, n_windows);
  return RC_CLI_EXIT_OK;
}

static int
cmd_import (RcCli              *cli,
            const RcCliCommand *command)
{
  g_autofree char *unknown_s = NULL;
  GOptionEntry entries[] = {
    { "unknown-as", 0, 0, G_OPTION_ARG_STRING, &unknown_s,
      N_("Import events that name no training as this kind (default: skip them)"), N_("KIND") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_auto(RcIcsImportResult) result = { 0 };
  g_autofree char *summary = NULL;
  RcKind unknown_as = RC_N_KINDS;

  if (!rc_cli_parse_command_line (cli, command, entries, &error) ||
      (unknown_s != NULL && !parse_session_kind (unknown_s, &unknown_as, &error)) ||
      rc_cli_open_store (cli, &error) == NULL ||
      !rc_ics_import_file_full (cli->store, cli->argv[1], unknown_as, &result, NULL, &error))
    return rc_cli_report (error);

  summary = rc_ics_import_result_describe (&result);
  g_print ("%s\n", summary);
  for (guint i = 0; result.skip_reasons != NULL && i < result.skip_reasons->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (result.skip_reasons, i));
  if (result.not_training > 0)
    g_print ("%s\n", _("To import events that name no training, say what they are: --unknown-as KIND"));
  return RC_CLI_EXIT_OK;
}

static const RcCliCommand commands[] = {
  { "add", "DATE KIND", N_("Add a training session"), cmd_add },
  { "book", "DATE", N_("Book a massage appointment"), cmd_book },
  { "list", "", N_("List entries"), cmd_list },
  { "move", "ID DATE", N_("Move an entry to another day"), cmd_move },
  { "delete", "ID", N_("Delete an entry"), cmd_delete },
  { "advise", "DATE", N_("Show the massage advice for a day or a range of days"), cmd_advise },
  { "export", "FILE.ics", N_("Export the plan as an iCalendar file"), cmd_export },
  { "import", "FILE.ics", N_("Import sessions from an iCalendar file"), cmd_import },
  { "import-activity", "FILE…", N_("Import recorded activities from GPX or TCX files"), rc_cli_cmd_import_activity },
  RC_CLI_LOAD_COMMANDS
  RC_CLI_SYNC_COMMANDS
};

gboolean
rc_cli_usage_error (GError    **error,
                    const char *message)
{
  return usage_error (error, "%s", message);
}

static const RcCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* Index of the command word in ARGV, skipping the global --db option; 0 if none. */
static int
find_command_word (int    argc,
                   char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--db") == 0 || strcmp (argv[i], "--date") == 0)
        i++;
      else if (argv[i][0] != '-')
        return i;
    }
  return 0;
}

static gboolean
has_flag (int         argc,
          char      **argv,
          const char *flag,
          const char *short_flag)
{
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], flag) == 0 || g_strcmp0 (argv[i], short_flag) == 0)
      return TRUE;
  return FALSE;
}

gboolean
rc_cli_wants_argv (int    argc,
                   char **argv)
{
  return find_command_word (argc, argv) > 0 ||
         has_flag (argc, argv, "--help", "-h") ||
         has_flag (argc, argv, "--help-all", NULL) ||
         has_flag (argc, argv, "--version", NULL);
}

/* The window's own options, --db PATH and --date DATE, parsed here and only
 * here, before a display is opened: a bad one is a usage error, as in any
 * command, and not hidden behind "cannot open a display". */
gboolean
rc_cli_parse_window_argv (int       argc,
                          char    **argv,
                          char    **db_path,
                          RcDay    *start_day,
                          GError  **error)
{
  g_autofree char *db_option = NULL;
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_option, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  /* the parser moves arguments within ARGS, never frees them */
  g_autofree char **args = NULL;
  int n_args = argc;

  g_return_val_if_fail (db_path != NULL && start_day != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *db_path = NULL;
  *start_day = RC_DAY_INVALID;
  if (argc <= 1)
    return TRUE;
  args = g_memdup2 (argv, sizeof (char *) * (argc + 1));
  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &n_args, &args, error))
    return FALSE;
  if (n_args > 1)
    return usage_error (error, _("Unexpected argument “%s”"), args[1]);
  if (!parse_optional_day (date, start_day, error))
    return FALSE;
  /* "" is no path: the default plan */
  if (db_option != NULL && db_option[0] != '\0')
    *db_path = g_steal_pointer (&db_option);
  return TRUE;
}

static void
print_help (void)
{
  glong width = 0;

  g_print ("%s\n  recoverycal [--db PATH] [--date DATE]\n  recoverycal [--db PATH] COMMAND [OPTION…]\n\n",
           _("Usage:"));
  g_print ("%s\n\n", _("Plan running training and time sports massage for recovery. "
                       "Without a command, opens the calendar window."));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, g_utf8_strlen (commands[i].params, -1));
  /* padded by characters, not bytes: "FILE…" is five wide */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-15s %s%*s %s\n", commands[i].name, commands[i].params,
             (int) (width - g_utf8_strlen (commands[i].params, -1)), "", _(commands[i].summary));
  g_print ("\n%s\n", _("Options:"));
  g_print ("  --db PATH     %s\n", _("Use the database at PATH"));
  g_print ("  --date DATE   %s\n", _("Open the window at the week of DATE"));
  g_print ("  --help        %s\n", _("Show this help; “recoverycal COMMAND --help” shows a command’s options"));
  g_print ("  --version     %s\n", _("Show the version"));
}

/* Moves a global "--db PATH" before the command word into CLI, so each
 * command's own parser sees only its arguments. */
static char **
take_global_options (RcCli  *cli,
                     int     argc,
                     char  **argv,
                     int     word,
                     int    *out_argc)
{
  GPtrArray *args = g_ptr_array_new ();

  for (int i = word; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  for (int i = 1; i < word; i++)
    {
      if (strcmp (argv[i], "--db") == 0 && i + 1 < word)
        {
          g_free (cli->db_option);
          cli->db_option = g_strdup (argv[++i]);
        }
      else
        g_ptr_array_add (args, argv[i]);  /* the command's parser reports it */
    }
  *out_argc = (int) args->len;
  g_ptr_array_add (args, NULL);
  return (char **) g_ptr_array_free (args, FALSE);
}

int
rc_cli_run (int    argc,
            char **argv)
{
  RcCli cli = { NULL, NULL, 0, NULL };
  const RcCliCommand *command;
  g_autofree char **args = NULL;
  int word = find_command_word (argc, argv);
  int status;

  g_set_prgname ("recoverycal");
  if (word == 0)
    {
      if (has_flag (argc, argv, "--version", NULL))
        g_print ("%s %s\n", PACKAGE_NAME, VERSION);
      else
        print_help ();
      return RC_CLI_EXIT_OK;
    }

  command = find_command (argv[word]);
  if (command == NULL)
    {
      g_printerr ("recoverycal: ");
      g_printerr (_("Unknown command “%s”: see “recoverycal --help”"), argv[word]);
      g_printerr ("\n");
      return RC_CLI_EXIT_USAGE;
    }

  /* the command's parser moves arguments within ARGS, never frees them */
  args = take_global_options (&cli, argc, argv, word, &cli.argc);
  cli.argv = args;
  status = command->run (&cli, command);

  g_clear_object (&cli.store);
  g_free (cli.db_option);
  return status;
}
