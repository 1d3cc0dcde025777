/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-rules.c - advising a range must stay linear in days + entries. */

#include "config.h"

#include "rc-rules.h"
#include "rc-test-util.h"

#define SMALL_DAYS    3653
#define SMALL_ENTRIES 5000
#define SMALL_TARGET  20.0     /* ms */
#define SCALE         10
#define SCALE_TARGET  12.0     /* 10x the data within 12x the time */

static void
advise (GPtrArray *plan,
        RcDay      first,
        guint      n_days)
{
  g_autoptr(GArray) advice = rc_rules_advise_range ((const RcEntry * const *) plan->pdata,
                                                    plan->len, first, first + n_days - 1,
                                                    RC_PROFILE_TYPICAL, G_DATE_MONDAY, RC_NONE);

  g_assert_cmpuint (advice->len, ==, n_days);
}

int
main (void)
{
  static const RcTestScaleBench bench = {
    "rules", SMALL_DAYS, SMALL_ENTRIES, SMALL_TARGET, SCALE, SCALE_TARGET, advise,
  };
  return rc_test_scale_bench_random (&bench, rc_day_from_iso ("2026-01-01"), 0);
}
