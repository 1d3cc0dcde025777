/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-types.c - civil dates, times and kinds of the core. */

#include "config.h"

#include <locale.h>

#include "rc-types.h"

static void
test_iso_dates_strict (void)
{
  static const char *bad[] = {
    "2026-02-30", "2026-2-3", "26-02-03", "2026-13-01", "2026-00-10", "2026-01-00",
    "2026/01/01", "2026-01-011", " 2026-01-01", "2026-01-0a", "", "0000-01-01",
    "2027-02-29",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_cmpuint (rc_day_from_iso (bad[i]), ==, RC_DAY_INVALID);
  g_assert_cmpuint (rc_day_from_iso (NULL), ==, RC_DAY_INVALID);

  g_assert_cmpuint (rc_day_from_iso ("2028-02-29"), !=, RC_DAY_INVALID);
  g_assert_cmpuint (rc_day_from_iso ("2028-03-01") - rc_day_from_iso ("2028-02-28"), ==, 2);
  g_assert_cmpuint (rc_day_from_iso ("2027-01-01") - rc_day_from_iso ("2026-12-31"), ==, 1);
}

static void
test_iso_round_trip (void)
{
  RcDay first = rc_day_from_iso ("1999-12-25");

  for (RcDay d = first; d < first + 3 * 366; d++)
    {
      g_autofree char *iso = rc_day_to_iso (d);
      g_assert_cmpuint (rc_day_from_iso (iso), ==, d);
    }
}

static void
test_weekdays (void)
{
  RcDay mon = rc_day_from_iso ("2026-12-07");

  g_assert_cmpint (rc_day_weekday (mon), ==, G_DATE_MONDAY);
  g_assert_cmpint (rc_day_weekday (mon + 5), ==, G_DATE_SATURDAY);
  g_assert_cmpuint (rc_day_week_start (mon + 6, G_DATE_MONDAY), ==, mon);
  g_assert_cmpuint (rc_day_week_start (mon, G_DATE_MONDAY), ==, mon);
  g_assert_cmpuint (rc_day_week_start (mon, G_DATE_SUNDAY), ==, mon - 1);
  g_assert_cmpuint (rc_day_week_start (mon + 4, G_DATE_SATURDAY), ==, mon - 2);
  g_assert_cmpuint (rc_day_week_start (mon + 5, G_DATE_SATURDAY), ==, mon + 5);
}

static void
test_locale_week_start (void)
{
  /* The C locale is no one's choice: ISO 8601's Monday, not glibc's Sunday. */
  g_assert_nonnull (setlocale (LC_TIME, "C"));
  g_assert_cmpint (rc_day_locale_week_start (), ==, G_DATE_MONDAY);
  /* Germany starts on Monday too, where that locale is installed. */
  if (setlocale (LC_TIME, "de_DE.UTF-8") != NULL)
    g_assert_cmpint (rc_day_locale_week_start (), ==, G_DATE_MONDAY);
  setlocale (LC_TIME, "C");
}

static void
test_times (void)
{
  g_autofree char *s = rc_time_to_string (18 * 60 + 30);

  g_assert_cmpstr (s, ==, "18:30");
  g_assert_cmpint (rc_time_from_string ("18:30"), ==, 18 * 60 + 30);
  g_assert_cmpint (rc_time_from_string ("00:00"), ==, 0);
  g_assert_cmpint (rc_time_from_string ("23:59"), ==, 23 * 60 + 59);
  g_assert_cmpint (rc_time_from_string ("24:00"), ==, RC_NONE);
  g_assert_cmpint (rc_time_from_string ("7:30"), ==, RC_NONE);
  g_assert_cmpint (rc_time_from_string ("07:60"), ==, RC_NONE);
  g_assert_cmpint (rc_time_from_string ("07:3x"), ==, RC_NONE);
}

static void
test_kind_names (void)
{
  for (RcKind k = 0; k < RC_N_KINDS; k++)
    {
      RcKind back = RC_N_KINDS;

      g_assert_true (rc_kind_from_string (rc_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
      g_assert_nonnull (rc_kind_label (k));
    }
  for (RcMassage m = 0; m < RC_N_MASSAGES; m++)
    {
      RcMassage back = RC_N_MASSAGES;

      g_assert_true (rc_massage_from_string (rc_massage_to_string (m), &back));
      g_assert_cmpint (back, ==, m);
    }

  {
    RcKind k = RC_KIND_REST;
    g_assert_false (rc_kind_from_string ("jog", &k));
    g_assert_false (rc_kind_from_string ("Long", &k));
    g_assert_cmpint (k, ==, RC_KIND_REST);
  }
}

/* The names as the database, the CLI and the .ics files spell them: the
 * tables are their one definition, and a changed name would break old files. */
static void
test_stored_names (void)
{
  const char *statuses[] = { "planned", "done", "skipped" };
  const char *profiles[] = { "fast", "typical", "slow" };
  const char *week_starts[] = { "locale", "monday", "saturday", "sunday" };

  G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == RC_N_STATUSES);
  G_STATIC_ASSERT (G_N_ELEMENTS (profiles) == RC_N_PROFILES);
  G_STATIC_ASSERT (G_N_ELEMENTS (week_starts) == RC_N_WEEK_STARTS);
  for (RcStatus s = 0; s < RC_N_STATUSES; s++)
    {
      RcStatus back = RC_N_STATUSES;

      g_assert_cmpstr (rc_status_to_string (s), ==, statuses[s]);
      g_assert_true (rc_status_from_string (statuses[s], &back));
      g_assert_cmpint (back, ==, s);
    }
  for (RcProfile p = 0; p < RC_N_PROFILES; p++)
    {
      RcProfile back = RC_N_PROFILES;

      g_assert_cmpstr (rc_profile_to_string (p), ==, profiles[p]);
      g_assert_true (rc_profile_from_string (profiles[p], &back));
      g_assert_cmpint (back, ==, p);
    }
  for (RcWeekStart w = 0; w < RC_N_WEEK_STARTS; w++)
    {
      RcWeekStart back = RC_N_WEEK_STARTS;

      g_assert_cmpstr (rc_week_start_to_string (w), ==, week_starts[w]);
      g_assert_true (rc_week_start_from_string (week_starts[w], &back));
      g_assert_cmpint (back, ==, w);
    }
  g_assert_cmpint (rc_week_start_weekday (RC_WEEK_START_MONDAY), ==, G_DATE_MONDAY);
  g_assert_cmpint (rc_week_start_weekday (RC_WEEK_START_SATURDAY), ==, G_DATE_SATURDAY);
  g_assert_cmpint (rc_week_start_weekday (RC_WEEK_START_SUNDAY), ==, G_DATE_SUNDAY);
  g_assert_cmpint (rc_week_start_weekday (RC_WEEK_START_LOCALE), ==, rc_day_locale_week_start ());

  {
    RcWeekStart w = RC_WEEK_START_SUNDAY;

    g_assert_false (rc_week_start_from_string ("Monday", &w));
    g_assert_false (rc_week_start_from_string (NULL, &w));
    g_assert_cmpint (w, ==, RC_WEEK_START_SUNDAY);
  }
}

static void
test_entry_copy (void)
{
  g_autoptr(RcEntry) e = rc_entry_new (rc_day_from_iso ("2026-12-08"), RC_KIND_INTERVALS);
  g_autoptr(RcEntry) c = NULL;

  e->title = g_strdup ("6 × 800 m");
  e->notes = g_strdup ("track");
  c = rc_entry_copy (e);
  g_assert_true (rc_entry_equal (e, c));
  g_assert_true (c->title != e->title);
  c->rpe = 9;
  g_assert_false (rc_entry_equal (e, c));
  g_assert_cmpstr (rc_entry_display_title (e), ==, "6 × 800 m");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/iso-dates-strict", test_iso_dates_strict);
  g_test_add_func ("/types/iso-round-trip", test_iso_round_trip);
  g_test_add_func ("/types/weekdays", test_weekdays);
  g_test_add_func ("/types/locale-week-start", test_locale_week_start);
  g_test_add_func ("/types/times", test_times);
  g_test_add_func ("/types/kind-names", test_kind_names);
  g_test_add_func ("/types/stored-names", test_stored_names);
  g_test_add_func ("/types/entry-copy", test_entry_copy);

  return g_test_run ();
}
