/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-undo.c - the undo stack on its own: order, and a new edit clearing redo. */

#include "config.h"

#include "rc-test-util.h"
#include "rc-undo-stack.h"

static RcEntry *
entry_on (const char *iso)
{
  return rc_entry_new (rc_test_day (iso), RC_KIND_EASY);
}

/* A stack with two commands made: A added, then moved to B's day. */
typedef struct {
  RcUndoStack *stack;
  RcEntry     *a;
  RcEntry     *b;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  f->stack = rc_undo_stack_new ();
  f->a = entry_on ("2030-06-01");
  f->b = entry_on ("2030-06-02");
  g_assert_false (rc_undo_stack_can_undo (f->stack));
  rc_undo_stack_push (f->stack, RC_COMMAND_ADD, NULL, f->a);
  rc_undo_stack_push (f->stack, RC_COMMAND_MOVE, f->a, f->b);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_clear_object (&f->stack);
  g_clear_pointer (&f->a, rc_entry_free);
  g_clear_pointer (&f->b, rc_entry_free);
}

/* Undo twice, redo once: the commands come back in the order they were made. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  RcUndoStack *stack = f->stack;
  g_autoptr(RcEntry) c = entry_on ("2030-06-03");

  rc_undo_stack_push (stack, RC_COMMAND_MOVE, f->b, c);
  g_assert_cmpuint (rc_undo_stack_peek_undo (stack)->after->day, ==, c->day);
  rc_undo_stack_did_undo (stack);
  rc_undo_stack_did_undo (stack);
  g_assert_cmpuint (rc_undo_stack_peek_undo (stack)->type, ==, RC_COMMAND_ADD);
  /* the next redo repeats the command undone last: a -> b */
  g_assert_cmpuint (rc_undo_stack_peek_redo (stack)->after->day, ==, f->b->day);
  rc_undo_stack_did_redo (stack);
  g_assert_cmpuint (rc_undo_stack_peek_redo (stack)->after->day, ==, c->day);
  g_assert_cmpuint (rc_undo_stack_peek_undo (stack)->after->day, ==, f->b->day);
}

/* Issue 19: a new edit after an undo must clear redo (a stack that kept it
 * would redo a move onto a plan that has since changed). */
static void
test_push_clears_redo (Fixture       *f,
                       gconstpointer  data)
{
  RcUndoStack *stack = f->stack;
  g_autoptr(RcEntry) d = entry_on ("2030-06-04");

  rc_undo_stack_did_undo (stack);
  g_assert_true (rc_undo_stack_can_redo (stack));
  rc_undo_stack_push (stack, RC_COMMAND_MOVE, f->a, d);
  g_assert_false (rc_undo_stack_can_redo (stack));
  g_assert_null (rc_undo_stack_peek_redo (stack));
  g_assert_cmpuint (rc_undo_stack_peek_undo (stack)->after->day, ==, d->day);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/undo/order", Fixture, NULL, set_up, test_order, tear_down);
  g_test_add ("/undo/push-clears-redo", Fixture, NULL, set_up, test_push_clears_redo, tear_down);
  return g_test_run ();
}
