/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-model-property.h - the "model" property of every view and window on the plan. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A view, a panel or a window on the plan gets its RcCalendarModel once,
 * from g_object_new (..., "model", model, ...): installs that writable,
 * construct-only property as the class's only one (so its set_property
 * needs no switch). */
void rc_model_property_install (GObjectClass *object_class);

G_END_DECLS
