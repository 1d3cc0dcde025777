/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-cli-activity.c - recoverycal import-activity FILE... [--json] (load.md). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "rc-activity-import.h"
#include "rc-cli-private.h"

static const char *
action_name (const RcActivityImportItem *item)
{
  switch (item->action)
    {
    case RC_ACTIVITY_ADD: return "added";
    case RC_ACTIVITY_MATCH: return "matched";
    case RC_ACTIVITY_SKIP: default: return "skipped";
    }
}

static void
add_activity_json (JsonBuilder      *builder,
                   const RcActivity *a)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (a->start / G_USEC_PER_SEC);
  g_autofree char *start_s = g_date_time_format (start, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_set_member_name (builder, "start");
  json_builder_add_string_value (builder, start_s);
  json_builder_set_member_name (builder, "minutes");
  json_builder_add_int_value (builder, a->minutes);
  json_builder_set_member_name (builder, "distance_m");
  if (a->distance >= 0)
    json_builder_add_int_value (builder, (gint64) round (a->distance));
  else
    json_builder_add_null_value (builder);
  rc_cli_json_add_int (builder, "heart_rate", a->heart_rate);
  rc_cli_json_add_string (builder, "sport", a->sport);
  rc_cli_json_add_string (builder, "name", a->name);
}

/* One object a file: {"file", "action", "id", "date", "kind", "start",
 * "minutes", "distance_m", "heart_rate", "sport", "name", "reason"}. */
static void
add_item_json (JsonBuilder   *builder,
               gconstpointer  items,
               guint          i)
{
  const RcActivityImportItem *item = g_ptr_array_index ((GPtrArray *) items, i);
  g_autofree char *date = item->activity != NULL ? rc_day_to_iso (item->day) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, item->name);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, action_name (item));
  json_builder_set_member_name (builder, "id");
  if (item->entry_id != 0)
    json_builder_add_int_value (builder, item->entry_id);
  else
    json_builder_add_null_value (builder);
  rc_cli_json_add_string (builder, "date", date);
  rc_cli_json_add_string (builder, "kind", item->activity != NULL ? rc_kind_to_string (item->kind) : NULL);
  if (item->activity != NULL)
    add_activity_json (builder, item->activity);
  rc_cli_json_add_string (builder, "reason", item->reason);
  json_builder_end_object (builder);
}

static void
print_item (const RcActivityImportItem *item)
{
  g_autofree char *date = item->activity != NULL ? rc_day_to_iso (item->day) : NULL;

  if (item->action == RC_ACTIVITY_ADD)
    /* Translators: "“run.gpx”: added as Long run on 2026-12-09, 95 min (id 12)" */
    g_print (_("“%s”: added as %s on %s, %d min (id %lld)"), item->name, rc_kind_label (item->kind),
             date, item->activity->minutes, (long long) item->entry_id);
  else if (item->action == RC_ACTIVITY_MATCH)
    /* Translators: "“run.gpx”: marked the session of 2026-12-08 done, 45 min (id 7)" */
    g_print (_("“%s”: marked the session of %s done, %d min (id %lld)"), item->name,
             date, item->activity->minutes, (long long) item->entry_id);
  else
    g_print ("%s", item->reason);
  g_print ("\n");
}

/* The plain output: the totals, then one line a file. A file that is no
 * activity is also one line on stderr, as every error is. */
static void
print_plain (const RcActivityImportResult *result)
{
  g_autofree char *summary = rc_activity_import_result_describe (result);

  g_print ("%s\n", summary);
  for (guint i = 0; i < result->items->len; i++)
    {
      const RcActivityImportItem *item = g_ptr_array_index (result->items, i);

      if (item->activity != NULL)
        {
          g_print ("  ");
          print_item (item);
        }
    }
}

int
rc_cli_cmd_import_activity (RcCli              *cli,
                            const RcCliCommand *command)
{
  g_auto(GStrv) paths = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    RC_CLI_OPTION_JSON (&json),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(RcActivityImportResult) result = { 0 };

  if (!rc_cli_parse_command_line (cli, command, entries, &error))
    return rc_cli_report (error);
  if (paths == NULL || paths[0] == NULL)
    {
      rc_cli_usage_error (&error, _("Missing FILE: see “recoverycal import-activity --help”"));
      return rc_cli_report (error);
    }
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));

  if (rc_cli_open_store (cli, &error) == NULL ||
      !rc_activity_import_files (cli->store, (GFile **) files->pdata, (const char * const *) paths,
                                 files->len, &result, NULL, &error))
    return rc_cli_report (error);

  for (guint i = 0; i < result.items->len; i++)
    {
      const RcActivityImportItem *item = g_ptr_array_index (result.items, i);

      if (item->activity == NULL)
        g_printerr ("recoverycal: %s\n", item->reason);
    }
  if (json)
    rc_cli_print_json_array (result.items, result.items->len, add_item_json);
  else
    print_plain (&result);
  /* A batch skips the files that are no activity; when none was, the
   * command failed (and stored nothing). */
  return result.unreadable == files->len ? RC_CLI_EXIT_RUNTIME : RC_CLI_EXIT_OK;
}
