/* ml-graphml-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-graphml-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/SAX2.h>

#include "ml-enums.h"
#include "ml-error.h"
#include "ml-file.h"
#include "ml-graph-export.h"
#include "ml-graphml-import.h"
#include "ml-import-private.h"
#include "ml-xml-extra.h"

#define GRAPHML_NAMESPACE "http://graphml.graphdrawing.org/xmlns"

/* As the project loader: no network, nothing from a DTD, libxml2's limits on depth and sizes. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                       XML_PARSE_NOBLANKS | XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

/* What a <data> value becomes. */
typedef enum
{
  TARGET_UNKNOWN,
  TARGET_IGNORED,
  TARGET_FIELD,
  TARGET_LABEL,     /* the name when there is no "name" */
  TARGET_GROUP,     /* the relation an arc belongs to */
} Target;

typedef struct
{
  char     *name;      /* attr.name folded to lower case, or the id when there is none */
  char     *fallback;  /* the <default> value, or NULL */
  gboolean  yed_label; /* yEd's node graphics, holding the node label */
  gboolean  ignored;   /* yEd's other graphics and resources */
} Key;

/* A node of the file and the stakeholder it stands for: a new one, one of the project with the
 * same name, or NULL when the node has errors. */
typedef struct
{
  MlElement *stakeholder;
  guint      line;
} Node;

/* The first arc of a relation, by its "relation" attribute: a mutual relation's second arc
 * joins the same ends the other way. */
typedef struct
{
  MlElement *from;
  MlElement *to;
  gboolean   mutual;
  guint      line;
} Group;

typedef struct
{
  char *texts[ML_N_FIELDS];
  char *label;
  char *group;
} Values;

typedef struct
{
  MlImport   *import;
  GHashTable *keys;   /* key id → Key */
  GPtrArray  *defaults; /* the keys with a <default>, in keys */
  GHashTable *nodes;  /* node id → Node */
  GHashTable *groups; /* "relation" attribute → Group */
  GHashTable *ids;    /* ids the import hands out */
} Reader;

/* What the parser met: a DOCTYPE, and the first well-formedness error, which says more than
 * the last one ("Premature end of data" at the end of the file). */
typedef struct
{
  gboolean  doctype;
  guint     doctype_line;
  char     *message;
  guint     line;
} Parse;

static void
key_free (Key *key)
{
  g_free (key->name);
  g_free (key->fallback);
  g_free (key);
}

static void
node_free (Node *node)
{
  g_clear_object (&node->stakeholder);
  g_free (node);
}

static void
values_clear (Values *values)
{
  for (guint i = 0; i < ML_N_FIELDS; i++)
    g_free (values->texts[i]);
  g_free (values->label);
  g_free (values->group);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)

/* The line start_element() noted, since libxml2 counts an element's line only up to 65535. */
static guint
line_of (xmlNode *node)
{
  return GPOINTER_TO_UINT (node->_private);
}

static gboolean
is_graphml (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0 &&
         (node->ns == NULL || g_strcmp0 ((const char *) node->ns->href, GRAPHML_NAMESPACE) == 0);
}

static char *
dup_attribute (xmlNode    *node,
               const char *name)
{
  g_autofree xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);

  return value != NULL ? g_strstrip (g_strdup ((const char *) value)) : NULL;
}

static char *
dup_text (xmlNode *node)
{
  g_autofree xmlChar *content = xmlNodeGetContent (node);

  return content != NULL ? g_strstrip (g_strdup ((const char *) content)) : g_strdup ("");
}

static void
refuse_doctype (void          *ctx,
                const xmlChar *name,
                const xmlChar *external_id,
                const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = ctx;
  Parse *parse = ctxt->_private;

  /* Stop before any entity is declared: no XXE, no billion laughs. */
  parse->doctype = TRUE;
  parse->doctype_line = ctxt->input != NULL ? (guint) ctxt->input->line : 0;
  xmlStopParser (ctxt);
}

static void
start_element (void           *ctx,
               const xmlChar  *localname,
               const xmlChar  *prefix,
               const xmlChar  *uri,
               int             n_namespaces,
               const xmlChar **namespaces,
               int             n_attributes,
               int             n_defaulted,
               const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = ctx;

  xmlSAX2StartElementNs (ctx, localname, prefix, uri, n_namespaces, namespaces, n_attributes,
                         n_defaulted, attributes);
  if (ctxt->node != NULL && ctxt->input != NULL && ctxt->input->line > 0)
    ctxt->node->_private = GUINT_TO_POINTER ((guint) ctxt->input->line);
}

static void
keep_first_error (void     *user_data,
                  xmlError *xml_error)
{
  xmlParserCtxt *ctxt = user_data;
  Parse *parse = ctxt->_private;

  if (parse->message != NULL || xml_error->level < XML_ERR_ERROR || xml_error->message == NULL)
    return;
  parse->message = g_strstrip (g_strdup (xml_error->message));
  parse->line = xml_error->line > 0 ? (guint) xml_error->line : 1;
}

/* What a value named @name is for a node (a stakeholder) or an edge (a relation). */
static Target
classify (const Key *key,
          MlKind     kind,
          MlField   *field)
{
  if (key->ignored)
    return TARGET_IGNORED;
  if (key->yed_label)
    return kind == ML_KIND_STAKEHOLDER ? TARGET_LABEL : TARGET_IGNORED;

  ML_KIND_FOREACH_FIELD (kind, f)
    {
      if (f != ML_RELATION_FROM && f != ML_RELATION_TO &&
          strcmp (ml_field_get_info (f)->name, key->name) == 0)
        {
          *field = f;
          return TARGET_FIELD;
        }
    }

  if (kind == ML_KIND_STAKEHOLDER && strcmp (key->name, "label") == 0)
    return TARGET_LABEL;
  if (kind == ML_KIND_STAKEHOLDER && ml_graph_export_is_measure (key->name))
    return TARGET_IGNORED;
  if (kind == ML_KIND_RELATION && strcmp (key->name, "relation") == 0)
    return TARGET_GROUP;
  if (kind == ML_KIND_RELATION && strcmp (key->name, "weight") == 0)
    return TARGET_IGNORED;

  return TARGET_UNKNOWN;
}

static gboolean
is_unknown (const Key  *key,
            const char *domain)
{
  MlField field;

  if (strcmp (domain, "node") == 0)
    return classify (key, ML_KIND_STAKEHOLDER, &field) == TARGET_UNKNOWN;
  if (strcmp (domain, "edge") == 0)
    return classify (key, ML_KIND_RELATION, &field) == TARGET_UNKNOWN;
  if (strcmp (domain, "all") == 0)
    return classify (key, ML_KIND_STAKEHOLDER, &field) == TARGET_UNKNOWN &&
           classify (key, ML_KIND_RELATION, &field) == TARGET_UNKNOWN;

  /* Attributes of the graph or of ports describe nothing MissionLab keeps. */
  return FALSE;
}

static void
read_key (Reader  *reader,
          xmlNode *node)
{
  g_autofree char *id = dup_attribute (node, "id");
  g_autofree char *attr_name = dup_attribute (node, "attr.name");
  g_autofree char *yfiles_type = dup_attribute (node, "yfiles.type");
  g_autofree char *domain = dup_attribute (node, "for");
  Key *key;

  if (id == NULL || id[0] == '\0')
    {
      ml_import_add_error (reader->import, line_of (node), _("the <key> has no id."));
      return;
    }
  if (g_hash_table_contains (reader->keys, id))
    {
      g_autofree char *message = g_strdup_printf (_("the key id “%s” is declared twice."), id);

      ml_import_add_error (reader->import, line_of (node), message);
      return;
    }

  key = g_new0 (Key, 1);
  key->name = g_ascii_strdown (attr_name != NULL && attr_name[0] != '\0' ? attr_name : id, -1);
  key->yed_label = g_strcmp0 (yfiles_type, "nodegraphics") == 0;
  key->ignored = yfiles_type != NULL && !key->yed_label;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_graphml (child, "default"))
        {
          g_free (key->fallback);
          key->fallback = dup_text (child);
        }
    }
  g_hash_table_insert (reader->keys, g_steal_pointer (&id), key);
  if (key->fallback != NULL)
    g_ptr_array_add (reader->defaults, key);

  if (is_unknown (key, domain != NULL ? domain : "all"))
    g_ptr_array_add (ml_import_get_warnings (reader->import),
                     g_strdup_printf (_("line %u: the attribute “%s” is not one MissionLab knows; it is ignored."),
                                      line_of (node), attr_name != NULL ? attr_name : key->name));
}

/* yEd keeps a node's label in <y:NodeLabel>, somewhere inside its graphics. */
static xmlNode *
find_node_label (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      xmlNode *found;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) child->name, "NodeLabel") == 0)
        return child;
      if ((found = find_node_label (child)) != NULL)
        return found;
    }

  return NULL;
}

static void
set_value (Values     *values,
           const Key  *key,
           MlKind      kind,
           char       *text)
{
  MlField field = ML_NO_FIELD;
  char **slot = NULL;

  switch (classify (key, kind, &field))
    {
    case TARGET_FIELD:
      slot = &values->texts[field];
      break;
    case TARGET_LABEL:
      slot = &values->label;
      break;
    case TARGET_GROUP:
      slot = &values->group;
      break;
    case TARGET_UNKNOWN:
    case TARGET_IGNORED:
    default:
      break;
    }

  if (slot == NULL || text[0] == '\0')
    {
      g_free (text);
      return;
    }
  g_free (*slot);
  *slot = text;
}

/* The values of a node or an edge: the keys' defaults, then its <data>. */
static gboolean
read_values (Reader  *reader,
             xmlNode *item,
             MlKind   kind,
             Values  *values)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < reader->defaults->len; i++)
    {
      const Key *key = g_ptr_array_index (reader->defaults, i);

      set_value (values, key, kind, g_strdup (key->fallback));
    }

  for (xmlNode *child = item->children; child != NULL; child = child->next)
    {
      g_autofree char *id = NULL;
      const Key *data_key;
      xmlNode *label;

      if (!is_graphml (child, "data"))
        continue;
      id = dup_attribute (child, "key");
      data_key = id != NULL ? g_hash_table_lookup (reader->keys, id) : NULL;
      if (data_key == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("the <data> refers to the key “%s”, which no <key> declares."),
                             id != NULL ? id : "");

          ml_import_add_error (reader->import, line_of (child), message);
          ok = FALSE;
          continue;
        }
      if (data_key->yed_label)
        {
          label = find_node_label (child);
          set_value (values, data_key, kind, label != NULL ? dup_text (label) : g_strdup (""));
        }
      else
        {
          set_value (values, data_key, kind, dup_text (child));
        }
    }

  return ok;
}

/* Sets the fields of @element from @values; the caller handled @skip. */
static gboolean
set_fields (Reader    *reader,
            MlElement *element,
            Values    *values,
            MlField    skip,
            gboolean  *given,
            guint      line)
{
  gboolean ok = TRUE;

  ML_KIND_FOREACH_FIELD (ml_element_get_kind (element), field)
    {
      if (field == skip || values->texts[field] == NULL)
        continue;
      given[field] = TRUE;
      ok &= ml_import_set_field (reader->import, element, field, values->texts[field], line);
    }

  return ok;
}

/* The node's id if it can be the stakeholder's, so that a project exported and imported again
 * keeps its ids; a new one otherwise, since node ids only join edges to nodes. */
static char *
choose_id (Reader     *reader,
           MlKind      kind,
           const char *wanted)
{
  g_autofree char *problem = wanted != NULL ? ml_import_check_id (reader->import, wanted, reader->ids)
                                             : NULL;

  if (wanted != NULL && problem == NULL)
    return g_strdup (wanted);

  return ml_import_generate_id (reader->import, kind, reader->ids);
}

static void
read_node (Reader     *reader,
           xmlNode    *item,
           GHashTable *known,
           GHashTable *seen)
{
  g_auto(Values) values = { { NULL } };
  g_autoptr(MlElement) element = NULL;
  g_autofree char *node_id = dup_attribute (item, "id");
  g_autofree char *folded = NULL;
  g_autofree char *id = NULL;
  gboolean given[ML_N_FIELDS] = { FALSE };
  guint line = line_of (item);
  const char *name;
  MlElement *same;
  Node *node, *earlier;
  gboolean ok;

  if (node_id == NULL || node_id[0] == '\0')
    {
      ml_import_add_error (reader->import, line, _("the <node> has no id."));
      return;
    }
  if (g_hash_table_contains (reader->nodes, node_id))
    {
      g_autofree char *message = g_strdup_printf (_("the node id “%s” is used by an earlier node."),
                                                  node_id);

      ml_import_add_error (reader->import, line, message);
      return;
    }
  node = g_new0 (Node, 1);
  node->line = line;
  g_hash_table_insert (reader->nodes, g_strdup (node_id), node);

  ok = read_values (reader, item, ML_KIND_STAKEHOLDER, &values);
  name = values.texts[ML_STAKEHOLDER_NAME] != NULL ? values.texts[ML_STAKEHOLDER_NAME]
       : values.label != NULL ? values.label
       : node_id;

  folded = ml_import_fold_name (name);
  if ((same = g_hash_table_lookup (known, folded)) != NULL)
    {
      g_ptr_array_add (ml_import_get_skipped (reader->import),
                       g_strdup_printf (_("line %u: “%s” is already a stakeholder (%s); skipped."),
                                        line, name, ml_element_get_id (same)));
      node->stakeholder = g_object_ref (same);
      return;
    }
  if ((earlier = g_hash_table_lookup (seen, folded)) != NULL)
    {
      g_ptr_array_add (ml_import_get_skipped (reader->import),
                       g_strdup_printf (_("line %u: “%s” already appears on line %u; skipped."),
                                        line, name, earlier->line));
      g_set_object (&node->stakeholder, earlier->stakeholder);
      return;
    }
  g_hash_table_insert (seen, g_steal_pointer (&folded), node);
  if (!ok)
    return;

  id = choose_id (reader, ML_KIND_STAKEHOLDER, node_id);
  element = ml_element_new (ML_KIND_STAKEHOLDER, id);
  given[ML_STAKEHOLDER_NAME] = TRUE;
  ok = ml_import_set_field (reader->import, element, ML_STAKEHOLDER_NAME, name, line);
  ok &= set_fields (reader, element, &values, ML_STAKEHOLDER_NAME, given, line);
  ok &= ml_import_check_required (reader->import, element, given, line);
  if (!ok)
    return;

  g_hash_table_add (reader->ids, g_steal_pointer (&id));
  ml_import_add (reader->import, element, line);
  node->stakeholder = g_steal_pointer (&element);
}

/* The stakeholder an end of an edge stands for, or NULL after reporting why there is none. */
static MlElement *
resolve_end (Reader     *reader,
             const char *node_id,
             guint       line)
{
  Node *node = g_hash_table_lookup (reader->nodes, node_id);
  g_autofree char *message = NULL;

  if (node != NULL && node->stakeholder != NULL)
    return node->stakeholder;

  if (node == NULL)
    message = g_strdup_printf (_("no node has the id “%s”."), node_id);
  else
    message = g_strdup_printf (_("the node “%s” (line %u) is not imported, so neither is this edge."),
                               node_id, node->line);
  ml_import_add_error (reader->import, line, message);

  return NULL;
}

static gboolean
is_known_relation (Reader    *reader,
                   MlElement *relation)
{
  const char *from = ml_element_get_string (relation, ML_RELATION_FROM);
  const char *to = ml_element_get_string (relation, ML_RELATION_TO);
  int kind = ml_element_get_enum (relation, ML_RELATION_KIND);

  /* A mutual relation is the same whichever end the file names first. */
  return ml_import_has_relation (reader->import, from, to, kind) ||
         (ml_element_get_enum (relation, ML_RELATION_DIRECTION) == ML_RELATION_MUTUAL &&
          ml_import_has_relation (reader->import, to, from, kind));
}

static void
read_edge (Reader   *reader,
           xmlNode  *item,
           gboolean  undirected)
{
  g_auto(Values) values = { { NULL } };
  g_autoptr(MlElement) element = NULL;
  g_autofree char *source = dup_attribute (item, "source");
  g_autofree char *target = dup_attribute (item, "target");
  g_autofree char *directed = dup_attribute (item, "directed");
  g_autofree char *id = NULL;
  gboolean given[ML_N_FIELDS] = { FALSE };
  guint line = line_of (item);
  MlElement *from, *to;
  Group *group = NULL;
  gboolean ok;

  if (source == NULL || target == NULL)
    {
      ml_import_add_error (reader->import, line, _("the <edge> needs both a source and a target."));
      return;
    }
  ok = read_values (reader, item, ML_KIND_RELATION, &values);
  from = resolve_end (reader, source, line);
  to = resolve_end (reader, target, line);
  if (from == NULL || to == NULL || !ok)
    return;

  if (values.group != NULL && (group = g_hash_table_lookup (reader->groups, values.group)) != NULL)
    {
      g_autofree char *message = NULL;

      /* The export's second arc of a mutual relation. */
      if (group->mutual && group->from == to && group->to == from)
        return;
      message = g_strdup_printf (_("the edge repeats the relation “%s” of line %u."),
                                 values.group, group->line);
      ml_import_add_error (reader->import, line, message);
      return;
    }
  if (from == to)
    {
      ml_import_add_error (reader->import, line,
                           _("a relation joins two different stakeholders, not one to itself."));
      return;
    }

  id = choose_id (reader, ML_KIND_RELATION, values.group);
  element = ml_element_new (ML_KIND_RELATION, id);
  given[ML_RELATION_FROM] = given[ML_RELATION_TO] = TRUE;
  ok = ml_import_set_field (reader->import, element, ML_RELATION_FROM, ml_element_get_id (from), line);
  ok &= ml_import_set_field (reader->import, element, ML_RELATION_TO, ml_element_get_id (to), line);
  ok &= set_fields (reader, element, &values, ML_NO_FIELD, given, line);
  if (values.texts[ML_RELATION_DIRECTION] == NULL &&
      (g_strcmp0 (directed, "false") == 0 || (undirected && g_strcmp0 (directed, "true") != 0)))
    ok &= ml_import_set_field (reader->import, element, ML_RELATION_DIRECTION, "mutual", line);

  if (values.group != NULL)
    {
      group = g_new0 (Group, 1);
      group->from = from;
      group->to = to;
      group->mutual = ml_element_get_enum (element, ML_RELATION_DIRECTION) == ML_RELATION_MUTUAL;
      group->line = line;
      g_hash_table_insert (reader->groups, g_strdup (values.group), group);
    }

  ok &= ml_import_check_required (reader->import, element, given, line);
  if (!ok)
    return;

  if (is_known_relation (reader, element))
    {
      g_ptr_array_add (ml_import_get_skipped (reader->import),
                       g_strdup_printf (_("line %u: the project already has this relation from “%s” to “%s”; skipped."),
                                        line, ml_element_get_label (from), ml_element_get_label (to)));
      return;
    }

  g_hash_table_add (reader->ids, g_steal_pointer (&id));
  ml_import_add (reader->import, element, line);
}

/* Nodes first, so that edges may name a node written after them. */
static void
read_graphs (Reader  *reader,
             xmlNode *root)
{
  g_autoptr(GHashTable) known = ml_import_index_names (reader->import);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *graph = root->children; graph != NULL; graph = graph->next)
    {
      if (!is_graphml (graph, "graph"))
        continue;
      for (xmlNode *item = graph->children; item != NULL; item = item->next)
        {
          if (!is_graphml (item, "node"))
            continue;
          read_node (reader, item, known, seen);
          for (xmlNode *child = item->children; child != NULL; child = child->next)
            if (is_graphml (child, "graph"))
              g_ptr_array_add (ml_import_get_warnings (reader->import),
                               g_strdup_printf (_("line %u: graphs nested in a node are not imported."),
                                                line_of (child)));
        }
    }

  for (xmlNode *graph = root->children; graph != NULL; graph = graph->next)
    {
      g_autofree char *edgedefault = NULL;

      if (!is_graphml (graph, "graph"))
        continue;
      edgedefault = dup_attribute (graph, "edgedefault");
      for (xmlNode *item = graph->children; item != NULL; item = item->next)
        if (is_graphml (item, "edge"))
          read_edge (reader, item, g_strcmp0 (edgedefault, "undirected") == 0);
    }
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

static void G_GNUC_PRINTF (3, 4)
set_error_at (GError     **error,
              guint        line,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE, _("Line %u: %s"), line, message);
}

/* The document, or NULL with an error that says what is wrong with the file as a whole. */
static xmlDoc *
parse (const char  *data,
       gsize        length,
       GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  Parse state = { FALSE, 0, NULL, 1 };
  g_autofree char *message = NULL;
  const char *end;

  if (length > ML_GRAPHML_MAX_SIZE)
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_TOO_LARGE, _("The file is too large."));
      return NULL;
    }
  if (is_blank (data, length))
    {
      g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID_VALUE, _("The file is empty."));
      return NULL;
    }
  if (!g_utf8_validate (data, length, &end))
    {
      guint line = 1;

      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                   _("Line %u is not UTF-8 text; MissionLab reads GraphML files in UTF-8 only."),
                   line);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory creating an XML parser");
  ctxt->_private = &state;
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->sax->serror = keep_first_error;
  ctxt->sax->startElementNs = start_element;
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, "import.graphml", "UTF-8", PARSE_OPTIONS);
  message = g_steal_pointer (&state.message);

  if (state.doctype)
    {
      set_error_at (error, state.doctype_line, "%s",
                    _("The file has a DOCTYPE declaration. MissionLab refuses DTDs and entities, which can read other files or expand without end."));
      return NULL;
    }
  if (doc != NULL && xmlDocGetRootElement (doc) != NULL)
    return g_steal_pointer (&doc);

  set_error_at (error, state.line, _("The file is not well-formed XML: %s"),
                message != NULL ? message : _("it could not be parsed"));

  return NULL;
}

/**
 * ml_graphml_import_preview:
 * @project: the project to import into; it is not changed
 * @data: the GraphML text
 * @length: its length in bytes
 * @error: return location for an error
 *
 * Reads a GraphML file and says what importing it would do. Problems with single nodes and
 * edges are reported in the preview (ml_import_get_errors()); @error is set only when the
 * file as a whole cannot be read: too large, not UTF-8, not well-formed XML, a DOCTYPE, or not
 * GraphML.
 *
 * Returns: (transfer full) (nullable): the preview
 */
MlImport *
ml_graphml_import_preview (MlProject   *project,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(MlImport) import = NULL;
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(GPtrArray) defaults = NULL;
  g_autoptr(GHashTable) nodes = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  gboolean has_graph = FALSE;
  Reader reader;
  xmlNode *root;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  doc = parse (data != NULL ? data : "", length, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (!is_graphml (root, "graphml"))
    {
      set_error_at (error, line_of (root),
                    _("This is not a GraphML file: its root element is <%s>, not <graphml xmlns=\"%s\">."),
                    (const char *) root->name, GRAPHML_NAMESPACE);
      return NULL;
    }
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    has_graph |= is_graphml (child, "graph");
  if (!has_graph)
    {
      set_error_at (error, line_of (root), "%s",
                    _("The GraphML file holds no <graph>, so there is nothing to import."));
      return NULL;
    }

  import = ml_import_new (project, ML_IMPORT_SOURCE_GRAPHML);
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) key_free);
  defaults = g_ptr_array_new ();
  nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) node_free);
  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader = (Reader) { import, keys, defaults, nodes, groups, ids };

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_graphml (child, "key"))
      read_key (&reader, child);
  read_graphs (&reader, root);

  return g_steal_pointer (&import);
}

/**
 * ml_graphml_import_preview_file:
 * @project: the project to import into; it is not changed
 * @path: a GraphML file of at most %ML_GRAPHML_MAX_SIZE bytes
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the preview, as ml_graphml_import_preview()
 */
MlImport *
ml_graphml_import_preview_file (MlProject   *project,
                                const char  *path,
                                GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (ML_IS_PROJECT (project), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  bytes = ml_file_read (path, ML_GRAPHML_MAX_SIZE, NULL, error);
  if (bytes == NULL)
    return NULL;

  return ml_graphml_import_preview (project, g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes), error);
}
