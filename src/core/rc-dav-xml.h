/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-dav-xml.h - WebDAV/CalDAV multistatus bodies read into plain structs:
 * a pure function on a buffer (no network), so it can be fuzzed. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A response body larger than this is refused before it is parsed. */
#define RC_DAV_MAX_RESPONSE (10 * 1024 * 1024)
/* Multistatus is shallow (about 8 levels with calendar-data); deeper XML
 * is refused rather than walked. */
#define RC_DAV_MAX_DEPTH 32

#define RC_DAV_XML_ERROR (rc_dav_xml_error_quark ())
GQuark rc_dav_xml_error_quark (void);

typedef enum {
  RC_DAV_XML_ERROR_MALFORMED, /* not XML, or not a DAV:multistatus */
  RC_DAV_XML_ERROR_TOO_LARGE,
  RC_DAV_XML_ERROR_TOO_DEEP,
} RcDavXmlError;

/* One DAV:response: its href, the status of the response (or of the
 * propstat that held the properties, 200), and the properties we read. */
typedef struct {
  char     *href;                   /* as the server wrote it (percent-encoded) */
  guint     status;                 /* 0 when none was given */
  char     *etag;
  char     *calendar_data;
  char     *displayname;
  char     *current_user_principal; /* href */
  char     *calendar_home_set;      /* href */
  char     *sync_token;             /* the DAV:sync-token property */
  char     *ctag;
  gboolean  is_collection;
  gboolean  is_calendar;
  gboolean  supports_sync;          /* DAV:sync-collection in supported-report-set */
  gboolean  has_component_set;      /* supported-calendar-component-set given */
  gboolean  supports_vevent;
} RcDavResponse;

typedef struct {
  GPtrArray *responses;             /* RcDavResponse* */
  char      *sync_token;            /* the top-level DAV:sync-token (RFC 6578) */
} RcDavMultistatus;

void              rc_dav_response_free    (RcDavResponse    *response);
void              rc_dav_multistatus_free (RcDavMultistatus *multistatus);

/* DATA (LEN bytes, not necessarily NUL-terminated) as a multistatus, or
 * NULL with a RC_DAV_XML_ERROR. Never reads a DTD, an entity or the network. */
RcDavMultistatus *rc_dav_multistatus_parse (const char *data,
                                            gsize       len,
                                            GError    **error);

/* The DAV: or CalDAV precondition element named in an error body
 * (e.g. "valid-sync-token"), or NULL. */
char             *rc_dav_error_condition   (const char *data,
                                            gsize       len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcDavMultistatus, rc_dav_multistatus_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcDavResponse, rc_dav_response_free)

G_END_DECLS
