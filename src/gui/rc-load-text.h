/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-load-text.h - load.md's figures in words, as the window shows them. */

#pragma once

#include "rc-load.h"
#include "rc-store.h"

G_BEGIN_DECLS

/* VALUE rounded as `recoverycal load` prints it (DECIMALS 0, 1 or 2), with
 * a real minus sign; "–" for null. */
char *rc_load_text_figure (double value,
                           int    decimals);
/* "load rising fast (ACWR 1.42)", "no load yet" */
char *rc_load_text_band   (const RcLoadDay *day);
/* The band as a line of its own: "Load rising fast (ACWR 1.42)" */
char *rc_load_text_band_line (const RcLoadDay *day);
/* "Fatigue (ATL) 45.2, fitness (CTL) 40.1, form (TSB) −5.1" */
char *rc_load_text_day    (const RcLoadDay *day);
/* The whole history up to LAST from the model's store, for rc_load_days ();
 * NULL on a read error. */
GPtrArray *rc_load_text_list_history (RcStore *store,
                                      RcDay    last);

G_END_DECLS
