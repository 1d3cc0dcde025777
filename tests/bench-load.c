/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-load.c - the load figures of ten years must stay fast and linear in days + entries. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "rc-load.h"
#include "rc-test-util.h"

#define RUNS          21
#define SMALL_DAYS    3650
#define SMALL_ENTRIES 5000
#define SMALL_TARGET  5.0      /* ms */
#define SCALE         10
#define SCALE_TARGET  12.0     /* 10x the data within 12x the time */

static GPtrArray *
make_plan (GRand *rand,
           RcDay  first,
           guint  n_days,
           guint  n_entries)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);

  for (guint i = 0; i < n_entries; i++)
    {
      RcKind kind = (RcKind) g_rand_int_range (rand, 0, RC_N_KINDS);
      /* every day trained: the first N_DAYS sessions take one day each */
      RcDay day = first + (i < n_days ? i : (RcDay) g_rand_int_range (rand, 0, (gint32) n_days));
      RcEntry *e = rc_entry_new (day, kind);

      e->id = i + 1;
      e->rpe = g_rand_int_range (rand, 1, 11);
      e->status = (RcStatus) g_rand_int_range (rand, 0, RC_N_STATUSES);
      if (e->status == RC_STATUS_DONE)
        e->done_minutes = g_rand_int_range (rand, 1, 181);
      e->time = g_rand_boolean (rand) ? RC_NONE : g_rand_int_range (rand, 0, 24 * 60);
      g_ptr_array_add (plan, e);
    }
  return plan;
}

/* CPU time of this thread, user and system: what other programs on a busy
 * machine take is not ours. The wall time is printed too. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct {
  double cpu[RUNS];
  double wall[RUNS];
} Times;

static void
time_load (GPtrArray *plan,
             RcDay      first,
             guint      n_days,
             Times     *times,
             int        run)
{
  double cpu = cpu_ms ();
  gint64 wall = g_get_monotonic_time ();
  RcDay last = first + n_days - 1;
  g_autoptr(GArray) days = rc_load_days ((const RcEntry * const *) plan->pdata, plan->len,
                                         first, last, last - 28, RC_LOAD_FORECAST);
  g_autoptr(GArray) weeks = rc_load_weeks ((const RcEntry * const *) plan->pdata, plan->len,
                                           first, last, last - 28, RC_LOAD_FORECAST, G_DATE_MONDAY);

  g_assert_cmpuint (days->len, ==, n_days);
  g_assert_cmpuint (weeks->len, >=, n_days / 7);
  if (run < 0)    /* a warm-up round */
    return;
  times->cpu[run] = cpu_ms () - cpu;
  times->wall[run] = (g_get_monotonic_time () - wall) / 1000.0;
}

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  RcDay first = rc_day_from_iso ("2016-01-01");
  g_autoptr(GPtrArray) small = make_plan (rand, first, SMALL_DAYS, SMALL_ENTRIES);
  g_autoptr(GPtrArray) large = make_plan (rand, first, SMALL_DAYS * SCALE, SMALL_ENTRIES * SCALE);
  Times small_times, large_times;
  double small_ms, large_ms, ratio;
  gboolean ok;

  /* the two sizes take turns, so that a busy machine slows both alike */
  for (int run = -1; run < RUNS; run++)
    {
      time_load (small, first, SMALL_DAYS, &small_times, run);
      time_load (large, first, SMALL_DAYS * SCALE, &large_times, run);
    }
  small_ms = rc_test_median (small_times.cpu, RUNS);
  large_ms = rc_test_median (large_times.cpu, RUNS);
  ratio = large_ms / MAX (small_ms, 0.001);
  ok = small_ms < SMALL_TARGET && ratio <= SCALE_TARGET;

  printf ("load: %d days, %d entries: %.3f ms CPU (wall %.3f ms), medians of %d; target < %.0f ms\n",
          SMALL_DAYS, SMALL_ENTRIES, small_ms, rc_test_median (small_times.wall, RUNS), RUNS, SMALL_TARGET);
  printf ("load: %d days, %d entries: %.3f ms CPU (wall %.3f ms), medians of %d; %.2fx the time, target <= %.0fx\n",
          SMALL_DAYS * SCALE, SMALL_ENTRIES * SCALE, large_ms, rc_test_median (large_times.wall, RUNS), RUNS,
          ratio, SCALE_TARGET);
  printf ("%s\n", ok ? "PASS" : "FAIL: a speed target was missed");
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
