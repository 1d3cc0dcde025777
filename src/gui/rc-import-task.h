/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-import-task.h - the window's .ics import, off the main thread. */

#pragma once

#include "rc-window.h"

G_BEGIN_DECLS

/* Imports FILE into the store of WINDOW's model in a worker thread with a
 * store connection of its own, so that a slow file never freezes the window.
 * A toast shows the import running, with a Cancel button that stops it
 * within moments once the file is read (while it is parsed, mapped or
 * compared), and always before it writes; when it ends the model re-reads
 * the store and a toast tells what became of the file's events (or why
 * nothing was imported). What it wrote is one step of the undo history:
 * the toast's Undo, or Ctrl+Z, takes the whole file back. */
void rc_import_task_start (RcWindow *window,
                           GFile    *file);

G_END_DECLS
