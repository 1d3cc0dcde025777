/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-load-view.h - the Load view: the last 12 weeks and the next 4 of
 * load.md's figures, with the massage days on the time axis. */

#pragma once

#include <adwaita.h>

#include "rc-calendar-model.h"

G_BEGIN_DECLS

#define RC_LOAD_VIEW_WEEKS_BEFORE 11   /* weeks shown before the anchor's week */
#define RC_LOAD_VIEW_WEEKS_AFTER  4    /* and after it */

#define RC_TYPE_LOAD_VIEW (rc_load_view_get_type ())
G_DECLARE_FINAL_TYPE (RcLoadView, rc_load_view, RC, LOAD_VIEW, GtkWidget)

/* Built with g_object_new (RC_TYPE_LOAD_VIEW, "model", model, NULL). */
/* Shows the 16 weeks around ANCHOR's week, TODAY marked. */
void        rc_load_view_show        (RcLoadView      *self,
                                      RcDay            anchor,
                                      RcDay            today);
RcDay       rc_load_view_get_first   (RcLoadView      *self);
RcDay       rc_load_view_get_last    (RcLoadView      *self);
/* "This week: 310 of 345 minutes done; load rising fast (ACWR 1.42); form −18":
 * the chart's accessible description, also shown above it. */
const char *rc_load_view_get_summary (RcLoadView      *self);
/* One frame of the chart, for the benchmark and screenshots. */
void        rc_load_view_draw        (RcLoadView      *self,
                                      cairo_t         *cr,
                                      int              width,
                                      int              height);
/* What DAY shows on the time axis. */
#define RC_LOAD_VIEW_MARK_MASSAGE (1 << 0)   /* a massage, booked or done */
#define RC_LOAD_VIEW_MARK_IDEAL   (1 << 1)   /* an ideal massage day */
guint       rc_load_view_get_marks   (RcLoadView      *self,
                                      RcDay            day);
GtkWidget  *rc_load_view_get_chart   (RcLoadView      *self);
/* The date the time axis names week WEEK (0: the first shown) by, "7 Dec",
 * shown or not. */
char       *rc_load_view_dup_week_date (RcLoadView    *self,
                                        guint          week);
/* Every how many weeks the time axis names a week at the chart's width: 2,
 * or 4, 8, 16 when the dates would run into each other. */
guint       rc_load_view_get_date_step (RcLoadView    *self);
/* The day whose column holds X in the chart, or RC_DAY_INVALID in its
 * margins (the axis' figures on the left). */
RcDay       rc_load_view_day_at      (RcLoadView      *self,
                                      double           x);
/* What the chart's tooltip says of DAY, a shown day: its date, load done
 * and planned, ATL/CTL/TSB, band, and the marks on the time axis. */
char       *rc_load_view_dup_day_text (RcLoadView     *self,
                                       RcDay           day);

G_END_DECLS
