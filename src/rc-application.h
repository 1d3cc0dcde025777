/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-application.h - the application: owns the store, opens the window. */

#pragma once

#include <adwaita.h>

#include "rc-types.h"

G_BEGIN_DECLS

#define RC_TYPE_APPLICATION (rc_application_get_type ())
G_DECLARE_FINAL_TYPE (RcApplication, rc_application, RC, APPLICATION, AdwApplication)

RcApplication *rc_application_new       (void);

G_END_DECLS
