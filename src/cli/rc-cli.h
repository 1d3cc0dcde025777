/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-cli.h - the headless command line (cli.md), on the same core as the window. */

#pragma once

#include <glib.h>

#include "rc-types.h"

G_BEGIN_DECLS

/* Exit codes of cli.md. */
#define RC_CLI_EXIT_OK      0
#define RC_CLI_EXIT_RUNTIME 1
#define RC_CLI_EXIT_USAGE   2

/* TRUE when ARGV asks for the command line rather than the window: a command
 * word, --help (or --help-all) or --version. */
gboolean rc_cli_wants_argv (int    argc,
                            char **argv);

/* Parses the window's options in ARGV (--db PATH, --date DATE) without
 * opening a display, for rc_application_new(): PATH, or NULL for the default
 * plan, and the day, or RC_DAY_INVALID for today. A bad option sets a usage
 * error for rc_cli_report(). */
gboolean rc_cli_parse_window_argv (int       argc,
                                   char    **argv,
                                   char    **db_path,
                                   RcDay    *start_day,
                                   GError  **error);

/* Prints ERROR as cli.md's one line on stderr; returns its exit code. */
int      rc_cli_report            (GError  *error);

/* Runs the command of ARGV; prints results on stdout, one-line errors on
 * stderr. Returns the exit code. */
int      rc_cli_run        (int    argc,
                            char **argv);

G_END_DECLS
