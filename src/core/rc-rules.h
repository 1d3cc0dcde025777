/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-rules.h - massage-day verdicts from a training plan (rules-spec.md). */

#pragma once

#include "rc-types.h"

G_BEGIN_DECLS

typedef enum {
  RC_VERDICT_IDEAL,
  RC_VERDICT_SAFE,
  RC_VERDICT_FORBIDDEN,
  RC_N_VERDICTS
} RcVerdict;

typedef enum {
  RC_PRESSURE_LIGHT,
  RC_PRESSURE_MODERATE,
  RC_PRESSURE_DEEP,
  RC_N_PRESSURES
} RcPressure;

/* In the table order of rules-spec.md. */
typedef enum {
  RC_RULE_SAME_DAY_RUN,
  RC_RULE_EVE_OF_QUALITY,
  RC_RULE_RACE_TAPER,
  RC_RULE_AFTER_RACE,
  RC_RULE_EVE_OF_RUN,
  RC_RULE_AFTER_HARD,
  RC_RULE_PRE_EVENT_EARLY,
  RC_RULE_PRE_EVENT_IDEAL,
  RC_RULE_POST_EFFORT_IDEAL,
  RC_RULE_REST_DAY,
  RC_N_RULES
} RcRule;

/* The advice for a massage on one day. Pointers into the entries the advice
 * was computed from: valid while those entries are. */
typedef struct {
  RcDay          day;
  RcVerdict      verdict;
  RcMassage      massage;                  /* RC_MASSAGE_NONE when forbidden */
  RcPressure     pressure_min;             /* meaningless when forbidden */
  RcPressure     pressure_max;
  int            minutes_min;              /* 0 when forbidden */
  int            minutes_max;
  guint32        rules;                    /* bit (1 << RcRule) per rule that fired */
  guint32        decided_by;               /* the fired rules that decided the verdict
                                            * (rules-spec.md "Decided by"): the forbids
                                            * when forbidden, else the verdict caps,
                                            * else the ideal rules; 0 when none did */
  const RcEntry *trigger[RC_N_RULES];      /* the entry that made each rule fire: the
                                            * nearest in time, NULL if it did not fire */
  const RcEntry *conflict[4];              /* appointments on this day that conflict,
                                            * by time (the first four) */
  guint          n_conflicts;
  gboolean       due;                      /* training and no massage in the 28 days
                                            * ending with this day */
  gboolean       best;                     /* the best day of its week; never forbidden,
                                            * none in a week without training in it or
                                            * in the 7 days before */
  RcProfile      profile;                  /* the profile it was computed for */
} RcAdvice;

/* Advice on a day depends on the entries at most this many days before and
 * after it: the due look-back (the 28 days ending with the day), and the best
 * day of its whole week (each day's rules, and the training in the 7 days
 * before the week). A caller that lists entries from the store lists
 * FIRST - BEFORE..LAST + AFTER. */
#define RC_RULES_DAYS_BEFORE 27
#define RC_RULES_DAYS_AFTER  (6 + 7)

/* A week whose days are all forbidden names the next ideal day within this
 * many days after it (rules-spec.md, Advisories). */
#define RC_RULES_NEXT_IDEAL_DAYS 14
/* What rc_rules_next_ideal_day (AFTER) reads: the entries dated
 * AFTER - BEFORE..AFTER + AFTER. */
#define RC_RULES_NEXT_IDEAL_DAYS_BEFORE 3
#define RC_RULES_NEXT_IDEAL_DAYS_AFTER  (RC_RULES_NEXT_IDEAL_DAYS + 7)

/* Advice for each day of FIRST..LAST (inclusive), one RcAdvice per day in an
 * array of LAST - FIRST + 1. ENTRIES in any order, several per day; the same
 * entries in another order give the same advice. The weeks for "best day"
 * start on WEEK_START, and are judged whole even where the range cuts them.
 * MASSAGE_MINUTES is the plan's default length of a massage (the store's
 * default minutes for RC_KIND_MASSAGE), suggested for post-run and
 * maintenance massage where the guidance gives no figure; RC_NONE means the
 * kind's default (rc_kind_default_minutes ()).
 * A pure function: no I/O, no clock, linear in days + entries. */
GArray     *rc_rules_advise_range  (const RcEntry * const *entries,
                                    guint                  n_entries,
                                    RcDay                  first,
                                    RcDay                  last,
                                    RcProfile              profile,
                                    GDateWeekday           week_start,
                                    int                    massage_minutes);
void        rc_rules_advise_day    (const RcEntry * const *entries,
                                    guint                  n_entries,
                                    RcDay                  day,
                                    RcProfile              profile,
                                    GDateWeekday           week_start,
                                    int                    massage_minutes,
                                    RcAdvice              *out);
/* The first ideal day of AFTER + 1..AFTER + RC_RULES_NEXT_IDEAL_DAYS, or
 * RC_DAY_INVALID when there is none: what a week whose days are all
 * forbidden names ("next ideal: Mon 21 Dec"), AFTER being its last day.
 * ENTRIES as for rc_rules_advise_range (); those dated
 * AFTER - RC_RULES_NEXT_IDEAL_DAYS_BEFORE..AFTER + RC_RULES_NEXT_IDEAL_DAYS_AFTER
 * are enough. Pure, like the rest. */
RcDay       rc_rules_next_ideal_day (const RcEntry * const *entries,
                                     guint                  n_entries,
                                     RcDay                  after,
                                     RcProfile              profile);

gboolean    rc_advice_has_rule     (const RcAdvice *advice,
                                    RcRule          rule);
gboolean    rc_advice_decided_by   (const RcAdvice *advice,
                                    RcRule          rule);
/* Plain-language sentences, translated; NULL-terminated, free with
 * g_strfreev. A reason for each rule that fired, naming the entry that made
 * it fire: rc_advice_reasons_decided () those of the rules that decided the
 * verdict, rc_advice_reasons_considered () the others ("Also considered":
 * outvoted, or only shaping the pressure), rc_advice_reasons () both,
 * deciding first; each in table order. */
char      **rc_advice_reasons      (const RcAdvice *advice);
char      **rc_advice_reasons_decided    (const RcAdvice *advice);
char      **rc_advice_reasons_considered (const RcAdvice *advice);
char      **rc_advice_conflicts    (const RcAdvice *advice);
/* One line for the day panel: the verdict and what to book ("Ideal day for a
 * post-run massage: moderate pressure, 60 minutes"; "No massage on this
 * day"); it never repeats a reason. Translated, free with g_free. */
char       *rc_advice_summary      (const RcAdvice *advice);
/* "30-45 minutes", "60 minutes"; translated. NULL on a forbidden day. */
char       *rc_advice_minutes_text (const RcAdvice *advice);
/* "light to moderate", "moderate" where the ends meet, for inside a
 * sentence; translated. NULL when forbidden. */
const char *rc_advice_pressure_text (const RcAdvice *advice);

/* The classification of rules-spec.md: runs, hard ("quality") entries with
 * easy and cross promoted at RPE >= 7, races, and training (anything but
 * rest and massage appointments). */
gboolean    rc_rules_is_run        (const RcEntry *entry);
gboolean    rc_rules_is_hard       (const RcEntry *entry);
gboolean    rc_rules_is_race       (const RcEntry *entry);
gboolean    rc_rules_is_training   (const RcEntry *entry);
/* The hardest training entry dated FIRST..LAST: a race beats everything, then
 * the highest RPE x minutes (each defaulting to its kind's default), then the
 * earliest. NULL when there is no training in those days. */
const RcEntry *rc_rules_hardest_entry (const RcEntry * const *entries,
                                       guint                  n_entries,
                                       RcDay                  first,
                                       RcDay                  last);

const char *rc_rule_to_string      (RcRule rule);        /* "same-day-run" */
/* "ideal": also the CSS class of a day with that verdict */
const char *rc_verdict_to_string   (RcVerdict verdict);  /* "ideal" */
const char *rc_verdict_label       (RcVerdict verdict);  /* translated "Ideal" */
const char *rc_verdict_icon_name   (RcVerdict verdict);
const char *rc_pressure_to_string  (RcPressure pressure);
const char *rc_pressure_label      (RcPressure pressure);

G_END_DECLS
