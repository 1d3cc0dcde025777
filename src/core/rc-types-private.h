/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-types-private.h - what rc-types.c lends the rest of the core. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The N ASCII digits at S (no sign, no spaces, S need not end there) as a
 * number in *OUT; FALSE at any other character. */
gboolean _rc_parse_digits (const char *s,
                           guint       n,
                           int        *out);

G_END_DECLS
