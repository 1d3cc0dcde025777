/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-caldav.c - the CalDAV client against a real Radicale, a proxy
 * without sync tokens, a bad server, and the multistatus parser alone. */

#include "rc-caldav.h"

#include <string.h>

#include "caldav-fixture.h"

static RcTestServer *server;

static RcCaldav *
client_for (int         port,
            const char *path,
            const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = rc_test_server_url (port, path);
  RcCaldav *client = rc_caldav_new (url, RC_TEST_USER, password, &error);

  g_assert_no_error (error);
  return client;
}

static RcCaldav *
radicale (void)
{
  return client_for (server->radicale, "", RC_TEST_PASSWORD);
}

static char *
event (const char *uid,
       const char *summary)
{
  return g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                          "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20261201T080000Z\r\n"
                          "DTSTART:20261202T070000Z\r\nDURATION:PT1H\r\nSUMMARY:%s\r\n"
                          "END:VEVENT\r\nEND:VCALENDAR\r\n", uid, summary);
}

/* A new calendar NAME in the runner's home, as an absolute URL. */
static char *
make_calendar (RcCaldav   *client,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s/", RC_TEST_USER, name);
  char *url = rc_test_server_url (server->radicale, path);

  g_assert_true (rc_caldav_mkcalendar (client, url, name, NULL, &error));
  g_assert_no_error (error);
  return url;
}

static char *
put_new (RcCaldav   *client,
         const char *calendar,
         const char *uid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *href = g_strdup_printf ("%s%s.ics", calendar, uid);
  g_autofree char *ical = event (uid, "Easy run");
  char *etag = NULL;

  g_assert_true (rc_caldav_put (client, href, ical, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag);
  return etag;
}

static void
test_discover (void)
{
  g_autoptr(RcCaldav) client = radicale ();
  g_autoptr(RcCaldav) from_principal = client_for (server->radicale, RC_TEST_USER "/", RC_TEST_PASSWORD);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = rc_test_server_url (server->radicale, RC_TEST_USER "/");
  g_autofree char *home = rc_caldav_discover_home (client, NULL, &error);
  g_autofree char *home2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (home, ==, expected);
  home2 = rc_caldav_discover_home (from_principal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (home2, ==, expected);
}

static void
test_calendars (void)
{
  g_autoptr(RcCaldav) client = radicale ();
  g_autoptr(RcCaldav) nosync = client_for (server->nosync, "", RC_TEST_PASSWORD);
  g_autoptr(RcCaldav) in_calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = make_calendar (client, "listed");
  g_autofree char *home = rc_caldav_discover_home (client, NULL, &error);
  g_autofree char *nosync_home = rc_test_server_url (server->nosync, RC_TEST_USER "/");
  g_autofree char *home_from_calendar = NULL;
  g_autoptr(GPtrArray) calendars = rc_caldav_list_calendars (client, home, NULL, &error);
  g_autoptr(GPtrArray) plain = NULL;
  RcDavResponse *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < calendars->len; i++)
    if (g_strcmp0 (((RcDavResponse *) calendars->pdata[i])->href, url) == 0)
      found = calendars->pdata[i];
  g_assert_nonnull (found);
  g_assert_cmpstr (found->displayname, ==, "listed");
  g_assert_true (found->supports_sync);
  g_assert_nonnull (found->sync_token);

  /* the same calendar through the proxy: no sync tokens */
  plain = rc_caldav_list_calendars (nosync, nosync_home, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plain->len, ==, calendars->len);
  for (guint i = 0; i < plain->len; i++)
    {
      g_assert_false (((RcDavResponse *) plain->pdata[i])->supports_sync);
      g_assert_null (((RcDavResponse *) plain->pdata[i])->sync_token);
    }

  /* an account URL that is the calendar itself finds its home */
  in_calendar = client_for (server->radicale, RC_TEST_USER "/listed/", RC_TEST_PASSWORD);
  home_from_calendar = rc_caldav_discover_home (in_calendar, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (home_from_calendar, ==, home);

  /* MKCALENDAR where one exists fails, with an error */
  g_assert_false (rc_caldav_mkcalendar (client, url, "again", NULL, &error));
  g_assert_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_SERVER);
}

static void
test_conditional (void)
{
  g_autoptr(RcCaldav) client = radicale ();
  g_autoptr(GError) error = NULL;
  g_autofree char *cal = make_calendar (client, "conditional");
  g_autofree char *href = g_strconcat (cal, "a.ics", NULL);
  g_autofree char *etag = put_new (client, cal, "a");
  g_autofree char *ical = event ("a", "Tempo");
  g_autofree char *got_etag = NULL;
  g_autofree char *new_etag = NULL;
  g_autofree char *got = NULL;

  /* creating it again: someone was first */
  g_assert_false (rc_caldav_put (client, href, ical, NULL, NULL, NULL, &error));
  g_assert_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_PRECONDITION);
  g_clear_error (&error);

  got = rc_caldav_get (client, href, &got_etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got_etag, ==, etag);
  g_assert_nonnull (strstr (got, "SUMMARY:Easy run"));

  g_assert_true (rc_caldav_put (client, href, ical, etag, &new_etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (new_etag, !=, etag);

  /* the old version is gone: neither replaced nor deleted */
  g_assert_false (rc_caldav_put (client, href, ical, etag, NULL, NULL, &error));
  g_assert_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_PRECONDITION);
  g_clear_error (&error);
  g_assert_false (rc_caldav_delete (client, href, etag, NULL, &error));
  g_assert_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_PRECONDITION);
  g_clear_error (&error);

  g_assert_true (rc_caldav_delete (client, href, new_etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (rc_caldav_get (client, href, NULL, NULL, &error));
  g_assert_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NOT_FOUND);
}

static gboolean
has_href (GPtrArray  *responses,
          const char *href,
          guint       status)
{
  for (guint i = 0; i < responses->len; i++)
    {
      RcDavResponse *r = responses->pdata[i];

      if (g_strcmp0 (r->href, href) == 0)
        return status == 404 ? r->status == 404 : (r->status != 404 && r->etag != NULL);
    }
  return FALSE;
}

static void
test_sync_collection (void)
{
  g_autoptr(RcCaldav) client = radicale ();
  g_autoptr(RcCaldav) nosync = client_for (server->nosync, "", RC_TEST_PASSWORD);
  g_autoptr(GError) error = NULL;
  g_autofree char *cal = make_calendar (client, "incremental");
  g_autofree char *etag_a = put_new (client, cal, "a");
  g_autofree char *etag_b = put_new (client, cal, "b");
  g_autofree char *etag_c = NULL;
  g_autofree char *href_a = g_strconcat (cal, "a.ics", NULL);
  g_autofree char *href_b = g_strconcat (cal, "b.ics", NULL);
  g_autofree char *href_c = g_strconcat (cal, "c.ics", NULL);
  g_autofree char *ical = event ("a", "Long run");
  g_autofree char *nosync_cal = NULL;
  g_autoptr(RcDavMultistatus) first = rc_caldav_sync_collection (client, cal, NULL, NULL, &error);
  g_autoptr(RcDavMultistatus) none = NULL;
  g_autoptr(RcDavMultistatus) changes = NULL;
  g_autoptr(GPtrArray) etags = NULL;
  guint before;

  g_assert_no_error (error);
  g_assert_cmpuint (first->responses->len, ==, 2);
  g_assert_true (has_href (first->responses, href_a, 200));
  g_assert_true (has_href (first->responses, href_b, 200));
  g_assert_nonnull (first->sync_token);

  /* nothing changed: one request, nothing listed */
  before = rc_caldav_get_requests (client);
  none = rc_caldav_sync_collection (client, cal, first->sync_token, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rc_caldav_get_requests (client) - before, ==, 1);
  g_assert_cmpuint (none->responses->len, ==, 0);

  g_assert_true (rc_caldav_put (client, href_a, ical, etag_a, NULL, NULL, &error));
  g_assert_true (rc_caldav_delete (client, href_b, etag_b, NULL, &error));
  etag_c = put_new (client, cal, "c");
  changes = rc_caldav_sync_collection (client, cal, first->sync_token, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->responses->len, ==, 3);
  g_assert_true (has_href (changes->responses, href_a, 200));
  g_assert_true (has_href (changes->responses, href_b, 404));
  g_assert_true (has_href (changes->responses, href_c, 200));

  g_assert_null (rc_caldav_sync_collection (client, cal, "http://radicale.org/ns/sync/0000", NULL, &error));
  g_assert_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_INVALID_TOKEN);
  g_clear_error (&error);

  /* without sync tokens: refused, and the ETag listing says the same */
  nosync_cal = rc_test_server_url (server->nosync, RC_TEST_USER "/incremental/");
  g_assert_null (rc_caldav_sync_collection (nosync, nosync_cal, NULL, NULL, &error));
  g_assert_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NO_SYNC);
  g_clear_error (&error);
  etags = rc_caldav_list_etags (nosync, nosync_cal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (etags->len, ==, 2);
  for (guint i = 0; i < etags->len; i++)
    {
      RcDavResponse *r = etags->pdata[i];

      g_assert_true (g_str_has_suffix (r->href, "/a.ics") || g_str_has_suffix (r->href, "/c.ics"));
      g_assert_cmpstr (r->etag, ==, g_str_has_suffix (r->href, "/c.ics") ? etag_c : r->etag);
    }
}

static void
test_multiget (void)
{
  g_autoptr(RcCaldav) client = radicale ();
  g_autoptr(GError) error = NULL;
  g_autofree char *cal = make_calendar (client, "many");
  g_autoptr(GPtrArray) hrefs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) got = NULL;
  guint n = RC_CALDAV_MULTIGET_BATCH + 30, before;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uid = g_strdup_printf ("m%03u", i);

      g_free (put_new (client, cal, uid));
      g_ptr_array_add (hrefs, g_strdup_printf ("%s%s.ics", cal, uid));
    }
  /* one that is gone by now */
  g_ptr_array_add (hrefs, g_strdup_printf ("%sgone.ics", cal));
  before = rc_caldav_get_requests (client);
  got = rc_caldav_multiget (client, cal, (const char * const *) hrefs->pdata, hrefs->len, NULL, &error);
  g_assert_no_error (error);
  /* 131 resources: two batches */
  g_assert_cmpuint (rc_caldav_get_requests (client) - before, ==, 2);
  g_assert_cmpuint (got->len, ==, n + 1);
  for (guint i = 0; i < got->len; i++)
    {
      RcDavResponse *r = got->pdata[i];

      if (g_str_has_suffix (r->href, "/gone.ics"))
        g_assert_cmpuint (r->status, ==, 404);
      else
        {
          g_autofree char *uid = g_path_get_basename (r->href);

          *strrchr (uid, '.') = '\0';
          g_assert_nonnull (r->etag);
          g_assert_nonnull (r->calendar_data);
          g_assert_nonnull (strstr (r->calendar_data, uid));
        }
    }
}

static void
test_wrong_password (void)
{
  g_autoptr(RcCaldav) client = client_for (server->radicale, "", "wrong");
  g_autoptr(GError) error = NULL;
  g_autofree char *home = rc_caldav_discover_home (client, NULL, &error);

  g_assert_null (home);
  g_assert_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_null (strstr (error->message, "wrong"));
  g_assert_null (strchr (error->message, '\n'));
}

static void
expect_fault (const char *path,
              int         code)
{
  g_autoptr(RcCaldav) client = client_for (server->fault, "", RC_TEST_PASSWORD);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = rc_test_server_url (server->fault, path);
  g_autoptr(GPtrArray) got = rc_caldav_list_etags (client, url, NULL, &error);

  g_assert_null (got);
  g_assert_error (error, RC_CALDAV_ERROR, code);
  g_assert_null (strchr (error->message, '\n'));
  g_test_message ("%s: %s", path, error->message);
}

static void
test_bad_servers (void)
{
  expect_fault ("fault/500", RC_CALDAV_ERROR_SERVER);
  expect_fault ("fault/close", RC_CALDAV_ERROR_NETWORK);
  expect_fault ("fault/malformed", RC_CALDAV_ERROR_MALFORMED);
  expect_fault ("fault/big", RC_CALDAV_ERROR_TOO_LARGE);
  expect_fault ("fault/deep", RC_CALDAV_ERROR_MALFORMED);
}

static void
test_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcCaldav) client = NULL;
  g_autofree char *home = NULL;
  int port;
  {
    /* a port nobody listens on: bound and closed again */
    g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
    g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);
    g_autoptr(GSocketAddress) bound = NULL;

    g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
    bound = g_socket_get_local_address (socket, NULL);
    port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  }
  client = client_for (port, "", RC_TEST_PASSWORD);
  home = rc_caldav_discover_home (client, NULL, &error);
  g_assert_null (home);
  g_assert_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_NETWORK);
}

/* The displayname the echo server gives: whether it saw credentials. */
static char *
seen_after (const char *redirect)
{
  g_autoptr(RcCaldav) client = client_for (server->fault, "", RC_TEST_PASSWORD);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = rc_test_server_url (server->fault, redirect);
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(GPtrArray) got = rc_caldav_list_etags (client, url, NULL, &error);

  (void) calendars;
  g_assert_no_error (error);
  g_assert_cmpuint (got->len, ==, 1);
  return g_strdup (((RcDavResponse *) got->pdata[0])->displayname);
}

static void
test_redirects (void)
{
  g_autofree char *same = seen_after ("fault/redirect-same");
  g_autofree char *other = seen_after ("fault/redirect-other");

  /* 127.0.0.1 → 127.0.0.1: still the account's server */
  g_assert_cmpstr (same, ==, "auth");
  /* 127.0.0.1 → localhost: another host name, no password */
  g_assert_cmpstr (other, ==, "none");
}

static void
test_insecure (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (rc_caldav_new ("http://calendar.example.com/dav/", "u", "p", &error));
  g_assert_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_INSECURE);
  g_clear_error (&error);
  g_assert_null (rc_caldav_new ("ftp://127.0.0.1/", "u", "p", &error));
  g_assert_error (error, RC_CALDAV_ERROR, RC_CALDAV_ERROR_BAD_URL);
  g_clear_error (&error);
  /* loopback in any spelling is fine */
  g_clear_object (&(RcCaldav *) { rc_caldav_new ("http://[::1]:8/", "u", "p", &error) });
  g_assert_no_error (error);
  g_clear_object (&(RcCaldav *) { rc_caldav_new ("http://localhost:8/", "u", "p", &error) });
  g_assert_no_error (error);
}

static gpointer
discover_job (RcCaldav      *client,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return rc_caldav_discover_home (client, cancellable, error);
}

static void
discovered (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  char **home = user_data;
  g_autoptr(GError) error = NULL;

  *home = rc_caldav_run_finish (RC_CALDAV (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr(RcCaldav) client = radicale ();
  g_autofree char *home = NULL;
  g_autofree char *expected = rc_test_server_url (server->radicale, RC_TEST_USER "/");

  rc_caldav_run_async (client, discover_job, NULL, g_free, NULL, discovered, &home);
  while (home == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (home, ==, expected);
}

/* The parser alone: namespaces by URI, not by prefix. */
static void
test_parse_namespaces (void)
{
  static const char body[] =
    "<?xml version=\"1.0\"?>"
    "<x:multistatus xmlns:x=\"DAV:\" xmlns:cal=\"urn:ietf:params:xml:ns:caldav\" xmlns:D=\"urn:other\">"
    "<x:response><x:href>/c/a.ics</x:href><x:propstat><x:prop><x:getetag>\"1\"</x:getetag>"
    "<cal:calendar-data><![CDATA[BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n]]></cal:calendar-data>"
    "<D:displayname>not DAV</D:displayname>"
    "</x:prop><x:status>HTTP/1.1 200 OK</x:status></x:propstat>"
    "<x:propstat><x:prop><x:displayname/></x:prop><x:status>HTTP/1.1 404 Not Found</x:status></x:propstat>"
    "</x:response>"
    "<response xmlns=\"DAV:\"><href>/c/b.ics</href><status>HTTP/1.1 404 Not Found</status></response>"
    "<x:sync-token>tok-2</x:sync-token></x:multistatus>";
  g_autoptr(GError) error = NULL;
  g_autoptr(RcDavMultistatus) ms = rc_dav_multistatus_parse (body, strlen (body), &error);
  RcDavResponse *a, *b;

  g_assert_no_error (error);
  g_assert_cmpuint (ms->responses->len, ==, 2);
  a = ms->responses->pdata[0];
  b = ms->responses->pdata[1];
  g_assert_cmpstr (a->href, ==, "/c/a.ics");
  g_assert_cmpstr (a->etag, ==, "\"1\"");
  g_assert_cmpuint (a->status, ==, 200);
  /* XML itself turns CRLF into LF; libical reads either */
  g_assert_cmpstr (a->calendar_data, ==, "BEGIN:VCALENDAR\nEND:VCALENDAR\n");
  g_assert_null (a->displayname);
  g_assert_cmpuint (b->status, ==, 404);
  g_assert_cmpstr (ms->sync_token, ==, "tok-2");
}

static void
expect_parse_error (const char *body,
                    gsize       len,
                    int         code)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (rc_dav_multistatus_parse (body, len, &error));
  g_assert_error (error, RC_DAV_XML_ERROR, code);
}

static void
test_parse_bad (void)
{
  static const char not_dav[] = "<multistatus xmlns=\"urn:not-dav\"/>";
  static const char entities[] =
    "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
    "<multistatus xmlns=\"DAV:\"><response><href>&b;</href></response></multistatus>";
  g_autoptr(GString) deep = g_string_new ("<multistatus xmlns=\"DAV:\">");
  g_autofree char *huge = g_malloc0 (RC_DAV_MAX_RESPONSE + 1);

  expect_parse_error ("", 0, RC_DAV_XML_ERROR_MALFORMED);
  expect_parse_error ("<multistatus", 12, RC_DAV_XML_ERROR_MALFORMED);
  expect_parse_error (not_dav, strlen (not_dav), RC_DAV_XML_ERROR_MALFORMED);
  expect_parse_error (entities, strlen (entities), RC_DAV_XML_ERROR_MALFORMED);
  for (int i = 0; i < RC_DAV_MAX_DEPTH + 1; i++)
    g_string_append (deep, "<response>");
  for (int i = 0; i < RC_DAV_MAX_DEPTH + 1; i++)
    g_string_append (deep, "</response>");
  g_string_append (deep, "</multistatus>");
  expect_parse_error (deep->str, deep->len, RC_DAV_XML_ERROR_TOO_DEEP);
  expect_parse_error (huge, RC_DAV_MAX_RESPONSE + 1, RC_DAV_XML_ERROR_TOO_LARGE);
  /* a buffer without a NUL after it */
  expect_parse_error ("<multistatus xmlns=\"DAV:\">", 10, RC_DAV_XML_ERROR_MALFORMED);
}

/* Bytes that do not match the declared encoding: refused with our message
 * alone. libxml2's decoders wrote theirs to stderr past XML_PARSE_NOERROR
 * (found by fuzz-dav); in a subprocess, to see its stderr. */
static void
test_parse_quiet (void)
{
  static const char body[] = "<?xml version=\"1.0\" encoding=\"EUC-JP\"?>"
                             "<multistatus xmlns=\"DAV:\"><response><href>\xff\xff\xff\xff</href>"
                             "</response></multistatus>";

  if (g_test_subprocess ())
    {
      expect_parse_error (body, strlen (body), RC_DAV_XML_ERROR_MALFORMED);
      g_assert_null (rc_dav_error_condition (body, strlen (body)));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dav-xml/namespaces", test_parse_namespaces);
  g_test_add_func ("/dav-xml/bad", test_parse_bad);
  g_test_add_func ("/dav-xml/quiet", test_parse_quiet);
  g_test_add_func ("/caldav/insecure", test_insecure);
  g_test_add_func ("/caldav/discover", test_discover);
  g_test_add_func ("/caldav/calendars", test_calendars);
  g_test_add_func ("/caldav/conditional", test_conditional);
  g_test_add_func ("/caldav/sync-collection", test_sync_collection);
  g_test_add_func ("/caldav/multiget", test_multiget);
  g_test_add_func ("/caldav/wrong-password", test_wrong_password);
  g_test_add_func ("/caldav/bad-servers", test_bad_servers);
  g_test_add_func ("/caldav/unreachable", test_unreachable);
  g_test_add_func ("/caldav/redirects", test_redirects);
  g_test_add_func ("/caldav/async", test_async);
  server = rc_test_server_start ();
  status = g_test_run ();
  rc_test_server_stop (server);
  return status;
}
