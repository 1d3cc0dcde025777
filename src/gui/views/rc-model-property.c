/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-model-property.c - the "model" property of every view and window on the plan. */

#include "config.h"

#include "rc-calendar-model.h"
#include "rc-model-property.h"

void
rc_model_property_install (GObjectClass *object_class)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (object_class));

  g_object_class_install_property (object_class, 1,
                                   g_param_spec_object ("model", NULL, NULL, RC_TYPE_CALENDAR_MODEL,
                                                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                                                        G_PARAM_STATIC_STRINGS));
}
