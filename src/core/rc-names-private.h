/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-names-private.h - the machine names and labels of the core's small enums,
 * defined once from their tables. */

#pragma once

#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* The row of a table that needs no more than a name and a label. */
typedef struct {
  const char *name;
  const char *label;   /* N_() or NC_(), untranslated */
} RcNamedValue;

/* The index of NAME in a table of N structs of STRIDE bytes whose name field
 * the first of them holds at FIRST_NAME. */
gboolean _rc_names_find (const char        *name,
                         const char *const *first_name,
                         gsize              stride,
                         guint              n,
                         guint             *out);

/* Each enum keeps one table (TABLE, with a .name and for labels a .label
 * field, N_VALUES rows indexed by the enum); these write the functions that
 * read it, so the name of a value is written in that table alone. */
#define RC_DEFINE_TO_STRING(Type, prefix, table, n_values) \
  const char * \
  prefix##_to_string (Type value) \
  { \
    g_return_val_if_fail (value < n_values, NULL); \
    return table[value].name; \
  }

#define RC_DEFINE_FROM_STRING(Type, prefix, table, n_values) \
  gboolean \
  prefix##_from_string (const char *s, \
                        Type       *out) \
  { \
    guint i; \
    g_return_val_if_fail (out != NULL, FALSE); \
    if (!_rc_names_find (s, &table[0].name, sizeof table[0], n_values, &i)) \
      return FALSE; \
    *out = (Type) i; \
    return TRUE; \
  }

#define RC_DEFINE_LABEL(Type, prefix, table, n_values) \
  const char * \
  prefix##_label (Type value) \
  { \
    g_return_val_if_fail (value < n_values, NULL); \
    return _(table[value].label); \
  }

#define RC_DEFINE_NAMES(Type, prefix, table, n_values) \
  RC_DEFINE_TO_STRING (Type, prefix, table, n_values) \
  RC_DEFINE_FROM_STRING (Type, prefix, table, n_values) \
  RC_DEFINE_LABEL (Type, prefix, table, n_values)

G_END_DECLS
