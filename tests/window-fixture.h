/* SPDX-License-Identifier: GPL-3.0-or-later */
/* window-fixture.h - a real RecoveryCal window on a temporary store, for GUI tests. */

#pragma once

#include <adwaita.h>

#include "rc-application.h"
#include "rc-day-cell.h"
#include "rc-test-util.h"
#include "rc-window.h"

typedef struct {
  char          *dir;
  char          *db;
  RcStore       *other;     /* a second connection to the same file, like the CLI */
  RcApplication *app;
  RcWindow      *window;
} WindowFixture;

/* What the store holds when the window opens: a test's data. */
typedef enum {
  FIXTURE_EMPTY,
  FIXTURE_WORKED_EXAMPLE,   /* two weeks from Monday 7 Dec 2026 (rules-spec.md) */
  FIXTURE_WITHOUT_RACE,     /* the same without the race of Sat 19 Dec */
} FixtureSeed;

/* One test on the window: its path under the program's prefix, its
 * function and what the store holds. */
typedef struct {
  const char *path;
  void      (*fn) (WindowFixture *fixture,
                   gconstpointer  data);
  FixtureSeed seed;
} FixtureTest;

/* gtk_test_init () and adw_init (). */
void       fixture_init       (int           *argc,
                               char        ***argv);
/* The same in the environment's locale (C.UTF-8 where it is not installed),
 * with the messages of this build's catalogues (po/ of the build). */
void       fixture_init_translated (int      *argc,
                                    char   ***argv);
/* Adds each of the N TESTS as PREFIX + path, each on its own window. */
void       fixture_add_tests  (const char        *prefix,
                               const FixtureTest *tests,
                               gsize              n);
/* A test program of window tests alone: fixture_init (), the N TESTS
 * under PREFIX, and g_test_run ()'s result. */
int        fixture_run        (int               *argc,
                               char            ***argv,
                               const char        *prefix,
                               const FixtureTest *tests,
                               gsize              n);

/* WITH_RACE FALSE leaves out the race of Sat 19 Dec. */
void       fixture_seed_worked_example (RcStore  *store,
                                        gboolean  with_race);
/* DATA: GINT_TO_POINTER of a FixtureSeed. */
void       fixture_set_up     (WindowFixture *fixture,
                               gconstpointer  data);
void       fixture_tear_down  (WindowFixture *fixture,
                               gconstpointer  data);
/* A check for fixture_wait_until(): the gboolean DATA points to is set. */
gboolean   fixture_is_true    (gpointer       data);
/* Iterates the main loop until CHECK (DATA) holds; fails after SECONDS. */
void       fixture_wait_until (gboolean     (*check) (gpointer data),
                               gpointer       data,
                               guint          seconds);
void       fixture_wait_drawn (GtkWidget     *widget);
RcDayCell *fixture_cell       (WindowFixture *fixture,
                               const char    *iso);
const char *fixture_verdict_class (RcDayCell *cell);
/* What a day cell's accessible name says after its date for VERDICT
 * ("ideal", "safe", "forbidden"), in English. */
const char *fixture_verdict_phrase (const char *verdict);
/* Emits a drop of PAYLOAD on the cell's drop target, as GTK does at a drop. */
gboolean   fixture_drop       (RcDayCell     *cell,
                               const char    *payload);
/* The store's entries of one day, read through the second connection. */
GPtrArray *fixture_entries_on (WindowFixture *fixture,
                               const char    *iso);
/* How many of them are of KIND. */
guint      fixture_count_kind (WindowFixture *fixture,
                               const char    *iso,
                               RcKind         kind);
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
/* Moves the pointer to WIDGET's centre, then runs the xdotool commands
 * that follow (NULL-terminated; none is fine) in the same run. */
void       fixture_pointer_to (GtkWidget     *widget,
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
/* The first widget under ROOT, ROOT included and depth first, that MATCH
 * accepts with DATA, or NULL. */
typedef gboolean (*FixtureMatch) (GtkWidget     *widget,
                                  gconstpointer  data);
GtkWidget *fixture_find       (GtkWidget     *root,
                               FixtureMatch   match,
                               gconstpointer  data);
/* The first widget of TYPE under ROOT, or NULL. */
GtkWidget *fixture_find_type  (GtkWidget     *root,
                               GType          type);
/* The same by the type's name, for types a library keeps private. */
GtkWidget *fixture_find_type_name (GtkWidget  *root,
                                   const char *type_name);
/* The first GtkLabel under ROOT whose text contains TEXT, or NULL. */
GtkWidget *fixture_find_label (GtkWidget     *root,
                               const char    *text);
/* Saves WIDGET as drawn now to screenshots/NAME.png under the tests' build
 * dir; returns the size of the file. */
gsize      fixture_save_png   (GtkWidget     *widget,
                               const char    *name);
/* Forces the dark (DARK) or light style, lets animations end for SETTLE_MS,
 * waits for WIDGET's next frame and saves it as NAME-dark or NAME-light;
 * returns the size of the file. */
gsize      fixture_shoot      (GtkWidget     *widget,
                               const char    *name,
                               gboolean       dark,
                               guint          settle_ms);
/* The question (AdwMessageDialog) open over the window, or NULL. */
AdwMessageDialog *fixture_find_dialog (WindowFixture *fixture);
/* Answers it with RESPONSE ("book", "cancel") and closes it; returns its
 * body (free it). Fails when none is open. */
char      *fixture_answer_dialog (WindowFixture *fixture,
                                  const char    *response);
