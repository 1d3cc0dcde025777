/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rules.c - the massage-day rules against rules-spec.md, table by table. */

#include "config.h"

#include <string.h>

#include "rc-rules.h"

#define P_FAST    (1u << RC_PROFILE_FAST)
#define P_TYPICAL (1u << RC_PROFILE_TYPICAL)
#define P_SLOW    (1u << RC_PROFILE_SLOW)
#define P_ALL     (P_FAST | P_TYPICAL | P_SLOW)

#define IDEAL     RC_VERDICT_IDEAL
#define SAFE      RC_VERDICT_SAFE
#define FORBIDDEN RC_VERDICT_FORBIDDEN
#define NONE      RC_MASSAGE_NONE
#define PRE       RC_MASSAGE_PRE_EVENT
#define POST      RC_MASSAGE_POST_RUN
#define MAINT     RC_MASSAGE_MAINTENANCE

/* What one day must look like; D is the day relative to some anchor. */
typedef struct {
  int         d;
  RcVerdict   verdict;
  RcMassage   massage;
  const char *pressure;   /* "min-max", "-" when forbidden */
  const char *rules;      /* ids in table order, space-separated */
} Expect;

/* ---- helpers ---------------------------------------------------------- */

static GPtrArray *
plan_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
}

static RcEntry *
plan_add (GPtrArray *plan,
          RcDay      day,
          RcKind     kind)
{
  RcEntry *entry = rc_entry_new (day, kind);

  entry->id = plan->len + 1;
  g_ptr_array_add (plan, entry);
  return entry;
}

static RcEntry *
plan_add_rpe (GPtrArray *plan,
              RcDay      day,
              RcKind     kind,
              int        rpe)
{
  RcEntry *entry = plan_add (plan, day, kind);

  entry->rpe = rpe;
  return entry;
}

static GArray *
advise (GPtrArray *plan,
        RcDay      first,
        RcDay      last,
        RcProfile  profile)
{
  GArray *advice = rc_rules_advise_range ((const RcEntry * const *) plan->pdata, plan->len,
                                          first, last, profile, G_DATE_MONDAY);

  g_assert_nonnull (advice);
  g_assert_cmpuint (advice->len, ==, last - first + 1);
  return advice;
}

static const RcAdvice *
advice_on (GArray *advice,
           RcDay   day)
{
  const RcAdvice *first = &g_array_index (advice, RcAdvice, 0);
  const RcAdvice *a;

  g_assert_cmpuint (day, >=, first->day);
  a = &g_array_index (advice, RcAdvice, day - first->day);
  g_assert_cmpuint (a->day, ==, day);
  return a;
}

static char *
rules_string (const RcAdvice *advice)
{
  GString *s = g_string_new (NULL);

  for (RcRule r = 0; r < RC_N_RULES; r++)
    if (rc_advice_has_rule (advice, r))
      g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "", rc_rule_to_string (r));
  return g_string_free (s, FALSE);
}

static char *
pressure_string (const RcAdvice *advice)
{
  if (advice->verdict == RC_VERDICT_FORBIDDEN)
    return g_strdup ("-");
  return g_strdup_printf ("%s-%s", rc_pressure_to_string (advice->pressure_min),
                          rc_pressure_to_string (advice->pressure_max));
}

/* The parts every advice must hold whatever the plan: minutes follow the
 * kind, a forbidden day suggests nothing, each fired rule has its trigger. */
static void
assert_consistent (const RcAdvice *a)
{
  static const int minutes[RC_N_MASSAGES][2] = {
    [RC_MASSAGE_NONE] = { 0, 0 },
    [RC_MASSAGE_PRE_EVENT] = { 30, 45 },
    [RC_MASSAGE_POST_RUN] = { 60, 60 },
    [RC_MASSAGE_MAINTENANCE] = { 60, 60 },
  };
  g_auto(GStrv) reasons = rc_advice_reasons (a);

  g_assert_true ((a->verdict == RC_VERDICT_FORBIDDEN) == (a->massage == RC_MASSAGE_NONE));
  g_assert_cmpint (a->minutes_min, ==, minutes[a->massage][0]);
  g_assert_cmpint (a->minutes_max, ==, minutes[a->massage][1]);
  guint fired = 0;

  for (RcRule r = 0; r < RC_N_RULES; r++)
    {
      g_assert_true (rc_advice_has_rule (a, r) == (a->trigger[r] != NULL));
      fired += rc_advice_has_rule (a, r);
    }
  g_assert_cmpuint (a->rules >> RC_N_RULES, ==, 0);
  g_assert_cmpuint (g_strv_length (reasons), ==, fired);
  for (guint i = 0; reasons[i] != NULL; i++)
    g_assert_cmpstr (reasons[i], !=, "");
  if (a->verdict == RC_VERDICT_FORBIDDEN)
    g_assert_false (a->best);
}

static void
assert_advice (const RcAdvice *a,
               const Expect   *x)
{
  g_autofree char *rules = rules_string (a);
  g_autofree char *pressure = pressure_string (a);
  g_autofree char *iso = rc_day_to_iso (a->day);

  g_test_message ("%s (D%+d): %s %s %s [%s]", iso, x->d, rc_verdict_to_string (a->verdict),
                  rc_massage_to_string (a->massage), pressure, rules);
  g_assert_cmpstr (rules, ==, x->rules);
  g_assert_cmpstr (rc_verdict_to_string (a->verdict), ==, rc_verdict_to_string (x->verdict));
  g_assert_cmpstr (rc_massage_to_string (a->massage), ==, rc_massage_to_string (x->massage));
  g_assert_cmpstr (pressure, ==, x->pressure);
  assert_consistent (a);
}

static void
assert_advice_equal (const RcAdvice *x,
                     const RcAdvice *y)
{
  g_assert_cmpuint (x->day, ==, y->day);
  g_assert_cmpint (x->verdict, ==, y->verdict);
  g_assert_cmpint (x->massage, ==, y->massage);
  g_assert_cmpint (x->pressure_min, ==, y->pressure_min);
  g_assert_cmpint (x->pressure_max, ==, y->pressure_max);
  g_assert_cmpint (x->minutes_min, ==, y->minutes_min);
  g_assert_cmpint (x->minutes_max, ==, y->minutes_max);
  g_assert_cmpuint (x->rules, ==, y->rules);
  g_assert_cmpmem (x->trigger, sizeof x->trigger, y->trigger, sizeof y->trigger);
  g_assert_cmpuint (x->n_conflicts, ==, y->n_conflicts);
  g_assert_true (x->due == y->due);
  g_assert_true (x->best == y->best);
  g_assert_cmpint (x->profile, ==, y->profile);
}

/* ---- classification ---------------------------------------------------- */

static void
test_classify (void)
{
  static const struct {
    RcKind   kind;
    int      rpe;
    gboolean run, hard, race, training;
  } table[] = {
    { RC_KIND_REST,      RC_NONE, FALSE, FALSE, FALSE, FALSE },
    { RC_KIND_EASY,      RC_NONE, TRUE,  FALSE, FALSE, TRUE },
    { RC_KIND_EASY,      6,       TRUE,  FALSE, FALSE, TRUE },
    { RC_KIND_EASY,      7,       TRUE,  TRUE,  FALSE, TRUE },
    { RC_KIND_EASY,      10,      TRUE,  TRUE,  FALSE, TRUE },
    { RC_KIND_LONG,      1,       TRUE,  TRUE,  FALSE, TRUE },
    { RC_KIND_TEMPO,     RC_NONE, TRUE,  TRUE,  FALSE, TRUE },
    { RC_KIND_INTERVALS, 2,       TRUE,  TRUE,  FALSE, TRUE },
    { RC_KIND_RACE,      1,       TRUE,  TRUE,  TRUE,  TRUE },
    { RC_KIND_CROSS,     RC_NONE, FALSE, FALSE, FALSE, TRUE },
    { RC_KIND_CROSS,     6,       FALSE, FALSE, FALSE, TRUE },
    { RC_KIND_CROSS,     7,       FALSE, TRUE,  FALSE, TRUE },
    { RC_KIND_MASSAGE,   RC_NONE, FALSE, FALSE, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(RcEntry) e = rc_entry_new (rc_day_from_iso ("2026-12-07"), table[i].kind);

      e->rpe = table[i].rpe;
      g_test_message ("%s rpe %d", rc_kind_to_string (e->kind), e->rpe);
      g_assert_true (rc_rules_is_run (e) == table[i].run);
      g_assert_true (rc_rules_is_hard (e) == table[i].hard);
      g_assert_true (rc_rules_is_race (e) == table[i].race);
      g_assert_true (rc_rules_is_training (e) == table[i].training);
    }
}

static void
test_names (void)
{
  static const char *ids[RC_N_RULES] = {
    "same-day-run", "eve-of-quality", "race-taper", "after-race", "eve-of-run",
    "after-hard", "pre-event-early", "pre-event-ideal", "post-effort-ideal", "rest-day",
  };

  for (RcRule r = 0; r < RC_N_RULES; r++)
    g_assert_cmpstr (rc_rule_to_string (r), ==, ids[r]);
  g_assert_cmpstr (rc_verdict_to_string (RC_VERDICT_IDEAL), ==, "ideal");
  g_assert_cmpstr (rc_verdict_to_string (RC_VERDICT_SAFE), ==, "safe");
  g_assert_cmpstr (rc_verdict_to_string (RC_VERDICT_FORBIDDEN), ==, "forbidden");
  g_assert_cmpstr (rc_pressure_to_string (RC_PRESSURE_LIGHT), ==, "light");
  g_assert_cmpstr (rc_pressure_to_string (RC_PRESSURE_MODERATE), ==, "moderate");
  g_assert_cmpstr (rc_pressure_to_string (RC_PRESSURE_DEEP), ==, "deep");
  for (RcVerdict v = 0; v < RC_N_VERDICTS; v++)
    {
      g_assert_nonnull (rc_verdict_label (v));
      g_assert_nonnull (rc_verdict_icon_name (v));
    }
  for (RcPressure p = 0; p < RC_N_PRESSURES; p++)
    g_assert_nonnull (rc_pressure_label (p));
}

/* ---- one rule at a time: a single entry on day T, edge days around it --- */

typedef struct {
  RcKind kind;
  int    rpe;
  guint  profiles;
  Expect days[5];
} RuleCase;

#define END { G_MININT, 0, 0, NULL, NULL }

static const RuleCase case_same_day_easy = {
  RC_KIND_EASY, 3, P_ALL, {
    { -1, SAFE,      MAINT, "light-moderate", "eve-of-run" },
    {  0, FORBIDDEN, NONE,  "-",              "same-day-run" },
    {  1, SAFE,      MAINT, "light-deep",     "" }, END } };
static const RuleCase case_same_day_hard_cross = {
  RC_KIND_CROSS, 7, P_ALL, {
    { -2, SAFE,      MAINT, "light-deep", "" },
    { -1, FORBIDDEN, NONE,  "-",          "eve-of-quality" },
    {  0, FORBIDDEN, NONE,  "-",          "same-day-run" }, END } };
static const RuleCase case_same_day_light_cross = {
  RC_KIND_CROSS, 6, P_ALL, {
    { -1, SAFE, MAINT, "light-deep", "" },
    {  0, SAFE, MAINT, "light-deep", "" },
    {  1, SAFE, MAINT, "light-deep", "" }, END } };
static const RuleCase case_eve_of_quality_intervals = {
  RC_KIND_INTERVALS, 8, P_ALL, {
    { -2, SAFE,      MAINT, "light-deep", "" },
    { -1, FORBIDDEN, NONE,  "-",          "eve-of-quality" },
    {  0, FORBIDDEN, NONE,  "-",          "same-day-run" }, END } };
static const RuleCase case_eve_of_quality_race = {
  RC_KIND_RACE, 10, P_ALL, {
    { -2, FORBIDDEN, NONE, "-", "race-taper" },
    { -1, FORBIDDEN, NONE, "-", "eve-of-quality" },
    {  0, FORBIDDEN, NONE, "-", "same-day-run" }, END } };
static const RuleCase case_eve_of_quality_hard_easy = {
  RC_KIND_EASY, 7, P_ALL, {
    { -2, SAFE,      MAINT, "light-deep", "" },
    { -1, FORBIDDEN, NONE,  "-",          "eve-of-quality" },
    {  0, FORBIDDEN, NONE,  "-",          "same-day-run" }, END } };
static const RuleCase case_race_taper = {
  RC_KIND_RACE, 10, P_ALL, {
    { -3, SAFE,      PRE,  "light-moderate", "pre-event-early" },
    { -2, FORBIDDEN, NONE, "-",              "race-taper" },
    { -1, FORBIDDEN, NONE, "-",              "eve-of-quality" }, END } };
static const RuleCase case_after_race = {
  RC_KIND_RACE, 10, P_FAST | P_TYPICAL, {
    {  0, FORBIDDEN, NONE, "-",             "same-day-run" },
    {  1, FORBIDDEN, NONE, "-",             "after-race" },
    {  2, IDEAL,     POST, "moderate-deep", "post-effort-ideal" }, END } };
static const RuleCase case_after_race_slow = {
  RC_KIND_RACE, 10, P_SLOW, {
    {  0, FORBIDDEN, NONE, "-",             "same-day-run" },
    {  1, FORBIDDEN, NONE, "-",             "after-race" },
    {  2, FORBIDDEN, NONE, "-",             "after-race" },
    {  3, IDEAL,     POST, "moderate-deep", "post-effort-ideal" }, END } };
static const RuleCase case_eve_of_run = {
  RC_KIND_EASY, 3, P_ALL, {
    { -2, SAFE,      MAINT, "light-deep",     "" },
    { -1, SAFE,      MAINT, "light-moderate", "eve-of-run" },
    {  0, FORBIDDEN, NONE,  "-",              "same-day-run" }, END } };
static const RuleCase case_eve_of_run_no_rpe = {
  RC_KIND_EASY, RC_NONE, P_ALL, {
    { -2, SAFE,      MAINT, "light-deep",     "" },
    { -1, SAFE,      MAINT, "light-moderate", "eve-of-run" },
    {  0, FORBIDDEN, NONE,  "-",              "same-day-run" }, END } };
static const RuleCase case_after_hard_fast = {
  RC_KIND_TEMPO, 7, P_FAST, {
    {  0, FORBIDDEN, NONE,  "-",             "same-day-run" },
    {  1, SAFE,      MAINT, "light-deep",    "" },
    {  2, IDEAL,     POST,  "moderate-deep", "post-effort-ideal" }, END } };
static const RuleCase case_after_hard_typical = {
  RC_KIND_TEMPO, 7, P_TYPICAL, {
    {  0, FORBIDDEN, NONE, "-",             "same-day-run" },
    {  1, SAFE,      POST, "moderate-deep", "after-hard" },
    {  2, IDEAL,     POST, "moderate-deep", "post-effort-ideal" }, END } };
static const RuleCase case_after_hard_slow = {
  RC_KIND_TEMPO, 7, P_SLOW, {
    {  0, FORBIDDEN, NONE, "-",             "same-day-run" },
    {  1, SAFE,      POST, "moderate-deep", "after-hard" },
    {  2, SAFE,      POST, "moderate-deep", "after-hard" },
    {  3, IDEAL,     POST, "moderate-deep", "post-effort-ideal" }, END } };
static const RuleCase case_pre_event_early = {
  RC_KIND_RACE, 10, P_ALL, {
    { -5, IDEAL,     PRE,  "light-moderate", "pre-event-ideal" },
    { -4, SAFE,      PRE,  "light-moderate", "pre-event-early" },
    { -3, SAFE,      PRE,  "light-moderate", "pre-event-early" },
    { -2, FORBIDDEN, NONE, "-",              "race-taper" }, END } };
static const RuleCase case_pre_event_ideal = {
  RC_KIND_RACE, 10, P_ALL, {
    { -8, SAFE,  MAINT, "light-deep",     "" },
    { -7, IDEAL, PRE,   "light-moderate", "pre-event-ideal" },
    { -5, IDEAL, PRE,   "light-moderate", "pre-event-ideal" },
    { -4, SAFE,  PRE,   "light-moderate", "pre-event-early" }, END } };
static const RuleCase case_post_effort_fast = {
  RC_KIND_INTERVALS, 8, P_FAST, {
    {  1, SAFE,  MAINT, "light-deep",    "" },
    {  2, IDEAL, POST,  "moderate-deep", "post-effort-ideal" },
    {  3, IDEAL, POST,  "moderate-deep", "post-effort-ideal" },
    {  4, SAFE,  MAINT, "light-deep",    "" }, END } };
static const RuleCase case_post_effort_typical = {
  RC_KIND_INTERVALS, 8, P_TYPICAL, {
    {  1, SAFE,  POST,  "moderate-deep", "after-hard" },
    {  2, IDEAL, POST,  "moderate-deep", "post-effort-ideal" },
    {  3, IDEAL, POST,  "moderate-deep", "post-effort-ideal" },
    {  4, SAFE,  MAINT, "light-deep",    "" }, END } };
static const RuleCase case_post_effort_slow = {
  RC_KIND_INTERVALS, 8, P_SLOW, {
    {  2, SAFE,  POST,  "moderate-deep", "after-hard" },
    {  3, IDEAL, POST,  "moderate-deep", "post-effort-ideal" },
    {  4, IDEAL, POST,  "moderate-deep", "post-effort-ideal" },
    {  5, SAFE,  MAINT, "light-deep",    "" }, END } };
static const RuleCase case_post_race = {
  RC_KIND_RACE, 10, P_FAST | P_TYPICAL, {
    {  1, FORBIDDEN, NONE,  "-",             "after-race" },
    {  2, IDEAL,     POST,  "moderate-deep", "post-effort-ideal" },
    {  3, IDEAL,     POST,  "moderate-deep", "post-effort-ideal" },
    {  4, SAFE,      MAINT, "light-deep",    "" }, END } };
static const RuleCase case_post_race_slow = {
  RC_KIND_RACE, 10, P_SLOW, {
    {  2, FORBIDDEN, NONE,  "-",             "after-race" },
    {  3, IDEAL,     POST,  "moderate-deep", "post-effort-ideal" },
    {  4, IDEAL,     POST,  "moderate-deep", "post-effort-ideal" },
    {  5, SAFE,      MAINT, "light-deep",    "" }, END } };
static const RuleCase case_rest_day = {
  RC_KIND_REST, RC_NONE, P_ALL, {
    { -1, SAFE,  MAINT, "light-deep", "" },
    {  0, IDEAL, MAINT, "light-deep", "rest-day" },
    {  1, SAFE,  MAINT, "light-deep", "" }, END } };

static void
test_rule_case (gconstpointer data)
{
  const RuleCase *c = data;
  RcDay t = rc_day_from_iso ("2026-12-16");

  for (RcProfile p = 0; p < RC_N_PROFILES; p++)
    {
      g_autoptr(GPtrArray) plan = plan_new ();
      g_autoptr(GArray) advice = NULL;
      RcEntry *entry;

      if ((c->profiles & (1u << p)) == 0)
        continue;
      g_test_message ("profile %s", rc_profile_to_string (p));
      entry = plan_add_rpe (plan, t, c->kind, c->rpe);
      advice = advise (plan, t - 10, t + 10, p);
      for (guint i = 0; c->days[i].rules != NULL; i++)
        {
          const RcAdvice *a = advice_on (advice, t + c->days[i].d);

          g_auto(GStrv) reasons = rc_advice_reasons (a);
          g_autofree char *words = rc_day_format (t, "%a %-d %b");
          g_autofree char *opening = g_strdup_printf ("%s on %s", rc_kind_label (c->kind), words);
          int d = c->days[i].d;
          g_autofree char *distance =
            d > 0 ? g_strdup_printf (" was %d day%s ago: ", d, d > 1 ? "s" : "")
                  : d < -1 ? g_strdup_printf (" is in %d days: ", -d)
                           : g_strdup (d == -1 ? " is the next day: " : " is on the same day: ");

          assert_advice (a, &c->days[i]);
          for (RcRule r = 0; r < RC_N_RULES; r++)
            g_assert_true (a->trigger[r] == NULL || a->trigger[r] == entry);
          /* each reason names the entry, its date, and how far it is */
          for (guint k = 0; reasons[k] != NULL; k++)
            {
              g_test_message ("%s", reasons[k]);
              g_assert_true (g_str_has_prefix (reasons[k], opening));
              if (c->kind != RC_KIND_REST)
                g_assert_nonnull (strstr (reasons[k], distance));
            }
          if (p == RC_PROFILE_SLOW && rc_advice_has_rule (a, RC_RULE_POST_EFFORT_IDEAL))
            g_assert_nonnull (strstr (reasons[0], "slow recovery"));
        }
    }
}

/* ---- the worked example of rules-spec.md -------------------------------- */

static GPtrArray *
worked_example (RcDay mon)
{
  static const int kinds[16] = {
    RC_KIND_REST, RC_KIND_INTERVALS, RC_KIND_EASY, RC_KIND_TEMPO, RC_KIND_REST, RC_KIND_LONG, -1,
    -1, RC_KIND_EASY, RC_KIND_REST, -1, -1, RC_KIND_RACE, -1, -1, -1,
  };
  GPtrArray *plan = plan_new ();

  for (int i = 0; i < 16; i++)
    if (kinds[i] >= 0)
      plan_add (plan, mon + i, (RcKind) kinds[i]);
  return plan;
}

static const Expect worked[16] = {
  { 0,  FORBIDDEN, NONE, "-",              "eve-of-quality rest-day" },
  { 1,  FORBIDDEN, NONE, "-",              "same-day-run eve-of-run" },
  { 2,  FORBIDDEN, NONE, "-",              "same-day-run eve-of-quality after-hard" },
  { 3,  FORBIDDEN, NONE, "-",              "same-day-run post-effort-ideal" },
  { 4,  FORBIDDEN, NONE, "-",              "eve-of-quality after-hard post-effort-ideal rest-day" },
  { 5,  FORBIDDEN, NONE, "-",              "same-day-run pre-event-ideal post-effort-ideal" },
  { 6,  SAFE,      PRE,  "light-moderate", "after-hard pre-event-ideal post-effort-ideal" },
  { 7,  SAFE,      PRE,  "light-moderate", "eve-of-run pre-event-ideal post-effort-ideal" },
  { 8,  FORBIDDEN, NONE, "-",              "same-day-run pre-event-early post-effort-ideal" },
  { 9,  SAFE,      PRE,  "light-moderate", "pre-event-early rest-day" },
  { 10, FORBIDDEN, NONE, "-",              "race-taper" },
  { 11, FORBIDDEN, NONE, "-",              "eve-of-quality" },
  { 12, FORBIDDEN, NONE, "-",              "same-day-run" },
  { 13, FORBIDDEN, NONE, "-",              "after-race" },
  { 14, IDEAL,     POST, "moderate-deep",  "post-effort-ideal" },
  { 15, IDEAL,     POST, "moderate-deep",  "post-effort-ideal" },
};

static void
test_worked_example (void)
{
  RcDay mon = rc_day_from_iso ("2026-12-07");
  g_autoptr(GPtrArray) plan = worked_example (mon);
  g_autoptr(GArray) advice = advise (plan, mon, mon + 15, RC_PROFILE_TYPICAL);

  g_assert_cmpint (rc_day_weekday (mon), ==, G_DATE_MONDAY);
  for (guint i = 0; i < 16; i++)
    assert_advice (advice_on (advice, mon + i), &worked[i]);

  /* no massage booked: due once training stands in the 28 days before */
  g_assert_false (advice_on (advice, mon)->due);
  g_assert_false (advice_on (advice, mon + 1)->due);   /* only a rest day before */
  for (guint i = 2; i < 16; i++)
    g_assert_true (advice_on (advice, mon + i)->due);

  /* no ideal day in weeks 1 and 2: the earliest safe one; week 3: the earliest ideal */
  for (guint i = 0; i < 16; i++)
    g_assert_true (advice_on (advice, mon + i)->best == (i == 6 || i == 7 || i == 14));
}

static void
test_worked_example_words (void)
{
  RcDay mon = rc_day_from_iso ("2026-12-07");
  g_autoptr(GPtrArray) plan = worked_example (mon);
  g_autoptr(GArray) advice = advise (plan, mon, mon + 15, RC_PROFILE_TYPICAL);
  g_auto(GStrv) mon21 = rc_advice_reasons (advice_on (advice, mon + 14));
  g_auto(GStrv) thu10 = rc_advice_reasons (advice_on (advice, mon + 3));
  g_auto(GStrv) thu17 = rc_advice_reasons (advice_on (advice, mon + 10));
  g_auto(GStrv) wed9 = rc_advice_reasons (advice_on (advice, mon + 2));
  g_autofree char *sun13 = rc_advice_minutes_text (advice_on (advice, mon + 6));
  g_autofree char *tue22 = rc_advice_minutes_text (advice_on (advice, mon + 15));
  g_autofree char *sat19 = rc_advice_minutes_text (advice_on (advice, mon + 12));

  /* the sentence of cli.md's example, word for word */
  g_assert_cmpuint (g_strv_length (mon21), ==, 1);
  g_assert_cmpstr (mon21[0], ==,
                   "Race on Sat 19 Dec was 2 days ago: 2-3 days after a race is the time for post-event massage");
  g_assert_cmpuint (g_strv_length (thu10), ==, 2);
  g_assert_true (g_str_has_prefix (thu10[0], "Tempo run on Thu 10 Dec is on the same day: "));
  g_assert_cmpstr (thu10[1], ==,
                   "Intervals on Tue 8 Dec was 2 days ago: 48-72 h after a hard effort is the best time for recovery massage");
  g_assert_true (g_str_has_prefix (thu17[0], "Race on Sat 19 Dec is in 2 days: "));
  /* table order, each naming its own trigger */
  g_assert_cmpuint (g_strv_length (wed9), ==, 3);
  g_assert_true (g_str_has_prefix (wed9[0], "Easy run on Wed 9 Dec is on the same day"));
  g_assert_true (g_str_has_prefix (wed9[1], "Tempo run on Thu 10 Dec is the next day"));
  g_assert_true (g_str_has_prefix (wed9[2], "Intervals on Tue 8 Dec was 1 day ago"));

  g_assert_cmpstr (sun13, ==, "30-45 minutes");
  g_assert_nonnull (strstr (tue22, "60 minutes"));
  g_assert_nonnull (strstr (tue22, "default"));
  g_assert_null (sat19);

  /* pressure in words, for the middle of a sentence */
  g_assert_cmpstr (rc_advice_pressure_text (advice_on (advice, mon + 6)), ==, "light to moderate");
  g_assert_cmpstr (rc_advice_pressure_text (advice_on (advice, mon + 15)), ==, "moderate to deep");
  g_assert_null (rc_advice_pressure_text (advice_on (advice, mon + 12)));
}

/* Every range the rules can give reads as words, the eve-of-run cap included. */
static void
test_pressure_words (void)
{
  RcDay d = rc_day_from_iso ("2027-01-13");
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  g_autoptr(GArray) advice = NULL;

  /* a hard session on D-2 (post-run) and an easy run on D+1 (cap at moderate) */
  g_ptr_array_add (plan, rc_entry_new (d - 2, RC_KIND_TEMPO));
  g_ptr_array_add (plan, rc_entry_new (d + 1, RC_KIND_EASY));
  advice = advise (plan, d, d, RC_PROFILE_TYPICAL);
  g_assert_cmpint (advice_on (advice, d)->pressure_max, ==, RC_PRESSURE_MODERATE);
  g_assert_cmpstr (rc_advice_pressure_text (advice_on (advice, d)), ==, "moderate");

  /* nothing planned: maintenance, tailored from light to deep */
  g_clear_pointer (&advice, g_array_unref);
  advice = advise (plan, d + 20, d + 20, RC_PROFILE_TYPICAL);
  g_assert_cmpstr (rc_advice_pressure_text (advice_on (advice, d + 20)), ==, "light to deep");
}

/* ---- several rules, several entries ------------------------------------ */

static void
test_precedence (void)
{
  RcDay d = rc_day_from_iso ("2027-01-13");
  static const Expect forbid_cap_ideal = {
    0, FORBIDDEN, NONE, "-", "same-day-run pre-event-early post-effort-ideal" };
  static const Expect cap_ideal = { 0, SAFE, MAINT, "light-moderate", "eve-of-run rest-day" };
  static const Expect cap_over_post = {
    0, SAFE, POST, "moderate-moderate", "eve-of-run post-effort-ideal" };
  static const Expect pre_over_post = {
    0, IDEAL, PRE, "light-moderate", "pre-event-ideal post-effort-ideal rest-day" };
  static const Expect early_over_ideal = {
    0, SAFE, PRE, "light-moderate", "after-hard pre-event-early post-effort-ideal" };

  {
    g_autoptr(GPtrArray) plan = plan_new ();
    g_autoptr(GArray) a = NULL;

    plan_add (plan, d, RC_KIND_EASY);
    plan_add (plan, d + 3, RC_KIND_RACE);
    plan_add (plan, d - 2, RC_KIND_TEMPO);
    a = advise (plan, d, d, RC_PROFILE_TYPICAL);
    assert_advice (advice_on (a, d), &forbid_cap_ideal);
  }
  {
    g_autoptr(GPtrArray) plan = plan_new ();
    g_autoptr(GArray) a = NULL;

    plan_add (plan, d, RC_KIND_REST);
    plan_add (plan, d + 1, RC_KIND_EASY);
    a = advise (plan, d, d, RC_PROFILE_TYPICAL);
    assert_advice (advice_on (a, d), &cap_ideal);
  }
  {
    g_autoptr(GPtrArray) plan = plan_new ();
    g_autoptr(GArray) a = NULL;

    plan_add (plan, d - 3, RC_KIND_LONG);
    plan_add (plan, d + 1, RC_KIND_EASY);
    a = advise (plan, d, d, RC_PROFILE_TYPICAL);
    assert_advice (advice_on (a, d), &cap_over_post);
  }
  {
    g_autoptr(GPtrArray) plan = plan_new ();
    g_autoptr(GArray) a = NULL;

    plan_add (plan, d, RC_KIND_REST);
    plan_add (plan, d + 6, RC_KIND_RACE);
    plan_add (plan, d - 2, RC_KIND_INTERVALS);
    a = advise (plan, d, d, RC_PROFILE_TYPICAL);
    assert_advice (advice_on (a, d), &pre_over_post);
  }
  {
    g_autoptr(GPtrArray) plan = plan_new ();
    g_autoptr(GArray) a = NULL;

    plan_add (plan, d - 1, RC_KIND_TEMPO);
    plan_add (plan, d - 3, RC_KIND_LONG);
    plan_add (plan, d + 4, RC_KIND_RACE);
    a = advise (plan, d, d, RC_PROFILE_TYPICAL);
    assert_advice (advice_on (a, d), &early_over_ideal);
  }
}

static void
test_several_per_day (void)
{
  RcDay d = rc_day_from_iso ("2027-02-10");
  g_autoptr(GPtrArray) plan = plan_new ();
  g_autoptr(GPtrArray) reversed = g_ptr_array_new ();
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) again = NULL;
  RcEntry *rest, *hard_am, *hard_pm, *race5, *race7;
  static const Expect rest_and_run = { 0, FORBIDDEN, NONE, "-", "same-day-run rest-day" };
  static const Expect eve = { -1, SAFE, MAINT, "light-moderate", "eve-of-run" };

  /* D: a rest day with an easy run in it */
  rest = plan_add (plan, d, RC_KIND_REST);
  plan_add (plan, d, RC_KIND_EASY);
  /* D-20: a tempo run, a long run and a race; D-22: another race */
  hard_pm = plan_add (plan, d - 20, RC_KIND_TEMPO);
  hard_pm->time = 19 * 60;
  hard_am = plan_add (plan, d - 20, RC_KIND_LONG);
  hard_am->time = 6 * 60;
  race7 = plan_add (plan, d - 20, RC_KIND_RACE);
  race7->time = 12 * 60;
  race5 = plan_add (plan, d - 22, RC_KIND_RACE);

  a = advise (plan, d - 30, d + 3, RC_PROFILE_TYPICAL);
  assert_advice (advice_on (a, d), &rest_and_run);
  g_assert_true (advice_on (a, d)->trigger[RC_RULE_REST_DAY] == rest);
  assert_advice (advice_on (a, d - 1), &eve);
  /* looking ahead, the earliest entry of the day is the nearest */
  g_assert_true (advice_on (a, d - 21)->trigger[RC_RULE_EVE_OF_QUALITY] == hard_am);
  /* looking back, the latest entry of the day is the nearest */
  g_assert_true (advice_on (a, d - 19)->trigger[RC_RULE_AFTER_RACE] == race7);
  g_assert_true (advice_on (a, d - 19)->trigger[RC_RULE_AFTER_HARD] == hard_pm);
  g_assert_true (advice_on (a, d - 18)->trigger[RC_RULE_POST_EFFORT_IDEAL] == hard_pm);
  /* looking ahead, the nearer race of two (5 and 7 days after D-27) */
  g_assert_true (advice_on (a, d - 27)->trigger[RC_RULE_PRE_EVENT_IDEAL] == race5);
  g_assert_true (advice_on (a, d - 25)->trigger[RC_RULE_PRE_EVENT_EARLY] == race5);

  /* the same plan in reverse order: the same advice, the same triggers */
  for (guint i = plan->len; i-- > 0;)
    g_ptr_array_add (reversed, plan->pdata[i]);
  again = advise (reversed, d - 30, d + 3, RC_PROFILE_TYPICAL);
  for (guint i = 0; i < a->len; i++)
    assert_advice_equal (&g_array_index (a, RcAdvice, i), &g_array_index (again, RcAdvice, i));
}

static void
test_eve_triggers (void)
{
  RcDay d = rc_day_from_iso ("2027-02-10");
  g_autoptr(GPtrArray) plan = plan_new ();
  g_autoptr(GArray) a = NULL;
  RcEntry *easy, *intervals;
  g_auto(GStrv) reasons = NULL;
  static const Expect eve = { 0, FORBIDDEN, NONE, "-", "eve-of-quality eve-of-run" };

  intervals = plan_add (plan, d + 1, RC_KIND_INTERVALS);
  intervals->time = 18 * 60;
  easy = plan_add (plan, d + 1, RC_KIND_EASY);
  easy->time = 7 * 60;
  a = advise (plan, d, d, RC_PROFILE_TYPICAL);
  assert_advice (advice_on (a, d), &eve);
  g_assert_true (advice_on (a, d)->trigger[RC_RULE_EVE_OF_QUALITY] == intervals);
  g_assert_true (advice_on (a, d)->trigger[RC_RULE_EVE_OF_RUN] == easy);
  reasons = rc_advice_reasons (advice_on (a, d));
  g_assert_true (g_str_has_prefix (reasons[0], "Intervals on Thu 11 Feb is the next day"));
  g_assert_true (g_str_has_prefix (reasons[1], "Easy run on Thu 11 Feb is the next day"));
}

static void
test_rpe_promotion (void)
{
  RcDay d = rc_day_from_iso ("2027-05-05");
  static const struct {
    RcKind      kind;
    int         rpe;
    const char *eve;      /* the rules on D-1 */
    const char *after;    /* the rules on D+1 */
    const char *same;     /* the rules on D */
  } table[] = {
    { RC_KIND_EASY,  6,       "eve-of-run",     "",           "same-day-run" },
    { RC_KIND_EASY,  7,       "eve-of-quality", "after-hard", "same-day-run" },
    { RC_KIND_CROSS, 6,       "",               "",           "" },
    { RC_KIND_CROSS, 7,       "eve-of-quality", "after-hard", "same-day-run" },
    { RC_KIND_CROSS, RC_NONE, "",               "",           "" },
    { RC_KIND_LONG,  3,       "eve-of-quality", "after-hard", "same-day-run" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(GPtrArray) plan = plan_new ();
      g_autoptr(GArray) a = NULL;
      g_autofree char *eve = NULL, *after = NULL, *same = NULL;

      plan_add_rpe (plan, d, table[i].kind, table[i].rpe);
      a = advise (plan, d - 1, d + 2, RC_PROFILE_TYPICAL);
      eve = rules_string (advice_on (a, d - 1));
      after = rules_string (advice_on (a, d + 1));
      same = rules_string (advice_on (a, d));
      g_test_message ("%s rpe %d", rc_kind_to_string (table[i].kind), table[i].rpe);
      g_assert_cmpstr (eve, ==, table[i].eve);
      g_assert_cmpstr (after, ==, table[i].after);
      g_assert_cmpstr (same, ==, table[i].same);
      /* a promoted session also opens the post-effort window */
      g_assert_true (rc_advice_has_rule (advice_on (a, d + 2), RC_RULE_POST_EFFORT_IDEAL) ==
                     (strcmp (table[i].after, "after-hard") == 0));
    }
}

/* ---- advisories ---------------------------------------------------------- */

static RcDay
best_of_week (GArray *advice,
              RcDay   monday)
{
  RcDay best = RC_DAY_INVALID;

  for (RcDay d = monday; d < monday + 7; d++)
    if (advice_on (advice, d)->best)
      {
        g_assert_cmpuint (best, ==, RC_DAY_INVALID);
        best = d;
      }
  return best;
}

static void
test_best_day (void)
{
  RcDay mon = rc_day_from_iso ("2027-06-07");
  g_autoptr(GPtrArray) plan = plan_new ();
  g_autoptr(GArray) a = NULL;
  RcEntry *intervals, *lng;

  g_assert_cmpint (rc_day_weekday (mon), ==, G_DATE_MONDAY);
  /* Mon intervals, Fri long: ideal on Wed (Mon+2) and Sun (Fri+2) */
  intervals = plan_add (plan, mon, RC_KIND_INTERVALS);
  intervals->rpe = 8;
  intervals->minutes = 60;
  lng = plan_add (plan, mon + 4, RC_KIND_LONG);
  lng->rpe = 7;
  lng->minutes = 150;
  a = advise (plan, mon, mon + 6, RC_PROFILE_TYPICAL);
  g_assert_cmpint (advice_on (a, mon + 2)->verdict, ==, RC_VERDICT_IDEAL);
  g_assert_cmpint (advice_on (a, mon + 6)->verdict, ==, RC_VERDICT_IDEAL);
  /* the long run is the hardest (1050 > 480): 2 days after it beats the earliest ideal */
  g_assert_cmpuint (best_of_week (a, mon), ==, mon + 6);
  g_clear_pointer (&a, g_array_unref);

  /* make the intervals the hardest (1200 > 1050): Wednesday */
  intervals->rpe = 10;
  intervals->minutes = 120;
  a = advise (plan, mon, mon + 6, RC_PROFILE_TYPICAL);
  g_assert_cmpuint (best_of_week (a, mon), ==, mon + 2);
  g_clear_pointer (&a, g_array_unref);

  /* asked for a part of the week only: the best day is still the week's */
  intervals->rpe = 8;
  intervals->minutes = 60;
  a = advise (plan, mon + 1, mon + 3, RC_PROFILE_TYPICAL);
  for (RcDay d = mon + 1; d <= mon + 3; d++)
    g_assert_false (advice_on (a, d)->best);
  g_clear_pointer (&a, g_array_unref);
  {
    RcAdvice one;

    rc_rules_advise_day ((const RcEntry * const *) plan->pdata, plan->len, mon + 6,
                         RC_PROFILE_TYPICAL, G_DATE_MONDAY, &one);
    g_assert_true (one.best);
    rc_rules_advise_day ((const RcEntry * const *) plan->pdata, plan->len, mon + 2,
                         RC_PROFILE_TYPICAL, G_DATE_MONDAY, &one);
    g_assert_false (one.best);
  }
  (void) lng;
}

static void
test_best_day_fallbacks (void)
{
  RcDay mon = rc_day_from_iso ("2027-06-07");

  {
    /* nothing planned: every day safe, the earliest is best */
    g_autoptr(GPtrArray) plan = plan_new ();
    g_autoptr(GArray) a = advise (plan, mon, mon + 6, RC_PROFILE_TYPICAL);

    g_assert_cmpuint (best_of_week (a, mon), ==, mon);
  }
  {
    /* a run every day but Thursday: only Thursday, which is safe at best */
    g_autoptr(GPtrArray) plan = plan_new ();
    g_autoptr(GArray) a = NULL;

    for (RcDay d = mon - 7; d < mon + 14; d++)
      if (d != mon + 3)
        plan_add (plan, d, RC_KIND_EASY);
    a = advise (plan, mon, mon + 6, RC_PROFILE_TYPICAL);
    g_assert_cmpint (advice_on (a, mon + 3)->verdict, ==, RC_VERDICT_SAFE);
    g_assert_cmpuint (best_of_week (a, mon), ==, mon + 3);
  }
  {
    /* all forbidden: no best day at all */
    g_autoptr(GPtrArray) plan = plan_new ();
    g_autoptr(GArray) a = NULL;

    for (RcDay d = mon - 7; d < mon + 14; d++)
      plan_add (plan, d, RC_KIND_EASY);
    a = advise (plan, mon, mon + 6, RC_PROFILE_TYPICAL);
    g_assert_cmpuint (best_of_week (a, mon), ==, RC_DAY_INVALID);
  }
  {
    /* the earliest ideal day when none falls 2-3 days after the hardest entry */
    g_autoptr(GPtrArray) plan = plan_new ();
    g_autoptr(GArray) a = NULL;

    plan_add (plan, mon + 1, RC_KIND_REST);
    plan_add (plan, mon + 3, RC_KIND_REST);
    plan_add (plan, mon + 6, RC_KIND_TEMPO);
    a = advise (plan, mon, mon + 6, RC_PROFILE_TYPICAL);
    g_assert_cmpuint (best_of_week (a, mon), ==, mon + 1);
  }
  {
    /* weeks starting on Sunday: the Sunday before is the earliest safe day */
    g_autoptr(GPtrArray) plan = plan_new ();
    g_autoptr(GArray) sun = rc_rules_advise_range ((const RcEntry * const *) plan->pdata, 0,
                                                   mon - 1, mon + 5, RC_PROFILE_TYPICAL,
                                                   G_DATE_SUNDAY);
    g_autoptr(GArray) monday = advise (plan, mon - 1, mon + 5, RC_PROFILE_TYPICAL);

    g_assert_true (advice_on (sun, mon - 1)->best);
    g_assert_false (advice_on (sun, mon)->best);
    g_assert_false (advice_on (monday, mon - 1)->best);
    g_assert_true (advice_on (monday, mon)->best);
  }
}

static void
test_hardest_entry (void)
{
  RcDay mon = rc_day_from_iso ("2027-06-07");
  g_autoptr(GPtrArray) plan = plan_new ();
  const RcEntry * const *e;
  RcEntry *lng, *race, *tempo, *easy;

  lng = plan_add (plan, mon, RC_KIND_LONG);
  lng->rpe = 8;
  lng->minutes = 150;                   /* 1200 */
  tempo = plan_add (plan, mon + 2, RC_KIND_TEMPO);
  tempo->rpe = 8;
  tempo->minutes = 150;                 /* 1200 too, but later */
  easy = plan_add (plan, mon + 1, RC_KIND_EASY);
  easy->rpe = RC_NONE;                  /* the kind's default: 3 x 45 */
  easy->minutes = RC_NONE;
  plan_add (plan, mon + 3, RC_KIND_REST);
  plan_add (plan, mon + 4, RC_KIND_MASSAGE);
  e = (const RcEntry * const *) plan->pdata;

  g_assert_true (rc_rules_hardest_entry (e, plan->len, mon, mon + 6) == lng);
  g_assert_true (rc_rules_hardest_entry (e, plan->len, mon + 1, mon + 6) == tempo);
  g_assert_true (rc_rules_hardest_entry (e, plan->len, mon + 1, mon + 1) == easy);
  g_assert_null (rc_rules_hardest_entry (e, plan->len, mon + 3, mon + 4));

  /* a short race beats everything */
  race = plan_add (plan, mon + 5, RC_KIND_RACE);
  race->rpe = 9;
  race->minutes = 20;
  e = (const RcEntry * const *) plan->pdata;
  g_assert_true (rc_rules_hardest_entry (e, plan->len, mon, mon + 6) == race);
}

static void
test_due (void)
{
  RcDay t = rc_day_from_iso ("2027-09-01");
  g_autoptr(GPtrArray) plan = plan_new ();
  g_autoptr(GArray) a = NULL;

  plan_add (plan, t, RC_KIND_EASY);
  plan_add (plan, t + 60, RC_KIND_REST);          /* rest is not training */
  plan_add (plan, t + 100, RC_KIND_CROSS);
  plan_add (plan, t + 110, RC_KIND_MASSAGE);
  a = advise (plan, t - 5, t + 160, RC_PROFILE_TYPICAL);

  g_assert_false (advice_on (a, t)->due);
  g_assert_true (advice_on (a, t + 1)->due);
  g_assert_true (advice_on (a, t + 28)->due);
  g_assert_false (advice_on (a, t + 29)->due);
  g_assert_false (advice_on (a, t + 61)->due);
  /* cross on t+100, massage on t+110: due t+101..t+110 (the day itself does not count) */
  g_assert_false (advice_on (a, t + 100)->due);
  g_assert_true (advice_on (a, t + 101)->due);
  g_assert_true (advice_on (a, t + 110)->due);
  g_assert_false (advice_on (a, t + 111)->due);
  g_assert_false (advice_on (a, t + 128)->due);
  g_assert_false (advice_on (a, t + 138)->due);
}

static void
test_due_with_massages (void)
{
  RcDay t = rc_day_from_iso ("2027-09-01");
  g_autoptr(GPtrArray) plan = plan_new ();
  g_autoptr(GArray) a = NULL;

  /* training every other day; a massage on t+10 covers t+11..t+38 */
  for (RcDay d = t; d < t + 80; d += 2)
    plan_add (plan, d, RC_KIND_EASY);
  plan_add (plan, t + 10, RC_KIND_MASSAGE);
  a = advise (plan, t + 5, t + 45, RC_PROFILE_TYPICAL);
  g_assert_true (advice_on (a, t + 10)->due);
  g_assert_false (advice_on (a, t + 11)->due);
  g_assert_false (advice_on (a, t + 38)->due);
  g_assert_true (advice_on (a, t + 39)->due);
}

static void
test_conflicts (void)
{
  RcDay mon = rc_day_from_iso ("2026-12-07");
  g_autoptr(GPtrArray) plan = worked_example (mon);
  g_autoptr(GPtrArray) bare = worked_example (mon);
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  RcEntry *on_forbidden, *wrong_kind, *fitting, *untyped, *ideal_ok;
  g_auto(GStrv) tue = NULL;
  g_auto(GStrv) mon14 = NULL;
  g_auto(GStrv) none = NULL;

  on_forbidden = plan_add (plan, mon + 1, RC_KIND_MASSAGE);     /* Tue 8: forbidden */
  on_forbidden->time = 18 * 60 + 30;
  wrong_kind = plan_add (plan, mon + 7, RC_KIND_MASSAGE);       /* Mon 14: pre-event day */
  wrong_kind->massage = RC_MASSAGE_POST_RUN;
  fitting = plan_add (plan, mon + 7, RC_KIND_MASSAGE);
  fitting->massage = RC_MASSAGE_PRE_EVENT;
  untyped = plan_add (plan, mon + 9, RC_KIND_MASSAGE);          /* Wed 16: safe */
  untyped->massage = RC_MASSAGE_NONE;
  ideal_ok = plan_add (plan, mon + 14, RC_KIND_MASSAGE);        /* Mon 21: post-run */
  ideal_ok->massage = RC_MASSAGE_POST_RUN;

  a = advise (plan, mon, mon + 15, RC_PROFILE_TYPICAL);
  b = advise (bare, mon, mon + 15, RC_PROFILE_TYPICAL);

  /* appointments never change a day's colour, kind or rules */
  for (guint i = 0; i < 16; i++)
    {
      const RcAdvice *x = advice_on (a, mon + i), *y = advice_on (b, mon + i);

      g_assert_cmpint (x->verdict, ==, y->verdict);
      g_assert_cmpint (x->massage, ==, y->massage);
      g_assert_cmpuint (x->rules, ==, y->rules);
      g_assert_true (x->best == y->best);
    }

  g_assert_cmpuint (advice_on (a, mon + 1)->n_conflicts, ==, 1);
  g_assert_true (advice_on (a, mon + 1)->conflict[0] == on_forbidden);
  g_assert_cmpuint (advice_on (a, mon + 7)->n_conflicts, ==, 1);
  g_assert_true (advice_on (a, mon + 7)->conflict[0] == wrong_kind);
  g_assert_cmpuint (advice_on (a, mon + 9)->n_conflicts, ==, 0);
  g_assert_cmpuint (advice_on (a, mon + 14)->n_conflicts, ==, 0);
  g_assert_cmpuint (advice_on (a, mon + 2)->n_conflicts, ==, 0);

  tue = rc_advice_conflicts (advice_on (a, mon + 1));
  g_assert_cmpuint (g_strv_length (tue), ==, 1);
  g_assert_true (g_str_has_prefix (tue[0], "Maintenance massage on Tue 8 Dec at 18:30 is booked on a forbidden day"));
  mon14 = rc_advice_conflicts (advice_on (a, mon + 7));
  g_assert_cmpuint (g_strv_length (mon14), ==, 1);
  g_assert_true (g_str_has_prefix (mon14[0], "Post-run massage on Mon 14 Dec is not the kind this day suggests"));
  g_assert_nonnull (strstr (mon14[0], "Pre-event massage"));
  none = rc_advice_conflicts (advice_on (a, mon + 14));
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  /* a massage in the 28 days before: not due */
  g_assert_false (advice_on (a, mon + 2)->due);
  g_assert_true (advice_on (b, mon + 2)->due);
}

static void
test_many_conflicts (void)
{
  RcDay d = rc_day_from_iso ("2027-03-03");
  g_autoptr(GPtrArray) plan = plan_new ();
  g_autoptr(GArray) a = NULL;
  g_auto(GStrv) sentences = NULL;

  plan_add (plan, d, RC_KIND_RACE);
  for (int i = 0; i < 6; i++)
    plan_add (plan, d, RC_KIND_MASSAGE)->time = 8 * 60 + i;
  a = advise (plan, d, d, RC_PROFILE_TYPICAL);
  g_assert_cmpuint (advice_on (a, d)->n_conflicts, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_true (advice_on (a, d)->conflict[i] == plan->pdata[i + 1]);
  sentences = rc_advice_conflicts (advice_on (a, d));
  g_assert_cmpuint (g_strv_length (sentences), ==, 4);
}

static void
test_bad_arguments (void)
{
  RcDay d = rc_day_from_iso ("2027-03-03");

  if (g_test_subprocess ())
    {
      GArray *a = rc_rules_advise_range (NULL, 0, d + 1, d, RC_PROFILE_TYPICAL, G_DATE_MONDAY);

      g_assert_null (a);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*first <= last*");
}

static void
test_calendar_ends (void)
{
  RcDay last_day = rc_day_from_iso ("9999-12-31");

  /* the first days of the calendar, whatever day the week starts on */
  for (GDateWeekday w = G_DATE_MONDAY; w <= G_DATE_SUNDAY; w++)
    {
      g_autoptr(GPtrArray) plan = plan_new ();
      g_autoptr(GArray) a = NULL;

      plan_add (plan, 3, RC_KIND_RACE);
      plan_add (plan, 1, RC_KIND_REST);
      a = rc_rules_advise_range ((const RcEntry * const *) plan->pdata, plan->len, 1, 20,
                                 RC_PROFILE_SLOW, w);
      g_assert_cmpuint (a->len, ==, 20);
      g_assert_cmpint (advice_on (a, 1)->verdict, ==, RC_VERDICT_FORBIDDEN);   /* race-taper */
      g_assert_cmpint (advice_on (a, 5)->verdict, ==, RC_VERDICT_FORBIDDEN);   /* after-race, slow */
      g_assert_cmpint (advice_on (a, 6)->verdict, ==, RC_VERDICT_IDEAL);
      for (guint i = 0; i < a->len; i++)
        assert_consistent (&g_array_index (a, RcAdvice, i));
    }
  {
    g_autoptr(GPtrArray) plan = plan_new ();
    g_autoptr(GArray) a = NULL;

    plan_add (plan, last_day, RC_KIND_RACE);
    a = advise (plan, last_day - 10, last_day, RC_PROFILE_TYPICAL);
    g_assert_cmpint (advice_on (a, last_day - 6)->verdict, ==, RC_VERDICT_IDEAL);
    g_assert_cmpint (advice_on (a, last_day)->verdict, ==, RC_VERDICT_FORBIDDEN);
  }
}

/* ---- the same plan across a clock change, a year end, a leap day --------- */

/* Each one a Monday two weeks before (or around) the change it crosses. */
static const char *shifted_starts[] = {
  "2027-03-08",   /* Havana springs forward at midnight on Sun 14 Mar */
  "2027-03-22",   /* London springs forward on Sun 28 Mar */
  "2027-10-25",   /* London falls back on Sun 31 Oct */
  "2027-11-01",   /* Havana falls back on Sun 7 Nov */
  "2027-12-20",   /* across 31 Dec */
  "2028-02-21",   /* across 29 Feb 2028 */
};

/* The days of the plan as a calendar in the local zone counts them: noon to
 * noon, so a 23- or 25-hour day is still one day. */
static RcDay
local_day (GDateTime *start,
           int        days)
{
  g_autoptr(GDateTime) dt = g_date_time_add_days (start, days);

  return rc_day_from_ymd (g_date_time_get_year (dt), g_date_time_get_month (dt),
                          g_date_time_get_day_of_month (dt));
}

static void
assert_same_advice (const RcAdvice *x,
                    const RcAdvice *ref,
                    GDateTime      *start,
                    int             offset)
{
  g_auto(GStrv) reasons = rc_advice_reasons (x);

  g_assert_cmpint (x->verdict, ==, ref->verdict);
  g_assert_cmpint (x->massage, ==, ref->massage);
  g_assert_cmpint (x->pressure_min, ==, ref->pressure_min);
  g_assert_cmpint (x->pressure_max, ==, ref->pressure_max);
  g_assert_cmpint (x->minutes_min, ==, ref->minutes_min);
  g_assert_cmpuint (x->rules, ==, ref->rules);
  g_assert_true (x->due == ref->due);
  g_assert_true (x->best == ref->best);
  for (RcRule r = 0; r < RC_N_RULES; r++)
    {
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *words = NULL;
      gboolean named = FALSE;

      if (x->trigger[r] == NULL)
        continue;
      g_assert_cmpint ((gint64) x->trigger[r]->day - x->day, ==,
                       (gint64) ref->trigger[r]->day - ref->day);
      /* the reason names the trigger's local calendar date */
      when = g_date_time_add_days (start, offset + (int) ((gint64) x->trigger[r]->day - x->day));
      words = g_date_time_format (when, "%a %-d %b");
      for (guint i = 0; reasons[i] != NULL; i++)
        named |= strstr (reasons[i], words) != NULL;
      g_assert_true (named);
    }
}

static void
test_shifted_plans (void)
{
  RcDay ref_mon = rc_day_from_iso ("2026-12-07");
  g_autoptr(GPtrArray) ref_plan = worked_example (ref_mon);
  g_autoptr(GArray) ref = advise (ref_plan, ref_mon - 14, ref_mon + 29, RC_PROFILE_TYPICAL);

  g_test_message ("TZ=%s", g_getenv ("TZ") ? g_getenv ("TZ") : "(unset)");
  for (guint s = 0; s < G_N_ELEMENTS (shifted_starts); s++)
    {
      RcDay mon = rc_day_from_iso (shifted_starts[s]);
      GDate date;
      g_autoptr(GDateTime) noon = NULL;
      g_autoptr(GDateTime) after = NULL;
      g_autoptr(GPtrArray) plan = NULL;
      g_autoptr(GArray) a = NULL;

      rc_day_to_gdate (mon, &date);
      noon = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 12, 0, 0);
      after = g_date_time_add_days (noon, 15);
      g_test_message ("%s: UTC offset %+" G_GINT64_FORMAT " s, 15 days later %+" G_GINT64_FORMAT " s",
                      shifted_starts[s], g_date_time_get_utc_offset (noon) / G_USEC_PER_SEC,
                      g_date_time_get_utc_offset (after) / G_USEC_PER_SEC);
      g_assert_cmpint (rc_day_weekday (mon), ==, G_DATE_MONDAY);
      for (int i = -14; i < 30; i++)
        g_assert_cmpuint (local_day (noon, i), ==, mon + i);

      plan = worked_example (mon);
      a = advise (plan, mon - 14, mon + 29, RC_PROFILE_TYPICAL);
      for (guint i = 0; i < a->len; i++)
        assert_same_advice (&g_array_index (a, RcAdvice, i), &g_array_index (ref, RcAdvice, i),
                            noon, (int) i - 14);
      for (guint i = 0; i < 16; i++)
        assert_advice (advice_on (a, mon + i), &worked[i]);
    }
}

/* ---- random plans against an independent reading of the spec ------------ */

static gboolean
spec_forbidden (GPtrArray *plan,
                RcDay      d,
                RcProfile  profile)
{
  for (guint i = 0; i < plan->len; i++)
    {
      const RcEntry *e = plan->pdata[i];
      gint64 k = (gint64) e->day - d;
      gboolean race = e->kind == RC_KIND_RACE;
      gboolean run = race || e->kind == RC_KIND_EASY || e->kind == RC_KIND_LONG ||
                     e->kind == RC_KIND_TEMPO || e->kind == RC_KIND_INTERVALS;
      gboolean hard = race || e->kind == RC_KIND_LONG || e->kind == RC_KIND_TEMPO ||
                      e->kind == RC_KIND_INTERVALS ||
                      ((e->kind == RC_KIND_EASY || e->kind == RC_KIND_CROSS) && e->rpe >= 7);

      if (k == 0 && (run || hard))
        return TRUE;
      if (k == 1 && hard)
        return TRUE;
      if (k == 2 && race)
        return TRUE;
      if (race && (k == -1 || (k == -2 && profile == RC_PROFILE_SLOW)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
spec_due (GPtrArray *plan,
          RcDay      d)
{
  gboolean training = FALSE;

  for (guint i = 0; i < plan->len; i++)
    {
      const RcEntry *e = plan->pdata[i];

      if (e->day >= d || e->day + 28 < d)
        continue;
      if (e->kind == RC_KIND_MASSAGE)
        return FALSE;
      training |= e->kind != RC_KIND_REST;
    }
  return training;
}

static GPtrArray *
random_plan (GRand *rand,
             RcDay  base)
{
  GPtrArray *plan = plan_new ();
  int n = g_rand_int_range (rand, 0, 60);

  for (int i = 0; i < n; i++)
    {
      RcEntry *e = plan_add (plan, base + g_rand_int_range (rand, 0, 80),
                             (RcKind) g_rand_int_range (rand, 0, RC_N_KINDS));

      e->rpe = g_rand_int_range (rand, 0, 4) == 0 ? RC_NONE : g_rand_int_range (rand, 1, 11);
      e->minutes = g_rand_int_range (rand, 0, 4) == 0 ? RC_NONE : g_rand_int_range (rand, 10, 240);
      e->time = g_rand_boolean (rand) ? RC_NONE : g_rand_int_range (rand, 0, 24 * 60);
      if (e->kind == RC_KIND_MASSAGE)
        e->massage = (RcMassage) g_rand_int_range (rand, 0, RC_N_MASSAGES);
    }
  return plan;
}

static void
check_weeks (GArray       *a,
             GDateWeekday  week_start)
{
  const RcAdvice *v = (const RcAdvice *) (void *) a->data;

  for (guint i = 0; i < a->len; i++)
    {
      guint bests = 0, allowed = 0;

      if (rc_day_weekday (v[i].day) != week_start || i + 7 > a->len)
        continue;
      for (guint j = i; j < i + 7; j++)
        {
          bests += v[j].best;
          allowed += v[j].verdict != RC_VERDICT_FORBIDDEN;
        }
      g_assert_cmpuint (bests, ==, allowed > 0 ? 1 : 0);
    }
}

static void
check_random_plan (GRand *rand)
{
  RcDay base = rc_day_from_iso ("2027-12-01") + (RcDay) g_rand_int_range (rand, 0, 400);
  g_autoptr(GPtrArray) plan = random_plan (rand, base);
  g_autoptr(GPtrArray) shuffled = g_ptr_array_new ();
  RcProfile profile = (RcProfile) g_rand_int_range (rand, 0, RC_N_PROFILES);
  GDateWeekday week_start = (GDateWeekday) g_rand_int_range (rand, G_DATE_MONDAY, G_DATE_SUNDAY + 1);
  RcDay first = base + (RcDay) g_rand_int_range (rand, 0, 30);
  RcDay last = first + (RcDay) g_rand_int_range (rand, 0, 70);
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;

  a = rc_rules_advise_range ((const RcEntry * const *) plan->pdata, plan->len, first, last,
                             profile, week_start);
  for (RcDay d = first; d <= last; d++)
    {
      const RcAdvice *x = &g_array_index (a, RcAdvice, d - first);

      g_assert_cmpuint (x->day, ==, d);
      g_assert_true ((x->verdict == RC_VERDICT_FORBIDDEN) == spec_forbidden (plan, d, profile));
      g_assert_true (x->due == spec_due (plan, d));
      assert_consistent (x);
    }
  check_weeks (a, week_start);

  /* any order of the entries, any single day: the same advice */
  for (guint i = 0; i < plan->len; i++)
    g_ptr_array_insert (shuffled, g_rand_int_range (rand, 0, (int) shuffled->len + 1), plan->pdata[i]);
  b = rc_rules_advise_range ((const RcEntry * const *) shuffled->pdata, shuffled->len, first, last,
                             profile, week_start);
  for (guint i = 0; i < a->len; i++)
    {
      const RcAdvice *x = &g_array_index (a, RcAdvice, i), *y = &g_array_index (b, RcAdvice, i);
      RcAdvice one;

      assert_advice_equal (x, y);
      rc_rules_advise_day ((const RcEntry * const *) plan->pdata, plan->len, x->day, profile,
                           week_start, &one);
      assert_advice_equal (&one, x);
      g_assert_cmpmem (one.conflict, sizeof one.conflict, x->conflict, sizeof x->conflict);
    }
}

static void
test_random_plans (void)
{
  const char *env = g_getenv ("RC_TEST_SEED");
  guint32 seed = env != NULL ? (guint32) g_ascii_strtoull (env, NULL, 10) : 20261207;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  g_test_message ("seed %" G_GUINT32_FORMAT " (set RC_TEST_SEED to replay another)", seed);
  for (int i = 0; i < 400; i++)
    check_random_plan (rand);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char     *path;
    const RuleCase *rule_case;
  } rule_cases[] = {
    { "/rules/rule/same-day-run/easy", &case_same_day_easy },
    { "/rules/rule/same-day-run/hard-cross", &case_same_day_hard_cross },
    { "/rules/rule/same-day-run/light-cross", &case_same_day_light_cross },
    { "/rules/rule/eve-of-quality/intervals", &case_eve_of_quality_intervals },
    { "/rules/rule/eve-of-quality/race", &case_eve_of_quality_race },
    { "/rules/rule/eve-of-quality/hard-easy", &case_eve_of_quality_hard_easy },
    { "/rules/rule/race-taper", &case_race_taper },
    { "/rules/rule/after-race/fast-typical", &case_after_race },
    { "/rules/rule/after-race/slow", &case_after_race_slow },
    { "/rules/rule/eve-of-run/easy", &case_eve_of_run },
    { "/rules/rule/eve-of-run/no-rpe", &case_eve_of_run_no_rpe },
    { "/rules/rule/after-hard/fast", &case_after_hard_fast },
    { "/rules/rule/after-hard/typical", &case_after_hard_typical },
    { "/rules/rule/after-hard/slow", &case_after_hard_slow },
    { "/rules/rule/pre-event-early", &case_pre_event_early },
    { "/rules/rule/pre-event-ideal", &case_pre_event_ideal },
    { "/rules/rule/post-effort-ideal/fast", &case_post_effort_fast },
    { "/rules/rule/post-effort-ideal/typical", &case_post_effort_typical },
    { "/rules/rule/post-effort-ideal/slow", &case_post_effort_slow },
    { "/rules/rule/post-effort-ideal/race", &case_post_race },
    { "/rules/rule/post-effort-ideal/race-slow", &case_post_race_slow },
    { "/rules/rule/rest-day", &case_rest_day },
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/classify", test_classify);
  g_test_add_func ("/rules/names", test_names);
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    g_test_add_data_func (rule_cases[i].path, rule_cases[i].rule_case, test_rule_case);
  g_test_add_func ("/rules/worked-example", test_worked_example);
  g_test_add_func ("/rules/worked-example/words", test_worked_example_words);
  g_test_add_func ("/rules/pressure-words", test_pressure_words);
  g_test_add_func ("/rules/precedence", test_precedence);
  g_test_add_func ("/rules/several-per-day", test_several_per_day);
  g_test_add_func ("/rules/eve-triggers", test_eve_triggers);
  g_test_add_func ("/rules/rpe-promotion", test_rpe_promotion);
  g_test_add_func ("/rules/best-day", test_best_day);
  g_test_add_func ("/rules/best-day/fallbacks", test_best_day_fallbacks);
  g_test_add_func ("/rules/hardest-entry", test_hardest_entry);
  g_test_add_func ("/rules/due", test_due);
  g_test_add_func ("/rules/due/massages", test_due_with_massages);
  g_test_add_func ("/rules/conflicts", test_conflicts);
  g_test_add_func ("/rules/conflicts/many", test_many_conflicts);
  g_test_add_func ("/rules/bad-arguments", test_bad_arguments);
  g_test_add_func ("/rules/calendar-ends", test_calendar_ends);
  g_test_add_func ("/rules/shifted-plans", test_shifted_plans);
  g_test_add_func ("/rules/random-plans", test_random_plans);

  return g_test_run ();
}
