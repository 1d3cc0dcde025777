/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-activatable.c - the "activate" signal and keys of a focusable custom
 * widget (a day cell, an entry chip), defined once for both. */

#include "config.h"

#include "rc-activatable.h"

void
rc_activatable_class_init (GtkWidgetClass *widget_class,
                           GCallback       real_activate)
{
  static const guint keys[] = { GDK_KEY_Return, GDK_KEY_ISO_Enter, GDK_KEY_KP_Enter,
                                GDK_KEY_space, GDK_KEY_KP_Space };
  guint signal;

  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (real_activate != NULL);

  signal = g_signal_new_class_handler ("activate", G_TYPE_FROM_CLASS (widget_class),
                                       G_SIGNAL_RUN_FIRST | G_SIGNAL_ACTION, real_activate,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signal);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_signal (widget_class, keys[i], 0, "activate", NULL);
}
