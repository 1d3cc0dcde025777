/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-conflicts-dialog.h - the sync conflicts: for each entry, what the
 * server has and what you had, with Use Mine / Keep Server's. */

#pragma once

#include <adwaita.h>

#include "rc-calendar-model.h"

G_BEGIN_DECLS

#define RC_TYPE_CONFLICTS_DIALOG (rc_conflicts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RcConflictsDialog, rc_conflicts_dialog, RC, CONFLICTS_DIALOG, AdwWindow)

RcConflictsDialog *rc_conflicts_dialog_new   (GtkWindow       *parent,
                                              RcCalendarModel *model);
/* How many entries are listed. */
guint              rc_conflicts_dialog_get_n_rows (RcConflictsDialog *self);
/* The Use Mine (MINE TRUE) or Keep Server's button of row I. */
GtkWidget         *rc_conflicts_dialog_get_button (RcConflictsDialog *self,
                                                   guint              i,
                                                   gboolean           mine);

G_END_DECLS
