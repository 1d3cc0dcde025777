/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-test-util.h - helpers the core tests and benchmarks share: temporary folders, stores, days, medians. */

#pragma once

#include "rc-store.h"

G_BEGIN_DECLS

/* A new folder under the temporary directory, from TMPL ("name-XXXXXX"). */
char    *rc_test_make_tmp_dir (const char  *tmpl);
/* PATH and all below it, read-only folders included; symlinks are not followed. */
void     rc_test_remove_tree  (const char  *path);
RcStore *rc_test_open_store   (const char  *dir,
                               const char  *name);
/* Runs the default main context for MS milliseconds, whether or not
 * anything is ready. */
void     rc_test_spin         (guint        ms);
/* The day of ISO, which must be a valid date. */
RcDay    rc_test_day          (const char  *iso);
/* Adds to STORE an entry of KIND on ISO titled TITLE (NULL: none), at 07:30
 * for 45 minutes (a timed event is what a sync most often gets wrong);
 * asserts that it was added, and returns its id. */
gint64   rc_test_add_entry    (RcStore     *store,
                               const char  *iso,
                               RcKind       kind,
                               const char  *title);
/* Adds to STORE a bare entry of KIND on ISO (no time, minutes, effort or
 * title), asserts that it was added, and returns its id. */
gint64   rc_test_add_kind     (RcStore     *store,
                               const char  *iso,
                               RcKind       kind);
/* Every entry of STORE, asserting that it could list them. */
GPtrArray *rc_test_list_all   (RcStore     *store);
/* The UID of STORE's entry ID, which must be there. */
char    *rc_test_uid_of       (RcStore     *store,
                               gint64       id);
/* The kinds of a plan in turn, massages included: entry I gets the I-th. */
RcKind   rc_test_kind_cycle   (guint        i);
/* Every entry of STORE as a line (date, time, kind, massage kind, minutes,
 * title, notes, status), sorted: two plans are the same when their texts
 * are, whatever their ids and order. */
char    *rc_test_plan_text    (RcStore     *store);
/* A temporary folder with the path of a plan database in it (not created):
 * the fixture of the tests that run the command line. */
typedef struct {
  char *dir;
  char *db;    /* DIR/plan.db */
} RcTestPlanDir;
/* g_test_add () set-up and tear-down: the folder is named after the program. */
void     rc_test_plan_dir_set_up    (RcTestPlanDir *plan,
                                     gconstpointer  data);
void     rc_test_plan_dir_tear_down (RcTestPlanDir *plan,
                                     gconstpointer  data);
/* g_test_add () of FUNC at PATH with that fixture. */
typedef void (*RcTestPlanDirFunc) (RcTestPlanDir *plan,
                                   gconstpointer  data);
void     rc_test_add_with_plan      (const char        *path,
                                     RcTestPlanDirFunc  func);

/* A temporary folder with a store open in it: the fixture of the core tests. */
typedef struct {
  char    *dir;
  char    *path;    /* DIR/recoverycal.db */
  RcStore *store;
} RcTestStoreDir;
/* g_test_add () set-up and tear-down: the folder is named after the program. */
void     rc_test_store_dir_set_up    (RcTestStoreDir *f,
                                      gconstpointer   data);
void     rc_test_store_dir_tear_down (RcTestStoreDir *f,
                                      gconstpointer   data);
/* g_test_add () of FUNC at PATH with that fixture. */
typedef void (*RcTestStoreDirFunc) (RcTestStoreDir *f,
                                    gconstpointer   data);
void     rc_test_add_with_store      (const char         *path,
                                      RcTestStoreDirFunc  func);

/* What one run of the command line did: exit status (-1 when killed),
 * stdout and stderr. */
typedef struct {
  int   status;
  char *out;
  char *err;
} RcTestRun;
void     rc_test_run_clear    (RcTestRun   *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RcTestRun, rc_test_run_clear)

/* Runs the built binary ($RECOVERYCAL) with "--db DB" (none when DB is NULL)
 * and ARGS (NULL-terminated). ENV holds NAME, VALUE pairs (NULL-terminated;
 * a NULL value unsets NAME) for its environment, INPUT (or nothing) is its
 * stdin. */
void     rc_test_run_cli      (const char         *db,
                               const char * const *args,
                               const char * const *env,
                               const char         *input,
                               RcTestRun          *run);

/* qsort () and g_array_sort () order of two doubles. */
int      rc_test_compare_doubles (const void *a,
                                  const void *b);
/* Sorts the N values of V in place and returns V[N / 2]. */
double   rc_test_median       (double      *v,
                               gsize        n);

/* A benchmark that must stay fast and linear: WORK on a small plan within
 * SMALL_TARGET_MS of CPU time (this thread's, so that other programs on a
 * busy machine do not count), and on a plan SCALE times larger (days and
 * entries) within SCALE_TARGET times that. */
typedef void (*RcTestScaleWork) (GPtrArray *plan,
                                 RcDay      first,
                                 guint      n_days);
typedef struct {
  const char     *name;              /* "rules" */
  guint           small_days;
  guint           small_entries;
  double          small_target_ms;
  guint           scale;
  double          scale_target;
  RcTestScaleWork work;
} RcTestScaleBench;
/* The two sizes take turns (medians of 21 runs after a warm-up), so that a
 * busy machine slows both alike; prints both and PASS or FAIL, and returns
 * the exit status. SMALL and LARGE are the plans, from FIRST. */
int      rc_test_scale_bench_run (const RcTestScaleBench *bench,
                                  GPtrArray              *small,
                                  GPtrArray              *large,
                                  RcDay                   first);

/* What a random plan of rc_test_random_plan () holds besides kinds, days,
 * efforts and times. */
typedef enum {
  RC_TEST_PLAN_EVERY_DAY = 1 << 0,   /* the first N_DAYS entries take one day each */
  RC_TEST_PLAN_STATUS    = 1 << 1,   /* random statuses, minutes where done */
} RcTestPlanFlags;
/* N_ENTRIES random entries (ids 1..N) on the N_DAYS from FIRST, drawn from
 * RAND: the same seed gives the same plan. */
GPtrArray *rc_test_random_plan (GRand           *rand,
                                RcDay            first,
                                guint            n_days,
                                guint            n_entries,
                                RcTestPlanFlags  flags);

/* rc_test_scale_bench_run () on two plans of rc_test_random_plan () with
 * FLAGS from FIRST, both drawn in turn from one seed (42). */
int        rc_test_scale_bench_random (const RcTestScaleBench *bench,
                                       RcDay                   first,
                                       RcTestPlanFlags         flags);

/* This process's peak resident memory (VmHWM) in kB, or -1. */
long     rc_test_vm_hwm_kb    (void);

G_END_DECLS
