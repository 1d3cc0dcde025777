/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-window-private.h - what rc-window.c and rc-window-actions.c share. */

#pragma once

#include "rc-day-cell.h"
#include "rc-load-view.h"
#include "rc-window.h"

G_BEGIN_DECLS

/* How much of the period a title names: the narrower the window, the less. */
typedef enum {
  RC_PERIOD_WITH_YEAR,     /* "30 Nov – 6 Dec 2026", "7 – 13 Dec 2026", "December 2026" */
  RC_PERIOD_WITHOUT_YEAR,  /* "30 Nov – 6 Dec", "7 – 13 Dec", "December" */
  RC_PERIOD_MONTHS,        /* "Nov–Dec", "Dec": the cells show the days */
  RC_PERIOD_MONTH,         /* "Dec", the last day's */
  RC_N_PERIOD_FORMS
} RcPeriodForm;

struct _RcWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  RcCalendarModel      *model;
  RcDay                 anchor;      /* the day whose week or month is shown */
  gboolean              month;
  char                 *period;
  GtkWidget            *context_menu;  /* weak: its day cell owns it */
  RcDay                 context_day;
  gboolean              palette_hidden;  /* by the panel, to make room */
  gboolean              panel_open;      /* wanted open, even if the flap folds */

  /* the header shows the first that fits */
  AdwWindowTitle       *titles[RC_N_PERIOD_FORMS];
  AdwToastOverlay      *toasts;
  GQueue                toast_queue;         /* AdwToast*: those added, the first on screen */
  gint64                toast_since;         /* when the first began to slide in */
  guint                 toast_dismiss_id;    /* its dismissal, once it is in */
  AdwToast             *undo_toast;          /* "Deleted … — Undo", while shown */
  const RcCommand      *undo_toast_command;  /* the delete its Undo reverts */
  AdwFlap              *palette_flap;
  AdwFlap              *panel_flap;
  RcPalette            *palette;
  RcDayPanel           *panel;        /* built when first opened */
  GtkWidget            *views;
  RcWeekView           *week_view;
  RcMonthView          *month_view;   /* built when first shown */
  RcLoadView           *load_view;    /* built when first shown */
  gboolean              load;         /* the Load view is shown */
  GtkWidget            *empty_hint;
  GtkWidget            *view_switch;   /* in the header, if it has room */
  AdwBin               *switch_bar;    /* else at the foot: built when first needed */
  GtkWidget            *panel_opener;  /* weak: gets the focus back at Escape */
  GtkFlowBox           *legend;
  GtkDropTarget        *import_target;  /* activity files, on the whole content */
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;  /* given to menu_button when first opened */
};

void   _rc_window_toast               (RcWindow       *self,
                                      const char     *message);
void   _rc_window_toast_error         (RcWindow       *self,
                                      GError         *error);
/* Dismisses TOAST (added with rc_window_add_toast ()) once it has slid in. */
void   _rc_window_dismiss_toast       (RcWindow       *self,
                                      AdwToast       *toast);
/* TITLE with an Undo button that reverts the last change. */
void   _rc_window_toast_undo          (RcWindow       *self,
                                      const char     *title);
/* The day the panel, a menu or the keyboard acts on. */
RcDay  _rc_window_current_day         (RcWindow       *self);
void   _rc_window_drop_context_menu   (RcWindow       *self);
void   _rc_window_show_context_menu   (RcWindow       *self,
                                      RcDayCell      *cell,
                                      double          x,
                                      double          y);
/* rc-window-actions.c: import, export, preferences and the edits. */
void   _rc_window_class_init_actions  (GtkWidgetClass *widget_class);
/* What an accepted file chooser gives its file(s) to. */
typedef void (*RcWindowChosen) (RcWindow       *self,
                                GtkFileChooser *chooser);
GtkFileChooserNative *_rc_window_chooser_new (RcWindow             *self,
                                              const char           *title,
                                              GtkFileChooserAction  action,
                                              const char           *accept);
/* Shows CHOOSER; accepted, CHOSEN reads it. The chooser then goes. */
void   _rc_window_chooser_show        (RcWindow             *self,
                                       GtkFileChooserNative *chooser,
                                       RcWindowChosen        chosen);
/* from rc_window_init: win.show-help-overlay, the shortcuts window built when first shown */
void   _rc_window_init_actions        (RcWindow       *self);
/* rc-window-status.c: win.mark-done/-skipped/-planned (int64 id). */
void   _rc_window_class_init_status   (GtkWidgetClass *widget_class);
/* rc-window-import.c, from rc_window_class_init: the "win.import-activities"
 * action (the main menu's "Import Activities…") and the "activities-imported"
 * signal; from rc_window_init: files dropped on the calendar are imported. */
void   _rc_window_import_class_init   (GtkWidgetClass *widget_class);
void   _rc_window_import_init         (RcWindow       *self);
/* An import just written to the store: BATCH (from rc_undo_batch_new, taken)
 * becomes one step of the history, the model re-reads the store, and a
 * toast shows TITLE, with Undo when BATCH holds a change. */
void   _rc_window_imported            (RcWindow       *self,
                                      GPtrArray      *batch,
                                      const char     *title);
/* The status items a session's context menu offers (none for a massage). */
void   _rc_window_append_status_items (GMenu          *section,
                                      const RcEntry  *entry);
/* While ENTRY's context menu is open, its status items are enabled as far
 * as ENTRY allows (none but planned after today); NULL: all again. */
void   _rc_window_offer_status        (RcWindow       *self,
                                       const RcEntry  *entry);

G_END_DECLS
