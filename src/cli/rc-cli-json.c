/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-cli-json.c - the --json output of the command line: entries and advice as cli.md shows them. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "rc-cli-private.h"

void
rc_cli_json_add_int (JsonBuilder *builder,
                  const char  *name,
                  int          value)
{
  json_builder_set_member_name (builder, name);
  if (value == RC_NONE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

void
rc_cli_json_add_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

/* load.md: the status, and the actual minutes and RPE of a done session. */
static void
add_status_json (JsonBuilder   *builder,
                 const RcEntry *entry)
{
  gboolean done = entry->status == RC_STATUS_DONE;

  rc_cli_json_add_string (builder, "status", rc_status_to_string (entry->status));
  rc_cli_json_add_int (builder, "done_minutes", done ? entry->done_minutes : RC_NONE);
  rc_cli_json_add_int (builder, "done_rpe", done ? entry->done_rpe : RC_NONE);
}

static void
add_entry_json (JsonBuilder   *builder,
                gconstpointer  entries,
                guint          i)
{
  const RcEntry *entry = g_ptr_array_index ((GPtrArray *) entries, i);
  g_autofree char *date = rc_day_to_iso (entry->day);
  g_autofree char *time = entry->time != RC_NONE ? rc_time_to_string (entry->time) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, entry->id);
  rc_cli_json_add_string (builder, "date", date);
  rc_cli_json_add_string (builder, "time", time);
  rc_cli_json_add_string (builder, "type", entry->kind == RC_KIND_MASSAGE ? "massage" : "session");
  rc_cli_json_add_string (builder, "kind", rc_cli_entry_kind_name (entry));
  rc_cli_json_add_int (builder, "minutes", entry->minutes);
  rc_cli_json_add_int (builder, "rpe", entry->rpe);
  rc_cli_json_add_string (builder, "title", entry->title);
  rc_cli_json_add_string (builder, "notes", entry->notes);
  add_status_json (builder, entry);
  json_builder_end_object (builder);
}

void
rc_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
add_strv_json (JsonBuilder        *builder,
               const char         *name,
               const char * const *strv)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
add_range_json (JsonBuilder *builder,
                const char  *name,
                const char  *min,
                const char  *max)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  rc_cli_json_add_string (builder, "min", min);
  rc_cli_json_add_string (builder, "max", max);
  json_builder_end_object (builder);
}

static void
add_advice_json (JsonBuilder   *builder,
                 gconstpointer  advice_array,
                 guint          i)
{
  const RcAdvice *advice = &g_array_index ((GArray *) advice_array, RcAdvice, i);
  g_autofree char *date = rc_day_to_iso (advice->day);
  g_auto(GStrv) rules = rc_cli_advice_rule_ids (advice, advice->rules);
  g_auto(GStrv) decided_by = rc_cli_advice_rule_ids (advice, advice->decided_by);
  g_auto(GStrv) reasons = rc_advice_reasons (advice);
  g_auto(GStrv) conflicts = rc_advice_conflicts (advice);
  gboolean forbidden = advice->verdict == RC_VERDICT_FORBIDDEN;

  json_builder_begin_object (builder);
  rc_cli_json_add_string (builder, "date", date);
  rc_cli_json_add_string (builder, "verdict", rc_verdict_to_string (advice->verdict));
  rc_cli_json_add_string (builder, "massage", rc_massage_to_string (advice->massage));
  if (forbidden)
    {
      rc_cli_json_add_string (builder, "pressure", NULL);
      rc_cli_json_add_string (builder, "minutes", NULL);
    }
  else
    {
      add_range_json (builder, "pressure", rc_pressure_to_string (advice->pressure_min),
                      rc_pressure_to_string (advice->pressure_max));
      json_builder_set_member_name (builder, "minutes");
      json_builder_begin_object (builder);
      rc_cli_json_add_int (builder, "min", advice->minutes_min);
      rc_cli_json_add_int (builder, "max", advice->minutes_max);
      json_builder_end_object (builder);
    }
  add_strv_json (builder, "rules", (const char * const *) rules);
  add_strv_json (builder, "decided_by", (const char * const *) decided_by);
  add_strv_json (builder, "reasons", (const char * const *) reasons);
  add_strv_json (builder, "conflicts", (const char * const *) conflicts);
  json_builder_set_member_name (builder, "due");
  json_builder_add_boolean_value (builder, advice->due);
  json_builder_set_member_name (builder, "best");
  json_builder_add_boolean_value (builder, advice->best);
  json_builder_end_object (builder);
}

void
rc_cli_print_json_array (gconstpointer     list,
                         guint             n,
                         RcCliJsonItemFunc add_item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    add_item (builder, list, i);
  json_builder_end_array (builder);
  rc_cli_print_json (builder);
}

void
rc_cli_print_array (GArray            *items,
                    gboolean           json,
                    RcCliPrintJsonFunc print_json,
                    RcCliPrintLineFunc print_line)
{
  guint size = g_array_get_element_size (items);

  if (json)
    {
      print_json (items);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    print_line (items->data + (gsize) i * size);
}

void
rc_cli_print_entries_json (GPtrArray *entries)
{
  rc_cli_print_json_array (entries, entries->len, add_entry_json);
}

void
rc_cli_print_advice_json (GArray *advice)
{
  rc_cli_print_json_array (advice, advice->len, add_advice_json);
}

/* VALUE rounded to DECIMALS (1 or 2) as load.md gives its figures; never -0.0. */
double
rc_cli_round_figure (double value,
                     int    decimals)
{
  double scale = decimals == 2 ? 100.0 : 10.0;
  double rounded = round (value * scale) / scale;

  return rounded == 0.0 ? 0.0 : rounded;
}

/* json-glib writes doubles with 17 digits (151.19999999999999); load.md's
 * figures are rounded (one decimal, two for the ratio), so these objects are
 * written as text in json-glib's pretty layout. Never "-0.0". */
static void
append_rounded (GString    *out,
                const char *name,
                double      value,
                int         decimals,
                gboolean    last)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "    \"%s\" : ", name);
  if (isnan (value))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, decimals == 2 ? "%.2f" : "%.1f",
                                           rc_cli_round_figure (value, decimals)));
  g_string_append (out, last ? "\n" : ",\n");
}

static void
append_load_day (GString         *out,
                 const RcLoadDay *day)
{
  g_autofree char *date = rc_day_to_iso (day->day);
  const char *band = rc_acwr_band_to_string (day->band);

  g_string_append_printf (out, "  {\n    \"date\" : \"%s\",\n", date);
  append_rounded (out, "load", day->load, 1, FALSE);
  append_rounded (out, "atl", day->atl, 1, FALSE);
  append_rounded (out, "ctl", day->ctl, 1, FALSE);
  append_rounded (out, "tsb", day->tsb, 1, FALSE);
  append_rounded (out, "acwr", day->acwr, 2, FALSE);
  /* band names are plain ASCII words: nothing to escape */
  if (band != NULL)
    g_string_append_printf (out, "    \"band\" : \"%s\"\n  }", band);
  else
    g_string_append (out, "    \"band\" : null\n  }");
}

void
rc_cli_print_load_json (GArray *days)
{
  g_autoptr(GString) out = g_string_new ("[");

  for (guint i = 0; i < days->len; i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      append_load_day (out, &g_array_index (days, RcLoadDay, i));
    }
  g_string_append (out, days->len > 0 ? "\n]" : "]");
  g_print ("%s\n", out->str);
}
