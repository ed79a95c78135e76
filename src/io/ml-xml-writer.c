/* ml-xml-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the canonical form of a project: two-space indentation, one element per line,
 * attributes and children in the order of the kind tables, unset values omitted, values in
 * their locale-independent form. The same project always gives the same bytes, so files diff
 * and merge well, and reading then writing a written file changes nothing.
 */

#define G_LOG_DOMAIN "ml-xml-writer"

#include "config.h"

#include "ml-element-private.h"
#include "ml-xml-extra.h"
#include "ml-xml-writer.h"

typedef struct
{
  const char *prefix;   /* NULL for the default namespace */
  const char *href;     /* "" for no namespace */
} Binding;

typedef struct
{
  MlProject *project;
  GString   *out;
  GArray    *scope;     /* of Binding, innermost last */
} Writer;

static void
indent (Writer *writer,
        guint   depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (writer->out, "  ");
}

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  const char *run = text;

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '\r': entity = "&#13;"; break;
        case '"': entity = attribute ? "&quot;" : NULL; break;
        case '\n': entity = attribute ? "&#10;" : NULL; break;
        case '\t': entity = attribute ? "&#9;" : NULL; break;
        default: entity = NULL; break;
        }

      if (entity == NULL)
        continue;
      g_string_append_len (out, run, p - run);
      g_string_append (out, entity);
      run = p + 1;
    }

  g_string_append (out, run);
}

/* A tag without printf(), which costs more than the rest of writing it. */
static void
append_tag (GString    *out,
            const char *open,
            const char *name,
            const char *close)
{
  g_string_append (out, open);
  g_string_append (out, name);
  g_string_append (out, close);
}

static void
append_attribute (Writer     *writer,
                  const char *prefix,
                  const char *name,
                  const char *value)
{
  g_string_append_c (writer->out, ' ');
  if (prefix != NULL)
    {
      g_string_append (writer->out, prefix);
      g_string_append_c (writer->out, ':');
    }
  g_string_append (writer->out, name);
  g_string_append (writer->out, "=\"");
  append_escaped (writer->out, value, TRUE);
  g_string_append_c (writer->out, '"');
}

/* Declares a namespace binding unless it is already in scope. */
static void
bind (Writer     *writer,
      const char *prefix,
      const char *href)
{
  Binding binding = { prefix, href != NULL ? href : "" };

  for (guint i = writer->scope->len; i-- > 0;)
    {
      const Binding *b = &g_array_index (writer->scope, Binding, i);

      if (g_strcmp0 (b->prefix, prefix) == 0)
        {
          if (strcmp (b->href, binding.href) == 0)
            return;
          break;
        }
    }

  if (prefix == NULL && binding.href[0] == '\0' && writer->scope->len == 0)
    return;

  append_attribute (writer, prefix != NULL ? "xmlns" : NULL, prefix != NULL ? prefix : "xmlns",
                    binding.href);
  g_array_append_val (writer->scope, binding);
}

static gboolean
has_element_children (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type != XML_TEXT_NODE)
      return TRUE;

  return FALSE;
}

static void
append_qualified_name (Writer  *writer,
                       xmlNs   *ns,
                       const xmlChar *name)
{
  if (ns != NULL && ns->prefix != NULL)
    g_string_append_printf (writer->out, "%s:", (const char *) ns->prefix);
  g_string_append (writer->out, (const char *) name);
}

static void
write_node (Writer  *writer,
            xmlNode *node,
            guint    depth)
{
  guint scope_len = writer->scope->len;

  if (node->type == XML_COMMENT_NODE)
    {
      indent (writer, depth);
      g_string_append_printf (writer->out, "<!--%s-->\n", (const char *) node->content);
      return;
    }
  if (node->type == XML_TEXT_NODE)
    {
      g_autofree char *text = g_strstrip (g_strdup ((const char *) node->content));

      if (text[0] == '\0')
        return;
      indent (writer, depth);
      append_escaped (writer->out, text, FALSE);
      g_string_append_c (writer->out, '\n');
      return;
    }
  if (node->type != XML_ELEMENT_NODE)
    return;

  indent (writer, depth);
  g_string_append_c (writer->out, '<');
  append_qualified_name (writer, node->ns, node->name);

  for (xmlNs *ns = node->nsDef; ns != NULL; ns = ns->next)
    bind (writer, (const char *) ns->prefix, (const char *) ns->href);
  bind (writer, node->ns != NULL ? (const char *) node->ns->prefix : NULL,
        node->ns != NULL ? (const char *) node->ns->href : "");
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->ns != NULL && attr->ns->prefix != NULL)
      bind (writer, (const char *) attr->ns->prefix, (const char *) attr->ns->href);

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      g_autofree xmlChar *value = xmlNodeGetContent ((xmlNode *) attr);

      append_attribute (writer, attr->ns != NULL ? (const char *) attr->ns->prefix : NULL,
                        (const char *) attr->name, (const char *) value);
    }

  if (node->children == NULL)
    {
      g_string_append (writer->out, "/>\n");
    }
  else if (!has_element_children (node))
    {
      g_autofree xmlChar *content = xmlNodeGetContent (node);

      g_string_append_c (writer->out, '>');
      append_escaped (writer->out, (const char *) content, FALSE);
      g_string_append (writer->out, "</");
      append_qualified_name (writer, node->ns, node->name);
      g_string_append (writer->out, ">\n");
    }
  else
    {
      g_string_append (writer->out, ">\n");
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        write_node (writer, child, depth + 1);
      indent (writer, depth);
      g_string_append (writer->out, "</");
      append_qualified_name (writer, node->ns, node->name);
      g_string_append (writer->out, ">\n");
    }

  g_array_set_size (writer->scope, scope_len);
}

static gboolean
has_extra_elements (MlElement  *element,
                    const char *container)
{
  GPtrArray *extras = ml_element_get_extras (element);

  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      MlXmlExtra *extra = g_ptr_array_index (extras, i);

      if (extra->type == ML_XML_EXTRA_ELEMENT && g_strcmp0 (extra->container, container) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
write_extra_elements (Writer     *writer,
                      MlElement  *element,
                      const char *container,
                      guint       depth)
{
  GPtrArray *extras = ml_element_get_extras (element);

  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      MlXmlExtra *extra = g_ptr_array_index (extras, i);

      if (extra->type == ML_XML_EXTRA_ELEMENT && g_strcmp0 (extra->container, container) == 0)
        write_node (writer, extra->node, depth);
    }
}

static void
write_namespace_declarations (Writer    *writer,
                              MlElement *element)
{
  GPtrArray *extras = ml_element_get_extras (element);

  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      MlXmlExtra *extra = g_ptr_array_index (extras, i);

      if (extra->type == ML_XML_EXTRA_NAMESPACE)
        bind (writer, extra->prefix, extra->href);
    }
}

static void
write_extra_attributes (Writer    *writer,
                        MlElement *element)
{
  GPtrArray *extras = ml_element_get_extras (element);

  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      MlXmlExtra *extra = g_ptr_array_index (extras, i);

      if (extra->type != ML_XML_EXTRA_ATTRIBUTE)
        continue;
      if (extra->prefix != NULL)
        bind (writer, extra->prefix, extra->href);
      append_attribute (writer, extra->prefix, extra->name, extra->value);
    }
}

static gboolean
has_content (MlElement *element)
{
  MlKind kind = ml_element_get_kind (element);
  GPtrArray *extras = ml_element_get_extras (element);

  ML_KIND_FOREACH_FIELD (kind, field)
    if (!ml_field_is_attribute (field) && ml_element_has_value (element, field))
      return TRUE;

  for (MlKind k = ML_KIND_MISSION; k < ML_N_KINDS; k++)
    {
      GPtrArray *children = ml_element_get_children (element, k);

      if (ml_kind_get_info (k)->parent == kind && children != NULL && children->len > 0)
        return TRUE;
    }

  for (guint i = 0; extras != NULL && i < extras->len; i++)
    if (((MlXmlExtra *) g_ptr_array_index (extras, i))->type == ML_XML_EXTRA_ELEMENT)
      return TRUE;

  return FALSE;
}

static void write_element (Writer    *writer,
                           MlElement *element,
                           guint      depth);

static void
write_each (Writer    *writer,
            GPtrArray *children,
            guint      depth)
{
  for (guint i = 0; children != NULL && i < children->len; i++)
    write_element (writer, g_ptr_array_index (children, i), depth);
}

/* Whether @other goes in the same container as @kind: <candidates> holds criteria and
 * candidates.
 */
static gboolean
shares_container (MlKind kind,
                  MlKind other)
{
  const MlKindInfo *info = ml_kind_get_info (kind);
  const MlKindInfo *other_info = ml_kind_get_info (other);

  return info->container != NULL && other_info->parent == info->parent &&
         g_strcmp0 (other_info->container, info->container) == 0;
}

/* Writes the children of @kind, in their container with those of the later kinds that share
 * it; a kind whose container an earlier kind shares was written with that one.
 */
static void
write_children (Writer    *writer,
                MlElement *element,
                MlKind     kind,
                guint      depth)
{
  const char *container = ml_kind_get_info (kind)->container;
  gboolean any = FALSE;

  if (container == NULL)
    {
      write_each (writer, ml_element_get_children (element, kind), depth);
      return;
    }

  for (MlKind k = ML_KIND_MISSION; k < kind; k++)
    if (shares_container (kind, k))
      return;

  for (MlKind k = kind; k < ML_N_KINDS; k++)
    {
      GPtrArray *children = ml_element_get_children (element, k);

      any |= shares_container (kind, k) && children != NULL && children->len > 0;
    }
  if (!any && !has_extra_elements (element, container))
    return;

  indent (writer, depth);
  append_tag (writer->out, "<", container, ">\n");
  for (MlKind k = kind; k < ML_N_KINDS; k++)
    if (shares_container (kind, k))
      write_each (writer, ml_element_get_children (element, k), depth + 1);
  write_extra_elements (writer, element, container, depth + 1);
  indent (writer, depth);
  append_tag (writer->out, "</", container, ">\n");
}

static void
write_element (Writer    *writer,
               MlElement *element,
               guint      depth)
{
  MlKind kind = ml_element_get_kind (element);
  const char *name = ml_kind_get_info (kind)->element;
  guint scope_len = writer->scope->len;

  indent (writer, depth);
  g_string_append_c (writer->out, '<');
  g_string_append (writer->out, name);

  if (kind == ML_KIND_PROJECT)
    {
      Binding ours = { NULL, ML_FORMAT_NAMESPACE };
      char version[32];

      append_attribute (writer, NULL, "xmlns", ML_FORMAT_NAMESPACE);
      g_array_append_val (writer->scope, ours);
      write_namespace_declarations (writer, element);
      g_snprintf (version, sizeof version, "%d.%u", ML_FORMAT_MAJOR,
                  ml_project_get_format_minor (writer->project));
      append_attribute (writer, NULL, "format-version", version);
    }

  else
    {
      write_namespace_declarations (writer, element);
    }

  if (ml_element_get_id (element) != NULL)
    append_attribute (writer, NULL, "id", ml_element_get_id (element));

  ML_KIND_FOREACH_FIELD (kind, field)
    {
      g_autofree char *value = NULL;

      if (!ml_field_is_attribute (field))
        continue;
      value = ml_value_to_string (ml_element_get_value (element, field), field);
      if (value != NULL)
        append_attribute (writer, NULL, ml_field_get_info (field)->name, value);
    }

  write_extra_attributes (writer, element);

  if (!has_content (element))
    {
      g_string_append (writer->out, "/>\n");
      g_array_set_size (writer->scope, scope_len);
      return;
    }

  g_string_append (writer->out, ">\n");

  ML_KIND_FOREACH_FIELD (kind, field)
    {
      const char *text;

      if (ml_field_is_attribute (field))
        continue;
      text = ml_element_get_string (element, field);
      if (text == NULL)
        continue;
      indent (writer, depth + 1);
      append_tag (writer->out, "<", ml_field_get_info (field)->name, ">");
      append_escaped (writer->out, text, FALSE);
      append_tag (writer->out, "</", ml_field_get_info (field)->name, ">\n");
    }

  for (MlKind k = ML_KIND_MISSION; k < ML_N_KINDS; k++)
    if (ml_kind_get_info (k)->parent == kind)
      write_children (writer, element, k, depth + 1);

  write_extra_elements (writer, element, NULL, depth + 1);

  indent (writer, depth);
  append_tag (writer->out, "</", name, ">\n");
  g_array_set_size (writer->scope, scope_len);
}

/**
 * ml_xml_write:
 * @project: a project
 *
 * Returns: (transfer full): the canonical XML of @project
 */
GBytes *
ml_xml_write (MlProject *project)
{
  Writer writer;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);

  writer.out = g_string_sized_new (64 * 1024);
  writer.scope = g_array_new (FALSE, FALSE, sizeof (Binding));
  writer.project = project;

  g_string_append (writer.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  write_element (&writer, ml_project_get_root (project), 0);

  g_array_unref (writer.scope);

  return g_string_free_to_bytes (writer.out);
}
