/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-test-json.c - reading the command line's --json output in the tests. */

#include "config.h"

#include "rc-test-json.h"

JsonNode *
rc_test_parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

JsonArray *
rc_test_parse_array (const char *text)
{
  g_autoptr(JsonNode) root = rc_test_parse_json (text);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_ref (json_node_get_array (root));
}
