/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-util.c - what the libFuzzer targets share. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz-util.h"

static char *folder;

static void
discard_print (const char *text)
{
}

static void
remove_folder (void)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

const char *
fuzz_setup (void)
{
  g_autoptr(GError) error = NULL;

  if (folder != NULL)
    return folder;
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Europe/London", TRUE);
  /* A critical is a bug the input found: let libFuzzer see it as a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_FATAL_MASK);
  /* FUZZ_VERBOSE=1 keeps them: an assertion's message goes there too */
  if (g_getenv ("FUZZ_VERBOSE") == NULL)
    {
      g_set_print_handler (discard_print);
      g_set_printerr_handler (discard_print);
    }
  /* tmpfs where there is one: each input's SQLite commit syncs the disk */
  if (g_getenv ("TMPDIR") == NULL && g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    g_setenv ("TMPDIR", "/dev/shm", TRUE);
  folder = g_dir_make_tmp ("recoverycal-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  /* relative paths in the input (the CLI's FILE.ics) stay in here */
  if (chdir (folder) != 0)
    abort ();
  g_setenv ("XDG_DATA_HOME", folder, TRUE);
  g_setenv ("HOME", folder, TRUE);
  atexit (remove_folder);
  return folder;
}

char *
fuzz_write_file (const char    *name,
                 const uint8_t *data,
                 size_t         size)
{
  char *path = g_build_filename (fuzz_setup (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, (gssize) size, &error);
  g_assert_no_error (error);
  return path;
}

RcStore *
fuzz_get_store (guint runs)
{
  static RcStore *store;
  static guint calls;
  g_autofree char *path = g_build_filename (fuzz_setup (), "plan.db", NULL);
  g_autoptr(GError) error = NULL;

  if (store != NULL && ++calls % runs == 0)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_clear_object (&store);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }
  if (store == NULL)
    store = rc_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}
