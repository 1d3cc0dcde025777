/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-entry-chip.h - one entry on a day: kind icon, title, minutes; a drag source. */

#pragma once

#include <adwaita.h>

#include "rc-types.h"

G_BEGIN_DECLS

/* Drag payloads (G_TYPE_STRING) between palette, chips and day cells. */
#define RC_DND_KIND_PREFIX "rc-kind:"    /* + rc_kind_to_string () */
#define RC_DND_MOVE_PREFIX "rc-move:"    /* + entry id */
#define RC_DND_COPY_PREFIX "rc-copy:"    /* + entry id */

#define RC_TYPE_ENTRY_CHIP (rc_entry_chip_get_type ())
G_DECLARE_FINAL_TYPE (RcEntryChip, rc_entry_chip, RC, ENTRY_CHIP, GtkWidget)

GtkWidget     *rc_entry_chip_new       (const RcEntry *entry,
                                        gboolean       compact);
/* The minutes line: off in narrow week cells (the tooltip and name keep it). */
/* A chip in a narrow week cell gives its icon's width to the title, which
 * then wraps at syllables rather than at every second letter. */
void           rc_entry_chip_set_show_icon    (RcEntryChip *self,
                                               gboolean     show);
void           rc_entry_chip_set_show_minutes (RcEntryChip *self,
                                               gboolean     show);
gint64         rc_entry_chip_get_id    (RcEntryChip *self);
const RcEntry *rc_entry_chip_get_entry (RcEntryChip *self);
void           rc_entry_chip_set_entry (RcEntryChip   *self,
                                        const RcEntry *entry);
/* Marks the chip (icon, "conflict" class, accessible label) while REASON
 * speaks against it; NULL clears the mark. */
void           rc_entry_chip_set_conflict (RcEntryChip *self,
                                           const char  *reason);
gboolean       rc_entry_chip_has_conflict (RcEntryChip *self);
/* The accessible label and the title shown, as set: for tests. */
const char    *rc_entry_chip_get_label (RcEntryChip *self);
const char    *rc_entry_chip_get_title (RcEntryChip *self);
/* The chip's icon as a button: one click marks the session done, or a
 * done one planned again (a massage's, and a session's after today, let
 * clicks through to the chip). */
GtkWidget     *rc_entry_chip_get_status_button (RcEntryChip *self);
const char    *rc_entry_chip_get_status_tooltip (RcEntryChip *self);
/* A session before TODAY, neither done nor skipped (rest days excluded). */
gboolean       rc_entry_is_unconfirmed (const RcEntry *entry,
                                        RcDay          today);
/* Whether the window offers to give ENTRY the STATUS: never for a massage;
 * done or skipped only from its day on (TODAY), as nobody has done a session
 * that lies ahead; back to planned always. */
gboolean       rc_entry_status_offered (const RcEntry *entry,
                                        RcStatus       status,
                                        RcDay          today);
/* "Long run, 120 minutes": the chip's label, before its status. */
char          *rc_entry_describe       (const RcEntry *entry);

G_END_DECLS
