/* ml-xml-extra.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-xml-extra"

#include "config.h"

#include "ml-xml-extra.h"

MlXmlExtra *
ml_xml_extra_new (MlXmlExtraType type)
{
  MlXmlExtra *self = g_new0 (MlXmlExtra, 1);

  self->type = type;

  return self;
}

void
ml_xml_extra_free (MlXmlExtra *self)
{
  if (self == NULL)
    return;

  g_free (self->container);
  g_free (self->prefix);
  g_free (self->href);
  g_free (self->name);
  g_free (self->value);
  g_clear_pointer (&self->node, xmlFreeNode);
  g_free (self);
}
