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
      RcEntry *e = rc_entry_new (first + (RcDay) g_rand_int_range (rand, 0, (gint32) n_days), kind);

      e->id = i + 1;
      e->rpe = g_rand_int_range (rand, 1, 11);
      e->time = g_rand_boolean (rand) ? RC_NONE : g_rand_int_range (rand, 0, 24 * 60);
      g_ptr_array_add (plan, e);
    }
  return plan;
}

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
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  RcDay first = rc_day_from_iso ("2026-01-01");
  g_autoptr(GPtrArray) small = make_plan (rand, first, SMALL_DAYS, SMALL_ENTRIES);
  g_autoptr(GPtrArray) large = make_plan (rand, first, SMALL_DAYS * SCALE, SMALL_ENTRIES * SCALE);

  return rc_test_scale_bench_run (&bench, small, large, first);
}
