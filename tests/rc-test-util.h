/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-test-util.h - helpers the core tests and benchmarks share: temporary folders, stores, days, medians. */

#pragma once

#include "rc-store.h"

G_BEGIN_DECLS

/* A new folder under the temporary directory, from TMPL ("name-XXXXXX"). */
char    *rc_test_make_tmp_dir (const char  *tmpl);
/* PATH and all below it, read-only folders included; symlinks are not followed. */
void     rc_test_remove_tree  (const char  *path);
RcStore *rc_test_open_store   (const char  *dir,
                               const char  *name);
/* The day of ISO, which must be a valid date. */
RcDay    rc_test_day          (const char  *iso);
/* The kinds of a plan in turn, massages included: entry I gets the I-th. */
RcKind   rc_test_kind_cycle   (guint        i);
/* Sorts the N values of V in place and returns V[N / 2]. */
double   rc_test_median       (double      *v,
                               gsize        n);

G_END_DECLS
