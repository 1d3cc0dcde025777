/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-test-json.h - reading the command line's --json output in the tests. */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* TEXT as JSON; the test fails when it is not. */
JsonNode  *rc_test_parse_json  (const char *text);
/* TEXT as a JSON array; the test fails when it is anything else. */
JsonArray *rc_test_parse_array (const char *text);

G_END_DECLS
