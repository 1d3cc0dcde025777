/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-util.h - what the libFuzzer targets share: a private folder, quiet output, fatal criticals. */

#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "rc-store.h"

G_BEGIN_DECLS

/* libFuzzer's entry points, declared for -Wmissing-prototypes. */
int         LLVMFuzzerInitialize   (int           *argc,
                                    char        ***argv);
int         LLVMFuzzerTestOneInput (const uint8_t *data,
                                    size_t         size);

/* Once per process: a new folder under the temporary directory that the
 * target works in (and that is the current folder), criticals made fatal,
 * the program's own stdout and stderr messages silenced (unless FUZZ_VERBOSE
 * is set). Returns the folder. */
const char *fuzz_setup             (void);
/* DATA written to NAME in the folder; the full path, newly allocated. */
char       *fuzz_write_file        (const char    *name,
                                    const uint8_t *data,
                                    size_t         size);
/* The store "plan.db" in the folder, opened on the first call and made anew
 * every RUNS calls, so that it does not grow without end. */
RcStore    *fuzz_get_store         (guint          runs);

G_END_DECLS
