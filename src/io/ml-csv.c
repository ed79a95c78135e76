/* ml-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-csv"

#include "config.h"

#include <string.h>

#include "ml-csv.h"

/**
 * ml_csv_append_field:
 * @out: the line being written
 * @text: (nullable): the field; %NULL is written as an empty field
 *
 * Appends @text as one field, in double quotes (doubled inside) when it holds a comma, a quote
 * or a line break, so that the field survives a round trip through any CSV reader.
 */
void
ml_csv_append_field (GString    *out,
                     const char *text)
{
  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
