/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-cli-load.c - load.md's commands: done, skip, plan and load. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rc-cli-private.h"

/* The session ID_S names, or a usage error naming the id (exit 2): an
 * unknown id or a massage appointment cannot take a status. */
static RcEntry *
get_session (RcCli       *cli,
             const char  *id_s,
             GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(RcEntry) entry = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  if (!rc_cli_parse_id (id_s, &id, error) || rc_cli_open_store (cli, error) == NULL)
    return NULL;
  entry = rc_store_get (rc_cli_open_store (cli, NULL), id, &local);
  if (entry == NULL && g_error_matches (local, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND))
    message = g_strdup_printf (_("No entry with id %s"), id_s);
  else if (entry == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  else if (entry->kind == RC_KIND_MASSAGE)
    message = g_strdup_printf (_("Entry %s is a massage appointment: only training sessions are done, skipped or planned"),
                               id_s);
  if (message != NULL)
    {
      rc_cli_usage_error (error, message);
      return NULL;
    }
  return g_steal_pointer (&entry);
}

int
rc_cli_cmd_set_status (RcCli              *cli,
                       const RcCliCommand *command)
{
  RcStatus status = (RcStatus) command->variant;
  g_autofree char *minutes_s = NULL, *rpe_s = NULL;
  GOptionEntry done_entries[] = {
    { "minutes", 0, 0, G_OPTION_ARG_STRING, &minutes_s,
      N_("Actual minutes (1-1440; default: the planned minutes)"), N_("N") },
    { "rpe", 0, 0, G_OPTION_ARG_STRING, &rpe_s,
      N_("Session effort, 1-10 (default: the planned RPE)"), N_("N") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) entry = NULL;
  int minutes = RC_NONE, rpe = RC_NONE;

  if (!rc_cli_parse_command_line (cli, command, status == RC_STATUS_DONE ? done_entries : NULL, &error) ||
      !rc_cli_parse_optional_int (minutes_s, RC_CLI_NUMBER_MINUTES, &minutes, &error) ||
      !rc_cli_parse_optional_int (rpe_s, RC_CLI_NUMBER_RPE, &rpe, &error) ||
      (entry = get_session (cli, cli->argv[1], &error)) == NULL)
    return rc_cli_report (error);

  rc_entry_set_status (entry, status, minutes, rpe);
  if (!rc_store_update (rc_cli_open_store (cli, NULL), entry, &error))
    return rc_cli_report (error);
  return RC_CLI_EXIT_OK;
}

/* One decimal, or two for the ratio; "-" for null; never "-0.0". */
static char *
format_figure (double value,
               int    decimals)
{
  if (isnan (value))
    return g_strdup ("-");
  return g_strdup_printf ("%.*f", decimals, rc_cli_round_figure (value, decimals));
}

/* "2026-12-08  480.0  151.2  40.3  -98.4  1.62  spike": date, load, ATL, CTL, TSB, ACWR, band. */
static void
print_load_line (gconstpointer item)
{
  const RcLoadDay *day = item;
  g_autofree char *date = rc_day_to_iso (day->day);
  g_autofree char *load = format_figure (day->load, 1);
  g_autofree char *atl = format_figure (day->atl, 1);
  g_autofree char *ctl = format_figure (day->ctl, 1);
  g_autofree char *tsb = format_figure (day->tsb, 1);
  g_autofree char *acwr = format_figure (day->acwr, 2);
  const char *band = rc_acwr_band_to_string (day->band);

  g_print ("%s  %7s  %7s  %7s  %7s  %5s  %s\n", date, load, atl, ctl, tsb, acwr,
           band != NULL ? band : "-");
}

int
rc_cli_cmd_load (RcCli              *cli,
                 const RcCliCommand *command)
{
  g_autofree char *to_s = NULL;
  gboolean json = FALSE, actual = FALSE;
  GOptionEntry entries[] = {
    RC_CLI_OPTION_TO_DATE (&to_s),
    { "actual", 0, 0, G_OPTION_ARG_NONE, &actual,
      N_("Count done sessions only (default: done, and planned from today on)"), NULL },
    RC_CLI_OPTION_JSON (&json),
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) days = NULL;
  RcDay first, last;

  if (!rc_cli_parse_command_line (cli, command, entries, &error) ||
      !rc_cli_parse_days (cli->argv[1], to_s, &first, &last, &error) ||
      rc_cli_open_store (cli, &error) == NULL)
    return rc_cli_report (error);
  /* the whole history up to LAST: the figures are never re-seeded */
  list = rc_store_list (rc_cli_open_store (cli, NULL), RC_DAY_INVALID, last, &error);
  if (list == NULL)
    return rc_cli_report (error);

  days = rc_load_days ((const RcEntry * const *) list->pdata, list->len, first, last,
                       rc_day_today (), actual ? RC_LOAD_ACTUAL : RC_LOAD_FORECAST);
  rc_cli_print_array (days, json, rc_cli_print_load_json, print_load_line);
  return RC_CLI_EXIT_OK;
}
