/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-cli-private.h - what rc-cli.c shares with rc-cli-json.c. */

#pragma once

#include "rc-cli.h"
#include "rc-rules.h"

G_BEGIN_DECLS

/* The machine name of an entry's kind, as in the database and the JSON. */
const char *rc_cli_entry_kind_name    (const RcEntry  *entry);
/* The ids of the rules in MASK that fired on ADVICE's day, in rule order. */
GStrv       rc_cli_advice_rule_ids    (const RcAdvice *advice,
                                       guint32         mask);

/* ENTRIES (of RcEntry*) and ADVICE (of RcAdvice) as pretty JSON arrays on stdout. */
void        rc_cli_print_entries_json (GPtrArray      *entries);
void        rc_cli_print_advice_json  (GArray         *advice);

G_END_DECLS
