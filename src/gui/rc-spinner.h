/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-spinner.h - a spinner that only repaints itself. GTK 4.8's GtkSpinner
 * animates a CSS transform that re-lays out the whole window every frame
 * (three toplevel size computations, each an X round trip): that cost the
 * window 5-25 ms a frame for as long as a sync ran. This one turns the
 * theme's spinner image in its own snapshot and asks only for a redraw of
 * its few pixels, 30 times a second. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RC_TYPE_SPINNER (rc_spinner_get_type ())
G_DECLARE_FINAL_TYPE (RcSpinner, rc_spinner, RC, SPINNER, GtkWidget)

GtkWidget *rc_spinner_new          (void);
void       rc_spinner_set_spinning (RcSpinner *self,
                                    gboolean   spinning);
gboolean   rc_spinner_get_spinning (RcSpinner *self);

G_END_DECLS
