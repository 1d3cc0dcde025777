/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-undo-stack.c - the session's undo and redo history of entry edits. */

#include "config.h"

#include "rc-undo-stack.h"

struct _RcUndoStack
{
  GObject  parent_instance;

  GQueue   undo;   /* of RcCommand*, newest at the head */
  GQueue   redo;
};

G_DEFINE_FINAL_TYPE (RcUndoStack, rc_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
command_free (gpointer data)
{
  RcCommand *command = data;

  g_clear_pointer (&command->before, rc_entry_free);
  g_clear_pointer (&command->after, rc_entry_free);
  g_clear_pointer (&command->batch, g_ptr_array_unref);
  g_free (command);
}

static void
notify_both (RcUndoStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
rc_undo_stack_finalize (GObject *object)
{
  RcUndoStack *self = RC_UNDO_STACK (object);

  g_queue_clear_full (&self->undo, command_free);
  g_queue_clear_full (&self->redo, command_free);

  G_OBJECT_CLASS (rc_undo_stack_parent_class)->finalize (object);
}

static void
rc_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RcUndoStack *self = RC_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rc_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, rc_undo_stack_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_undo_stack_class_init (RcUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_undo_stack_finalize;
  object_class->get_property = rc_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rc_undo_stack_init (RcUndoStack *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

RcUndoStack *
rc_undo_stack_new (void)
{
  return g_object_new (RC_TYPE_UNDO_STACK, NULL);
}

/* A command holding BEFORE and AFTER (taken). */
static RcCommand *
command_take (RcCommandType  type,
              RcEntry       *before,
              RcEntry       *after)
{
  RcCommand *command = g_new0 (RcCommand, 1);

  command->type = type;
  command->before = before;
  command->after = after;
  return command;
}

static RcCommand *
command_new (RcCommandType  type,
             const RcEntry *before,
             const RcEntry *after)
{
  return command_take (type, before != NULL ? rc_entry_copy (before) : NULL,
                       after != NULL ? rc_entry_copy (after) : NULL);
}

GPtrArray *
rc_undo_batch_new (void)
{
  return g_ptr_array_new_with_free_func (command_free);
}

void
rc_undo_batch_add (GPtrArray      *batch,
                   RcCommandType   type,
                   const RcEntry  *before,
                   const RcEntry  *after)
{
  g_return_if_fail (type != RC_COMMAND_BATCH);
  g_ptr_array_add (batch, command_new (type, before, after));
}

void
rc_undo_batch_take (GPtrArray      *batch,
                    RcCommandType   type,
                    RcEntry        *before,
                    RcEntry        *after)
{
  g_return_if_fail (type != RC_COMMAND_BATCH);
  g_ptr_array_add (batch, command_take (type, before, after));
}

void
rc_undo_stack_push_batch (RcUndoStack *self,
                          GPtrArray   *batch)
{
  RcCommand *command;

  g_return_if_fail (RC_IS_UNDO_STACK (self));

  if (batch->len == 0)
    {
      g_ptr_array_unref (batch);
      return;
    }
  command = command_new (RC_COMMAND_BATCH, NULL, NULL);
  command->batch = batch;
  g_queue_push_head (&self->undo, command);
  g_queue_clear_full (&self->redo, command_free);
  notify_both (self);
}

void
rc_undo_stack_push (RcUndoStack   *self,
                    RcCommandType  type,
                    const RcEntry *before,
                    const RcEntry *after)
{
  RcCommand *command;

  g_return_if_fail (RC_IS_UNDO_STACK (self));

  command = command_new (type, before, after);
  g_queue_push_head (&self->undo, command);
  g_queue_clear_full (&self->redo, command_free);
  notify_both (self);
}

const RcCommand *
rc_undo_stack_peek_undo (RcUndoStack *self)
{
  g_return_val_if_fail (RC_IS_UNDO_STACK (self), NULL);
  return g_queue_peek_head (&self->undo);
}

const RcCommand *
rc_undo_stack_peek_redo (RcUndoStack *self)
{
  g_return_val_if_fail (RC_IS_UNDO_STACK (self), NULL);
  return g_queue_peek_head (&self->redo);
}

void
rc_undo_stack_did_undo (RcUndoStack *self)
{
  g_return_if_fail (!g_queue_is_empty (&self->undo));
  g_queue_push_head (&self->redo, g_queue_pop_head (&self->undo));
  notify_both (self);
}

void
rc_undo_stack_did_redo (RcUndoStack *self)
{
  g_return_if_fail (!g_queue_is_empty (&self->redo));
  g_queue_push_head (&self->undo, g_queue_pop_head (&self->redo));
  notify_both (self);
}

gboolean
rc_undo_stack_can_undo (RcUndoStack *self)
{
  g_return_val_if_fail (RC_IS_UNDO_STACK (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

gboolean
rc_undo_stack_can_redo (RcUndoStack *self)
{
  g_return_val_if_fail (RC_IS_UNDO_STACK (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}
