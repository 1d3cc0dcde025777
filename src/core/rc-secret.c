/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-secret.c - the account password through libsecret or a command. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "rc-secret.h"

G_DEFINE_QUARK (rc-secret-error-quark, rc_secret_error)

static const SecretSchema *
account_schema (void)
{
  static const SecretSchema schema = {
    RC_SECRET_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/* libsecret's D-Bus failures as one sentence that says what is missing. */
static void
service_error (GError **error,
               GError  *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else
    g_set_error (error, RC_SECRET_ERROR, RC_SECRET_ERROR_NO_SERVICE,
                 _("The password could not be kept in the Secret Service (is a keyring such as GNOME Keyring running and unlocked?): %s"),
                 cause->message);
}

gboolean
rc_secret_store (const char    *url,
                 const char    *user,
                 const char    *password,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (user != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  g_autoptr(GError) local = NULL;
  /* Translators: the label of the password in the keyring; %s is the server address */
  g_autofree char *label = g_strdup_printf (_("RecoveryCal calendar account %s"), url);

  if (secret_password_store_sync (account_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                  cancellable, &local, "url", url, "user", user, NULL))
    return TRUE;
  service_error (error, local);
  return FALSE;
}

char *
rc_secret_lookup (const char    *url,
                  const char    *user,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (user != NULL, NULL);

  g_autoptr(GError) local = NULL;
  char *secret = secret_password_lookup_sync (account_schema (), cancellable, &local,
                                              "url", url, "user", user, NULL);
  char *password;

  if (local != NULL)
    {
      service_error (error, local);
      return NULL;
    }
  if (secret == NULL)
    {
      g_set_error (error, RC_SECRET_ERROR, RC_SECRET_ERROR_NOT_FOUND,
                   /* Translators: "… no password for runner at https://dav.example.com/: …" */
                   _("The Secret Service holds no password for %s at %s: add the account again."),
                   user, url);
      return NULL;
    }
  /* a plain string the caller frees with rc_secret_free() */
  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}

gboolean
rc_secret_clear (const char    *url,
                 const char    *user,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GError) local = NULL;

  secret_password_clear_sync (account_schema (), cancellable, &local, "url", url, "user", user, NULL);
  if (local == NULL)
    return TRUE;
  service_error (error, local);
  return FALSE;
}

void
rc_secret_free (char *password)
{
  if (password == NULL)
    return;
  memset (password, 0, strlen (password));
  g_free (password);
}

char *
rc_secret_from_command (const char  *command,
                        GError     **error)
{
  const char *argv[] = { "/bin/sh", "-c", command, NULL };
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) out = NULL;
  gsize len = 0, line;
  const char *data;
  char *password;

  g_return_val_if_fail (command != NULL, NULL);

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_INHERIT, &local);
  if (proc == NULL || !g_subprocess_communicate (proc, NULL, NULL, &out, NULL, &local))
    {
      g_set_error (error, RC_SECRET_ERROR, RC_SECRET_ERROR_COMMAND,
                   _("The password command could not be run: %s"), local->message);
      return NULL;
    }
  if (!g_subprocess_get_if_exited (proc) || g_subprocess_get_exit_status (proc) != 0)
    {
      g_set_error (error, RC_SECRET_ERROR, RC_SECRET_ERROR_COMMAND,
                   _("The password command failed (exit status %d)."),
                   g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1);
      return NULL;
    }
  data = g_bytes_get_data (out, &len);
  for (line = 0; line < len && data[line] != '\n' && data[line] != '\0'; line++)
    ;
  if (line > 0 && data[line - 1] == '\r')
    line--;
  if (line == 0)
    {
      g_set_error_literal (error, RC_SECRET_ERROR, RC_SECRET_ERROR_COMMAND,
                           _("The password command printed no password."));
      return NULL;
    }
  password = g_strndup (data, line);
  /* the rest of the output held nothing we keep, but wipe our copy of it */
  memset ((char *) data, 0, len);
  return password;
}
