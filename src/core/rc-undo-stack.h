/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-undo-stack.h - the session's undo and redo history of entry edits. */

#pragma once

#include <glib-object.h>

#include "rc-types.h"

G_BEGIN_DECLS

typedef enum {
  RC_COMMAND_ADD,       /* AFTER is the stored entry */
  RC_COMMAND_MOVE,      /* BEFORE and AFTER differ in day only */
  RC_COMMAND_EDIT,      /* BEFORE and AFTER: the whole row */
  RC_COMMAND_DELETE,    /* BEFORE is the deleted row, id and uid included */
  RC_COMMAND_BATCH,     /* BATCH: the commands of one user action (an
                         * import), undone and redone together */
} RcCommandType;

typedef struct {
  RcCommandType  type;
  RcEntry       *before;   /* NULL for ADD and BATCH */
  RcEntry       *after;    /* NULL for DELETE and BATCH */
  GPtrArray     *batch;    /* BATCH: RcCommand*, in the order they were done */
} RcCommand;

#define RC_TYPE_UNDO_STACK (rc_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (RcUndoStack, rc_undo_stack, RC, UNDO_STACK, GObject)

RcUndoStack     *rc_undo_stack_new        (void);
/* Takes copies of BEFORE and AFTER; clears the redo history. */
void             rc_undo_stack_push       (RcUndoStack    *self,
                                           RcCommandType   type,
                                           const RcEntry  *before,
                                           const RcEntry  *after);
/* BATCH (from rc_undo_batch_new, filled by rc_undo_batch_add) becomes one
 * step of the history; taken; clears the redo history. An empty batch is
 * dropped. */
void             rc_undo_stack_push_batch (RcUndoStack    *self,
                                           GPtrArray      *batch);
GPtrArray       *rc_undo_batch_new        (void);
/* Takes copies of BEFORE and AFTER, as rc_undo_stack_push. */
void             rc_undo_batch_add        (GPtrArray      *batch,
                                           RcCommandType   type,
                                           const RcEntry  *before,
                                           const RcEntry  *after);
/* The same, taking BEFORE and AFTER (either may be NULL as TYPE allows). */
void             rc_undo_batch_take       (GPtrArray      *batch,
                                           RcCommandType   type,
                                           RcEntry        *before,
                                           RcEntry        *after);
/* The command the next undo (redo) reverts (repeats), or NULL. */
const RcCommand *rc_undo_stack_peek_undo  (RcUndoStack *self);
const RcCommand *rc_undo_stack_peek_redo  (RcUndoStack *self);
/* Moves the top command between the two histories once it was applied. */
void             rc_undo_stack_did_undo   (RcUndoStack *self);
void             rc_undo_stack_did_redo   (RcUndoStack *self);
gboolean         rc_undo_stack_can_undo   (RcUndoStack *self);
gboolean         rc_undo_stack_can_redo   (RcUndoStack *self);

G_END_DECLS
