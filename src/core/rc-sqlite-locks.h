/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-sqlite-locks.h - SQLite's file locks kept by open file description, so that
 * another part of the process closing the plan's files cannot drop them. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Once per process, before the first SQLite file is opened (rc_store_open()
 * calls it; so must any code that opens an SQLite file before a store).
 * Without open file description locks (not Linux) SQLite is left as it is. */
void rc_sqlite_locks_install (void);

G_END_DECLS
