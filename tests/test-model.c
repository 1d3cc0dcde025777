/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-model.c - the calendar model and its undo stack, without a display:
 * every edit is saved, undoable, announced once, and re-advised; an .ics
 * import is one step, undone and redone in one transaction. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "rc-calendar-model.h"
#include "rc-ics.h"
#include "rc-test-util.h"

typedef struct {
  char            *dir;
  RcStore         *store;
  RcStore         *other;     /* a second connection: the CLI, another process */
  RcCalendarModel *model;
  guint            n_changed;
  GPtrArray       *notified;  /* property names, in order */
} Fixture;

/* The week of Mon 7 Dec 2026, as the window shows it. */
#define WEEK "2026-12-07"

static void
on_changed (RcCalendarModel *model,
            Fixture         *f)
{
  f->n_changed++;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Fixture    *f)
{
  g_ptr_array_add (f->notified, g_strdup (g_param_spec_get_name (pspec)));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = rc_test_make_tmp_dir ("rc-model-XXXXXX");
  f->store = rc_test_open_store (f->dir, "plan.db");
  path = g_build_filename (f->dir, "plan.db", NULL);
  f->other = rc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rc_store_set_setting (f->store, RC_SETTING_WEEK_START, "monday", &error));
  g_assert_no_error (error);

  f->model = rc_calendar_model_new (f->store);
  f->notified = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->model, "changed", G_CALLBACK (on_changed), f);
  g_signal_connect (f->model, "notify", G_CALLBACK (on_notify), f);
  rc_calendar_model_set_range (f->model, rc_test_day (WEEK), rc_test_day (WEEK) + 6);
  f->n_changed = 0;
  g_ptr_array_set_size (f->notified, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->model);
  g_clear_object (&f->other);
  g_clear_object (&f->store);
  g_clear_pointer (&f->notified, g_ptr_array_unref);
  rc_test_remove_tree (f->dir);
  g_free (f->dir);
}

static guint
count_on (Fixture    *f,
          const char *iso)
{
  guint n = 0;

  rc_calendar_model_get_entries (f->model, rc_test_day (iso), &n);
  return n;
}

static guint
count_stored (Fixture *f)
{
  g_autoptr(GPtrArray) all = rc_store_list (f->other, RC_DAY_INVALID, RC_DAY_INVALID, NULL);

  g_assert_nonnull (all);
  return all->len;
}

static RcVerdict
verdict_on (Fixture    *f,
            const char *iso)
{
  const RcAdvice *advice = rc_calendar_model_get_advice (f->model, rc_test_day (iso));

  g_assert_nonnull (advice);
  return advice->verdict;
}

static gboolean
was_notified (Fixture    *f,
              const char *name)
{
  for (guint i = 0; i < f->notified->len; i++)
    if (g_strcmp0 (f->notified->pdata[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* A race on Saturday: the model stores it, says "changed" once, and the
 * advice of its day and the day before turns forbidden. */
static void
test_add_advises (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpint (verdict_on (f, "2026-12-11"), !=, RC_VERDICT_FORBIDDEN);
  id = rc_calendar_model_add_kind (f->model, RC_KIND_RACE, rc_test_day ("2026-12-12"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (count_on (f, "2026-12-12"), ==, 1);
  g_assert_cmpuint (count_stored (f), ==, 1);
  g_assert_nonnull (rc_calendar_model_lookup (f->model, id));
  g_assert_cmpint (verdict_on (f, "2026-12-12"), ==, RC_VERDICT_FORBIDDEN);
  g_assert_cmpint (verdict_on (f, "2026-12-11"), ==, RC_VERDICT_FORBIDDEN);
  g_assert_true (rc_calendar_model_has_entries (f->model));
  g_assert_true (rc_undo_stack_can_undo (rc_calendar_model_get_undo_stack (f->model)));
}

/* Move, edit and delete, each undone and redone: the store, the model's
 * entries and the advice follow every step. */
/* load.md: done and skip are edits like any other: saved, undone, redone;
 * done defaults to the planned values; a massage takes no status. */
static void
test_status_undo_redo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) stored = NULL;
  const RcEntry *e;
  gint64 id, massage, copy;

  id = rc_calendar_model_add_kind (f->model, RC_KIND_TEMPO, rc_test_day ("2026-12-08"), &error);
  g_assert_no_error (error);
  massage = rc_calendar_model_add_kind (f->model, RC_KIND_MASSAGE, rc_test_day ("2026-12-09"), &error);
  g_assert_no_error (error);

  f->n_changed = 0;
  g_assert_true (rc_calendar_model_set_status (f->model, id, RC_STATUS_DONE, 55, 8, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 1);
  e = rc_calendar_model_lookup (f->model, id);
  g_assert_cmpint (e->status, ==, RC_STATUS_DONE);
  g_assert_cmpint (e->done_minutes, ==, 55);
  g_assert_cmpint (e->done_rpe, ==, 8);
  /* saved: the other connection sees it */
  stored = rc_store_get (f->other, id, &error);
  g_assert_cmpint (stored->status, ==, RC_STATUS_DONE);

  g_assert_true (rc_calendar_model_set_status (f->model, id, RC_STATUS_SKIPPED, RC_NONE, RC_NONE, &error));
  e = rc_calendar_model_lookup (f->model, id);
  g_assert_cmpint (e->status, ==, RC_STATUS_SKIPPED);
  g_assert_cmpint (e->done_minutes, ==, RC_NONE);

  /* undo the skip: done again with its values; undo the done: planned */
  g_assert_true (rc_calendar_model_undo (f->model, &error));
  e = rc_calendar_model_lookup (f->model, id);
  g_assert_cmpint (e->status, ==, RC_STATUS_DONE);
  g_assert_cmpint (e->done_minutes, ==, 55);
  g_assert_true (rc_calendar_model_undo (f->model, &error));
  g_assert_cmpint (rc_calendar_model_lookup (f->model, id)->status, ==, RC_STATUS_PLANNED);
  g_assert_true (rc_calendar_model_redo (f->model, &error));
  g_assert_cmpint (rc_calendar_model_lookup (f->model, id)->status, ==, RC_STATUS_DONE);
  g_assert_no_error (error);

  /* done without values: the planned minutes (tempo's default) and RPE */
  g_assert_true (rc_calendar_model_set_status (f->model, id, RC_STATUS_PLANNED, RC_NONE, RC_NONE, &error));
  g_assert_true (rc_calendar_model_set_status (f->model, id, RC_STATUS_DONE, RC_NONE, RC_NONE, &error));
  e = rc_calendar_model_lookup (f->model, id);
  g_assert_cmpint (e->done_minutes, ==, e->minutes);
  g_assert_cmpint (e->done_rpe, ==, e->rpe);

  /* a copy of a done session is a new plan */
  copy = rc_calendar_model_copy (f->model, id, rc_test_day ("2026-12-10"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rc_calendar_model_lookup (f->model, copy)->status, ==, RC_STATUS_PLANNED);

  f->n_changed = 0;
  g_assert_false (rc_calendar_model_set_status (f->model, massage, RC_STATUS_DONE, RC_NONE, RC_NONE, &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID);
  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_cmpint (rc_calendar_model_lookup (f->model, massage)->status, ==, RC_STATUS_PLANNED);
}

static void
test_edit_undo_redo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RcUndoStack *undo = rc_calendar_model_get_undo_stack (f->model);
  g_autoptr(RcEntry) edited = NULL;
  gint64 id;

  id = rc_calendar_model_add_kind (f->model, RC_KIND_RACE, rc_test_day ("2026-12-12"), &error);
  g_assert_no_error (error);

  /* move Saturday's race to Thursday: Friday is no longer its eve */
  g_assert_true (rc_calendar_model_move (f->model, id, rc_test_day ("2026-12-10"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_on (f, "2026-12-12"), ==, 0);
  g_assert_cmpuint (count_on (f, "2026-12-10"), ==, 1);
  g_assert_cmpint (verdict_on (f, "2026-12-09"), ==, RC_VERDICT_FORBIDDEN);
  g_assert_cmpint (verdict_on (f, "2026-12-11"), ==, RC_VERDICT_FORBIDDEN);   /* after-race */

  /* edit it into rest: nothing forbids Wednesday any more */
  edited = rc_entry_copy (rc_calendar_model_lookup (f->model, id));
  edited->kind = RC_KIND_REST;
  g_assert_true (rc_calendar_model_update (f->model, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rc_calendar_model_lookup (f->model, id)->kind, ==, RC_KIND_REST);
  g_assert_cmpint (verdict_on (f, "2026-12-09"), !=, RC_VERDICT_FORBIDDEN);

  g_assert_true (rc_calendar_model_delete (f->model, id, &error));
  g_assert_no_error (error);
  g_assert_null (rc_calendar_model_lookup (f->model, id));
  g_assert_cmpuint (count_stored (f), ==, 0);

  /* undo delete, edit, move: the race is back on Saturday, with its id */
  f->n_changed = 0;
  g_assert_true (rc_calendar_model_undo (f->model, &error));
  g_assert_cmpint (rc_calendar_model_lookup (f->model, id)->kind, ==, RC_KIND_REST);
  g_assert_true (rc_calendar_model_undo (f->model, &error));
  g_assert_cmpint (rc_calendar_model_lookup (f->model, id)->kind, ==, RC_KIND_RACE);
  g_assert_true (rc_calendar_model_undo (f->model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 3);
  g_assert_cmpuint (count_on (f, "2026-12-12"), ==, 1);
  g_assert_cmpint (verdict_on (f, "2026-12-11"), ==, RC_VERDICT_FORBIDDEN);
  g_assert_true (rc_undo_stack_can_redo (undo));

  /* redo all three, then the add's undo and redo */
  for (int i = 0; i < 3; i++)
    g_assert_true (rc_calendar_model_redo (f->model, &error));
  g_assert_no_error (error);
  g_assert_null (rc_calendar_model_lookup (f->model, id));
  g_assert_false (rc_undo_stack_can_redo (undo));
  for (int i = 0; i < 4; i++)
    g_assert_true (rc_calendar_model_undo (f->model, &error));
  g_assert_cmpuint (count_stored (f), ==, 0);
  g_assert_false (rc_undo_stack_can_undo (undo));
  /* with nothing to undo, undo does nothing and says nothing */
  f->n_changed = 0;
  g_assert_true (rc_calendar_model_undo (f->model, &error));
  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_true (rc_calendar_model_redo (f->model, &error));
  g_assert_cmpuint (count_stored (f), ==, 1);
}

static void
on_undo_notify (GObject    *object,
                GParamSpec *pspec,
                guint      *count)
{
  (*count)++;
}

/* A new edit after an undo clears redo: redoing the undone add must not
 * bring it back beside the new one. */
static void
test_new_edit_clears_redo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RcUndoStack *undo = rc_calendar_model_get_undo_stack (f->model);
  guint can_redo_notes = 0;
  gint64 second;

  g_signal_connect (undo, "notify::can-redo", G_CALLBACK (on_undo_notify), &can_redo_notes);
  rc_calendar_model_add_kind (f->model, RC_KIND_EASY, rc_test_day ("2026-12-08"), &error);
  g_assert_true (rc_calendar_model_undo (f->model, &error));
  g_assert_true (rc_undo_stack_can_redo (undo));
  g_assert_cmpuint (can_redo_notes, >, 0);

  second = rc_calendar_model_add_kind (f->model, RC_KIND_LONG, rc_test_day ("2026-12-13"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, 0);
  g_assert_false (rc_undo_stack_can_redo (undo));
  g_assert_null (rc_undo_stack_peek_redo (undo));
  g_assert_true (rc_calendar_model_redo (f->model, &error));
  g_assert_cmpuint (count_on (f, "2026-12-08"), ==, 0);
  g_assert_cmpuint (count_on (f, "2026-12-13"), ==, 1);
  g_assert_cmpuint (count_stored (f), ==, 1);
  /* and the undo history holds the long run, then nothing */
  g_assert_true (rc_calendar_model_undo (f->model, &error));
  g_assert_cmpuint (count_stored (f), ==, 0);
  g_assert_false (rc_undo_stack_can_undo (undo));
}

/* A write by another connection (the command line) reaches the model on
 * refresh, and by the file monitor without one. */
static void
test_external_change (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) race = rc_entry_new (rc_test_day ("2026-12-13"), RC_KIND_RACE);
  g_autoptr(RcEntry) easy = rc_entry_new (rc_test_day ("2026-12-09"), RC_KIND_EASY);
  gint64 deadline;

  g_assert_true (rc_store_add (f->other, race, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_on (f, "2026-12-13"), ==, 0);
  rc_calendar_model_refresh (f->model);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (count_on (f, "2026-12-13"), ==, 1);
  g_assert_cmpint (verdict_on (f, "2026-12-12"), ==, RC_VERDICT_FORBIDDEN);
  /* nothing new: a refresh is free and silent */
  rc_calendar_model_refresh (f->model);
  g_assert_cmpuint (f->n_changed, ==, 1);
  /* an outside change is not the window's to undo */
  g_assert_false (rc_undo_stack_can_undo (rc_calendar_model_get_undo_stack (f->model)));

  g_assert_true (rc_store_add (f->other, easy, &error));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (count_on (f, "2026-12-09") == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (10000), TRUE);
  g_assert_cmpuint (count_on (f, "2026-12-09"), ==, 1);
  g_assert_cmpuint (f->n_changed, ==, 2);
}

/* While a sync writes (held), other connections' writes wait; releasing
 * brings them in with one refresh, later (from an idle). */
static void
test_hold_refresh (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  rc_calendar_model_hold_refresh (f->model, TRUE);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(RcEntry) easy = rc_entry_new (rc_test_day ("2026-12-09"), RC_KIND_EASY);

      g_assert_true (rc_store_add (f->other, easy, &error));
      g_assert_no_error (error);
      /* past the file monitor's rate limit (800 ms) for the last one */
      rc_test_spin (i == 2 ? 2000 : 300);
    }
  g_assert_cmpuint (count_on (f, "2026-12-09"), ==, 0);
  g_assert_cmpuint (f->n_changed, ==, 0);

  rc_calendar_model_hold_refresh (f->model, FALSE);
  g_assert_cmpuint (f->n_changed, ==, 0);   /* not within the release */
  while (f->n_changed == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (10000), TRUE);
  g_assert_cmpuint (count_on (f, "2026-12-09"), ==, 3);
  rc_test_spin (300);
  g_assert_cmpuint (f->n_changed, ==, 1);
}

/* Settings go through the model: stored, notified once each, re-advised; a
 * change by another connection is noticed on refresh. */
static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) hard = rc_entry_new (rc_test_day ("2026-12-08"), RC_KIND_INTERVALS);
  RcDay wednesday = rc_test_day ("2026-12-09");
  RcProfile profile;

  g_assert_true (rc_store_add (f->store, hard, &error));
  rc_calendar_model_refresh (f->model);
  g_assert_cmpint (rc_calendar_model_get_advice (f->model, wednesday)->profile, ==, RC_PROFILE_TYPICAL);
  g_ptr_array_set_size (f->notified, 0);

  g_assert_true (rc_calendar_model_set_setting (f->model, RC_SETTING_PROFILE, "slow", &error));
  g_assert_no_error (error);
  g_object_get (f->model, "profile", &profile, NULL);
  g_assert_cmpint (profile, ==, RC_PROFILE_SLOW);
  g_assert_cmpint (rc_store_get_profile (f->other), ==, RC_PROFILE_SLOW);
  g_assert_true (was_notified (f, "profile"));
  g_assert_false (was_notified (f, "week-start"));
  g_assert_cmpint (rc_calendar_model_get_advice (f->model, wednesday)->profile, ==, RC_PROFILE_SLOW);

  /* a bad value is refused, named, and nothing changes */
  g_ptr_array_set_size (f->notified, 0);
  g_assert_false (rc_calendar_model_set_setting (f->model, RC_SETTING_PROFILE, "sluggish", &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sluggish"));
  g_clear_error (&error);
  g_assert_cmpuint (f->notified->len, ==, 0);
  g_assert_cmpint (rc_calendar_model_get_profile (f->model), ==, RC_PROFILE_SLOW);

  /* the week start, set by another process */
  g_assert_true (rc_store_set_setting (f->other, RC_SETTING_WEEK_START, "sunday", &error));
  rc_calendar_model_refresh (f->model);
  g_assert_true (was_notified (f, "week-start"));
  g_assert_cmpint (rc_calendar_model_get_week_start (f->model), ==, G_DATE_SUNDAY);
}

/* The range is a pair of notifying properties; the advice covers it exactly. */
static void
test_range (Fixture       *f,
            gconstpointer  data)
{
  RcDay first = rc_test_day ("2026-12-28"), last = rc_test_day ("2027-01-31");
  guint got_first;

  rc_calendar_model_set_range (f->model, first, last);
  g_assert_true (was_notified (f, "first"));
  g_assert_true (was_notified (f, "last"));
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_object_get (f->model, "first", &got_first, NULL);
  g_assert_cmpuint (got_first, ==, first);
  g_assert_nonnull (rc_calendar_model_get_advice (f->model, first));
  g_assert_nonnull (rc_calendar_model_get_advice (f->model, last));
  g_assert_null (rc_calendar_model_get_advice (f->model, first - 1));
  g_assert_null (rc_calendar_model_get_advice (f->model, last + 1));

  /* the same range again: re-advised, but no property changed */
  g_ptr_array_set_size (f->notified, 0);
  rc_calendar_model_set_range (f->model, first, last);
  g_assert_cmpuint (f->notified->len, ==, 0);
}

/* A week whose days are all forbidden names the next ideal day within 14
 * days (rules-spec.md, Advisories). The model lists entries far enough
 * ahead for it: a session on the 15th day after the week (Mon 28 Dec)
 * forbids the 14th (Sun 27), which must not be named. */
static void
test_next_ideal_day (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RcDay week = rc_test_day (WEEK);
  gint64 tempo;

  /* a run every day from Mon 7 to Sat 26 Dec, long ones on 24 and 25 */
  for (RcDay d = week; d <= rc_test_day ("2026-12-26"); d++)
    {
      g_autofree char *iso = rc_day_to_iso (d);

      rc_test_add_kind (f->store, iso,
                        d >= rc_test_day ("2026-12-24") && d <= rc_test_day ("2026-12-25")
                        ? RC_KIND_LONG : RC_KIND_EASY);
    }
  tempo = rc_test_add_kind (f->store, "2026-12-28", RC_KIND_TEMPO);
  rc_calendar_model_set_range (f->model, week, week + 6);

  g_assert_true (rc_calendar_model_week_is_forbidden (f->model, week + 3));
  g_assert_cmpint (verdict_on (f, "2026-12-13"), ==, RC_VERDICT_FORBIDDEN);
  /* Sun 27 would be ideal (2 days after a long run) but for the tempo */
  g_assert_cmpuint (rc_calendar_model_next_ideal_day (f->model, week), ==, RC_DAY_INVALID);

  /* without the tempo, Sun 27 Dec is the one */
  g_assert_true (rc_calendar_model_delete (f->model, tempo, &error));
  g_assert_no_error (error);
  g_assert_true (rc_calendar_model_week_is_forbidden (f->model, week));
  g_assert_cmpuint (rc_calendar_model_next_ideal_day (f->model, week + 6), ==,
                    rc_test_day ("2026-12-27"));

  /* a week with one day free of runs is not all forbidden */
  rc_calendar_model_set_range (f->model, rc_test_day ("2026-12-21"), rc_test_day ("2026-12-27"));
  g_assert_false (rc_calendar_model_week_is_forbidden (f->model, rc_test_day ("2026-12-21")));
  /* a week outside the range names nothing */
  g_assert_false (rc_calendar_model_week_is_forbidden (f->model, week));
  g_assert_cmpuint (rc_calendar_model_next_ideal_day (f->model, week), ==, RC_DAY_INVALID);
}

/* The kept day (the panel's) keeps its whole advice, its entries and their
 * lookup when the range moves away from it, follows edits made out of its
 * sight, and is the only day out of the range that does. */
static void
test_kept_day (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RcDay friday = rc_test_day ("2026-12-04");
  RcDay far = rc_test_day ("2027-03-01");
  gint64 intervals = rc_test_add_kind (f->store, "2026-12-01", RC_KIND_INTERVALS);
  gint64 easy = rc_test_add_kind (f->store, "2026-12-03", RC_KIND_EASY);
  gint64 rest = rc_test_add_kind (f->store, "2026-12-04", RC_KIND_REST);
  const RcEntry * const *entries;
  const RcAdvice *advice;
  RcAdvice seen;
  guint n;

  /* Fri 4 Dec as its own week shows it: ideal, post-run, the week's best
   * (Thu 3 has a run) */
  rc_calendar_model_set_range (f->model, rc_test_day ("2026-11-30"), rc_test_day ("2026-12-06"));
  seen = *rc_calendar_model_get_advice (f->model, friday);
  g_assert_cmpint (seen.verdict, ==, RC_VERDICT_IDEAL);
  g_assert_cmpint (seen.massage, ==, RC_MASSAGE_POST_RUN);
  g_assert_true (seen.best);
  rc_calendar_model_keep_day (f->model, friday);
  g_assert_cmpuint (rc_calendar_model_get_kept_day (f->model), ==, friday);

  /* months away: the same advice, from the same entries */
  rc_calendar_model_set_range (f->model, far, far + 6);
  advice = rc_calendar_model_get_advice (f->model, friday);
  g_assert_nonnull (advice);
  g_assert_cmpuint (advice->day, ==, friday);
  g_assert_cmpint (advice->verdict, ==, seen.verdict);
  g_assert_cmpint (advice->best, ==, seen.best);
  g_assert_cmpint (advice->due, ==, seen.due);
  g_assert_cmpint (advice->massage, ==, seen.massage);
  g_assert_cmpuint (advice->rules, ==, seen.rules);
  g_assert_cmpuint (advice->decided_by, ==, seen.decided_by);
  g_assert_cmpint (advice->pressure_min, ==, seen.pressure_min);
  g_assert_cmpint (advice->pressure_max, ==, seen.pressure_max);
  g_assert_cmpint (advice->minutes_min, ==, seen.minutes_min);
  g_assert_cmpint (advice->minutes_max, ==, seen.minutes_max);
  g_assert_cmpint (advice->trigger[RC_RULE_POST_EFFORT_IDEAL]->id, ==, intervals);
  entries = rc_calendar_model_get_entries (f->model, friday, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (entries[0]->id, ==, rest);
  g_assert_nonnull (rc_calendar_model_lookup (f->model, rest));
  /* its neighbours are out of the range, as before */
  g_assert_null (rc_calendar_model_get_advice (f->model, friday - 1));
  g_assert_null (rc_calendar_model_get_advice (f->model, friday + 1));
  g_assert_null (rc_calendar_model_lookup (f->model, intervals));
  g_assert_null (rc_calendar_model_lookup (f->model, easy));

  /* a race the next day, added out of sight: re-advised with the range */
  g_assert_cmpint (rc_calendar_model_add_kind (f->model, RC_KIND_RACE, friday + 1, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (rc_calendar_model_get_advice (f->model, friday)->verdict, ==, RC_VERDICT_FORBIDDEN);
  g_assert_false (rc_calendar_model_get_advice (f->model, friday)->best);

  /* kept no more: out of the range, no advice */
  rc_calendar_model_keep_day (f->model, RC_DAY_INVALID);
  g_assert_null (rc_calendar_model_get_advice (f->model, friday));
  rc_calendar_model_get_entries (f->model, friday, &n);
  g_assert_cmpuint (n, ==, 0);
}

/* Booking books what the advice recommends: pre-event's 30-45 minutes at
 * the top; a massage added as a kind (the palette) the plan's default. */
static void
test_book_massage_minutes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RcDay sunday = rc_test_day ("2026-12-13");
  int fallback = rc_store_get_default_minutes (f->store, RC_KIND_MASSAGE);
  const RcEntry *booked, *added;
  gint64 id;

  rc_test_add_kind (f->store, "2026-12-19", RC_KIND_RACE);
  rc_calendar_model_set_range (f->model, rc_test_day (WEEK), rc_test_day (WEEK) + 6);
  g_assert_cmpint (rc_calendar_model_get_advice (f->model, sunday)->massage, ==, RC_MASSAGE_PRE_EVENT);
  g_assert_cmpint (rc_calendar_model_get_advice (f->model, sunday)->minutes_max, ==, 45);

  id = rc_calendar_model_book_massage (f->model, sunday, &error);
  g_assert_no_error (error);
  booked = rc_calendar_model_lookup (f->model, id);
  g_assert_cmpint (booked->massage, ==, RC_MASSAGE_PRE_EVENT);
  g_assert_cmpint (booked->minutes, ==, 45);

  id = rc_calendar_model_add_kind (f->model, RC_KIND_MASSAGE, sunday - 1, &error);
  g_assert_no_error (error);
  added = rc_calendar_model_lookup (f->model, id);
  g_assert_cmpint (added->massage, ==, RC_MASSAGE_PRE_EVENT);
  g_assert_cmpint (added->minutes, ==, fallback);
  g_assert_cmpint (fallback, !=, 45);
}

/* A failed edit changes nothing: no signal, no undo step. */
static void
test_failed_edit (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rc_calendar_model_move (f->model, 4242, rc_test_day ("2026-12-09"), &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rc_calendar_model_delete (f->model, 4242, &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_false (rc_undo_stack_can_undo (rc_calendar_model_get_undo_stack (f->model)));
}

/* Every stored row, "id uid date kind title", one a line: what the CLI sees. */
static char *
snapshot (Fixture *f)
{
  g_autoptr(GPtrArray) all = rc_store_list (f->other, RC_DAY_INVALID, RC_DAY_INVALID, NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (all);
  for (guint i = 0; i < all->len; i++)
    {
      const RcEntry *e = all->pdata[i];
      g_autofree char *iso = rc_day_to_iso (e->day);

      g_string_append_printf (out, "%lld %s %s %s %s %d\n", (long long) e->id, e->uid, iso,
                              rc_kind_to_string (e->kind), e->title != NULL ? e->title : "-",
                              e->minutes);
    }
  return g_string_free (out, FALSE);
}

/* One undo (FORWARDS: redo) of a batch: the store is then EXPECTED, and
 * the history says so, both ways, with a notify of each. */
static void
replay_and_check (Fixture    *f,
                  gboolean    forwards,
                  const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  RcUndoStack *undo = rc_calendar_model_get_undo_stack (f->model);
  guint can_undo_notes = 0, can_redo_notes = 0;
  gulong undo_handler, redo_handler;

  undo_handler = g_signal_connect (undo, "notify::can-undo", G_CALLBACK (on_undo_notify), &can_undo_notes);
  redo_handler = g_signal_connect (undo, "notify::can-redo", G_CALLBACK (on_undo_notify), &can_redo_notes);
  g_assert_true (forwards ? rc_calendar_model_redo (f->model, &error)
                          : rc_calendar_model_undo (f->model, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (undo, undo_handler);
  g_signal_handler_disconnect (undo, redo_handler);
  now = snapshot (f);
  g_assert_cmpstr (now, ==, expected);
  g_assert_cmpint (rc_undo_stack_can_undo (undo), ==, forwards);
  g_assert_cmpint (rc_undo_stack_can_redo (undo), ==, !forwards);
  g_assert_cmpuint (can_undo_notes, >, 0);
  g_assert_cmpuint (can_redo_notes, >, 0);
}

/* The .ics import as the window runs it (rc_ics_import_file_full on a
 * connection of its own), its result pushed on the model's history: one
 * undo takes the added entry away and puts the updated one back as it
 * was; one redo does both again; the history announces each turn. */
static void
test_ics_import_undo_redo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) tempo = rc_entry_new (rc_test_day ("2026-12-08"), RC_KIND_TEMPO);
  g_autofree char *path = g_build_filename (f->dir, "plan.ics", NULL);
  g_auto(RcIcsImportResult) result = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RcUndoStack *undo = rc_calendar_model_get_undo_stack (f->model);
  guint can_undo_notes = 0;
  gulong handler;
  const char *ics =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RecoveryCal tests//EN\r\n"
    "BEGIN:VEVENT\r\nUID:tempo@tests.example\r\nDTSTAMP:20261201T000000Z\r\n"
    "DTSTART;VALUE=DATE:20261210\r\nSUMMARY:Long run by the river\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:rest@tests.example\r\nDTSTAMP:20261201T000000Z\r\n"
    "DTSTART;VALUE=DATE:20261209\r\nSUMMARY:Rest day\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:easy@tests.example\r\nDTSTAMP:20261201T000000Z\r\n"
    "DTSTART;VALUE=DATE:20261211\r\nSUMMARY:Easy run\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  const char *rest_ics =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RecoveryCal tests//EN\r\n"
    "BEGIN:VEVENT\r\nUID:rest@tests.example\r\nDTSTAMP:20261201T000000Z\r\n"
    "DTSTART;VALUE=DATE:20261209\r\nSUMMARY:Rest day\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";

  tempo->uid = g_strdup ("tempo@tests.example");
  tempo->minutes = 50;
  tempo->title = g_strdup ("Tempo 8k");
  g_assert_true (rc_store_add (f->store, tempo, &error));
  /* the rest day as an earlier import of the same file left it */
  g_assert_true (g_file_set_contents (path, rest_ics, -1, &error));
  g_assert_true (rc_ics_import_file (f->store, path, &result, &error));
  g_assert_no_error (error);
  rc_ics_import_result_clear (&result);
  g_assert_true (g_file_set_contents (path, ics, -1, &error));
  g_assert_no_error (error);
  rc_calendar_model_refresh (f->model);
  before = snapshot (f);

  g_assert_true (rc_ics_import_file_full (f->other, path, RC_N_KINDS, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.unchanged, ==, 1);
  /* the rest day was unchanged: not a step of the batch */
  g_assert_nonnull (result.changes);
  g_assert_cmpuint (result.changes->len, ==, 2);
  after = snapshot (f);
  g_assert_cmpstr (after, !=, before);

  handler = g_signal_connect (undo, "notify::can-undo", G_CALLBACK (on_undo_notify), &can_undo_notes);
  rc_undo_stack_push_batch (undo, g_steal_pointer (&result.changes));
  g_signal_handler_disconnect (undo, handler);
  rc_calendar_model_refresh (f->model);
  g_assert_true (rc_undo_stack_can_undo (undo));
  g_assert_cmpuint (can_undo_notes, >, 0);
  g_assert_cmpuint (count_on (f, "2026-12-11"), ==, 1);
  g_assert_cmpuint (count_on (f, "2026-12-10"), ==, 1);

  /* undo: the added entry gone, the updated one back as it was */
  replay_and_check (f, FALSE, before);
  g_assert_cmpuint (count_on (f, "2026-12-11"), ==, 0);
  g_assert_cmpuint (count_on (f, "2026-12-10"), ==, 0);
  g_assert_cmpuint (count_on (f, "2026-12-08"), ==, 1);
  /* redo: both again */
  replay_and_check (f, TRUE, after);
  g_assert_cmpuint (count_on (f, "2026-12-11"), ==, 1);
  g_assert_cmpuint (count_on (f, "2026-12-10"), ==, 1);
}

/* A batch three entries long (an import) is undone and redone as one
 * transaction: one commit each way (one disk sync, not one per entry);
 * and when a step fails, none of the others is kept. */
static void
test_batch_one_transaction (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_entry_free);
  GPtrArray *batch = rc_undo_batch_new ();
  RcUndoStack *undo = rc_calendar_model_get_undo_stack (f->model);
  g_autofree char *after = NULL;
  g_autofree char *failed = NULL;
  gint64 stamp;

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (entries, rc_entry_new (rc_test_day ("2026-12-08") + i, RC_KIND_EASY));
  g_assert_true (rc_store_import (f->store, entries, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    rc_undo_batch_add (batch, RC_COMMAND_ADD, NULL, entries->pdata[i]);
  rc_undo_stack_push_batch (undo, batch);
  rc_calendar_model_refresh (f->model);

  stamp = rc_store_get_change_stamp (f->store);
  g_assert_true (rc_calendar_model_undo (f->model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_stored (f), ==, 0);
  g_assert_cmpint (rc_store_get_change_stamp (f->store), ==, stamp + 1);
  stamp = rc_store_get_change_stamp (f->store);
  g_assert_true (rc_calendar_model_redo (f->model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_stored (f), ==, 3);
  g_assert_cmpint (rc_store_get_change_stamp (f->store), ==, stamp + 1);

  /* the first entry deleted meanwhile (the CLI): the undo deletes the
   * third and second, then fails on the first, and keeps neither */
  g_assert_true (rc_store_delete (f->other, ((RcEntry *) entries->pdata[0])->id, &error));
  after = snapshot (f);
  g_assert_false (rc_calendar_model_undo (f->model, &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND);
  failed = snapshot (f);
  g_assert_cmpstr (failed, ==, after);
  g_assert_true (rc_undo_stack_can_undo (undo));
  g_assert_false (rc_undo_stack_can_redo (undo));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add ("/model/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("add-advises", test_add_advises);
  ADD ("edit-undo-redo", test_edit_undo_redo);
  ADD ("status-undo-redo", test_status_undo_redo);
  ADD ("new-edit-clears-redo", test_new_edit_clears_redo);
  ADD ("external-change", test_external_change);
  ADD ("hold-refresh", test_hold_refresh);
  ADD ("settings", test_settings);
  ADD ("range", test_range);
  ADD ("failed-edit", test_failed_edit);
  ADD ("next-ideal-day", test_next_ideal_day);
  ADD ("kept-day", test_kept_day);
  ADD ("book-massage-minutes", test_book_massage_minutes);
  ADD ("ics-import-undo-redo", test_ics_import_undo_redo);
  ADD ("batch-one-transaction", test_batch_one_transaction);
#undef ADD

  return g_test_run ();
}
