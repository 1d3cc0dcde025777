/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-view-switch.h - Week, Month and Load as linked toggle buttons (win.view):
 * in the header bar, or in a bar at the window's foot when the header is
 * too narrow for them. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RC_TYPE_VIEW_SWITCH (rc_view_switch_get_type ())
G_DECLARE_FINAL_TYPE (RcViewSwitch, rc_view_switch, RC, VIEW_SWITCH, GtkBox)

GtkWidget *rc_view_switch_new (void);

G_END_DECLS
