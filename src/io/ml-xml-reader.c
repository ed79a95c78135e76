/* ml-xml-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a project from XML. libxml2 parses without network access, without loading or
 * expanding anything from a DTD (a DOCTYPE is refused outright), and within its default limits
 * on depth and sizes; the attributes of an element are counted before, and texts measured
 * after. Every problem becomes a diagnostic with its line, up to MAX_ERRORS; the project is
 * returned only when there is no error.
 */

#define G_LOG_DOMAIN "ml-xml-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>

#include "ml-diagnostic.h"
#include "ml-element-private.h"
#include "ml-error.h"
#include "ml-project-private.h"
#include "ml-validate.h"
#include "ml-xml-extra.h"
#include "ml-xml-reader.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                       XML_PARSE_NOBLANKS | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | \
                       XML_PARSE_COMPACT)

/* Past this many errors the rest of the file is not read: one mistake repeated a million times
 * would otherwise make a million diagnostics, and a list no one reads.
 */
#define MAX_ERRORS 100

/* libxml2 checks an element's attributes against each other, so a start tag with a hundred
 * thousand of them takes minutes; MissionLab elements have a dozen at most.
 */
#define MAX_ATTRIBUTES 1000

/* A name, a title or a description longer than this is not a mistake a user can make by hand,
 * and would stall every widget that shows it.
 */
#define MAX_TEXT_LENGTH (1024 * 1024)

typedef struct
{
  MlProject *project;
  GPtrArray *diagnostics;
  gboolean   newer_minor;   /* unknown elements and attributes are kept, not refused */
  gboolean   has_doctype;
  guint      n_errors;
  xmlError   first_error;   /* libxml2's last error is often a consequence of the first */
} Reader;

static void G_GNUC_PRINTF (3, 4)
error_at (Reader     *reader,
          xmlNode    *node,
          const char *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;
  guint line = node != NULL ? (guint) xmlGetLineNo (node) : 0;

  /* The first one past the limit is not listed, but says that the list stops there. */
  if (++reader->n_errors > MAX_ERRORS)
    {
      if (reader->n_errors == MAX_ERRORS + 1)
        ml_diagnostics_add (reader->diagnostics, ML_SEVERITY_ERROR, line,
                            _("Too many problems: MissionLab stopped reading the file after %d."),
                            MAX_ERRORS);
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  ml_diagnostics_add (reader->diagnostics, ML_SEVERITY_ERROR, line, "%s", message);
}

static gboolean
gave_up (Reader *reader)
{
  return reader->n_errors > MAX_ERRORS;
}

static void
keep_first_error (void     *data,
                  xmlError *error)
{
  xmlParserCtxt *ctxt = data;
  Reader *reader = ctxt->_private;

  if (reader->first_error.code == XML_ERR_OK && error->level >= XML_ERR_ERROR)
    xmlCopyError (error, &reader->first_error);
}

static void
refuse_doctype (void          *ctx,
                const xmlChar *name,
                const xmlChar *external_id,
                const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = ctx;
  Reader *reader = ctxt->_private;

  /* Stop before any entity is declared: no XXE, no billion laughs. */
  reader->has_doctype = TRUE;
  xmlStopParser (ctxt);
}

static gboolean
is_ours (xmlNs *ns)
{
  return ns != NULL && g_strcmp0 ((const char *) ns->href, ML_FORMAT_NAMESPACE) == 0;
}

static gboolean
is_foreign (xmlNs *ns)
{
  return ns != NULL && !is_ours (ns);
}

static gboolean
is_blank (const xmlChar *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static gboolean
is_blank_text (const char *data,
               gsize       length)
{
  static const char bom[] = "\xef\xbb\xbf";
  gsize i = 0;

  if (length >= sizeof bom - 1 && memcmp (data, bom, sizeof bom - 1) == 0)
    i = sizeof bom - 1;
  for (; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

/* The text of an attribute or of a text-only element. In the usual case of a single text node
 * it is not copied; otherwise @copy holds the copy that xmlNodeGetContent() makes.
 */
static const char *
peek_content (xmlNode  *node,
              xmlChar **copy)
{
  xmlNode *child = node->children;

  if (child != NULL && child->next == NULL && child->content != NULL &&
      (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE))
    return (const char *) child->content;

  *copy = xmlNodeGetContent (node);

  return (const char *) *copy;
}

static void
refuse_long_text (Reader     *reader,
                  xmlNode    *node,
                  const char *name,
                  gsize       length)
{
  error_at (reader, node, _("“%s” is %lu bytes long; MissionLab accepts texts of at most %d bytes."),
            name, (unsigned long) length, MAX_TEXT_LENGTH);
}

static void
keep_element (MlElement  *element,
              xmlNode    *node,
              const char *container)
{
  MlXmlExtra *extra = ml_xml_extra_new (ML_XML_EXTRA_ELEMENT);

  extra->container = g_strdup (container);
  extra->node = xmlCopyNode (node, 1);
  ml_element_take_extra (element, extra, (GDestroyNotify) ml_xml_extra_free);
}

static void
keep_namespaces (MlElement *element,
                 xmlNode   *node)
{
  for (xmlNs *ns = node->nsDef; ns != NULL; ns = ns->next)
    {
      MlXmlExtra *extra;

      /* Ours is written as the default namespace, whatever prefix the file gave it. */
      if (is_ours (ns))
        continue;

      extra = ml_xml_extra_new (ML_XML_EXTRA_NAMESPACE);
      extra->prefix = g_strdup ((const char *) ns->prefix);
      extra->href = g_strdup ((const char *) ns->href);
      ml_element_take_extra (element, extra, (GDestroyNotify) ml_xml_extra_free);
    }
}

/* Unknown content: an extension in another namespace is always kept; in ours, it is kept from
 * a newer minor version and an error otherwise.
 */
static void
read_unknown_element (Reader     *reader,
                      MlElement  *element,
                      xmlNode    *node,
                      const char *container)
{
  if (is_foreign (node->ns) || reader->newer_minor)
    keep_element (element, node, container);
  else if (node->ns == NULL)
    error_at (reader, node, _("The element <%s> has no namespace; MissionLab elements are in the namespace “%s”."),
              (const char *) node->name, ML_FORMAT_NAMESPACE);
  else
    error_at (reader, node, _("Unknown element <%s> in <%s>."),
              (const char *) node->name,
              container != NULL ? container : ml_kind_get_info (ml_element_get_kind (element))->element);
}

static void
read_text_field (Reader    *reader,
                 MlElement *element,
                 MlField    field,
                 xmlNode   *node)
{
  g_autofree xmlChar *copy = NULL;
  g_autoptr(GError) error = NULL;
  const char *content;
  gsize length;
  MlValue value;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        {
          error_at (reader, child, _("<%s> holds text only, not the element <%s>."),
                    (const char *) node->name, (const char *) child->name);
          return;
        }
    }

  if (ml_element_has_value (element, field))
    {
      error_at (reader, node, _("<%s> appears more than once in <%s>."),
                (const char *) node->name, ml_kind_get_info (ml_element_get_kind (element))->element);
      return;
    }

  content = peek_content (node, &copy);
  length = strlen (content);
  if (length > MAX_TEXT_LENGTH)
    {
      refuse_long_text (reader, node, (const char *) node->name, length);
      return;
    }
  if (length > 0 && (g_ascii_isspace (content[0]) || g_ascii_isspace (content[length - 1])))
    {
      if (copy == NULL)
        copy = xmlStrdup ((const xmlChar *) content);
      content = g_strstrip ((char *) copy);
    }

  if (!ml_value_parse (field, content, &value, &error))
    {
      if (!ml_field_get_info (field)->required)
        error_at (reader, node, "%s", error->message);
      return;
    }

  ml_element_take_value (element, field, &value);
}

static void
read_attribute (Reader    *reader,
                MlElement *element,
                xmlNode   *node,
                xmlAttr   *attr)
{
  MlKind kind = ml_element_get_kind (element);
  const char *name = (const char *) attr->name;
  g_autofree xmlChar *copy = NULL;
  const char *text;
  g_autoptr(GError) error = NULL;
  MlField field;
  MlValue value;

  if (attr->ns == NULL && strcmp (name, "id") == 0 && ml_kind_get_info (kind)->id_policy != ML_ID_NONE)
    return;
  if (attr->ns == NULL && kind == ML_KIND_PROJECT && strcmp (name, "format-version") == 0)
    return;

  text = peek_content ((xmlNode *) attr, &copy);
  if (strlen (text) > MAX_TEXT_LENGTH)
    {
      refuse_long_text (reader, node, name, strlen (text));
      return;
    }
  field = attr->ns == NULL ? ml_kind_lookup_field (kind, name, TRUE) : ML_NO_FIELD;

  if (attr->ns != NULL || (reader->newer_minor && field == ML_NO_FIELD))
    {
      MlXmlExtra *extra;

      if (attr->ns != NULL && is_ours (attr->ns))
        {
          error_at (reader, node, _("The attribute “%s” must not have a namespace prefix."), name);
          return;
        }

      extra = ml_xml_extra_new (ML_XML_EXTRA_ATTRIBUTE);
      extra->name = g_strdup (name);
      extra->value = g_strdup ((const char *) text);
      if (attr->ns != NULL)
        {
          extra->prefix = g_strdup ((const char *) attr->ns->prefix);
          extra->href = g_strdup ((const char *) attr->ns->href);
        }
      ml_element_take_extra (element, extra, (GDestroyNotify) ml_xml_extra_free);
      return;
    }

  if (field == ML_NO_FIELD)
    {
      error_at (reader, node, _("Unknown attribute “%s” on <%s>."), name, (const char *) node->name);
      return;
    }

  if (!ml_value_parse (field, (const char *) text, &value, &error))
    {
      g_autofree char *what = ml_element_describe (element);

      /* A missing required value is reported once, by validation. */
      if (text[0] != '\0' || !ml_field_get_info (field)->required)
        error_at (reader, node, "%s: %s", what, error->message);
      return;
    }

  ml_element_take_value (element, field, &value);
}

static MlElement *read_element (Reader  *reader,
                                MlKind   kind,
                                xmlNode *node);

static void
read_child_element (Reader     *reader,
                    MlElement  *element,
                    xmlNode    *child,
                    const char *container)
{
  MlKind child_kind;

  if (is_ours (child->ns) &&
      ml_kind_lookup_element ((const char *) child->name, ml_element_get_kind (element), &child_kind) &&
      g_strcmp0 (ml_kind_get_info (child_kind)->container, container) == 0)
    {
      g_autoptr(MlElement) read = read_element (reader, child_kind, child);

      if (read != NULL)
        ml_element_insert_child (element, read, -1);
      return;
    }

  read_unknown_element (reader, element, child, container);
}

static void
read_children (Reader    *reader,
               MlElement *element,
               xmlNode   *node)
{
  MlKind kind = ml_element_get_kind (element);

  for (xmlNode *child = node->children; child != NULL && !gave_up (reader); child = child->next)
    {
      const char *name = (const char *) child->name;
      MlField field;

      if (child->type == XML_TEXT_NODE && !is_blank (child->content))
        {
          error_at (reader, child, _("Unexpected text in <%s>: text belongs in elements such as <name> or <description>."),
                    (const char *) node->name);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_ours (child->ns) && (field = ml_kind_lookup_field (kind, name, FALSE)) != ML_NO_FIELD)
        {
          read_text_field (reader, element, field, child);
        }
      else if (is_ours (child->ns) && ml_kind_lookup_container (name, kind))
        {
          keep_namespaces (element, child);
          for (xmlNode *item = child->children; item != NULL && !gave_up (reader); item = item->next)
            {
              if (item->type == XML_ELEMENT_NODE)
                read_child_element (reader, element, item, name);
              else if (item->type == XML_TEXT_NODE && !is_blank (item->content))
                error_at (reader, item, _("Unexpected text in <%s>."), name);
            }
        }
      else
        {
          read_child_element (reader, element, child, NULL);
        }
    }
}

static MlElement *
read_element (Reader  *reader,
              MlKind   kind,
              xmlNode *node)
{
  const MlKindInfo *info = ml_kind_get_info (kind);
  g_autofree xmlChar *id_copy = NULL;
  const char *id = NULL;
  g_autoptr(MlElement) element = NULL;
  MlElement *existing;

  if (info->id_policy != ML_ID_NONE)
    {
      /* As xmlGetNoNsProp() does, without the copy; a DOCTYPE, and so a DTD, is refused. */
      xmlAttr *id_attr = xmlHasNsProp (node, (const xmlChar *) "id", NULL);

      if (id_attr != NULL)
        id = peek_content ((xmlNode *) id_attr, &id_copy);
    }

  if (id == NULL && info->id_policy == ML_ID_REQUIRED)
    error_at (reader, node, _("<%s> has no id; every %s needs one."), info->element,
              info->element);
  else if (id != NULL && !ml_id_is_valid (id))
    {
      error_at (reader, node, _("“%s” is not a valid id: use letters, digits, “_”, “-” and “.”, starting with a letter, at most 64 characters."),
                id);
      id = NULL;
    }

  if (kind == ML_KIND_PROJECT)
    {
      element = g_object_ref (ml_project_get_root (reader->project));
      ml_element_set_id (element, id);
    }
  else
    {
      element = ml_element_new (kind, id);
    }

  ml_element_set_line (element, (guint) xmlGetLineNo (node));
  existing = ml_project_register_id (reader->project, element);
  if (existing != NULL)
    error_at (reader, node, _("The id “%s” is already used, by the <%s> on line %u."),
              id, ml_kind_get_info (ml_element_get_kind (existing))->element,
              ml_element_get_line (existing));

  keep_namespaces (element, node);
  read_children (reader, element, node);
  for (xmlAttr *attr = node->properties; attr != NULL && !gave_up (reader); attr = attr->next)
    read_attribute (reader, element, node, attr);

  return g_steal_pointer (&element);
}

static gboolean
read_version (Reader  *reader,
              xmlNode *root)
{
  g_autofree xmlChar *version = xmlGetNoNsProp (root, (const xmlChar *) "format-version");
  guint64 major, minor;
  g_auto(GStrv) parts = NULL;

  if (version == NULL)
    {
      error_at (reader, root, _("The file has no format-version; MissionLab files start with <project format-version=\"%d.%d\">."),
                ML_FORMAT_MAJOR, ML_FORMAT_MINOR);
      return FALSE;
    }

  parts = g_strsplit ((const char *) version, ".", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 999, &major, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 999, &minor, NULL))
    {
      error_at (reader, root, _("“%s” is not a format version; expected MAJOR.MINOR, such as %d.%d."),
                (const char *) version, ML_FORMAT_MAJOR, ML_FORMAT_MINOR);
      return FALSE;
    }

  if (major != ML_FORMAT_MAJOR)
    {
      error_at (reader, root, major > ML_FORMAT_MAJOR ?
                _("The file uses format version %s, which is newer than this MissionLab can read (%d.x). Open it with a newer version of MissionLab.") :
                _("The file uses format version %s, which this MissionLab cannot read (it reads %d.x)."),
                (const char *) version, ML_FORMAT_MAJOR);
      return FALSE;
    }

  if (minor > ML_FORMAT_MINOR)
    {
      reader->newer_minor = TRUE;
      ml_project_set_format_minor (reader->project, (guint) minor);
      ml_diagnostics_add (reader->diagnostics, ML_SEVERITY_WARNING, (guint) xmlGetLineNo (root),
                          _("The file uses format version %s, newer than this MissionLab (%d.%d): what this version does not know is kept as it is."),
                          (const char *) version, ML_FORMAT_MAJOR, ML_FORMAT_MINOR);
    }

  return TRUE;
}

static void
report_parse_error (Reader        *reader,
                    xmlParserCtxt *ctxt)
{
  const xmlError *xml_error = reader->first_error.code != XML_ERR_OK ? &reader->first_error
                                                                      : xmlCtxtGetLastError (ctxt);
  g_autofree char *message = NULL;
  guint line = 0;

  if (reader->has_doctype)
    {
      ml_diagnostics_add (reader->diagnostics, ML_SEVERITY_ERROR, (guint) ctxt->input->line,
                          _("The file has a DOCTYPE declaration. MissionLab refuses DTDs and entities, which can read other files or expand without end."));
      return;
    }

  if (xml_error != NULL && xml_error->message != NULL)
    message = g_strstrip (g_strdup (xml_error->message));
  if (xml_error != NULL && xml_error->line > 0)
    line = (guint) xml_error->line;

  if (message != NULL && strstr (message, "UTF-8") != NULL)
    ml_diagnostics_add (reader->diagnostics, ML_SEVERITY_ERROR, line,
                        _("The file holds bytes that are not UTF-8 text; MissionLab files are UTF-8."));
  else if (xml_error != NULL && xml_error->code == XML_ERR_DOCUMENT_EMPTY)
    ml_diagnostics_add (reader->diagnostics, ML_SEVERITY_ERROR, line,
                        _("This is not a MissionLab project: the file does not hold XML text. It may be another kind of file, or a compressed or damaged one."));
  else if (xml_error != NULL && xml_error->code == XML_ERR_UNSUPPORTED_ENCODING &&
           xml_error->str1 != NULL)
    ml_diagnostics_add (reader->diagnostics, ML_SEVERITY_ERROR, line,
                        _("The file is in the encoding “%s”, which MissionLab cannot read; save it as UTF-8."),
                        xml_error->str1);
  else if (xml_error != NULL && xml_error->code == XML_ERR_INVALID_CHAR)
    ml_diagnostics_add (reader->diagnostics, ML_SEVERITY_ERROR, line,
                        _("The file is not well-formed XML: it holds the character U+%04X, which XML does not allow."),
                        (guint) xml_error->int1);
  else if (message != NULL && g_str_has_prefix (message, "Excessive depth"))
    ml_diagnostics_add (reader->diagnostics, ML_SEVERITY_ERROR, line,
                        _("Elements are nested more than %d deep; a MissionLab project never needs that many levels."),
                        xml_error->int1);
  else if (message != NULL && (strstr (message, "too long") != NULL || strstr (message, "huge") != NULL))
    ml_diagnostics_add (reader->diagnostics, ML_SEVERITY_ERROR, line,
                        _("The file holds a text or a value of more than %d bytes; MissionLab accepts texts of at most %d bytes."),
                        XML_MAX_TEXT_LENGTH, MAX_TEXT_LENGTH);
  else
    ml_diagnostics_add (reader->diagnostics, ML_SEVERITY_ERROR, line,
                        _("The file is not well-formed XML: %s"),
                        message != NULL ? message : _("it could not be parsed"));
}

/* What ends the comment, CDATA section or processing instruction that starts at @data, if one
 * does: what they hold is not attributes.
 */
static const char *
find_skipped_end (const char *data,
                  gsize       length)
{
  static const struct { const char *start, *end; } skipped[] = {
    { "<!--", "-->" }, { "<![CDATA[", "]]>" }, { "<?", "?>" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (skipped); k++)
    {
      gsize start_length = strlen (skipped[k].start);

      if (length >= start_length && memcmp (data, skipped[k].start, start_length) == 0)
        return skipped[k].end;
    }

  return NULL;
}

/* The index of the last byte of the first @end from @i on, counting the lines passed. */
static gsize
skip_to_end (const char *data,
             gsize       length,
             gsize       i,
             const char *end,
             guint      *line)
{
  gsize end_length = strlen (end);

  for (; i + end_length <= length; i++)
    {
      if (memcmp (data + i, end, end_length) == 0)
        return i + end_length - 1;
      *line += data[i] == '\n';
    }

  return length;
}

/* The line of the first start tag with more than MAX_ATTRIBUTES attributes, or 0. A linear scan
 * of the bytes, before libxml2 spends quadratic time on them. Quoted values, comments, CDATA
 * sections and processing instructions are skipped; NUL bytes are not special, so the
 * characters that matter are seen in UTF-16 too.
 */
static guint
find_crowded_element (const char *data,
                      gsize       length)
{
  guint line = 1;
  guint n_attributes = 0;
  gboolean in_tag = FALSE;
  char quote = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      const char *end;

      if (c == '\n')
        line++;
      if (quote != 0)
        {
          if (c != quote)
            continue;
          quote = 0;
          if (++n_attributes > MAX_ATTRIBUTES)
            return line;
        }
      else if (in_tag)
        {
          if (c == '>')
            in_tag = FALSE;
          else if (c == '"' || c == '\'')
            quote = c;
        }
      else if (c == '<' && (end = find_skipped_end (data + i, length - i)) != NULL)
        {
          i = skip_to_end (data, length, i + 1, end, &line);
        }
      else if (c == '<')
        {
          in_tag = TRUE;
          n_attributes = 0;
        }
    }

  return 0;
}

/* Parses the file and reads the project from it, adding every problem found to the reader. */
static void
parse_and_read (Reader     *reader,
                const char *data,
                gsize       length,
                const char *filename)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory creating an XML parser");
  ctxt->_private = reader;
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->sax->serror = keep_first_error;

  doc = xmlCtxtReadMemory (ctxt, data, (int) length, filename, NULL, PARSE_OPTIONS);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

  if (doc == NULL || reader->has_doctype)
    report_parse_error (reader, ctxt);
  else if (root == NULL)
    error_at (reader, NULL, _("The file holds no element."));
  else if (root->ns == NULL)
    error_at (reader, root, _("This is not a MissionLab project: its root element <%s> has no namespace; it should be <project xmlns=\"%s\">."),
              (const char *) root->name, ML_FORMAT_NAMESPACE);
  else if (!is_ours (root->ns))
    error_at (reader, root, _("This is not a MissionLab project: its root element <%s> is in the namespace “%s”, not “%s”."),
              (const char *) root->name, (const char *) root->ns->href, ML_FORMAT_NAMESPACE);
  else if (strcmp ((const char *) root->name, "project") != 0)
    error_at (reader, root, _("This is not a MissionLab project: its root element is <%s>, not <project>."),
              (const char *) root->name);
  else if (read_version (reader, root))
    {
      g_autoptr(MlElement) root_element = NULL;

      root_element = read_element (reader, ML_KIND_PROJECT, root);
    }

  xmlResetError (&reader->first_error);
}

/**
 * ml_xml_read:
 * @data: the bytes of a file
 * @length: their number
 * @filename: (nullable): the file's name, for libxml2's messages
 * @diagnostics: (nullable) (element-type MlDiagnostic): where to add every problem found
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the project, or %NULL if it has errors
 */
MlProject *
ml_xml_read (const char  *data,
             gsize        length,
             const char  *filename,
             GPtrArray   *diagnostics,
             GError     **error)
{
  g_autoptr(GPtrArray) own_diagnostics = NULL;
  g_autoptr(MlProject) project = ml_project_new ();
  Reader reader = { project, diagnostics };
  guint n_errors;
  guint line;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (diagnostics == NULL)
    reader.diagnostics = own_diagnostics = ml_diagnostics_new ();

  if (length > G_MAXINT)
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_TOO_LARGE, _("The file is too large."));
      return NULL;
    }

  if (is_blank_text (data, length))
    {
      error_at (&reader, NULL, _("The file is empty."));
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_PROJECT, _("The file is empty."));
      return NULL;
    }

  if ((line = find_crowded_element (data, length)) > 0)
    ml_diagnostics_add (reader.diagnostics, ML_SEVERITY_ERROR, line,
                        _("An element has more than %d attributes; MissionLab elements have a dozen at most."),
                        MAX_ATTRIBUTES);
  else
    parse_and_read (&reader, data, length, filename);

  if (ml_diagnostics_count (reader.diagnostics, ML_SEVERITY_ERROR) == 0)
    ml_validate_project (project, reader.diagnostics);
  ml_diagnostics_sort (reader.diagnostics);

  n_errors = ml_diagnostics_count (reader.diagnostics, ML_SEVERITY_ERROR);
  if (gave_up (&reader))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                   _("The project has more than %d problems."), MAX_ERRORS);
      return NULL;
    }
  if (n_errors > 0)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID_PROJECT,
                   g_dngettext (GETTEXT_PACKAGE, "The project has %u problem.",
                                "The project has %u problems.", n_errors), n_errors);
      return NULL;
    }

  return g_steal_pointer (&project);
}
