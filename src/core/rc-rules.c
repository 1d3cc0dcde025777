/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-rules.c - massage-day verdicts from the plan (rules-spec.md); rc-rules-text.c words them. */

#include "config.h"

#include <string.h>

#include "rc-rules.h"

/* How far the advice of a day reaches: due looks at the 28 days ending with
 * the day, the best day of a week at the 7 days before it, the rules at most
 * 4 back (slow post-effort-ideal) and 7 ahead (pre-event-ideal). */
#define DUE_DAYS        28
#define WEEK_LOOK_BACK  7
#define LOOK_BACK       4
#define LOOK_AHEAD      7
/* the index reaches back DUE_DAYS before the first week */
G_STATIC_ASSERT (DUE_DAYS >= LOOK_BACK && DUE_DAYS >= WEEK_LOOK_BACK);
/* what callers list from the store: the day's own due, and for the rest of
 * its week (6 days either side) the rules and the week's look-back */
G_STATIC_ASSERT (RC_RULES_DAYS_BEFORE == MAX (DUE_DAYS - 1, 6 + MAX (LOOK_BACK, WEEK_LOOK_BACK)));
G_STATIC_ASSERT (RC_RULES_DAYS_AFTER == 6 + LOOK_AHEAD);
/* the next ideal day: the rules of AFTER + 1..AFTER + RC_RULES_NEXT_IDEAL_DAYS */
G_STATIC_ASSERT (RC_RULES_NEXT_IDEAL_DAYS_BEFORE == LOOK_BACK - 1);
G_STATIC_ASSERT (RC_RULES_NEXT_IDEAL_DAYS_AFTER == RC_RULES_NEXT_IDEAL_DAYS + LOOK_AHEAD);

/* What a rule does to the verdict. Version 2: only forbids and the two
 * verdict caps can take "ideal" away; the pressure caps never do. */
typedef enum {
  EFFECT_NONE,
  EFFECT_IDEAL,
  EFFECT_CAP,
  EFFECT_FORBID,
} Effect;

/* What a rule looks for on a day around D: a class of entries, and which of
 * several in one day is nearest to D (the earliest for a day ahead or D
 * itself, the latest for a day behind). */
typedef enum {
  PICK_RUN_OR_HARD,
  PICK_HARD,
  PICK_RACE,
  PICK_EASY_RUN,              /* a run that is not hard */
  PICK_REST,
  N_PICKS_AHEAD,
  PICK_LAST_HARD = N_PICKS_AHEAD,
  PICK_LAST_RACE,
  PICK_LAST_HARD_NOT_RACE,
  N_PICKS
} Pick;

/* Days from D a rule looks at, the nearest first; off where the profile
 * drops the rule. CAPS_NEAR: a trigger on the nearest day also caps the
 * verdict at safe (a slow profile's after-hard on the day after). */
typedef struct {
  gint8    near;
  gint8    far;
  gboolean on;
  gboolean caps_near;
} Span;

#define SPAN(a, b)      { a, b, TRUE, FALSE }
#define SPAN_CAP(a, b)  { a, b, TRUE, TRUE }
#define NEVER           { 0, 0, FALSE, FALSE }
#define ALL(a, b)       { SPAN (a, b), SPAN (a, b), SPAN (a, b) }

/* The table of rules-spec.md, version 2. LOWERS: the rule lowers the top of
 * the pressure to moderate. */
static const struct {
  const char *id;
  Pick        pick;
  Effect      effect;
  gboolean    lowers;
  Span        span[RC_N_PROFILES];    /* fast, typical, slow */
} rules[RC_N_RULES] = {
  [RC_RULE_SAME_DAY_RUN]      = { "same-day-run",      PICK_RUN_OR_HARD,        EFFECT_FORBID, FALSE, ALL (0, 0) },
  [RC_RULE_EVE_OF_QUALITY]    = { "eve-of-quality",    PICK_HARD,               EFFECT_FORBID, FALSE, ALL (1, 1) },
  [RC_RULE_RACE_TAPER]        = { "race-taper",        PICK_RACE,               EFFECT_FORBID, FALSE, ALL (2, 2) },
  [RC_RULE_AFTER_RACE]        = { "after-race",        PICK_LAST_RACE,          EFFECT_FORBID, FALSE,
                                  { SPAN (-1, -1), SPAN (-1, -1), SPAN (-1, -2) } },
  [RC_RULE_EVE_OF_RUN]        = { "eve-of-run",        PICK_EASY_RUN,           EFFECT_NONE,   TRUE,
                                  { NEVER, SPAN (1, 1), SPAN (1, 1) } },
  [RC_RULE_AFTER_HARD]        = { "after-hard",        PICK_LAST_HARD_NOT_RACE, EFFECT_NONE,   TRUE,
                                  { NEVER, SPAN (-1, -1), SPAN_CAP (-1, -2) } },
  [RC_RULE_PRE_EVENT_EARLY]   = { "pre-event-early",   PICK_RACE,               EFFECT_CAP,    FALSE, ALL (3, 4) },
  [RC_RULE_PRE_EVENT_IDEAL]   = { "pre-event-ideal",   PICK_RACE,               EFFECT_IDEAL,  FALSE, ALL (5, 7) },
  [RC_RULE_POST_EFFORT_IDEAL] = { "post-effort-ideal", PICK_LAST_HARD,          EFFECT_IDEAL,  FALSE,
                                  { SPAN (-1, -3), SPAN (-2, -3), SPAN (-3, -4) } },
  [RC_RULE_REST_DAY]          = { "rest-day",          PICK_REST,               EFFECT_IDEAL,  FALSE, ALL (0, 0) },
};

/* Minutes of 0 stand for the plan's default: the guidance gives no figure. */
typedef struct {
  RcPressure min;
  RcPressure max;
  int        minutes_min;
  int        minutes_max;
} Dose;

static const Dose doses[RC_N_MASSAGES] = {
  [RC_MASSAGE_NONE]        = { RC_PRESSURE_LIGHT,    RC_PRESSURE_LIGHT,    0,  0 },
  [RC_MASSAGE_PRE_EVENT]   = { RC_PRESSURE_LIGHT,    RC_PRESSURE_MODERATE, 30, 45 },
  [RC_MASSAGE_POST_RUN]    = { RC_PRESSURE_MODERATE, RC_PRESSURE_DEEP,     0,  0 },
  [RC_MASSAGE_MAINTENANCE] = { RC_PRESSURE_LIGHT,    RC_PRESSURE_DEEP,     0,  0 },
};

/* What the advice is asked for, besides the entries. */
typedef struct {
  RcProfile profile;
  int       massage_minutes;    /* the plan's default length of a massage */
} Ask;

/* Entries indexed by day once, so that each day's advice costs the same
 * however many entries the plan holds: a record per entry, put in day order
 * by a counting sort, holding all the advice needs. The entries themselves
 * are only read in the order given, which keeps a large plan cache-friendly. */
typedef struct {
  const RcEntry *entry;
  gint64         id;
  guint32        index;      /* in the caller's array */
  gint32         time;
  guint32        score;      /* hardness; see entry_score () */
  guint16        picks;      /* a bit per Pick */
  guint8         massage;    /* of an appointment */
  guint8         flags;
} Record;

enum {
  RECORD_TRAINING    = 1 << 0,
  RECORD_APPOINTMENT = 1 << 1,
};

typedef struct {
  gint64                 lo;         /* the day of slot 0 */
  gsize                  n_days;
  guint32               *bounds;     /* n_days + 2, see start */
  const guint32         *start;      /* slot s: records start[s] .. start[s + 1] - 1 */
  Record                *records;    /* by day, then time, id and the order given */
  guint16               *picks;      /* per slot: the picks any of its records has */
  gsize                  prepared;   /* slots before it are sorted and summed */
  guint32               *training;   /* prefix sums over the slots: entries before */
  guint32               *booked;
} Index;

static inline gboolean
is_run (const RcEntry *entry)
{
  switch (entry->kind)
    {
    case RC_KIND_EASY:
    case RC_KIND_LONG:
    case RC_KIND_TEMPO:
    case RC_KIND_INTERVALS:
    case RC_KIND_RACE:
      return TRUE;
    default:
      return FALSE;
    }
}

static inline gboolean
is_hard (const RcEntry *entry)
{
  switch (entry->kind)
    {
    case RC_KIND_LONG:
    case RC_KIND_TEMPO:
    case RC_KIND_INTERVALS:
    case RC_KIND_RACE:
      return TRUE;
    case RC_KIND_EASY:
    case RC_KIND_CROSS:
      return entry->rpe >= 7;
    default:
      return FALSE;
    }
}

static inline gboolean
is_race (const RcEntry *entry)
{
  return entry->kind == RC_KIND_RACE;
}

static inline gboolean
is_training (const RcEntry *entry)
{
  return entry->kind != RC_KIND_REST && entry->kind != RC_KIND_MASSAGE &&
         entry->kind < RC_N_KINDS;
}

gboolean
rc_rules_is_run (const RcEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  return is_run (entry);
}

gboolean
rc_rules_is_hard (const RcEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  return is_hard (entry);
}

gboolean
rc_rules_is_race (const RcEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  return is_race (entry);
}

gboolean
rc_rules_is_training (const RcEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  return is_training (entry);
}

/* The picks an entry can be found by: a bit per Pick. */
static guint
entry_picks (const RcEntry *entry)
{
  gboolean run = is_run (entry);
  gboolean hard = is_hard (entry);
  gboolean race = is_race (entry);
  guint picks = 0;

  if (run || hard)
    picks |= 1u << PICK_RUN_OR_HARD;
  if (hard)
    picks |= 1u << PICK_HARD | 1u << PICK_LAST_HARD;
  if (race)
    picks |= 1u << PICK_RACE | 1u << PICK_LAST_RACE;
  if (run && !hard)
    picks |= 1u << PICK_EASY_RUN;
  if (hard && !race)
    picks |= 1u << PICK_LAST_HARD_NOT_RACE;
  if (entry->kind == RC_KIND_REST)
    picks |= 1u << PICK_REST;
  return picks;
}

/* Order within a day: untimed first, then by time, then by id; entries equal
 * in both keep the order they were given in. */
static gboolean
entry_before (const RcEntry *a,
              const RcEntry *b)
{
  if (a->day != b->day)
    return a->day < b->day;
  if (a->time != b->time)
    return a->time < b->time;
  return a->id < b->id;
}

static gint64
entry_load (const RcEntry *entry)
{
  int rpe = entry->rpe != RC_NONE ? entry->rpe : rc_kind_default_rpe (entry->kind);
  int minutes = entry->minutes != RC_NONE ? entry->minutes : rc_kind_default_minutes (entry->kind);

  return (gint64) MAX (rpe, 0) * MAX (minutes, 0);
}

/* Hardness as one number: a race beats everything, then the higher load. */
static guint32
entry_score (const RcEntry *entry)
{
  guint32 load = (guint32) MIN (entry_load (entry), (gint64) G_MAXINT32);

  return is_race (entry) ? (1u << 31) | load : load;
}

/* The hardest of the two; on a tie the earlier. B may be NULL. */
static const RcEntry *
hardest_of (const RcEntry *a,
            const RcEntry *b)
{
  if (b == NULL || entry_score (a) > entry_score (b))
    return a;
  if (entry_score (b) > entry_score (a))
    return b;
  return entry_before (a, b) ? a : b;
}

const RcEntry *
rc_rules_hardest_entry (const RcEntry * const *entries,
                        guint                  n_entries,
                        RcDay                  first,
                        RcDay                  last)
{
  const RcEntry *hardest = NULL;

  g_return_val_if_fail (entries != NULL || n_entries == 0, NULL);

  for (guint i = 0; i < n_entries; i++)
    {
      const RcEntry *e = entries[i];

      if (e->day >= first && e->day <= last && is_training (e))
        hardest = hardest_of (e, hardest);
    }
  return hardest;
}

static gboolean
index_slot_of (const Index   *ix,
               const RcEntry *entry,
               gsize         *out)
{
  gint64 i = (gint64) entry->day - ix->lo;

  if (entry->kind >= RC_N_KINDS || i < 0 || i >= (gint64) ix->n_days)
    return FALSE;
  *out = (gsize) i;
  return TRUE;
}

static void
record_init (Record        *record,
             const RcEntry *entry,
             guint          index)
{
  record->entry = entry;
  record->id = entry->id;
  record->index = index;
  record->time = entry->time;
  record->score = entry_score (entry);
  record->picks = (guint16) entry_picks (entry);
  record->massage = (guint8) entry->massage;
  record->flags = (is_training (entry) ? RECORD_TRAINING : 0) |
                  (entry->kind == RC_KIND_MASSAGE ? RECORD_APPOINTMENT : 0);
}

static gboolean
record_before (const Record *a,
               const Record *b)
{
  if (a->time != b->time)
    return a->time < b->time;
  if (a->id != b->id)
    return a->id < b->id;
  return a->index < b->index;
}

/* A day holds a handful of records: an insertion sort suits it. */
static void
sort_day (Record *records,
          guint   n)
{
  for (guint i = 1; i < n; i++)
    {
      Record r = records[i];
      guint j = i;

      for (; j > 0 && record_before (&r, &records[j - 1]); j--)
        records[j] = records[j - 1];
      records[j] = r;
    }
}

static void
index_sort (Index                 *ix,
            const RcEntry * const *entries,
            guint                  n_entries)
{
  guint32 *bounds = ix->bounds;
  gsize s;

  /* count, then place from the back so each day keeps the order given */
  for (guint i = 0; i < n_entries; i++)
    if (index_slot_of (ix, entries[i], &s))
      bounds[s + 1]++;
  for (s = 0; s < ix->n_days; s++)
    bounds[s + 1] += bounds[s];
  ix->records = g_new (Record, bounds[ix->n_days] + 1);
  bounds[ix->n_days + 1] = bounds[ix->n_days];
  for (guint i = n_entries; i-- > 0;)
    if (index_slot_of (ix, entries[i], &s))
      record_init (&ix->records[--bounds[s + 1]], entries[i], i);
  ix->start = bounds + 1;
}

static void
index_init (Index                 *ix,
            const RcEntry * const *entries,
            guint                  n_entries,
            gint64                 lo,
            gint64                 hi)
{
  ix->lo = lo;
  ix->n_days = (gsize) (hi - lo + 1);
  ix->bounds = g_new0 (guint32, ix->n_days + 2);
  ix->training = g_new (guint32, ix->n_days + 1);
  ix->booked = g_new (guint32, ix->n_days + 1);
  ix->training[0] = ix->booked[0] = 0;
  ix->picks = g_new (guint16, ix->n_days);
  ix->prepared = 0;
  index_sort (ix, entries, n_entries);
}

/* Sorts and sums the slots before UNTIL, as the advice reaches them: while
 * their records are still in the cache. */
static void
index_prepare (Index *ix,
               gsize  until)
{
  for (gsize s = ix->prepared; s < MIN (until, ix->n_days); s++)
    {
      guint training = 0, booked = 0;
      guint16 picks = 0;

      if (ix->start[s + 1] - ix->start[s] > 1)
        sort_day (&ix->records[ix->start[s]], ix->start[s + 1] - ix->start[s]);
      for (guint32 k = ix->start[s]; k < ix->start[s + 1]; k++)
        {
          training += (ix->records[k].flags & RECORD_TRAINING) != 0;
          booked += (ix->records[k].flags & RECORD_APPOINTMENT) != 0;
          picks |= ix->records[k].picks;
        }
      ix->picks[s] = picks;
      ix->training[s + 1] = ix->training[s] + training;
      ix->booked[s + 1] = ix->booked[s] + booked;
    }
  ix->prepared = MAX (ix->prepared, MIN (until, ix->n_days));
}

static void
index_clear (Index *ix)
{
  g_clear_pointer (&ix->bounds, g_free);
  g_clear_pointer (&ix->records, g_free);
  g_clear_pointer (&ix->training, g_free);
  g_clear_pointer (&ix->booked, g_free);
  g_clear_pointer (&ix->picks, g_free);
}

/* Of the entries of DAY that PICK looks for, the one nearest to the day
 * advised: the earliest of a day ahead or the same day, the latest of a day
 * behind. */
static const Record *
index_pick (const Index *ix,
            gint64       day,
            Pick         pick)
{
  gsize s = (gsize) (day - ix->lo);
  guint bit = 1u << pick;

  /* most days hold nothing a given rule looks for */
  if ((ix->picks[s] & bit) == 0)
    return NULL;
  if (pick < N_PICKS_AHEAD)
    {
      for (guint32 k = ix->start[s]; k < ix->start[s + 1]; k++)
        if (ix->records[k].picks & bit)
          return &ix->records[k];
    }
  else
    {
      for (guint32 k = ix->start[s + 1]; k-- > ix->start[s];)
        if (ix->records[k].picks & bit)
          return &ix->records[k];
    }
  return NULL;
}

/* The entry nearest to DAY that makes RULE fire, or NULL; *CAPS set when it
 * stands where it also caps the verdict. */
static const RcEntry *
rule_trigger (const Index *ix,
              gint64       day,
              RcRule       rule,
              RcProfile    profile,
              gboolean    *caps)
{
  const Span *span = &rules[rule].span[profile];
  int step = span->far >= span->near ? 1 : -1;

  *caps = FALSE;
  if (!span->on)
    return NULL;
  for (int offset = span->near;; offset += step)
    {
      const Record *found = index_pick (ix, day + offset, rules[rule].pick);

      if (found != NULL)
        {
          *caps = rules[rule].effect == EFFECT_CAP ||
                  (span->caps_near && offset == span->near);
          return found->entry;
        }
      if (offset == span->far)
        return NULL;
    }
}

static guint32
rules_with_effect (guint32 fired,
                   Effect  effect)
{
  guint32 with = 0;

  for (guint r = 0; r < RC_N_RULES; r++)
    if (rules[r].effect == effect)
      with |= 1u << r;
  return fired & with;
}

/* Forbidden if a forbid fired; else safe if a verdict cap did; else ideal if
 * an ideal rule did; else safe. DECIDED_BY: the rules of the step that
 * settled it (none for the last). */
static void
decide (RcAdvice *advice,
        guint32   caps)
{
  guint32 forbids = rules_with_effect (advice->rules, EFFECT_FORBID);
  guint32 ideals = rules_with_effect (advice->rules, EFFECT_IDEAL);

  if (forbids != 0)
    {
      advice->verdict = RC_VERDICT_FORBIDDEN;
      advice->decided_by = forbids;
    }
  else if (caps != 0)
    {
      advice->verdict = RC_VERDICT_SAFE;
      advice->decided_by = caps;
    }
  else
    {
      advice->verdict = ideals != 0 ? RC_VERDICT_IDEAL : RC_VERDICT_SAFE;
      advice->decided_by = ideals;
    }
}

static RcMassage
massage_of (const RcAdvice *advice)
{
  if (advice->verdict == RC_VERDICT_FORBIDDEN)
    return RC_MASSAGE_NONE;
  if (rc_advice_has_rule (advice, RC_RULE_PRE_EVENT_IDEAL) ||
      rc_advice_has_rule (advice, RC_RULE_PRE_EVENT_EARLY))
    return RC_MASSAGE_PRE_EVENT;
  if (rc_advice_has_rule (advice, RC_RULE_POST_EFFORT_IDEAL) ||
      rc_advice_has_rule (advice, RC_RULE_AFTER_HARD))
    return RC_MASSAGE_POST_RUN;
  return RC_MASSAGE_MAINTENANCE;
}

static void
set_dose (RcAdvice  *advice,
          const Ask *ask)
{
  const Dose *dose = &doses[advice->massage];

  advice->pressure_min = dose->min;
  advice->pressure_max = dose->max;
  advice->minutes_min = dose->minutes_min;
  advice->minutes_max = dose->minutes_max;
  if (advice->verdict == RC_VERDICT_FORBIDDEN)
    return;
  if (dose->minutes_max == 0)
    advice->minutes_min = advice->minutes_max = ask->massage_minutes;
  for (RcRule r = 0; r < RC_N_RULES; r++)
    if (rules[r].lowers && rc_advice_has_rule (advice, r))
      {
        /* the top down to moderate, and the bottom with it if needed */
        advice->pressure_max = MIN (advice->pressure_max, RC_PRESSURE_MODERATE);
        advice->pressure_min = MIN (advice->pressure_min, advice->pressure_max);
      }
}

static gboolean
appointment_conflicts (const RcAdvice *advice,
                       const Record   *appointment)
{
  if (advice->verdict == RC_VERDICT_FORBIDDEN)
    return TRUE;
  /* an appointment of no stated kind fits any day massage is allowed on */
  return appointment->massage != RC_MASSAGE_NONE && appointment->massage != advice->massage;
}

static void
find_conflicts (const Index *ix,
                gsize        slot,
                RcAdvice    *advice)
{
  for (guint32 k = ix->start[slot]; k < ix->start[slot + 1]; k++)
    {
      const Record *r = &ix->records[k];

      if ((r->flags & RECORD_APPOINTMENT) != 0 &&
          advice->n_conflicts < G_N_ELEMENTS (advice->conflict) &&
          appointment_conflicts (advice, r))
        advice->conflict[advice->n_conflicts++] = r->entry;
    }
}

/* Training and no massage appointment in the 28 days ending with SLOT's day. */
static gboolean
is_due (const Index *ix,
        gsize        slot)
{
  gsize end = slot + 1, begin = end - DUE_DAYS;   /* prefix sums: slots begin..slot */
  guint training = ix->training[end] - ix->training[begin];
  guint booked = ix->booked[end] - ix->booked[begin];

  return training > 0 && booked == 0;
}

static void
advise_one (const Index *ix,
            gint64       day,
            const Ask   *ask,
            RcAdvice    *out)
{
  gsize slot = (gsize) (day - ix->lo);
  guint32 caps = 0;

  memset (out, 0, sizeof *out);
  out->day = (RcDay) day;
  out->profile = ask->profile;
  for (RcRule r = 0; r < RC_N_RULES; r++)
    {
      gboolean cap;

      out->trigger[r] = rule_trigger (ix, day, r, ask->profile, &cap);
      if (out->trigger[r] != NULL)
        {
          out->rules |= 1u << r;
          caps |= cap ? 1u << r : 0;
        }
    }
  decide (out, caps);
  out->massage = massage_of (out);
  set_dose (out, ask);
  out->due = is_due (ix, slot);
  find_conflicts (ix, slot, out);
}

/* The day of the week's hardest entry, or -1 when it has no training. */
static gint64
week_hardest_day (const Index *ix,
                  gint64       week_first)
{
  guint32 score = 0;
  gint64 day = -1;

  /* in order, and only a strictly harder entry wins: ties go to the earliest */
  for (gint64 d = week_first; d < week_first + 7; d++)
    {
      gsize s = (gsize) (d - ix->lo);

      for (guint32 k = ix->start[s]; k < ix->start[s + 1]; k++)
        {
          const Record *r = &ix->records[k];

          if ((r->flags & RECORD_TRAINING) != 0 && (day < 0 || r->score > score))
            {
              score = r->score;
              day = d;
            }
        }
    }
  return day;
}

/* Whether the week, or the WEEK_LOOK_BACK days before it, hold training: a
 * week of none needs no massage day. */
static gboolean
week_has_training (const Index *ix,
                   gint64       week_first)
{
  gsize s = (gsize) (week_first - ix->lo);

  return ix->training[s + 7] - ix->training[s - WEEK_LOOK_BACK] > 0;
}

/* Never a forbidden day: an ideal day 2-3 days after the week's hardest
 * entry, else the earliest ideal day, else the earliest safe day. */
static void
mark_best (RcAdvice *week,
           gint64    hardest_day)
{
  int best = -1;

  for (int i = 0; i < 7 && best < 0; i++)
    if (week[i].verdict == RC_VERDICT_IDEAL && hardest_day >= 0 &&
        (week[i].day == hardest_day + 2 || week[i].day == hardest_day + 3))
      best = i;
  for (int i = 0; i < 7 && best < 0; i++)
    if (week[i].verdict == RC_VERDICT_IDEAL)
      best = i;
  for (int i = 0; i < 7 && best < 0; i++)
    if (week[i].verdict == RC_VERDICT_SAFE)
      best = i;
  if (best >= 0)
    week[best].best = TRUE;
}

static gint64
week_first_day (RcDay        day,
                GDateWeekday week_start)
{
  /* not rc_day_week_start (): near day 1 the week starts before it */
  return (gint64) day - ((guint) rc_day_weekday (day) + 7 - (guint) week_start) % 7;
}

/* The advice for the week from WEEK_FIRST into WEEK, best day marked. */
static void
advise_week (const Index *ix,
             gint64       week_first,
             const Ask   *ask,
             RcAdvice     week[7])
{
  for (int i = 0; i < 7; i++)
    advise_one (ix, week_first + i, ask, &week[i]);
  if (week_has_training (ix, week_first))
    mark_best (week, week_hardest_day (ix, week_first));
}

GArray *
rc_rules_advise_range (const RcEntry * const *entries,
                       guint                  n_entries,
                       RcDay                  first,
                       RcDay                  last,
                       RcProfile              profile,
                       GDateWeekday           week_start,
                       int                    massage_minutes)
{
  gint64 weeks_first, weeks_last;
  Index ix;
  GArray *advice;
  RcAdvice *out;
  Ask ask = { profile, massage_minutes };

  g_return_val_if_fail (entries != NULL || n_entries == 0, NULL);
  g_return_val_if_fail (g_date_valid_julian (first) && g_date_valid_julian (last), NULL);
  g_return_val_if_fail (first <= last, NULL);
  g_return_val_if_fail (profile < RC_N_PROFILES, NULL);
  g_return_val_if_fail (week_start >= G_DATE_MONDAY && week_start <= G_DATE_SUNDAY, NULL);
  g_return_val_if_fail (massage_minutes == RC_NONE || massage_minutes > 0, NULL);

  if (massage_minutes == RC_NONE)
    ask.massage_minutes = rc_kind_default_minutes (RC_KIND_MASSAGE);
  /* the best day needs whole weeks, whatever part of them was asked for */
  weeks_first = week_first_day (first, week_start);
  weeks_last = week_first_day (last, week_start) + 6;
  index_init (&ix, entries, n_entries, weeks_first - DUE_DAYS, weeks_last + LOOK_AHEAD);

  advice = g_array_sized_new (FALSE, FALSE, sizeof (RcAdvice), last - first + 1);
  g_array_set_size (advice, last - first + 1);
  out = &g_array_index (advice, RcAdvice, 0);
  for (gint64 w = weeks_first; w <= weeks_last; w += 7)
    {
      RcAdvice partial[7];

      index_prepare (&ix, (gsize) (w + 7 + LOOK_AHEAD - ix.lo));
      if (w >= first && w + 6 <= last)
        {
          advise_week (&ix, w, &ask, out + (w - first));
          continue;
        }
      /* a week cut by the range: only its days inside it are kept */
      advise_week (&ix, w, &ask, partial);
      for (int i = 0; i < 7; i++)
        if (w + i >= first && w + i <= last)
          out[w + i - first] = partial[i];
    }
  index_clear (&ix);
  return advice;
}

void
rc_rules_advise_day (const RcEntry * const *entries,
                     guint                  n_entries,
                     RcDay                  day,
                     RcProfile              profile,
                     GDateWeekday           week_start,
                     int                    massage_minutes,
                     RcAdvice              *out)
{
  g_autoptr(GArray) advice = NULL;

  g_return_if_fail (out != NULL);

  advice = rc_rules_advise_range (entries, n_entries, day, day, profile, week_start,
                                  massage_minutes);
  g_return_if_fail (advice != NULL);
  *out = g_array_index (advice, RcAdvice, 0);
}

RcDay
rc_rules_next_ideal_day (const RcEntry * const *entries,
                         guint                  n_entries,
                         RcDay                  after,
                         RcProfile              profile)
{
  g_autoptr(GArray) advice = NULL;

  g_return_val_if_fail (entries != NULL || n_entries == 0, RC_DAY_INVALID);
  g_return_val_if_fail (g_date_valid_julian (after), RC_DAY_INVALID);
  g_return_val_if_fail (profile < RC_N_PROFILES, RC_DAY_INVALID);

  if (!g_date_valid_julian (after + RC_RULES_NEXT_IDEAL_DAYS))
    return RC_DAY_INVALID;
  /* a verdict depends on neither the week start nor the minutes */
  advice = rc_rules_advise_range (entries, n_entries, after + 1, after + RC_RULES_NEXT_IDEAL_DAYS,
                                  profile, G_DATE_MONDAY, RC_NONE);
  for (guint i = 0; i < advice->len; i++)
    if (g_array_index (advice, RcAdvice, i).verdict == RC_VERDICT_IDEAL)
      return g_array_index (advice, RcAdvice, i).day;
  return RC_DAY_INVALID;
}

gboolean
rc_advice_has_rule (const RcAdvice *advice,
                    RcRule          rule)
{
  g_return_val_if_fail (rule < RC_N_RULES, FALSE);
  return (advice->rules & (1u << rule)) != 0;
}

gboolean
rc_advice_decided_by (const RcAdvice *advice,
                      RcRule          rule)
{
  g_return_val_if_fail (rule < RC_N_RULES, FALSE);
  return (advice->decided_by & (1u << rule)) != 0;
}

const char *
rc_rule_to_string (RcRule rule)
{
  g_return_val_if_fail (rule < RC_N_RULES, NULL);
  return rules[rule].id;
}
