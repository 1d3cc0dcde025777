/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-day-cell.c - one day: date, verdict (tint, icon, word), entries; a drop target. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "rc-activatable.h"
#include "rc-booking-confirm.h"
#include "rc-day-cell.h"
#include "rc-entry-chip.h"
#include "rc-model-property.h"

/* A month cell shows as many chips as its height has room for, with
 * "+N more" under them when they do not all fit; until it has measured
 * that, two lines, one of them the best day's badge's if it shows. */
#define MONTH_FIRST_LINES 2
#define CELL_SPACING      4   /* between the cell's rows */
#define CHIP_SPACING      3   /* between its chips */
#define ICON_SIZE         16  /* Adwaita's PNG size: see build_children () */
#define VERDICT_SPACING   4   /* the verdict's icon and word */
#define BADGE_SPACING     2   /* the best badge's icon and word */

struct _RcDayCell
{
  GtkWidget        parent_instance;

  RcCalendarModel *model;
  RcDay            day;
  gboolean         compact;
  gboolean         dim;
  gboolean         narrow;
  char            *label;
  GtkDropTarget   *drop_target;

  GtkLabel        *weekday_label;
  GtkLabel        *date_label;
  GtkWidget       *best_badge;   /* these three are built when first needed */
  GtkWidget       *best_word;
  GtkScrolledWindow *chip_clip;
  GtkImage        *verdict_icon;
  GtkLabel        *verdict_label;
  GtkBox          *chips;
  GtkLabel        *more_label;
  guint            n_more;     /* entries the month cell has no room for */
  gboolean         fitted;     /* a month cell's room for chips measured: */
  guint            room_all;   /* how many it has room for */
  guint            room_more;  /* the same above its "+N more" line */
  GtkLabel        *drag_hint;
};

static void ensure_best_badge (RcDayCell *self);
static void ensure_more_label (RcDayCell *self);
static void ensure_drag_hint  (RcDayCell *self);
static void hide_drag_hint    (RcDayCell *self);

G_DEFINE_FINAL_TYPE (RcDayCell, rc_day_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
rc_day_format_full (RcDay day)
{
  /* Translators: a full date for labels, strftime format */
  return rc_day_format (day, _("%A %-d %B %Y"));
}

static const char *
verdict_phrase (RcVerdict verdict)
{
  switch (verdict)
    {
    case RC_VERDICT_IDEAL:
      return _("ideal for massage");
    case RC_VERDICT_SAFE:
      return _("safe for massage");
    case RC_VERDICT_FORBIDDEN:
    default:
      return _("forbidden for massage");
    }
}

/* "Saturday 12 December 2026, forbidden for massage: <why>. Long run, 120
 * minutes." Screen readers and tests find the day by it. */
static char *
build_label (RcDayCell       *self,
             const RcAdvice  *advice,
             const RcEntry * const *entries,
             guint            n_entries)
{
  g_autofree char *date = rc_day_format_full (self->day);
  GString *s = g_string_new (date);

  if (advice != NULL)
    {
      g_auto(GStrv) reasons = rc_advice_reasons (advice);

      g_string_append_printf (s, ", %s", verdict_phrase (advice->verdict));
      if (reasons != NULL && reasons[0] != NULL)
        g_string_append_printf (s, ": %s", reasons[0]);
      if (advice->best)
        g_string_append_printf (s, ". %s", _("Best day of the week"));
    }
  if (gtk_widget_has_css_class (GTK_WIDGET (self), "today"))
    g_string_append_printf (s, ". %s", _("Today"));
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *entry = rc_entry_describe (entries[i]);

      g_string_append_printf (s, ". %s", entry);
    }
  return g_string_free (s, FALSE);
}

static void
set_verdict (RcDayCell      *self,
             const RcAdvice *advice)
{
  for (RcVerdict v = 0; v < RC_N_VERDICTS; v++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), rc_verdict_to_string (v));
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_icon), advice != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), advice != NULL && !self->narrow);
  if (advice != NULL && advice->best)
    ensure_best_badge (self);
  if (self->best_badge != NULL)
    gtk_widget_set_visible (self->best_badge, advice != NULL && advice->best);
  if (advice == NULL)
    return;
  gtk_widget_add_css_class (GTK_WIDGET (self), rc_verdict_to_string (advice->verdict));
  gtk_image_set_from_icon_name (self->verdict_icon, rc_verdict_icon_name (advice->verdict));
  gtk_label_set_text (self->verdict_label, rc_verdict_label (advice->verdict));
  /* the word, where a narrow cell shows only the icon */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, rc_verdict_label (advice->verdict), -1);
}

static char *
more_text (RcDayCell *self)
{
  /* Translators: entries that do not fit in a month cell */
  return g_strdup_printf (_("+%u more"), self->n_more);
}

/* Written when asked for: GTK 4.8 asks the X server where the pointer is
 * on every gtk_widget_set_tooltip_text(), too slow for paging months. */
static gboolean
on_more_query_tooltip (GtkWidget  *label,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       RcDayCell  *self)
{
  g_autofree char *more = NULL;

  if (self->n_more == 0)
    return FALSE;
  more = more_text (self);
  gtk_tooltip_set_text (tooltip, more);
  return TRUE;
}

/* Reuses the chips in place and hides the spare ones: a recolour after a
 * drop, or paging through months, must stay cheap. */
static void
set_entries (RcDayCell             *self,
             const RcEntry * const *entries,
             guint                  n_entries)
{
  /* a month cell that cannot show them all gives its last chip's line to
   * "+N more": two chips and that line did not fit, half a chip showed */
  gboolean badge = self->best_badge != NULL && gtk_widget_get_visible (self->best_badge);
  guint lines = MONTH_FIRST_LINES - (badge ? 1 : 0);
  guint room_all = self->fitted ? self->room_all : lines;
  guint room_more = self->fitted ? self->room_more : lines - 1;
  guint shown = !self->compact || n_entries <= room_all ? n_entries : room_more;
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->chips));

  for (guint i = 0; i < shown; i++)
    {
      if (child == NULL)
        {
          child = rc_entry_chip_new (entries[i], self->compact);
          gtk_box_append (self->chips, child);
        }
      else
        rc_entry_chip_set_entry (RC_ENTRY_CHIP (child), entries[i]);
      rc_entry_chip_set_show_minutes (RC_ENTRY_CHIP (child), !self->compact && !self->narrow);
      rc_entry_chip_set_show_icon (RC_ENTRY_CHIP (child), self->compact || !self->narrow);
      gtk_widget_set_visible (child, TRUE);
      child = gtk_widget_get_next_sibling (child);
    }
  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, FALSE);

  self->n_more = n_entries - shown;
  if (shown < n_entries)
    ensure_more_label (self);
  if (self->more_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->more_label), shown < n_entries);
  if (shown < n_entries)
    {
      g_autofree char *more = more_text (self);
      /* Translators: the same in a narrow month cell, about 50 px wide */
      g_autofree char *short_more = g_strdup_printf (C_("entries", "+%u"), self->n_more);

      /* a narrow cell says the number alone, the words in its tooltip */
      gtk_label_set_text (self->more_label, self->narrow ? short_more : more);
    }
}

/* A massage on a day that advises against it carries the mark on its chip,
 * not only in the panel. */
static void
mark_conflicts (RcDayCell *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->chips));
       child != NULL && gtk_widget_get_visible (child); child = gtk_widget_get_next_sibling (child))
    {
      const RcEntry *entry = rc_entry_chip_get_entry (RC_ENTRY_CHIP (child));
      g_autofree char *reason = NULL;

      if (entry->kind == RC_KIND_MASSAGE)
        reason = rc_booking_check (self->model, self->day, entry->massage);
      rc_entry_chip_set_conflict (RC_ENTRY_CHIP (child), reason);
    }
}

/* A wide week cell names the month, a month cell only on the 1st, a
 * narrow week cell never: the week's title does ("1 Dec" was cut in
 * today's pill at 560 px). */
static char *
date_text (RcDayCell *self,
           gboolean   narrow)
{
  GDate d;

  rc_day_to_gdate (self->day, &d);
  if (self->compact ? g_date_get_day (&d) != 1 : narrow)
    return g_strdup_printf ("%u", g_date_get_day (&d));
  /* Translators: a day and short month in a calendar cell, strftime format */
  return rc_day_format (self->day, _("%-d %b"));
}

static void
set_date_labels (RcDayCell *self)
{
  g_autofree char *weekday = rc_day_format (self->day, "%a");
  g_autofree char *date = date_text (self, self->narrow);
  gtk_label_set_text (self->weekday_label, weekday);
  gtk_label_set_text (self->date_label, date);
}

void
rc_day_cell_update (RcDayCell *self)
{
  const RcAdvice *advice;
  const RcEntry * const *entries;
  guint n_entries = 0;

  g_return_if_fail (RC_IS_DAY_CELL (self));

  if (self->day == RC_DAY_INVALID)
    return;
  advice = rc_calendar_model_get_advice (self->model, self->day);
  entries = rc_calendar_model_get_entries (self->model, self->day, &n_entries);
  set_verdict (self, advice);
  set_entries (self, entries, n_entries);
  mark_conflicts (self);
  g_free (self->label);
  self->label = build_label (self, advice, entries, n_entries);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label, -1);
}

void
rc_day_cell_set_day (RcDayCell *self,
                     RcDay      day,
                     gboolean   dim)
{
  g_return_if_fail (RC_IS_DAY_CELL (self));

  self->day = day;
  self->dim = dim;
  set_date_labels (self);
  if (dim)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dim");
  if (day == rc_day_today ())
    gtk_widget_add_css_class (GTK_WIDGET (self), "today");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "today");
  rc_day_cell_update (self);
}

RcDay
rc_day_cell_get_day (RcDayCell *self)
{
  g_return_val_if_fail (RC_IS_DAY_CELL (self), RC_DAY_INVALID);
  return self->day;
}

void
rc_day_cell_set_selected (RcDayCell *self,
                          gboolean   selected)
{
  g_return_if_fail (RC_IS_DAY_CELL (self));

  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "selected");
  /* not only a colour: a screen reader hears which day the panel shows */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

const char *
rc_day_cell_get_label (RcDayCell *self)
{
  g_return_val_if_fail (RC_IS_DAY_CELL (self), NULL);
  return self->label;
}

GtkDropTarget *
rc_day_cell_get_drop_target (RcDayCell *self)
{
  g_return_val_if_fail (RC_IS_DAY_CELL (self), NULL);
  return self->drop_target;
}

GtkWidget *
rc_day_cell_get_chip (RcDayCell *self,
                      gint64     id)
{
  g_return_val_if_fail (RC_IS_DAY_CELL (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->chips));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_visible (child) && rc_entry_chip_get_id (RC_ENTRY_CHIP (child)) == id)
        return child;
    }
  return NULL;
}

static gboolean
parse_id (const char *s,
          gint64     *id)
{
  return g_ascii_string_to_signed (s, 10, 1, G_MAXINT64, id, NULL);
}

/* A drop the store refused: a toast of the window says why (win.toast),
 * no message is relayed up through the grid. */
static void
show_error (RcDayCell    *self,
            const GError *error)
{
  if (error != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
}

typedef enum {
  DROP_ADD,
  DROP_COPY,
  DROP_MOVE,
} DropOp;

typedef struct {
  DropOp     op;
  RcKind     kind;   /* DROP_ADD */
  gint64     id;     /* DROP_COPY, DROP_MOVE */
} Drop;

static gboolean
do_drop (RcDayCell  *self,
         const Drop *drop,
         GError    **error)
{
  switch (drop->op)
    {
    case DROP_ADD:
      return rc_calendar_model_add_kind (self->model, drop->kind, self->day, error) != 0;
    case DROP_COPY:
      return rc_calendar_model_copy (self->model, drop->id, self->day, error) != 0;
    case DROP_MOVE:
    default:
      return rc_calendar_model_move (self->model, drop->id, self->day, error);
    }
}

/* After "Book Anyway": a refusal by the store is shown like any other. */
static void
on_drop_confirmed (GtkWidget *widget,
                   gpointer   data)
{
  RcDayCell *self = RC_DAY_CELL (widget);
  g_autoptr(GError) error = NULL;

  if (!do_drop (self, data, &error))
    show_error (self, error);
}

/* The massage a drop would book here, and whether it is one: the tile
 * books the kind the day suggests (RC_MASSAGE_NONE), a chip its own. */
static gboolean
drop_books_massage (RcDayCell  *self,
                    const Drop *drop,
                    RcMassage  *massage)
{
  const RcEntry *entry;

  *massage = RC_MASSAGE_NONE;
  if (drop->op == DROP_ADD)
    return drop->kind == RC_KIND_MASSAGE;
  entry = rc_calendar_model_lookup (self->model, drop->id);
  if (entry == NULL || entry->kind != RC_KIND_MASSAGE)
    return FALSE;
  /* moved back onto its own day: nothing is booked */
  if (drop->op == DROP_MOVE && entry->day == self->day)
    return FALSE;
  *massage = entry->massage;
  return TRUE;
}

static gboolean
parse_drop (const char *payload,
            gboolean    copy,
            Drop       *drop)
{
  if (g_str_has_prefix (payload, RC_DND_KIND_PREFIX) &&
      rc_kind_from_string (payload + strlen (RC_DND_KIND_PREFIX), &drop->kind))
    drop->op = DROP_ADD;
  else if (g_str_has_prefix (payload, RC_DND_COPY_PREFIX) &&
           parse_id (payload + strlen (RC_DND_COPY_PREFIX), &drop->id))
    drop->op = DROP_COPY;
  else if (g_str_has_prefix (payload, RC_DND_MOVE_PREFIX) &&
           parse_id (payload + strlen (RC_DND_MOVE_PREFIX), &drop->id))
    drop->op = copy ? DROP_COPY : DROP_MOVE;
  else
    return FALSE;
  return TRUE;
}

gboolean
rc_day_cell_drop (RcDayCell   *self,
                  const char  *payload,
                  gboolean     copy,
                  GError     **error)
{
  Drop drop = { DROP_ADD, RC_KIND_REST, 0 };
  g_autofree char *reason = NULL;
  RcMassage massage;

  g_return_val_if_fail (RC_IS_DAY_CELL (self), FALSE);

  if (!parse_drop (payload, copy, &drop))
    return FALSE;
  if (drop_books_massage (self, &drop, &massage))
    reason = rc_booking_check (self->model, self->day, massage);
  if (reason == NULL)
    return do_drop (self, &drop, error);
  /* Every way of booking asks first on a day that advises against it;
   * the drop itself is taken, the booking waits for the answer. */
  rc_booking_confirm (GTK_WIDGET (self), self->model, self->day, massage,
                      drop.op == DROP_MOVE ? RC_BOOKING_MOVE : RC_BOOKING_NEW,
                      on_drop_confirmed, g_memdup2 (&drop, sizeof drop), g_free);
  return TRUE;
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         RcDayCell     *self)
{
  g_autoptr(GError) error = NULL;
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);
  gboolean copy = drop != NULL && gdk_drop_get_actions (drop) == GDK_ACTION_COPY;

  hide_drag_hint (self);
  if (!G_VALUE_HOLDS_STRING (value) || g_value_get_string (value) == NULL)
    return FALSE;
  if (!rc_day_cell_drop (self, g_value_get_string (value), copy, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Whether the payload being dragged is a massage (tile or appointment). */
static gboolean
payload_is_massage (RcDayCell  *self,
                    const char *payload)
{
  gint64 id;
  const RcEntry *entry;

  if (g_strcmp0 (payload, RC_DND_KIND_PREFIX "massage") == 0)
    return TRUE;
  if (payload == NULL || !g_str_has_prefix (payload, RC_DND_MOVE_PREFIX) ||
      !parse_id (payload + strlen (RC_DND_MOVE_PREFIX), &id))
    return FALSE;
  entry = rc_calendar_model_lookup (self->model, id);
  return entry != NULL && entry->kind == RC_KIND_MASSAGE;
}

/* The payload of a drag from this process, read at once from the drag's own
 * content (GTK 4.8 never preloads it for local drags); NULL otherwise. */
static char *
local_payload (GtkDropTarget *target)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);
  GdkDrag *drag = drop != NULL ? gdk_drop_get_drag (drop) : NULL;
  GValue value = G_VALUE_INIT;
  char *payload = NULL;

  if (drag == NULL)
    return NULL;
  g_value_init (&value, G_TYPE_STRING);
  if (gdk_content_provider_get_value (gdk_drag_get_content (drag), &value, NULL))
    payload = g_value_dup_string (&value);
  g_value_unset (&value);
  return payload;
}

/* GTK wants one preferred action, not a set: a planned session dragged
 * moves, a tile or a Ctrl-drag copies. */
static GdkDragAction
preferred_action (const char *payload)
{
  return payload != NULL && g_str_has_prefix (payload, RC_DND_MOVE_PREFIX)
         ? GDK_ACTION_MOVE : GDK_ACTION_COPY;
}

/* A massage over a forbidden day says why, before it is dropped there. */
static GdkDragAction
on_drop_enter (GtkDropTarget *target,
               double         x,
               double         y,
               RcDayCell     *self)
{
  g_autofree char *payload = local_payload (target);
  const RcAdvice *advice = rc_calendar_model_get_advice (self->model, self->day);
  g_auto(GStrv) reasons = NULL;
  g_autofree char *hint = NULL;

  if (payload == NULL || advice == NULL || advice->verdict != RC_VERDICT_FORBIDDEN ||
      !payload_is_massage (self, payload))
    return preferred_action (payload);
  reasons = rc_advice_reasons (advice);
  hint = g_strdup_printf (_("Not advised: %s"),
                          reasons != NULL && reasons[0] != NULL ? reasons[0] : rc_verdict_label (advice->verdict));
  ensure_drag_hint (self);
  gtk_label_set_text (self->drag_hint, hint);
  gtk_widget_set_visible (GTK_WIDGET (self->drag_hint), TRUE);
  return preferred_action (payload);
}

static void
on_drop_leave (GtkDropTarget *target,
               RcDayCell     *self)
{
  hide_drag_hint (self);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            RcDayCell       *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  GtkWidget *chip = picked != NULL ? gtk_widget_get_ancestor (picked, RC_TYPE_ENTRY_CHIP) : NULL;

  /* A right click on a chip is about that entry: its menu offers Move, Delete… */
  gtk_widget_grab_focus (chip != NULL ? chip : GTK_WIDGET (self));
  if (button == GDK_BUTTON_SECONDARY)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.day-menu", "(udd)", self->day, x, y);
    }
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             RcDayCell       *self)
{
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_PRIMARY)
    gtk_widget_activate (GTK_WIDGET (self));
}

/* Click, Enter or Space on the day: the window opens its panel. */
static void
rc_day_cell_real_activate (RcDayCell *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-day", "u", self->day);
}

/* Menu or Shift+F10: the day's menu, under its header. */
static void
popup_menu_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  RcDayCell *self = RC_DAY_CELL (widget);

  gtk_widget_activate_action (widget, "win.day-menu", "(udd)", self->day,
                              (double) gtk_widget_get_width (widget) / 2, 24.0);
}

static GtkWidget *
add_label (GtkWidget  *parent,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (GTK_IS_BOX (parent))
    gtk_box_append (GTK_BOX (parent), label);
  else
    gtk_widget_set_parent (label, parent);
  return label;
}

static GtkWidget *
add_box (GtkWidget      *parent,
         GtkOrientation  orientation,
         int             spacing,
         const char     *css_class)
{
  GtkWidget *box = gtk_box_new (orientation, spacing);

  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  gtk_widget_set_parent (box, parent);
  return box;
}

/* Built in code, not from a template: 49 cells, and GtkBuilder would be
 * most of the window's start-up time. */
static void
build_children (RcDayCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *header, *verdict;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), CELL_SPACING);

  header = add_box (widget, GTK_ORIENTATION_VERTICAL, 0, NULL);
  self->weekday_label = GTK_LABEL (add_label (header, "weekday"));
  self->date_label = GTK_LABEL (add_label (header, "date"));
  gtk_widget_set_halign (GTK_WIDGET (self->date_label), GTK_ALIGN_START);

  verdict = add_box (widget, GTK_ORIENTATION_HORIZONTAL, VERDICT_SPACING, "verdict");
  self->verdict_icon = GTK_IMAGE (gtk_image_new ());
  /* 16 px: Adwaita ships that size as PNG; other sizes load its SVGs, and
   * with them librsvg (megabytes and milliseconds at start-up). */
  gtk_image_set_pixel_size (self->verdict_icon, ICON_SIZE);
  gtk_box_append (GTK_BOX (verdict), GTK_WIDGET (self->verdict_icon));
  self->verdict_label = GTK_LABEL (add_label (verdict, NULL));

  /* A week cell is tall enough for its day's sessions: its chips sit in the
   * cell itself (a month cell puts them in a clip, rc_day_cell_new()). */
  self->chips = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, CHIP_SPACING));
  gtk_widget_set_vexpand (GTK_WIDGET (self->chips), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->chips), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->chips), widget);
}

/* The best day's badge, the "+N more" line and the drag hint are hidden in
 * nearly every cell: built when first shown, not before the first frame. */
static void
ensure_best_badge (RcDayCell *self)
{
  GtkWidget *badge;

  if (self->best_badge != NULL)
    return;
  badge = self->best_badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, BADGE_SPACING);
  gtk_widget_add_css_class (badge, "best-badge");
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (badge, _("The best day of this week for a massage"));
  gtk_box_append (GTK_BOX (badge), gtk_image_new_from_icon_name ("view-pin-symbolic"));
  self->best_word = gtk_label_new (C_("badge", "Best"));
  /* asks for no width: a narrow cell hides it rather than widen the window */
  gtk_label_set_ellipsize (GTK_LABEL (self->best_word), PANGO_ELLIPSIZE_END);
  gtk_widget_set_visible (self->best_word, !self->narrow);
  gtk_box_append (GTK_BOX (badge), self->best_word);
  /* under the verdict */
  gtk_widget_insert_after (badge, GTK_WIDGET (self),
                           gtk_widget_get_parent (GTK_WIDGET (self->verdict_icon)));
}

static void
ensure_more_label (RcDayCell *self)
{
  GtkWidget *chips = self->chip_clip != NULL ? GTK_WIDGET (self->chip_clip) : GTK_WIDGET (self->chips);

  if (self->more_label != NULL)
    return;
  self->more_label = GTK_LABEL (add_label (GTK_WIDGET (self), "caption"));
  gtk_widget_add_css_class (GTK_WIDGET (self->more_label), "dim-text");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->more_label), TRUE);
  g_signal_connect (self->more_label, "query-tooltip", G_CALLBACK (on_more_query_tooltip), self);
  /* under the chips */
  gtk_widget_insert_after (GTK_WIDGET (self->more_label), GTK_WIDGET (self), chips);
}

/* Last in the cell, built at the first drag over it. */
static void
ensure_drag_hint (RcDayCell *self)
{
  if (self->drag_hint != NULL)
    return;
  self->drag_hint = GTK_LABEL (add_label (GTK_WIDGET (self), "drag-hint"));
  gtk_widget_add_css_class (GTK_WIDGET (self->drag_hint), "caption");
  gtk_label_set_wrap (self->drag_hint, TRUE);
  gtk_label_set_wrap_mode (self->drag_hint, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->drag_hint, 4);
}

static void
hide_drag_hint (RcDayCell *self)
{
  if (self->drag_hint != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->drag_hint), FALSE);
}

static void
rc_day_cell_dispose (GObject *object)
{
  RcDayCell *self = RC_DAY_CELL (object);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (rc_day_cell_parent_class)->dispose (object);
}

static void
rc_day_cell_finalize (GObject *object)
{
  RcDayCell *self = RC_DAY_CELL (object);

  g_clear_pointer (&self->label, g_free);
  G_OBJECT_CLASS (rc_day_cell_parent_class)->finalize (object);
}

static void
rc_day_cell_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RcDayCell *self = RC_DAY_CELL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_day_cell_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RcDayCell *self = RC_DAY_CELL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      break;
    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void clip_chips (RcDayCell *self);

/* A month cell names no weekday (the header does) and clips its chips. */
static void
rc_day_cell_constructed (GObject *object)
{
  RcDayCell *self = RC_DAY_CELL (object);

  G_OBJECT_CLASS (rc_day_cell_parent_class)->constructed (object);
  if (self->compact)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
      gtk_widget_set_visible (GTK_WIDGET (self->weekday_label), FALSE);
      clip_chips (self);
    }
}

/* The verdict row (its icon, then its word) is drawn before the date
 * above it, so that the word and the date are one run of text: on
 * software GL (llvmpipe) every switch between an icon and text costs the
 * frame its own draw state (about 64 kB at the peak, issue 14). Nothing in
 * a cell overlaps, so the order shows nowhere else. */
static void
rc_day_cell_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  RcDayCell *self = RC_DAY_CELL (widget);
  GtkWidget *verdict = gtk_widget_get_parent (GTK_WIDGET (self->verdict_icon));

  gtk_widget_snapshot_child (widget, verdict, snapshot);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != verdict)
      gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
rc_day_cell_class_init (RcDayCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_day_cell_dispose;
  object_class->finalize = rc_day_cell_finalize;
  object_class->get_property = rc_day_cell_get_property;
  object_class->set_property = rc_day_cell_set_property;
  object_class->constructed = rc_day_cell_constructed;
  widget_class->snapshot = rc_day_cell_snapshot;

  properties[PROP_MODEL] = rc_model_property_new ();
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Click, Enter or Space (gtk_widget_activate ()): open the day panel.
   * A chip in the cell takes those keys first, for its own entry. */
  rc_activatable_class_init (widget_class, G_CALLBACK (rc_day_cell_real_activate));
  gtk_widget_class_install_action (widget_class, "menu.popup", NULL, popup_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "menu.popup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "menu.popup", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "daycell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
rc_day_cell_init (RcDayCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  build_children (self);

  self->drop_target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (on_drop), self);
  g_signal_connect (self->drop_target, "enter", G_CALLBACK (on_drop_enter), self);
  g_signal_connect (self->drop_target, "leave", G_CALLBACK (on_drop_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

void
rc_day_cell_set_narrow (RcDayCell *self,
                        gboolean   narrow)
{
  g_return_if_fail (RC_IS_DAY_CELL (self));

  if (self->narrow == narrow)
    return;
  self->narrow = narrow;
  if (narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
  if (self->best_word != NULL)
    gtk_widget_set_visible (self->best_word, !narrow);
  if (self->day != RC_DAY_INVALID)
    {
      set_date_labels (self);
      rc_day_cell_update (self);
    }
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
horizontal_padding (GtkWidget *widget)
{
  GtkBorder padding;

  gtk_style_context_get_padding (gtk_widget_get_style_context (widget), &padding);
  return padding.left + padding.right;
}

int
rc_day_cell_get_words_width (RcDayCell *self,
                             gboolean   with_verdicts)
{
  g_autofree char *date = NULL;
  int width;

  g_return_val_if_fail (RC_IS_DAY_CELL (self), 0);

  if (self->day == RC_DAY_INVALID)
    return 0;
  date = date_text (self, FALSE);
  width = text_width (GTK_WIDGET (self->date_label), date) + horizontal_padding (GTK_WIDGET (self->date_label));
  for (RcVerdict v = 0; with_verdicts && v < RC_N_VERDICTS; v++)
    width = MAX (width, ICON_SIZE + VERDICT_SPACING + text_width (GTK_WIDGET (self->verdict_label), rc_verdict_label (v)));
  if (self->best_badge != NULL && gtk_widget_get_visible (self->best_badge))
    width = MAX (width, horizontal_padding (self->best_badge) + ICON_SIZE + BADGE_SPACING +
                        text_width (self->best_word, gtk_label_get_text (GTK_LABEL (self->best_word))));
  return width + horizontal_padding (GTK_WIDGET (self));
}

/* The height of a month cell's chip and "+N more" line, where it shows
 * them; a hidden widget measures nothing. */
void
rc_day_cell_get_line_heights (RcDayCell *self,
                              int       *chip_height,
                              int       *more_height)
{
  GtkWidget *chip;

  g_return_if_fail (RC_IS_DAY_CELL (self));

  chip = self->chip_clip != NULL ? gtk_widget_get_first_child (GTK_WIDGET (self->chips)) : NULL;
  if (*chip_height == 0 && chip != NULL && gtk_widget_get_visible (chip))
    gtk_widget_measure (chip, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (GTK_WIDGET (self->chip_clip)),
                        chip_height, NULL, NULL, NULL);
  if (*more_height == 0 && self->more_label != NULL && gtk_widget_get_visible (GTK_WIDGET (self->more_label)))
    *more_height = gtk_widget_get_height (GTK_WIDGET (self->more_label));
}

/* A month cell's room, at its present size, for chips of CHIP_HEIGHT: in
 * its clip, and in its "+N more" line (MORE_HEIGHT) while that shows. With
 * APPLY, shows what fits; returns whether that differs from before. */
gboolean
rc_day_cell_fit_chips (RcDayCell *self,
                       int        chip_height,
                       int        more_height,
                       gboolean   apply)
{
  int room;
  guint room_all, room_more;

  g_return_val_if_fail (RC_IS_DAY_CELL (self), FALSE);
  g_return_val_if_fail (chip_height > 0, FALSE);

  if (self->chip_clip == NULL)
    return FALSE;
  room = gtk_widget_get_height (GTK_WIDGET (self->chip_clip));
  if (self->more_label != NULL && gtk_widget_get_visible (GTK_WIDGET (self->more_label)))
    room += CELL_SPACING + gtk_widget_get_height (GTK_WIDGET (self->more_label));
  room_all = (room + CHIP_SPACING) / (chip_height + CHIP_SPACING);
  room_more = MAX (0, room - CELL_SPACING - more_height + CHIP_SPACING) / (chip_height + CHIP_SPACING);
  if (self->fitted && room_all == self->room_all && room_more == self->room_more)
    return FALSE;
  if (apply)
    {
      self->fitted = TRUE;
      self->room_all = room_all;
      self->room_more = room_more;
      rc_day_cell_update (self);
    }
  return TRUE;
}

/* A month cell's chips ask for no height of their own: a busy day clips
 * them (the rest is "+N more") instead of raising the window's minimum
 * height. A week cell keeps them in the cell itself: in the clip (a scrolled
 * window) GTK 4.8 measured their height for no width, so a title wrapped to
 * two lines ("Sports massage") was cut to one and the fifth session of a day
 * hidden, with no "+N more". Only month cells build the clip, then (a
 * scrolled window is a dozen widgets). */
static void
clip_chips (RcDayCell *self)
{
  GtkWidget *chips = g_object_ref (GTK_WIDGET (self->chips));

  self->chip_clip = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->chip_clip, GTK_POLICY_NEVER, GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_propagate_natural_height (self->chip_clip, TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->chip_clip), TRUE);
  /* the room there is, which rc_day_cell_fit_chips () measures; "+N
   * more" is at the foot of the cell */
  gtk_widget_set_valign (GTK_WIDGET (self->chip_clip), GTK_ALIGN_FILL);
  /* The clip itself takes no focus (it is not focusable); can-focus FALSE
   * would also refuse the focus to every chip in it, so a clicked chip could
   * not get it back after Escape closes the panel it opened. */
  gtk_widget_insert_after (GTK_WIDGET (self->chip_clip), GTK_WIDGET (self), chips);
  gtk_widget_unparent (chips);
  gtk_widget_set_vexpand_set (chips, FALSE);
  gtk_widget_set_valign (chips, GTK_ALIGN_FILL);
  gtk_scrolled_window_set_child (self->chip_clip, chips);
  g_object_unref (chips);
}

GtkWidget *
rc_day_cell_new (RcCalendarModel *model,
                 gboolean         compact)
{
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (model), NULL);

  return g_object_new (RC_TYPE_DAY_CELL, "model", model, "compact", compact, NULL);
}

/* The verdict's icon as shown, or NULL: for tests. */
const char *
rc_day_cell_get_verdict_icon (RcDayCell *self)
{
  g_return_val_if_fail (RC_IS_DAY_CELL (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->verdict_icon)))
    return NULL;
  return gtk_image_get_icon_name (self->verdict_icon);
}

gboolean
rc_day_cell_shows_best (RcDayCell *self)
{
  g_return_val_if_fail (RC_IS_DAY_CELL (self), FALSE);
  return self->best_badge != NULL && gtk_widget_get_visible (self->best_badge);
}
