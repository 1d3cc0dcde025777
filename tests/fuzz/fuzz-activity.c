/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-activity.c - libFuzzer target: any bytes as a GPX/TCX activity file,
 * the whole import (gzip sniff, the streaming XML reader, the activity's
 * totals, where it lands in the plan) into a store on disk. */

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-util.h"
#include "rc-activity-import.h"

/* A fresh store now and then, so that it does not grow without end. */
#define RUNS_PER_STORE 500

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  /* the far east (UTC+14): an activity's local date is a day ahead of
   * its UTC one, which is where the last days of 9999 broke */
  g_setenv ("TZ", "Pacific/Kiritimati", TRUE);
  return 0;
}

/* What a taken activity must be, whatever the file said. */
static void
check_item (const RcActivityImportItem *item)
{
  const RcActivity *a = item->activity;

  if (a == NULL)
    {
      g_assert_true (item->action == RC_ACTIVITY_SKIP);
      g_assert_nonnull (item->reason);
      return;
    }
  g_assert_cmpint (a->end, >=, a->start);
  g_assert_cmpint (a->minutes, >=, 0);
  g_assert_cmpint (a->minutes, <=, RC_ACTIVITY_MAX_MINUTES);
  g_assert_true (a->n_points > 0);
  g_assert_true (item->day != RC_DAY_INVALID);
  if (item->action != RC_ACTIVITY_SKIP)
    g_assert_nonnull (item->after);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = fuzz_write_file ("input.gpx", data, size);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(RcActivityImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok = rc_activity_import_files (fuzz_get_store (RUNS_PER_STORE), &file, NULL, 1, &result, NULL, &error);

  /* a bad file is a skip with its reason, never a failed import */
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (result.items->len, ==, 1);
  g_assert_cmpuint (result.added + result.matched + result.skipped, ==, 1);
  check_item (result.items->pdata[0]);
  return 0;
}
