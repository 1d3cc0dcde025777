/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-window-status.c - the window's status actions (load.md): a session
 * marked done, skipped or back to planned, from a chip's check, its keys,
 * its context menu or the day panel; each one undoable edit. A session
 * after today is offered no done or skipped (the CLI still takes them). */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-entry-chip.h"
#include "rc-window-private.h"

static const char *const actions[] = { "win.mark-done", "win.mark-skipped", "win.mark-planned" };
static const RcStatus statuses[] = { RC_STATUS_DONE, RC_STATUS_SKIPPED, RC_STATUS_PLANNED };

static void
mark_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  RcStatus status = RC_STATUS_PLANNED;
  gint64 id = g_variant_get_int64 (param);
  const RcEntry *entry;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (name, actions[i]))
      status = statuses[i];
  /* Whoever asks (a key, a menu), a session ahead is not done yet. */
  entry = rc_calendar_model_lookup (self->model, id);
  if (entry != NULL && entry->kind != RC_KIND_MASSAGE &&
      !rc_entry_status_offered (entry, status, rc_day_today ()))
    return;
  /* done takes the planned minutes and effort; the panel edits them after */
  if (!rc_calendar_model_set_status (self->model, id, status, RC_NONE, RC_NONE, &error))
    _rc_window_toast_error (self, error);
}

/* GTK enables an action for all its targets at once: while a session's
 * context menu is open, the status actions are enabled as that session
 * allows, so that the menu shows what it does not offer as disabled;
 * ENTRY NULL (the menu closed) enables them all again. */
void
_rc_window_offer_status (RcWindow      *self,
                         const RcEntry *entry)
{
  RcDay today = rc_day_today ();

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i],
                                   entry == NULL || rc_entry_status_offered (entry, statuses[i], today));
}

void
_rc_window_append_status_items (GMenu         *section,
                                const RcEntry *entry)
{
  const char *labels[] = { N_("Mark _Done"), N_("Mark _Skipped"), N_("Mark _Planned") };

  if (entry->kind == RC_KIND_MASSAGE)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *detailed = NULL;

      if (entry->status == statuses[i])
        continue;
      detailed = g_strdup_printf ("%s(int64 %" G_GINT64_FORMAT ")", actions[i], entry->id);
      g_menu_append (section, _(labels[i]), detailed);
    }
}

void
_rc_window_class_init_status (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.mark-done", "x", mark_action);
  gtk_widget_class_install_action (widget_class, "win.mark-skipped", "x", mark_action);
  gtk_widget_class_install_action (widget_class, "win.mark-planned", "x", mark_action);
}
