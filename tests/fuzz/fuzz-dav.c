/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-dav.c - libFuzzer target: any bytes as a CalDAV server's answer.
 *
 * The body is read as a multistatus and as an error body; each response's
 * calendar-data then goes the way a sync takes it without the network: the
 * resource's text to an entry (the merge input), and that entry patched back
 * into the same text for the upload (rc_sync_patch_event), which must read
 * back as the same event. */

#include "config.h"

#include <string.h>

#include "fuzz-util.h"
#include "rc-dav-xml.h"
#include "rc-sync.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  return 0;
}

static void
check_calendar_data (const RcDavResponse *r)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) entry = rc_sync_remote_entry (r->calendar_data, r->href, &error);
  g_autoptr(RcEntry) again = NULL;
  g_autofree char *patched = NULL;

  if (entry == NULL)
    return;
  g_assert_no_error (error);
  patched = rc_sync_patch_event (entry, r->calendar_data);
  again = rc_sync_remote_entry (patched, r->href, &error);
  if (again == NULL)
    g_printerr ("taken:\n%s\nuploaded:\n%s\n", r->calendar_data, patched);
  g_assert_no_error (error);
  /* what we upload is still the one event we took */
  g_assert_nonnull (again);
  g_assert_cmpstr (again->uid, ==, entry->uid);
  g_assert_cmpuint (again->day, ==, entry->day);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcDavMultistatus) ms = rc_dav_multistatus_parse ((const char *) data, size, &error);
  g_autofree char *condition = rc_dav_error_condition ((const char *) data, size);

  /* exactly one of a result and an error; a precondition has a name */
  g_assert_true ((ms == NULL) != (error == NULL));
  g_assert_true (condition == NULL || *condition != '\0');
  if (ms == NULL)
    return 0;
  for (guint i = 0; i < ms->responses->len; i++)
    {
      RcDavResponse *r = ms->responses->pdata[i];

      g_assert_nonnull (r->href);
      g_assert_cmpuint (strlen (r->href), >, 0);
      if (r->calendar_data != NULL)
        check_calendar_data (r);
    }
  return 0;
}
