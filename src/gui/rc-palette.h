/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-palette.h - one tile per kind: the drag sources for planning. */

#pragma once

#include <adwaita.h>

#include "rc-calendar-model.h"

G_BEGIN_DECLS

#define RC_TYPE_PALETTE (rc_palette_get_type ())
G_DECLARE_FINAL_TYPE (RcPalette, rc_palette, RC, PALETTE, AdwBin)

void       rc_palette_set_model (RcPalette       *self,
                                 RcCalendarModel *model);
GtkWidget *rc_palette_get_tile  (RcPalette *self,
                                 RcKind     kind);

G_END_DECLS
