/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-layout.c - what shows at 560, 800 and 1280 px, in English and (run
 * again with LANGUAGE=de) German: the day panel's Move to…/Duplicate/Delete
 * lie inside the panel; no day name, date, verdict or chip title is cut
 * ("For…"); verdicts that give up their word keep it as an accessible
 * name; the Week/Month/Load switch leaves the header bar for a bar at the
 * window's foot; the Load view fits any width the week fits; five sessions
 * on a month day never raise the window's minimum height. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "rc-chip-title.h"
#include "rc-day-panel.h"
#include "rc-entry-chip.h"
#include "rc-entry-row.h"
#include "rc-load-view.h"
#include "rc-palette.h"
#include "window-fixture.h"

static const int widths[] = { 560, 800, 1280 };

/* Asks for WIDTH; the window may need more (seven days at the least). */
static void
ask_width (WindowFixture *fixture,
           int            width)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 760);
  fixture_settle (600);   /* flaps slide */
  fixture_wait_drawn (GTK_WIDGET (fixture->window));
}

static void
resize (WindowFixture *fixture,
        int            width)
{
  ask_width (fixture, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, width + 10);
}

static gint64
add_entry (WindowFixture *fixture,
           const char    *iso,
           RcKind         kind,
           const char    *title)
{
  g_autoptr(RcEntry) entry = rc_entry_new (rc_test_day (iso), kind);
  g_autoptr(GError) error = NULL;

  entry->title = g_strdup (title);
  g_assert_true (rc_store_add (fixture->other, entry, &error));
  g_assert_no_error (error);
  rc_calendar_model_refresh (rc_window_get_model (fixture->window));
  return entry->id;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Issue 13, 2: a session row of the day panel, expanded by a real click as
 * a user would, shows Move to…, Duplicate and Delete, each inside the
 * panel and at least as wide as its label asks, at every width. */
static void
test_panel_buttons (WindowFixture *fixture,
                    gconstpointer  data)
{
  const char *actions[] = { "win.move-entry", "win.duplicate-entry", "win.delete-entry" };
  gint64 id = add_entry (fixture, "2026-12-12", RC_KIND_LONG, NULL);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      GtkWidget *panel, *row;

      resize (fixture, widths[w]);
      rc_window_open_day (fixture->window, rc_test_day ("2026-12-12"));
      fixture_settle (600);   /* the panel slides in */
      panel = GTK_WIDGET (rc_window_get_panel (fixture->window));
      fixture_wait_drawn (panel);
      row = GTK_WIDGET (rc_day_panel_get_row (RC_DAY_PANEL (panel), id));
      g_assert_nonnull (row);
      g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
      fixture_click (row, 1);
      fixture_settle (600);   /* the row's revealer slides open */
      fixture_wait_drawn (panel);
      g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
      for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
        {
          GtkWidget *button = fixture_find (row, has_action, actions[a]);
          graphene_rect_t r;
          int min;

          g_assert_nonnull (button);
          g_assert_true (gtk_widget_get_mapped (button));
          g_assert_true (gtk_widget_compute_bounds (button, panel, &r));
          gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &min, NULL, NULL);
          g_test_message ("%d px: %s at %.0f+%.0f of %d", widths[w], actions[a],
                          r.origin.x, r.size.width, gtk_widget_get_width (panel));
          g_assert_cmpfloat (r.origin.x, >=, 0);
          g_assert_cmpfloat (r.origin.x + r.size.width, <=, gtk_widget_get_width (panel));
          g_assert_cmpfloat (r.size.width, >=, min);
          g_assert_cmpint (gtk_widget_get_height (button), >, 0);
        }
      /* folded again for the next width's click */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.close-panel", NULL);
      fixture_settle (300);
    }
}

/* Whether a word of TEXT is wider than WIDTH in LABEL's font. */
static gboolean
has_word_wider (GtkLabel   *label,
                const char *text,
                int         width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (label), words[i]);
      int w = 0;

      pango_layout_get_pixel_size (layout, &w, NULL);
      if (w > width)
        return TRUE;
    }
  return FALSE;
}

/* A week chip's title breaks between words only ("Tempo run", never
 * "Temp-o run"), and is cut short only where one word is wider than the
 * chip; a cut title still has its whole text in the tooltip and the
 * accessible name. */
static void
assert_title_wraps_at_words (RcChipTitle *title,
                             int          width,
                             const char  *what)
{
  const char *whole = rc_chip_title_get_text (title);
  GtkLabel *label = rc_chip_title_get_label (title);
  const char *text = gtk_label_get_text (label);
  PangoLayout *layout = gtk_label_get_layout (label);

  if (g_strcmp0 (text, whole) != 0 && !has_word_wider (label, whole, gtk_widget_get_width (GTK_WIDGET (label))))
    g_error ("%d px, %s: “%s” is cut to “%s” though its words fit in %d px", width, what, whole, text,
             gtk_widget_get_width (GTK_WIDGET (label)));
  if (pango_layout_is_ellipsized (layout))
    g_error ("%d px, %s: “%s” is ellipsized as a whole", width, what, whole);
  for (int i = 1; i < pango_layout_get_line_count (layout); i++)
    {
      int start = pango_layout_get_line_readonly (layout, i)->start_index;

      if (start > 0 && !g_ascii_isspace (text[start - 1]) && text[start - 1] != '-' &&
          text[start - 1] != '/')
        g_error ("%d px, %s: “%s” breaks inside a word, before “%s”", width, what, text, text + start);
    }
}

/* Every label shown in the calendar is whole: none ellipsized. */
static void
assert_nothing_cut (GtkWidget  *root,
                    int         width,
                    const char *what)
{
  /* a month chip's title may be cut: its tooltip and accessible name are whole */
  if (!gtk_widget_get_mapped (root) || (gtk_widget_has_css_class (root, "compact") &&
      g_str_equal (G_OBJECT_TYPE_NAME (root), "RcEntryChip")))
    return;
  if (RC_IS_CHIP_TITLE (root))
    {
      assert_title_wraps_at_words (RC_CHIP_TITLE (root), width, what);
      return;
    }
  if (GTK_IS_LABEL (root) && gtk_label_get_text (GTK_LABEL (root))[0] != '\0')
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (root));

      if (pango_layout_is_ellipsized (layout))
        g_error ("%d px, %s: “%s” is cut to %d px", width, what,
                 gtk_label_get_text (GTK_LABEL (root)), gtk_widget_get_width (root));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_nothing_cut (child, width, what);
}

/* The header's title as shown: the longest form of the period that fits
 * (RcPeriodForm), and never cut. */
static const char *
shown_title (WindowFixture *fixture)
{
  GtkWidget *header = fixture_find_type (GTK_WIDGET (fixture->window), ADW_TYPE_HEADER_BAR);
  GtkWidget *title = adw_squeezer_get_visible_child (ADW_SQUEEZER (adw_header_bar_get_title_widget (ADW_HEADER_BAR (header))));
  GtkWidget *label = fixture_find_type (title, GTK_TYPE_LABEL);

  g_assert_nonnull (label);
  if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    g_error ("%d px: the title “%s” is cut", gtk_widget_get_width (GTK_WIDGET (fixture->window)),
             adw_window_title_get_title (ADW_WINDOW_TITLE (title)));
  return adw_window_title_get_title (ADW_WINDOW_TITLE (title));
}

/* A narrow window's title drops the year ("30 Nov – 6 Dec" at 530 px),
 * a narrower one names the months alone ("Nov–Dec", "Dec"), rather than be
 * cut ("30 Nov – 6…"); a wide one shows it whole. */
static void
test_title_fits (WindowFixture *fixture,
                 gconstpointer  data)
{
  /* 360 px is asked for; the week's seven days make the window wider */
  const int title_widths[] = { 360, 530, 560, 1280 };
  const char *days[] = { "2026-12-01", "2026-12-10", "2026-12-31" };

  for (guint v = 0; v < 2; v++)
    for (guint d = 0; d < G_N_ELEMENTS (days); d++)
      for (guint w = 0; w < G_N_ELEMENTS (title_widths); w++)
        {
          rc_window_set_view (fixture->window, v == 0 ? "week" : "month");
          rc_window_go_to (fixture->window, rc_test_day (days[d]));
          ask_width (fixture, title_widths[w]);
          g_test_message ("%d px: “%s”", title_widths[w], shown_title (fixture));
          if (title_widths[w] == 1280)
            g_assert_cmpstr (shown_title (fixture), ==, rc_window_get_period_title (fixture->window));
        }
}

/* CSS-marks the cell of ISO as today's. */
static void
mark_today (GtkWidget  *grid,
            const char *iso)
{
  gtk_widget_add_css_class (GTK_WIDGET (rc_day_grid_get_cell (RC_DAY_GRID (grid), rc_test_day (iso))), "today");
}

/* A Week, Month or Load button (VIEW: "week", "month", "load") on screen. */
static gboolean
is_shown_view_button (GtkWidget     *widget,
                      gconstpointer  view)
{
  GVariant *target;

  if (!has_action (widget, "win.view") || !gtk_widget_get_mapped (widget))
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return g_str_equal (g_variant_get_string (target, NULL), view);
}

static guint
count_shown_view_buttons (GtkWidget  *root,
                          const char *view)
{
  guint n = is_shown_view_button (root, view);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_shown_view_buttons (child, view);
  return n;
}

/* VIEW's button: one on screen, at every width. */
static GtkWidget *
shown_view_button (WindowFixture *fixture,
                   const char    *view)
{
  g_assert_cmpuint (count_shown_view_buttons (GTK_WIDGET (fixture->window), view), ==, 1);
  return fixture_find (GTK_WIDGET (fixture->window), is_shown_view_button, view);
}

/* The header bar's Week/Month/Load buttons, shown or not (then they are at
 * the window's foot). */
static gboolean
view_switch_shown (WindowFixture *fixture)
{
  return gtk_widget_get_ancestor (shown_view_button (fixture, "week"), ADW_TYPE_HEADER_BAR) != NULL;
}

/* Issue 13, 4: week and month at 560 and 800 px (and 1280 px with the panel
 * open over a "6x800m intervals" chip): nothing cut; where a verdict shows
 * only its icon, the icon is named. */
static void
test_narrow (WindowFixture *fixture,
             gconstpointer  data)
{
  const char *views[] = { "week", "month" };

  add_entry (fixture, "2026-12-08", RC_KIND_INTERVALS, "6x800m intervals");
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        GtkWidget *grid;
        g_autofree char *what = g_strdup_printf ("%s view", views[v]);

        rc_window_set_view (fixture->window, views[v]);
        rc_window_go_to (fixture->window, rc_test_day ("2026-12-10"));
        grid = GTK_WIDGET (rc_window_get_grid (fixture->window));
        /* today's pill on the widest date a cell shows, whatever day the
         * test runs on: a two-digit day, and the 1st, which a month cell and
         * a wide week cell name with its month */
        mark_today (grid, v == 1 ? "2026-12-01" : "2026-12-13");
        resize (fixture, widths[w]);
        assert_nothing_cut (grid, widths[w], what);
        if (v == 0)
          {
            rc_window_go_to (fixture->window, rc_test_day ("2026-12-01"));
            mark_today (grid, "2026-12-01");
            fixture_settle (100);
            fixture_wait_drawn (GTK_WIDGET (fixture->window));
            assert_nothing_cut (grid, widths[w], "week view of the 1st");
            rc_window_go_to (fixture->window, rc_test_day ("2026-12-10"));
          }
        if (widths[w] == 560)
          g_assert_false (view_switch_shown (fixture));
        if (widths[w] == 1280)
          g_assert_true (view_switch_shown (fixture));
        /* the verdict's word, if not shown, is the icon's accessible name */
        for (RcDay d = rc_test_day ("2026-12-07"); d <= rc_test_day ("2026-12-13"); d++)
          {
            RcDayCell *cell = rc_day_grid_get_cell (rc_window_get_grid (fixture->window), d);
            GtkWidget *icon = fixture_find_type (GTK_WIDGET (cell), GTK_TYPE_IMAGE);

            g_assert_nonnull (strstr (rc_day_cell_get_label (cell), ", "));
            g_assert_true (gtk_widget_get_mapped (icon));
          }
      }

  /* Full width with the panel open: the chip's title wraps rather than cut. */
  rc_window_set_view (fixture->window, "week");
  resize (fixture, 1280);
  rc_window_open_day (fixture->window, rc_test_day ("2026-12-08"));
  fixture_settle (600);
  fixture_wait_drawn (GTK_WIDGET (fixture->window));
  assert_nothing_cut (GTK_WIDGET (rc_window_get_grid (fixture->window)), 1280, "week with the panel");
}

/* Every chip shown in CELL lies whole inside its clip: none half cut. */
static void
assert_chips_whole (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (RC_IS_ENTRY_CHIP (root))
    {
      GtkWidget *clip = gtk_widget_get_ancestor (root, GTK_TYPE_SCROLLED_WINDOW);
      graphene_rect_t r;

      g_assert_nonnull (clip);
      g_assert_true (gtk_widget_compute_bounds (root, clip, &r));
      g_test_message ("chip at %.0f+%.0f of %d", r.origin.y, r.size.height, gtk_widget_get_height (clip));
      g_assert_cmpfloat (r.origin.y + r.size.height, <=, gtk_widget_get_height (clip));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_chips_whole (child);
}

static guint
visible_chips (GtkWidget *root)
{
  guint n = 0;

  if (!gtk_widget_get_visible (root))
    return 0;
  if (RC_IS_ENTRY_CHIP (root))
    return 1;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += visible_chips (child);
  return n;
}

static gboolean
is_mapped_chip (GtkWidget     *widget,
                gconstpointer  data)
{
  return RC_IS_ENTRY_CHIP (widget) && gtk_widget_get_mapped (widget);
}

/* A month CELL of N_ENTRIES shows as many chips as it has room for, each
 * whole, and counts the rest in "+N more": they would not all fit, nor
 * one chip more above that line. */
static void
assert_shows_what_fits (RcDayCell *cell,
                        guint      n_entries)
{
  GtkWidget *clip = fixture_find_type (GTK_WIDGET (cell), GTK_TYPE_SCROLLED_WINDOW);
  /* a month's chips are all of a height: any one shown */
  GtkWidget *chip = fixture_find (gtk_widget_get_parent (GTK_WIDGET (cell)), is_mapped_chip, NULL);
  guint shown = visible_chips (GTK_WIDGET (cell));
  g_autofree char *more = g_strdup_printf ("+%u", n_entries - shown);
  GtkWidget *more_label = fixture_find_label (GTK_WIDGET (cell), more);
  int line;

  g_assert_nonnull (chip);
  line = gtk_widget_get_height (chip) + 3;

  g_test_message ("%u of %u sessions shown in %d px", shown, n_entries, gtk_widget_get_height (clip));
  assert_chips_whole (GTK_WIDGET (cell));
  if (shown == n_entries)
    return;
  g_assert_nonnull (more_label);
  g_assert_true (gtk_widget_get_mapped (more_label));
  g_assert_cmpint ((int) n_entries * line - 3, >, gtk_widget_get_height (clip) + 4 + gtk_widget_get_height (more_label));
  g_assert_cmpint ((int) (shown + 1) * line - 3, >, gtk_widget_get_height (clip));
}

/* Issue 13, 3: five sessions on one month day: the cell clips to "+N
 * more" and the window's minimum height stays what it was. */
static void
test_month_does_not_grow (WindowFixture *fixture,
                          gconstpointer  data)
{
  const RcKind kinds[] = { RC_KIND_EASY, RC_KIND_INTERVALS, RC_KIND_CROSS, RC_KIND_TEMPO, RC_KIND_MASSAGE };
  int before, after, height;

  rc_window_set_view (fixture->window, "month");
  rc_window_go_to (fixture->window, rc_test_day ("2026-12-10"));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 780);
  fixture_settle (300);
  fixture_wait_drawn (GTK_WIDGET (fixture->window));
  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_VERTICAL, 1280, &before, NULL, NULL, NULL);
  height = gtk_widget_get_height (GTK_WIDGET (fixture->window));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    add_entry (fixture, "2026-12-17", kinds[i], NULL);
  fixture_settle (300);
  fixture_wait_drawn (GTK_WIDGET (fixture->window));
  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_VERTICAL, 1280, &after, NULL, NULL, NULL);
  g_test_message ("minimum height %d px before, %d px after; window %d px", before, after, height);
  g_assert_cmpint (after, <=, before);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->window)), ==, height);
  assert_shows_what_fits (fixture_cell (fixture, "2026-12-17"), G_N_ELEMENTS (kinds));

  /* the best day's badge takes a line of its own */
  g_assert_true (rc_day_cell_shows_best (fixture_cell (fixture, "2026-12-21")));
  add_entry (fixture, "2026-12-21", RC_KIND_REST, NULL);
  add_entry (fixture, "2026-12-21", RC_KIND_MASSAGE, NULL);
  fixture_settle (300);
  fixture_wait_drawn (GTK_WIDGET (fixture->window));
  g_assert_true (rc_day_cell_shows_best (fixture_cell (fixture, "2026-12-21")));
  assert_shows_what_fits (fixture_cell (fixture, "2026-12-21"), 2);

  /* and as low as the window goes */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 400);
  fixture_settle (300);
  fixture_wait_drawn (GTK_WIDGET (fixture->window));
  g_test_message ("window %d px high", gtk_widget_get_height (GTK_WIDGET (fixture->window)));
  assert_shows_what_fits (fixture_cell (fixture, "2026-12-17"), G_N_ELEMENTS (kinds));
  assert_shows_what_fits (fixture_cell (fixture, "2026-12-21"), 2);
}

/* The window as a PNG in the build folder's screenshots/, for people to
 * look at (and the metainfo's to be picked from). */
/* Issue 13: week and month at 560, 800 and 1280 px, light and dark, with
 * five sessions on one day, in the language of the run; nothing cut in
 * any of them. */
static void
test_screenshots (WindowFixture *fixture,
                  gconstpointer  data)
{
  const RcKind kinds[] = { RC_KIND_EASY, RC_KIND_INTERVALS, RC_KIND_CROSS, RC_KIND_TEMPO, RC_KIND_MASSAGE };
  const char *views[] = { "week", "month" };
  const char *lang = g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "de") ? "de" : "en";
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    add_entry (fixture, "2026-12-17", kinds[i], NULL);
  for (guint dark = 0; dark < 2; dark++)
    for (guint v = 0; v < G_N_ELEMENTS (views); v++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%d-%s-%s", views[v], widths[w],
                                                   dark ? "dark" : "light", lang);

          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
          rc_window_set_view (fixture->window, views[v]);
          rc_window_go_to (fixture->window, rc_test_day ("2026-12-15"));
          resize (fixture, widths[w]);
          assert_nothing_cut (GTK_WIDGET (rc_window_get_grid (fixture->window)), widths[w], name);
          fixture_save_png (GTK_WIDGET (fixture->window), name);
        }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The day panel keeps its width from day to day, so the days beside it do
 * not jump as the arrow keys move it: a forbidden day's booking button
 * says no more than the others' do. */
static void
test_panel_keeps_width (WindowFixture *fixture,
                        gconstpointer  data)
{
  int first = 0;

  resize (fixture, 1280);
  for (RcDay day = rc_test_day ("2026-12-07"); day <= rc_test_day ("2026-12-22"); day++)
    {
      GtkWidget *panel;
      int minimum, requested;

      rc_window_open_day (fixture->window, day);
      panel = GTK_WIDGET (rc_window_get_panel (fixture->window));
      fixture_wait_drawn (panel);
      gtk_widget_measure (panel, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("%s: %s, %d px wide, at least %d", rc_day_to_iso (day),
                      rc_day_panel_get_summary (RC_DAY_PANEL (panel)), gtk_widget_get_width (panel), minimum);
      /* the width the window plans for it: its template's width-request */
      gtk_widget_get_size_request (panel, &requested, NULL);
      g_assert_cmpint (minimum, ==, requested);
      if (first == 0)
        first = gtk_widget_get_width (panel);
      g_assert_cmpint (gtk_widget_get_width (panel), ==, first);
      /* to look at: the best day (a badge beside the verdict) and a forbidden one */
      if (day == rc_test_day ("2026-12-13") || day == rc_test_day ("2026-12-11"))
        {
          const char *lang = g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "de") ? "de" : "en";
          g_autofree char *iso = rc_day_to_iso (day);
          g_autofree char *name = g_strdup_printf ("panel-%s-%s", iso, lang);

          fixture_save_png (GTK_WIDGET (fixture->window), name);
        }
    }
}

static gboolean
is_verdict_word (GtkWidget     *widget,
                 gconstpointer  data)
{
  for (RcVerdict v = 0; v < RC_N_VERDICTS; v++)
    if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
        g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), rc_verdict_label (v)))
      return TRUE;
  return FALSE;
}

/* GNOME's Large Text (and more: text at 150 %) at the default width: the
 * palette grows to its longest name rather than cut it ("Cross-trai…"),
 * and week and month cells give their words way to icons and numbers
 * before they are cut ("Forbidden" was, in 97 px). */
static void
test_large_text (WindowFixture *fixture,
                 gconstpointer  data)
{
  const char *views[] = { "week", "month" };
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *palette = fixture_find_type (GTK_WIDGET (fixture->window), RC_TYPE_PALETTE);
  GtkWidget *grid, *swim;
  gint64 swim_id;
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  add_entry (fixture, "2026-12-08", RC_KIND_INTERVALS, "6x800m intervals");
  swim_id = add_entry (fixture, "2026-12-12", RC_KIND_CROSS, "Swim");
  rc_window_go_to (fixture->window, rc_test_day ("2026-12-10"));
  grid = GTK_WIDGET (rc_window_get_grid (fixture->window));

  /* At 125 % the week's words still fit at 1280 px, and show: they give
   * way only where they would be cut. At 560 px they do, and the chips'
   * titles get their room: a short one is whole ("Sw…" it was). */
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 5 / 4, NULL);
  resize (fixture, 1280);
  assert_nothing_cut (grid, 1280, "week view with text at 125 %");
  g_assert_nonnull (fixture_find (GTK_WIDGET (fixture_cell (fixture, "2026-12-10")), is_verdict_word, NULL));
  ask_width (fixture, 560);
  assert_nothing_cut (grid, 560, "week view with text at 125 %");
  swim = fixture_find_type (rc_day_cell_get_chip (fixture_cell (fixture, "2026-12-12"), swim_id), RC_TYPE_CHIP_TITLE);
  g_assert_cmpstr (gtk_label_get_text (rc_chip_title_get_label (RC_CHIP_TITLE (swim))), ==, "Swim");

  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autofree char *what = g_strdup_printf ("%s view with text at 150 %%", views[v]);

      rc_window_set_view (fixture->window, views[v]);
      resize (fixture, 1280);
      grid = GTK_WIDGET (rc_window_get_grid (fixture->window));
      assert_nothing_cut (grid, 1280, what);
    }
  /* the month's two sessions on the 8th: those that fit and "+N", not one
   * and a half */
  assert_shows_what_fits (fixture_cell (fixture, "2026-12-08"), 2);
  assert_nothing_cut (palette, 1280, "the palette with text at 150 %");
  fixture_save_png (GTK_WIDGET (fixture->window), "large-text");
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
}

/* A window too narrow for the header's Week, Month and Load has them at its
 * foot, as a GNOME app's view switcher bar, and they work there; a wide one
 * has them in the header alone. */
static void
test_view_switch_at_foot (WindowFixture *fixture,
                          gconstpointer  data)
{
  const int steps[] = { 560, 1280, 560 };
  g_autofree char *month_title = NULL;

  rc_window_go_to (fixture->window, rc_test_day ("2026-12-10"));
  rc_window_set_view (fixture->window, "month");
  month_title = g_strdup (rc_window_get_period_title (fixture->window));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GtkWidget *month;

      rc_window_set_view (fixture->window, "week");
      resize (fixture, steps[i]);
      g_assert_true (view_switch_shown (fixture) == (steps[i] == 1280));
      month = shown_view_button (fixture, "month");
      g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (month)));
      /* as Space or Enter on it: pressed for a moment, then clicked */
      g_assert_true (gtk_widget_activate (month));
      fixture_settle (400);
      g_assert_cmpstr (rc_window_get_period_title (fixture->window), ==, month_title);
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (shown_view_button (fixture, "month"))));
      g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (shown_view_button (fixture, "week"))));
    }
}

/* The chart's x where WEEK's first day begins. */
static int
week_x (RcLoadView *view,
        guint       week)
{
  RcDay day = rc_load_view_get_first (view) + week * 7;
  int x = 0;

  while (rc_load_view_day_at (view, x) != day)
    g_assert_cmpint (++x, <, gtk_widget_get_width (rc_load_view_get_chart (view)));
  return x;
}

/* The dates under the Load chart keep at least a space between each other
 * and stay on the chart, and name every other week where they have room. */
static void
assert_week_dates_apart (RcLoadView *view,
                         gboolean    roomy)
{
  GtkWidget *chart = rc_load_view_get_chart (view);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (chart, " ");
  guint step = rc_load_view_get_date_step (view);
  guint n_weeks = (rc_load_view_get_last (view) - rc_load_view_get_first (view) + 1) / 7;
  int space, end = G_MININT / 2;

  pango_layout_get_pixel_size (layout, &space, NULL);
  g_test_message ("a date every %u weeks at %d px", step, gtk_widget_get_width (chart));
  if (roomy)
    g_assert_cmpuint (step, ==, 2);
  g_assert_cmpuint (step, <=, n_weeks / 2);   /* two dates at the least */
  for (guint w = 0; w < n_weeks; w += step)
    {
      g_autofree char *date = rc_load_view_dup_week_date (view, w);
      int x = week_x (view, w), width;

      pango_layout_set_text (layout, date, -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      /* every date is drawn the same way right of its week's line: the
       * lines' distance is the distance between the dates */
      g_assert_cmpint (x - end, >=, space);
      end = x + width;
    }
  g_assert_cmpint (end, <, gtk_widget_get_width (chart));
}

static int
window_min_width (WindowFixture *fixture)
{
  int min;

  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min, NULL, NULL, NULL);
  return min;
}

/* A window as narrow as the week allows (half of a 1024 px screen, say)
 * switches to Load without growing: its chart and legend fit there too, and
 * the chart's dates make room for each other, also in Large Text. */
static void
test_load_fits_the_week (WindowFixture *fixture,
                         gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  int week_min, week_width, load_min, dpi;

  rc_window_go_to (fixture->window, rc_test_day ("2026-12-10"));
  rc_window_set_view (fixture->window, "week");
  ask_width (fixture, 200);
  week_min = window_min_width (fixture);
  week_width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  rc_window_set_view (fixture->window, "load");
  fixture_settle (100);
  fixture_wait_drawn (GTK_WIDGET (fixture->window));
  load_min = window_min_width (fixture);
  g_test_message ("narrowest window: week %d px, Load %d px", week_min, load_min);
  g_assert_cmpint (load_min, <=, week_min);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, week_width);
  assert_week_dates_apart (rc_window_get_load_view (fixture->window), FALSE);
  /* Large Text (150 %): the dates grow, the chart's weeks do not */
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  ask_width (fixture, 200);
  assert_week_dates_apart (rc_window_get_load_view (fixture->window), FALSE);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  resize (fixture, 1280);
  assert_week_dates_apart (rc_window_get_load_view (fixture->window), TRUE);
}

static const FixtureTest tests[] = {
  { "panel-buttons",       test_panel_buttons,       FIXTURE_WORKED_EXAMPLE },
  { "panel-keeps-width",   test_panel_keeps_width,   FIXTURE_WORKED_EXAMPLE },
  { "narrow",              test_narrow,              FIXTURE_WORKED_EXAMPLE },
  { "view-switch-at-foot", test_view_switch_at_foot, FIXTURE_WORKED_EXAMPLE },
  { "load-fits-the-week",  test_load_fits_the_week,  FIXTURE_WORKED_EXAMPLE },
  { "title-fits",          test_title_fits,          FIXTURE_WORKED_EXAMPLE },
  { "month-does-not-grow", test_month_does_not_grow, FIXTURE_WORKED_EXAMPLE },
  { "screenshots",         test_screenshots,         FIXTURE_WORKED_EXAMPLE },
  { "large-text",          test_large_text,          FIXTURE_WORKED_EXAMPLE },
};

int
main (int   argc,
      char *argv[])
{
  /* the German run sets LC_ALL=de_DE.UTF-8 */
  fixture_init_translated (&argc, &argv);
  fixture_add_tests ("/layout/", tests, G_N_ELEMENTS (tests));
  return g_test_run ();
}
