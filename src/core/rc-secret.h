/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-secret.h - the account password: in the Secret Service (libsecret,
 * schema com.example.RecoveryCal.Account, attributes url and user), or the
 * first line a user's command prints. Never in the store. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RC_SECRET_SCHEMA_NAME "com.example.RecoveryCal.Account"

#define RC_SECRET_ERROR (rc_secret_error_quark ())
GQuark rc_secret_error_quark (void);

typedef enum {
  RC_SECRET_ERROR_NO_SERVICE,   /* no Secret Service (keyring) to talk to */
  RC_SECRET_ERROR_NOT_FOUND,    /* no password stored for this account */
  RC_SECRET_ERROR_COMMAND,      /* the password command failed */
} RcSecretError;

gboolean rc_secret_store            (const char    *url,
                                     const char    *user,
                                     const char    *password,
                                     GCancellable  *cancellable,
                                     GError       **error);
/* The stored password, or NULL with RC_SECRET_ERROR_NOT_FOUND. */
char    *rc_secret_lookup           (const char    *url,
                                     const char    *user,
                                     GCancellable  *cancellable,
                                     GError       **error);
/* TRUE also when nothing was stored. */
gboolean rc_secret_clear            (const char    *url,
                                     const char    *user,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* COMMAND run by /bin/sh; its first line of output (without the line
 * end) is the password. Its errors go to our standard error; its output
 * never appears in an error message. */
char    *rc_secret_from_command     (const char    *command,
                                     GError       **error);
/* Overwrite a password before freeing it. */
void     rc_secret_free             (char          *password);

G_END_DECLS
