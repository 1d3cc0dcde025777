/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-chip-title.h - an entry chip's title: wrapped at words, or cut short. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RC_TYPE_CHIP_TITLE (rc_chip_title_get_type ())
G_DECLARE_FINAL_TYPE (RcChipTitle, rc_chip_title, RC, CHIP_TITLE, GtkWidget)

/* Wrapping, the title breaks between words only ("Tempo run" on two lines
 * in a narrow week column, never "Temp-o run"), and a word wider than the
 * chip ends in an ellipsis ("Tempodau… am Morgen"). Not wrapping, it is one
 * line ending in an ellipsis. Either way it asks for no more width than an
 * ellipsis. */
GtkWidget  *rc_chip_title_new       (void);
void        rc_chip_title_set_text  (RcChipTitle *self,
                                     const char  *text);
const char *rc_chip_title_get_text  (RcChipTitle *self);
void        rc_chip_title_set_wrap  (RcChipTitle *self,
                                     gboolean     wrap);
/* The label that shows the title as fitted: the words too wide for the
 * chip cut short. */
GtkLabel   *rc_chip_title_get_label (RcChipTitle *self);

G_END_DECLS
