/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-secret.c - the account password in a real GNOME Keyring (run by
 * keyring-wrapper.sh in a private D-Bus session) and from a command. */

#include "rc-secret.h"

#include <libsecret/secret.h>
#include <string.h>

#define URL "https://dav.example.com/runner/"

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  char *password;

  g_assert_true (rc_secret_store (URL, "runner", "s3cret pw", NULL, &error));
  g_assert_no_error (error);
  password = rc_secret_lookup (URL, "runner", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "s3cret pw");
  rc_secret_free (password);

  /* another user of the same server has none */
  g_assert_null (rc_secret_lookup (URL, "coach", NULL, &error));
  g_assert_error (error, RC_SECRET_ERROR, RC_SECRET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* storing again replaces */
  rc_secret_store (URL, "runner", "new pw", NULL, &error);
  g_assert_no_error (error);
  password = rc_secret_lookup (URL, "runner", NULL, &error);
  g_assert_cmpstr (password, ==, "new pw");
  rc_secret_free (password);

  g_assert_true (rc_secret_clear (URL, "runner", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (rc_secret_lookup (URL, "runner", NULL, &error));
  g_assert_error (error, RC_SECRET_ERROR, RC_SECRET_ERROR_NOT_FOUND);
}

/* The schema and attributes are a contract other tools can read. */
static void
test_schema (void)
{
  static const SecretSchema schema = {
    "com.example.RecoveryCal.Account", SECRET_SCHEMA_NONE,
    { { "url", SECRET_SCHEMA_ATTRIBUTE_STRING }, { "user", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };
  g_autoptr(GError) error = NULL;
  char *found;

  g_assert_true (rc_secret_store (URL, "schema-check", "pw 2", NULL, &error));
  found = secret_password_lookup_sync (&schema, NULL, &error, "url", URL, "user", "schema-check", NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "pw 2");
  secret_password_free (found);
}

static void
test_no_service (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      /* before anything has connected to the session bus */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/rc-no-bus", TRUE);
      g_assert_false (rc_secret_store (URL, "runner", "pw", NULL, &error));
      g_assert_error (error, RC_SECRET_ERROR, RC_SECRET_ERROR_NO_SERVICE);
      g_print ("%s\n", error->message);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*Secret Service*");
}

static void
test_command (void)
{
  g_autoptr(GError) error = NULL;
  char *password = rc_secret_from_command ("printf 'first line\\r\\nsecond\\n'", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "first line");
  rc_secret_free (password);
  password = rc_secret_from_command ("printf 'no newline'", &error);
  g_assert_cmpstr (password, ==, "no newline");
  rc_secret_free (password);

  g_assert_null (rc_secret_from_command ("echo leaked; exit 3", &error));
  g_assert_error (error, RC_SECRET_ERROR, RC_SECRET_ERROR_COMMAND);
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_null (strstr (error->message, "leaked"));
  g_clear_error (&error);
  g_assert_null (rc_secret_from_command ("true", &error));
  g_assert_error (error, RC_SECRET_ERROR, RC_SECRET_ERROR_COMMAND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/secret/no-service", test_no_service);
  g_test_add_func ("/secret/round-trip", test_round_trip);
  g_test_add_func ("/secret/schema", test_schema);
  g_test_add_func ("/secret/command", test_command);
  return g_test_run ();
}
