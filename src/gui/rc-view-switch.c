/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-view-switch.c - Week, Month and Load as linked toggle buttons (win.view). */

#include "config.h"

#include "rc-a11y.h"
#include "rc-view-switch.h"

struct _RcViewSwitch
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (RcViewSwitch, rc_view_switch, GTK_TYPE_BOX)

static void
rc_view_switch_class_init (RcViewSwitchClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rc-view-switch.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rc_view_switch_init (RcViewSwitch *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* "Week", not "_Week Week", also for the one built later at the foot */
  rc_a11y_clean_buttons (GTK_WIDGET (self));
}

GtkWidget *
rc_view_switch_new (void)
{
  return g_object_new (RC_TYPE_VIEW_SWITCH, NULL);
}
