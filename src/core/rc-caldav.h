/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-caldav.h - a CalDAV client (RFC 4791, 6578, 6764) on libsoup 3.
 *
 * The calls are synchronous, for the command line and for a worker
 * thread; rc_caldav_run_async() runs any of them in a thread for the
 * window. One RcCaldav belongs to one thread at a time. */

#pragma once

#include <gio/gio.h>

#include "rc-dav-xml.h"

G_BEGIN_DECLS

#define RC_CALDAV_ERROR (rc_caldav_error_quark ())
GQuark rc_caldav_error_quark (void);

typedef enum {
  RC_CALDAV_ERROR_BAD_URL,
  RC_CALDAV_ERROR_INSECURE,        /* plain HTTP to a host that is not loopback */
  RC_CALDAV_ERROR_TLS,             /* the certificate was refused */
  RC_CALDAV_ERROR_NETWORK,         /* unreachable, closed mid-answer */
  RC_CALDAV_ERROR_AUTH,            /* 401 */
  RC_CALDAV_ERROR_FORBIDDEN,       /* 403 */
  RC_CALDAV_ERROR_NOT_FOUND,       /* 404, 410 */
  RC_CALDAV_ERROR_PRECONDITION,    /* 412: someone else changed the resource */
  RC_CALDAV_ERROR_INVALID_TOKEN,   /* our sync token is no longer valid */
  RC_CALDAV_ERROR_NO_SYNC,         /* the collection has no sync-collection REPORT */
  RC_CALDAV_ERROR_SERVER,          /* any other unexpected status */
  RC_CALDAV_ERROR_MALFORMED,       /* an answer we cannot read */
  RC_CALDAV_ERROR_TOO_LARGE,
  RC_CALDAV_ERROR_REDIRECT,        /* too many redirects, or to plain HTTP */
} RcCaldavError;

/* A calendar multiget asks for at most this many resources at once. */
#define RC_CALDAV_MULTIGET_BATCH 100

#define RC_TYPE_CALDAV (rc_caldav_get_type ())
G_DECLARE_FINAL_TYPE (RcCaldav, rc_caldav, RC, CALDAV, GObject)

/* USER and PASSWORD may be NULL (no authentication). The password is
 * sent only to the scheme, host and port of URL. */
RcCaldav   *rc_caldav_new              (const char   *url,
                                        const char   *user,
                                        const char   *password,
                                        GError      **error);
/* The HTTP requests sent so far (redirects and retries included). */
guint       rc_caldav_get_requests     (RcCaldav     *self);
const char *rc_caldav_get_base_url     (RcCaldav     *self);
/* HREF (absolute or relative to the account) as an absolute URL. */
char       *rc_caldav_resolve          (RcCaldav     *self,
                                        const char   *href);

/* Discovery: the calendar home of the account URL (RFC 6764 well-known,
 * current-user-principal, calendar-home-set), as an absolute URL. A URL
 * that is itself a calendar gives its parent collection. */
char       *rc_caldav_discover_home    (RcCaldav     *self,
                                        GCancellable *cancellable,
                                        GError      **error);
/* The calendars (RcDavResponse*, is_calendar TRUE) in HOME. */
GPtrArray  *rc_caldav_list_calendars   (RcCaldav     *self,
                                        const char   *home,
                                        GCancellable *cancellable,
                                        GError      **error);
gboolean    rc_caldav_mkcalendar       (RcCaldav     *self,
                                        const char   *href,
                                        const char   *displayname,
                                        GCancellable *cancellable,
                                        GError      **error);

/* RFC 6578: what changed in CALENDAR since TOKEN (NULL: everything).
 * Responses with status 404 are deletions; the others carry an etag.
 * RC_CALDAV_ERROR_INVALID_TOKEN or _NO_SYNC mean: compare ETags instead. */
RcDavMultistatus *rc_caldav_sync_collection (RcCaldav     *self,
                                             const char   *calendar,
                                             const char   *token,
                                             GCancellable *cancellable,
                                             GError      **error);
/* PROPFIND depth 1: every resource of CALENDAR with its etag (the
 * collection itself left out). */
GPtrArray  *rc_caldav_list_etags       (RcCaldav     *self,
                                        const char   *calendar,
                                        GCancellable *cancellable,
                                        GError      **error);
/* calendar-multiget of HREFS, in batches of RC_CALDAV_MULTIGET_BATCH:
 * responses with etag and calendar_data (404 for the ones that vanished). */
GPtrArray  *rc_caldav_multiget         (RcCaldav     *self,
                                        const char   *calendar,
                                        const char * const *hrefs,
                                        guint         n_hrefs,
                                        GCancellable *cancellable,
                                        GError      **error);

char       *rc_caldav_get              (RcCaldav     *self,
                                        const char   *href,
                                        char        **etag,
                                        GCancellable *cancellable,
                                        GError      **error);
/* A conditional PUT: IF_MATCH NULL creates (If-None-Match: *), else it
 * replaces that version only. The new etag when the server tells it. */
gboolean    rc_caldav_put              (RcCaldav     *self,
                                        const char   *href,
                                        const char   *ical,
                                        const char   *if_match,
                                        char        **etag,
                                        GCancellable *cancellable,
                                        GError      **error);
gboolean    rc_caldav_delete           (RcCaldav     *self,
                                        const char   *href,
                                        const char   *if_match,
                                        GCancellable *cancellable,
                                        GError      **error);

/* FUNC (SELF, DATA, CANCELLABLE, ERROR) in a worker thread; the result
 * (a pointer, FREE_RESULT frees it) through rc_caldav_run_finish(). SELF
 * must not be used elsewhere until CALLBACK runs. */
typedef gpointer (*RcCaldavJob) (RcCaldav *self, gpointer data, GCancellable *cancellable, GError **error);
void        rc_caldav_run_async        (RcCaldav            *self,
                                        RcCaldavJob          func,
                                        gpointer             data,
                                        GDestroyNotify       free_result,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gpointer    rc_caldav_run_finish       (RcCaldav            *self,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
