/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-caldav.c - CalDAV requests, redirects and errors on libsoup 3.
 *
 * Redirects are followed here, not by libsoup, so that the password goes
 * only to the origin of the account URL; it is never logged (no
 * SoupLogger) and never appears in an error message. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "rc-caldav.h"

#define MAX_REDIRECTS 5
#define TIMEOUT_SECONDS 60
#define XML_HEAD "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
#define NS_ATTRS "xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\""
#define XML_TYPE "application/xml; charset=utf-8"

struct _RcCaldav {
  GObject      parent_instance;
  SoupSession *session;
  GUri        *base;
  char        *base_url;
  char        *authorization;  /* "Basic …", or NULL */
  guint        requests;
};

G_DEFINE_TYPE (RcCaldav, rc_caldav, G_TYPE_OBJECT)
G_DEFINE_QUARK (rc-caldav-error-quark, rc_caldav_error)

typedef struct {
  guint   status;
  GBytes *body;
  char   *etag;
  char   *url;      /* after redirects */
} Reply;

static void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->etag, g_free);
  g_clear_pointer (&reply->url, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reply, reply_clear)

static void
wipe (char *secret)
{
  if (secret != NULL)
    {
      /* volatile: the compiler must not drop the stores before free */
      volatile char *p = secret;

      while (*p != '\0')
        *p++ = '\0';
      g_free (secret);
    }
}

static void
rc_caldav_finalize (GObject *object)
{
  RcCaldav *self = RC_CALDAV (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->base, g_uri_unref);
  g_free (self->base_url);
  wipe (self->authorization);
  G_OBJECT_CLASS (rc_caldav_parent_class)->finalize (object);
}

static void
rc_caldav_class_init (RcCaldavClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rc_caldav_finalize;
}

static void
rc_caldav_init (RcCaldav *self)
{
  /* No SoupAuthManager: we send Basic credentials ourselves, to one origin. */
  self->session = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS,
                                                 "idle-timeout", TIMEOUT_SECONDS,
                                                 "user-agent", "RecoveryCal/" VERSION " ",
                                                 NULL);
  soup_session_remove_feature_by_type (self->session, SOUP_TYPE_AUTH_MANAGER);
}

static int
port_of (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         port_of (a) == port_of (b);
}

static gboolean
is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  bare = g_strdup (host[0] == '[' ? host + 1 : host);
  if (g_str_has_suffix (bare, "]"))
    bare[strlen (bare) - 1] = '\0';
  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* An http(s) URL we may talk to; plain HTTP only to this machine. */
static GUri *
parse_url (const char  *url,
           GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (scheme == NULL || host == NULL || host[0] == '\0' ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_BAD_URL,
                   _("“%s” is not an http or https address."), url);
      return NULL;
    }
  if (g_ascii_strcasecmp (scheme, "http") == 0 && !is_loopback (host))
    {
      g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_INSECURE,
                   _("Plain HTTP to %s would send the password unencrypted: use an https address."),
                   host);
      return NULL;
    }
  return g_steal_pointer (&uri);
}

RcCaldav *
rc_caldav_new (const char  *url,
               const char  *user,
               const char  *password,
               GError     **error)
{
  g_return_val_if_fail (url != NULL, NULL);

  g_autoptr(RcCaldav) self = NULL;
  GUri *base = parse_url (url, error);

  if (base == NULL)
    return NULL;
  self = g_object_new (RC_TYPE_CALDAV, NULL);
  self->base = base;
  self->base_url = g_uri_to_string (base);
  if (user != NULL)
    {
      g_autofree char *pair = g_strconcat (user, ":", password != NULL ? password : "", NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

      self->authorization = g_strconcat ("Basic ", encoded, NULL);
      memset (pair, 0, strlen (pair));
      memset (encoded, 0, strlen (encoded));
    }
  return g_steal_pointer (&self);
}

guint
rc_caldav_get_requests (RcCaldav *self)
{
  g_return_val_if_fail (RC_IS_CALDAV (self), 0);
  return self->requests;
}

const char *
rc_caldav_get_base_url (RcCaldav *self)
{
  g_return_val_if_fail (RC_IS_CALDAV (self), NULL);
  return self->base_url;
}

char *
rc_caldav_resolve (RcCaldav   *self,
                   const char *href)
{
  g_return_val_if_fail (RC_IS_CALDAV (self), NULL);
  return g_uri_resolve_relative (self->base_url, href, G_URI_FLAGS_ENCODED, NULL);
}

static void
network_error (GError     **error,
               GError      *cause,
               GUri        *uri)
{
  const char *host = g_uri_get_host (uri);

  if (cause->domain == G_TLS_ERROR)
    /* libsoup refuses a certificate it cannot verify unless told to accept it; we never do */
    g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_TLS,
                 /* Translators: the second %s is the TLS library's reason */
                 _("The certificate of %s could not be verified (%s): the connection was refused, since someone could be listening in."),
                 host, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else
    g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NETWORK,
                 /* Translators: "Could not talk to dav.example.com: Connection refused" */
                 _("Could not talk to %s: %s"), host, cause->message);
}

/* The body of STREAM, at most RC_DAV_MAX_RESPONSE bytes. */
static GBytes *
read_body (GInputStream  *stream,
           GUri          *uri,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint8 buf[16384];

  for (;;)
    {
      g_autoptr(GError) local = NULL;
      gssize n = g_input_stream_read (stream, buf, sizeof buf, cancellable, &local);

      if (n < 0)
        {
          network_error (error, local, uri);
          return NULL;
        }
      if (n == 0)
        break;
      if (body->len + (gsize) n > RC_DAV_MAX_RESPONSE)
        {
          g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_TOO_LARGE,
                       _("The answer of %s is larger than %d MB: refused."),
                       g_uri_get_host (uri), RC_DAV_MAX_RESPONSE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (body, buf, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

typedef struct {
  const char *method;
  const char *depth;
  const char *content_type;
  const char *body;
  const char *if_match;
  gboolean    if_none_match;
} Request;

static SoupMessage *
build_message (RcCaldav      *self,
               const Request *req,
               GUri          *uri)
{
  SoupMessage *msg = soup_message_new_from_uri (req->method, uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (req->depth != NULL)
    soup_message_headers_replace (headers, "Depth", req->depth);
  if (req->if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", req->if_match);
  if (req->if_none_match)
    soup_message_headers_replace (headers, "If-None-Match", "*");
  /* the credentials go to the account's origin only, never across a redirect */
  if (self->authorization != NULL && same_origin (uri, self->base))
    soup_message_headers_replace (headers, "Authorization", self->authorization);
  if (req->body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (req->body, strlen (req->body));

      soup_message_set_request_body_from_bytes (msg, req->content_type, bytes);
    }
  return msg;
}

static gboolean
is_redirect (guint status)
{
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

/* REQ sent to URL, redirects followed; any status is a success here. */
static gboolean
send_request (RcCaldav       *self,
              const Request  *req,
              const char     *url,
              Reply          *reply,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(GUri) uri = parse_url (url, error);

  for (int hop = 0; uri != NULL; hop++)
    {
      g_autoptr(SoupMessage) msg = build_message (self, req, uri);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local = NULL;
      const char *location;

      self->requests++;
      stream = soup_session_send (self->session, msg, cancellable, &local);
      if (stream == NULL)
        {
          network_error (error, local, uri);
          return FALSE;
        }
      reply->status = soup_message_get_status (msg);
      location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
      if (is_redirect (reply->status) && location != NULL)
        {
          g_autoptr(GUri) next = g_uri_parse_relative (uri, location, G_URI_FLAGS_ENCODED, NULL);
          g_autofree char *next_url = next != NULL ? g_uri_to_string (next) : NULL;

          g_input_stream_close (stream, NULL, NULL);
          if (hop >= MAX_REDIRECTS || next_url == NULL)
            {
              g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_REDIRECT,
                           _("%s redirects too often or to an invalid address."), g_uri_get_host (uri));
              return FALSE;
            }
          g_uri_unref (uri);
          uri = parse_url (next_url, error);
          continue;
        }
      reply->body = read_body (stream, uri, cancellable, error);
      if (reply->body == NULL)
        return FALSE;
      reply->etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag"));
      reply->url = g_uri_to_string (uri);
      return TRUE;
    }
  return FALSE;
}

/* A translated one-line error for an unexpected STATUS from URL. */
static void
status_error (GError     **error,
              const Reply *reply,
              const char  *method)
{
  g_autoptr(GUri) uri = g_uri_parse (reply->url, G_URI_FLAGS_ENCODED, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : reply->url;
  const char *path = uri != NULL ? g_uri_get_path (uri) : "";
  guint status = reply->status;

  if (status == 401)
    g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_AUTH,
                 _("%s refused the user name or password (HTTP 401)."), host);
  else if (status == 403)
    g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_FORBIDDEN,
                 /* Translators: "dav.example.com does not allow PUT on /runner/training/ (HTTP 403)." */
                 _("%s does not allow %s on %s (HTTP 403)."), host, method, path);
  else if (status == 404 || status == 410)
    g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NOT_FOUND,
                 /* Translators: "dav.example.com has nothing at /runner/x/ (HTTP 404)." */
                 _("%s has nothing at %s (HTTP %u)."), host, path, status);
  else if (status == 412)
    g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_PRECONDITION,
                 /* Translators: "/runner/training/a.ics was changed on dav.example.com by someone else (HTTP 412)." */
                 _("%s was changed on %s by someone else (HTTP 412)."), path, host);
  else
    g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_SERVER,
                 /* Translators: "dav.example.com answered PUT on /runner/training/a.ics with HTTP 500." */
                 _("%s answered %s on %s with HTTP %u."), host, method, path, status);
}

/* REQ, with its status expected to be OK_STATUS (or any 2xx for 0). */
static gboolean
call (RcCaldav       *self,
      const Request  *req,
      const char     *url,
      guint           ok_status,
      Reply          *reply,
      GCancellable   *cancellable,
      GError        **error)
{
  if (!send_request (self, req, url, reply, cancellable, error))
    return FALSE;
  if (ok_status != 0 ? reply->status == ok_status : (reply->status >= 200 && reply->status < 300))
    return TRUE;
  status_error (error, reply, req->method);
  return FALSE;
}

/* call() on HREF, resolved against the account URL. */
static gboolean
call_href (RcCaldav       *self,
           const Request  *req,
           const char     *href,
           guint           ok_status,
           Reply          *reply,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autofree char *url = rc_caldav_resolve (self, href);

  return call (self, req, url, ok_status, reply, cancellable, error);
}

/* *HREF made an absolute URL against BASE (kept as it is when it cannot be). */
static void
make_absolute (const char  *base,
               char       **href)
{
  char *absolute;

  if (*href == NULL || (absolute = g_uri_resolve_relative (base, *href, G_URI_FLAGS_ENCODED, NULL)) == NULL)
    return;
  g_free (*href);
  *href = absolute;
}

/* A 207 answer read as a multistatus, its hrefs made absolute URLs. */
static RcDavMultistatus *
multistatus (RcCaldav     *self,
             const Reply  *reply,
             GError      **error)
{
  g_autoptr(GError) local = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (reply->body, &len);
  RcDavMultistatus *ms = rc_dav_multistatus_parse (data, len, &local);

  if (ms == NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (reply->url, G_URI_FLAGS_ENCODED, NULL);

      g_set_error (error, RC_CALDAV_ERROR,
                   local->code == RC_DAV_XML_ERROR_TOO_LARGE ? RC_CALDAV_ERROR_TOO_LARGE : RC_CALDAV_ERROR_MALFORMED,
                   /* Translators: the second %s is a sentence: what was wrong with the answer */
                   _("%s gave an answer RecoveryCal cannot read: %s"),
                   uri != NULL ? g_uri_get_host (uri) : reply->url, local->message);
      return NULL;
    }
  for (guint i = 0; i < ms->responses->len; i++)
    {
      RcDavResponse *r = ms->responses->pdata[i];

      make_absolute (reply->url, &r->href);
      make_absolute (reply->url, &r->current_user_principal);
      make_absolute (reply->url, &r->calendar_home_set);
    }
  return ms;
}

static RcDavMultistatus *
propfind (RcCaldav      *self,
          const char    *url,
          const char    *depth,
          const char    *props,
          GCancellable  *cancellable,
          GError       **error)
{
  g_auto(Reply) reply = { 0 };
  g_autofree char *body = g_strconcat (XML_HEAD "<D:propfind " NS_ATTRS
                                       " xmlns:CS=\"http://calendarserver.org/ns/\"><D:prop>",
                                       props, "</D:prop></D:propfind>", NULL);
  Request req = { "PROPFIND", depth, XML_TYPE, body, NULL, FALSE };

  if (!call (self, &req, url, 207, &reply, cancellable, error))
    return NULL;
  return multistatus (self, &reply, error);
}

/* Trailing slashes aside, do A and B name the same collection? */
static gboolean
same_collection (const char *a,
                 const char *b)
{
  gsize la = strlen (a), lb = strlen (b);

  while (la > 0 && a[la - 1] == '/')
    la--;
  while (lb > 0 && b[lb - 1] == '/')
    lb--;
  return la == lb && strncmp (a, b, la) == 0;
}

#define DISCOVERY_PROPS "<D:resourcetype/><D:current-user-principal/><C:calendar-home-set/>"

/* The first response of a depth-0 PROPFIND of URL, or NULL. */
static RcDavResponse *
probe (RcCaldav      *self,
       const char    *url,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(RcDavMultistatus) ms = propfind (self, url, "0", DISCOVERY_PROPS, cancellable, error);

  if (ms == NULL)
    return NULL;
  if (ms->responses->len == 0)
    {
      g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_MALFORMED,
                   _("%s answered a WebDAV question with an empty list."), g_uri_get_host (self->base));
      return NULL;
    }
  return g_ptr_array_steal_index (ms->responses, 0);
}

static char *
home_of_principal (RcCaldav      *self,
                   const char    *principal,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(RcDavResponse) r = probe (self, principal, cancellable, error);

  if (r == NULL)
    return NULL;
  if (r->calendar_home_set == NULL)
    {
      g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NOT_FOUND,
                   _("%s names no calendar home for this user: is it a CalDAV server?"),
                   g_uri_get_host (self->base));
      return NULL;
    }
  return g_strdup (r->calendar_home_set);
}

char *
rc_caldav_discover_home (RcCaldav      *self,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(RcDavResponse) r = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *well_known = NULL;

  g_return_val_if_fail (RC_IS_CALDAV (self), NULL);
  r = probe (self, self->base_url, cancellable, &local);
  if (r != NULL && r->is_calendar)
    return g_uri_resolve_relative (r->href, g_str_has_suffix (r->href, "/") ? ".." : ".",
                                   G_URI_FLAGS_ENCODED, error);
  if (r != NULL && r->calendar_home_set != NULL)
    return g_strdup (r->calendar_home_set);
  if (r != NULL && r->current_user_principal != NULL)
    return home_of_principal (self, r->current_user_principal, cancellable, error);
  /* a wrong password or no server at all: nothing else will do better */
  if (local != NULL && (local->code == RC_CALDAV_ERROR_AUTH || local->code == RC_CALDAV_ERROR_NETWORK ||
                        local->code == RC_CALDAV_ERROR_TLS || local->domain != RC_CALDAV_ERROR))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  /* RFC 6764: a server root that is not itself DAV names its context path here */
  well_known = g_uri_resolve_relative (self->base_url, "/.well-known/caldav", G_URI_FLAGS_ENCODED, NULL);
  g_clear_pointer (&r, rc_dav_response_free);
  g_clear_error (&local);
  r = probe (self, well_known, cancellable, error);
  if (r == NULL)
    return NULL;
  if (r->calendar_home_set != NULL)
    return g_strdup (r->calendar_home_set);
  if (r->current_user_principal != NULL)
    return home_of_principal (self, r->current_user_principal, cancellable, error);
  g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NOT_FOUND,
               _("%s names no CalDAV user principal: is it a CalDAV server?"), g_uri_get_host (self->base));
  return NULL;
}

GPtrArray *
rc_caldav_list_calendars (RcCaldav      *self,
                          const char    *home,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(RcDavMultistatus) ms = NULL;
  GPtrArray *calendars;

  g_return_val_if_fail (RC_IS_CALDAV (self), NULL);
  ms = propfind (self, home, "1",
                 "<D:resourcetype/><D:displayname/><D:supported-report-set/><D:sync-token/>"
                 "<CS:getctag/><C:supported-calendar-component-set/>",
                 cancellable, error);
  if (ms == NULL)
    return NULL;
  calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_dav_response_free);
  for (guint i = 0; i < ms->responses->len; i++)
    {
      RcDavResponse *r = ms->responses->pdata[i];

      if (r->is_calendar && (!r->has_component_set || r->supports_vevent))
        g_ptr_array_add (calendars, g_steal_pointer (&ms->responses->pdata[i]));
    }
  return calendars;
}

gboolean
rc_caldav_mkcalendar (RcCaldav      *self,
                      const char    *href,
                      const char    *displayname,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_auto(Reply) reply = { 0 };
  g_autofree char *name = g_markup_escape_text (displayname, -1);
  g_autofree char *body = g_strconcat (XML_HEAD "<C:mkcalendar " NS_ATTRS "><D:set><D:prop><D:displayname>",
                                       name, "</D:displayname><C:supported-calendar-component-set>"
                                       "<C:comp name=\"VEVENT\"/></C:supported-calendar-component-set>"
                                       "</D:prop></D:set></C:mkcalendar>", NULL);
  Request req = { "MKCALENDAR", NULL, XML_TYPE, body, NULL, FALSE };

  g_return_val_if_fail (RC_IS_CALDAV (self), FALSE);
  return call_href (self, &req, href, 0, &reply, cancellable, error);
}

/* A sync-collection refusal: a stale token, or no such REPORT at all. */
static void
sync_error (GError     **error,
            const Reply *reply)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (reply->body, &len);
  g_autofree char *condition = rc_dav_error_condition (data, len);
  g_autoptr(GUri) uri = g_uri_parse (reply->url, G_URI_FLAGS_ENCODED, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : reply->url;

  if (g_strcmp0 (condition, "valid-sync-token") == 0)
    g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_INVALID_TOKEN,
                 _("%s no longer knows the last sync state."), host);
  else if (reply->status == 400 || reply->status == 403 || reply->status == 405 ||
           reply->status == 415 || reply->status == 501)
    g_set_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NO_SYNC,
                 _("%s offers no incremental sync (HTTP %u)."), host, reply->status);
  else
    status_error (error, reply, "REPORT");
}

static gboolean
is_member (const char          *calendar,
           const RcDavResponse *r)
{
  return !r->is_collection && !same_collection (r->href, calendar);
}

/* Drop the collection itself (and any sub-collection) from MS. */
static void
keep_members (RcDavMultistatus *ms,
              const char       *calendar)
{
  for (guint i = ms->responses->len; i > 0; i--)
    if (!is_member (calendar, ms->responses->pdata[i - 1]))
      g_ptr_array_remove_index (ms->responses, i - 1);
}

RcDavMultistatus *
rc_caldav_sync_collection (RcCaldav      *self,
                           const char    *calendar,
                           const char    *token,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_auto(Reply) reply = { 0 };
  g_autofree char *url = NULL;
  g_autofree char *escaped = g_markup_escape_text (token != NULL ? token : "", -1);
  g_autofree char *body = g_strconcat (XML_HEAD "<D:sync-collection " NS_ATTRS "><D:sync-token>", escaped,
                                       "</D:sync-token><D:sync-level>1</D:sync-level>"
                                       "<D:prop><D:getetag/></D:prop></D:sync-collection>", NULL);
  Request req = { "REPORT", "0", XML_TYPE, body, NULL, FALSE };
  RcDavMultistatus *ms;

  g_return_val_if_fail (RC_IS_CALDAV (self), NULL);
  url = rc_caldav_resolve (self, calendar);
  if (!send_request (self, &req, url, &reply, cancellable, error))
    return NULL;
  if (reply.status != 207)
    {
      sync_error (error, &reply);
      return NULL;
    }
  if ((ms = multistatus (self, &reply, error)) == NULL)
    return NULL;
  keep_members (ms, url);
  return ms;
}

GPtrArray *
rc_caldav_list_etags (RcCaldav      *self,
                      const char    *calendar,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *url = NULL;
  g_autoptr(RcDavMultistatus) ms = NULL;

  g_return_val_if_fail (RC_IS_CALDAV (self), NULL);
  url = rc_caldav_resolve (self, calendar);
  ms = propfind (self, url, "1", "<D:resourcetype/><D:getetag/>", cancellable, error);
  if (ms == NULL)
    return NULL;
  keep_members (ms, url);
  return g_ptr_array_ref (ms->responses);
}

/* The path of an absolute URL, as a DAV:href in a request body. */
static char *
href_path (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);

  return g_markup_escape_text (uri != NULL ? g_uri_get_path (uri) : url, -1);
}

static gboolean
multiget_batch (RcCaldav           *self,
                const char         *url,
                const char * const *hrefs,
                guint               n,
                GPtrArray          *out,
                GCancellable       *cancellable,
                GError            **error)
{
  g_auto(Reply) reply = { 0 };
  g_autoptr(RcDavMultistatus) ms = NULL;
  g_autoptr(GString) body = g_string_new (XML_HEAD "<C:calendar-multiget " NS_ATTRS ">"
                                          "<D:prop><D:getetag/><C:calendar-data/></D:prop>");
  Request req = { "REPORT", "1", XML_TYPE, NULL, NULL, FALSE };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *absolute = rc_caldav_resolve (self, hrefs[i]);
      g_autofree char *path = href_path (absolute != NULL ? absolute : hrefs[i]);

      g_string_append_printf (body, "<D:href>%s</D:href>", path);
    }
  g_string_append (body, "</C:calendar-multiget>");
  req.body = body->str;
  if (!call (self, &req, url, 207, &reply, cancellable, error) ||
      (ms = multistatus (self, &reply, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < ms->responses->len; i++)
    g_ptr_array_add (out, g_steal_pointer (&ms->responses->pdata[i]));
  return TRUE;
}

GPtrArray *
rc_caldav_multiget (RcCaldav            *self,
                    const char          *calendar,
                    const char * const  *hrefs,
                    guint                n_hrefs,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_dav_response_free);
  g_autofree char *url = NULL;

  g_return_val_if_fail (RC_IS_CALDAV (self), NULL);
  url = rc_caldav_resolve (self, calendar);
  for (guint i = 0; i < n_hrefs; i += RC_CALDAV_MULTIGET_BATCH)
    if (!multiget_batch (self, url, hrefs + i, MIN (RC_CALDAV_MULTIGET_BATCH, n_hrefs - i),
                         out, cancellable, error))
      return NULL;
  return g_steal_pointer (&out);
}

char *
rc_caldav_get (RcCaldav      *self,
               const char    *href,
               char         **etag,
               GCancellable  *cancellable,
               GError       **error)
{
  g_auto(Reply) reply = { 0 };
  Request req = { "GET", NULL, NULL, NULL, NULL, FALSE };
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (RC_IS_CALDAV (self), NULL);
  if (!call_href (self, &req, href, 200, &reply, cancellable, error))
    return NULL;
  if (etag != NULL)
    *etag = g_steal_pointer (&reply.etag);
  data = g_bytes_get_data (reply.body, &len);
  return g_strndup (data != NULL ? data : "", len);
}

gboolean
rc_caldav_put (RcCaldav      *self,
               const char    *href,
               const char    *ical,
               const char    *if_match,
               char         **etag,
               GCancellable  *cancellable,
               GError       **error)
{
  g_auto(Reply) reply = { 0 };
  Request req = { "PUT", NULL, "text/calendar; charset=utf-8", ical, if_match, if_match == NULL };

  g_return_val_if_fail (RC_IS_CALDAV (self), FALSE);
  if (!call_href (self, &req, href, 0, &reply, cancellable, error))
    return FALSE;
  if (etag != NULL)
    *etag = g_steal_pointer (&reply.etag);
  return TRUE;
}

gboolean
rc_caldav_delete (RcCaldav      *self,
                  const char    *href,
                  const char    *if_match,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_auto(Reply) reply = { 0 };
  Request req = { "DELETE", NULL, NULL, NULL, if_match, FALSE };

  g_return_val_if_fail (RC_IS_CALDAV (self), FALSE);
  return call_href (self, &req, href, 0, &reply, cancellable, error);
}

typedef struct {
  RcCaldavJob    func;
  gpointer       data;
  GDestroyNotify free_result;
} Job;

static void
run_job (GTask        *task,
         gpointer      source,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gpointer result = job->func (RC_CALDAV (source), job->data, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->free_result);
}

void
rc_caldav_run_async (RcCaldav            *self,
                     RcCaldavJob          func,
                     gpointer             data,
                     GDestroyNotify       free_result,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (RC_IS_CALDAV (self));
  g_return_if_fail (func != NULL);

  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->free_result = free_result;
  g_task_set_task_data (task, job, g_free);
  g_task_set_source_tag (task, rc_caldav_run_async);
  g_task_run_in_thread (task, run_job);
}

gpointer
rc_caldav_run_finish (RcCaldav      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
