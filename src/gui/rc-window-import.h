/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-window-import.h - activity files into the window (rc-window-import.c). */

#pragma once

#include "rc-window.h"

G_BEGIN_DECLS

/* Reads FILES on a worker thread, stores them in one transaction, pushes
 * one undo step, shows the toast, then emits "activities-imported". */
void           rc_window_import_activities      (RcWindow       *self,
                                                 GFile         **files,
                                                 guint           n_files);
GtkDropTarget *rc_window_import_get_drop_target (RcWindow       *self);

G_END_DECLS
