/* ml-xml-extra.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the reader keeps for the writer without understanding it: attributes and elements of a
 * newer minor version or of other namespaces, and namespace declarations. Stored on elements as
 * opaque extras, so the model knows nothing of libxml2.
 */

#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

typedef enum
{
  ML_XML_EXTRA_NAMESPACE,  /* prefix, href */
  ML_XML_EXTRA_ATTRIBUTE,  /* prefix, href, name, value */
  ML_XML_EXTRA_ELEMENT,    /* container, node */
} MlXmlExtraType;

typedef struct
{
  MlXmlExtraType  type;
  char           *container;  /* the container element it appeared in, or NULL */
  char           *prefix;
  char           *href;
  char           *name;
  char           *value;
  xmlNode        *node;       /* a copy in no document */
} MlXmlExtra;

MlXmlExtra *ml_xml_extra_new   (MlXmlExtraType  type);
void        ml_xml_extra_free  (MlXmlExtra     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlXmlExtra, ml_xml_extra_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

G_END_DECLS
