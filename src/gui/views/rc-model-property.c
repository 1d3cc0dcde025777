/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-model-property.c - the "model" property of every view and window on the plan. */

#include "config.h"

#include "rc-calendar-model.h"
#include "rc-model-property.h"

static GQuark
model_offset_quark (void)
{
  return g_quark_from_static_string ("rc-model-property-offset");
}

static void
set_model (GObject      *object,
           guint         prop_id,
           const GValue *value,
           GParamSpec   *pspec)
{
  gsize offset = GPOINTER_TO_SIZE (g_type_get_qdata (pspec->owner_type, model_offset_quark ()));

  g_assert (offset != 0);
  G_STRUCT_MEMBER (RcCalendarModel *, object, offset) = g_value_dup_object (value);
}

GParamSpec *
rc_model_property_new (void)
{
  return g_param_spec_object ("model", NULL, NULL, RC_TYPE_CALENDAR_MODEL,
                              G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

void
rc_model_property_install (GObjectClass *object_class,
                           gsize         model_offset)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (object_class));
  g_return_if_fail (model_offset >= sizeof (GObject));

  g_type_set_qdata (G_OBJECT_CLASS_TYPE (object_class), model_offset_quark (),
                    GSIZE_TO_POINTER (model_offset));
  object_class->set_property = set_model;
  g_object_class_install_property (object_class, 1, rc_model_property_new ());
}
