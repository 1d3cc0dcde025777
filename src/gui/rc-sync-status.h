/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-sync-status.h - the header bar's quiet sync button: syncing, synced at
 * HH:MM, offline or an error (with Try Again and Open Preferences). It also
 * brings the server's changes into the window: the model refreshes, and a
 * toast tells when they touch the visible days or when there are conflicts. */

#pragma once

#include <adwaita.h>

#include "rc-sync-scheduler.h"

G_BEGIN_DECLS

#define RC_TYPE_SYNC_STATUS (rc_sync_status_get_type ())
G_DECLARE_FINAL_TYPE (RcSyncStatus, rc_sync_status, RC, SYNC_STATUS, GtkWidget)

/* The status line shown in the button's popover (and its tooltip). */
const char      *rc_sync_status_get_text      (RcSyncStatus *self);
GtkMenuButton   *rc_sync_status_get_button    (RcSyncStatus *self);
/* NULL until the button's popover is first opened (it is built then). */
GtkWidget       *rc_sync_status_get_retry_button (RcSyncStatus *self);
RcSyncScheduler *rc_sync_status_get_scheduler (RcSyncStatus *self);

G_END_DECLS
