/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-sync-scheduler.c - when and where the window's syncs run. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-secret.h"
#include "rc-store-sync.h"
#include "rc-sync-scheduler.h"

struct _RcSyncScheduler
{
  GObject          parent_instance;

  RcStore         *store;         /* weak: the scheduler lives on it */
  char            *path;          /* the worker opens its own connection */
  RcSyncState      state;
  GDateTime       *last_sync;
  GError          *error;
  char            *error_text;
  GCancellable    *cancellable;
  gboolean         running;
  gboolean         again;         /* another sync asked for while one ran */
  gboolean         started;
  guint            debounce_ms;
  guint            debounce_id;
  guint            period_ms;
  guint            period_id;
  GNetworkMonitor *monitor;
  gboolean         network_up;
};

enum { PROP_0, PROP_STATE, PROP_STORE, PROP_PERIOD_MS, N_PROPS };
static GParamSpec *properties[N_PROPS];
enum { SYNCED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RcSyncScheduler, rc_sync_scheduler, G_TYPE_OBJECT)

#define SCHEDULER_KEY "rc-sync-scheduler"

static void
set_state (RcSyncScheduler *self,
           RcSyncState      state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

char *
rc_sync_scheduler_describe_error (const GError *error)
{
  if (error->domain == RC_CALDAV_ERROR)
    switch (error->code)
      {
      case RC_CALDAV_ERROR_AUTH:
        return g_strdup (_("The server refused the user name or password."));
      case RC_CALDAV_ERROR_FORBIDDEN:
        return g_strdup (_("The server does not let this account use the calendar."));
      case RC_CALDAV_ERROR_TLS:
        /* Translators: %s is the reason the certificate was refused */
        return g_strdup_printf (_("The server’s certificate is not trusted: %s"), error->message);
      case RC_CALDAV_ERROR_NETWORK:
        /* Translators: %s says why, e.g. "Connection refused" */
        return g_strdup_printf (_("Cannot reach the server: %s"), error->message);
      case RC_CALDAV_ERROR_NOT_FOUND:
        return g_strdup (_("The calendar is no longer on the server."));
      case RC_CALDAV_ERROR_INSECURE:
        return g_strdup (_("The address must start with https:// (plain http:// only for this computer)."));
      default:
        break;
      }
  if (error->domain == RC_SECRET_ERROR)
    switch (error->code)
      {
      case RC_SECRET_ERROR_NO_SERVICE:
        return g_strdup (_("The keyring is not available, so the password cannot be read."));
      case RC_SECRET_ERROR_NOT_FOUND:
        return g_strdup (_("The password is not in the keyring any more: connect again in Preferences."));
      default:
        break;
      }
  return g_strdup (error->message);
}

/* ---- the worker ---------------------------------------------------------- */

static void
sync_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcStore) store = rc_store_open (path, &error);
  g_autoptr(RcSyncAccount) account = NULL;
  g_autoptr(RcCaldav) client = NULL;
  g_autofree RcSyncStats *stats = g_new0 (RcSyncStats, 1);
  char *password = NULL;

  if (store != NULL)
    account = rc_store_sync_get_account (store, &error);
  if (account == NULL)
    {
      /* no account (without an error) gives a NULL result */
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, NULL, NULL);
      return;
    }
  if (account->password_command != NULL)
    password = rc_secret_from_command (account->password_command, &error);
  else if (account->user != NULL)
    password = rc_secret_lookup (account->url, account->user, cancellable, &error);
  if (account->user != NULL && password == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  client = rc_caldav_new (account->url, account->user, password, &error);
  rc_secret_free (password);
  if (client == NULL || !rc_sync_run (store, client, stats, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&stats), g_free);
}

static void run (RcSyncScheduler *self);

static void
on_sync_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  RcSyncScheduler *self = RC_SYNC_SCHEDULER (source);
  g_autoptr(GError) error = NULL;
  g_autofree RcSyncStats *stats = g_task_propagate_pointer (G_TASK (result), &error);

  /* a cancelled sync belonged to an account that is gone: nothing of it */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->running = FALSE;
  g_clear_error (&self->error);
  g_clear_pointer (&self->error_text, g_free);
  if (error != NULL)
    {
      gboolean offline = !self->network_up && error->domain == RC_CALDAV_ERROR &&
                         error->code == RC_CALDAV_ERROR_NETWORK;

      self->error_text = rc_sync_scheduler_describe_error (error);
      self->error = g_steal_pointer (&error);
      set_state (self, offline ? RC_SYNC_STATE_OFFLINE : RC_SYNC_STATE_ERROR);
    }
  else if (stats == NULL)
    set_state (self, RC_SYNC_STATE_NONE);
  else
    {
      g_clear_pointer (&self->last_sync, g_date_time_unref);
      self->last_sync = g_date_time_new_now_local ();
      set_state (self, RC_SYNC_STATE_IDLE);
      g_signal_emit (self, signals[SYNCED], 0, stats);
    }
  if (self->again)
    run (self);
}

static gboolean
has_account (RcSyncScheduler *self)
{
  g_autoptr(RcSyncAccount) account = NULL;

  if (self->store == NULL)
    return FALSE;
  account = rc_store_sync_get_account (self->store, NULL);
  return account != NULL;
}

static void
run (RcSyncScheduler *self)
{
  g_autoptr(GTask) task = NULL;

  self->again = FALSE;
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  if (!has_account (self))
    {
      set_state (self, RC_SYNC_STATE_NONE);
      return;
    }
  self->running = TRUE;
  set_state (self, RC_SYNC_STATE_SYNCING);
  task = g_task_new (self, self->cancellable, on_sync_done, NULL);
  g_task_set_source_tag (task, run);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, sync_in_thread);
}

/* ---- when ---------------------------------------------------------------- */

void
rc_sync_scheduler_sync_now (RcSyncScheduler *self)
{
  g_return_if_fail (RC_IS_SYNC_SCHEDULER (self));
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  run (self);
}

static gboolean
on_debounce (gpointer data)
{
  RcSyncScheduler *self = data;
  g_autoptr(GPtrArray) pending = NULL;

  self->debounce_id = 0;
  if (self->store != NULL)
    pending = rc_store_sync_list_pending (self->store, NULL);
  /* A change of what is shown (another week) is no change to upload. */
  if (pending != NULL && pending->len > 0 && has_account (self))
    run (self);
  return G_SOURCE_REMOVE;
}

void
rc_sync_scheduler_changed (RcSyncScheduler *self)
{
  g_return_if_fail (RC_IS_SYNC_SCHEDULER (self));
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (self->debounce_ms, on_debounce, self);
}

gint64
rc_sync_scheduler_get_due (RcSyncScheduler *self)
{
  GSource *source;

  g_return_val_if_fail (RC_IS_SYNC_SCHEDULER (self), 0);
  if (self->debounce_id == 0)
    return 0;
  source = g_main_context_find_source_by_id (NULL, self->debounce_id);
  return source != NULL ? g_source_get_ready_time (source) : 0;
}

void
rc_sync_scheduler_account_changed (RcSyncScheduler *self)
{
  g_return_if_fail (RC_IS_SYNC_SCHEDULER (self));
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->error_text, g_free);
  if (!has_account (self))
    {
      /* a sync of the old account may still run: its result is dropped */
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      self->running = FALSE;
      self->again = FALSE;
      set_state (self, RC_SYNC_STATE_NONE);
      return;
    }
  rc_sync_scheduler_sync_now (self);
}

void
rc_sync_scheduler_set_debounce (RcSyncScheduler *self,
                                guint            ms)
{
  g_return_if_fail (RC_IS_SYNC_SCHEDULER (self));
  self->debounce_ms = ms;
}

static gboolean
on_period (gpointer data)
{
  run (data);
  return G_SOURCE_CONTINUE;
}

static void
on_network_changed (GNetworkMonitor *monitor,
                    gboolean         available,
                    RcSyncScheduler *self)
{
  gboolean was_up = self->network_up;

  self->network_up = available;
  /* Offline changes go as soon as the network is back. */
  if (available && !was_up)
    run (self);
}

void
rc_sync_scheduler_start (RcSyncScheduler *self)
{
  g_return_if_fail (RC_IS_SYNC_SCHEDULER (self));
  if (self->started)
    return;
  self->started = TRUE;
  self->monitor = g_object_ref (g_network_monitor_get_default ());
  self->network_up = g_network_monitor_get_network_available (self->monitor);
  g_signal_connect_object (self->monitor, "network-changed", G_CALLBACK (on_network_changed), self, 0);
  /* whole seconds for the real period: the wake-ups line up with others' */
  if (self->period_ms % 1000 == 0)
    self->period_id = g_timeout_add_seconds (self->period_ms / 1000, on_period, self);
  else
    self->period_id = g_timeout_add (self->period_ms, on_period, self);
  run (self);
}

/* ---- object -------------------------------------------------------------- */

RcSyncState
rc_sync_scheduler_get_state (RcSyncScheduler *self)
{
  g_return_val_if_fail (RC_IS_SYNC_SCHEDULER (self), RC_SYNC_STATE_NONE);
  return self->state;
}

GDateTime *
rc_sync_scheduler_get_last_sync (RcSyncScheduler *self)
{
  g_return_val_if_fail (RC_IS_SYNC_SCHEDULER (self), NULL);
  return self->last_sync;
}

const char *
rc_sync_scheduler_get_error (RcSyncScheduler *self)
{
  g_return_val_if_fail (RC_IS_SYNC_SCHEDULER (self), NULL);
  return self->error_text;
}

const GError *
rc_sync_scheduler_get_gerror (RcSyncScheduler *self)
{
  g_return_val_if_fail (RC_IS_SYNC_SCHEDULER (self), NULL);
  return self->error;
}

static void
on_store_gone (gpointer data)
{
  RcSyncScheduler *self = data;

  self->store = NULL;
  g_cancellable_cancel (self->cancellable);
  g_object_unref (self);
}

RcSyncScheduler *
rc_sync_scheduler_for_store (RcStore *store)
{
  RcSyncScheduler *self;

  g_return_val_if_fail (RC_IS_STORE (store), NULL);
  self = g_object_get_data (G_OBJECT (store), SCHEDULER_KEY);
  if (self != NULL)
    return self;
  self = g_object_new (RC_TYPE_SYNC_SCHEDULER, "store", store, NULL);
  /* the store holds it now (constructed) */
  g_object_unref (self);
  return self;
}

/* Whoever makes the scheduler of a store (for_store, or a test with its
 * own period), the store holds it and for_store finds it. */
static void
rc_sync_scheduler_constructed (GObject *object)
{
  RcSyncScheduler *self = RC_SYNC_SCHEDULER (object);

  G_OBJECT_CLASS (rc_sync_scheduler_parent_class)->constructed (object);
  g_return_if_fail (self->store != NULL);
  g_return_if_fail (g_object_get_data (G_OBJECT (self->store), SCHEDULER_KEY) == NULL);
  self->path = g_strdup (rc_store_get_path (self->store));
  self->state = has_account (self) ? RC_SYNC_STATE_IDLE : RC_SYNC_STATE_NONE;
  g_object_set_data_full (G_OBJECT (self->store), SCHEDULER_KEY, g_object_ref (self), on_store_gone);
}

static void
rc_sync_scheduler_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RcSyncScheduler *self = RC_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      /* weak: the store owns the scheduler */
      self->store = g_value_get_object (value);
      break;
    case PROP_PERIOD_MS:
      self->period_ms = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_sync_scheduler_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RcSyncScheduler *self = RC_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERIOD_MS:
      g_value_set_uint (value, self->period_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_sync_scheduler_dispose (GObject *object)
{
  RcSyncScheduler *self = RC_SYNC_SCHEDULER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->period_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (rc_sync_scheduler_parent_class)->dispose (object);
}

static void
rc_sync_scheduler_finalize (GObject *object)
{
  RcSyncScheduler *self = RC_SYNC_SCHEDULER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  g_clear_error (&self->error);
  g_free (self->error_text);
  g_free (self->path);

  G_OBJECT_CLASS (rc_sync_scheduler_parent_class)->finalize (object);
}

static void
rc_sync_scheduler_class_init (RcSyncSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rc_sync_scheduler_constructed;
  object_class->get_property = rc_sync_scheduler_get_property;
  object_class->set_property = rc_sync_scheduler_set_property;
  object_class->dispose = rc_sync_scheduler_dispose;
  object_class->finalize = rc_sync_scheduler_finalize;

  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, RC_SYNC_STATE_NONE,
                                             RC_SYNC_STATE_ERROR, RC_SYNC_STATE_NONE,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                             G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, RC_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  /* How often a sync runs by itself once started (sync.md: 15 minutes);
   * tests make it milliseconds. */
  properties[PROP_PERIOD_MS] = g_param_spec_uint ("period-ms", NULL, NULL, 1, G_MAXUINT,
                                                  RC_SYNC_SCHEDULER_PERIOD_S * 1000,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After each completed sync, with its RcSyncStats. */
  signals[SYNCED] = g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
rc_sync_scheduler_init (RcSyncScheduler *self)
{
  self->cancellable = g_cancellable_new ();
  self->debounce_ms = RC_SYNC_SCHEDULER_DEBOUNCE_MS;
  self->network_up = TRUE;
}
