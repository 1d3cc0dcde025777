/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-application.h - the application: owns the store, opens the window. */

#pragma once

#include <adwaita.h>

#include "rc-store.h"
#include "rc-types.h"

G_BEGIN_DECLS

#define RC_TYPE_APPLICATION (rc_application_get_type ())
G_DECLARE_FINAL_TYPE (RcApplication, rc_application, RC, APPLICATION, AdwApplication)

RcApplication *rc_application_new            (const char     *db_path,
                                              RcDay           start_day);
/* Opens the store at --db, $RECOVERYCAL_DB or the user data dir, once. */
gboolean       rc_application_open_store     (RcApplication  *self,
                                              GError        **error);
/* The open store; NULL before rc_application_open_store() succeeded. */
RcStore       *rc_application_get_store      (RcApplication *self);
/* --date, or RC_DAY_INVALID for today. */
RcDay          rc_application_get_start_day  (RcApplication *self);

G_END_DECLS
