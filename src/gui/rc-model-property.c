/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-model-property.c - the one definition of the "model" construct property.
 *
 * Seven classes take the calendar model at construction and keep it in an
 * RcCalendarModel * of their instance struct. Like
 * gtk_widget_class_bind_template_child (), which finds a template child by
 * its struct offset, a class here names only where its pointer lives; the
 * pspec and the get/set code are written once. The offset is kept as qdata
 * of the type that installed the property (the pspec's owner), so a
 * subclass reaches its parent's field. The class still releases the model
 * in its own dispose. */

#include "config.h"

#include "rc-calendar-model.h"
#include "rc-model-property.h"

/* The property id of "model" in a class whose only property it is. */
enum { PROP_MODEL = 1 };

static GQuark
offset_quark (void)
{
  return g_quark_from_static_string ("rc-model-property-offset");
}

/* The "model" pspec: an RcCalendarModel given once, at construction. */
GParamSpec *
rc_model_property_new (void)
{
  return g_param_spec_object ("model", NULL, NULL, RC_TYPE_CALENDAR_MODEL,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

static RcCalendarModel **
model_field (GObject    *object,
             GParamSpec *pspec)
{
  gsize offset = GPOINTER_TO_SIZE (g_type_get_qdata (pspec->owner_type, offset_quark ()));

  return G_STRUCT_MEMBER_P (object, offset);
}

static void
get_property (GObject    *object,
              guint       prop_id,
              GValue     *value,
              GParamSpec *pspec)
{
  if (prop_id == PROP_MODEL)
    g_value_set_object (value, *model_field (object, pspec));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
set_property (GObject      *object,
              guint         prop_id,
              const GValue *value,
              GParamSpec   *pspec)
{
  if (prop_id == PROP_MODEL)
    *model_field (object, pspec) = g_value_dup_object (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/* KLASS gets "model" as its property PROP_MODEL (its only one),
 * read and written at OFFSET, the G_STRUCT_OFFSET of its
 * RcCalendarModel * field. */
void
rc_model_property_install (GObjectClass *klass,
                           gsize         offset)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (klass));
  /* the instance struct starts with its parent's: no field of its own at 0 */
  g_return_if_fail (offset >= sizeof (GObject));

  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), offset_quark (), GSIZE_TO_POINTER (offset));
  klass->get_property = get_property;
  klass->set_property = set_property;
  g_object_class_install_property (klass, PROP_MODEL, rc_model_property_new ());
}
