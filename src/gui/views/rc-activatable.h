/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-activatable.h - the "activate" signal and keys of a focusable custom
 * widget (a day cell, an entry chip), defined once for both. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs the "activate" action signal of WIDGET_CLASS, run first by
 * REAL_ACTIVATE (void (*) (Widget *self)), as the class's activate signal
 * (gtk_widget_activate ()), and binds Enter and Space to it. */
void rc_activatable_class_init (GtkWidgetClass *widget_class,
                                GCallback       real_activate);

G_END_DECLS
