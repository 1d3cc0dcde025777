/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-a11y.h - one clean accessible name for every labelled button and expander. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rc_a11y_clean_button  (GtkWidget *button);
void rc_a11y_clean_buttons (GtkWidget *root);

G_END_DECLS
