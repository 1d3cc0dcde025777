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
  const char *pressure;   /* "min-max", one word where they meet, "-" when forbidden */
  const char *rules;      /* ids in table order, space-separated */
  const char *decided;    /* the same for decided_by; NULL: not checked */
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
                                          first, last, profile, G_DATE_MONDAY, RC_NONE);

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
mask_string (guint32 mask)
{
  GString *s = g_string_new (NULL);

  for (RcRule r = 0; r < RC_N_RULES; r++)
    if ((mask & (1u << r)) != 0)
      g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "", rc_rule_to_string (r));
  return g_string_free (s, FALSE);
}

static char *
rules_string (const RcAdvice *advice)
{
  return mask_string (advice->rules);
}

static char *
pressure_string (const RcAdvice *advice)
{
  if (advice->verdict == RC_VERDICT_FORBIDDEN)
    return g_strdup ("-");
  if (advice->pressure_min == advice->pressure_max)
    return g_strdup (rc_pressure_to_string (advice->pressure_min));
  return g_strdup_printf ("%s-%s", rc_pressure_to_string (advice->pressure_min),
                          rc_pressure_to_string (advice->pressure_max));
}

/* The parts every advice must hold whatever the plan: minutes follow the
 * kind, a forbidden day suggests nothing, each fired rule has its trigger. */
static void
assert_consistent_minutes (const RcAdvice *a,
                           int             massage_minutes)
{
  int plan = massage_minutes != RC_NONE ? massage_minutes : 60;
  const int minutes[RC_N_MASSAGES][2] = {
    [RC_MASSAGE_NONE] = { 0, 0 },
    [RC_MASSAGE_PRE_EVENT] = { 30, 45 },
    [RC_MASSAGE_POST_RUN] = { plan, plan },
    [RC_MASSAGE_MAINTENANCE] = { plan, plan },
  };
  g_auto(GStrv) reasons = rc_advice_reasons (a);
  g_auto(GStrv) decided = rc_advice_reasons_decided (a);
  g_auto(GStrv) considered = rc_advice_reasons_considered (a);
  g_autofree char *summary = rc_advice_summary (a);
  guint fired = 0, deciding = 0;

  g_assert_true ((a->verdict == RC_VERDICT_FORBIDDEN) == (a->massage == RC_MASSAGE_NONE));
  g_assert_cmpint (a->minutes_min, ==, minutes[a->massage][0]);
  g_assert_cmpint (a->minutes_max, ==, minutes[a->massage][1]);
  for (RcRule r = 0; r < RC_N_RULES; r++)
    {
      g_assert_true (rc_advice_has_rule (a, r) == (a->trigger[r] != NULL));
      g_assert_true (!rc_advice_decided_by (a, r) || rc_advice_has_rule (a, r));
      fired += rc_advice_has_rule (a, r);
      deciding += rc_advice_decided_by (a, r);
    }
  g_assert_cmpuint (a->rules >> RC_N_RULES, ==, 0);
  g_assert_cmpuint (g_strv_length (reasons), ==, fired);
  /* deciding reasons first, then the ones considered */
  g_assert_cmpuint (g_strv_length (decided), ==, deciding);
  g_assert_cmpuint (g_strv_length (considered), ==, fired - deciding);
  for (guint i = 0; reasons[i] != NULL; i++)
    {
      g_assert_cmpstr (reasons[i], ==, i < deciding ? decided[i] : considered[i - deciding]);
      g_assert_cmpstr (reasons[i], !=, "");
      /* days, never hours the dates cannot know */
      g_assert_false (g_regex_match_simple ("[0-9] ?h\\b|hour", reasons[i], 0, 0));
      g_assert_null (strstr (reasons[i], " 1 day"));
      g_assert_false (g_str_equal (reasons[i], summary));
    }
  g_assert_null (strstr (summary, "default"));
  if (a->verdict == RC_VERDICT_FORBIDDEN)
    g_assert_false (a->best);
}

static void
assert_consistent (const RcAdvice *a)
{
  assert_consistent_minutes (a, RC_NONE);
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
  if (x->decided != NULL)
    {
      g_autofree char *decided = mask_string (a->decided_by);

      g_assert_cmpstr (decided, ==, x->decided);
    }
  assert_consistent (a);
}

/* What X and Y advise, whatever their days and triggers. */
static void
assert_advice_values_equal (const RcAdvice *x,
                            const RcAdvice *y)
{
  g_assert_cmpint (x->verdict, ==, y->verdict);
  g_assert_cmpint (x->massage, ==, y->massage);
  g_assert_cmpint (x->pressure_min, ==, y->pressure_min);
  g_assert_cmpint (x->pressure_max, ==, y->pressure_max);
  g_assert_cmpint (x->minutes_min, ==, y->minutes_min);
  g_assert_cmpint (x->minutes_max, ==, y->minutes_max);
  g_assert_cmpuint (x->rules, ==, y->rules);
  g_assert_cmpuint (x->decided_by, ==, y->decided_by);
  g_assert_true (x->due == y->due);
  g_assert_true (x->best == y->best);
}

static void
assert_advice_equal (const RcAdvice *x,
                     const RcAdvice *y)
{
  g_assert_cmpuint (x->day, ==, y->day);
  assert_advice_values_equal (x, y);
  g_assert_cmpmem (x->trigger, sizeof x->trigger, y->trigger, sizeof y->trigger);
  g_assert_cmpuint (x->n_conflicts, ==, y->n_conflicts);
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
  Expect days[6];
} RuleCase;

#define END { G_MININT, 0, 0, NULL, NULL, NULL }

static const RuleCase case_same_day_easy = {
  RC_KIND_EASY, 3, P_TYPICAL | P_SLOW, {
    { -1, SAFE,      MAINT, "light-moderate", "eve-of-run", "" },
    {  0, FORBIDDEN, NONE,  "-",              "same-day-run", "same-day-run" },
    {  1, SAFE,      MAINT, "light-deep",     "", "" }, END } };
/* a fast profile drops eve-of-run */
static const RuleCase case_same_day_easy_fast = {
  RC_KIND_EASY, 3, P_FAST, {
    { -1, SAFE,      MAINT, "light-deep", "", "" },
    {  0, FORBIDDEN, NONE,  "-",          "same-day-run", "same-day-run" },
    {  1, SAFE,      MAINT, "light-deep", "", "" }, END } };
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
    { -1, FORBIDDEN, NONE,  "-",          "eve-of-quality", "eve-of-quality" },
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
    { -3, SAFE,      PRE,  "light-moderate", "pre-event-early", "pre-event-early" },
    { -2, FORBIDDEN, NONE, "-",              "race-taper", "race-taper" },
    { -1, FORBIDDEN, NONE, "-",              "eve-of-quality" }, END } };
static const RuleCase case_after_race = {
  RC_KIND_RACE, 10, P_TYPICAL, {
    {  0, FORBIDDEN, NONE, "-",             "same-day-run" },
    {  1, FORBIDDEN, NONE, "-",             "after-race", "after-race" },
    {  2, IDEAL,     POST, "moderate-deep", "post-effort-ideal", "post-effort-ideal" },
    {  3, IDEAL,     POST, "moderate-deep", "post-effort-ideal" },
    {  4, SAFE,      MAINT, "light-deep",   "" }, END } };
/* fast: the post-effort window opens the day after, but after-race outvotes it */
static const RuleCase case_after_race_fast = {
  RC_KIND_RACE, 10, P_FAST, {
    {  0, FORBIDDEN, NONE, "-",             "same-day-run" },
    {  1, FORBIDDEN, NONE, "-",             "after-race post-effort-ideal", "after-race" },
    {  2, IDEAL,     POST, "moderate-deep", "post-effort-ideal" },
    {  3, IDEAL,     POST, "moderate-deep", "post-effort-ideal" },
    {  4, SAFE,      MAINT, "light-deep",   "" }, END } };
static const RuleCase case_after_race_slow = {
  RC_KIND_RACE, 10, P_SLOW, {
    {  1, FORBIDDEN, NONE, "-",             "after-race" },
    {  2, FORBIDDEN, NONE, "-",             "after-race" },
    {  3, IDEAL,     POST, "moderate-deep", "post-effort-ideal" },
    {  4, IDEAL,     POST, "moderate-deep", "post-effort-ideal" },
    {  5, SAFE,      MAINT, "light-deep",   "" }, END } };
static const RuleCase case_eve_of_run = {
  RC_KIND_EASY, 3, P_TYPICAL | P_SLOW, {
    { -2, SAFE,      MAINT, "light-deep",     "" },
    { -1, SAFE,      MAINT, "light-moderate", "eve-of-run", "" },
    {  0, FORBIDDEN, NONE,  "-",              "same-day-run" }, END } };
static const RuleCase case_eve_of_run_no_rpe = {
  RC_KIND_EASY, RC_NONE, P_TYPICAL | P_SLOW, {
    { -2, SAFE,      MAINT, "light-deep",     "" },
    { -1, SAFE,      MAINT, "light-moderate", "eve-of-run" },
    {  0, FORBIDDEN, NONE,  "-",              "same-day-run" }, END } };
/* fast: no after-hard, and the day after is already ideal */
static const RuleCase case_after_hard_fast = {
  RC_KIND_TEMPO, 7, P_FAST, {
    {  0, FORBIDDEN, NONE,  "-",             "same-day-run" },
    {  1, IDEAL,     POST,  "moderate-deep", "post-effort-ideal", "post-effort-ideal" },
    {  2, IDEAL,     POST,  "moderate-deep", "post-effort-ideal" }, END } };
/* typical: the day after is safe, at moderate pressure at most */
static const RuleCase case_after_hard_typical = {
  RC_KIND_TEMPO, 7, P_TYPICAL, {
    {  0, FORBIDDEN, NONE, "-",             "same-day-run" },
    {  1, SAFE,      POST, "moderate",      "after-hard", "" },
    {  2, IDEAL,     POST, "moderate-deep", "post-effort-ideal" }, END } };
/* slow: the day after caps the verdict, the day after that only the pressure */
static const RuleCase case_after_hard_slow = {
  RC_KIND_TEMPO, 7, P_SLOW, {
    {  0, FORBIDDEN, NONE, "-",             "same-day-run" },
    {  1, SAFE,      POST, "moderate",      "after-hard", "after-hard" },
    {  2, SAFE,      POST, "moderate",      "after-hard", "" },
    {  3, IDEAL,     POST, "moderate-deep", "post-effort-ideal", "post-effort-ideal" }, END } };
static const RuleCase case_pre_event_early = {
  RC_KIND_RACE, 10, P_ALL, {
    { -5, IDEAL,     PRE,  "light-moderate", "pre-event-ideal", "pre-event-ideal" },
    { -4, SAFE,      PRE,  "light-moderate", "pre-event-early", "pre-event-early" },
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
    {  1, IDEAL, POST,  "moderate-deep", "post-effort-ideal" },
    {  2, IDEAL, POST,  "moderate-deep", "post-effort-ideal" },
    {  3, IDEAL, POST,  "moderate-deep", "post-effort-ideal" },
    {  4, SAFE,  MAINT, "light-deep",    "" }, END } };
static const RuleCase case_post_effort_typical = {
  RC_KIND_INTERVALS, 8, P_TYPICAL, {
    {  1, SAFE,  POST,  "moderate",      "after-hard" },
    {  2, IDEAL, POST,  "moderate-deep", "post-effort-ideal" },
    {  3, IDEAL, POST,  "moderate-deep", "post-effort-ideal" },
    {  4, SAFE,  MAINT, "light-deep",    "" }, END } };
static const RuleCase case_post_effort_slow = {
  RC_KIND_INTERVALS, 8, P_SLOW, {
    {  2, SAFE,  POST,  "moderate",      "after-hard" },
    {  3, IDEAL, POST,  "moderate-deep", "post-effort-ideal" },
    {  4, IDEAL, POST,  "moderate-deep", "post-effort-ideal" },
    {  5, SAFE,  MAINT, "light-deep",    "" }, END } };
static const RuleCase case_rest_day = {
  RC_KIND_REST, RC_NONE, P_ALL, {
    { -1, SAFE,  MAINT, "light-deep", "" },
    {  0, IDEAL, MAINT, "light-deep", "rest-day", "rest-day" },
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
            d > 1 ? g_strdup_printf (" was %d days ago: ", d)
                  : d < -1 ? g_strdup_printf (" is in %d days: ", -d)
                           : g_strdup (d == 1 ? " was the day before: "
                                              : d == -1 ? " is the next day: " : " is on the same day: ");
          gboolean slow_named = FALSE;

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
              slow_named |= strstr (reasons[k], "slow recovery") != NULL;
            }
          if (p == RC_PROFILE_SLOW && rc_advice_has_rule (a, RC_RULE_POST_EFFORT_IDEAL))
            g_assert_true (slow_named);
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

/* rules-spec.md version 2, "Worked example", row by row. */
static const Expect worked[16] = {
  { 0,  FORBIDDEN, NONE, "-",              "eve-of-quality rest-day", "eve-of-quality" },
  { 1,  FORBIDDEN, NONE, "-",              "same-day-run eve-of-run", "same-day-run" },
  { 2,  FORBIDDEN, NONE, "-",              "same-day-run eve-of-quality after-hard",
    "same-day-run eve-of-quality" },
  { 3,  FORBIDDEN, NONE, "-",              "same-day-run post-effort-ideal", "same-day-run" },
  { 4,  FORBIDDEN, NONE, "-",              "eve-of-quality after-hard post-effort-ideal rest-day",
    "eve-of-quality" },
  { 5,  FORBIDDEN, NONE, "-",              "same-day-run pre-event-ideal post-effort-ideal", "same-day-run" },
  { 6,  IDEAL,     PRE,  "light-moderate", "after-hard pre-event-ideal post-effort-ideal",
    "pre-event-ideal post-effort-ideal" },
  { 7,  IDEAL,     PRE,  "light-moderate", "eve-of-run pre-event-ideal post-effort-ideal",
    "pre-event-ideal post-effort-ideal" },
  { 8,  FORBIDDEN, NONE, "-",              "same-day-run pre-event-early post-effort-ideal", "same-day-run" },
  { 9,  SAFE,      PRE,  "light-moderate", "pre-event-early rest-day", "pre-event-early" },
  { 10, FORBIDDEN, NONE, "-",              "race-taper", "race-taper" },
  { 11, FORBIDDEN, NONE, "-",              "eve-of-quality", "eve-of-quality" },
  { 12, FORBIDDEN, NONE, "-",              "same-day-run", "same-day-run" },
  { 13, FORBIDDEN, NONE, "-",              "after-race", "after-race" },
  { 14, IDEAL,     POST, "moderate-deep",  "post-effort-ideal", "post-effort-ideal" },
  { 15, IDEAL,     POST, "moderate-deep",  "post-effort-ideal", "post-effort-ideal" },
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

  /* no massage booked: due once the 28 days ending with the day hold training */
  g_assert_false (advice_on (advice, mon)->due);       /* only a rest day */
  for (guint i = 1; i < 16; i++)
    g_assert_true (advice_on (advice, mon + i)->due);

  /* week 1: its one ideal day; week 2: the earliest ideal (the race's +2/+3
   * fall in week 3); week 3, no training in it but the race the week before:
   * the earliest ideal */
  for (guint i = 0; i < 16; i++)
    g_assert_true (advice_on (advice, mon + i)->best == (i == 6 || i == 7 || i == 14));
}

/* What the worked example's reasons say on day MON + OFFSET: the list
 * REASONS gives holds COUNT of them (-1: not counted), and each begins with
 * its line of LINES, or is it word for word where WHOLE. */
typedef struct {
  int          offset;
  char      **(*reasons) (const RcAdvice *advice);
  int          count;
  const char  *lines[3];
  gboolean     whole[3];
} WorkedReasons;

static const WorkedReasons worked_reasons[] = {
  /* Mon 21: the sentence of cli.md's example, word for word */
  { 14, rc_advice_reasons, 1,
    { "Race on Sat 19 Dec was 2 days ago: 2-3 days after a race is the time for post-event massage" },
    { TRUE } },
  /* Thu 10 */
  { 3, rc_advice_reasons, 2,
    { "Tempo run on Thu 10 Dec is on the same day: ",
      "Intervals on Tue 8 Dec was 2 days ago: 2-3 days after a hard effort is the best time for recovery massage" },
    { FALSE, TRUE } },
  /* Thu 17 */
  { 10, rc_advice_reasons, -1, { "Race on Sat 19 Dec is in 2 days: " } },
  /* Wed 9: deciding first, each naming its own trigger, counting in days */
  { 2, rc_advice_reasons, 3,
    { "Easy run on Wed 9 Dec is on the same day",
      "Tempo run on Thu 10 Dec is the next day",
      "Intervals on Tue 8 Dec was the day before" } },
  /* Fri 11: a forbidden day's ideal rules are only "also considered" */
  { 4, rc_advice_reasons_decided, 1, { "Long run on Sat 12 Dec is the next day" } },
  { 4, rc_advice_reasons_considered, 3,
    { "Tempo run on Thu 10 Dec was the day before",
      "Intervals on Tue 8 Dec was 3 days ago",
      "Rest on Fri 11 Dec" } },
  /* Sun 13: an ideal day: the pressure cap is considered, not deciding */
  { 6, rc_advice_reasons_decided, 2,
    { "Race on Sat 19 Dec is in 6 days",
      "Tempo run on Thu 10 Dec was 3 days ago" } },
  { 6, rc_advice_reasons_considered, 1, { "Long run on Sat 12 Dec was the day before" } },
};

static void
assert_worked_reasons (GArray              *advice,
                       RcDay                mon,
                       const WorkedReasons *w)
{
  g_auto(GStrv) got = w->reasons (advice_on (advice, mon + w->offset));

  g_test_message ("Mon + %d", w->offset);
  if (w->count >= 0)
    g_assert_cmpuint (g_strv_length (got), ==, w->count);
  for (guint k = 0; k < G_N_ELEMENTS (w->lines) && w->lines[k] != NULL; k++)
    {
      g_assert_nonnull (got[k]);
      if (w->whole[k])
        g_assert_cmpstr (got[k], ==, w->lines[k]);
      else
        g_assert_true (g_str_has_prefix (got[k], w->lines[k]));
    }
}

static void
test_worked_example_words (void)
{
  RcDay mon = rc_day_from_iso ("2026-12-07");
  g_autoptr(GPtrArray) plan = worked_example (mon);
  g_autoptr(GArray) advice = advise (plan, mon, mon + 15, RC_PROFILE_TYPICAL);
  g_autofree char *sun13_minutes = rc_advice_minutes_text (advice_on (advice, mon + 6));
  g_autofree char *tue22 = rc_advice_minutes_text (advice_on (advice, mon + 15));
  g_autofree char *sat19 = rc_advice_minutes_text (advice_on (advice, mon + 12));
  g_autofree char *mon21_summary = rc_advice_summary (advice_on (advice, mon + 14));
  g_autofree char *wed16_summary = rc_advice_summary (advice_on (advice, mon + 9));
  g_autofree char *sat19_summary = rc_advice_summary (advice_on (advice, mon + 12));

  for (guint i = 0; i < G_N_ELEMENTS (worked_reasons); i++)
    assert_worked_reasons (advice, mon, &worked_reasons[i]);

  g_assert_cmpstr (sun13_minutes, ==, "30-45 minutes");
  g_assert_cmpstr (tue22, ==, "60 minutes");
  g_assert_null (sat19);

  /* the summary says what to book, never a reason */
  g_assert_cmpstr (mon21_summary, ==, "Ideal day for a post-run massage: moderate to deep pressure, 60 minutes");
  g_assert_cmpstr (wed16_summary, ==, "Safe for a pre-event massage: light to moderate pressure, 30-45 minutes");
  g_assert_cmpstr (sat19_summary, ==, "No massage on this day");

  /* pressure in words, for the middle of a sentence */
  g_assert_cmpstr (rc_advice_pressure_text (advice_on (advice, mon + 6)), ==, "light to moderate");
  g_assert_cmpstr (rc_advice_pressure_text (advice_on (advice, mon + 15)), ==, "moderate to deep");
  g_assert_null (rc_advice_pressure_text (advice_on (advice, mon + 12)));
}

/* The plan's default length of a massage, where the guidance gives none. */
static void
test_massage_minutes (void)
{
  RcDay mon = rc_day_from_iso ("2026-12-07");
  g_autoptr(GPtrArray) plan = worked_example (mon);
  g_autoptr(GArray) a = rc_rules_advise_range ((const RcEntry * const *) plan->pdata, plan->len,
                                               mon, mon + 15, RC_PROFILE_TYPICAL, G_DATE_MONDAY, 45);
  g_autofree char *tue22 = rc_advice_minutes_text (advice_on (a, mon + 15));
  g_autofree char *summary = rc_advice_summary (advice_on (a, mon + 15));
  g_autofree char *wed16 = rc_advice_minutes_text (advice_on (a, mon + 9));

  g_assert_cmpint (advice_on (a, mon + 15)->minutes_min, ==, 45);
  g_assert_cmpint (advice_on (a, mon + 15)->minutes_max, ==, 45);
  g_assert_cmpstr (tue22, ==, "45 minutes");
  g_assert_cmpstr (summary, ==, "Ideal day for a post-run massage: moderate to deep pressure, 45 minutes");
  /* pre-event keeps the guidance's own figure */
  g_assert_cmpstr (wed16, ==, "30-45 minutes");
  g_assert_cmpint (advice_on (a, mon + 12)->minutes_max, ==, 0);
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

/* ---- the guidance's own examples (rules-spec.md) ------------------------ */

/* Adds KINDS (-1: nothing) to PLAN from day FIRST on. */
static void
plan_days (GPtrArray *plan,
           RcDay      first,
           const int *kinds,
           guint      n)
{
  for (guint i = 0; i < n; i++)
    if (kinds[i] >= 0)
      plan_add (plan, first + i, (RcKind) kinds[i]);
}

/* 1. Hard sessions Tuesday and Thursday: "book for Friday or Saturday". */
static void
test_guidance_tue_thu (void)
{
  static const int week[7] = {
    RC_KIND_EASY, RC_KIND_INTERVALS, RC_KIND_EASY, RC_KIND_TEMPO, RC_KIND_REST, -1, RC_KIND_EASY,
  };
  static const Expect fri = { 4, IDEAL, POST, "moderate", "after-hard post-effort-ideal rest-day",
                              "post-effort-ideal rest-day" };
  static const Expect sat = { 5, IDEAL, POST, "moderate", "eve-of-run post-effort-ideal",
                              "post-effort-ideal" };
  RcDay mon = rc_day_from_iso ("2027-01-04");
  g_autoptr(GPtrArray) plan = plan_new ();
  g_autoptr(GArray) a = NULL;

  g_assert_cmpint (rc_day_weekday (mon), ==, G_DATE_MONDAY);
  plan_days (plan, mon, week, 7);
  a = advise (plan, mon, mon + 6, RC_PROFILE_TYPICAL);
  assert_advice (advice_on (a, mon + 4), &fri);
  assert_advice (advice_on (a, mon + 5), &sat);
  for (guint i = 0; i < 7; i++)
    if (i != 4 && i != 5)
      g_assert_cmpint (advice_on (a, mon + i)->verdict, ==, RC_VERDICT_FORBIDDEN);
}

/* 2. A long run on Saturday: "book for Monday or Tuesday". */
static void
test_guidance_long_saturday (void)
{
  static const int days[10] = {
    RC_KIND_EASY, -1, RC_KIND_TEMPO, -1, RC_KIND_LONG, -1, RC_KIND_REST, -1, RC_KIND_EASY,
    RC_KIND_INTERVALS,
  };
  static const Expect sun = { 5, IDEAL, POST, "moderate", "after-hard post-effort-ideal", "post-effort-ideal" };
  static const Expect mon = { 6, IDEAL, POST, "moderate-deep", "post-effort-ideal rest-day",
                              "post-effort-ideal rest-day" };
  static const Expect tue = { 7, IDEAL, POST, "moderate", "eve-of-run post-effort-ideal", "post-effort-ideal" };
  RcDay tue5 = rc_day_from_iso ("2027-01-05");
  g_autoptr(GPtrArray) plan = plan_new ();
  g_autoptr(GArray) a = NULL;

  plan_days (plan, tue5, days, 10);
  a = advise (plan, tue5, tue5 + 9, RC_PROFILE_TYPICAL);
  assert_advice (advice_on (a, tue5 + 5), &sun);
  assert_advice (advice_on (a, tue5 + 6), &mon);
  assert_advice (advice_on (a, tue5 + 7), &tue);
}

/* 3. A typical five-run week, repeated: Friday is its one massage day, by profile. */
static void
test_guidance_five_runs (void)
{
  static const int week[7] = {
    RC_KIND_REST, RC_KIND_INTERVALS, RC_KIND_EASY, RC_KIND_TEMPO, RC_KIND_REST, RC_KIND_EASY,
    RC_KIND_LONG,
  };
  static const Expect fri[RC_N_PROFILES] = {
    [RC_PROFILE_FAST]    = { 4, IDEAL, POST, "moderate-deep", "post-effort-ideal rest-day",
                             "post-effort-ideal rest-day" },
    [RC_PROFILE_TYPICAL] = { 4, IDEAL, POST, "moderate", "eve-of-run after-hard post-effort-ideal rest-day",
                             "post-effort-ideal rest-day" },
    [RC_PROFILE_SLOW]    = { 4, SAFE,  POST, "moderate", "eve-of-run after-hard post-effort-ideal rest-day",
                             "after-hard" },
  };
  RcDay mon = rc_day_from_iso ("2027-01-11");

  for (RcProfile p = 0; p < RC_N_PROFILES; p++)
    {
      g_autoptr(GPtrArray) plan = plan_new ();
      g_autoptr(GArray) a = NULL;

      g_test_message ("profile %s", rc_profile_to_string (p));
      for (int w = -1; w <= 1; w++)
        plan_days (plan, mon + 7 * w, week, 7);
      a = advise (plan, mon, mon + 6, p);
      assert_advice (advice_on (a, mon + 4), &fri[p]);
      g_assert_true (advice_on (a, mon + 4)->best);
      /* Monday is the day before the speed session */
      g_assert_cmpint (advice_on (a, mon)->verdict, ==, RC_VERDICT_FORBIDDEN);
      g_assert_true (rc_advice_decided_by (advice_on (a, mon), RC_RULE_EVE_OF_QUALITY));
      for (guint i = 0; i < 7; i++)
        if (i != 4)
          g_assert_cmpint (advice_on (a, mon + i)->verdict, ==, RC_VERDICT_FORBIDDEN);
    }
}

/* ---- several rules, several entries ------------------------------------ */

/* Version 2: forbids beat caps, the two verdict caps beat ideal rules, the
 * pressure caps never take "ideal" away. */
static void
test_precedence (void)
{
  RcDay d = rc_day_from_iso ("2027-01-13");
  static const Expect forbid_cap_ideal = {
    0, FORBIDDEN, NONE, "-", "same-day-run pre-event-early post-effort-ideal", "same-day-run" };
  static const Expect cap_ideal = {
    0, IDEAL, MAINT, "light-moderate", "eve-of-run rest-day", "rest-day" };
  static const Expect cap_over_post = {
    0, IDEAL, POST, "moderate", "eve-of-run post-effort-ideal", "post-effort-ideal" };
  static const Expect pre_over_post = {
    0, IDEAL, PRE, "light-moderate", "pre-event-ideal post-effort-ideal rest-day",
    "pre-event-ideal post-effort-ideal rest-day" };
  static const Expect early_over_ideal = {
    0, SAFE, PRE, "light-moderate", "after-hard pre-event-early post-effort-ideal", "pre-event-early" };
  static const Expect after_hard[RC_N_PROFILES] = {
    [RC_PROFILE_FAST]    = { 0, IDEAL, POST, "moderate-deep", "post-effort-ideal", "post-effort-ideal" },
    [RC_PROFILE_TYPICAL] = { 0, IDEAL, POST, "moderate", "after-hard post-effort-ideal", "post-effort-ideal" },
    [RC_PROFILE_SLOW]    = { 0, SAFE,  POST, "moderate", "after-hard post-effort-ideal", "after-hard" },
  };
  static const struct {
    RcKind       kinds[3];
    int          days[3];
    const Expect *expect;
  } cases[] = {
    { { RC_KIND_EASY, RC_KIND_RACE, RC_KIND_TEMPO },      { 0, 3, -2 },  &forbid_cap_ideal },
    { { RC_KIND_REST, RC_KIND_EASY, RC_N_KINDS },         { 0, 1, 0 },   &cap_ideal },
    { { RC_KIND_LONG, RC_KIND_EASY, RC_N_KINDS },         { -3, 1, 0 },  &cap_over_post },
    { { RC_KIND_REST, RC_KIND_RACE, RC_KIND_INTERVALS },  { 0, 6, -2 },  &pre_over_post },
    { { RC_KIND_TEMPO, RC_KIND_LONG, RC_KIND_RACE },      { -1, -3, 4 }, &early_over_ideal },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) plan = plan_new ();
      g_autoptr(GArray) a = NULL;

      for (guint k = 0; k < 3 && cases[i].kinds[k] != RC_N_KINDS; k++)
        plan_add (plan, d + cases[i].days[k], cases[i].kinds[k]);
      a = advise (plan, d, d, RC_PROFILE_TYPICAL);
      assert_advice (advice_on (a, d), cases[i].expect);
    }
  /* a hard session the day before and one 3 days before, by profile */
  for (RcProfile p = 0; p < RC_N_PROFILES; p++)
    {
      g_autoptr(GPtrArray) plan = plan_new ();
      g_autoptr(GArray) a = NULL;

      plan_add (plan, d - 1, RC_KIND_TEMPO);
      plan_add (plan, d - 3, RC_KIND_LONG);
      a = advise (plan, d, d, p);
      g_test_message ("profile %s", rc_profile_to_string (p));
      assert_advice (advice_on (a, d), &after_hard[p]);
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
                         RC_PROFILE_TYPICAL, G_DATE_MONDAY, RC_NONE, &one);
    g_assert_true (one.best);
    rc_rules_advise_day ((const RcEntry * const *) plan->pdata, plan->len, mon + 2,
                         RC_PROFILE_TYPICAL, G_DATE_MONDAY, RC_NONE, &one);
    g_assert_false (one.best);
  }
  (void) lng;
}

static void
test_best_day_fallbacks (void)
{
  RcDay mon = rc_day_from_iso ("2027-06-07");

  {
    /* nothing planned: no week needs a massage day */
    g_autoptr(GPtrArray) plan = plan_new ();
    g_autoptr(GArray) a = advise (plan, mon, mon + 6, RC_PROFILE_TYPICAL);

    g_assert_cmpuint (best_of_week (a, mon), ==, RC_DAY_INVALID);
  }
  {
    /* an easy run 3 days before the week: every day safe, the earliest is best */
    g_autoptr(GPtrArray) plan = plan_new ();
    g_autoptr(GArray) a = NULL;

    plan_add (plan, mon - 3, RC_KIND_EASY);
    a = advise (plan, mon, mon + 6, RC_PROFILE_TYPICAL);
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
    g_autoptr(GArray) sun = NULL;
    g_autoptr(GArray) monday = NULL;

    plan_add (plan, mon - 3, RC_KIND_EASY);
    sun = rc_rules_advise_range ((const RcEntry * const *) plan->pdata, plan->len,
                                 mon - 1, mon + 5, RC_PROFILE_TYPICAL, G_DATE_SUNDAY, RC_NONE);
    monday = advise (plan, mon - 1, mon + 5, RC_PROFILE_TYPICAL);

    g_assert_true (advice_on (sun, mon - 1)->best);
    g_assert_false (advice_on (sun, mon)->best);
    g_assert_false (advice_on (monday, mon - 1)->best);
    g_assert_true (advice_on (monday, mon)->best);
  }
}

/* The hardest entry's day + 2 is not ideal, + 3 is, + 4 is too and so is an
 * earlier day: the best day is + 3, neither the earliest nor + 4. */
static void
test_best_day_window (void)
{
  RcDay mon = rc_day_from_iso ("2027-06-07");
  g_autoptr(GPtrArray) plan = plan_new ();
  g_autoptr(GArray) a = NULL;
  RcEntry *lng;

  plan_add (plan, mon, RC_KIND_REST);                  /* Mon: ideal (rest) */
  lng = plan_add (plan, mon + 2, RC_KIND_LONG);         /* Wed: the hardest */
  lng->rpe = 8;
  lng->minutes = 150;
  plan_add (plan, mon + 4, RC_KIND_EASY);               /* Fri (+2): forbidden */
  plan_add (plan, mon + 6, RC_KIND_REST);               /* Sun (+4): ideal (rest) */
  a = advise (plan, mon, mon + 6, RC_PROFILE_TYPICAL);
  g_assert_cmpint (advice_on (a, mon)->verdict, ==, RC_VERDICT_IDEAL);
  g_assert_cmpint (advice_on (a, mon + 4)->verdict, ==, RC_VERDICT_FORBIDDEN);
  g_assert_cmpint (advice_on (a, mon + 5)->verdict, ==, RC_VERDICT_IDEAL);
  g_assert_cmpint (advice_on (a, mon + 6)->verdict, ==, RC_VERDICT_IDEAL);
  g_assert_cmpuint (best_of_week (a, mon), ==, mon + 5);
}

/* A week with no training in it or the 7 days before has no best day; one
 * with training 7 days before it has. */
static void
test_best_day_no_training (void)
{
  RcDay mon = rc_day_from_iso ("2027-06-07");

  for (int before = 1; before <= 8; before++)
    for (RcKind kind = RC_KIND_REST; kind <= RC_KIND_EASY; kind++)
      {
        g_autoptr(GPtrArray) plan = plan_new ();
        g_autoptr(GArray) a = NULL;
        gboolean training = kind != RC_KIND_REST && before <= 7;

        g_test_message ("%s %d days before", rc_kind_to_string (kind), before);
        plan_add (plan, mon - before, kind);
        plan_add (plan, mon + 2, RC_KIND_REST);          /* rest is not training */
        plan_add (plan, mon + 4, RC_KIND_MASSAGE);       /* nor is a massage */
        a = advise (plan, mon, mon + 6, RC_PROFILE_TYPICAL);
        g_assert_cmpuint (best_of_week (a, mon), ==, training ? mon + 2 : RC_DAY_INVALID);
      }
}

/* The next ideal day after an all-forbidden week, within 14 days. */
static void
test_next_ideal_day (void)
{
  RcDay mon = rc_day_from_iso ("2027-06-07");
  RcDay sun = mon + 6;

  G_STATIC_ASSERT (RC_RULES_NEXT_IDEAL_DAYS == 14);
  for (int gap = 1; gap <= 16; gap++)
    for (RcProfile p = 0; p < RC_N_PROFILES; p++)
      {
        g_autoptr(GPtrArray) plan = plan_new ();
        g_autoptr(GPtrArray) near = g_ptr_array_new ();
        g_autoptr(GArray) a = NULL;
        RcDay rest = sun + gap + 1;
        RcDay next;

        /* a run every day of the week and of the GAP days after it, then a
         * rest day, then nothing */
        for (RcDay d = mon - 7; d <= sun + gap; d++)
          plan_add (plan, d, RC_KIND_EASY);
        plan_add (plan, rest, RC_KIND_REST);
        a = advise (plan, mon, sun, p);
        for (RcDay d = mon; d <= sun; d++)
          g_assert_cmpint (advice_on (a, d)->verdict, ==, RC_VERDICT_FORBIDDEN);

        next = rc_rules_next_ideal_day ((const RcEntry * const *) plan->pdata, plan->len, sun, p);
        g_test_message ("gap %d, %s: %u", gap, rc_profile_to_string (p), next);
        g_assert_cmpuint (next, ==, rest <= sun + 14 ? rest : RC_DAY_INVALID);

        /* the reach the header gives is enough */
        for (guint i = 0; i < plan->len; i++)
          {
            RcEntry *e = plan->pdata[i];

            if (e->day + RC_RULES_NEXT_IDEAL_DAYS_BEFORE >= sun &&
                e->day <= sun + RC_RULES_NEXT_IDEAL_DAYS_AFTER)
              g_ptr_array_add (near, e);
          }
        g_assert_cmpuint (rc_rules_next_ideal_day ((const RcEntry * const *) near->pdata, near->len,
                                                   sun, p), ==, next);
      }
  /* the first ideal day, not a safe one before it */
  {
    g_autoptr(GPtrArray) plan = plan_new ();

    plan_add (plan, sun + 3, RC_KIND_REST);
    g_assert_cmpuint (rc_rules_next_ideal_day ((const RcEntry * const *) plan->pdata, plan->len,
                                               sun, RC_PROFILE_TYPICAL), ==, sun + 3);
    g_assert_cmpuint (rc_rules_next_ideal_day ((const RcEntry * const *) plan->pdata, plan->len,
                                               sun + 3, RC_PROFILE_TYPICAL), ==, RC_DAY_INVALID);
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

/* Due: the 28 days ending with the day, D-27..D, hold training and no massage. */
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

  g_assert_false (advice_on (a, t - 1)->due);
  g_assert_true (advice_on (a, t)->due);            /* the day itself counts */
  g_assert_true (advice_on (a, t + 27)->due);       /* training on D-27 */
  g_assert_false (advice_on (a, t + 28)->due);      /* on D-28: out */
  g_assert_false (advice_on (a, t + 61)->due);
  /* cross on t+100, massage on t+110: due t+100..t+109 */
  g_assert_false (advice_on (a, t + 99)->due);
  g_assert_true (advice_on (a, t + 100)->due);
  g_assert_true (advice_on (a, t + 109)->due);
  /* the booked day and the 27 after it are not due */
  for (RcDay d = t + 110; d <= t + 137; d++)
    g_assert_false (advice_on (a, d)->due);
  g_assert_false (advice_on (a, t + 138)->due);     /* and no training left */
}

static void
test_due_with_massages (void)
{
  RcDay t = rc_day_from_iso ("2027-09-01");
  g_autoptr(GPtrArray) plan = plan_new ();
  g_autoptr(GArray) a = NULL;

  /* training every other day; a massage on t+10 covers t+10..t+37 */
  for (RcDay d = t; d < t + 80; d += 2)
    plan_add (plan, d, RC_KIND_EASY);
  plan_add (plan, t + 10, RC_KIND_MASSAGE);
  a = advise (plan, t + 5, t + 45, RC_PROFILE_TYPICAL);
  g_assert_true (advice_on (a, t + 9)->due);
  g_assert_false (advice_on (a, t + 10)->due);
  g_assert_false (advice_on (a, t + 11)->due);
  g_assert_false (advice_on (a, t + 37)->due);
  g_assert_true (advice_on (a, t + 38)->due);
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
      GArray *a = rc_rules_advise_range (NULL, 0, d + 1, d, RC_PROFILE_TYPICAL, G_DATE_MONDAY, RC_NONE);

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
                                 RC_PROFILE_SLOW, w, RC_NONE);
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

  assert_advice_values_equal (x, ref);
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

/* rules-spec.md version 2 read again, as its own table: which entries a rule
 * looks for, on which days from D per profile (nearest first), and what it
 * does. Nothing here calls the module's helpers. */
typedef enum { M_RUN_OR_HARD, M_HARD, M_RACE, M_EASY_RUN, M_REST, M_HARD_NOT_RACE } SpecMatch;
typedef enum { S_FORBID, S_CAP, S_IDEAL, S_PRESSURE } SpecEffect;

#define NO_CAP 99

static const struct {
  const char *id;
  SpecMatch   match;
  SpecEffect  effect;
  int         look[RC_N_PROFILES][4];   /* days from D, ended by NO_CAP */
  int         caps_on[RC_N_PROFILES];   /* a match this day from D also caps the verdict */
} spec_rows[RC_N_RULES] = {
  { "same-day-run", M_RUN_OR_HARD, S_FORBID,
    { { 0, NO_CAP }, { 0, NO_CAP }, { 0, NO_CAP } }, { NO_CAP, NO_CAP, NO_CAP } },
  { "eve-of-quality", M_HARD, S_FORBID,
    { { 1, NO_CAP }, { 1, NO_CAP }, { 1, NO_CAP } }, { NO_CAP, NO_CAP, NO_CAP } },
  { "race-taper", M_RACE, S_FORBID,
    { { 2, NO_CAP }, { 2, NO_CAP }, { 2, NO_CAP } }, { NO_CAP, NO_CAP, NO_CAP } },
  { "after-race", M_RACE, S_FORBID,
    { { -1, NO_CAP }, { -1, NO_CAP }, { -1, -2, NO_CAP } }, { NO_CAP, NO_CAP, NO_CAP } },
  { "eve-of-run", M_EASY_RUN, S_PRESSURE,
    { { NO_CAP }, { 1, NO_CAP }, { 1, NO_CAP } }, { NO_CAP, NO_CAP, NO_CAP } },
  { "after-hard", M_HARD_NOT_RACE, S_PRESSURE,
    { { NO_CAP }, { -1, NO_CAP }, { -1, -2, NO_CAP } }, { NO_CAP, NO_CAP, -1 } },
  { "pre-event-early", M_RACE, S_CAP,
    { { 3, 4, NO_CAP }, { 3, 4, NO_CAP }, { 3, 4, NO_CAP } }, { NO_CAP, NO_CAP, NO_CAP } },
  { "pre-event-ideal", M_RACE, S_IDEAL,
    { { 5, 6, 7, NO_CAP }, { 5, 6, 7, NO_CAP }, { 5, 6, 7, NO_CAP } }, { NO_CAP, NO_CAP, NO_CAP } },
  { "post-effort-ideal", M_HARD, S_IDEAL,
    { { -1, -2, -3, NO_CAP }, { -2, -3, NO_CAP }, { -3, -4, NO_CAP } }, { NO_CAP, NO_CAP, NO_CAP } },
  { "rest-day", M_REST, S_IDEAL,
    { { 0, NO_CAP }, { 0, NO_CAP }, { 0, NO_CAP } }, { NO_CAP, NO_CAP, NO_CAP } },
};

/* The kinds table of rules-spec.md's Inputs. */
static gboolean
spec_is (const RcEntry *e,
         SpecMatch      match)
{
  gboolean race = e->kind == RC_KIND_RACE;
  gboolean run = race || e->kind == RC_KIND_EASY || e->kind == RC_KIND_LONG ||
                 e->kind == RC_KIND_TEMPO || e->kind == RC_KIND_INTERVALS;
  gboolean hard = race || e->kind == RC_KIND_LONG || e->kind == RC_KIND_TEMPO ||
                  e->kind == RC_KIND_INTERVALS ||
                  ((e->kind == RC_KIND_EASY || e->kind == RC_KIND_CROSS) && e->rpe >= 7);

  switch (match)
    {
    case M_RUN_OR_HARD:   return run || hard;
    case M_HARD:          return hard;
    case M_RACE:          return race;
    case M_EASY_RUN:      return run && !hard;
    case M_REST:          return e->kind == RC_KIND_REST;
    case M_HARD_NOT_RACE: return hard && !race;
    default:              g_assert_not_reached ();
    }
}

static gboolean
spec_training (const RcEntry *e)
{
  return e->kind != RC_KIND_REST && e->kind != RC_KIND_MASSAGE;
}

typedef struct {
  guint32    fired;
  guint32    decided;
  int        near_day[RC_N_RULES];   /* from D, of the nearest match */
  RcVerdict  verdict;
  RcMassage  massage;
  RcPressure pmin, pmax;
  int        mmin, mmax;
  gboolean   due;
} SpecDay;

static void
spec_day (GPtrArray *plan,
          RcDay      d,
          RcProfile  profile,
          int        massage_minutes,
          SpecDay   *out)
{
  guint32 forbids = 0, caps = 0, ideals = 0;
  gboolean lowered = FALSE, training = FALSE, booked = FALSE;

  memset (out, 0, sizeof *out);
  for (guint r = 0; r < RC_N_RULES; r++)
    for (const int *k = spec_rows[r].look[profile]; *k != NO_CAP && (out->fired & (1u << r)) == 0; k++)
      for (guint i = 0; i < plan->len; i++)
        {
          const RcEntry *e = plan->pdata[i];

          if ((gint64) e->day - d != *k || !spec_is (e, spec_rows[r].match))
            continue;
          out->fired |= 1u << r;
          out->near_day[r] = *k;
          forbids |= spec_rows[r].effect == S_FORBID ? 1u << r : 0;
          ideals |= spec_rows[r].effect == S_IDEAL ? 1u << r : 0;
          caps |= spec_rows[r].effect == S_CAP || spec_rows[r].caps_on[profile] == *k ? 1u << r : 0;
          lowered |= spec_rows[r].effect == S_PRESSURE;
          break;
        }
  out->verdict = forbids ? FORBIDDEN : caps ? SAFE : ideals ? IDEAL : SAFE;
  out->decided = forbids ? forbids : caps ? caps : ideals;
  if (out->verdict == FORBIDDEN)
    out->massage = NONE;
  else if (out->fired & (1u << RC_RULE_PRE_EVENT_IDEAL | 1u << RC_RULE_PRE_EVENT_EARLY))
    out->massage = PRE;
  else if (out->fired & (1u << RC_RULE_POST_EFFORT_IDEAL | 1u << RC_RULE_AFTER_HARD))
    out->massage = POST;
  else
    out->massage = MAINT;
  out->pmin = out->massage == POST ? RC_PRESSURE_MODERATE : RC_PRESSURE_LIGHT;
  out->pmax = out->massage == PRE ? RC_PRESSURE_MODERATE : RC_PRESSURE_DEEP;
  if (lowered && out->pmax > RC_PRESSURE_MODERATE)
    out->pmax = RC_PRESSURE_MODERATE;
  out->pmin = MIN (out->pmin, out->pmax);
  out->mmin = out->massage == PRE ? 30 : out->massage == NONE ? 0 : massage_minutes;
  out->mmax = out->massage == PRE ? 45 : out->massage == NONE ? 0 : massage_minutes;
  /* due: the 28 days ending with D */
  for (guint i = 0; i < plan->len; i++)
    {
      const RcEntry *e = plan->pdata[i];

      if (e->day > d || e->day + 27 < d)
        continue;
      booked |= e->kind == RC_KIND_MASSAGE;
      training |= spec_training (e);
    }
  out->due = training && !booked;
}

/* The best day of the week from MON: RC_DAY_INVALID for none. */
static RcDay
spec_best (GPtrArray *plan,
           RcDay      mon,
           RcProfile  profile)
{
  RcVerdict verdict[7];
  gint64 hardest = -1, top = -1;
  gboolean training = FALSE;

  for (guint i = 0; i < plan->len; i++)
    {
      const RcEntry *e = plan->pdata[i];
      int rpe = e->rpe != RC_NONE ? e->rpe : rc_kind_default_rpe (e->kind);
      int minutes = e->minutes != RC_NONE ? e->minutes : rc_kind_default_minutes (e->kind);
      gint64 score = (gint64) MAX (rpe, 0) * MAX (minutes, 0) + (e->kind == RC_KIND_RACE ? G_GINT64_CONSTANT (1) << 40 : 0);

      if (!spec_training (e) || e->day + 7 < mon || e->day > mon + 6)
        continue;
      training = TRUE;
      if (e->day >= mon && (score > top || (score == top && e->day < hardest)))
        {
          top = score;
          hardest = e->day;
        }
    }
  if (!training)
    return RC_DAY_INVALID;
  for (int i = 0; i < 7; i++)
    {
      SpecDay sd;

      spec_day (plan, mon + i, profile, 60, &sd);
      verdict[i] = sd.verdict;
    }
  for (int i = 0; i < 7; i++)
    if (verdict[i] == IDEAL && hardest >= 0 && (mon + i == hardest + 2 || mon + i == hardest + 3))
      return mon + i;
  for (int i = 0; i < 7; i++)
    if (verdict[i] == IDEAL)
      return mon + i;
  for (int i = 0; i < 7; i++)
    if (verdict[i] == SAFE)
      return mon + i;
  return RC_DAY_INVALID;
}

static void
assert_spec_day (const RcAdvice *x,
                 GPtrArray      *plan,
                 RcProfile       profile,
                 int             massage_minutes)
{
  SpecDay sd;

  spec_day (plan, x->day, profile, massage_minutes, &sd);
  g_assert_cmpuint (x->rules, ==, sd.fired);
  g_assert_cmpuint (x->decided_by, ==, sd.decided);
  g_assert_cmpint (x->verdict, ==, sd.verdict);
  g_assert_cmpint (x->massage, ==, sd.massage);
  if (sd.verdict != FORBIDDEN)
    {
      g_assert_cmpint (x->pressure_min, ==, sd.pmin);
      g_assert_cmpint (x->pressure_max, ==, sd.pmax);
    }
  g_assert_cmpint (x->minutes_min, ==, sd.mmin);
  g_assert_cmpint (x->minutes_max, ==, sd.mmax);
  g_assert_true (x->due == sd.due);
  for (guint r = 0; r < RC_N_RULES; r++)
    if (x->trigger[r] != NULL)
      {
        /* the nearest entry that matches, on the nearest day */
        g_assert_true (spec_is (x->trigger[r], spec_rows[r].match));
        g_assert_cmpint ((gint64) x->trigger[r]->day - x->day, ==, sd.near_day[r]);
      }
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

/* Advice from only the entries the header says a day depends on. */
static void
check_reach (GPtrArray    *plan,
             const RcAdvice *x,
             RcProfile     profile,
             GDateWeekday  week_start,
             int           massage_minutes)
{
  g_autoptr(GPtrArray) near = g_ptr_array_new ();
  RcAdvice one;

  for (guint i = 0; i < plan->len; i++)
    {
      RcEntry *e = plan->pdata[i];

      if (e->day + RC_RULES_DAYS_BEFORE >= x->day && e->day <= x->day + RC_RULES_DAYS_AFTER)
        g_ptr_array_add (near, e);
    }
  rc_rules_advise_day ((const RcEntry * const *) near->pdata, near->len, x->day, profile,
                       week_start, massage_minutes, &one);
  assert_advice_equal (&one, x);
}

static void
check_random_plan (GRand *rand)
{
  RcDay base = rc_day_from_iso ("2027-12-01") + (RcDay) g_rand_int_range (rand, 0, 400);
  g_autoptr(GPtrArray) plan = random_plan (rand, base);
  g_autoptr(GPtrArray) shuffled = g_ptr_array_new ();
  RcProfile profile = (RcProfile) g_rand_int_range (rand, 0, RC_N_PROFILES);
  GDateWeekday week_start = (GDateWeekday) g_rand_int_range (rand, G_DATE_MONDAY, G_DATE_SUNDAY + 1);
  int massage_minutes = g_rand_boolean (rand) ? RC_NONE : g_rand_int_range (rand, 15, 121);
  RcDay first = base + (RcDay) g_rand_int_range (rand, 0, 30);
  RcDay last = first + (RcDay) g_rand_int_range (rand, 0, 70);
  RcDay after = first + (RcDay) g_rand_int_range (rand, 0, (int) (last - first) + 1);
  RcDay next = RC_DAY_INVALID;
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;

  a = rc_rules_advise_range ((const RcEntry * const *) plan->pdata, plan->len, first, last,
                             profile, week_start, massage_minutes);
  for (RcDay d = first; d <= last; d++)
    {
      const RcAdvice *x = &g_array_index (a, RcAdvice, d - first);
      RcDay mon = d - (rc_day_weekday (d) + 7 - week_start) % 7;

      g_assert_cmpuint (x->day, ==, d);
      assert_spec_day (x, plan, profile, massage_minutes == RC_NONE ? 60 : massage_minutes);
      g_assert_true (x->best == (spec_best (plan, mon, profile) == d));
      assert_consistent_minutes (x, massage_minutes);
    }

  /* the next ideal day, as the model finds it */
  for (RcDay d = after + 1; d <= after + 14 && next == RC_DAY_INVALID; d++)
    {
      SpecDay sd;

      spec_day (plan, d, profile, 60, &sd);
      next = sd.verdict == IDEAL ? d : RC_DAY_INVALID;
    }
  g_assert_cmpuint (rc_rules_next_ideal_day ((const RcEntry * const *) plan->pdata, plan->len,
                                             after, profile), ==, next);

  /* any order of the entries, any single day, only the entries in reach: the same advice */
  for (guint i = 0; i < plan->len; i++)
    g_ptr_array_insert (shuffled, g_rand_int_range (rand, 0, (int) shuffled->len + 1), plan->pdata[i]);
  b = rc_rules_advise_range ((const RcEntry * const *) shuffled->pdata, shuffled->len, first, last,
                             profile, week_start, massage_minutes);
  for (guint i = 0; i < a->len; i++)
    {
      const RcAdvice *x = &g_array_index (a, RcAdvice, i), *y = &g_array_index (b, RcAdvice, i);
      RcAdvice one;

      assert_advice_equal (x, y);
      rc_rules_advise_day ((const RcEntry * const *) plan->pdata, plan->len, x->day, profile,
                           week_start, massage_minutes, &one);
      assert_advice_equal (&one, x);
      g_assert_cmpmem (one.conflict, sizeof one.conflict, x->conflict, sizeof x->conflict);
      check_reach (plan, x, profile, week_start, massage_minutes);
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
    { "/rules/rule/same-day-run/easy-fast", &case_same_day_easy_fast },
    { "/rules/rule/same-day-run/hard-cross", &case_same_day_hard_cross },
    { "/rules/rule/same-day-run/light-cross", &case_same_day_light_cross },
    { "/rules/rule/eve-of-quality/intervals", &case_eve_of_quality_intervals },
    { "/rules/rule/eve-of-quality/race", &case_eve_of_quality_race },
    { "/rules/rule/eve-of-quality/hard-easy", &case_eve_of_quality_hard_easy },
    { "/rules/rule/race-taper", &case_race_taper },
    { "/rules/rule/after-race/typical", &case_after_race },
    { "/rules/rule/after-race/fast", &case_after_race_fast },
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
    { "/rules/rule/rest-day", &case_rest_day },
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/classify", test_classify);
  g_test_add_func ("/rules/names", test_names);
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    g_test_add_data_func (rule_cases[i].path, rule_cases[i].rule_case, test_rule_case);
  g_test_add_func ("/rules/worked-example", test_worked_example);
  g_test_add_func ("/rules/worked-example/words", test_worked_example_words);
  g_test_add_func ("/rules/massage-minutes", test_massage_minutes);
  g_test_add_func ("/rules/guidance/tue-thu", test_guidance_tue_thu);
  g_test_add_func ("/rules/guidance/long-saturday", test_guidance_long_saturday);
  g_test_add_func ("/rules/guidance/five-runs", test_guidance_five_runs);
  g_test_add_func ("/rules/pressure-words", test_pressure_words);
  g_test_add_func ("/rules/precedence", test_precedence);
  g_test_add_func ("/rules/several-per-day", test_several_per_day);
  g_test_add_func ("/rules/eve-triggers", test_eve_triggers);
  g_test_add_func ("/rules/rpe-promotion", test_rpe_promotion);
  g_test_add_func ("/rules/best-day", test_best_day);
  g_test_add_func ("/rules/best-day/fallbacks", test_best_day_fallbacks);
  g_test_add_func ("/rules/best-day/window", test_best_day_window);
  g_test_add_func ("/rules/best-day/no-training", test_best_day_no_training);
  g_test_add_func ("/rules/next-ideal-day", test_next_ideal_day);
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
