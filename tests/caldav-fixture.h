/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caldav-fixture.h - a real Radicale (and a proxy without sync tokens, and a
 * bad server) for the tests, started by caldav-server.py and stopped when
 * the test ends or dies (the helper watches its standard input). */

#pragma once

#include <gio/gio.h>

#include "rc-store.h"

G_BEGIN_DECLS

#define RC_TEST_USER     "runner"
#define RC_TEST_PASSWORD "correct horse"

typedef struct {
  GSubprocess *helper;
  GOutputStream *stdin_pipe;
  int radicale;   /* ports on 127.0.0.1 */
  int nosync;
  int fault;
} RcTestServer;

/* Starts the servers, or skips the whole test program when Radicale is
 * missing (exit 77 is not TAP: it prints "1..0 # SKIP" itself). */
RcTestServer *rc_test_server_start (void);
void          rc_test_server_stop  (RcTestServer *server);
/* "http://127.0.0.1:PORT/PATH" */
char         *rc_test_server_url   (int           port,
                                    const char   *path);
/* Makes STORE sync with CALENDAR as RC_TEST_USER, CALENDAR also being the
 * account URL the user gave; no windows calendar, no password command. */
void          rc_test_use_account  (RcStore      *store,
                                    const char   *calendar);

G_END_DECLS
