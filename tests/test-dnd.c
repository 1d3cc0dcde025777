/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dnd.c - drops create, move and copy entries on the right date, edits
 * refuse bad values, and undo/redo restore rows exactly. Run in several TZs. */

#include "config.h"

#include <string.h>

#include "rc-entry-chip.h"
#include "rc-window-private.h"
#include "window-fixture.h"

static gint64
only_entry_id (WindowFixture *fixture,
               const char    *iso,
               RcKind         kind)
{
  g_autoptr(GPtrArray) entries = fixture_entries_on (fixture, iso);
  const RcEntry *entry;

  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  g_assert_cmpint (entry->kind, ==, kind);
  return entry->id;
}

/* A race dropped on Saturday turns the days around it (rules-spec.md). */
static void
test_drop_tile_creates_and_recolours (WindowFixture *fixture,
                                      gconstpointer  data)
{
  const char *before[] = { "safe", "safe", "ideal" };   /* 17, 18, 21 Dec */
  const char *after[] = { "forbidden", "forbidden", "ideal" };
  const char *days[] = { "2026-12-17", "2026-12-18", "2026-12-21" };
  g_autoptr(GPtrArray) none = fixture_entries_on (fixture, "2026-12-19");
  const RcEntry *race;
  g_autoptr(GPtrArray) entries = NULL;

  rc_window_go_to (fixture->window, rc_test_day ("2026-12-17"));
  g_assert_cmpuint (none->len, ==, 0);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, days[i])), ==, before[i]);

  g_assert_true (fixture_drop (fixture_cell (fixture, "2026-12-19"), RC_DND_KIND_PREFIX "race"));

  entries = fixture_entries_on (fixture, "2026-12-19");
  g_assert_cmpuint (entries->len, ==, 1);
  race = entries->pdata[0];
  g_assert_cmpint (race->kind, ==, RC_KIND_RACE);
  g_assert_cmpint (race->minutes, ==, rc_kind_default_minutes (RC_KIND_RACE));
  g_assert_cmpint (race->rpe, ==, rc_kind_default_rpe (RC_KIND_RACE));
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, days[i])), ==, after[i]);
  g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, "2026-12-20")), ==, "forbidden");
  g_assert_nonnull (rc_day_cell_get_chip (fixture_cell (fixture, "2026-12-19"), race->id));
  (void) before[2];
  (void) after[2];
}

/* The month view's dimmed neighbouring days take drops on their own date. */
static void
test_drop_on_dimmed_day (WindowFixture *fixture,
                         gconstpointer  data)
{
  rc_window_set_view (fixture->window, "month");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture_cell (fixture, "2027-01-02")), "dim"));
  g_assert_true (fixture_drop (fixture_cell (fixture, "2027-01-02"), RC_DND_KIND_PREFIX "long"));
  only_entry_id (fixture, "2027-01-02", RC_KIND_LONG);
  rc_window_set_view (fixture->window, "week");
}

static void
test_move_and_copy (WindowFixture *fixture,
                    gconstpointer  data)
{
  gint64 id = only_entry_id (fixture, "2026-12-12", RC_KIND_LONG);
  g_autofree char *move = g_strdup_printf (RC_DND_MOVE_PREFIX "%" G_GINT64_FORMAT, id);
  g_autofree char *copy = g_strdup_printf (RC_DND_COPY_PREFIX "%" G_GINT64_FORMAT, id);
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  g_autoptr(RcEntry) moved = NULL;

  g_assert_true (fixture_drop (fixture_cell (fixture, "2026-12-13"), move));
  left = fixture_entries_on (fixture, "2026-12-12");
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_cmpint (only_entry_id (fixture, "2026-12-13", RC_KIND_LONG), ==, id);
  g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, "2026-12-13")), ==, "forbidden");
  g_assert_nonnull (rc_day_cell_get_chip (fixture_cell (fixture, "2026-12-13"), id));
  g_assert_null (rc_day_cell_get_chip (fixture_cell (fixture, "2026-12-12"), id));

  /* Ctrl held: a copy with its own id and uid, the original stays. */
  g_assert_true (fixture_drop (fixture_cell (fixture, "2026-12-09"), copy));
  copied = fixture_entries_on (fixture, "2026-12-09");
  g_assert_cmpuint (copied->len, ==, 2);
  moved = rc_store_get (fixture->other, id, NULL);
  g_assert_cmpuint (moved->day, ==, rc_test_day ("2026-12-13"));
  for (guint i = 0; i < copied->len; i++)
    {
      const RcEntry *e = copied->pdata[i];

      if (e->kind == RC_KIND_LONG)
        {
          g_assert_cmpint (e->id, !=, id);
          g_assert_cmpstr (e->uid, !=, moved->uid);
          g_assert_cmpint (e->minutes, ==, moved->minutes);
        }
    }

  /* Undo the copy, then the move: back where it was. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_clear_pointer (&copied, g_ptr_array_unref);
  copied = fixture_entries_on (fixture, "2026-12-09");
  g_assert_cmpuint (copied->len, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpint (only_entry_id (fixture, "2026-12-12", RC_KIND_LONG), ==, id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  g_assert_cmpint (only_entry_id (fixture, "2026-12-13", RC_KIND_LONG), ==, id);
}

/* Undo and Redo are enabled exactly while the undo stack has a step to
 * take (its can-undo/can-redo), the menu's items and Ctrl+Z with them. */
static void
test_undo_actions_follow_the_stack (WindowFixture *fixture,
                                    gconstpointer  data)
{
  GtkWidget *undo = gtk_button_new ();
  GtkWidget *redo = gtk_button_new ();
  g_autoptr(GError) error = NULL;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (undo), "win.undo");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (redo), "win.redo");
  gtk_box_append (GTK_BOX (fixture->window->views), undo);
  gtk_box_append (GTK_BOX (fixture->window->views), redo);
  g_assert_false (gtk_widget_get_sensitive (undo));
  g_assert_false (gtk_widget_get_sensitive (redo));

  g_assert_cmpint (rc_calendar_model_add_kind (fixture->window->model, RC_KIND_TEMPO,
                                               rc_test_day ("2026-12-09"), &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_assert_false (gtk_widget_get_sensitive (redo));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_false (gtk_widget_get_sensitive (undo));
  g_assert_true (gtk_widget_get_sensitive (redo));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_assert_false (gtk_widget_get_sensitive (redo));
  gtk_box_remove (GTK_BOX (fixture->window->views), undo);
  gtk_box_remove (GTK_BOX (fixture->window->views), redo);
}

static void
assert_rows_identical (const RcEntry *a,
                       const RcEntry *b)
{
  g_assert_true (rc_entry_equal (a, b));
  g_assert_cmpint (a->created, ==, b->created);
}

static void
test_delete_undo_redo (WindowFixture *fixture,
                       gconstpointer  data)
{
  gint64 id = only_entry_id (fixture, "2026-12-08", RC_KIND_INTERVALS);
  g_autoptr(RcEntry) before = rc_store_get (fixture->other, id, NULL);
  g_autoptr(RcEntry) restored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(GPtrArray) empty = NULL;

  gtk_widget_activate_action (window, "win.delete-entry", "x", id);
  g_assert_null (rc_store_get (fixture->other, id, &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rc_day_cell_get_chip (fixture_cell (fixture, "2026-12-08"), id));
  /* Without the intervals, Mon 7 is no longer the eve of a quality session. */
  g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, "2026-12-07")), ==, "ideal");

  gtk_widget_activate_action (window, "win.undo", NULL);
  restored = rc_store_get (fixture->other, id, &error);
  g_assert_no_error (error);
  assert_rows_identical (restored, before);
  g_assert_nonnull (rc_day_cell_get_chip (fixture_cell (fixture, "2026-12-08"), id));
  g_assert_cmpstr (fixture_verdict_class (fixture_cell (fixture, "2026-12-07")), ==, "forbidden");

  gtk_widget_activate_action (window, "win.redo", NULL);
  empty = fixture_entries_on (fixture, "2026-12-08");
  g_assert_cmpuint (empty->len, ==, 0);
  gtk_widget_activate_action (window, "win.undo", NULL);
  g_clear_pointer (&restored, rc_entry_free);
  restored = rc_store_get (fixture->other, id, &error);
  g_assert_no_error (error);
  assert_rows_identical (restored, before);
}

/* The toast's Undo reverts its delete, or is gone: once anything else
 * changes, "Undo" would revert that instead. */
static void
test_delete_toast_goes_with_the_next_change (WindowFixture *fixture,
                                             gconstpointer  data)
{
  gint64 id = only_entry_id (fixture, "2026-12-08", RC_KIND_INTERVALS);
  GtkWidget *window = GTK_WIDGET (fixture->window);

  gtk_widget_activate_action (window, "win.delete-entry", "x", id);
  g_assert_nonnull (fixture->window->undo_toast);
  g_assert_true (fixture->window->undo_toast_command ==
                 rc_undo_stack_peek_undo (rc_calendar_model_get_undo_stack (fixture->window->model)));

  gtk_widget_activate_action (window, "win.book-massage", NULL);
  /* Thu 10 Dec is forbidden (tempo): the booking asks first */
  g_free (fixture_answer_dialog (fixture, "book"));
  g_assert_null (fixture->window->undo_toast);

  /* and an Undo through the toast's action reverts the booking, the latest change */
  gtk_widget_activate_action (window, "win.undo", NULL);
  g_assert_null (rc_store_get (fixture->other, id, NULL));
}

static void
test_add_undo_redo_keeps_id (WindowFixture *fixture,
                             gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(RcEntry) added = NULL;
  g_autoptr(RcEntry) again = NULL;
  gint64 id;

  g_assert_true (fixture_drop (fixture_cell (fixture, "2026-12-13"), RC_DND_KIND_PREFIX "massage"));
  id = only_entry_id (fixture, "2026-12-13", RC_KIND_MASSAGE);
  added = rc_store_get (fixture->other, id, NULL);
  /* The rules suggest pre-event on Sun 13 (race on Sat 19). */
  g_assert_cmpint (added->massage, ==, RC_MASSAGE_PRE_EVENT);
  gtk_widget_activate_action (window, "win.undo", NULL);
  g_assert_null (rc_store_get (fixture->other, id, NULL));
  gtk_widget_activate_action (window, "win.redo", NULL);
  again = rc_store_get (fixture->other, id, NULL);
  g_assert_nonnull (again);
  g_assert_cmpstr (again->uid, ==, added->uid);
}

static void
test_edit_in_place (WindowFixture *fixture,
                    gconstpointer  data)
{
  gint64 id = only_entry_id (fixture, "2026-12-10", RC_KIND_TEMPO);
  g_autoptr(RcEntry) before = rc_store_get (fixture->other, id, NULL);
  g_autoptr(RcEntry) unchanged = NULL;
  g_autoptr(RcEntry) edited = NULL;
  RcDayCell *cell = fixture_cell (fixture, "2026-12-10");
  RcEntryRow *row;
  AdwEntryRow *time_row;

  /* A click on the chip opens it in the panel. */
  gtk_widget_activate (rc_day_cell_get_chip (cell, id));
  g_assert_true (rc_window_get_panel_open (fixture->window));
  row = rc_day_panel_get_row (rc_window_get_panel (fixture->window), id);
  g_assert_nonnull (row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

  /* A bad time: a visible hint, no write. */
  time_row = rc_entry_row_get_time_row (row);
  gtk_editable_set_text (GTK_EDITABLE (time_row), "25:99");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (time_row), "error"));
  g_signal_emit_by_name (time_row, "apply");
  g_assert_nonnull (rc_entry_row_get_error (row));
  g_assert_nonnull (strstr (rc_entry_row_get_error (row), "25:99"));
  unchanged = rc_store_get (fixture->other, id, NULL);
  assert_rows_identical (unchanged, before);
  g_assert_cmpint (unchanged->updated, ==, before->updated);

  /* A good one is saved at once; minutes and RPE too; undo reverts each. */
  gtk_editable_set_text (GTK_EDITABLE (time_row), "07:15");
  g_signal_emit_by_name (time_row, "apply");
  g_assert_null (rc_entry_row_get_error (row));
  gtk_spin_button_set_value (rc_entry_row_get_minutes (row), 75);
  gtk_spin_button_set_value (rc_entry_row_get_rpe (row), 9);
  edited = rc_store_get (fixture->other, id, NULL);
  g_assert_cmpint (edited->time, ==, 7 * 60 + 15);
  g_assert_cmpint (edited->minutes, ==, 75);
  g_assert_cmpint (edited->rpe, ==, 9);
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_clear_pointer (&unchanged, rc_entry_free);
  unchanged = rc_store_get (fixture->other, id, NULL);
  g_assert_true (rc_entry_equal (unchanged, before));
}

/* Bad values through the model are refused whole: the row stays as it was. */
static void
test_invalid_update_refused (WindowFixture *fixture,
                             gconstpointer  data)
{
  RcCalendarModel *model = rc_window_get_model (fixture->window);
  gint64 id = only_entry_id (fixture, "2026-12-12", RC_KIND_LONG);
  g_autoptr(RcEntry) before = rc_store_get (fixture->other, id, NULL);
  g_autoptr(RcEntry) bad = rc_entry_copy (before);
  g_autoptr(RcEntry) after = NULL;
  g_autoptr(GError) error = NULL;

  bad->minutes = 5000;
  bad->title = (g_free (bad->title), g_strdup ("Changed"));
  g_assert_false (rc_calendar_model_update (model, bad, &error));
  g_assert_error (error, RC_STORE_ERROR, RC_STORE_ERROR_INVALID);
  after = rc_store_get (fixture->other, id, NULL);
  assert_rows_identical (after, before);
  g_assert_false (rc_undo_stack_can_undo (rc_calendar_model_get_undo_stack (model)));
}

static void
test_drop_outside_payloads (WindowFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;

  /* Unknown payloads are refused and change nothing. */
  g_assert_false (fixture_drop (fixture_cell (fixture, "2026-12-13"), "rc-kind:yoga"));
  g_assert_false (fixture_drop (fixture_cell (fixture, "2026-12-13"), "rc-move:999999"));
  g_assert_false (fixture_drop (fixture_cell (fixture, "2026-12-13"), "hello"));
  all = rc_store_list (fixture->other, RC_DAY_INVALID, RC_DAY_INVALID, NULL);
  g_assert_cmpuint (all->len, ==, 9);
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Every drag has a keyboard path: a tile activated adds to the day the
 * keyboard left, the menu's Add session too, and Move to… picks a date. */
static void
test_keyboard_paths (WindowFixture *fixture,
                     gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *tile = rc_palette_get_tile (rc_window_get_palette (fixture->window), RC_KIND_CROSS);
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 12, 20, 12, 0, 0);
  AdwMessageDialog *dialog;
  gint64 id;

  g_assert_true (rc_day_grid_focus_day (rc_window_get_grid (fixture->window), rc_test_day ("2026-12-13")));
  g_assert_true (gtk_widget_grab_focus (tile));
  g_signal_emit_by_name (tile, "clicked");
  id = only_entry_id (fixture, "2026-12-13", RC_KIND_CROSS);

  rc_window_go_to (fixture->window, rc_test_day ("2026-12-14"));
  g_assert_true (rc_day_grid_focus_day (rc_window_get_grid (fixture->window), rc_test_day ("2026-12-14")));
  gtk_widget_activate_action (window, "win.add-kind", "s", "tempo");
  only_entry_id (fixture, "2026-12-14", RC_KIND_TEMPO);

  gtk_widget_activate_action (window, "win.move-entry", "x", id);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_calendar_select_day (GTK_CALENDAR (adw_message_dialog_get_extra_child (dialog)), date);
  adw_message_dialog_response (dialog, "move");
  g_assert_cmpint (only_entry_id (fixture, "2026-12-20", RC_KIND_CROSS), ==, id);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A drop the store refuses (the session was deleted by another program
 * meanwhile): nothing moves, and the window's toast says why. */
static void
test_refused_drop_toast (WindowFixture *fixture,
                         gconstpointer  data)
{
  gint64 id = only_entry_id (fixture, "2026-12-12", RC_KIND_LONG);
  g_autofree char *move = g_strdup_printf (RC_DND_MOVE_PREFIX "%" G_GINT64_FORMAT, id);
  g_autofree char *shown = NULL;
  g_autoptr(GPtrArray) on_13th = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *toast;

  g_assert_true (rc_store_delete (fixture->other, id, &error));
  g_assert_no_error (error);
  g_assert_false (fixture_drop (fixture_cell (fixture, "2026-12-13"), move));
  on_13th = fixture_entries_on (fixture, "2026-12-13");
  g_assert_cmpuint (on_13th->len, ==, 0);
  toast = fixture_find_type_name (GTK_WIDGET (fixture->window), "AdwToastWidget");
  g_assert_nonnull (toast);
  shown = g_strdup (gtk_label_get_text (GTK_LABEL (fixture_find_type (toast, GTK_TYPE_LABEL))));
  g_test_message ("toast: %s", shown);
  g_assert_nonnull (strstr (shown, "entry"));
}

static const FixtureTest tests[] = {
  { "drop-tile-creates-and-recolours",        test_drop_tile_creates_and_recolours,        FIXTURE_WITHOUT_RACE },
  { "drop-on-dimmed-day",                     test_drop_on_dimmed_day,                     FIXTURE_WORKED_EXAMPLE },
  { "move-and-copy",                          test_move_and_copy,                          FIXTURE_WORKED_EXAMPLE },
  { "refused-drop-toast",                     test_refused_drop_toast,                     FIXTURE_WORKED_EXAMPLE },
  { "delete-undo-redo",                       test_delete_undo_redo,                       FIXTURE_WORKED_EXAMPLE },
  { "undo-actions-follow-the-stack",          test_undo_actions_follow_the_stack,          FIXTURE_WORKED_EXAMPLE },
  { "delete-toast-goes-with-the-next-change", test_delete_toast_goes_with_the_next_change, FIXTURE_WORKED_EXAMPLE },
  { "add-undo-redo-keeps-id",                 test_add_undo_redo_keeps_id,                 FIXTURE_WORKED_EXAMPLE },
  { "edit-in-place",                          test_edit_in_place,                          FIXTURE_WORKED_EXAMPLE },
  { "invalid-update-refused",                 test_invalid_update_refused,                 FIXTURE_WORKED_EXAMPLE },
  { "unknown-payloads",                       test_drop_outside_payloads,                  FIXTURE_WORKED_EXAMPLE },
  { "keyboard-paths",                         test_keyboard_paths,                         FIXTURE_WORKED_EXAMPLE },
};

int
main (int   argc,
      char *argv[])
{
  return fixture_run (&argc, &argv, "/dnd/", tests, G_N_ELEMENTS (tests));
}
