/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-load.h - the training-load figures of load.md as pure functions:
 * session-RPE load, daily load, ATL, CTL, TSB, ACWR and its band, and the
 * weekly planned/done minutes, load, monotony and strain. No clock: "today"
 * is always an argument. */

#pragma once

#include "rc-types.h"

G_BEGIN_DECLS

/* Which sessions count on a day (load.md "Daily figures"). */
typedef enum {
  RC_LOAD_FORECAST,   /* done before today; done or planned from today on */
  RC_LOAD_ACTUAL,     /* done only */
} RcLoadSeries;

/* The ACWR bands, decided on the unrounded ratio: below 0.8 low, 0.8 to 1.3
 * (both included) steady, above 1.3 up to 1.5 (included) rising fast, above
 * 1.5 spike. NONE when the ratio is null. */
typedef enum {
  RC_ACWR_NONE,
  RC_ACWR_LOW,
  RC_ACWR_STEADY,
  RC_ACWR_RISING_FAST,
  RC_ACWR_SPIKE,
  RC_N_ACWR_BANDS
} RcAcwrBand;

/* One day's figures. Values that load.md calls null are NAN. */
typedef struct {
  RcDay       day;
  double      load;   /* L(d) */
  double      atl;    /* ATL(d) */
  double      ctl;    /* CTL(d) */
  double      tsb;    /* CTL(d-1) - ATL(d-1): form going into the day */
  double      acwr;   /* NAN when the 28-day load is 0 */
  RcAcwrBand  band;
} RcLoadDay;

/* One week's figures, the week starting on FIRST (by the week start setting). */
typedef struct {
  RcDay   first;
  int     planned_minutes;  /* every session's planned minutes, whatever its status */
  int     done_minutes;     /* done sessions' actual minutes */
  double  load;             /* sum of the series' daily loads over the 7 days */
  double  monotony;         /* mean daily load / its (population) deviation; NAN if 0 */
  double  strain;           /* load x monotony; NAN with monotony */
} RcLoadWeek;

/* The session-RPE load of ENTRY by its own status: done is actual minutes x
 * actual RPE (each falling back to the planned value, then the kind's
 * default); planned is planned minutes x planned RPE (or the kind's
 * defaults); skipped, rest and massages are 0. */
double      rc_load_of_entry        (const RcEntry *entry);
/* Whether ENTRY counts towards L(d) in SERIES, for the given TODAY. */
gboolean    rc_load_entry_counts    (const RcEntry *entry,
                                     RcLoadSeries   series,
                                     RcDay          today);

/* FIRST..LAST (inclusive) as a GArray of RcLoadDay, computed over the whole
 * history in ENTRIES (any order; entries after LAST are ignored). Linear in
 * days + entries. */
GArray     *rc_load_days            (const RcEntry * const *entries,
                                     guint                  n_entries,
                                     RcDay                  first,
                                     RcDay                  last,
                                     RcDay                  today,
                                     RcLoadSeries           series);
/* The weeks (starting on WEEK_START) that hold FIRST..LAST, as a GArray of
 * RcLoadWeek in date order. */
GArray     *rc_load_weeks           (const RcEntry * const *entries,
                                     guint                  n_entries,
                                     RcDay                  first,
                                     RcDay                  last,
                                     RcDay                  today,
                                     RcLoadSeries           series,
                                     GDateWeekday           week_start);

RcAcwrBand  rc_acwr_band            (double ratio);
const char *rc_acwr_band_to_string  (RcAcwrBand band);  /* "low", ..., NULL for none */
const char *rc_acwr_band_label      (RcAcwrBand band);  /* translated */

G_END_DECLS
