/* ml-cli-indicators.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-cli.h"
#include "ml-indicator.h"

/* One indicator, everything a row needs, worked out once for all three formats. */
typedef struct
{
  MlElement *mission;
  MlElement *objective;
  MlElement *indicator;
  MlElement *latest;
  double value;
  double expected;
  MlIndicatorStatus status;
} Row;

static const char *
label_or_empty (MlElement *element)
{
  const char *label = element != NULL ? ml_element_get_label (element) : NULL;

  return label != NULL ? label : "";
}

static const char *
id_or_empty (MlElement *element)
{
  const char *id = element != NULL ? ml_element_get_id (element) : NULL;

  return id != NULL ? id : "";
}

static const char *
string_or_empty (MlElement *element,
                 MlField    field)
{
  const char *text = ml_element_get_string (element, field);

  return text != NULL ? text : "";
}

static void
format_date (MlDate date,
             char   buffer[11])
{
  if (date == ML_DATE_NONE)
    buffer[0] = '\0';
  else
    ml_date_format_into (date, buffer);
}

static GArray *
collect_rows (MlProject *project,
              MlDate     today)
{
  g_autoptr(GPtrArray) indicators = ml_project_collect (project, ML_KIND_INDICATOR);
  GArray *rows = g_array_sized_new (FALSE, TRUE, sizeof (Row), indicators->len);

  for (guint i = 0; i < indicators->len; i++)
    {
      Row row = { 0 };

      row.indicator = g_ptr_array_index (indicators, i);
      row.objective = ml_element_get_parent (row.indicator);
      row.mission = row.objective != NULL ? ml_element_get_parent (row.objective) : NULL;
      row.latest = ml_indicator_get_latest (row.indicator);
      row.value = row.latest != NULL ? ml_element_get_number (row.latest, ML_MEASUREMENT_VALUE)
                                     : NAN;
      /* The expected value at the latest measurement's date is what its status compares. */
      row.expected = row.latest != NULL
                       ? ml_indicator_get_expected (row.indicator,
                                                    ml_element_get_date (row.latest,
                                                                         ML_MEASUREMENT_DATE))
                       : NAN;
      row.status = ml_indicator_get_status (row.indicator, today, NULL);
      g_array_append_val (rows, row);
    }

  return rows;
}

/* Pads by characters, not bytes: names have dashes and translations have accents. */
static void
print_padded (const char *text,
              int         width)
{
  glong length = g_utf8_strlen (text, -1);

  g_print ("%s%*s ", text, (int) MAX (width - length, 0), "");
}

static void
print_table (GArray *rows)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char date[11];

  print_padded (_("Status"), 15);
  g_print ("%10s %10s %-10s %10s %10s  %-12s %s\n", _("Baseline"), _("Latest"), _("Date"),
           _("Expected"), _("Target"), _("Unit"), _("Mission / objective / indicator"));
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      print_padded (ml_indicator_status_get_label (row->status), 15);
      g_print ("%10s ", ml_cli_format_number (buffer,
                                       ml_element_get_number (row->indicator,
                                                              ML_INDICATOR_BASELINE)));
      g_print ("%10s ", ml_cli_format_number (buffer, row->value));
      format_date (row->latest != NULL ? ml_element_get_date (row->latest, ML_MEASUREMENT_DATE)
                                       : ML_DATE_NONE, date);
      g_print ("%-10s ", date);
      g_print ("%10s ", ml_cli_format_number (buffer, row->expected));
      g_print ("%10s  ", ml_cli_format_number (buffer,
                                        ml_element_get_number (row->indicator,
                                                               ML_INDICATOR_TARGET)));
      print_padded (string_or_empty (row->indicator, ML_INDICATOR_UNIT), 12);
      g_print ("%s / %s / %s\n", label_or_empty (row->mission), label_or_empty (row->objective),
               label_or_empty (row->indicator));
    }
}

static void
print_csv (GArray *rows)
{
  g_autoptr(GString) out = g_string_new (NULL);

  /* The header is data, read by programs: not translated. */
  g_string_append (out, "mission,objective,indicator,name,unit,baseline,baseline_date,latest,"
                        "latest_date,expected,target,target_date,status\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      const char *fields[13];
      char numbers[4][G_ASCII_DTOSTR_BUF_SIZE];
      char dates[3][11];

      fields[0] = id_or_empty (row->mission);
      fields[1] = id_or_empty (row->objective);
      fields[2] = id_or_empty (row->indicator);
      fields[3] = label_or_empty (row->indicator);
      fields[4] = string_or_empty (row->indicator, ML_INDICATOR_UNIT);
      fields[5] = ml_cli_format_number (numbers[0], ml_element_get_number (row->indicator,
                                                                    ML_INDICATOR_BASELINE));
      format_date (ml_element_get_date (row->indicator, ML_INDICATOR_BASELINE_DATE), dates[0]);
      fields[6] = dates[0];
      fields[7] = ml_cli_format_number (numbers[1], row->value);
      format_date (row->latest != NULL ? ml_element_get_date (row->latest, ML_MEASUREMENT_DATE)
                                       : ML_DATE_NONE, dates[1]);
      fields[8] = dates[1];
      fields[9] = ml_cli_format_number (numbers[2], row->expected);
      fields[10] = ml_cli_format_number (numbers[3], ml_element_get_number (row->indicator,
                                                                     ML_INDICATOR_TARGET));
      format_date (ml_element_get_date (row->indicator, ML_INDICATOR_TARGET_DATE), dates[2]);
      fields[11] = dates[2];
      fields[12] = ml_indicator_status_get_nick (row->status);

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          if (j > 0)
            g_string_append_c (out, ',');
          ml_cli_append_csv_field (out, fields[j]);
        }
      g_string_append_c (out, '\n');
    }
  g_print ("%s", out->str);
}

static void
append_json_field (GString    *out,
                   const char *key,
                   const char *text)
{
  g_string_append_printf (out, "\"%s\": ", key);
  if (text == NULL || *text == '\0')
    g_string_append (out, "null");
  else
    ml_cli_append_json_string (out, text);
}

static void
append_json_date (GString    *out,
                  const char *key,
                  MlDate      date)
{
  char buffer[11];

  format_date (date, buffer);
  append_json_field (out, key, buffer);
}

static void
print_json (GArray *rows)
{
  g_autoptr(GString) out = g_string_new ("{\n  \"indicators\": [");

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      g_string_append (out, i > 0 ? ",\n    {" : "\n    {");
      append_json_field (out, "mission", id_or_empty (row->mission));
      g_string_append (out, ", ");
      append_json_field (out, "objective", id_or_empty (row->objective));
      g_string_append (out, ", ");
      append_json_field (out, "indicator", id_or_empty (row->indicator));
      g_string_append (out, ", ");
      append_json_field (out, "name", label_or_empty (row->indicator));
      g_string_append (out, ", ");
      append_json_field (out, "unit", string_or_empty (row->indicator, ML_INDICATOR_UNIT));
      g_string_append (out, ", ");
      ml_cli_append_json_number (out, "baseline",
                          ml_element_get_number (row->indicator, ML_INDICATOR_BASELINE));
      g_string_append (out, ", ");
      append_json_date (out, "baseline_date",
                        ml_element_get_date (row->indicator, ML_INDICATOR_BASELINE_DATE));
      g_string_append (out, ", ");
      ml_cli_append_json_number (out, "latest", row->value);
      g_string_append (out, ", ");
      append_json_date (out, "latest_date",
                        row->latest != NULL
                          ? ml_element_get_date (row->latest, ML_MEASUREMENT_DATE)
                          : ML_DATE_NONE);
      g_string_append (out, ", ");
      ml_cli_append_json_number (out, "expected", row->expected);
      g_string_append (out, ", ");
      ml_cli_append_json_number (out, "target",
                          ml_element_get_number (row->indicator, ML_INDICATOR_TARGET));
      g_string_append (out, ", ");
      append_json_date (out, "target_date",
                        ml_element_get_date (row->indicator, ML_INDICATOR_TARGET_DATE));
      g_string_append (out, ", ");
      append_json_field (out, "status", ml_indicator_status_get_nick (row->status));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n  ]\n}\n");
  g_print ("%s", out->str);
}

static int
usage_error (const char *message)
{
  g_printerr ("missionlab-cli indicators: %s\n", message);
  return ML_EXIT_USAGE;
}

int
ml_cli_indicators (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *today_text = NULL;
  MlCliFormat format;
  MlDate today = ml_date_today ();
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("table, csv or json (table)"),
      N_("FORMAT") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The date to judge recent data by, YYYY-MM-DD; by default today"), N_("DATE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — where the indicators stand"));
  g_option_context_set_summary (context,
                                _("Prints, for each indicator, its mission and objective, unit, baseline, latest measurement and its date, the value expected on that date on the straight path from baseline to target, the target, and a status: on track, at risk, off track, no recent data or not measurable."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = ml_cli_parse (context, &argc, &argv, 1)) != ML_EXIT_OK)
    return status;

  if (argc > 2)
    return usage_error (_("one project file at a time"));
  if ((status = ml_cli_parse_format ("indicators", format_name, &format)) != ML_EXIT_OK)
    return status;
  if (today_text != NULL && !ml_date_parse (today_text, &today))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD)"),
                                                  today_text);

      return usage_error (message);
    }

  project = ml_cli_load (argv[1], NULL, &status);
  if (project == NULL)
    return status;

  rows = collect_rows (project, today);
  switch (format)
    {
    case ML_CLI_FORMAT_TABLE:
      print_table (rows);
      break;
    case ML_CLI_FORMAT_CSV:
      print_csv (rows);
      break;
    case ML_CLI_FORMAT_JSON:
      print_json (rows);
      break;
    default:
      g_assert_not_reached ();
    }

  return ML_EXIT_OK;
}
