/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-load.c - load.md's figures, in doubles over the whole history.
 *
 * Session loads are whole numbers (minutes x RPE), so the daily loads and
 * their window sums are exact in doubles: the figures of a day come out bit
 * for bit the same whichever range is asked for, and days with no history
 * before them (ATL = CTL = 0, load 0) stay exactly 0. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rc-load.h"
#include "rc-names-private.h"

#define ATL_DAYS   7.0
#define CTL_DAYS   42.0
#define ACUTE_DAYS 7
#define CHRONIC_DAYS 28

static const RcNamedValue bands[RC_N_ACWR_BANDS] = {
  /* Translators: the band of the acute:chronic workload ratio (ACWR) */
  [RC_ACWR_NONE]        = { NULL,          N_("No load") },
  [RC_ACWR_LOW]         = { "low",         N_("Low") },
  [RC_ACWR_STEADY]      = { "steady",      N_("Steady") },
  [RC_ACWR_RISING_FAST] = { "rising fast", N_("Rising fast") },
  [RC_ACWR_SPIKE]       = { "spike",       N_("Spike") },
};

static gboolean
is_session (const RcEntry *entry)
{
  return entry->kind != RC_KIND_MASSAGE && entry->kind != RC_KIND_REST;
}

static int
planned_minutes (const RcEntry *entry)
{
  return entry->minutes != RC_NONE ? entry->minutes : rc_kind_default_minutes (entry->kind);
}

static int
done_minutes (const RcEntry *entry)
{
  /* marking done defaults to the planned minutes (load.md) */
  return entry->done_minutes != RC_NONE ? entry->done_minutes : planned_minutes (entry);
}

double
rc_load_of_entry (const RcEntry *entry)
{
  int minutes, rpe;

  g_return_val_if_fail (entry != NULL, 0.0);

  if (!is_session (entry) || entry->status == RC_STATUS_SKIPPED)
    return 0.0;
  if (entry->status == RC_STATUS_DONE)
    {
      minutes = done_minutes (entry);
      rpe = entry->done_rpe;
    }
  else
    {
      minutes = planned_minutes (entry);
      rpe = entry->rpe;
    }
  if (rpe == RC_NONE)
    rpe = rc_kind_default_rpe (entry->kind);
  return (double) MAX (minutes, 0) * MAX (rpe, 0);
}

gboolean
rc_load_entry_counts (const RcEntry *entry,
                      RcLoadSeries   series,
                      RcDay          today)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!is_session (entry))
    return FALSE;
  if (entry->status == RC_STATUS_DONE)
    return TRUE;
  return series == RC_LOAD_FORECAST && entry->status == RC_STATUS_PLANNED && entry->day >= today;
}

/* L(d) for START..END, a new array of END - START + 1 doubles. */
static double *
daily_loads (const RcEntry * const *entries,
             guint                  n_entries,
             RcDay                  start,
             RcDay                  end,
             RcDay                  today,
             RcLoadSeries           series)
{
  double *loads = g_new0 (double, end - start + 1);

  for (guint i = 0; i < n_entries; i++)
    {
      const RcEntry *e = entries[i];

      if (e->day >= start && e->day <= end && rc_load_entry_counts (e, series, today))
        loads[e->day - start] += rc_load_of_entry (e);
    }
  return loads;
}

/* The first day the figures of FIRST depend on: the earliest counted
 * session, or the start of FIRST's 28-day window. */
static RcDay
history_start (const RcEntry * const *entries,
               guint                  n_entries,
               RcDay                  first,
               RcDay                  today,
               RcLoadSeries           series)
{
  RcDay start = first > CHRONIC_DAYS ? first - (CHRONIC_DAYS - 1) : 1;

  for (guint i = 0; i < n_entries; i++)
    if (entries[i]->day < start && entries[i]->day != RC_DAY_INVALID &&
        rc_load_entry_counts (entries[i], series, today))
      start = entries[i]->day;
  return start;
}

RcAcwrBand
rc_acwr_band (double ratio)
{
  if (isnan (ratio))
    return RC_ACWR_NONE;
  if (ratio < 0.8)
    return RC_ACWR_LOW;
  if (ratio <= 1.3)
    return RC_ACWR_STEADY;
  if (ratio <= 1.5)
    return RC_ACWR_RISING_FAST;
  return RC_ACWR_SPIKE;
}

RC_DEFINE_TO_STRING (RcAcwrBand, rc_acwr_band, bands, RC_N_ACWR_BANDS)
RC_DEFINE_LABEL (RcAcwrBand, rc_acwr_band, bands, RC_N_ACWR_BANDS)

GArray *
rc_load_days (const RcEntry * const *entries,
              guint                  n_entries,
              RcDay                  first,
              RcDay                  last,
              RcDay                  today,
              RcLoadSeries           series)
{
  GArray *days;
  RcDay start;
  g_autofree double *loads = NULL;
  double atl = 0.0, ctl = 0.0, acute = 0.0, chronic = 0.0;

  g_return_val_if_fail (first != RC_DAY_INVALID && last >= first, NULL);

  days = g_array_sized_new (FALSE, FALSE, sizeof (RcLoadDay), last - first + 1);
  start = history_start (entries, n_entries, first, today, series);
  loads = daily_loads (entries, n_entries, start, last, today, series);

  for (RcDay d = start; d <= last; d++)
    {
      guint i = d - start;
      double load = loads[i];
      RcLoadDay day = { d, load, 0, 0, ctl - atl, NAN, RC_ACWR_NONE };

      atl += (load - atl) / ATL_DAYS;
      ctl += (load - ctl) / CTL_DAYS;
      /* window sums of whole numbers: exact, so a gap really reaches 0 */
      acute += load - (i >= ACUTE_DAYS ? loads[i - ACUTE_DAYS] : 0.0);
      chronic += load - (i >= CHRONIC_DAYS ? loads[i - CHRONIC_DAYS] : 0.0);
      if (d < first)
        continue;
      day.atl = atl;
      day.ctl = ctl;
      if (chronic != 0.0)
        day.acwr = (acute / ACUTE_DAYS) / (chronic / CHRONIC_DAYS);
      day.band = rc_acwr_band (day.acwr);
      g_array_append_val (days, day);
    }
  return days;
}

static double
monotony (const double *loads)
{
  double sum = 0.0, mean, var = 0.0, sd;

  for (guint i = 0; i < 7; i++)
    sum += loads[i];
  mean = sum / 7.0;
  for (guint i = 0; i < 7; i++)
    var += (loads[i] - mean) * (loads[i] - mean);
  sd = sqrt (var / 7.0);
  return sd > 0.0 ? mean / sd : NAN;
}

static void
add_minutes (GArray        *weeks,
             RcDay          wfirst,
             const RcEntry *e)
{
  RcLoadWeek *week = &g_array_index (weeks, RcLoadWeek, (e->day - wfirst) / 7);

  if (!is_session (e))
    return;
  week->planned_minutes += MAX (planned_minutes (e), 0);
  if (e->status == RC_STATUS_DONE)
    week->done_minutes += MAX (done_minutes (e), 0);
}

GArray *
rc_load_weeks (const RcEntry * const *entries,
               guint                  n_entries,
               RcDay                  first,
               RcDay                  last,
               RcDay                  today,
               RcLoadSeries           series,
               GDateWeekday           week_start)
{
  RcDay wfirst, wlast;
  guint n_weeks;
  GArray *weeks;
  g_autofree double *loads = NULL;

  g_return_val_if_fail (first != RC_DAY_INVALID && last >= first, NULL);

  wfirst = rc_day_week_start (first, week_start);
  wlast = rc_day_week_start (last, week_start) + 6;
  n_weeks = (wlast - wfirst + 1) / 7;
  weeks = g_array_sized_new (FALSE, TRUE, sizeof (RcLoadWeek), n_weeks);
  g_array_set_size (weeks, n_weeks);
  loads = daily_loads (entries, n_entries, wfirst, wlast, today, series);

  for (guint i = 0; i < n_entries; i++)
    if (entries[i]->day >= wfirst && entries[i]->day <= wlast)
      add_minutes (weeks, wfirst, entries[i]);

  for (guint w = 0; w < n_weeks; w++)
    {
      RcLoadWeek *week = &g_array_index (weeks, RcLoadWeek, w);

      week->first = wfirst + 7 * w;
      for (guint i = 0; i < 7; i++)
        week->load += loads[7 * w + i];
      week->monotony = monotony (loads + 7 * w);
      week->strain = week->load * week->monotony;
    }
  return weeks;
}
