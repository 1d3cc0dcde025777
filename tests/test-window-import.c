/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-import.c - activity files dropped on the window: stored in one
 * go, shown, and taken back by one Undo (then redone by one Redo). The drop
 * target gets a GdkFileList value, as a file manager's drop delivers it. */

#include "config.h"

#include "rc-window-import.h"
#include "rc-window-private.h"
#include "window-fixture.h"

static gboolean imported;

static void
on_imported (RcWindow *window,
             gpointer  data)
{
  imported = TRUE;
}

static gboolean
is_imported (gpointer data)
{
  return imported;
}

static gboolean
drop_files (WindowFixture *fixture,
            const char    *first,
            ...)
{
  g_autoptr(GSList) files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "activities", name, NULL);

      files = g_slist_append (files, g_file_new_for_path (path));
    }
  va_end (args);
  imported = FALSE;
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (rc_window_import_get_drop_target (fixture->window), "drop",
                         &value, 300.0, 300.0, &accepted);
  g_value_unset (&value);
  g_slist_free_full (g_steal_pointer (&files), g_object_unref);
  if (accepted)
    fixture_wait_until (is_imported, NULL, 20);
  /* the toast's show animation done: libadwaita 1.2 can crash when a toast
   * is dismissed (by the next change) while it still slides in */
  fixture_settle (400);
  return accepted;
}

/* "DATE KIND STATUS DONE" for each entry of the store, as the CLI sees it. */
static char *
rows (WindowFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = rc_store_list (fixture->other, RC_DAY_INVALID, RC_DAY_INVALID, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      const RcEntry *e = all->pdata[i];
      g_autofree char *iso = rc_day_to_iso (e->day);

      g_string_append_printf (out, "%s %s %s %d\n", iso, rc_kind_to_string (e->kind),
                              rc_status_to_string (e->status), e->done_minutes);
    }
  return g_string_free (out, FALSE);
}

static void
activate (WindowFixture *fixture,
          const char    *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  fixture_settle (400);
}

/* Run under TZ=Europe/London (meson.build): the Garmin run is on 8 Dec. */
static void
test_drop_undo_redo (WindowFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(RcEntry) tempo = rc_entry_new (fixture_day ("2026-12-08"), RC_KIND_TEMPO);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  RcWindow *window = fixture->window;

  g_signal_connect (window, "activities-imported", G_CALLBACK (on_imported), NULL);
  tempo->minutes = 50;
  g_assert_true (rc_store_add (fixture->other, tempo, &error));
  rc_calendar_model_refresh (window->model);
  before = rows (fixture);

  g_assert_true (drop_files (fixture, "garmin-laps.tcx", "cycling.tcx", "kml.gpx", NULL));
  after = rows (fixture);
  g_assert_cmpstr (after, ==, "2026-12-08 tempo done 45\n"
                              "2026-12-12 cross done 120\n");
  /* the window shows it at once, and offers to take it back */
  g_assert_nonnull (rc_calendar_model_lookup (window->model, tempo->id));
  g_assert_cmpint (rc_calendar_model_lookup (window->model, tempo->id)->status, ==, RC_STATUS_DONE);
  g_assert_nonnull (window->undo_toast);
  g_assert_cmpstr (adw_toast_get_title (window->undo_toast), ==,
                   "Activities — added: 1, matched: 1, skipped: 1");
  g_assert_cmpint (rc_undo_stack_peek_undo (rc_calendar_model_get_undo_stack (window->model))->type,
                   ==, RC_COMMAND_BATCH);

  /* the toast's Undo: one step takes the whole import back */
  activate (fixture, adw_toast_get_action_name (window->undo_toast));
  undone = rows (fixture);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (rc_undo_stack_can_undo (rc_calendar_model_get_undo_stack (window->model)));
  activate (fixture, "win.redo");
  redone = rows (fixture);
  g_assert_cmpstr (redone, ==, after);

  /* the same files again change nothing and offer no Undo */
  g_assert_true (drop_files (fixture, "garmin-laps.tcx.gz", "cycling.tcx", NULL));
  again = rows (fixture);
  g_assert_cmpstr (again, ==, after);

  /* undone, then imported again: matched again */
  activate (fixture, "win.undo");
  g_free (undone);
  undone = rows (fixture);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (drop_files (fixture, "garmin-laps.tcx", NULL));
  g_free (again);
  again = rows (fixture);
  g_assert_cmpstr (again, ==, "2026-12-08 tempo done 45\n");
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window-import/drop-undo-redo", WindowFixture, NULL,
              fixture_set_up, test_drop_undo_redo, fixture_tear_down);
  return g_test_run ();
}
