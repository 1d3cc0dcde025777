/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-booking-confirm.h - every way of booking a massage asks first on a day
 * the rules advise against (rules-spec.md, Advisories: conflict). */

#pragma once

#include <adwaita.h>

#include "rc-calendar-model.h"

G_BEGIN_DECLS

/* What is asked about: a massage booked on the day, or one booked already
 * and moved there (a drag, Move to…). */
typedef enum {
  RC_BOOKING_NEW,
  RC_BOOKING_MOVE,
} RcBooking;

/* PARENT is the widget that asked rc_booking_confirm () (NULL if none). */
typedef void (*RcBookingFunc) (GtkWidget *parent,
                               gpointer   data);

/* Why booking a massage of kind MASSAGE on DAY is advised against, as one
 * translated sentence, or NULL when it is not: the day is forbidden (its
 * first deciding reason), or MASSAGE differs from the kind the day
 * suggests. RC_MASSAGE_NONE: the kind the day suggests (a new booking). */
char      *rc_booking_check   (RcCalendarModel *model,
                               RcDay            day,
                               RcMassage        massage);
/* Calls FUNC (PARENT, DATA) at once when nothing speaks against the
 * booking; else asks first, in a dialog over PARENT's window naming the
 * reason, and calls FUNC only if the user books anyway: PARENT is kept
 * alive until then, DATA need not hold it. DESTROY frees DATA in every
 * case. Returns the dialog, or NULL when none was needed. */
GtkWidget *rc_booking_confirm (GtkWidget       *parent,
                               RcCalendarModel *model,
                               RcDay            day,
                               RcMassage        massage,
                               RcBooking        booking,
                               RcBookingFunc    func,
                               gpointer         data,
                               GDestroyNotify   destroy);

G_END_DECLS
