/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-activity-plan.c - an activity's kind, and whether it adds, matches or is skipped. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rc-activity-plan.h"
#include "rc-ics.h"

/* A long run, by load.md. */
#define LONG_RUN_MINUTES 90

void
rc_activity_decision_clear (RcActivityDecision *decision)
{
  g_clear_pointer (&decision->entry, rc_entry_free);
}

static gboolean
is_running_kind (RcKind kind)
{
  return kind == RC_KIND_EASY || kind == RC_KIND_LONG || kind == RC_KIND_TEMPO ||
         kind == RC_KIND_INTERVALS || kind == RC_KIND_RACE;
}

gboolean
rc_activity_same_family (RcKind a,
                         RcKind b)
{
  return (is_running_kind (a) && is_running_kind (b)) ||
         (a == RC_KIND_CROSS && b == RC_KIND_CROSS);
}

RcKind
rc_activity_kind (const RcActivity *activity)
{
  RcKind named = RC_KIND_CROSS;
  RcMassage massage;
  gboolean has_named, running;

  g_return_val_if_fail (activity != NULL, RC_KIND_EASY);

  has_named = rc_ics_kind_from_words (activity->name, &named, &massage);
  running = activity->sport != NULL ? rc_activity_is_running (activity)
                                    : has_named && is_running_kind (named);
  if (!running)
    return RC_KIND_CROSS;
  /* "Morning Run" names no kind beyond a run: the minutes decide */
  if (has_named && is_running_kind (named) && named != RC_KIND_EASY)
    return named;
  return activity->minutes >= LONG_RUN_MINUTES ? RC_KIND_LONG : RC_KIND_EASY;
}

/* Only a planned session matches: one done (by hand, or by another
 * activity) keeps what it says, and a massage is no session. */
static gboolean
is_planned (const RcEntry *entry)
{
  return entry->kind != RC_KIND_MASSAGE && entry->status == RC_STATUS_PLANNED;
}

static int
find_match (RcKind                 kind,
            const RcEntry * const *entries,
            guint                  n_entries)
{
  for (guint i = 0; i < n_entries; i++)
    if (is_planned (entries[i]) && entries[i]->kind == kind)
      return (int) i;
  for (guint i = 0; i < n_entries; i++)
    if (is_planned (entries[i]) && rc_activity_same_family (entries[i]->kind, kind))
      return (int) i;
  return -1;
}

/* What the file tells beyond the minutes, for the notes of an added session. */
static char *
recorded_notes (const RcActivity *activity)
{
  double km = activity->distance / 1000;

  if (activity->distance >= 0 && activity->heart_rate != RC_NONE)
    /* Translators: the notes of a session imported from a watch */
    return g_strdup_printf (_("Recorded: %.2f km, average heart rate %d bpm"), km, activity->heart_rate);
  if (activity->distance >= 0)
    /* Translators: the notes of a session imported from a watch */
    return g_strdup_printf (_("Recorded: %.2f km"), km);
  if (activity->heart_rate != RC_NONE)
    /* Translators: the notes of a session imported from a watch */
    return g_strdup_printf (_("Recorded: average heart rate %d bpm"), activity->heart_rate);
  return NULL;
}

static RcEntry *
new_entry (const RcActivity *activity,
           RcDay             day,
           int               time,
           RcKind            kind)
{
  RcEntry *entry = rc_entry_new (day, kind);

  entry->uid = rc_activity_uid (activity);
  entry->time = time;
  entry->minutes = CLAMP (activity->minutes, 1, RC_ACTIVITY_MAX_MINUTES);
  entry->rpe = RC_NONE;   /* the watch cannot tell; load.md takes the kind's default */
  entry->title = g_strdup (activity->name);
  entry->notes = recorded_notes (activity);
  /* it was run: done, with the minutes it took (the rpe stays the kind's) */
  entry->status = RC_STATUS_DONE;
  entry->done_minutes = entry->minutes;
  entry->activity = rc_activity_uid (activity);
  return entry;
}

void
rc_activity_mark_done (RcEntry          *entry,
                       const RcActivity *activity)
{
  g_return_if_fail (entry != NULL);
  g_return_if_fail (activity != NULL);

  entry->status = RC_STATUS_DONE;
  entry->done_minutes = CLAMP (activity->minutes, 1, RC_ACTIVITY_MAX_MINUTES);
  /* the watch cannot tell the effort: the plan's rpe counts (load.md) */
  entry->done_rpe = RC_NONE;
  g_free (entry->activity);
  entry->activity = rc_activity_uid (activity);
}

void
rc_activity_decide (const RcActivity       *activity,
                    const RcEntry * const  *day_entries,
                    guint                   n_entries,
                    const char             *imported_uid,
                    RcActivityDecision     *decision)
{
  g_autofree char *uid = NULL;
  int time, match;

  g_return_if_fail (activity != NULL);
  g_return_if_fail (day_entries != NULL || n_entries == 0);
  g_return_if_fail (decision != NULL);

  uid = rc_activity_uid (activity);
  memset (decision, 0, sizeof *decision);
  decision->kind = rc_activity_kind (activity);
  decision->day = rc_activity_local_day (activity, &time);

  decision->action = RC_ACTIVITY_SKIP;
  if (imported_uid != NULL)
    return;
  for (guint i = 0; i < n_entries; i++)
    if (g_strcmp0 (day_entries[i]->uid, uid) == 0 ||
        g_strcmp0 (day_entries[i]->activity, uid) == 0)
      return;

  match = find_match (decision->kind, day_entries, n_entries);
  if (match >= 0)
    {
      decision->action = RC_ACTIVITY_MATCH;
      decision->index = (guint) match;
      decision->entry = rc_entry_copy (day_entries[match]);
      rc_activity_mark_done (decision->entry, activity);
      return;
    }
  decision->action = RC_ACTIVITY_ADD;
  decision->entry = new_entry (activity, decision->day, time, decision->kind);
}
