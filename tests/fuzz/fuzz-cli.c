/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-cli.c - libFuzzer target: the command line's arguments from the input.
 *
 * The input is argv[1..], NUL-separated, run as `recoverycal --db plan.db
 * ARGS` in a private folder with no display. Arguments with a '/' (or "..")
 * are refused, so that export and import only ever touch that folder; so
 * are GOption's help options, which print and exit(0) by design. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-util.h"
#include "rc-cli.h"

#define MAX_ARGS 64
#define RUNS_PER_STORE 500

static guint runs;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_setenv ("RECOVERYCAL_DB", "env.db", TRUE);
  return 0;
}

static gboolean
safe (const char *arg)
{
  if (g_str_has_prefix (arg, "--help"))
    return FALSE;
  /* "-h", "-?" and clusters of short options that hold one */
  if (arg[0] == '-' && arg[1] != '-' && strpbrk (arg, "h?") != NULL)
    return FALSE;
  return strchr (arg, '/') == NULL && strcmp (arg, "..") != 0;
}

static void
fresh_folder (void)
{
  g_autoptr(GDir) dir = g_dir_open (fuzz_setup (), 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_setup (), name, NULL);

      if (g_unlink (path) != 0)
        g_rmdir (path);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *p = (const char *) data;
  const char *end = p + size;
  g_auto(GStrv) parts = NULL;

  if (++runs % RUNS_PER_STORE == 0)
    fresh_folder ();
  g_ptr_array_add (argv, "recoverycal");
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, "plan.db");
  /* NUL-separated, a trailing part without its NUL included */
  {
    GPtrArray *list = g_ptr_array_new ();

    while (p < end && list->len < MAX_ARGS)
      {
        const char *nul = memchr (p, '\0', end - p);
        gsize len = (nul != NULL ? nul : end) - p;

        g_ptr_array_add (list, g_strndup (p, len));
        p += len + 1;
      }
    g_ptr_array_add (list, NULL);
    parts = (GStrv) g_ptr_array_free (list, FALSE);
  }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (!safe (parts[i]))
        return 0;
      g_ptr_array_add (argv, parts[i]);
    }
  /* without a command word main.c would open the window instead */
  if (!rc_cli_wants_argv ((int) argv->len, (char **) argv->pdata))
    return 0;
  g_ptr_array_add (argv, NULL);
  rc_cli_run ((int) argv->len - 1, (char **) argv->pdata);
  return 0;
}
