/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-import-task.c - the window's .ics import, off the main thread. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-ics.h"
#include "rc-import-task.h"
#include "rc-window-private.h"

typedef struct {
  char              *db_path;
  char              *path;
  char              *name;
  AdwToast          *progress;   /* owned: dismissed when the import ends */
  RcIcsImportResult  result;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->db_path);
  g_free (data->path);
  g_free (data->name);
  g_clear_object (&data->progress);
  rc_ics_import_result_clear (&data->result);
  g_free (data);
}

/* In the worker: a connection of its own, since an RcStore belongs to the
 * thread that opened it. */
static void
import_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcStore) store = rc_store_open (data->db_path, &error);

  if (store == NULL ||
      !rc_ics_import_file_full (store, data->path, RC_N_KINDS, &data->result, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  RcWindow *window = RC_WINDOW (source);
  GTask *task = G_TASK (res);
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *message = NULL;

  _rc_window_dismiss_toast (window, data->progress);
  if (!g_task_propagate_boolean (task, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Translators: a toast: the import of this file was cancelled */
        message = g_strdup_printf (_("Import of “%s” cancelled: nothing was changed"), data->name);
      rc_window_add_toast (window, adw_toast_new (message != NULL ? message : error->message));
      return;
    }
  summary = rc_ics_import_result_describe (&data->result);
  /* Translators: a toast after an import: file name, then "3 added, 1 updated, …" */
  message = g_strdup_printf (_("%s: %s"), data->name, summary);
  /* one step of the history: Undo takes the whole file back */
  _rc_window_imported (window, g_steal_pointer (&data->result.changes), message);
}

static void
on_cancel_clicked (AdwToast     *toast,
                   GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

void
rc_import_task_start (RcWindow *window,
                      GFile    *file)
{
  RcStore *store = rc_calendar_model_get_store (rc_window_get_model (window));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = g_task_new (window, cancellable, on_import_done, NULL);
  ImportData *data = g_new0 (ImportData, 1);
  g_autofree char *title = NULL;

  data->db_path = g_strdup (rc_store_get_path (store));
  data->path = g_file_get_path (file);
  data->name = g_file_get_basename (file);
  /* Translators: a toast while a file is imported; its button cancels */
  title = g_strdup_printf (_("Importing “%s”…"), data->name);
  data->progress = g_object_ref_sink (adw_toast_new (title));
  adw_toast_set_timeout (data->progress, 0);
  adw_toast_set_button_label (data->progress, _("_Cancel"));
  g_signal_connect_data (data->progress, "button-clicked", G_CALLBACK (on_cancel_clicked),
                         g_object_ref (cancellable), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  rc_window_add_toast (window, g_object_ref (data->progress));

  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_set_source_tag (task, rc_import_task_start);
  g_task_run_in_thread (task, import_in_thread);
}
