/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-application-private.h - the application's parts split into other files. */

#pragma once

#include "rc-application.h"

G_BEGIN_DECLS

/* rc-application-actions.c: about and quit, and the accelerators. */
void _rc_application_add_actions (RcApplication *self);

G_END_DECLS
