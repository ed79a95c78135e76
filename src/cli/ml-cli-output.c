/* ml-cli-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the reporting subcommands (metrics, indicators, mix, portfolio, candidates) share: the
 * choice of table, CSV or JSON, how numbers and text are written for programs to read, and
 * loading the one project they report on.
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

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

/* An option such as --today: left as it is when not given. */
int
ml_cli_parse_date (const char *command,
                   const char *text,
                   MlDate     *date)
{
  g_autofree char *message = NULL;

  if (text == NULL || ml_date_parse (text, date))
    return ML_EXIT_OK;

  message = g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD)"), text);
  g_printerr ("missionlab-cli %s: %s\n", command, message);
  return ML_EXIT_USAGE;
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

/* A date that is missing is empty. */
void
ml_cli_format_date (MlDate date,
                    char   buffer[11])
{
  if (date == ML_DATE_NONE)
    buffer[0] = '\0';
  else
    ml_date_format_into (date, buffer);
}

const char *
ml_cli_id_or_empty (MlElement *element)
{
  const char *id = element != NULL ? ml_element_get_id (element) : NULL;

  return id != NULL ? id : "";
}

const char *
ml_cli_label_or_empty (MlElement *element)
{
  const char *label = element != NULL ? ml_element_get_label (element) : NULL;

  return label != NULL ? label : "";
}

const char *
ml_cli_string_or_empty (MlElement *element,
                        MlField    field)
{
  const char *text = ml_element_get_string (element, field);

  return text != NULL ? text : "";
}

/* Pads by characters, not bytes: names have dashes and translations have accents. */
void
ml_cli_print_padded (const char *text,
                     int         width)
{
  glong length = g_utf8_strlen (text, -1);

  g_print ("%s%*s ", text, (int) MAX (width - length, 0), "");
}

/* Text that is missing or empty is null. */
void
ml_cli_append_json_field (GString    *out,
                          const char *key,
                          const char *text)
{
  g_string_append_printf (out, "\"%s\": ", key);
  if (text == NULL || *text == '\0')
    g_string_append (out, "null");
  else
    ml_cli_append_json_string (out, text);
}

/**
 * ml_cli_parse_formatted:
 * @command: the subcommand's name, for messages
 * @context: its option context with its summary
 * @entries: (nullable): its own options, shown after --format
 * @argc: (inout): the number of arguments after the subcommand's name
 * @argv: (inout): those arguments
 * @format: (out): the format asked for
 *
 * What a reporting subcommand on one project does first: parse --format and its own options,
 * and take exactly one project file, (*@argv)[1].
 *
 * Returns: %ML_EXIT_OK, or the exit status to return
 */
int
ml_cli_parse_formatted (const char          *command,
                        GOptionContext      *context,
                        const GOptionEntry  *entries,
                        int                 *argc,
                        char              ***argv,
                        MlCliFormat         *format)
{
  g_autofree char *format_name = NULL;
  const GOptionEntry format_entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("table, csv or json (table)"),
      N_("FORMAT") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, format_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = ml_cli_parse (context, argc, argv, 1)) != ML_EXIT_OK)
    return status;
  if (*argc > 2)
    {
      g_printerr ("missionlab-cli %s: %s\n", command, _("one project file at a time"));
      return ML_EXIT_USAGE;
    }

  return ml_cli_parse_format (command, format_name, format);
}

/**
 * ml_cli_load_formatted:
 * @status: (out): the exit status to return when no project is
 *
 * ml_cli_parse_formatted(), then loads the project file.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @status set
 */
MlProject *
ml_cli_load_formatted (const char          *command,
                       GOptionContext      *context,
                       const GOptionEntry  *entries,
                       int                 *argc,
                       char              ***argv,
                       MlCliFormat         *format,
                       int                 *status)
{
  if ((*status = ml_cli_parse_formatted (command, context, entries, argc, argv, format)) !=
      ML_EXIT_OK)
    return NULL;

  return ml_cli_load ((*argv)[1], NULL, status);
}
