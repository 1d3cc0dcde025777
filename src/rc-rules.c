/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-rules.c - massage-day verdicts, reasons and advisories (rules-spec.md). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rc-rules.h"

/* How far the advice of a day reaches: due looks 28 days back, the rules at
 * most 4 back (slow post-effort-ideal) and 7 ahead (pre-event-ideal). */
#define DUE_DAYS   28
#define LOOK_AHEAD 7

typedef enum {
  EFFECT_NONE,
  EFFECT_IDEAL,
  EFFECT_CAP,
  EFFECT_FORBID,
} Effect;

/* What a rule looks for on the days around D. */
typedef enum {
  CLASS_RUN_OR_HARD,
  CLASS_HARD,
  CLASS_RACE,
  CLASS_EASY_RUN,       /* a run that is not hard */
  CLASS_HARD_NOT_RACE,
  CLASS_REST,
  N_CLASSES
} EntryClass;

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
  EntryClass  class;
  Effect      effect;
  Span        span[RC_N_PROFILES];    /* fast, typical, slow */
} rules[RC_N_RULES] = {
  [RC_RULE_SAME_DAY_RUN]      = { "same-day-run",      CLASS_RUN_OR_HARD,   EFFECT_FORBID, ALL (0, 0) },
  [RC_RULE_EVE_OF_QUALITY]    = { "eve-of-quality",    CLASS_HARD,          EFFECT_FORBID, ALL (1, 1) },
  [RC_RULE_RACE_TAPER]        = { "race-taper",        CLASS_RACE,          EFFECT_FORBID, ALL (2, 2) },
  [RC_RULE_AFTER_RACE]        = { "after-race",        CLASS_RACE,          EFFECT_FORBID,
                                  { SPAN (-1, -1), SPAN (-1, -1), SPAN (-1, -2) } },
  [RC_RULE_EVE_OF_RUN]        = { "eve-of-run",        CLASS_EASY_RUN,      EFFECT_CAP,    ALL (1, 1) },
  [RC_RULE_AFTER_HARD]        = { "after-hard",        CLASS_HARD_NOT_RACE, EFFECT_CAP,
                                  { NEVER, SPAN (-1, -1), SPAN (-1, -2) } },
  [RC_RULE_PRE_EVENT_EARLY]   = { "pre-event-early",   CLASS_RACE,          EFFECT_CAP,    ALL (3, 4) },
  [RC_RULE_PRE_EVENT_IDEAL]   = { "pre-event-ideal",   CLASS_RACE,          EFFECT_IDEAL,  ALL (5, 7) },
  [RC_RULE_POST_EFFORT_IDEAL] = { "post-effort-ideal", CLASS_HARD,          EFFECT_IDEAL,
                                  { SPAN (-2, -3), SPAN (-2, -3), SPAN (-3, -4) } },
  [RC_RULE_REST_DAY]          = { "rest-day",          CLASS_REST,          EFFECT_IDEAL,  ALL (0, 0) },
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

static const struct {
  const char *name;
  const char *label;
  const char *icon;
} verdicts[RC_N_VERDICTS] = {
  [RC_VERDICT_IDEAL]     = { "ideal",     N_("Ideal"),     "starred-symbolic" },
  [RC_VERDICT_SAFE]      = { "safe",      N_("Safe"),      "emblem-ok-symbolic" },
  [RC_VERDICT_FORBIDDEN] = { "forbidden", N_("Forbidden"), "action-unavailable-symbolic" },
};

static const struct {
  const char *name;
  const char *label;
} pressures[RC_N_PRESSURES] = {
  [RC_PRESSURE_LIGHT]    = { "light",    NC_("pressure", "Light") },
  [RC_PRESSURE_MODERATE] = { "moderate", NC_("pressure", "Moderate") },
  [RC_PRESSURE_DEEP]     = { "deep",     NC_("pressure", "Deep") },
};

/* Entries indexed by day once, so that each day's advice costs the same
 * however many entries the plan holds. */
typedef struct {
  const RcEntry *first[N_CLASSES];   /* earliest in the day, for rules looking ahead */
  const RcEntry *last[N_CLASSES];    /* latest in the day, for rules looking back */
  const RcEntry *hardest;
  guint          appointments;       /* 1 + index of the first, 0 for none */
} DaySlot;

typedef struct {
  const RcEntry * const *entries;
  gint64                 lo;         /* the day of slots[0] */
  gsize                  n_days;
  DaySlot               *slots;
  guint                 *next;       /* next appointment of the same day, as above */
  guint                 *training;   /* prefix sums over the slots: entries before */
  guint                 *booked;
} Index;

gboolean
rc_rules_is_run (const RcEntry *entry)
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

gboolean
rc_rules_is_hard (const RcEntry *entry)
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

gboolean
rc_rules_is_race (const RcEntry *entry)
{
  return entry->kind == RC_KIND_RACE;
}

gboolean
rc_rules_is_training (const RcEntry *entry)
{
  return entry->kind != RC_KIND_REST && entry->kind != RC_KIND_MASSAGE &&
         entry->kind < RC_N_KINDS;
}

static guint
entry_classes (const RcEntry *entry)
{
  gboolean run = rc_rules_is_run (entry);
  gboolean hard = rc_rules_is_hard (entry);
  gboolean race = rc_rules_is_race (entry);
  guint classes = 0;

  if (run || hard)
    classes |= 1u << CLASS_RUN_OR_HARD;
  if (hard)
    classes |= 1u << CLASS_HARD;
  if (race)
    classes |= 1u << CLASS_RACE;
  if (run && !hard)
    classes |= 1u << CLASS_EASY_RUN;
  if (hard && !race)
    classes |= 1u << CLASS_HARD_NOT_RACE;
  if (entry->kind == RC_KIND_REST)
    classes |= 1u << CLASS_REST;
  return classes;
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

/* Strictly harder: a race beats everything, then the higher load. */
static gboolean
entry_harder (const RcEntry *a,
              const RcEntry *b)
{
  if (rc_rules_is_race (a) != rc_rules_is_race (b))
    return rc_rules_is_race (a);
  return entry_load (a) > entry_load (b);
}

/* The hardest of the two; on a tie the earlier. B may be NULL. */
static const RcEntry *
hardest_of (const RcEntry *a,
            const RcEntry *b)
{
  if (b == NULL || entry_harder (a, b))
    return a;
  if (entry_harder (b, a))
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

      if (e->day >= first && e->day <= last && rc_rules_is_training (e))
        hardest = hardest_of (e, hardest);
    }
  return hardest;
}

static void
slot_add (DaySlot       *slot,
          const RcEntry *entry)
{
  guint classes = entry_classes (entry);

  for (guint c = 0; c < N_CLASSES; c++)
    {
      if ((classes & (1u << c)) == 0)
        continue;
      if (slot->first[c] == NULL || entry_before (entry, slot->first[c]))
        slot->first[c] = entry;
      if (slot->last[c] == NULL || !entry_before (entry, slot->last[c]))
        slot->last[c] = entry;
    }
  if (rc_rules_is_training (entry))
    slot->hardest = hardest_of (entry, slot->hardest);
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
index_link_appointments (Index *ix,
                         guint  n_entries)
{
  /* backwards, so each day's list comes out in the order given */
  for (guint i = n_entries; i-- > 0;)
    {
      gsize s;

      if (ix->entries[i]->kind != RC_KIND_MASSAGE || !index_slot_of (ix, ix->entries[i], &s))
        continue;
      ix->next[i + 1] = ix->slots[s].appointments;
      ix->slots[s].appointments = i + 1;
    }
}

static void
index_init (Index                 *ix,
            const RcEntry * const *entries,
            guint                  n_entries,
            gint64                 lo,
            gint64                 hi)
{
  ix->entries = entries;
  ix->lo = lo;
  ix->n_days = (gsize) (hi - lo + 1);
  ix->slots = g_new0 (DaySlot, ix->n_days);
  ix->next = g_new0 (guint, (gsize) n_entries + 1);
  ix->training = g_new0 (guint, ix->n_days + 1);
  ix->booked = g_new0 (guint, ix->n_days + 1);

  for (guint i = 0; i < n_entries; i++)
    {
      gsize s;

      if (!index_slot_of (ix, entries[i], &s))
        continue;
      slot_add (&ix->slots[s], entries[i]);
      ix->training[s + 1] += rc_rules_is_training (entries[i]);
      ix->booked[s + 1] += entries[i]->kind == RC_KIND_MASSAGE;
    }
  for (gsize s = 0; s < ix->n_days; s++)
    {
      ix->training[s + 1] += ix->training[s];
      ix->booked[s + 1] += ix->booked[s];
    }
  index_link_appointments (ix, n_entries);
}

static void
index_clear (Index *ix)
{
  g_clear_pointer (&ix->slots, g_free);
  g_clear_pointer (&ix->next, g_free);
  g_clear_pointer (&ix->training, g_free);
  g_clear_pointer (&ix->booked, g_free);
}

/* The entry nearest to DAY that makes RULE fire, or NULL. */
static const RcEntry *
rule_trigger (const Index *ix,
              gint64       day,
              RcRule       rule,
              RcProfile    profile)
{
  const Span *span = &rules[rule].span[profile];
  EntryClass class = rules[rule].class;
  int step = span->far >= span->near ? 1 : -1;

  if (!span->on)
    return NULL;
  for (int offset = span->near;; offset += step)
    {
      const DaySlot *slot = &ix->slots[day + offset - ix->lo];
      const RcEntry *found = offset < 0 ? slot->last[class] : slot->first[class];

      if (found != NULL)
        return found;
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
                       const RcEntry  *appointment)
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
  for (guint k = ix->slots[slot].appointments; k != 0; k = ix->next[k])
    {
      const RcEntry *appointment = ix->entries[k - 1];

      if (advice->n_conflicts < G_N_ELEMENTS (advice->conflict) &&
          appointment_conflicts (advice, appointment))
        advice->conflict[advice->n_conflicts++] = appointment;
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

static const RcEntry *
week_hardest (const Index *ix,
              gint64       week_first)
{
  const RcEntry *hardest = NULL;

  /* days in order, and only a strictly harder one wins: ties go to the earliest */
  for (gint64 d = week_first; d < week_first + 7; d++)
    {
      const RcEntry *e = ix->slots[d - ix->lo].hardest;

      if (e != NULL && (hardest == NULL || entry_harder (e, hardest)))
        hardest = e;
    }
  return hardest;
}

static gboolean
soon_after (const RcAdvice *advice,
            const RcEntry  *hardest)
{
  gint64 gap;

  if (hardest == NULL)
    return FALSE;
  gap = (gint64) advice->day - (gint64) hardest->day;
  return gap == 2 || gap == 3;
}

/* Never a forbidden day: an ideal day 2-3 days after the week's hardest
 * entry, else the earliest ideal day, else the earliest safe day. */
static void
mark_best (RcAdvice      *week,
           const RcEntry *hardest)
{
  int best = -1;

  for (int i = 0; i < 7 && best < 0; i++)
    if (week[i].verdict == RC_VERDICT_IDEAL && soon_after (&week[i], hardest))
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

GArray *
rc_rules_advise_range (const RcEntry * const *entries,
                       guint                  n_entries,
                       RcDay                  first,
                       RcDay                  last,
                       RcProfile              profile,
                       GDateWeekday           week_start)
{
  gint64 weeks_first, weeks_last;
  gsize n_days;
  Index ix;
  GArray *advice;

  g_return_val_if_fail (entries != NULL || n_entries == 0, NULL);
  g_return_val_if_fail (g_date_valid_julian (first) && g_date_valid_julian (last), NULL);
  g_return_val_if_fail (first <= last, NULL);
  g_return_val_if_fail (profile < RC_N_PROFILES, NULL);
  g_return_val_if_fail (week_start >= G_DATE_MONDAY && week_start <= G_DATE_SUNDAY, NULL);

  /* the best day needs whole weeks, whatever part of them was asked for */
  weeks_first = week_first_day (first, week_start);
  weeks_last = week_first_day (last, week_start) + 6;
  n_days = (gsize) (weeks_last - weeks_first + 1);
  index_init (&ix, entries, n_entries, weeks_first - DUE_DAYS, weeks_last + LOOK_AHEAD);

  advice = g_array_sized_new (FALSE, FALSE, sizeof (RcAdvice), (guint) n_days);
  g_array_set_size (advice, (guint) n_days);
  for (gsize i = 0; i < n_days; i++)
    advise_one (&ix, weeks_first + (gint64) i, profile, &g_array_index (advice, RcAdvice, i));
  for (gsize w = 0; w < n_days; w += 7)
    mark_best (&g_array_index (advice, RcAdvice, w), week_hardest (&ix, weeks_first + (gint64) w));
  index_clear (&ix);

  g_array_remove_range (advice, 0, (guint) (first - weeks_first));
  g_array_set_size (advice, last - first + 1);
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

static char *
day_in_words (RcDay day)
{
  /* Translators: how a reason writes a date, in strftime format: "Sat 19 Dec" */
  /* xgettext:no-c-format */
  return rc_day_format (day, C_("reason date", "%a %-d %b"));
}

static char *
reason_same_day (const char *what,
                 const char *when)
{
  /* Translators: a reason against a massage; %1$s is a kind of training
   * ("Easy run"), %2$s its date ("Tue 8 Dec"). */
  return g_strdup_printf (_("%1$s on %2$s is on the same day: never book a massage on the day of a run or a hard session"),
                          what, when);
}

static char *
reason_eve_of_quality (const RcEntry *trigger,
                       const char    *what,
                       const char    *when)
{
  if (rc_rules_is_race (trigger))
    /* Translators: a reason against a massage; %1$s is "Race", %2$s its date ("Sat 19 Dec"). */
    return g_strdup_printf (_("%1$s on %2$s is the next day: the day before a race is almost always a bad time for massage, even light work"),
                            what, when);
  /* Translators: a reason against a massage; %1$s is a kind of training
   * ("Intervals"), %2$s its date ("Tue 8 Dec"). */
  return g_strdup_printf (_("%1$s on %2$s is the next day: avoid massage the day before speed work, a long run or a hard session"),
                          what, when);
}

static char *
reason_race_taper (const char *what,
                   const char *when,
                   int         days)
{
  /* Translators: a reason against a massage; %1$s is "Race", %2$s its date
   * ("Sat 19 Dec"), %3$d the days from the massage to it. */
  return g_strdup_printf (ngettext ("%1$s on %2$s is in %3$d day: pre-event massage belongs 3-7 days before a race, not closer",
                                    "%1$s on %2$s is in %3$d days: pre-event massage belongs 3-7 days before a race, not closer",
                                    days),
                          what, when, days);
}

static char *
reason_after_race (const char *what,
                   const char *when,
                   int         days)
{
  /* Translators: a reason against a massage; %1$s is "Race", %2$s its date
   * ("Sat 19 Dec"), %3$d the days since. */
  return g_strdup_printf (ngettext ("%1$s on %2$s was %3$d day ago: after a race, wait 48-72 h for the acute inflammation to settle",
                                    "%1$s on %2$s was %3$d days ago: after a race, wait 48-72 h for the acute inflammation to settle",
                                    days),
                          what, when, days);
}

static char *
reason_eve_of_run (const char *what,
                   const char *when)
{
  /* Translators: a reason that caps a massage; %1$s is a kind of training
   * ("Easy run"), %2$s its date ("Wed 9 Dec"). */
  return g_strdup_printf (_("%1$s on %2$s is the next day: no deep work the day before a run, keep the pressure moderate at most"),
                          what, when);
}

static char *
reason_after_hard (const char *what,
                   const char *when,
                   int         days)
{
  /* Translators: a reason that caps a massage; %1$s is a kind of training
   * ("Tempo run"), %2$s its date ("Thu 10 Dec"), %3$d the days since. */
  return g_strdup_printf (ngettext ("%1$s on %2$s was %3$d day ago: wait at least 24 h, ideally 48-72 h, after a hard effort",
                                    "%1$s on %2$s was %3$d days ago: wait at least 24 h, ideally 48-72 h, after a hard effort",
                                    days),
                          what, when, days);
}

static char *
reason_pre_event_early (const char *what,
                        const char *when,
                        int         days)
{
  /* Translators: a reason that caps a massage; %1$s is "Race", %2$s its date
   * ("Sat 19 Dec"), %3$d the days from the massage to it. */
  return g_strdup_printf (ngettext ("%1$s on %2$s is in %3$d day: pre-event massage fits 3-7 days before a race, 5-7 days is better",
                                    "%1$s on %2$s is in %3$d days: pre-event massage fits 3-7 days before a race, 5-7 days is better",
                                    days),
                          what, when, days);
}

static char *
reason_pre_event_ideal (const char *what,
                        const char *when,
                        int         days)
{
  /* Translators: a reason for a massage; %1$s is "Race", %2$s its date
   * ("Sat 19 Dec"), %3$d the days from the massage to it. */
  return g_strdup_printf (ngettext ("%1$s on %2$s is in %3$d day: 5-7 days before a race is the ideal time for pre-event massage",
                                    "%1$s on %2$s is in %3$d days: 5-7 days before a race is the ideal time for pre-event massage",
                                    days),
                          what, when, days);
}

static char *
reason_post_race (const char *what,
                  const char *when,
                  int         days,
                  gboolean    slow)
{
  if (slow)
    /* Translators: a reason for a massage; %1$s is "Race", %2$s its date
     * ("Sat 19 Dec"), %3$d the days since. */
    return g_strdup_printf (ngettext ("%1$s on %2$s was %3$d day ago: with a slow recovery, 3-4 days after a race is the time for post-event massage",
                                      "%1$s on %2$s was %3$d days ago: with a slow recovery, 3-4 days after a race is the time for post-event massage",
                                      days),
                            what, when, days);
  /* Translators: a reason for a massage; %1$s is "Race", %2$s its date
   * ("Sat 19 Dec"), %3$d the days since. */
  return g_strdup_printf (ngettext ("%1$s on %2$s was %3$d day ago: 2-3 days after a race is the time for post-event massage",
                                    "%1$s on %2$s was %3$d days ago: 2-3 days after a race is the time for post-event massage",
                                    days),
                          what, when, days);
}

static char *
reason_post_effort (const char *what,
                    const char *when,
                    int         days,
                    gboolean    slow)
{
  if (slow)
    /* Translators: a reason for a massage; %1$s is a kind of training
     * ("Intervals"), %2$s its date ("Tue 1 Dec"), %3$d the days since. */
    return g_strdup_printf (ngettext ("%1$s on %2$s was %3$d day ago: with a slow recovery, 3-4 days after a hard effort is the best time for recovery massage",
                                      "%1$s on %2$s was %3$d days ago: with a slow recovery, 3-4 days after a hard effort is the best time for recovery massage",
                                      days),
                            what, when, days);
  /* Translators: a reason for a massage; %1$s is a kind of training
   * ("Intervals"), %2$s its date ("Tue 1 Dec"), %3$d the days since. */
  return g_strdup_printf (ngettext ("%1$s on %2$s was %3$d day ago: 48-72 h after a hard effort is the best time for recovery massage",
                                    "%1$s on %2$s was %3$d days ago: 48-72 h after a hard effort is the best time for recovery massage",
                                    days),
                          what, when, days);
}

static char *
reason_rest_day (const char *what,
                 const char *when)
{
  /* Translators: a reason for a massage; %1$s is "Rest", %2$s its date ("Mon 7 Dec"). */
  return g_strdup_printf (_("%1$s on %2$s: a rest day is an excellent time for maintenance massage, deeper work allowed"),
                          what, when);
}

static char *
reason_for (const RcAdvice *advice,
            RcRule          rule)
{
  const RcEntry *trigger = advice->trigger[rule];
  const char *what = rc_kind_label (trigger->kind);
  g_autofree char *when = day_in_words (trigger->day);
  int days = ABS ((int) ((gint64) trigger->day - (gint64) advice->day));
  gboolean slow = advice->profile == RC_PROFILE_SLOW;

  switch (rule)
    {
    case RC_RULE_SAME_DAY_RUN:
      return reason_same_day (what, when);
    case RC_RULE_EVE_OF_QUALITY:
      return reason_eve_of_quality (trigger, what, when);
    case RC_RULE_RACE_TAPER:
      return reason_race_taper (what, when, days);
    case RC_RULE_AFTER_RACE:
      return reason_after_race (what, when, days);
    case RC_RULE_EVE_OF_RUN:
      return reason_eve_of_run (what, when);
    case RC_RULE_AFTER_HARD:
      return reason_after_hard (what, when, days);
    case RC_RULE_PRE_EVENT_EARLY:
      return reason_pre_event_early (what, when, days);
    case RC_RULE_PRE_EVENT_IDEAL:
      return reason_pre_event_ideal (what, when, days);
    case RC_RULE_POST_EFFORT_IDEAL:
      return rc_rules_is_race (trigger) ? reason_post_race (what, when, days, slow)
                                        : reason_post_effort (what, when, days, slow);
    case RC_RULE_REST_DAY:
      return reason_rest_day (what, when);
    case RC_N_RULES:
    default:
      g_return_val_if_reached (NULL);
    }
}

char **
rc_advice_reasons (const RcAdvice *advice)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (advice != NULL, NULL);

  for (RcRule r = 0; r < RC_N_RULES; r++)
    if (rc_advice_has_rule (advice, r) && advice->trigger[r] != NULL)
      {
        g_autofree char *reason = reason_for (advice, r);

        g_strv_builder_add (builder, reason);
      }
  return g_strv_builder_end (builder);
}

static char *
appointment_in_words (const RcEntry *appointment)
{
  const char *what = appointment->massage != RC_MASSAGE_NONE
                     ? rc_massage_label (appointment->massage)
                     : rc_kind_label (RC_KIND_MASSAGE);
  g_autofree char *when = day_in_words (appointment->day);
  g_autofree char *time = NULL;

  if (appointment->time < 0 || appointment->time >= 24 * 60)
    /* Translators: a booked massage; %1$s is its kind ("Post-run massage"),
     * %2$s its date ("Tue 8 Dec"). */
    return g_strdup_printf (_("%1$s on %2$s"), what, when);
  time = rc_time_to_string (appointment->time);
  /* Translators: a booked massage; %1$s is its kind ("Post-run massage"),
   * %2$s its date ("Tue 8 Dec"), %3$s its time ("18:30"). */
  return g_strdup_printf (_("%1$s on %2$s at %3$s"), what, when, time);
}

static char *
conflict_for (const RcAdvice *advice,
              const RcEntry  *appointment)
{
  g_autofree char *booked = appointment_in_words (appointment);

  if (advice->verdict == RC_VERDICT_FORBIDDEN)
    /* Translators: %s is a booked massage ("Post-run massage on Tue 8 Dec at 18:30"). */
    return g_strdup_printf (_("%s is booked on a forbidden day: move it to a safe or ideal day"),
                            booked);
  /* Translators: %1$s is a booked massage ("Post-run massage on Mon 14 Dec"),
   * %2$s the kind the day suggests ("Pre-event massage"). */
  return g_strdup_printf (_("%1$s is not the kind this day suggests: %2$s"),
                          booked, rc_massage_label (advice->massage));
}

char **
rc_advice_conflicts (const RcAdvice *advice)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (advice != NULL, NULL);

  for (guint i = 0; i < advice->n_conflicts && i < G_N_ELEMENTS (advice->conflict); i++)
    {
      g_autofree char *conflict = conflict_for (advice, advice->conflict[i]);

      g_strv_builder_add (builder, conflict);
    }
  return g_strv_builder_end (builder);
}

char *
rc_advice_minutes_text (const RcAdvice *advice)
{
  g_return_val_if_fail (advice != NULL, NULL);

  if (advice->verdict == RC_VERDICT_FORBIDDEN)
    return NULL;
  if (advice->massage == RC_MASSAGE_PRE_EVENT)
    /* Translators: the length of a massage, from the guidance: "30-45 minutes". */
    return g_strdup_printf (_("%1$d-%2$d minutes"), advice->minutes_min, advice->minutes_max);
  /* Translators: the length of a massage where the guidance gives none. */
  return g_strdup_printf (ngettext ("%d minute (a default: the guidance gives no figure)",
                                    "%d minutes (a default: the guidance gives no figure)",
                                    advice->minutes_max),
                          advice->minutes_max);
}

const char *
rc_rule_to_string (RcRule rule)
{
  g_return_val_if_fail (rule < RC_N_RULES, NULL);
  return rules[rule].id;
}

const char *
rc_verdict_to_string (RcVerdict verdict)
{
  g_return_val_if_fail (verdict < RC_N_VERDICTS, NULL);
  return verdicts[verdict].name;
}

const char *
rc_verdict_label (RcVerdict verdict)
{
  g_return_val_if_fail (verdict < RC_N_VERDICTS, NULL);
  return _(verdicts[verdict].label);
}

const char *
rc_verdict_icon_name (RcVerdict verdict)
{
  g_return_val_if_fail (verdict < RC_N_VERDICTS, NULL);
  return verdicts[verdict].icon;
}

const char *
rc_pressure_to_string (RcPressure pressure)
{
  g_return_val_if_fail (pressure < RC_N_PRESSURES, NULL);
  return pressures[pressure].name;
}

const char *
rc_pressure_label (RcPressure pressure)
{
  g_return_val_if_fail (pressure < RC_N_PRESSURES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "pressure", pressures[pressure].label);
}
