/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-german.c - with LANGUAGE=de the window, the rules' reasons and the
 * command line speak German, from the catalogue this build made. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "rc-cli.h"
#include "rc-preferences-window.h"
#include "window-fixture.h"

/* FALSE where de_DE.UTF-8 is not installed: messages are still German
 * (glibc honours LANGUAGE in C.UTF-8), day and month names are not. */
static gboolean german_dates;

static void
test_window (WindowFixture *fixture,
             gconstpointer  data)
{
  RcPreferencesWindow *prefs;
  const char *label;

  rc_window_go_to (fixture->window, rc_test_day ("2026-12-21"));
  label = rc_day_cell_get_label (fixture_cell (fixture, "2026-12-21"));
  g_test_message ("%s", label);
  g_assert_nonnull (strstr (label, "ideal für eine Massage"));
  g_assert_cmpstr (rc_kind_label (RC_KIND_LONG), ==, "Langer Lauf");
  if (german_dates)
    {
      g_assert_true (g_str_has_prefix (label, "Montag, 21. Dezember 2026"));
      g_assert_cmpstr (rc_window_get_period_title (fixture->window), ==, "21. – 27. Dez 2026");
    }

  /* Templates take their strings from the same catalogue. */
  prefs = rc_preferences_window_new (GTK_WINDOW (fixture->window),
                                     rc_window_get_model (fixture->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (prefs)), ==, "Einstellungen");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* The one reason LIST gives for ISO, once the window has gone to that day. */
static char *
only_reason (WindowFixture *fixture,
             const char    *iso,
             char        **(*list) (const RcAdvice *advice))
{
  RcDay day = rc_test_day (iso);
  const RcAdvice *advice;
  g_auto(GStrv) reasons = NULL;

  rc_window_go_to (fixture->window, day);
  advice = rc_calendar_model_get_advice (rc_window_get_model (fixture->window), day);
  g_assert_nonnull (advice);
  reasons = list (advice);
  g_assert_cmpuint (g_strv_length (reasons), ==, 1);
  g_test_message ("%s", reasons[0]);
  return g_strdup (reasons[0]);
}

/* rules-spec.md's worked example: Monday 21 Dec, two days after the race;
 * Monday 7 Dec, the eve of the intervals. */
static void
test_reasons (WindowFixture *fixture,
              gconstpointer  data)
{
  g_autofree char *after_race = only_reason (fixture, "2026-12-21", rc_advice_reasons);
  g_autofree char *eve = NULL;

  g_assert_true (g_str_has_prefix (after_race, "Wettkampf am "));
  g_assert_nonnull (strstr (after_race, "vor 2 Tagen"));
  if (german_dates)
    g_assert_nonnull (strstr (after_race, "Sa, 19. Dez"));

  /* Monday 7 Dec, the eve of the intervals: the reason names the kinds it
   * means by their own words ("Tempolauf", not another "Tempotraining"). */
  eve = only_reason (fixture, "2026-12-07", rc_advice_reasons_decided);
  g_assert_true (g_str_has_prefix (eve, "Intervalle am "));
  g_assert_nonnull (strstr (eve, "Tempolauf"));
  g_assert_null (strstr (eve, "Tempotraining"));
}

static void
run_cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) "recoverycal");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  exit (rc_cli_run (argv->len - 1, (char **) argv->pdata));
}

/* The command line, run in a child as main() runs it. */
static void
test_cli (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;

  if (g_test_subprocess ())
    {
      if (g_strcmp0 (g_getenv ("RC_TEST_CLI"), "help") == 0)
        run_cli ((const char *[]) { "--help", NULL });
      run_cli ((const char *[]) { "--db", g_getenv ("RC_TEST_DB"), "add", "2026-12-07", "sprint", NULL });
    }

  dir = g_dir_make_tmp ("rc-german-XXXXXX", NULL);
  g_assert_nonnull (dir);
  db = g_build_filename (dir, "plan.db", NULL);
  g_setenv ("RC_TEST_DB", db, TRUE);

  g_setenv ("RC_TEST_CLI", "help", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDIN);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*Befehle:*");
  g_test_trap_assert_stdout ("*Eine Trainingseinheit eintragen*");

  g_setenv ("RC_TEST_CLI", "bad-kind", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDIN);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Unbekannte Art „sprint“*");

  /* the refusal came before any file was made */
  g_remove (db);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static const FixtureTest tests[] = {
  { "window",  test_window,  FIXTURE_WORKED_EXAMPLE },
  { "reasons", test_reasons, FIXTURE_WORKED_EXAMPLE },
};

int
main (int   argc,
      char *argv[])
{
  fixture_init_translated (&argc, &argv);
  german_dates = g_str_has_prefix (setlocale (LC_TIME, NULL), "de");

  if (!german_dates)
    g_test_message ("de_DE.UTF-8 is not installed: checking messages, not day names");

  fixture_add_tests ("/german/", tests, G_N_ELEMENTS (tests));
  g_test_add_func ("/german/cli", test_cli);

  return g_test_run ();
}
