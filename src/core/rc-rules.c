/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-rules.c - massage-day verdicts from the plan (rules-spec.md); rc-rules-text.c words them. */

#include "config.h"

#include <string.h>

#include "rc-rules.h"

/* How far the advice of a day reaches: due looks 28 days back, the rules at
 * most 4 back (slow post-effort-ideal) and 7 ahead (pre-event-ideal). */
#define DUE_DAYS   28
#define LOOK_BACK  4
#define LOOK_AHEAD 7
G_STATIC_ASSERT (DUE_DAYS >= LOOK_BACK);    /* the index reaches back DUE_DAYS */
/* what callers list from the store: a week each side, and the reach above */
G_STATIC_ASSERT (RC_RULES_DAYS_BEFORE == 6 + DUE_DAYS);
G_STATIC_ASSERT (RC_RULES_DAYS_AFTER == 6 + LOOK_AHEAD);

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
 * drops the rule. */
typedef struct {
  gint8    near;
  gint8    far;
  gboolean on;
} Span;

#define SPAN(a, b)  { a, b, TRUE }
#define NEVER       { 0, 0, FALSE }
#define ALL(a, b)   { SPAN (a, b), SPAN (a, b), SPAN (a, b) }

static const struct {
  const char *id;
  Pick        pick;
  Effect      effect;
  Span        span[RC_N_PROFILES];    /* fast, typical, slow */
} rules[RC_N_RULES] = {
  [RC_RULE_SAME_DAY_RUN]      = { "same-day-run",      PICK_RUN_OR_HARD,        EFFECT_FORBID, ALL (0, 0) },
  [RC_RULE_EVE_OF_QUALITY]    = { "eve-of-quality",    PICK_HARD,               EFFECT_FORBID, ALL (1, 1) },
  [RC_RULE_RACE_TAPER]        = { "race-taper",        PICK_RACE,               EFFECT_FORBID, ALL (2, 2) },
  [RC_RULE_AFTER_RACE]        = { "after-race",        PICK_LAST_RACE,          EFFECT_FORBID,
                                  { SPAN (-1, -1), SPAN (-1, -1), SPAN (-1, -2) } },
  [RC_RULE_EVE_OF_RUN]        = { "eve-of-run",        PICK_EASY_RUN,           EFFECT_CAP,    ALL (1, 1) },
  [RC_RULE_AFTER_HARD]        = { "after-hard",        PICK_LAST_HARD_NOT_RACE, EFFECT_CAP,
                                  { NEVER, SPAN (-1, -1), SPAN (-1, -2) } },
  [RC_RULE_PRE_EVENT_EARLY]   = { "pre-event-early",   PICK_RACE,               EFFECT_CAP,    ALL (3, 4) },
  [RC_RULE_PRE_EVENT_IDEAL]   = { "pre-event-ideal",   PICK_RACE,               EFFECT_IDEAL,  ALL (5, 7) },
  [RC_RULE_POST_EFFORT_IDEAL] = { "post-effort-ideal", PICK_LAST_HARD,          EFFECT_IDEAL,
                                  { SPAN (-2, -3), SPAN (-2, -3), SPAN (-3, -4) } },
  [RC_RULE_REST_DAY]          = { "rest-day",          PICK_REST,               EFFECT_IDEAL,  ALL (0, 0) },
};

static const struct {
  RcPressure min;
  RcPressure max;
  int        minutes_min;
  int        minutes_max;
} doses[RC_N_MASSAGES] = {
  [RC_MASSAGE_NONE]        = { RC_PRESSURE_LIGHT,    RC_PRESSURE_LIGHT,    0,  0 },
  [RC_MASSAGE_PRE_EVENT]   = { RC_PRESSURE_LIGHT,    RC_PRESSURE_MODERATE, 30, 45 },
  /* the guidance gives no figure for these: 60 is the app's default */
  [RC_MASSAGE_POST_RUN]    = { RC_PRESSURE_MODERATE, RC_PRESSURE_DEEP,     60, 60 },
  [RC_MASSAGE_MAINTENANCE] = { RC_PRESSURE_LIGHT,    RC_PRESSURE_DEEP,     60, 60 },
};

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
  return is_run (entry);
}

gboolean
rc_rules_is_hard (const RcEntry *entry)
{
  return is_hard (entry);
}

gboolean
rc_rules_is_race (const RcEntry *entry)
{
  return is_race (entry);
}

gboolean
rc_rules_is_training (const RcEntry *entry)
{
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

/* The entry nearest to DAY that makes RULE fire, or NULL. */
static const RcEntry *
rule_trigger (const Index *ix,
              gint64       day,
              RcRule       rule,
              RcProfile    profile)
{
  const Span *span = &rules[rule].span[profile];
  int step = span->far >= span->near ? 1 : -1;

  if (!span->on)
    return NULL;
  for (int offset = span->near;; offset += step)
    {
      const Record *found = index_pick (ix, day + offset, rules[rule].pick);

      if (found != NULL)
        return found->entry;
      if (offset == span->far)
        return NULL;
    }
}

static RcVerdict
verdict_of (guint32 fired)
{
  Effect strongest = EFFECT_NONE;

  for (guint r = 0; r < RC_N_RULES; r++)
    if ((fired & (1u << r)) != 0)
      strongest = MAX (strongest, rules[r].effect);

  switch (strongest)
    {
    case EFFECT_FORBID:
      return RC_VERDICT_FORBIDDEN;
    case EFFECT_IDEAL:
      return RC_VERDICT_IDEAL;
    case EFFECT_CAP:
    case EFFECT_NONE:
    default:
      return RC_VERDICT_SAFE;
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
set_dose (RcAdvice *advice)
{
  advice->pressure_min = doses[advice->massage].min;
  advice->pressure_max = doses[advice->massage].max;
  advice->minutes_min = doses[advice->massage].minutes_min;
  advice->minutes_max = doses[advice->massage].minutes_max;
  if (advice->verdict != RC_VERDICT_FORBIDDEN &&
      rc_advice_has_rule (advice, RC_RULE_EVE_OF_RUN))
    advice->pressure_max = MIN (advice->pressure_max, RC_PRESSURE_MODERATE);
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

static gboolean
is_due (const Index *ix,
        gsize        slot)
{
  /* the 28 days before: slots slot-28 .. slot-1 */
  guint training = ix->training[slot] - ix->training[slot - DUE_DAYS];
  guint booked = ix->booked[slot] - ix->booked[slot - DUE_DAYS];

  return training > 0 && booked == 0;
}

static void
advise_one (const Index *ix,
            gint64       day,
            RcProfile    profile,
            RcAdvice    *out)
{
  gsize slot = (gsize) (day - ix->lo);

  memset (out, 0, sizeof *out);
  out->day = (RcDay) day;
  out->profile = profile;
  for (RcRule r = 0; r < RC_N_RULES; r++)
    {
      out->trigger[r] = rule_trigger (ix, day, r, profile);
      if (out->trigger[r] != NULL)
        out->rules |= 1u << r;
    }
  out->verdict = verdict_of (out->rules);
  out->massage = massage_of (out);
  set_dose (out);
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
             RcProfile    profile,
             RcAdvice     week[7])
{
  for (int i = 0; i < 7; i++)
    advise_one (ix, week_first + i, profile, &week[i]);
  mark_best (week, week_hardest_day (ix, week_first));
}

GArray *
rc_rules_advise_range (const RcEntry * const *entries,
                       guint                  n_entries,
                       RcDay                  first,
                       RcDay                  last,
                       RcProfile              profile,
                       GDateWeekday           week_start)
{
  gint64 weeks_first, weeks_last;
  Index ix;
  GArray *advice;
  RcAdvice *out;

  g_return_val_if_fail (entries != NULL || n_entries == 0, NULL);
  g_return_val_if_fail (g_date_valid_julian (first) && g_date_valid_julian (last), NULL);
  g_return_val_if_fail (first <= last, NULL);
  g_return_val_if_fail (profile < RC_N_PROFILES, NULL);
  g_return_val_if_fail (week_start >= G_DATE_MONDAY && week_start <= G_DATE_SUNDAY, NULL);

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
          advise_week (&ix, w, profile, out + (w - first));
          continue;
        }
      /* a week cut by the range: only its days inside it are kept */
      advise_week (&ix, w, profile, partial);
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
                     RcAdvice              *out)
{
  g_autoptr(GArray) advice = NULL;

  g_return_if_fail (out != NULL);

  advice = rc_rules_advise_range (entries, n_entries, day, day, profile, week_start);
  g_return_if_fail (advice != NULL);
  *out = g_array_index (advice, RcAdvice, 0);
}

gboolean
rc_advice_has_rule (const RcAdvice *advice,
                    RcRule          rule)
{
  g_return_val_if_fail (rule < RC_N_RULES, FALSE);
  return (advice->rules & (1u << rule)) != 0;
}

const char *
rc_rule_to_string (RcRule rule)
{
  g_return_val_if_fail (rule < RC_N_RULES, NULL);
  return rules[rule].id;
}
