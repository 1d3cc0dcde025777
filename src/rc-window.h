/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-window.h - the main window: the training calendar. */

#pragma once

#include <adwaita.h>

#include "rc-application.h"

G_BEGIN_DECLS

#define RC_TYPE_WINDOW (rc_window_get_type ())
G_DECLARE_FINAL_TYPE (RcWindow, rc_window, RC, WINDOW, AdwApplicationWindow)

RcWindow *rc_window_new (RcApplication *app);

G_END_DECLS
