/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-load.c - load.md's figures against tables worked out by hand. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rc-load.h"
#include "rc-test-util.h"

#define EPS 1e-9

static RcEntry *
session (GPtrArray  *plan,
         const char *iso,
         RcKind      kind,
         int         minutes,
         int         rpe,
         RcStatus    status,
         int         done_minutes,
         int         done_rpe)
{
  RcEntry *e = rc_entry_new (rc_test_day (iso), kind);

  e->id = plan->len + 1;
  e->minutes = minutes;
  e->rpe = rpe;
  e->status = status;
  e->done_minutes = done_minutes;
  e->done_rpe = done_rpe;
  g_ptr_array_add (plan, e);
  return e;
}

/* The plan every table below was worked out on; "today" is 2026-11-07 (a
 * Saturday). Loads by hand: 11-02 40x3 = 120; 11-03 three sessions, 50x7 +
 * 30x4 (cross, done without RPE: its default) + 20x2 = 510; 11-04 skipped; 11-05
 * done long without minutes or RPE: planned 100 x default 5 = 500; 11-06 a
 * massage, a rest day and a planned session in the past (unconfirmed): 0;
 * from today on the forecast adds 11-07 45x3 = 135 and 11-08 race 90x9 = 810;
 * then nothing for five weeks, and 12-14 60x3 = 180 done. */
static GPtrArray *
hand_plan (void)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);

  /* listed out of date order on purpose: the figures must not care */
  session (plan, "2026-12-14", RC_KIND_EASY, 60, 3, RC_STATUS_DONE, 60, 3);
  session (plan, "2026-11-02", RC_KIND_EASY, 45, 3, RC_STATUS_DONE, 40, 3);
  session (plan, "2026-11-03", RC_KIND_TEMPO, 50, 7, RC_STATUS_DONE, 50, 7);
  session (plan, "2026-11-03", RC_KIND_CROSS, 30, RC_NONE, RC_STATUS_DONE, 30, RC_NONE);
  session (plan, "2026-11-03", RC_KIND_EASY, 20, 2, RC_STATUS_DONE, 20, 2);
  session (plan, "2026-11-04", RC_KIND_INTERVALS, 60, 8, RC_STATUS_SKIPPED, RC_NONE, RC_NONE);
  session (plan, "2026-11-05", RC_KIND_LONG, 100, RC_NONE, RC_STATUS_DONE, RC_NONE, RC_NONE);
  session (plan, "2026-11-06", RC_KIND_MASSAGE, 60, RC_NONE, RC_STATUS_PLANNED, RC_NONE, RC_NONE);
  session (plan, "2026-11-06", RC_KIND_REST, RC_NONE, RC_NONE, RC_STATUS_PLANNED, RC_NONE, RC_NONE);
  session (plan, "2026-11-06", RC_KIND_EASY, 30, 3, RC_STATUS_PLANNED, RC_NONE, RC_NONE);
  session (plan, "2026-11-07", RC_KIND_EASY, 45, 3, RC_STATUS_PLANNED, RC_NONE, RC_NONE);
  session (plan, "2026-11-08", RC_KIND_RACE, 90, RC_NONE, RC_STATUS_PLANNED, RC_NONE, RC_NONE);
  return plan;
}

typedef struct {
  const char *date;
  double load, atl, ctl, tsb, acwr;
} Row;

/* ATL(d) = ATL(d-1) + (L - ATL(d-1)) / 7, CTL likewise with 42, TSB(d) =
 * CTL(d-1) - ATL(d-1), ACWR = (7-day sum / 7) / (28-day sum / 28), by hand
 * from the loads above (12 decimals). */
static const Row actual_rows[] = {
  { "2026-11-02", 120.0, 17.142857142857, 2.857142857143, 0.000000000000, 4.0 },
  { "2026-11-03", 510.0, 87.551020408163, 14.931972789116, -14.285714285714, 4.0 },
  { "2026-11-04", 0.0, 75.043731778426, 14.576449627470, -72.619047619048, 4.0 },
  { "2026-11-05", 500.0, 135.751770095793, 26.134153207768, -60.467282150956, 4.0 },
  { "2026-11-06", 0.0, 116.358660082109, 25.511911464726, -109.617616888025, 4.0 },
  { "2026-11-07", 0.0, 99.735994356093, 24.904485001280, -90.846748617382, 4.0 },
  { "2026-11-08", 0.0, 85.487995162366, 24.311521072678, -74.831509354813, 4.0 },
  { "2026-11-09", 0.0, 73.275424424885, 23.732675332853, -61.176474089687, 3.575221238938 },
  { "2026-12-10", 0.0, 0.616038513280, 11.243933127982, 10.799463800570, NAN },
  { "2026-12-11", 0.0, 0.528033011382, 10.976220434458, 10.627894614702, NAN },
  { "2026-12-12", 0.0, 0.452599724042, 10.714881852685, 10.448187423076, NAN },
  { "2026-12-13", 0.0, 0.387942620608, 10.459765618098, 10.262282128643, NAN },
  { "2026-12-14", 180.0, 26.046807960521, 14.496437865286, 10.071822997490, 4.0 },
  { "2026-12-15", 0.0, 22.325835394732, 14.151284582779, -11.550370095235, 4.0 },
};

static const Row forecast_rows[] = {
  { "2026-11-02", 120.0, 17.142857142857, 2.857142857143, 0.000000000000, 4.0 },
  { "2026-11-03", 510.0, 87.551020408163, 14.931972789116, -14.285714285714, 4.0 },
  { "2026-11-04", 0.0, 75.043731778426, 14.576449627470, -72.619047619048, 4.0 },
  { "2026-11-05", 500.0, 135.751770095793, 26.134153207768, -60.467282150956, 4.0 },
  { "2026-11-06", 0.0, 116.358660082109, 25.511911464726, -109.617616888025, 4.0 },
  { "2026-11-07", 135.0, 119.021708641807, 28.118770715566, -90.846748617382, 4.0 },
  { "2026-11-08", 810.0, 217.732893121549, 46.734990460434, -90.902937926241, 4.0 },
  { "2026-11-09", 0.0, 186.628194104185, 45.622252592328, -170.997902661116, 3.768674698795 },
  { "2026-12-10", 0.0, 1.569013842422, 21.614653641088, 20.311324165769, NAN },
  { "2026-12-11", 0.0, 1.344869007790, 21.100019030586, 20.045639798667, NAN },
  { "2026-12-12", 0.0, 1.152744863820, 20.597637625096, 19.755150022796, NAN },
  { "2026-12-13", 0.0, 0.988067026132, 20.107217681642, 19.444892761276, NAN },
  { "2026-12-14", 180.0, 26.561200308113, 23.914188689222, 19.119150655510, 4.0 },
  { "2026-12-15", 0.0, 22.766743121240, 23.344803244240, -2.647011618891, 4.0 },
};

static void
assert_close (double got,
              double want)
{
  if (isnan (want))
    g_assert_true (isnan (got));
  else
    g_assert_cmpfloat_with_epsilon (got, want, EPS);
}

static void
check_rows (GPtrArray    *plan,
            RcLoadSeries  series,
            const Row    *rows,
            guint         n_rows)
{
  RcDay today = rc_test_day ("2026-11-07");

  /* each run of consecutive rows is asked for alone, so the history before
   * it (and the five empty weeks) must come from the whole plan */
  for (guint i = 0; i < n_rows;)
    {
      guint j = i + 1;
      g_autoptr(GArray) days = NULL;

      while (j < n_rows && rc_test_day (rows[j].date) == rc_test_day (rows[j - 1].date) + 1)
        j++;
      days = rc_load_days ((const RcEntry * const *) plan->pdata, plan->len,
                           rc_test_day (rows[i].date), rc_test_day (rows[j - 1].date), today, series);
      g_assert_cmpuint (days->len, ==, j - i);
      for (guint k = 0; k < days->len; k++)
        {
          const RcLoadDay *d = &g_array_index (days, RcLoadDay, k);
          const Row *r = &rows[i + k];

          g_test_message ("%s", r->date);
          g_assert_cmpuint (d->day, ==, rc_test_day (r->date));
          g_assert_cmpfloat (d->load, ==, r->load);
          assert_close (d->atl, r->atl);
          assert_close (d->ctl, r->ctl);
          assert_close (d->tsb, r->tsb);
          assert_close (d->acwr, r->acwr);
          g_assert_cmpint (d->band, ==, rc_acwr_band (r->acwr));
        }
      i = j;
    }
}

static void
test_actual_table (void)
{
  g_autoptr(GPtrArray) plan = hand_plan ();

  check_rows (plan, RC_LOAD_ACTUAL, actual_rows, G_N_ELEMENTS (actual_rows));
}

static void
test_forecast_table (void)
{
  g_autoptr(GPtrArray) plan = hand_plan ();

  check_rows (plan, RC_LOAD_FORECAST, forecast_rows, G_N_ELEMENTS (forecast_rows));
}

static void
test_session_loads (void)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  RcDay today = rc_test_day ("2026-11-07");
  RcEntry *done = session (plan, "2026-11-02", RC_KIND_EASY, 45, 3, RC_STATUS_DONE, 40, 4);
  RcEntry *done_no_rpe = session (plan, "2026-11-02", RC_KIND_LONG, 100, 8, RC_STATUS_DONE, 110, RC_NONE);
  RcEntry *skipped = session (plan, "2026-11-09", RC_KIND_TEMPO, 50, 7, RC_STATUS_SKIPPED, RC_NONE, RC_NONE);
  RcEntry *planned = session (plan, "2026-11-09", RC_KIND_INTERVALS, 60, RC_NONE, RC_STATUS_PLANNED, RC_NONE, RC_NONE);
  RcEntry *past = session (plan, "2026-11-06", RC_KIND_TEMPO, 50, 7, RC_STATUS_PLANNED, RC_NONE, RC_NONE);
  RcEntry *rest = session (plan, "2026-11-09", RC_KIND_REST, 30, 5, RC_STATUS_DONE, 30, 5);
  RcEntry *massage = session (plan, "2026-11-09", RC_KIND_MASSAGE, 60, 5, RC_STATUS_PLANNED, RC_NONE, RC_NONE);

  g_assert_cmpfloat (rc_load_of_entry (done), ==, 160.0);
  /* done without an RPE: the kind's default (long 5), not the planned 8 */
  g_assert_cmpfloat (rc_load_of_entry (done_no_rpe), ==, 550.0);
  g_assert_cmpfloat (rc_load_of_entry (skipped), ==, 0.0);
  g_assert_cmpfloat (rc_load_of_entry (planned), ==, 480.0);
  g_assert_cmpfloat (rc_load_of_entry (rest), ==, 0.0);
  g_assert_cmpfloat (rc_load_of_entry (massage), ==, 0.0);

  g_assert_true (rc_load_entry_counts (done, RC_LOAD_ACTUAL, today));
  g_assert_false (rc_load_entry_counts (planned, RC_LOAD_ACTUAL, today));
  g_assert_true (rc_load_entry_counts (planned, RC_LOAD_FORECAST, today));
  g_assert_false (rc_load_entry_counts (past, RC_LOAD_FORECAST, today));
  g_assert_false (rc_load_entry_counts (skipped, RC_LOAD_FORECAST, today));
  g_assert_false (rc_load_entry_counts (massage, RC_LOAD_FORECAST, today));
}

static void
test_default_rpe (void)
{
  static const int want[] = {
    [RC_KIND_EASY] = 3, [RC_KIND_LONG] = 5, [RC_KIND_TEMPO] = 7,
    [RC_KIND_INTERVALS] = 8, [RC_KIND_RACE] = 9, [RC_KIND_CROSS] = 4,
  };

  for (RcKind k = RC_KIND_EASY; k <= RC_KIND_CROSS; k++)
    g_assert_cmpint (rc_kind_default_rpe (k), ==, want[k]);
  /* rest has none: its load is 0 */
  g_assert_cmpint (rc_kind_default_rpe (RC_KIND_REST), ==, RC_NONE);
}

static void
test_bands (void)
{
  g_assert_cmpint (rc_acwr_band (NAN), ==, RC_ACWR_NONE);
  g_assert_cmpint (rc_acwr_band (0.0), ==, RC_ACWR_LOW);
  g_assert_cmpint (rc_acwr_band (0.7999), ==, RC_ACWR_LOW);
  g_assert_cmpint (rc_acwr_band (0.8), ==, RC_ACWR_STEADY);
  g_assert_cmpint (rc_acwr_band (1.3), ==, RC_ACWR_STEADY);
  g_assert_cmpint (rc_acwr_band (1.3001), ==, RC_ACWR_RISING_FAST);
  g_assert_cmpint (rc_acwr_band (1.5), ==, RC_ACWR_RISING_FAST);
  g_assert_cmpint (rc_acwr_band (1.5001), ==, RC_ACWR_SPIKE);
  g_assert_cmpstr (rc_acwr_band_to_string (RC_ACWR_RISING_FAST), ==, "rising fast");
  g_assert_null (rc_acwr_band_to_string (RC_ACWR_NONE));
}

/* 30 in the last 7 days, 92 in the 28: (30/7) / (92/28) = 1.3043..., which
 * prints as 1.30 yet is "rising fast": the band reads the unrounded ratio. */
static void
test_band_unrounded (void)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  g_autoptr(GArray) days = NULL;
  const RcLoadDay *d;

  session (plan, "2026-11-01", RC_KIND_EASY, 31, 2, RC_STATUS_DONE, 31, 2);
  session (plan, "2026-11-20", RC_KIND_EASY, 10, 3, RC_STATUS_DONE, 10, 3);
  days = rc_load_days ((const RcEntry * const *) plan->pdata, plan->len,
                       rc_test_day ("2026-11-20"), rc_test_day ("2026-11-20"),
                       rc_test_day ("2026-11-21"), RC_LOAD_ACTUAL);
  d = &g_array_index (days, RcLoadDay, 0);
  g_assert_cmpfloat_with_epsilon (d->acwr, 120.0 / 92.0, EPS);
  g_assert_cmpint (d->band, ==, RC_ACWR_RISING_FAST);
}

typedef struct {
  const char *first;
  int planned, done;
  double load, monotony, strain;
} WeekRow;

static void
check_weeks (GPtrArray     *plan,
             RcLoadSeries   series,
             GDateWeekday   week_start,
             const WeekRow *rows,
             guint          n_rows)
{
  g_autoptr(GArray) weeks = rc_load_weeks ((const RcEntry * const *) plan->pdata, plan->len,
                                           rc_test_day ("2026-11-02"), rc_test_day ("2026-11-08"),
                                           rc_test_day ("2026-11-07"), series, week_start);

  g_assert_cmpuint (weeks->len, ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      const RcLoadWeek *w = &g_array_index (weeks, RcLoadWeek, i);

      g_assert_cmpuint (w->first, ==, rc_test_day (rows[i].first));
      g_assert_cmpint (w->planned_minutes, ==, rows[i].planned);
      g_assert_cmpint (w->done_minutes, ==, rows[i].done);
      g_assert_cmpfloat (w->load, ==, rows[i].load);
      assert_close (w->monotony, rows[i].monotony);
      assert_close (w->strain, rows[i].strain);
    }
}

/* Planned minutes: every session's, skipped and unconfirmed ones too
 * (45+50+30+20+60+100+30+45+90 = 470); done: 40+50+30+20+100 = 240.
 * Monotony = mean / population deviation of the 7 daily loads. */
static void
test_weeks_by_week_start (void)
{
  g_autoptr(GPtrArray) plan = hand_plan ();
  static const WeekRow monday_actual[] = {
    /* loads 120 510 0 500 0 0 0 */
    { "2026-11-02", 470, 240, 1130.0, 0.730233839227, 825.164238326010 },
  };
  static const WeekRow monday_forecast[] = {
    /* loads 120 510 0 500 0 135 810 */
    { "2026-11-02", 470, 240, 2075.0, 1.026504714710, 2129.997283023618 },
  };
  static const WeekRow sunday_actual[] = {
    /* 0 120 510 0 500 0 0, then 0 x 7: no deviation, no monotony */
    { "2026-11-01", 380, 240, 1130.0, 0.730233839227, 825.164238326010 },
    { "2026-11-08", 90, 0, 0.0, NAN, NAN },
  };
  static const WeekRow sunday_forecast[] = {
    /* 0 120 510 0 500 0 135, then 810 0 0 0 0 0 0 */
    { "2026-11-01", 380, 240, 1265.0, 0.853085820773, 1079.153563278375 },
    { "2026-11-08", 90, 0, 810.0, 0.408248290464, 330.681115275729 },
  };

  check_weeks (plan, RC_LOAD_ACTUAL, G_DATE_MONDAY, monday_actual, G_N_ELEMENTS (monday_actual));
  check_weeks (plan, RC_LOAD_FORECAST, G_DATE_MONDAY, monday_forecast, G_N_ELEMENTS (monday_forecast));
  check_weeks (plan, RC_LOAD_ACTUAL, G_DATE_SUNDAY, sunday_actual, G_N_ELEMENTS (sunday_actual));
  check_weeks (plan, RC_LOAD_FORECAST, G_DATE_SUNDAY, sunday_forecast, G_N_ELEMENTS (sunday_forecast));
}

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || memcmp (&a, &b, sizeof a) == 0;
}

/* Property: a day's figures are the same, bit for bit, whichever range is
 * asked for: never re-seeded at the range's first day. */
static void
test_range_independent (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  RcDay origin = rc_test_day ("2025-01-01");
  RcDay today = origin + 400;
  guint n_days = 800;

  for (guint i = 0; i < 900; i++)
    {
      RcKind kind = (RcKind) g_rand_int_range (rand, 0, RC_N_KINDS);
      /* a quiet spell of ten weeks in the middle */
      RcDay day = origin + (RcDay) g_rand_int_range (rand, 0, n_days);
      RcEntry *e;

      if (day > origin + 300 && day < origin + 370)
        continue;
      e = session (plan, "2025-01-01", kind, g_rand_int_range (rand, 1, 181),
                   g_rand_boolean (rand) ? RC_NONE : g_rand_int_range (rand, 1, 11),
                   (RcStatus) g_rand_int_range (rand, 0, RC_N_STATUSES),
                   g_rand_boolean (rand) ? RC_NONE : g_rand_int_range (rand, 1, 181),
                   g_rand_boolean (rand) ? RC_NONE : g_rand_int_range (rand, 1, 11));
      e->day = day;
    }

  for (RcLoadSeries series = RC_LOAD_FORECAST; series <= RC_LOAD_ACTUAL; series++)
    {
      g_autoptr(GArray) all = rc_load_days ((const RcEntry * const *) plan->pdata, plan->len,
                                            origin - 50, origin + n_days + 50, today, series);

      for (guint t = 0; t < 200; t++)
        {
          RcDay first = origin - 50 + (RcDay) g_rand_int_range (rand, 0, n_days + 100);
          RcDay last = first + (RcDay) g_rand_int_range (rand, 0, 60);
          g_autoptr(GArray) part = NULL;

          last = MIN (last, origin + n_days + 50);
          part = rc_load_days ((const RcEntry * const *) plan->pdata, plan->len, first, last, today, series);
          for (guint k = 0; k < part->len; k++)
            {
              const RcLoadDay *p = &g_array_index (part, RcLoadDay, k);
              const RcLoadDay *a = &g_array_index (all, RcLoadDay, first - (origin - 50) + k);

              g_assert_cmpuint (p->day, ==, a->day);
              g_assert_true (same_double (p->load, a->load));
              g_assert_true (same_double (p->atl, a->atl));
              g_assert_true (same_double (p->ctl, a->ctl));
              g_assert_true (same_double (p->tsb, a->tsb));
              g_assert_true (same_double (p->acwr, a->acwr));
              g_assert_cmpint (p->band, ==, a->band);
            }
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/load/session-loads", test_session_loads);
  g_test_add_func ("/load/default-rpe", test_default_rpe);
  g_test_add_func ("/load/actual-table", test_actual_table);
  g_test_add_func ("/load/forecast-table", test_forecast_table);
  g_test_add_func ("/load/bands", test_bands);
  g_test_add_func ("/load/band-unrounded", test_band_unrounded);
  g_test_add_func ("/load/weeks-by-week-start", test_weeks_by_week_start);
  g_test_add_func ("/load/range-independent", test_range_independent);
  return g_test_run ();
}
