/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-window-actions.c - the window's actions: import, export and
 * preferences of its plan; undo, book, add, move, duplicate, delete, and the
 * day's context menu that offers them. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-booking-confirm.h"
#include "rc-entry-chip.h"
#include "rc-ics.h"
#include "rc-import-task.h"
#include "rc-preferences-window.h"
#include "rc-window-private.h"

/* A chooser's answer goes to CHOSEN when accepted; the window stays alive
 * until the chooser is gone. */
typedef struct {
  RcWindow        *window;
  RcWindowChosen   chosen;
} ChooserRequest;

static void
chooser_request_free (gpointer  data,
                      GClosure *closure)
{
  ChooserRequest *request = data;

  g_object_unref (request->window);
  g_free (request);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     ChooserRequest  *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    request->chosen (request->window, GTK_FILE_CHOOSER (chooser));
  rc_window_release_chooser (chooser);
}

/* A modal chooser over the window, starting in the home folder (the
 * fallback dialog would open in the working folder). */
GtkFileChooserNative *
_rc_window_chooser_new (RcWindow             *window,
                        const char           *title,
                        GtkFileChooserAction  action,
                        const char           *accept)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (window), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), home, NULL);
  return chooser;
}

void
_rc_window_chooser_show (RcWindow             *window,
                         GtkFileChooserNative *chooser,
                         RcWindowChosen        chosen)
{
  ChooserRequest *request = g_new0 (ChooserRequest, 1);

  request->window = g_object_ref (window);
  request->chosen = chosen;
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_chooser_response), request,
                         chooser_request_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A chooser for .ics files. */
static GtkFileChooserNative *
ics_chooser_new (RcWindow             *window,
                 const char           *title,
                 GtkFileChooserAction  action,
                 const char           *accept)
{
  GtkFileChooserNative *chooser = _rc_window_chooser_new (window, title, action, accept);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}

static void
import_chosen (RcWindow       *window,
               GtkFileChooser *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  rc_import_task_start (window, file);
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  RcWindow *window = RC_WINDOW (widget);

  _rc_window_chooser_show (window, ics_chooser_new (window, _("Import a Training Plan"),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import")),
                           import_chosen);
}

/* What an export wrote: the sessions, and with ideal days asked for, how
 * many (none is said too: an empty file of windows must not look like a
 * failure). Two whole sentences, each with its own plural. */
static char *
describe_export (const char *name,
                 gboolean    massage_days,
                 guint       n_entries,
                 guint       n_windows)
{
  /* Translators: a toast after an export: number of sessions, file name */
  g_autofree char *sessions = g_strdup_printf (ngettext ("Exported %u session to %s.",
                                                         "Exported %u sessions to %s.", n_entries),
                                               n_entries, name);
  g_autofree char *days = NULL;

  if (!massage_days)
    return g_steal_pointer (&sessions);
  if (n_windows == 0)
    /* Translators: the second sentence of the export toast, when asked to add ideal days */
    days = g_strdup (_("The plan has no ideal massage day to add."));
  else
    /* Translators: the second sentence of the export toast: number of ideal days written */
    days = g_strdup_printf (ngettext ("Added %u ideal massage day as an all-day event.",
                                      "Added %u ideal massage days as all-day events.", n_windows),
                            n_windows);
  /* Translators: the export toast: two sentences, the sessions, then the ideal days */
  return g_strdup_printf (_("%s %s"), sessions, days);
}

static void
export_file (RcWindow *window,
             GFile    *file,
             gboolean  massage_days)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  guint n_entries = 0, n_windows = 0;

  if (!rc_ics_export_file_full (rc_calendar_model_get_store (window->model), path,
                                RC_DAY_INVALID, RC_DAY_INVALID, massage_days,
                                &n_entries, &n_windows, &error))
    {
      _rc_window_toast_error (window, error);
      return;
    }
  message = describe_export (name, massage_days, n_entries, n_windows);
  _rc_window_toast (window, message);
}

static void
export_chosen (RcWindow       *window,
               GtkFileChooser *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  const char *choice = gtk_file_chooser_get_choice (chooser, "massage-days");

  export_file (window, file, g_strcmp0 (choice, "true") == 0);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  RcWindow *window = RC_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = ics_chooser_new (window, _("Export the Training Plan"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  /* Translators: the default file name of an export */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("training-plan.ics"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "massage-days",
                               _("Add ideal massage days"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "massage-days", "false");
  _rc_window_chooser_show (window, chooser, export_chosen);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (rc_preferences_window_new (GTK_WINDOW (self), self->model)));
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean redo = g_str_equal (name, "win.redo");

  if (!(redo ? rc_calendar_model_redo (self->model, &error)
             : rc_calendar_model_undo (self->model, &error)))
    _rc_window_toast_error (self, error);
}

/* An addition to the day in hand that may wait for "Book Anyway". */
typedef struct {
  RcKind    kind;
  RcDay     day;
} DayAdd;

static DayAdd *
day_add_new (RcWindow *self,
             RcKind    kind)
{
  DayAdd *add = g_new0 (DayAdd, 1);

  add->kind = kind;
  add->day = _rc_window_current_day (self);
  return add;
}

static void
book_now (GtkWidget *widget,
          gpointer   data)
{
  RcWindow *self = RC_WINDOW (widget);
  DayAdd *add = data;
  g_autoptr(GError) error = NULL;

  if (rc_calendar_model_book_massage (self->model, add->day, &error) == 0)
    _rc_window_toast_error (self, error);
}

/* The panel's button and the day's context menu: on a day the rules
 * advise against, a confirmation naming the reason comes first. */
static void
book_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);
  DayAdd *add = day_add_new (self, RC_KIND_MASSAGE);

  rc_booking_confirm (widget, self->model, add->day, RC_MASSAGE_NONE, RC_BOOKING_NEW, book_now, add, g_free);
}

static gboolean
add_now (RcWindow *self,
         DayAdd   *add)
{
  g_autoptr(GError) error = NULL;

  if (rc_calendar_model_add_kind (self->model, add->kind, add->day, &error) != 0)
    return TRUE;
  _rc_window_toast_error (self, error);
  return FALSE;
}

static void
menu_add (GtkWidget *widget,
          gpointer   data)
{
  add_now (RC_WINDOW (widget), data);
}

static void
palette_add (GtkWidget *widget,
             gpointer   data)
{
  RcWindow *self = RC_WINDOW (widget);
  DayAdd *add = data;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;

  if (!add_now (self, add))
    return;
  /* A click adds to the outlined day, which may be off the pointer's
   * path: the toast names it, and Undo takes it back. */
  date = rc_day_format_full (add->day);
  /* Translators: a toast after a palette tile was clicked: session kind, full date */
  title = g_strdup_printf (_("Added %1$s on %2$s"), rc_kind_label (add->kind), date);
  _rc_window_toast_undo (self, title);
}

/* PARAM's kind added to the current day by THEN; a massage asks first on a
 * day the rules advise against, as every way of booking does. */
static void
add_asking (GtkWidget     *widget,
            GVariant      *param,
            RcBookingFunc  then)
{
  RcWindow *self = RC_WINDOW (widget);
  DayAdd *add;
  RcKind kind;

  if (!rc_kind_from_string (g_variant_get_string (param, NULL), &kind))
    return;
  add = day_add_new (self, kind);
  if (kind == RC_KIND_MASSAGE)
    rc_booking_confirm (widget, self->model, add->day, RC_MASSAGE_NONE, RC_BOOKING_NEW, then, add, g_free);
  else
    {
      then (widget, add);
      g_free (add);
    }
}

/* A palette tile clicked. */
static void
add_from_palette_action (GtkWidget  *widget,
                         const char *name,
                         GVariant   *param)
{
  add_asking (widget, param, palette_add);
}

/* The Add Session menus: the day panel's and a day's context menu. */
static void
add_kind_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  add_asking (widget, param, menu_add);
}

static void
on_undo_toast_dismissed (AdwToast *toast,
                         RcWindow *self)
{
  if (self->undo_toast == toast)
    {
      self->undo_toast = NULL;
      self->undo_toast_command = NULL;
    }
}

/* A toast whose Undo reverts the change just made: it goes once anything
 * else changes, so that its Undo never reverts something else. */
void
_rc_window_toast_undo (RcWindow   *self,
                       const char *title)
{
  AdwToast *undo = adw_toast_new (title);

  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "win.undo");
  self->undo_toast = undo;
  self->undo_toast_command = rc_undo_stack_peek_undo (rc_calendar_model_get_undo_stack (self->model));
  g_signal_connect_object (undo, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self, 0);
  rc_window_add_toast (self, undo);
}

/* A message for the window's toasts from a widget inside it (a day cell's
 * refused drop): every toast goes through rc_window_add_toast (). */
static void
toast_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  _rc_window_toast (RC_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* The entry an action's int64 parameter names, as the store has it now. */
static RcEntry *
param_entry (RcWindow  *self,
             GVariant  *param,
             GError   **error)
{
  return rc_store_get (rc_calendar_model_get_store (self->model), g_variant_get_int64 (param), error);
}

static void
delete_entry_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) entry = param_entry (self, param, &error);
  g_autofree char *title = NULL;

  if (entry == NULL || !rc_calendar_model_delete (self->model, entry->id, &error))
    {
      _rc_window_toast_error (self, error);
      return;
    }
  /* Translators: a toast after a delete, with an Undo button */
  title = g_strdup_printf (_("Deleted %s"), rc_entry_display_name (entry));
  _rc_window_toast_undo (self, title);
}

static void
duplicate_entry_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcEntry) entry = param_entry (self, param, &error);

  if (entry == NULL || rc_calendar_model_copy (self->model, entry->id, entry->day, &error) == 0)
    _rc_window_toast_error (self, error);
}

/* The entry a Move dialog moves: its id in a field of its own. */
typedef struct {
  RcWindow *window;
  gint64    id;
} MoveRequest;

static void
move_request_free (gpointer  data,
                   GClosure *closure)
{
  MoveRequest *move = data;

  g_object_unref (move->window);
  g_free (move);
}

/* An entry going to a day, once the user has chosen it. */
typedef struct {
  gint64 id;
  RcDay  day;
} MoveTo;

static void
move_now (GtkWidget *widget,
          gpointer   data)
{
  RcWindow *self = RC_WINDOW (widget);
  MoveTo *to = data;
  g_autoptr(GError) error = NULL;

  if (!rc_calendar_model_move (self->model, to->id, to->day, &error))
    _rc_window_toast_error (self, error);
}

/* A massage moved onto a day the rules advise against asks first, as a
 * drag does. */
static void
on_move_response (AdwMessageDialog *dialog,
                  const char       *response,
                  MoveRequest      *move)
{
  GtkCalendar *calendar = GTK_CALENDAR (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  RcWindow *self = move->window;
  const RcEntry *entry = rc_calendar_model_lookup (self->model, move->id);
  MoveTo to = { move->id, RC_DAY_INVALID };

  if (g_strcmp0 (response, "move") != 0)
    return;
  to.day = rc_day_from_ymd (g_date_time_get_year (date), g_date_time_get_month (date),
                            g_date_time_get_day_of_month (date));
  if (entry != NULL && entry->kind == RC_KIND_MASSAGE && entry->day != to.day)
    rc_booking_confirm (GTK_WIDGET (self), self->model, to.day, entry->massage, RC_BOOKING_MOVE,
                        move_now, g_memdup2 (&to, sizeof to), g_free);
  else
    move_now (GTK_WIDGET (self), &to);
}

/* GtkCalendar 4.8's arrow keys move a focus mark of its own, which starts
 * unset (the first Left lands on the grid's last cell) and which Enter, the
 * dialog's default, ignores: the entry stayed on its day. Here an arrow
 * moves the selected day itself, from the entry's day and across months,
 * so that Enter moves the entry to the day shown chosen; Space, which
 * chooses a day in GtkCalendar, answers like Enter. Ctrl+arrows (month,
 * year) stay GtkCalendar's. */
static gboolean
on_move_calendar_key (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkCalendar           *calendar)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (calendar)) == GTK_TEXT_DIR_RTL;
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) moved = NULL;
  int days;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:   days = rtl ? 1 : -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: days = rtl ? -1 : 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:       days = -7; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:   days = 7; break;
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      gtk_widget_activate_default (GTK_WIDGET (calendar));
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
  moved = g_date_time_add_days (date, days);
  gtk_calendar_select_day (calendar, moved);
  return GDK_EVENT_STOP;
}

/* The keyboard path of a drag: pick the date in a calendar. */
static void
move_entry_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);
  g_autoptr(RcEntry) entry = param_entry (self, param, NULL);
  g_autoptr(GDateTime) date = NULL;
  GtkWidget *calendar;
  GtkEventController *keys;
  AdwMessageDialog *dialog;
  MoveRequest *move;
  GDate d;

  if (entry == NULL)
    return;
  calendar = gtk_calendar_new ();
  rc_day_to_gdate (entry->day, &d);
  date = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 12, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
  keys = gtk_event_controller_key_new ();
  /* before GtkCalendar's own key handler, which would take the arrows */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_move_calendar_key), calendar);
  gtk_widget_add_controller (calendar, keys);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Move to…"),
                                                       rc_entry_display_name (entry)));
  adw_message_dialog_set_extra_child (dialog, calendar);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "move", _("_Move"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "move");
  move = g_new0 (MoveRequest, 1);
  move->window = g_object_ref (self);
  move->id = entry->id;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_move_response), move,
                         move_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  /* the keyboard starts on the entry's day, not on the dialog's buttons */
  gtk_widget_grab_focus (calendar);
}

/* Escape or a choice: the keyboard is back on the day (or the chip) it
 * was opened on, and shows where it is. */
static void
on_context_menu_closed (GtkPopover *popover,
                        RcWindow   *self)
{
  GtkWidget *opener = gtk_widget_get_parent (GTK_WIDGET (popover));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  self->context_day = RC_DAY_INVALID;
  _rc_window_offer_status (self, NULL);
  /* Closed as its day left the window (or the window goes): nothing to return to. */
  if (opener == NULL || gtk_widget_get_root (opener) != GTK_ROOT (self))
    return;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, opener))
    gtk_widget_grab_focus (opener);
  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
}

/* The chip a day's context menu is also for: the one with the focus. */
static RcEntryChip *
context_chip (RcDayCell *cell)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (cell));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (RC_IS_ENTRY_CHIP (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (cell)))
    return RC_ENTRY_CHIP (focus);
  return NULL;
}

static GMenuModel *
build_context_menu (RcDayCell *cell)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) kinds = g_menu_new ();
  g_autoptr(GMenu) day_section = g_menu_new ();
  RcEntryChip *chip = context_chip (cell);

  for (guint k = 0; k < RC_N_KINDS; k++)
    {
      g_autofree char *action = g_strdup_printf ("win.add-kind::%s", rc_kind_to_string (k));

      g_menu_append (kinds, rc_kind_label (k), action);
    }
  g_menu_append_submenu (day_section, _("_Add Session"), G_MENU_MODEL (kinds));
  g_menu_append (day_section, _("_Book Massage"), "win.book-massage");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (day_section));

  if (chip != NULL)
    {
      g_autoptr(GMenu) entry_section = g_menu_new ();
      gint64 id = rc_entry_chip_get_id (chip);
      g_autofree char *move = g_strdup_printf ("win.move-entry(int64 %" G_GINT64_FORMAT ")", id);
      g_autofree char *dup = g_strdup_printf ("win.duplicate-entry(int64 %" G_GINT64_FORMAT ")", id);
      g_autofree char *del = g_strdup_printf ("win.delete-entry(int64 %" G_GINT64_FORMAT ")", id);

      _rc_window_append_status_items (entry_section, rc_entry_chip_get_entry (chip));
      g_menu_append (entry_section, _("_Move to…"), move);
      g_menu_append (entry_section, _("D_uplicate"), dup);
      g_menu_append (entry_section, _("_Delete"), del);
      g_menu_append_section (menu, rc_entry_display_name (rc_entry_chip_get_entry (chip)),
                             G_MENU_MODEL (entry_section));
    }
  return G_MENU_MODEL (menu);
}

/* The menu lives in the day cell it was opened on, and goes with the cell:
 * the window only watches it. Down first, then out: see popdown_popovers ()
 * in rc-day-panel.c. */
void
_rc_window_drop_context_menu (RcWindow *self)
{
  GtkWidget *menu = self->context_menu;

  if (menu == NULL)
    return;
  g_clear_weak_pointer (&self->context_menu);
  g_signal_handlers_disconnect_by_func (menu, on_context_menu_closed, self);
  _rc_window_offer_status (self, NULL);
  gtk_popover_popdown (GTK_POPOVER (menu));
  gtk_widget_unparent (menu);
}

void
_rc_window_show_context_menu (RcWindow  *self,
                              RcDayCell *cell,
                              double     x,
                              double     y)
{
  g_autoptr(GMenuModel) menu = NULL;
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };
  RcEntryChip *chip = context_chip (cell);

  /* A popover shown on a day out of the window has no surface to open on. */
  if (gtk_widget_get_root (GTK_WIDGET (cell)) != GTK_ROOT (self))
    return;
  menu = build_context_menu (cell);
  _rc_window_drop_context_menu (self);
  _rc_window_offer_status (self, chip != NULL ? rc_entry_chip_get_entry (chip) : NULL);
  g_set_weak_pointer (&self->context_menu, gtk_popover_menu_new_from_model (menu));
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (cell));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  g_signal_connect (self->context_menu, "closed", G_CALLBACK (on_context_menu_closed), self);
  self->context_day = rc_day_cell_get_day (cell);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* GTK 4.8 writes Page Up and Page Down on their key caps by their key
 * names, "Page_Up", wherever its own catalogue has no translation for them
 * (English has none): whatever the accelerator says. The caps under WIDGET
 * that still read so are given the keys' names. */
static void
name_page_keys (GtkWidget *widget,
                gboolean   in_shortcut)
{
  in_shortcut = in_shortcut || GTK_IS_SHORTCUT_LABEL (widget);
  if (in_shortcut && GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (g_str_equal (text, "Page_Up"))
        /* Translators: a key as its cap reads in the shortcuts window */
        gtk_label_set_text (GTK_LABEL (widget), C_("keyboard label", "Page Up"));
      else if (g_str_equal (text, "Page_Down"))
        /* Translators: a key as its cap reads in the shortcuts window */
        gtk_label_set_text (GTK_LABEL (widget), C_("keyboard label", "Page Down"));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_page_keys (child, in_shortcut);
}

/* GtkApplication would build the shortcuts window (a few hundred widgets)
 * with every window if it found gtk/help-overlay.ui: it is built when first
 * asked for instead. GTK's own action then stays out, this one is kept. */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (data);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/rc-shortcuts-window.ui");

      GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

      name_page_keys (overlay, FALSE);
      gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (overlay));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

void
_rc_window_init_actions (RcWindow *self)
{
  static const GActionEntry entries[] = {
    { "show-help-overlay", show_help_overlay_action },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}

void
_rc_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.book-massage", NULL, book_action);
  gtk_widget_class_install_action (widget_class, "win.add-from-palette", "s", add_from_palette_action);
  gtk_widget_class_install_action (widget_class, "win.add-kind", "s", add_kind_action);
  gtk_widget_class_install_action (widget_class, "win.delete-entry", "x", delete_entry_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-entry", "x", duplicate_entry_action);
  gtk_widget_class_install_action (widget_class, "win.move-entry", "x", move_entry_action);
}
