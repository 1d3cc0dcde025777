/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rc-dav-xml.c - multistatus bodies (RFC 4918, 4791, 6578) with libxml2. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "rc-dav-xml.h"

#define NS_DAV    "DAV:"
#define NS_CALDAV "urn:ietf:params:xml:ns:caldav"
#define NS_CS     "http://calendarserver.org/ns/"

G_DEFINE_QUARK (rc-dav-xml-error-quark, rc_dav_xml_error)

void
rc_dav_response_free (RcDavResponse *r)
{
  if (r == NULL)
    return;
  g_free (r->href);
  g_free (r->etag);
  g_free (r->calendar_data);
  g_free (r->displayname);
  g_free (r->current_user_principal);
  g_free (r->calendar_home_set);
  g_free (r->sync_token);
  g_free (r->ctag);
  g_free (r);
}

void
rc_dav_multistatus_free (RcDavMultistatus *ms)
{
  if (ms == NULL)
    return;
  g_ptr_array_unref (ms->responses);
  g_free (ms->sync_token);
  g_free (ms);
}

static gboolean
is (xmlNode    *node,
    const char *ns,
    const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         node->ns->href != NULL && strcmp ((const char *) node->ns->href, ns) == 0 &&
         strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
child (xmlNode    *node,
       const char *ns,
       const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is (c, ns, name))
      return c;
  return NULL;
}

/* The text and CDATA directly inside NODE; NULL for a missing node. */
static char *
text_of (xmlNode *node)
{
  GString *text;

  if (node == NULL)
    return NULL;
  text = g_string_new (NULL);
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != NULL)
      g_string_append (text, (const char *) c->content);
  return g_string_free (text, FALSE);
}

static char *
trimmed_text (xmlNode *node)
{
  char *text = text_of (node);

  return text != NULL ? g_strstrip (text) : NULL;
}

/* "HTTP/1.1 404 Not Found" → 404; 0 when unreadable. */
static guint
parse_status (xmlNode *node)
{
  g_autofree char *text = trimmed_text (node);
  const char *space;
  guint64 code;

  if (text == NULL || (space = strchr (text, ' ')) == NULL)
    return 0;
  code = g_ascii_strtoull (space + 1, NULL, 10);
  return code >= 100 && code <= 999 ? (guint) code : 0;
}

static char *
href_in (xmlNode *node)
{
  return node != NULL ? trimmed_text (child (node, NS_DAV, "href")) : NULL;
}

static void
read_resourcetype (RcDavResponse *r,
                   xmlNode       *prop)
{
  r->is_collection = child (prop, NS_DAV, "collection") != NULL;
  r->is_calendar = child (prop, NS_CALDAV, "calendar") != NULL;
}

static void
read_reports (RcDavResponse *r,
              xmlNode       *prop)
{
  for (xmlNode *s = prop->children; s != NULL; s = s->next)
    {
      xmlNode *report = is (s, NS_DAV, "supported-report") ? child (s, NS_DAV, "report") : NULL;

      if (report != NULL && child (report, NS_DAV, "sync-collection") != NULL)
        r->supports_sync = TRUE;
    }
}

static void
read_components (RcDavResponse *r,
                 xmlNode       *prop)
{
  r->has_component_set = TRUE;
  for (xmlNode *c = prop->children; c != NULL; c = c->next)
    if (is (c, NS_CALDAV, "comp"))
      {
        xmlChar *name = xmlGetProp (c, (const xmlChar *) "name");

        if (name != NULL && g_ascii_strcasecmp ((const char *) name, "VEVENT") == 0)
          r->supports_vevent = TRUE;
        xmlFree (name);
      }
}

static void
replace (char **field,
         char  *value)
{
  g_free (*field);
  *field = value;
}

/* One property of a 2xx propstat. */
static void
read_property (RcDavResponse *r,
               xmlNode       *p)
{
  if (is (p, NS_DAV, "getetag"))
    replace (&r->etag, trimmed_text (p));
  else if (is (p, NS_CALDAV, "calendar-data"))
    replace (&r->calendar_data, text_of (p));
  else if (is (p, NS_DAV, "displayname"))
    replace (&r->displayname, trimmed_text (p));
  else if (is (p, NS_DAV, "current-user-principal"))
    replace (&r->current_user_principal, href_in (p));
  else if (is (p, NS_CALDAV, "calendar-home-set"))
    replace (&r->calendar_home_set, href_in (p));
  else if (is (p, NS_DAV, "sync-token"))
    replace (&r->sync_token, trimmed_text (p));
  else if (is (p, NS_CS, "getctag"))
    replace (&r->ctag, trimmed_text (p));
  else if (is (p, NS_DAV, "resourcetype"))
    read_resourcetype (r, p);
  else if (is (p, NS_DAV, "supported-report-set"))
    read_reports (r, p);
  else if (is (p, NS_CALDAV, "supported-calendar-component-set"))
    read_components (r, p);
}

static void
read_propstat (RcDavResponse *r,
               xmlNode       *propstat)
{
  guint status = parse_status (child (propstat, NS_DAV, "status"));
  xmlNode *prop = child (propstat, NS_DAV, "prop");

  /* properties the server could not give (404 propstat) are absent */
  if (prop == NULL || status < 200 || status > 299)
    return;
  if (r->status == 0)
    r->status = status;
  for (xmlNode *p = prop->children; p != NULL; p = p->next)
    if (p->type == XML_ELEMENT_NODE)
      read_property (r, p);
}

static RcDavResponse *
read_response (xmlNode *node)
{
  RcDavResponse *r = g_new0 (RcDavResponse, 1);

  r->href = href_in (node);
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is (c, NS_DAV, "status"))
      r->status = parse_status (c);
    else if (is (c, NS_DAV, "propstat"))
      read_propstat (r, c);
  return r;
}

/* Deeper than MAX below NODE? Walked without recursion. */
static gboolean
too_deep (xmlNode *root,
          int      max)
{
  xmlNode *node = root;
  int depth = 0;

  while (node != NULL)
    {
      if (node->children != NULL)
        {
          node = node->children;
          if (++depth > max)
            return TRUE;
          continue;
        }
      while (node != root && node->next == NULL)
        {
          node = node->parent;
          depth--;
        }
      if (node == root)
        break;
      node = node->next;
    }
  return FALSE;
}

/* libxml2 reports what its decoders reject past XML_PARSE_NOERROR,
 * straight to stderr; the answer is refused with our own message. */
static void quiet (void       *context,
                   const char *format,
                   ...) G_GNUC_PRINTF (2, 3);

static void
quiet (void       *context,
       const char *format,
       ...)
{
}

static xmlDoc *
read_doc (const char  *data,
          gsize        len,
          GError     **error)
{
  xmlGenericErrorFunc saved_generic = xmlGenericError;
  void *saved_context = xmlGenericErrorContext;
  xmlDoc *doc;

  if (len > RC_DAV_MAX_RESPONSE)
    {
      g_set_error (error, RC_DAV_XML_ERROR, RC_DAV_XML_ERROR_TOO_LARGE,
                   _("The server’s answer is larger than %d MB."), RC_DAV_MAX_RESPONSE / (1024 * 1024));
      return NULL;
    }
  /* No network, no entity substitution, no DTD loading; errors silenced
   * (they would go to stderr) and reported as ours. */
  xmlSetGenericErrorFunc (NULL, quiet);
  doc = xmlReadMemory (data, (int) len, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  /* per thread in libxml2: put back for whatever else this thread parses */
  xmlSetGenericErrorFunc (saved_context, saved_generic);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL || doc->intSubset != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error_literal (error, RC_DAV_XML_ERROR, RC_DAV_XML_ERROR_MALFORMED,
                           _("The server’s answer is not well-formed XML."));
      return NULL;
    }
  if (too_deep (xmlDocGetRootElement (doc), RC_DAV_MAX_DEPTH))
    {
      xmlFreeDoc (doc);
      g_set_error (error, RC_DAV_XML_ERROR, RC_DAV_XML_ERROR_TOO_DEEP,
                   _("The server’s answer is nested deeper than %d levels."), RC_DAV_MAX_DEPTH);
      return NULL;
    }
  return doc;
}

RcDavMultistatus *
rc_dav_multistatus_parse (const char  *data,
                          gsize        len,
                          GError     **error)
{
  xmlDoc *doc;
  xmlNode *root;
  RcDavMultistatus *ms;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  if ((doc = read_doc (data != NULL ? data : "", len, error)) == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (!is (root, NS_DAV, "multistatus"))
    {
      xmlFreeDoc (doc);
      g_set_error_literal (error, RC_DAV_XML_ERROR, RC_DAV_XML_ERROR_MALFORMED,
                           _("The server’s answer is not a WebDAV multistatus."));
      return NULL;
    }
  ms = g_new0 (RcDavMultistatus, 1);
  ms->responses = g_ptr_array_new_with_free_func ((GDestroyNotify) rc_dav_response_free);
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (is (c, NS_DAV, "response"))
      {
        RcDavResponse *r = read_response (c);

        /* a response without an href names nothing: drop it */
        if (r->href != NULL && r->href[0] != '\0')
          g_ptr_array_add (ms->responses, r);
        else
          rc_dav_response_free (r);
      }
    else if (is (c, NS_DAV, "sync-token"))
      replace (&ms->sync_token, trimmed_text (c));
  xmlFreeDoc (doc);
  return ms;
}

char *
rc_dav_error_condition (const char *data,
                        gsize       len)
{
  xmlDoc *doc;
  xmlNode *root;
  char *name = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (data == NULL || len == 0 || (doc = read_doc (data, len, NULL)) == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (is (root, NS_DAV, "error"))
    for (xmlNode *c = root->children; c != NULL && name == NULL; c = c->next)
      if (c->type == XML_ELEMENT_NODE)
        name = g_strdup ((const char *) c->name);
  xmlFreeDoc (doc);
  return name;
}
