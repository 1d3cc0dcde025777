/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-window-import.c - what the watch recorded, into the window: "Import
 * Activities…" in the main menu and activity files dropped on the calendar
 * (load.md, import-activity). A toast says what was added, matched and
 * skipped; its Undo takes the whole import back as one step. */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-activity-import.h"
#include "rc-window-import.h"
#include "rc-window-private.h"

/* The files in flight: read on a worker thread (a 50 MB track takes a
 * moment), stored on the main thread, which owns the store. */
typedef struct {
  GPtrArray              *files;    /* GFile* */
  char                   *store_path;
  RcActivityImportResult  result;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_ptr_array_unref (job->files);
  g_free (job->store_path);
  rc_activity_import_result_clear (&job->result);
  g_free (job);
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  ImportJob *job = data;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  /* the toast and its reasons name files as the file manager shows them */
  for (guint i = 0; i < job->files->len; i++)
    g_ptr_array_add (names, g_file_get_basename (job->files->pdata[i]));
  rc_activity_import_parse ((GFile **) job->files->pdata, (const char * const *) names->pdata,
                            job->files->len, job->store_path, &job->result, cancellable);
  g_task_return_boolean (task, TRUE);
}

/* The import as one step of the history: Undo deletes what was added and
 * puts the matched sessions back to planned. */
static GPtrArray *
undo_batch (const RcActivityImportResult *result)
{
  GPtrArray *batch = rc_undo_batch_new ();

  for (guint i = 0; i < result->items->len; i++)
    {
      const RcActivityImportItem *item = g_ptr_array_index (result->items, i);

      if (item->after == NULL)
        continue;
      if (item->action == RC_ACTIVITY_ADD)
        rc_undo_batch_add (batch, RC_COMMAND_ADD, NULL, item->after);
      else if (item->action == RC_ACTIVITY_MATCH)
        rc_undo_batch_add (batch, RC_COMMAND_EDIT, item->before, item->after);
    }
  return batch;
}

void
_rc_window_imported (RcWindow   *self,
                     GPtrArray  *batch,
                     const char *title)
{
  gboolean changed = batch->len > 0;

  /* the window was closed while the import ran */
  if (self->model == NULL)
    {
      g_ptr_array_unref (batch);
      return;
    }
  rc_undo_stack_push_batch (rc_calendar_model_get_undo_stack (self->model), batch);
  rc_calendar_model_refresh (self->model);
  /* after the refresh: the toast's Undo is for this batch, and a change
   * made later dismisses it (on_model_changed ()) */
  if (changed)
    _rc_window_toast_undo (self, title);
  else
    _rc_window_toast (self, title);
}

static void
on_parsed (GObject      *source,
           GAsyncResult *res,
           gpointer      data)
{
  RcWindow *self = RC_WINDOW (source);
  ImportJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (res), &error) || self->model == NULL)
    return;
  if (!rc_activity_import_commit (rc_calendar_model_get_store (self->model), &job->result, &error))
    {
      _rc_window_toast_error (self, error);
      return;
    }
  /* Translators: a toast after importing activity files (GPX, TCX); the
   * numbers count files. Its button undoes the import. */
  title = g_strdup_printf (_("Activities — added: %u, matched: %u, skipped: %u"),
                           job->result.added, job->result.matched, job->result.skipped);
  _rc_window_imported (self, undo_batch (&job->result), title);
  g_signal_emit_by_name (self, "activities-imported");
}

void
rc_window_import_activities (RcWindow  *self,
                             GFile    **files,
                             guint      n_files)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (RC_IS_WINDOW (self));
  if (n_files == 0)
    return;

  job = g_new0 (ImportJob, 1);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  job->store_path = g_strdup (rc_store_get_path (rc_calendar_model_get_store (self->model)));
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  task = g_task_new (self, NULL, on_parsed, NULL);
  g_task_set_source_tag (task, rc_window_import_activities);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, parse_in_thread);
}

/* ---- the file chooser ------------------------------------------------- */

static GtkFileFilter *
activity_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  const char *suffixes[] = { "gpx", "tcx", "gpx.gz", "tcx.gz" };

  /* Translators: a file chooser filter: what sports watches export */
  gtk_file_filter_set_name (filter, _("Activities (GPX, TCX)"));
  gtk_file_filter_add_mime_type (filter, "application/gpx+xml");
  gtk_file_filter_add_mime_type (filter, "application/vnd.garmin.tcx+xml");
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  return filter;
}

static GtkFileFilter *
all_files_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  /* Translators: a file chooser filter */
  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  return filter;
}

static void
activities_chosen (RcWindow       *self,
                   GtkFileChooser *chooser)
{
  g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (chooser);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
    g_ptr_array_add (files, g_list_model_get_item (chosen, i));
  rc_window_import_activities (self, (GFile **) files->pdata, files->len);
}

static void
import_activities_action (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  RcWindow *self = RC_WINDOW (widget);
  g_autoptr(GtkFileFilter) activities = activity_filter ();
  g_autoptr(GtkFileFilter) all = all_files_filter ();
  GtkFileChooserNative *chooser;

  chooser = _rc_window_chooser_new (self, _("Import Activities"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                    _("_Import"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), activities);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), activities);
  _rc_window_chooser_show (self, chooser, activities_chosen);
}

/* ---- files dropped from a file manager -------------------------------- */

static gboolean
on_files_dropped (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  RcWindow      *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  rc_window_import_activities (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

GtkDropTarget *
rc_window_import_get_drop_target (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), NULL);
  return self->import_target;
}

void
_rc_window_import_init (RcWindow *self)
{
  /* on the whole content: the day cells take chips, not files, so a file
   * list goes past them to here wherever it is dropped */
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_files_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self->toasts), GTK_EVENT_CONTROLLER (target));
  self->import_target = target;
}

void
_rc_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-activities", NULL,
                                   import_activities_action);
  /* emitted once an import is stored and shown: tests wait for it */
  g_signal_new ("activities-imported", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}
