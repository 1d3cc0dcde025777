/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-load.c - the load figures of ten years must stay fast and linear in days + entries. */

#include "config.h"

#include "rc-load.h"
#include "rc-test-util.h"

#define SMALL_DAYS    3650
#define SMALL_ENTRIES 5000
#define SMALL_TARGET  5.0      /* ms */
#define SCALE         10
#define SCALE_TARGET  12.0     /* 10x the data within 12x the time */

static void
load (GPtrArray *plan,
      RcDay      first,
      guint      n_days)
{
  RcDay last = first + n_days - 1;
  g_autoptr(GArray) days = rc_load_days ((const RcEntry * const *) plan->pdata, plan->len,
                                         first, last, last - 28, RC_LOAD_FORECAST);
  g_autoptr(GArray) weeks = rc_load_weeks ((const RcEntry * const *) plan->pdata, plan->len,
                                           first, last, last - 28, RC_LOAD_FORECAST, G_DATE_MONDAY);

  g_assert_cmpuint (days->len, ==, n_days);
  g_assert_cmpuint (weeks->len, >=, n_days / 7);
}

int
main (void)
{
  static const RcTestScaleBench bench = {
    "load", SMALL_DAYS, SMALL_ENTRIES, SMALL_TARGET, SCALE, SCALE_TARGET, load,
  };
  /* every day trained: the first days' sessions take one day each */
  return rc_test_scale_bench_random (&bench, rc_day_from_iso ("2016-01-01"),
                                     RC_TEST_PLAN_EVERY_DAY | RC_TEST_PLAN_STATUS);
}
