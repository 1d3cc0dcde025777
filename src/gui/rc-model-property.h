/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-model-property.h - the one definition of the "model" construct property
 * that the window and its pages and views take. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

GParamSpec *rc_model_property_new     (void);
void        rc_model_property_install (GObjectClass *klass,
                                       gsize         offset);

G_END_DECLS
