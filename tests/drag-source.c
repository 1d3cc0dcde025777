/* SPDX-License-Identifier: GPL-3.0-or-later */
/* drag-source.c - a file manager's part in a drop, for tests only: a window
 * "Drag Source" whose one label, "Activity files", can be dragged and offers
 * the FILEs of its command line as text/uri-list, the type a file manager
 * offers over XDND. Being a process of its own, a drag from it onto the app
 * goes through the X server's XDND protocol, not through GTK's in-process
 * shortcut. It prints "READY" once shown and "DRAG-END DELETE=0|1" and
 * "DRAG-CANCEL REASON=N" on stdout, so a test can see what the drop target
 * answered.
 *
 * drag-source FILE... */

#include <gtk/gtk.h>
#include <stdio.h>
#include <string.h>

static char **uris;

static GdkContentProvider *
on_prepare (GtkDragSource *source,
            double         x,
            double         y,
            gpointer       data)
{
  g_autofree char *list = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  /* RFC 2483: one URI a line, CRLF */
  for (char **uri = uris; *uri != NULL; uri++)
    g_string_append_printf (text, "%s\r\n", *uri);
  list = g_string_free (g_steal_pointer (&text), FALSE);
  return gdk_content_provider_new_for_bytes ("text/uri-list",
                                             g_bytes_new_take (g_steal_pointer (&list), strlen (list)));
}

static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             gpointer       data)
{
  printf ("DRAG-END DELETE=%d\n", delete_data);
  fflush (stdout);
}

static gboolean
on_drag_cancel (GtkDragSource       *source,
                GdkDrag             *drag,
                GdkDragCancelReason  reason,
                gpointer             data)
{
  printf ("DRAG-CANCEL REASON=%d\n", reason);
  fflush (stdout);
  return FALSE;
}

static void
on_map (GtkWidget *window,
        gpointer   data)
{
  printf ("READY\n");
  fflush (stdout);
}

int
main (int    argc,
      char **argv)
{
  GtkWidget *window, *label;
  GtkDragSource *source;

  gtk_init ();
  if (argc < 2)
    {
      fprintf (stderr, "usage: drag-source FILE...\n");
      return 2;
    }
  uris = g_new0 (char *, argc);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);

      uris[i - 1] = g_file_get_uri (file);
    }

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Drag Source");
  gtk_window_set_default_size (GTK_WINDOW (window), 240, 160);
  label = gtk_label_new ("Activity files");
  gtk_window_set_child (GTK_WINDOW (window), label);
  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_prepare), NULL);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end), NULL);
  g_signal_connect (source, "drag-cancel", G_CALLBACK (on_drag_cancel), NULL);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);
  g_strfreev (uris);
  return 0;
}
