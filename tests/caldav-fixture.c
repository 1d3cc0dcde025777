/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caldav-fixture.c - Radicale for the tests: see caldav-fixture.h. */

#include "caldav-fixture.h"

#include "rc-store-sync.h"

#include <stdio.h>
#include <stdlib.h>

RcTestServer *
rc_test_server_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "caldav-server.py", NULL);
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  RcTestServer *server = g_new0 (RcTestServer, 1);

  server->helper = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                     &error, script, RC_TEST_USER, RC_TEST_PASSWORD, NULL);
  g_assert_no_error (error);
  server->stdin_pipe = g_object_ref (g_subprocess_get_stdin_pipe (server->helper));
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->helper));
  /* the helper gives up by itself after 30 s, so this read ends */
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  if (line == NULL || sscanf (line, "READY %d %d %d", &server->radicale, &server->nosync, &server->fault) != 3)
    {
      printf ("1..0 # SKIP Radicale did not start\n");
      exit (0);
    }
  return server;
}

void
rc_test_server_stop (RcTestServer *server)
{
  /* closing its standard input is the helper's signal to stop Radicale */
  g_output_stream_close (server->stdin_pipe, NULL, NULL);
  g_subprocess_wait (server->helper, NULL, NULL);
  g_object_unref (server->stdin_pipe);
  g_object_unref (server->helper);
  g_free (server);
}

char *
rc_test_server_url (int         port,
                    const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%d/%s", port, path);
}

void
rc_test_use_account (RcStore    *store,
                     const char *calendar)
{
  g_autoptr(GError) error = NULL;
  RcSyncAccount account = { (char *) calendar, RC_TEST_USER, (char *) calendar, NULL, NULL, NULL };

  g_assert_true (rc_store_sync_set_account (store, &account, &error));
  g_assert_no_error (error);
}
