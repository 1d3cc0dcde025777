/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-ics.c - libFuzzer target: any bytes as an .ics file, the whole import
 * (scan, libical, zones, recurrences, entries) into a store on disk. */

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-util.h"
#include "rc-ics.h"

/* A fresh store now and then, so that it does not grow without end. */
#define RUNS_PER_STORE 500

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = fuzz_write_file ("input.ics", data, size);
  g_auto(RcIcsImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok = rc_ics_import_file (fuzz_get_store (RUNS_PER_STORE), path, &result, &error);

  /* exactly one of a result and an error */
  g_assert_true (ok == (error == NULL));
  /* every skip has its reason, but our own ideal-day events one for all */
  if (ok)
    g_assert_cmpuint (result.skipped, ==, result.skip_reasons->len + result.windows - (result.windows > 0));
  return 0;
}
