/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-booking-confirm.c - every way of booking a massage asks first on a day
 * the rules advise against (rules-spec.md, Advisories: conflict). */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-booking-confirm.h"
#include "rc-day-cell.h"

typedef struct {
  GtkWidget     *parent;   /* a reference, or NULL */
  RcBookingFunc  func;
  gpointer       data;
  GDestroyNotify destroy;
} Pending;

static void
pending_free (gpointer  data,
              GClosure *closure)
{
  Pending *pending = data;

  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_clear_object (&pending->parent);
  g_free (pending);
}

char *
rc_booking_check (RcCalendarModel *model,
                  RcDay            day,
                  RcMassage        massage)
{
  const RcAdvice *advice = rc_calendar_model_get_advice (model, day);

  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (model), NULL);

  if (advice == NULL)
    return NULL;
  if (advice->verdict == RC_VERDICT_FORBIDDEN)
    {
      g_auto(GStrv) reasons = rc_advice_reasons_decided (advice);

      if (reasons != NULL && reasons[0] != NULL)
        /* Translators: %s is the reason that forbids the day ("Long run on
         * Wed 9 Dec is the day after: avoid ...") */
        return g_strdup_printf (_("No massage on this day: %s."), reasons[0]);
      return g_strdup (_("No massage on this day."));
    }
  /* an appointment of no stated kind fits any day massage is allowed on */
  if (massage != RC_MASSAGE_NONE && massage != advice->massage)
    /* Translators: %1$s the kind being booked, %2$s the kind the day
     * suggests: "Post-run massage", "Pre-event massage" */
    return g_strdup_printf (_("%1$s is not the kind this day suggests: %2$s"),
                            rc_massage_label (massage), rc_massage_label (advice->massage));
  return NULL;
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Pending          *pending)
{
  if (g_strcmp0 (response, "book") == 0)
    pending->func (pending->parent, pending->data);
}

GtkWidget *
rc_booking_confirm (GtkWidget       *parent,
                    RcCalendarModel *model,
                    RcDay            day,
                    RcMassage        massage,
                    RcBooking        booking,
                    RcBookingFunc    func,
                    gpointer         data,
                    GDestroyNotify   destroy)
{
  g_autofree char *reason = NULL;
  g_autofree char *date = NULL;
  g_autofree char *heading = NULL;
  Pending *pending;
  GtkWidget *dialog;
  GtkRoot *root;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (RC_IS_CALENDAR_MODEL (model), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  reason = rc_booking_check (model, day, massage);
  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  if (reason == NULL)
    {
      func (parent, data);
      if (destroy != NULL)
        destroy (data);
      return NULL;
    }
  pending = g_new0 (Pending, 1);
  /* FUNC acts on PARENT after the answer, however long it takes */
  pending->parent = parent != NULL ? g_object_ref (parent) : NULL;
  pending->func = func;
  pending->data = data;
  pending->destroy = destroy;
  date = rc_day_format_full (day);
  if (booking == RC_BOOKING_MOVE)
    /* Translators: the heading of the question before a booked massage is
     * moved (dragged, Move to…) onto an advised-against day */
    heading = g_strdup_printf (_("Move the Massage to %s?"), date);
  else
    /* Translators: the heading of the question before booking on an advised-against day */
    heading = g_strdup_printf (_("Book a Massage on %s?"), date);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, reason);
  /* not shown, but named: window lists and screen readers say it */
  gtk_window_set_title (GTK_WINDOW (dialog), booking == RC_BOOKING_MOVE ? _("Move Massage Anyway")
                                                                         : _("Book Massage Anyway"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "book", booking == RC_BOOKING_MOVE ? _("_Move Anyway") : _("_Book Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "book",
                                              ADW_RESPONSE_DESTRUCTIVE);
  /* Enter does not book against the advice by accident */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), pending,
                         pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
