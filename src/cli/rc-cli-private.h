/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-cli-private.h - what the command line's files share: parsing, the store, JSON. */

#pragma once

#include <json-glib/json-glib.h>

#include "rc-cli.h"
#include "rc-rules.h"
#include "rc-store.h"
#include "rc-load.h"

G_BEGIN_DECLS

/* Errors of the command line's own: a usage error exits 2 (cli.md). */
#define RC_CLI_ERROR (rc_cli_error_quark ())
typedef enum {
  RC_CLI_ERROR_USAGE,
} RcCliError;
GQuark rc_cli_error_quark (void);

/* The numbers the commands take, each with its range and message. */
typedef enum {
  RC_CLI_NUMBER_ID,
  RC_CLI_NUMBER_MINUTES,
  RC_CLI_NUMBER_RPE,
} RcCliNumber;

typedef struct {
  char    *db_option;   /* --db, or NULL */
  RcStore *store;       /* opened once the arguments are known to be good */
  int      argc;        /* the command's arguments, its word first: */
  char   **argv;        /* what is left of them once its options are parsed */
} RcCli;

typedef struct _RcCliCommand RcCliCommand;
typedef int (*RcCliCommandFunc) (RcCli *cli, const RcCliCommand *command);

struct _RcCliCommand {
  const char    *name;
  const char    *params;    /* after the command word, for --help; its leading
                             * plain words are the arguments it requires */
  const char    *summary;   /* one line, translatable */
  RcCliCommandFunc  run;
  int            variant;   /* for a RUN that serves several commands */
};

/* The options several commands share, for their GOptionEntry tables. */
#define RC_CLI_OPTION_JSON(flag) \
  { "json", 0, 0, G_OPTION_ARG_NONE, (flag), N_("Print JSON"), NULL }
#define RC_CLI_OPTION_FROM(day_s) \
  { "from", 0, 0, G_OPTION_ARG_STRING, (day_s), N_("First day"), N_("DATE") }
#define RC_CLI_OPTION_TO(day_s) \
  { "to", 0, 0, G_OPTION_ARG_STRING, (day_s), N_("Last day"), N_("DATE") }
#define RC_CLI_OPTION_TO_DATE(day_s) \
  { "to", 0, 0, G_OPTION_ARG_STRING, (day_s), N_("Last day (default: DATE)"), N_("DATE") }
#define RC_CLI_OPTION_TIME(time_s) \
  { "time", 0, 0, G_OPTION_ARG_STRING, (time_s), N_("Start time"), N_("HH:MM") }
#define RC_CLI_OPTION_MINUTES(minutes_s) \
  { "minutes", 0, 0, G_OPTION_ARG_STRING, (minutes_s), N_("Duration in minutes (1-1440)"), N_("N") }
#define RC_CLI_OPTION_NOTES(notes) \
  { "notes", 0, 0, G_OPTION_ARG_STRING, (notes), N_("Notes"), N_("TEXT") }

/* Parses the options of one command (--db included) and checks that CLI's
 * argv keeps exactly the positional arguments COMMAND's params require. */
gboolean    rc_cli_parse_command_line (RcCli               *cli,
                                       const RcCliCommand  *command,
                                       GOptionEntry        *entries,
                                       GError             **error);
RcStore    *rc_cli_open_store         (RcCli               *cli,
                                       GError             **error);
/* Sets a usage error (exit 2) with MESSAGE; FALSE. */
gboolean    rc_cli_usage_error        (GError             **error,
                                       const char          *message);

/* import-activity (rc-cli-activity.c) */
int         rc_cli_cmd_import_activity (RcCli              *cli,
                                        const RcCliCommand *command);

/* The machine name of an entry's kind, as in the database and the JSON. */
const char *rc_cli_entry_kind_name    (const RcEntry  *entry);
/* The ids of the rules in MASK that fired on ADVICE's day, in rule order. */
GStrv       rc_cli_advice_rule_ids    (const RcAdvice *advice,
                                       guint32         mask);

/* JSON building blocks (rc-cli-json.c): NAME with VALUE, or null for
 * RC_NONE / NULL; and BUILDER's document, pretty, on stdout. */
void        rc_cli_json_add_int       (JsonBuilder    *builder,
                                       const char     *name,
                                       int             value);
void        rc_cli_json_add_string    (JsonBuilder    *builder,
                                       const char     *name,
                                       const char     *value);
void        rc_cli_print_json         (JsonBuilder    *builder);

/* Adds the I-th item of LIST to BUILDER as one JSON value. */
typedef void (*RcCliJsonItemFunc) (JsonBuilder  *builder,
                                   gconstpointer list,
                                   guint         i);
/* LIST's N items, each added by ADD_ITEM, as a pretty JSON array on stdout. */
void        rc_cli_print_json_array   (gconstpointer      list,
                                       guint              n,
                                       RcCliJsonItemFunc  add_item);

/* A command's output of ITEMS: the whole array as JSON, or one item as a line. */
typedef void (*RcCliPrintJsonFunc) (GArray        *items);
typedef void (*RcCliPrintLineFunc) (gconstpointer  item);
/* ITEMS by PRINT_JSON when JSON says so, else a line each by PRINT_LINE. */
void        rc_cli_print_array        (GArray             *items,
                                       gboolean            json,
                                       RcCliPrintJsonFunc  print_json,
                                       RcCliPrintLineFunc  print_line);

/* ENTRIES (of RcEntry*) and ADVICE (of RcAdvice) as pretty JSON arrays on stdout. */
void        rc_cli_print_entries_json (GPtrArray      *entries);
void        rc_cli_print_advice_json  (GArray         *advice);

/* More of rc-cli.c's parsing, for rc-cli-load.c. */
gboolean    rc_cli_parse_id           (const char     *s,
                                       gint64         *out,
                                       GError        **error);
gboolean    rc_cli_parse_optional_int (const char     *s,
                                       RcCliNumber     number,
                                       int            *out,
                                       GError        **error);
gboolean    rc_cli_parse_range        (const char     *from_s,
                                       const char     *to_s,
                                       RcDay          *from,
                                       RcDay          *to,
                                       GError        **error);
/* The days of "DATE [--to DATE]": FIRST_S to TO_S, or FIRST_S alone. */
gboolean    rc_cli_parse_days         (const char     *first_s,
                                       const char     *to_s,
                                       RcDay          *first,
                                       RcDay          *last,
                                       GError        **error);

/* load.md's commands (rc-cli-load.c), for the command table. */
/* done, skip and plan: the command's variant is the RcStatus it sets. */
int         rc_cli_cmd_set_status     (RcCli *cli, const RcCliCommand *command);
int         rc_cli_cmd_load           (RcCli *cli, const RcCliCommand *command);
#define RC_CLI_LOAD_COMMANDS \
  { "done", "ID", N_("Mark a training session done"), rc_cli_cmd_set_status, RC_STATUS_DONE }, \
  { "skip", "ID", N_("Mark a training session skipped"), rc_cli_cmd_set_status, RC_STATUS_SKIPPED }, \
  { "plan", "ID", N_("Mark a training session planned again"), rc_cli_cmd_set_status, RC_STATUS_PLANNED }, \
  { "load", "DATE", N_("Show the training load for a day or a range of days"), rc_cli_cmd_load },

/* VALUE rounded as load.md prints it: to DECIMALS (1, or 2 for the ratio),
 * and never -0.0. */
double      rc_cli_round_figure       (double          value,
                                       int             decimals);
/* DAYS (of RcLoadDay) as load.md's JSON array on stdout. */
void        rc_cli_print_load_json    (GArray         *days);

/* sync.md's commands (rc-cli-sync.c), for the command table. */
int         rc_cli_cmd_account        (RcCli *cli, const RcCliCommand *command);
int         rc_cli_cmd_sync           (RcCli *cli, const RcCliCommand *command);
int         rc_cli_cmd_conflicts      (RcCli *cli, const RcCliCommand *command);
#define RC_CLI_SYNC_COMMANDS \
  { "account", "add|show|remove", N_("Set up, show or forget the calendar account to sync with"), rc_cli_cmd_account }, \
  { "sync", "", N_("Sync the plan with the calendar server"), rc_cli_cmd_sync }, \
  { "conflicts", "[use-mine ID]", N_("List sync conflicts, or keep your own values"), rc_cli_cmd_conflicts },

G_END_DECLS
