/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-rules-text.c - the advice in plain language: reasons, conflicts, minutes, labels. */

#include "config.h"

#include <glib/gi18n-lib.h>

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

static const struct {
  const char *name;
  const char *label;
} pressures[RC_N_PRESSURES] = {
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

/* A pressure range for the middle of a sentence: "light to moderate". */
const char *
rc_advice_pressure_text (const RcAdvice *advice)
{
  /* Translators: massage pressure ranges, used inside a sentence
   * ("Suggested: Post-run massage, pressure moderate to deep, 60 minutes.") */
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
