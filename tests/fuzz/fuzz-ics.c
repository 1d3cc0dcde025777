/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-ics.c - libFuzzer target: any bytes as an .ics file, the whole import
 * (scan, libical, zones, recurrences, entries) into a store on disk. */

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-util.h"
#include "rc-ics.h"

/* A fresh store now and then, so that it does not grow without end. */
#define RUNS_PER_STORE 500

static RcStore *store;
static guint runs;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  return 0;
}

static RcStore *
get_store (void)
{
  g_autofree char *path = g_build_filename (fuzz_setup (), "plan.db", NULL);
  g_autoptr(GError) error = NULL;

  if (store != NULL && ++runs % RUNS_PER_STORE == 0)
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

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = fuzz_write_file ("input.ics", data, size);
  g_auto(RcIcsImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok = rc_ics_import_file (get_store (), path, &result, &error);

  /* exactly one of a result and an error */
  g_assert_true (ok == (error == NULL));
  if (ok)
    g_assert_cmpuint (result.skipped, ==, result.skip_reasons->len);
  return 0;
}
