/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-sync-private.h - what rc-sync.c lets its tests reach: the rewrite of a
 * recurring event's stored text, which no server of ours can hold in every
 * shape (Radicale refuses overrides without their series). */

#pragma once

#include "rc-store-sync.h"
#include "rc-sync.h"

G_BEGIN_DECLS

char *_rc_sync_occurrence_text (const RcSyncResource *res,
                                const char           *uid,
                                const char           *key,
                                const RcEntry        *entry);

G_END_DECLS
