/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-interaction.c - the window under real X pointer and key events
 * (xdotool): a palette tile clicked acts on the day that shows as the
 * target and says so with Undo, and still drags afterwards; Escape gives
 * the focus back, visibly, to what opened the panel or a popover. Drag
 * hovers run under G_DEBUG=fatal-criticals: a critical ends the test. */

#include "config.h"

#include <string.h>

#include "rc-day-panel.h"
#include "rc-entry-chip.h"
#include "rc-palette.h"
#include "rc-window-private.h"
#include "window-fixture.h"

static GtkWidget *
tile (WindowFixture *fixture,
      RcKind         kind)
{
  return rc_palette_get_tile (rc_window_get_palette (fixture->window), kind);
}

/* The toast on show, if its title names the day ISO. */
static GtkWidget *
toast_naming (WindowFixture *fixture,
              const char    *iso)
{
  g_autofree char *date = rc_day_format_full (rc_test_day (iso));
  GtkWidget *toast = fixture_find_type_name (GTK_WIDGET (fixture->window), "AdwToastWidget");

  g_assert_nonnull (toast);
  g_test_message ("toast: %s", gtk_label_get_text (GTK_LABEL (fixture_find_type (toast, GTK_TYPE_LABEL))));
  return fixture_find_label (toast, date) != NULL ? toast : NULL;
}

static void
assert_focus_visible_on (WindowFixture *fixture,
                         GtkWidget     *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  g_test_message ("focus on %s", focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  g_assert_true (focus == widget || (focus != NULL && gtk_widget_is_ancestor (focus, widget)));
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (fixture->window)));
}

/* Issue 13, 1: a day clicked (its panel opens), Escape (the panel closes,
 * the day keeps an outline), then a click on "Race" adds the race there,
 * a toast names the day and offers Undo; Undo takes it away; the same
 * tile still drags onto another day. */
static void
test_tile_click_acts_on_shown_day (WindowFixture *fixture,
                                   gconstpointer  data)
{
  RcDayCell *wed = fixture_cell (fixture, "2026-12-09");
  GtkWidget *toast, *undo;

  fixture_click (GTK_WIDGET (wed), 1);
  g_assert_true (rc_window_get_panel_open (fixture->window));
  fixture_key (GTK_WIDGET (fixture->window), "Escape");
  g_assert_false (rc_window_get_panel_open (fixture->window));
  assert_focus_visible_on (fixture, GTK_WIDGET (wed));

  fixture_click (tile (fixture, RC_KIND_RACE), 1);
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-09", RC_KIND_RACE), ==, 1);
  /* the target keeps its outline while the tile has the focus */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (wed), "current"));
  toast = toast_naming (fixture, "2026-12-09");
  g_assert_nonnull (toast);
  undo = fixture_find_label (toast, "Undo");
  g_assert_nonnull (undo);
  fixture_settle (500);   /* the toast slides in */
  fixture_click (undo, 1);
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-09", RC_KIND_RACE), ==, 0);

  /* The click left the tile a drag source like before. */
  fixture_drag (tile (fixture, RC_KIND_RACE), GTK_WIDGET (fixture_cell (fixture, "2026-12-11")));
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-11", RC_KIND_RACE), ==, 1);
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-09", RC_KIND_RACE), ==, 0);
}

/* Before any day was chosen, the day the window opened on shows as the
 * target, and that is where a click on a tile adds. */
static void
test_tile_click_first_target (WindowFixture *fixture,
                              gconstpointer  data)
{
  RcDayCell *thu = fixture_cell (fixture, "2026-12-10");

  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (thu), "current"));
  fixture_click (tile (fixture, RC_KIND_EASY), 1);
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-10", RC_KIND_EASY), ==, 1);
  g_assert_nonnull (toast_naming (fixture, "2026-12-10"));
  /* Paging away: the target moves to a day on screen, never an unseen one. */
  fixture_key (GTK_WIDGET (fixture->window), "Next");
  fixture_click (tile (fixture, RC_KIND_EASY), 1);
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-10", RC_KIND_EASY), ==, 1);
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-17", RC_KIND_EASY), ==, 1);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture_cell (fixture, "2026-12-17")), "current"));
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* Issue 13, 7: Escape gives the focus back, visibly, to the opener. */
static void
test_escape_returns_focus (WindowFixture *fixture,
                           gconstpointer  data)
{
  RcDayCell *sat = fixture_cell (fixture, "2026-12-12");
  GtkWidget *menu = fixture_find (GTK_WIDGET (fixture->window), is_primary_menu_button, NULL);
  GtkWidget *chip;

  /* the panel, opened by a click on a chip: the chip gets the focus back */
  chip = gtk_widget_get_ancestor (fixture_find_label (GTK_WIDGET (sat), "Long run"), RC_TYPE_ENTRY_CHIP);
  g_assert_true (RC_IS_ENTRY_CHIP (chip));
  fixture_click (chip, 1);
  g_assert_true (rc_window_get_panel_open (fixture->window));
  fixture_key (GTK_WIDGET (fixture->window), "Escape");
  g_assert_false (rc_window_get_panel_open (fixture->window));
  assert_focus_visible_on (fixture, chip);

  /* the day's context menu, opened by a right click */
  fixture_click (GTK_WIDGET (sat), 3);
  fixture_key (GTK_WIDGET (fixture->window), "Escape");
  assert_focus_visible_on (fixture, GTK_WIDGET (sat));

  /* the primary menu */
  g_assert_nonnull (menu);
  fixture_click (menu, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)))));
  fixture_key (GTK_WIDGET (fixture->window), "Escape");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)))));
  assert_focus_visible_on (fixture, menu);
}

/* The keys the days and chips bind (class key bindings, no key
 * controllers), as real key presses: arrows move a day and a week and past
 * the week's end show the next one; Enter opens the day; Menu its menu;
 * Delete on a chip deletes that entry. */
static void
test_key_bindings (WindowFixture *fixture,
                   gconstpointer  data)
{
  RcDayGrid *grid = rc_window_get_grid (fixture->window);
  RcDayCell *sat = fixture_cell (fixture, "2026-12-12");
  GtkWidget *chip;

  fixture_click (GTK_WIDGET (fixture_cell (fixture, "2026-12-09")), 1);
  fixture_key (GTK_WIDGET (fixture->window), "Escape");
  g_assert_cmpuint (rc_day_grid_get_focus_day (grid), ==, rc_test_day ("2026-12-09"));
  fixture_key (GTK_WIDGET (fixture->window), "Right");
  g_assert_cmpuint (rc_day_grid_get_focus_day (grid), ==, rc_test_day ("2026-12-10"));
  fixture_key (GTK_WIDGET (fixture->window), "Left");
  fixture_key (GTK_WIDGET (fixture->window), "Left");
  g_assert_cmpuint (rc_day_grid_get_focus_day (grid), ==, rc_test_day ("2026-12-08"));

  /* past the week shown: the window shows the next week, the focus on the day */
  fixture_key (GTK_WIDGET (fixture->window), "Down");
  grid = rc_window_get_grid (fixture->window);
  g_assert_cmpuint (rc_day_grid_get_first (grid), ==, rc_test_day ("2026-12-14"));
  g_assert_cmpuint (rc_day_grid_get_focus_day (grid), ==, rc_test_day ("2026-12-15"));
  fixture_key (GTK_WIDGET (fixture->window), "Up");
  grid = rc_window_get_grid (fixture->window);
  g_assert_cmpuint (rc_day_grid_get_first (grid), ==, rc_test_day ("2026-12-07"));
  g_assert_cmpuint (rc_day_grid_get_focus_day (grid), ==, rc_test_day ("2026-12-08"));

  fixture_key (GTK_WIDGET (fixture->window), "Return");
  g_assert_true (rc_window_get_panel_open (fixture->window));
  g_assert_cmpuint (rc_day_panel_get_day (rc_window_get_panel (fixture->window)), ==,
                    rc_test_day ("2026-12-08"));
  fixture_key (GTK_WIDGET (fixture->window), "Escape");
  g_assert_false (rc_window_get_panel_open (fixture->window));

  fixture_key (GTK_WIDGET (fixture->window), "Menu");
  g_assert_nonnull (fixture->window->context_menu);
  g_assert_true (gtk_widget_get_visible (fixture->window->context_menu));
  g_assert_true (gtk_widget_get_parent (fixture->window->context_menu) ==
                 GTK_WIDGET (fixture_cell (fixture, "2026-12-08")));
  fixture_key (GTK_WIDGET (fixture->window), "Escape");
  g_assert_false (gtk_widget_get_visible (fixture->window->context_menu));

  /* Delete on a chip: that entry goes */
  chip = gtk_widget_get_ancestor (fixture_find_label (GTK_WIDGET (sat), "Long run"), RC_TYPE_ENTRY_CHIP);
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-12", RC_KIND_LONG), ==, 1);
  g_assert_true (gtk_widget_grab_focus (chip));
  fixture_key (GTK_WIDGET (fixture->window), "Delete");
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-12", RC_KIND_LONG), ==, 0);
}

/* Any mapped label's text or widget's tooltip under ROOT containing TEXT. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  const char *tooltip = gtk_widget_get_tooltip_text (root);

  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if ((GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL) ||
      (tooltip != NULL && strstr (tooltip, text) != NULL))
    {
      g_test_message ("shown: %s", GTK_IS_LABEL (root) ? gtk_label_get_text (GTK_LABEL (root)) : tooltip);
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* Issue 13, 10, on the running window: the day panel says a maintenance
 * massage is due; Book Massage, clicked, books it and the panel stops saying
 * so; neither the new massage's chip (its tooltip) nor the panel says "(a
 * default" or "moderate-moderate". */
static void
test_booking_texts (WindowFixture *fixture,
                    gconstpointer  data)
{
  const char *due = "Maintenance massage due";
  GtkWidget *panel = NULL, *book = NULL;
  g_autofree char *iso = NULL;
  RcDay day;

  /* the first day of the week that says it and where a booking is advised */
  for (day = rc_test_day ("2026-12-07"); day <= rc_test_day ("2026-12-13"); day++)
    {
      rc_window_open_day (fixture->window, day);
      fixture_settle (400);
      panel = GTK_WIDGET (rc_window_get_panel (fixture->window));
      book = GTK_WIDGET (rc_day_panel_get_book_button (RC_DAY_PANEL (panel)));
      if (shows_text (panel, due) && gtk_widget_has_css_class (book, "suggested-action"))
        break;
    }
  g_assert_cmpint (day, <=, rc_test_day ("2026-12-13"));
  iso = rc_day_to_iso (day);
  g_assert_cmpuint (fixture_count_kind (fixture, iso, RC_KIND_MASSAGE), ==, 0);

  fixture_click (book, 1);
  fixture_settle (400);
  fixture_wait_drawn (panel);
  g_assert_cmpuint (fixture_count_kind (fixture, iso, RC_KIND_MASSAGE), ==, 1);
  g_assert_false (shows_text (panel, due));
  g_assert_false (shows_text (GTK_WIDGET (fixture->window), "(a default"));
  g_assert_false (shows_text (GTK_WIDGET (fixture->window), "moderate-moderate"));
}

/* Issue 19: the critical the monkey met ("gtk_root_get_focus: assertion
 * 'GTK_IS_ROOT (self)' failed"), reached another way. A panel row's kind
 * list (an AdwComboRow's popover) is open when the day's entries change
 * under it (here the entry
 * is deleted, as the CLI or a sync would): the panel rebuilds its rows.
 * The list must go down with its row, not stay "visible" on a widget out
 * of the window, where GTK 4.8's popover focus code (run here as a Tab in
 * it would) asks the missing root for its focus; and the keyboard stays in
 * the panel. */
static void
test_rows_rebuilt_under_open_popover (WindowFixture *fixture,
                                      gconstpointer  data)
{
  RcDay sat = rc_test_day ("2026-12-12");
  g_autoptr(GPtrArray) entries = fixture_entries_on (fixture, "2026-12-12");
  gint64 id = ((RcEntry *) entries->pdata[0])->id;
  RcDayPanel *panel = rc_window_get_panel (fixture->window);
  g_autoptr(GError) error = NULL;
  GtkWidget *combo, *popover, *focus;
  RcEntryRow *row;

  rc_window_open_day (fixture->window, sat);
  fixture_settle (300);
  row = rc_day_panel_get_row (panel, id);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  fixture_settle (500);
  combo = fixture_find_type_name (GTK_WIDGET (row), "AdwComboRow");
  g_assert_nonnull (combo);
  fixture_click (combo, 1);
  fixture_settle (300);
  popover = fixture_find_type_name (combo, "GtkPopover");
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  g_object_add_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);

  g_assert_true (rc_calendar_model_delete (fixture->window->model, id, &error));
  g_assert_no_error (error);
  fixture_settle (100);
  g_assert_null (rc_day_panel_get_row (panel, id));
  if (popover != NULL)
    {
      g_assert_false (gtk_widget_get_visible (popover));
      gtk_widget_child_focus (popover, GTK_DIR_TAB_FORWARD);
      g_object_remove_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);
    }
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_test_message ("focus on %s", focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (panel)));
  fixture_key (GTK_WIDGET (fixture->window), "Tab");
  fixture_key (GTK_WIDGET (fixture->window), "Down");
  g_assert_true (rc_window_get_panel_open (fixture->window));
}

/* Issue 19: the monkey's Gtk-CRITICAL "gtk_root_get_focus: assertion
 * 'GTK_IS_ROOT (self)' failed" (seed 26113, action 2750: Tab, then Right on
 * the day panel's "Also considered"). GTK 4.8's GtkExpander takes its child
 * out of the window while collapsed, yet still offers that child an arrow
 * key's focus move, and GTK's directional focus code asks the rootless child
 * for its root's focus. The collapsed list must stay out of focus moves;
 * expanded, it is in them again. */
static void
test_collapsed_expander_arrow_keys (WindowFixture *fixture,
                                    gconstpointer  data)
{
  const GtkDirectionType dirs[] = { GTK_DIR_RIGHT, GTK_DIR_DOWN, GTK_DIR_LEFT, GTK_DIR_UP,
                                    GTK_DIR_TAB_FORWARD };
  RcDayPanel *panel = rc_window_get_panel (fixture->window);
  GtkExpander *expander;

  /* Fri 11 Dec: forbidden, with outvoted reasons under "Also considered" */
  rc_window_open_day (fixture->window, rc_test_day ("2026-12-11"));
  fixture_wait_drawn (GTK_WIDGET (panel));
  expander = rc_day_panel_get_considered_expander (panel);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (expander)));
  g_assert_false (gtk_expander_get_expanded (expander));
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (expander)));
      gtk_widget_child_focus (GTK_WIDGET (expander), dirs[i]);
    }
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (expander)));
  fixture_key (GTK_WIDGET (fixture->window), "Right");
  fixture_settle (200);
  g_assert_true (rc_window_get_panel_open (fixture->window));

  gtk_expander_set_expanded (expander, TRUE);
  fixture_wait_drawn (GTK_WIDGET (panel));
  g_assert_true (gtk_widget_is_drawable (gtk_expander_get_child (expander)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (expander)));
  gtk_widget_child_focus (GTK_WIDGET (expander), GTK_DIR_RIGHT);
}

/* The one day GRID marks as selected (the open panel's), or RC_DAY_INVALID;
 * two marked days fail. */
static RcDay
selected_day (RcDayGrid *grid)
{
  RcDay selected = RC_DAY_INVALID;

  for (RcDay day = rc_day_grid_get_first (grid); day <= rc_day_grid_get_last (grid); day++)
    if (gtk_widget_has_css_class (GTK_WIDGET (rc_day_grid_get_cell (grid, day)), "selected"))
      {
        g_assert_cmpuint (selected, ==, RC_DAY_INVALID);
        selected = day;
      }
  return selected;
}

/* After an arrow key with the panel open: the panel shows the day the
 * keyboard is on (its heading too, which screen readers read), the grid
 * marks it, and the focus is still on that day's cell, not in the panel. */
static void
assert_panel_on (WindowFixture *fixture,
                 RcDay          day)
{
  RcDayGrid *grid = rc_window_get_grid (fixture->window);
  RcDayPanel *panel = rc_window_get_panel (fixture->window);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_autofree char *date = rc_day_format_full (day);
  RcDayCell *cell = rc_day_grid_get_cell (grid, day);

  g_test_message ("on %s, focus on %s", date, focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  g_assert_nonnull (cell);
  g_assert_cmpuint (rc_day_grid_get_focus_day (grid), ==, day);
  g_assert_true (focus == GTK_WIDGET (cell) || (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (cell))));
  g_assert_true (rc_window_get_panel_open (fixture->window));
  g_assert_cmpuint (rc_day_panel_get_day (panel), ==, day);
  g_assert_nonnull (fixture_find_label (GTK_WIDGET (panel), date));
  g_assert_cmpuint (selected_day (grid), ==, day);
  g_assert_cmpuint (_rc_window_current_day (fixture->window), ==, day);
}

/* KEY pressed in the window: the panel is on ISO, where the keyboard went
 * (as assert_panel_on () checks it). */
static void
press_and_follow (WindowFixture *fixture,
                  const char    *key,
                  const char    *iso)
{
  fixture_key (GTK_WIDGET (fixture->window), key);
  assert_panel_on (fixture, rc_test_day (iso));
}

/* The day panel follows the keyboard, a master-detail view: Right from
 * Friday, across Sunday into the next week (the window pages), the panel
 * and the selected mark move with the focus, which stays in the days,
 * and so with Page Down and Up; Escape closes the panel and leaves the focus on the day then shown.
 * With the panel closed an arrow moves the focus and opens nothing. */
static void
test_panel_follows_keys (WindowFixture *fixture,
                         gconstpointer  data)
{
  const char *days[] = { "2026-12-12", "2026-12-13", "2026-12-14", "2026-12-15" };
  RcDayGrid *grid;

  fixture_click (GTK_WIDGET (fixture_cell (fixture, "2026-12-11")), 1);
  assert_panel_on (fixture, rc_test_day ("2026-12-11"));
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      press_and_follow (fixture, "Right", days[i]);
    }
  g_assert_cmpuint (rc_day_grid_get_first (rc_window_get_grid (fixture->window)), ==,
                    rc_test_day ("2026-12-14"));
  /* Page Down and Up move the keyboard a week with the days: the panel too */
  press_and_follow (fixture, "Next", "2026-12-22");
  press_and_follow (fixture, "Prior", "2026-12-15");

  fixture_key (GTK_WIDGET (fixture->window), "Escape");
  grid = rc_window_get_grid (fixture->window);
  g_assert_false (rc_window_get_panel_open (fixture->window));
  assert_focus_visible_on (fixture, GTK_WIDGET (rc_day_grid_get_cell (grid, rc_test_day ("2026-12-15"))));
  g_assert_cmpuint (selected_day (grid), ==, RC_DAY_INVALID);

  fixture_key (GTK_WIDGET (fixture->window), "Right");
  fixture_settle (300);
  g_assert_cmpuint (rc_day_grid_get_focus_day (grid), ==, rc_test_day ("2026-12-16"));
  g_assert_false (rc_window_get_panel_open (fixture->window));
  g_assert_cmpuint (selected_day (grid), ==, RC_DAY_INVALID);
  g_assert_cmpuint (_rc_window_current_day (fixture->window), ==, rc_test_day ("2026-12-16"));
}

/* The same in the month view: Enter on the grid's last Saturday, Down past
 * the grid (the window shows January), then Right and Up within it; Home. */
static void
test_panel_follows_keys_month (WindowFixture *fixture,
                               gconstpointer  data)
{
  rc_window_set_view (fixture->window, "month");
  fixture_settle (300);
  g_assert_cmpuint (rc_day_grid_get_last (rc_window_get_grid (fixture->window)), ==,
                    rc_test_day ("2027-01-10"));
  g_assert_true (rc_day_grid_focus_day (rc_window_get_grid (fixture->window), rc_test_day ("2027-01-09")));
  press_and_follow (fixture, "Return", "2027-01-09");
  press_and_follow (fixture, "Down", "2027-01-16");
  g_assert_cmpuint (rc_day_grid_get_first (rc_window_get_grid (fixture->window)), ==,
                    rc_test_day ("2026-12-28"));
  press_and_follow (fixture, "Right", "2027-01-17");
  press_and_follow (fixture, "Up", "2027-01-10");
  /* Home takes the keyboard to today, and the panel with it */
  fixture_key (GTK_WIDGET (fixture->window), "Home");
  assert_panel_on (fixture, rc_day_today ());
}

/* The tester's keyboard path (s6): Tab into the week from the palette's
 * last tile, Right twice, Shift+Tab back to "Cross-training", Enter. The
 * session goes on the day the keyboard left, which keeps the outline while
 * the tile has the focus; not on a day Tab passed on the way out. The days
 * are one Tab stop, entered on the outlined day. */
static void
test_tile_enter_after_arrows (WindowFixture *fixture,
                              gconstpointer  data)
{
  RcDayGrid *grid = rc_window_get_grid (fixture->window);
  GtkWidget *cross = tile (fixture, RC_KIND_CROSS);
  g_autofree char *iso = NULL;
  guint presses = 0;
  RcDay entered, day;

  g_assert_true (gtk_widget_grab_focus (tile (fixture, RC_KIND_MASSAGE)));
  fixture_key (GTK_WIDGET (fixture->window), "Tab");
  entered = rc_day_grid_get_focus_day (grid);
  g_assert_cmpuint (entered, !=, RC_DAY_INVALID);
  fixture_key (GTK_WIDGET (fixture->window), "Right");
  fixture_key (GTK_WIDGET (fixture->window), "Right");
  day = entered + 2;
  g_assert_cmpuint (rc_day_grid_get_focus_day (grid), ==, day);
  iso = rc_day_to_iso (day);
  while (gtk_root_get_focus (GTK_ROOT (fixture->window)) != cross && presses++ < 8)
    fixture_key (GTK_WIDGET (fixture->window), "shift+Tab");
  g_test_message ("Shift+Tab pressed %u times", presses);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == cross);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rc_day_grid_get_cell (grid, day)), "current"));
  g_assert_cmpuint (_rc_window_current_day (fixture->window), ==, day);
  fixture_key (GTK_WIDGET (fixture->window), "Return");
  g_assert_cmpuint (fixture_count_kind (fixture, iso, RC_KIND_CROSS), ==, 1);
  g_assert_nonnull (toast_naming (fixture, iso));
  /* one stop: entered on the outlined day (Thu 10), left at once */
  g_assert_cmpuint (entered, ==, rc_test_day ("2026-12-10"));
  g_assert_cmpuint (presses, ==, 2);
}

/* "Move to…" from the keyboard (s6): the calendar has the focus on the
 * entry's day (Sat 12 Dec); Left twice chooses Thu 10 and Enter moves the
 * long run there, as the dialog's Move button does. */
static void
test_move_dialog_keys (WindowFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = fixture_entries_on (fixture, "2026-12-12");
  gint64 id = RC_DAY_INVALID;
  AdwMessageDialog *dialog;
  GtkWidget *calendar;
  g_autoptr(GDateTime) date = NULL;

  for (guint i = 0; i < entries->len; i++)
    if (((RcEntry *) entries->pdata[i])->kind == RC_KIND_LONG)
      id = ((RcEntry *) entries->pdata[i])->id;
  g_assert_cmpint (id, !=, RC_DAY_INVALID);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.move-entry", "x", id);
  dialog = fixture_find_dialog (fixture);
  g_assert_nonnull (dialog);
  calendar = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_CALENDAR (calendar));
  fixture_wait_drawn (calendar);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == calendar);
  date = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 12);
  g_assert_cmpint (g_date_time_get_month (date), ==, 12);

  /* without a window manager the keys go to the window under the pointer */
  fixture_pointer_to (calendar, NULL);
  fixture_key (GTK_WIDGET (fixture->window), "Left");
  fixture_key (GTK_WIDGET (fixture->window), "Left");
  fixture_key (GTK_WIDGET (fixture->window), "Return");
  fixture_settle (300);
  g_assert_null (fixture_find_dialog (fixture));
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-10", RC_KIND_LONG), ==, 1);
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-12", RC_KIND_LONG), ==, 0);
}

/* Edits one after another, faster than a toast slides in: each takes the
 * last one's Undo toast away and shows its own. libadwaita 1.2 crashes
 * when a toast that replaced another is dismissed while it slides in; the
 * window waits for the slide (rc_window_add_toast ()). */
static void
test_undo_toasts_one_after_another (WindowFixture *fixture,
                                    gconstpointer  data)
{
  static const guint gaps_ms[] = { 0, 60, 120, 180, 240, 90, 30, 300 };
  RcDayCell *wed = fixture_cell (fixture, "2026-12-09");
  guint before;

  fixture_click (GTK_WIDGET (wed), 1);
  fixture_key (GTK_WIDGET (fixture->window), "Escape");
  fixture_settle (300);
  before = fixture_count_kind (fixture, "2026-12-09", RC_KIND_REST);
  for (guint i = 0; i < G_N_ELEMENTS (gaps_ms); i++)
    {
      fixture_settle (gaps_ms[i]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-from-palette",
                                                 "s", rc_kind_to_string (RC_KIND_REST)));
    }
  fixture_settle (2000);
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-09", RC_KIND_REST), ==,
                    before + G_N_ELEMENTS (gaps_ms));
  /* the last edit's toast is the one left, and its Undo is the last edit's */
  g_assert_nonnull (toast_naming (fixture, "2026-12-09"));
  fixture_click (fixture_find_label (toast_naming (fixture, "2026-12-09"), "Undo"), 1);
  g_assert_cmpuint (fixture_count_kind (fixture, "2026-12-09", RC_KIND_REST), ==,
                    before + G_N_ELEMENTS (gaps_ms) - 1);
}

static const FixtureTest tests[] = {
  { "tile-click-acts-on-shown-day", test_tile_click_acts_on_shown_day, FIXTURE_WORKED_EXAMPLE },
  { "tile-click-first-target",      test_tile_click_first_target,      FIXTURE_WORKED_EXAMPLE },
  { "escape-returns-focus",         test_escape_returns_focus,         FIXTURE_WORKED_EXAMPLE },
  { "booking-texts",                test_booking_texts,                FIXTURE_WORKED_EXAMPLE },
  { "key-bindings",                 test_key_bindings,                 FIXTURE_WORKED_EXAMPLE },
  { "rows-rebuilt-under-open-popover", test_rows_rebuilt_under_open_popover, FIXTURE_WORKED_EXAMPLE },
  { "collapsed-expander-arrow-keys", test_collapsed_expander_arrow_keys, FIXTURE_WORKED_EXAMPLE },
  { "panel-follows-keys",           test_panel_follows_keys,           FIXTURE_WORKED_EXAMPLE },
  { "panel-follows-keys-month",     test_panel_follows_keys_month,     FIXTURE_WORKED_EXAMPLE },
  { "tile-enter-after-arrows",      test_tile_enter_after_arrows,      FIXTURE_WORKED_EXAMPLE },
  { "move-dialog-keys",             test_move_dialog_keys,             FIXTURE_WORKED_EXAMPLE },
  { "undo-toasts-one-after-another", test_undo_toasts_one_after_another, FIXTURE_WORKED_EXAMPLE },
};

int
main (int   argc,
      char *argv[])
{
  return fixture_run (&argc, &argv, "/interaction/", tests, G_N_ELEMENTS (tests));
}
