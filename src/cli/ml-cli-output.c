/* ml-cli-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the reporting subcommands (metrics, indicators, mix) share: the choice of table, CSV or
 * JSON, and how numbers and text are written for programs to read.
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ml-cli.h"

int
ml_cli_parse_format (const char  *command,
                     const char  *name,
                     MlCliFormat *format)
{
  if (name == NULL || g_strcmp0 (name, "table") == 0)
    *format = ML_CLI_FORMAT_TABLE;
  else if (g_strcmp0 (name, "csv") == 0)
    *format = ML_CLI_FORMAT_CSV;
  else if (g_strcmp0 (name, "json") == 0)
    *format = ML_CLI_FORMAT_JSON;
  else
    {
      g_autofree char *message = g_strdup_printf (_("unknown format “%s”: table, csv or json"),
                                                  name);

      g_printerr ("missionlab-cli %s: %s\n", command, message);
      return ML_EXIT_USAGE;
    }
  return ML_EXIT_OK;
}

/* Numbers in files and pipes use a point whatever the locale: CSV and JSON readers expect it.
 * A value that is missing is empty.
 */
const char *
ml_cli_format_number (char   buffer[G_ASCII_DTOSTR_BUF_SIZE],
                      double value)
{
  if (isnan (value))
    return "";
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.6g", value);
}

void
ml_cli_append_csv_field (GString    *out,
                         const char *text)
{
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

void
ml_cli_append_json_string (GString    *out,
                           const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

/* JSON has no NaN: a value that is missing is null. */
void
ml_cli_append_json_number (GString    *out,
                           const char *key,
                           double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "\"%s\": %s", key,
                          isnan (value) ? "null" : ml_cli_format_number (buffer, value));
}
