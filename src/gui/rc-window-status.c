/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-window-status.c - the window's status actions (load.md): a session
 * marked done, skipped or back to planned, from a chip's check, its keys,
 * its context menu or the day panel; each one undoable edit. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-window-private.h"

static void
mark_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  RcStatus status = RC_STATUS_PLANNED;

  if (g_str_equal (name, "win.mark-done"))
    status = RC_STATUS_DONE;
  else if (g_str_equal (name, "win.mark-skipped"))
    status = RC_STATUS_SKIPPED;
  /* done takes the planned minutes and effort; the panel edits them after */
  if (!rc_calendar_model_set_status (self->model, g_variant_get_int64 (param), status,
                                     RC_NONE, RC_NONE, &error))
    _rc_window_toast_error (self, error);
}

void
_rc_window_append_status_items (GMenu         *section,
                                const RcEntry *entry)
{
  const char *actions[] = { "win.mark-done", "win.mark-skipped", "win.mark-planned" };
  const char *labels[] = { N_("Mark _Done"), N_("Mark _Skipped"), N_("Mark _Planned") };
  const RcStatus statuses[] = { RC_STATUS_DONE, RC_STATUS_SKIPPED, RC_STATUS_PLANNED };

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
