/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-cli-sync.c - account add|show|remove, sync, conflicts (sync.md).
 *
 * The password never passes through argv or stdout: it comes from standard
 * input (then the Secret Service keeps it) or from the user's command. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "rc-caldav.h"
#include "rc-cli-private.h"
#include "rc-secret.h"
#include "rc-store-sync.h"
#include "rc-sync.h"

/* A password, wiped when freed. */
typedef char RcPassword;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcPassword, rc_secret_free)

/* The subcommand word after "account" or "conflicts", taken out of ARGV
 * (options may stand before it); NULL when there is none. */
static char *
take_subcommand (int    *argc,
                 char  **argv)
{
  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal (argv[i], "--db") || g_str_equal (argv[i], "--user") ||
          g_str_equal (argv[i], "--password-command") || g_str_equal (argv[i], "--calendar") ||
          g_str_equal (argv[i], "--windows-calendar"))
        i++;
      else if (argv[i][0] != '-')
        {
          char *word = argv[i];

          memmove (&argv[i], &argv[i + 1], sizeof (char *) * (size_t) (*argc - i));
          (*argc)--;
          return word;
        }
    }
  return NULL;
}

/* One line of standard input, without its line end. */
static RcPassword *
read_password_line (GError **error)
{
  g_autoptr(GString) line = g_string_new (NULL);
  int c;

  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (line, (char) c);
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  if (line->len == 0)
    {
      g_set_error_literal (error, RC_SECRET_ERROR, RC_SECRET_ERROR_NOT_FOUND,
                           _("No password on standard input."));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* The last segment of HREF, unescaped: "training" of "/runner/training/". */
static char *
href_name (const char *href)
{
  g_autofree char *trimmed = g_strdup (href);
  char *slash;

  while (g_str_has_suffix (trimmed, "/") && strlen (trimmed) > 1)
    trimmed[strlen (trimmed) - 1] = '\0';
  slash = strrchr (trimmed, '/');
  return g_uri_unescape_string (slash != NULL ? slash + 1 : trimmed, NULL);
}

static char *
calendar_names (GPtrArray *calendars)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < calendars->len; i++)
    {
      RcDavResponse *r = calendars->pdata[i];

      g_ptr_array_add (names, r->displayname != NULL ? g_strdup (r->displayname) : href_name (r->href));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/* The calendar of CALENDARS that NAME names (display name or last path
 * segment), or, without NAME, the one the account URL is or the only one. */
static RcDavResponse *
find_calendar (RcCaldav   *client,
               GPtrArray  *calendars,
               const char *name)
{
  for (guint i = 0; i < calendars->len; i++)
    {
      RcDavResponse *r = calendars->pdata[i];
      g_autofree char *segment = href_name (r->href);
      g_autofree char *url = rc_caldav_resolve (client, r->href);
      g_autofree char *base = g_strconcat (rc_caldav_get_base_url (client), "/", NULL);

      if (name != NULL ? g_strcmp0 (r->displayname, name) == 0 || g_str_equal (segment, name)
                       : g_str_equal (url, rc_caldav_get_base_url (client)) || g_str_equal (url, base))
        return r;
    }
  return name == NULL && calendars->len == 1 ? calendars->pdata[0] : NULL;
}

/* NAME's calendar as an absolute URL: found in HOME, or made there when
 * CREATE says so. */
static char *
resolve_calendar (RcCaldav    *client,
                  const char  *home,
                  GPtrArray   *calendars,
                  const char  *name,
                  gboolean     create,
                  GError     **error)
{
  RcDavResponse *found = find_calendar (client, calendars, name);
  g_autofree char *names = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *href = NULL;

  if (found != NULL)
    return rc_caldav_resolve (client, found->href);
  names = calendar_names (calendars);
  if (name == NULL)
    {
      g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NOT_FOUND,
                   /* Translators: %s lists calendar names, or is empty */
                   _("Name the training calendar with --calendar NAME (add --create to make it); the server has: %s"),
                   calendars->len > 0 ? names : "-");
      return NULL;
    }
  if (!create)
    {
      g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NOT_FOUND,
                   /* Translators: the first %s is a calendar name, the second a list of names */
                   _("Calendar “%s” not found (--create makes it); the server has: %s"),
                   name, calendars->len > 0 ? names : "-");
      return NULL;
    }
  escaped = g_uri_escape_string (name, NULL, FALSE);
  href = g_strconcat (home, g_str_has_suffix (home, "/") ? "" : "/", escaped, "/", NULL);
  if (!rc_caldav_mkcalendar (client, href, name, NULL, error))
    return NULL;
  return rc_caldav_resolve (client, href);
}

typedef struct {
  char     *user;
  gboolean  password_stdin;
  char     *password_command;
  char     *calendar;
  char     *windows_calendar;
  gboolean  create;
} AddOptions;

static RcPassword *
add_password (const AddOptions  *o,
              GError           **error)
{
  if (o->password_stdin)
    return read_password_line (error);
  if (o->password_command != NULL)
    return rc_secret_from_command (o->password_command, error);
  return NULL;
}

/* Checks URL and the credentials against the server and finds (or makes)
 * the calendars, then keeps the password and saves the account. */
static gboolean
account_add (RcCli            *cli,
             const char       *url,
             const AddOptions *o,
             GError          **error)
{
  g_autoptr(RcPassword) password = NULL;
  g_autoptr(RcCaldav) client = NULL;
  g_autofree char *home = NULL;
  g_autoptr(GPtrArray) calendars = NULL;
  RcSyncAccount account = { (char *) url, o->user, NULL, NULL, o->password_command, NULL };
  g_autofree char *calendar = NULL;
  g_autofree char *windows = NULL;
  gboolean ok;

  if ((o->password_stdin || o->password_command != NULL) && o->user == NULL)
    return rc_cli_usage_error (error, _("A password needs a user name: add --user NAME"));
  if (o->password_stdin && o->password_command != NULL)
    return rc_cli_usage_error (error, _("Use either --password-stdin or --password-command, not both"));
  if (rc_cli_open_store (cli, error) == NULL)
    return FALSE;
  if (o->user != NULL && !o->password_stdin && o->password_command == NULL)
    password = rc_secret_lookup (url, o->user, NULL, error);
  else
    password = add_password (o, error);
  if (o->user != NULL && password == NULL)
    return FALSE;
  if ((client = rc_caldav_new (url, o->user, password, error)) == NULL ||
      (home = rc_caldav_discover_home (client, NULL, error)) == NULL ||
      (calendars = rc_caldav_list_calendars (client, home, NULL, error)) == NULL ||
      (calendar = resolve_calendar (client, home, calendars, o->calendar, o->create, error)) == NULL)
    return FALSE;
  if (o->windows_calendar != NULL &&
      (windows = resolve_calendar (client, home, calendars, o->windows_calendar, o->create, error)) == NULL)
    return FALSE;
  if (o->password_stdin && !rc_secret_store (url, o->user, password, NULL, error))
    return FALSE;
  account.calendar = calendar;
  account.windows_calendar = windows;
  ok = rc_store_sync_set_account (cli->store, &account, error);
  if (ok)
    /* Translators: %s is the calendar's address */
    g_print (_("Account saved: the plan syncs with %s"), calendar), g_print ("\n");
  return ok;
}

static int
cmd_account_add (RcCli              *cli,
                 const RcCliCommand *command)
{
  AddOptions o = { NULL, FALSE, NULL, NULL, NULL, FALSE };
  GOptionEntry entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &o.user, N_("User name on the server"), N_("NAME") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &o.password_stdin,
      N_("Read the password from standard input and keep it in the keyring"), NULL },
    { "password-command", 0, 0, G_OPTION_ARG_STRING, &o.password_command,
      N_("Run CMD to get the password (its first line)"), N_("CMD") },
    { "calendar", 0, 0, G_OPTION_ARG_STRING, &o.calendar, N_("The training calendar"), N_("NAME") },
    { "windows-calendar", 0, 0, G_OPTION_ARG_STRING, &o.windows_calendar,
      N_("A calendar for the massage windows (one-way)"), N_("NAME") },
    { "create", 0, 0, G_OPTION_ARG_NONE, &o.create, N_("Create the calendars that do not exist"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  int status = RC_CLI_EXIT_OK;

  if (!rc_cli_parse_command_line (cli, command, entries, &error) ||
      !account_add (cli, cli->argv[1], &o, &error))
    status = rc_cli_report (error);
  g_free (o.user);
  g_free (o.password_command);
  g_free (o.calendar);
  g_free (o.windows_calendar);
  return status;
}

/* For the commands whose one option is --json: parses their command line
 * and opens the store. */
static gboolean
start_json_command (RcCli               *cli,
                    const RcCliCommand  *command,
                    gboolean            *json,
                    GError             **error)
{
  GOptionEntry entries[] = {
    RC_CLI_OPTION_JSON (json),
    { NULL }
  };

  return rc_cli_parse_command_line (cli, command, entries, error) &&
         rc_cli_open_store (cli, error) != NULL;
}

static void
print_account_json (const RcSyncAccount *a)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (a == NULL)
    {
      /* a builder has no bare null at its root */
      g_print ("null\n");
      return;
    }
    {
      json_builder_begin_object (builder);
      rc_cli_json_add_string (builder, "url", a->url);
      rc_cli_json_add_string (builder, "user", a->user);
      rc_cli_json_add_string (builder, "calendar", a->calendar);
      rc_cli_json_add_string (builder, "windows_calendar", a->windows_calendar);
      rc_cli_json_add_string (builder, "password", a->user == NULL ? NULL
                              : a->password_command != NULL ? "command" : "keyring");
      rc_cli_json_add_string (builder, "password_command", a->password_command);
      json_builder_end_object (builder);
    }
  rc_cli_print_json (builder);
}

static int
cmd_account_show (RcCli              *cli,
                  const RcCliCommand *command)
{
  gboolean json = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSyncAccount) account = NULL;

  if (!start_json_command (cli, command, &json, &error))
    return rc_cli_report (error);
  account = rc_store_sync_get_account (cli->store, &error);
  if (error != NULL)
    return rc_cli_report (error);
  if (json)
    print_account_json (account);
  else if (account == NULL)
    g_print ("%s\n", _("No calendar account."));
  else
    {
      g_print ("url: %s\n", account->url);
      g_print ("user: %s\n", account->user != NULL ? account->user : "-");
      g_print ("calendar: %s\n", account->calendar);
      g_print ("windows-calendar: %s\n", account->windows_calendar != NULL ? account->windows_calendar : "-");
      g_print ("password: %s\n", account->user == NULL ? "-"
               : account->password_command != NULL ? account->password_command : _("in the keyring"));
    }
  return RC_CLI_EXIT_OK;
}

static int
cmd_account_remove (RcCli              *cli,
                    const RcCliCommand *command)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSyncAccount) account = NULL;

  if (!rc_cli_parse_command_line (cli, command, NULL, &error) ||
      rc_cli_open_store (cli, &error) == NULL)
    return rc_cli_report (error);
  account = rc_store_sync_get_account (cli->store, &error);
  if (error != NULL)
    return rc_cli_report (error);
  if (account == NULL)
    {
      g_print ("%s\n", _("No calendar account."));
      return RC_CLI_EXIT_OK;
    }
  if (!rc_store_sync_remove_account (cli->store, &error))
    return rc_cli_report (error);
  /* the account is gone even when no keyring is there to forget the password */
  if (account->user != NULL && account->password_command == NULL &&
      !rc_secret_clear (account->url, account->user, NULL, &error))
    g_printerr ("recoverycal: %s\n", error->message);
  g_print ("%s\n", _("Account removed; the entries stay."));
  return RC_CLI_EXIT_OK;
}

static const RcCliCommand account_commands[] = {
  { "account add", "URL", N_("Set up the calendar account to sync with"), cmd_account_add },
  { "account show", "", N_("Show the calendar account"), cmd_account_show },
  { "account remove", "", N_("Forget the calendar account"), cmd_account_remove },
};

/* Runs the subcommand of "account" or "conflicts" found in ARGV. */
static int
run_subcommand (RcCli              *cli,
                const char         *word,
                const RcCliCommand *table,
                guint               n)
{
  const char *sub = take_subcommand (&cli->argc, cli->argv);

  for (guint i = 0; sub != NULL && i < n; i++)
    if (g_str_equal (table[i].name + strlen (word) + 1, sub))
      return table[i].run (cli, &table[i]);
  g_printerr ("recoverycal: ");
  if (sub == NULL)
    g_printerr (_("Missing subcommand: see “recoverycal %s --help”"), word);
  else
    g_printerr (_("Unknown command “%s %s”: see “recoverycal --help”"), word, sub);
  g_printerr ("\n");
  return RC_CLI_EXIT_USAGE;
}

int
rc_cli_cmd_account (RcCli              *cli,
                    const RcCliCommand *command)
{
  return run_subcommand (cli, "account", account_commands, G_N_ELEMENTS (account_commands));
}

/* ---- sync --------------------------------------------------------------- */

/* A client for ACCOUNT with its password from the command or the keyring. */
static RcCaldav *
account_client (const RcSyncAccount  *account,
                GError              **error)
{
  g_autoptr(RcPassword) password = NULL;

  if (account->user != NULL)
    {
      password = account->password_command != NULL
                 ? rc_secret_from_command (account->password_command, error)
                 : rc_secret_lookup (account->url, account->user, NULL, error);
      if (password == NULL)
        return NULL;
    }
  return rc_caldav_new (account->url, account->user, password, error);
}

/* One direction of a sync's counts: {"added", "changed", "deleted"}. */
static void
add_direction_json (JsonBuilder *builder,
                    const char  *name,
                    guint        added,
                    guint        changed,
                    guint        deleted)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, added);
  json_builder_set_member_name (builder, "changed");
  json_builder_add_int_value (builder, changed);
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_int_value (builder, deleted);
  json_builder_end_object (builder);
}

static void
print_stats (const RcSyncStats *st,
             gboolean           json)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!json)
    {
      g_print ("sync: up %u added, %u changed, %u deleted; down %u added, %u changed, %u deleted; %u conflicts\n",
               st->up_added, st->up_changed, st->up_deleted,
               st->down_added, st->down_changed, st->down_deleted, st->conflicts);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_direction_json (builder, "up", st->up_added, st->up_changed, st->up_deleted);
  add_direction_json (builder, "down", st->down_added, st->down_changed, st->down_deleted);
  json_builder_set_member_name (builder, "conflicts");
  json_builder_add_int_value (builder, st->conflicts);
  json_builder_set_member_name (builder, "requests");
  json_builder_add_int_value (builder, st->requests);
  json_builder_end_object (builder);
  rc_cli_print_json (builder);
}

static gboolean
sync_once (RcStore      *store,
           RcSyncStats  *stats,
           GError      **error)
{
  g_autoptr(RcSyncAccount) account = rc_store_sync_get_account (store, error);
  g_autoptr(RcCaldav) client = NULL;

  if (account == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND,
                             _("No calendar account is set up: add one with “account add”."));
      return FALSE;
    }
  client = account_client (account, error);
  return client != NULL && rc_sync_run (store, client, stats, NULL, error);
}

int
rc_cli_cmd_sync (RcCli              *cli,
                 const RcCliCommand *command)
{
  gboolean json = FALSE;
  g_autoptr(GError) error = NULL;
  RcSyncStats stats;

  if (!start_json_command (cli, command, &json, &error) ||
      !sync_once (cli->store, &stats, &error))
    return rc_cli_report (error);
  print_stats (&stats, json);
  return RC_CLI_EXIT_OK;
}

/* ---- conflicts ---------------------------------------------------------- */

static void
add_conflict_json (JsonBuilder   *builder,
                   gconstpointer  conflicts,
                   guint          i)
{
  const RcSyncConflict *c = g_ptr_array_index ((GPtrArray *) conflicts, i);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, c->entry_id);
  rc_cli_json_add_string (builder, "field", c->field);
  rc_cli_json_add_string (builder, "server", c->server_value);
  rc_cli_json_add_string (builder, "local", c->local_value);
  json_builder_end_object (builder);
}

static void
print_conflicts (GPtrArray *conflicts,
                 gboolean   json)
{
  if (json)
    {
      rc_cli_print_json_array (conflicts, conflicts->len, add_conflict_json);
      return;
    }
  for (guint i = 0; i < conflicts->len; i++)
    {
      RcSyncConflict *c = conflicts->pdata[i];

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", c->entry_id, c->field,
               c->server_value != NULL ? c->server_value : "-",
               c->local_value != NULL ? c->local_value : "-");
    }
}

static int
cmd_conflicts_list (RcCli              *cli,
                    const RcCliCommand *command)
{
  gboolean json = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  if (!start_json_command (cli, command, &json, &error) ||
      (conflicts = rc_store_sync_list_conflicts (cli->store, &error)) == NULL)
    return rc_cli_report (error);
  print_conflicts (conflicts, json);
  return RC_CLI_EXIT_OK;
}

/* Puts the local values back, then syncs so that they reach the server;
 * should that sync fail they stay pending for the next one. */
static int
cmd_conflicts_use_mine (RcCli              *cli,
                        const RcCliCommand *command)
{
  g_autoptr(GError) error = NULL;
  RcSyncStats stats;
  gint64 id;

  if (!rc_cli_parse_command_line (cli, command, NULL, &error) ||
      !rc_cli_parse_id (cli->argv[1], &id, &error) ||
      rc_cli_open_store (cli, &error) == NULL ||
      !rc_sync_use_mine (cli->store, id, &error) ||
      !sync_once (cli->store, &stats, &error))
    return rc_cli_report (error);
  print_stats (&stats, FALSE);
  return RC_CLI_EXIT_OK;
}

static const RcCliCommand conflicts_commands[] = {
  { "conflicts use-mine", "ID", N_("Put your own values of a conflict back and upload them"), cmd_conflicts_use_mine },
};

int
rc_cli_cmd_conflicts (RcCli              *cli,
                      const RcCliCommand *command)
{
  int i;

  /* "conflicts" alone lists them */
  for (i = 1; i < cli->argc; i++)
    if (g_str_equal (cli->argv[i], "--db"))
      i++;
    else if (cli->argv[i][0] != '-')
      break;
  if (i >= cli->argc)
    return cmd_conflicts_list (cli, command);
  return run_subcommand (cli, "conflicts", conflicts_commands, G_N_ELEMENTS (conflicts_commands));
}
