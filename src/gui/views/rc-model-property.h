/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-model-property.h - the "model" property of every view and window on the plan. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A view, a panel or a window on the plan gets its RcCalendarModel once,
 * from g_object_new (..., "model", model, ...). Installs that writable,
 * construct-only property as the class's only one, and its set_property,
 * which keeps a reference in the instance's field at MODEL_OFFSET
 * (G_STRUCT_OFFSET (RcThing, model)), as template children are bound. */
void        rc_model_property_install (GObjectClass *object_class,
                                       gsize         model_offset);
/* The same property for a class with more of its own: its set_property
 * keeps the model. */
GParamSpec *rc_model_property_new     (void);

G_END_DECLS
