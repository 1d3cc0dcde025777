/* SPDX-License-Identifier: GPL-3.0-or-later */
/* window-fixture.h - a real RecoveryCal window on a temporary store, for GUI tests. */

#pragma once

#include <adwaita.h>

#include "rc-application.h"
#include "rc-day-cell.h"
#include "rc-window.h"

typedef struct {
  char          *dir;
  char          *db;
  RcStore       *other;     /* a second connection to the same file, like the CLI */
  RcApplication *app;
  RcWindow      *window;
} WindowFixture;

/* Two weeks from Monday 7 Dec 2026 (rules-spec.md); WITH_RACE FALSE leaves
 * out the race of Sat 19 Dec. */
void       fixture_seed_worked_example (RcStore  *store,
                                        gboolean  with_race);
void       fixture_set_up     (WindowFixture *fixture,
                               gconstpointer  data);
void       fixture_tear_down  (WindowFixture *fixture,
                               gconstpointer  data);
/* Iterates the main loop until CHECK (DATA) holds; fails after SECONDS. */
void       fixture_wait_until (gboolean     (*check) (gpointer data),
                               gpointer       data,
                               guint          seconds);
void       fixture_wait_drawn (GtkWidget     *widget);
RcDayCell *fixture_cell       (WindowFixture *fixture,
                               const char    *iso);
RcDay      fixture_day        (const char    *iso);
const char *fixture_verdict_class (RcDayCell *cell);
/* Emits a drop of PAYLOAD on the cell's drop target, as GTK does at a drop. */
gboolean   fixture_drop       (RcDayCell     *cell,
                               const char    *payload);
/* The store's entries of one day, read through the second connection. */
GPtrArray *fixture_entries_on (WindowFixture *fixture,
                               const char    *iso);
