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
/* Real X input, as a person gives it: xdotool's events go through the X
 * server to the window while the main loop runs. Screen coordinates of a
 * point FX, FY (0..1 of the width and height) in WIDGET. */
void       fixture_screen_point (GtkWidget    *widget,
                                 double        fx,
                                 double        fy,
                                 int          *x,
                                 int          *y);
/* Runs xdotool with the NULL-terminated arguments and waits for it, the
 * main loop running meanwhile; then lets GTK handle what arrived. */
void       fixture_xdotool    (const char    *first,
                               ...) G_GNUC_NULL_TERMINATED;
/* Clicks WIDGET's centre with BUTTON (1 or 3). */
void       fixture_click      (GtkWidget     *widget,
                               int            button);
/* Presses KEY (an xdotool key name) on the focused window. */
void       fixture_key        (GtkWidget     *window,
                               const char    *key);
/* Drags from FROM's centre to TO's centre with real pointer events. */
void       fixture_drag       (GtkWidget     *from,
                               GtkWidget     *to);
/* Lets the main loop run for MS milliseconds. */
void       fixture_settle     (guint          ms);
/* The first GtkLabel under ROOT whose text contains TEXT, or NULL. */
GtkWidget *fixture_find_label (GtkWidget     *root,
                               const char    *text);
/* Saves WIDGET as drawn now to screenshots/NAME.png under the tests' build dir. */
void       fixture_save_png   (GtkWidget     *widget,
                               const char    *name);
/* The question (AdwMessageDialog) open over the window, or NULL. */
AdwMessageDialog *fixture_find_dialog (WindowFixture *fixture);
/* Answers it with RESPONSE ("book", "cancel") and closes it; returns its
 * body (free it). Fails when none is open. */
char      *fixture_answer_dialog (WindowFixture *fixture,
                                  const char    *response);
