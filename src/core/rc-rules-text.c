/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-rules-text.c - the advice in plain language: reasons, conflicts, minutes, labels. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rc-names-private.h"
#include "rc-rules.h"

static const struct {
  const char *name;
  const char *label;
  const char *icon;
} verdicts[RC_N_VERDICTS] = {
  /* Translators: what a day is for a massage: ideal, safe or forbidden */
  [RC_VERDICT_IDEAL]     = { "ideal",     N_("Ideal"),     "starred-symbolic" },
  [RC_VERDICT_SAFE]      = { "safe",      N_("Safe"),      "emblem-ok-symbolic" },
  [RC_VERDICT_FORBIDDEN] = { "forbidden", N_("Forbidden"), "action-unavailable-symbolic" },
};

static const RcNamedValue pressures[RC_N_PRESSURES] = {
  /* Translators: massage pressure: light, moderate or deep */
  [RC_PRESSURE_LIGHT]    = { "light",    NC_("pressure", "Light") },
  [RC_PRESSURE_MODERATE] = { "moderate", NC_("pressure", "Moderate") },
  [RC_PRESSURE_DEEP]     = { "deep",     NC_("pressure", "Deep") },
};

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
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s on %2$s is in %3$d day: pre-event massage belongs 3-7 days before a race, not closer",
                                       "%1$s on %2$s is in %3$d days: pre-event massage belongs 3-7 days before a race, not closer",
                                       days),
                          what, when, days);
}

/* After a race: the day after for every profile, 2 days after for a slow one. */
static char *
reason_after_race (const char *what,
                   const char *when,
                   int         days,
                   gboolean    slow)
{
  if (days == 1 && !slow)
    /* Translators: a reason against a massage; %1$s is "Race", %2$s its date ("Sat 19 Dec"). */
    return g_strdup_printf (_("%1$s on %2$s was the day before: after a race, wait 2-3 days for the acute inflammation to settle"),
                            what, when);
  if (days == 1)
    /* Translators: a reason against a massage; %1$s is "Race", %2$s its date ("Sat 19 Dec"). */
    return g_strdup_printf (_("%1$s on %2$s was the day before: with a slow recovery, wait at least 3 days after a race for the acute inflammation to settle"),
                            what, when);
  /* Translators: a reason against a massage; %1$s is "Race", %2$s its date
   * ("Sat 19 Dec"), %3$d the days since. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s on %2$s was %3$d day ago: with a slow recovery, wait at least 3 days after a race for the acute inflammation to settle",
                                       "%1$s on %2$s was %3$d days ago: with a slow recovery, wait at least 3 days after a race for the acute inflammation to settle",
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

/* The day after a hard effort (typical, slow), or 2 days after (slow). */
static char *
reason_after_hard (const char *what,
                   const char *when,
                   int         days,
                   gboolean    slow)
{
  if (days == 1 && !slow)
    /* Translators: a reason that caps a massage; %1$s is a kind of training
     * ("Tempo run"), %2$s its date ("Thu 10 Dec"). */
    return g_strdup_printf (_("%1$s on %2$s was the day before: wait at least a day after a hard effort, ideally 2-3 days, and keep the pressure moderate at most"),
                            what, when);
  if (days == 1)
    /* Translators: a reason that caps a massage; %1$s is a kind of training
     * ("Tempo run"), %2$s its date ("Thu 10 Dec"). */
    return g_strdup_printf (_("%1$s on %2$s was the day before: with a slow recovery, leave two days' buffer after a hard effort, so this day is safe at most, at moderate pressure"),
                            what, when);
  /* Translators: a reason that caps a massage; %1$s is a kind of training
   * ("Tempo run"), %2$s its date ("Thu 10 Dec"), %3$d the days since. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s on %2$s was %3$d day ago: with a slow recovery, keep the pressure moderate at most within two days of a hard effort",
                                       "%1$s on %2$s was %3$d days ago: with a slow recovery, keep the pressure moderate at most within two days of a hard effort",
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
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s on %2$s is in %3$d day: pre-event massage fits 3-7 days before a race, 5-7 days is better",
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
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s on %2$s is in %3$d day: 5-7 days before a race is the ideal time for pre-event massage",
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
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s on %2$s was %3$d day ago: with a slow recovery, 3-4 days after a race is the time for post-event massage",
                                         "%1$s on %2$s was %3$d days ago: with a slow recovery, 3-4 days after a race is the time for post-event massage",
                                         days),
                            what, when, days);
  /* Translators: a reason for a massage; %1$s is "Race", %2$s its date
   * ("Sat 19 Dec"), %3$d the days since. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s on %2$s was %3$d day ago: 2-3 days after a race is the time for post-event massage",
                                       "%1$s on %2$s was %3$d days ago: 2-3 days after a race is the time for post-event massage",
                                       days),
                          what, when, days);
}

/* A fast profile's window: 1-3 days after a hard effort. */
static char *
reason_post_effort_fast (const char *what,
                         const char *when,
                         int         days)
{
  if (days == 1)
    /* Translators: a reason for a massage; %1$s is a kind of training
     * ("Intervals"), %2$s its date ("Tue 1 Dec"). */
    return g_strdup_printf (_("%1$s on %2$s was the day before: with a fast recovery, 1-3 days after a hard effort is a good time for recovery massage"),
                            what, when);
  /* Translators: a reason for a massage; %1$s is a kind of training
   * ("Intervals"), %2$s its date ("Tue 1 Dec"), %3$d the days since. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s on %2$s was %3$d day ago: with a fast recovery, 1-3 days after a hard effort is a good time for recovery massage",
                                       "%1$s on %2$s was %3$d days ago: with a fast recovery, 1-3 days after a hard effort is a good time for recovery massage",
                                       days),
                          what, when, days);
}

static char *
reason_post_effort (const RcEntry *trigger,
                    const char    *what,
                    const char    *when,
                    int            days,
                    RcProfile      profile)
{
  if (profile == RC_PROFILE_FAST && (days == 1 || !rc_rules_is_race (trigger)))
    return reason_post_effort_fast (what, when, days);
  if (rc_rules_is_race (trigger))
    return reason_post_race (what, when, days, profile == RC_PROFILE_SLOW);
  if (profile == RC_PROFILE_SLOW)
    /* Translators: a reason for a massage; %1$s is a kind of training
     * ("Intervals"), %2$s its date ("Tue 1 Dec"), %3$d the days since. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s on %2$s was %3$d day ago: with a slow recovery, 3-4 days after a hard effort is the best time for recovery massage",
                                         "%1$s on %2$s was %3$d days ago: with a slow recovery, 3-4 days after a hard effort is the best time for recovery massage",
                                         days),
                            what, when, days);
  /* Translators: a reason for a massage; %1$s is a kind of training
   * ("Intervals"), %2$s its date ("Tue 1 Dec"), %3$d the days since. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s on %2$s was %3$d day ago: 2-3 days after a hard effort is the best time for recovery massage",
                                       "%1$s on %2$s was %3$d days ago: 2-3 days after a hard effort is the best time for recovery massage",
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
      return reason_after_race (what, when, days, slow);
    case RC_RULE_EVE_OF_RUN:
      return reason_eve_of_run (what, when);
    case RC_RULE_AFTER_HARD:
      return reason_after_hard (what, when, days, slow);
    case RC_RULE_PRE_EVENT_EARLY:
      return reason_pre_event_early (what, when, days);
    case RC_RULE_PRE_EVENT_IDEAL:
      return reason_pre_event_ideal (what, when, days);
    case RC_RULE_POST_EFFORT_IDEAL:
      return reason_post_effort (trigger, what, when, days, advice->profile);
    case RC_RULE_REST_DAY:
      return reason_rest_day (what, when);
    case RC_N_RULES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The reasons of the fired rules in MASK, in table order. */
static void
add_reasons (GStrvBuilder   *builder,
             const RcAdvice *advice,
             guint32         mask)
{
  for (RcRule r = 0; r < RC_N_RULES; r++)
    if ((mask & (1u << r)) != 0 && rc_advice_has_rule (advice, r) && advice->trigger[r] != NULL)
      {
        g_autofree char *reason = reason_for (advice, r);

        g_strv_builder_add (builder, reason);
      }
}

char **
rc_advice_reasons_decided (const RcAdvice *advice)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (advice != NULL, NULL);

  add_reasons (builder, advice, advice->decided_by);
  return g_strv_builder_end (builder);
}

char **
rc_advice_reasons_considered (const RcAdvice *advice)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (advice != NULL, NULL);

  add_reasons (builder, advice, ~advice->decided_by);
  return g_strv_builder_end (builder);
}

char **
rc_advice_reasons (const RcAdvice *advice)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (advice != NULL, NULL);

  add_reasons (builder, advice, advice->decided_by);
  add_reasons (builder, advice, ~advice->decided_by);
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
  /* Translators: the length of a massage: "60 minutes". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", advice->minutes_max),
                          advice->minutes_max);
}

/* The sentence of an allowed day, given the pressure ("moderate", "light to
 * moderate") and the minutes ("60 minutes"). */
static char *
summary_allowed (const RcAdvice *advice,
                 const char     *pressure,
                 const char     *minutes)
{
  gboolean ideal = advice->verdict == RC_VERDICT_IDEAL;

  switch (advice->massage)
    {
    case RC_MASSAGE_PRE_EVENT:
      /* Translators: the summary of a day; %1$s is a pressure range
       * ("light to moderate"), %2$s the minutes ("30-45 minutes"). */
      return ideal ? g_strdup_printf (_("Ideal day for a pre-event massage: %1$s pressure, %2$s"), pressure, minutes)
                   : g_strdup_printf (_("Safe for a pre-event massage: %1$s pressure, %2$s"), pressure, minutes);
    case RC_MASSAGE_POST_RUN:
      /* Translators: the summary of a day; %1$s is a pressure range
       * ("moderate to deep"), %2$s the minutes ("60 minutes"). */
      return ideal ? g_strdup_printf (_("Ideal day for a post-run massage: %1$s pressure, %2$s"), pressure, minutes)
                   : g_strdup_printf (_("Safe for a post-run massage: %1$s pressure, %2$s"), pressure, minutes);
    case RC_MASSAGE_MAINTENANCE:
    case RC_MASSAGE_NONE:
    case RC_N_MASSAGES:
    default:
      /* Translators: the summary of a day; %1$s is a pressure range
       * ("light to deep"), %2$s the minutes ("60 minutes"). */
      return ideal ? g_strdup_printf (_("Ideal day for a maintenance massage: %1$s pressure, %2$s"), pressure, minutes)
                   : g_strdup_printf (_("Safe for a maintenance massage: %1$s pressure, %2$s"), pressure, minutes);
    }
}

char *
rc_advice_summary (const RcAdvice *advice)
{
  g_autofree char *minutes = NULL;

  g_return_val_if_fail (advice != NULL, NULL);

  if (advice->verdict == RC_VERDICT_FORBIDDEN)
    /* Translators: the summary of a day on which the rules forbid massage. */
    return g_strdup (_("No massage on this day"));
  minutes = rc_advice_minutes_text (advice);
  return summary_allowed (advice, rc_advice_pressure_text (advice), minutes);
}

RC_DEFINE_TO_STRING (RcVerdict, rc_verdict, verdicts, RC_N_VERDICTS)
RC_DEFINE_LABEL (RcVerdict, rc_verdict, verdicts, RC_N_VERDICTS)

const char *
rc_verdict_icon_name (RcVerdict verdict)
{
  g_return_val_if_fail (verdict < RC_N_VERDICTS, NULL);
  return verdicts[verdict].icon;
}

/* A pressure range for the middle of a sentence: "light to moderate". */
const char *
rc_advice_pressure_text (const RcAdvice *advice)
{
  /* Translators: massage pressure ranges, used inside a sentence
   * ("Ideal day for a post-run massage: moderate to deep pressure, 60 minutes");
   * a range whose ends meet is one word. */
  static const char *ranges[RC_N_PRESSURES][RC_N_PRESSURES] = {
    [RC_PRESSURE_LIGHT] = {
      [RC_PRESSURE_LIGHT] = NC_("pressure range", "light"),
      [RC_PRESSURE_MODERATE] = NC_("pressure range", "light to moderate"),
      [RC_PRESSURE_DEEP] = NC_("pressure range", "light to deep"),
    },
    [RC_PRESSURE_MODERATE] = {
      [RC_PRESSURE_MODERATE] = NC_("pressure range", "moderate"),
      [RC_PRESSURE_DEEP] = NC_("pressure range", "moderate to deep"),
    },
    [RC_PRESSURE_DEEP] = {
      [RC_PRESSURE_DEEP] = NC_("pressure range", "deep"),
    },
  };

  g_return_val_if_fail (advice != NULL, NULL);
  g_return_val_if_fail (advice->pressure_min <= advice->pressure_max, NULL);

  if (advice->verdict == RC_VERDICT_FORBIDDEN)
    return NULL;
  return g_dpgettext2 (GETTEXT_PACKAGE, "pressure range",
                       ranges[advice->pressure_min][advice->pressure_max]);
}

RC_DEFINE_TO_STRING (RcPressure, rc_pressure, pressures, RC_N_PRESSURES)

const char *
rc_pressure_label (RcPressure pressure)
{
  g_return_val_if_fail (pressure < RC_N_PRESSURES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "pressure", pressures[pressure].label);
}
