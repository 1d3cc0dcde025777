/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-sync-page.h - Preferences → Sync: connect a CalDAV account, pick the
 * training calendar, disconnect. Every network step runs off the main loop. */

#pragma once

#include <adwaita.h>

#include "rc-calendar-model.h"

G_BEGIN_DECLS

#define RC_TYPE_SYNC_PAGE (rc_sync_page_get_type ())
G_DECLARE_FINAL_TYPE (RcSyncPage, rc_sync_page, RC, SYNC_PAGE, AdwPreferencesPage)

GtkWidget *rc_sync_page_new              (RcCalendarModel *model);

/* For tests: the rows and buttons a person uses. */
GtkWidget *rc_sync_page_get_server_row   (RcSyncPage *self);
GtkWidget *rc_sync_page_get_user_row     (RcSyncPage *self);
GtkWidget *rc_sync_page_get_password_row (RcSyncPage *self);
GtkWidget *rc_sync_page_get_connect_button (RcSyncPage *self);
AdwComboRow *rc_sync_page_get_calendar_row (RcSyncPage *self);
GtkWidget *rc_sync_page_get_save_button  (RcSyncPage *self);
GtkWidget *rc_sync_page_get_disconnect_button (RcSyncPage *self);
/* The error shown (NULL: none) and the row it is on. */
const char *rc_sync_page_get_error       (RcSyncPage *self,
                                          GtkWidget **row);
/* TRUE while a network step runs. */
gboolean   rc_sync_page_get_busy         (RcSyncPage *self);

G_END_DECLS
