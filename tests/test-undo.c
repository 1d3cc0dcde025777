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

/* Undo twice, redo once: the commands come back in the order they were made. */
static void
test_order (void)
{
  g_autoptr(RcUndoStack) stack = rc_undo_stack_new ();
  g_autoptr(RcEntry) a = entry_on ("2030-06-01");
  g_autoptr(RcEntry) b = entry_on ("2030-06-02");
  g_autoptr(RcEntry) c = entry_on ("2030-06-03");

  g_assert_false (rc_undo_stack_can_undo (stack));
  rc_undo_stack_push (stack, RC_COMMAND_ADD, NULL, a);
  rc_undo_stack_push (stack, RC_COMMAND_MOVE, a, b);
  rc_undo_stack_push (stack, RC_COMMAND_MOVE, b, c);
  g_assert_cmpuint (rc_undo_stack_peek_undo (stack)->after->day, ==, c->day);
  rc_undo_stack_did_undo (stack);
  rc_undo_stack_did_undo (stack);
  g_assert_cmpuint (rc_undo_stack_peek_undo (stack)->type, ==, RC_COMMAND_ADD);
  /* the next redo repeats the command undone last: a -> b */
  g_assert_cmpuint (rc_undo_stack_peek_redo (stack)->after->day, ==, b->day);
  rc_undo_stack_did_redo (stack);
  g_assert_cmpuint (rc_undo_stack_peek_redo (stack)->after->day, ==, c->day);
  g_assert_cmpuint (rc_undo_stack_peek_undo (stack)->after->day, ==, b->day);
}

/* Issue 19: a new edit after an undo must clear redo (a stack that kept it
 * would redo a move onto a plan that has since changed). */
static void
test_push_clears_redo (void)
{
  g_autoptr(RcUndoStack) stack = rc_undo_stack_new ();
  g_autoptr(RcEntry) a = entry_on ("2030-06-01");
  g_autoptr(RcEntry) b = entry_on ("2030-06-02");
  g_autoptr(RcEntry) d = entry_on ("2030-06-04");

  rc_undo_stack_push (stack, RC_COMMAND_ADD, NULL, a);
  rc_undo_stack_push (stack, RC_COMMAND_MOVE, a, b);
  rc_undo_stack_did_undo (stack);
  g_assert_true (rc_undo_stack_can_redo (stack));
  rc_undo_stack_push (stack, RC_COMMAND_MOVE, a, d);
  g_assert_false (rc_undo_stack_can_redo (stack));
  g_assert_null (rc_undo_stack_peek_redo (stack));
  g_assert_cmpuint (rc_undo_stack_peek_undo (stack)->after->day, ==, d->day);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/undo/order", test_order);
  g_test_add_func ("/undo/push-clears-redo", test_push_clears_redo);
  return g_test_run ();
}
