/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c - start RecoveryCal: the command line, or else the calendar window. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rc-application.h"
#include "rc-cli.h"

/* Where the catalogues are: the install prefix's, or under `meson devenv`
 * the build's own (po/meson.build sets the variable), for translators to
 * check their work without installing. */
static const char *
locale_dir (void)
{
  const char *dir = g_getenv ("RECOVERYCAL_LOCALEDIR");

  return dir != NULL && dir[0] != '\0' ? dir : LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  RcDay start_day;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Commands run headless: no GTK initialisation, no display needed. */
  if (rc_cli_wants_argv (argc, argv))
    return rc_cli_run (argc, argv);
  if (!rc_cli_parse_window_argv (argc, argv, &db_path, &start_day, &error))
    return rc_cli_report (error);

  if (!gtk_init_check ())
    {
      g_printerr (_("recoverycal: cannot open a display for the window (DISPLAY or WAYLAND_DISPLAY unset?); "
                    "the commands work without one, see “recoverycal --help”\n"));
      return 1;
    }

  app = rc_application_new (db_path, start_day);
  /* the options are parsed: GApplication gets the program name alone */
  return g_application_run (G_APPLICATION (app), 1, argv);
}
