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

static void
print_table (GArray *rows)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char date[11];

  ml_cli_print_padded (_("Status"), 15);
  g_print ("%10s %10s %-10s %10s %10s  %-12s %s\n", _("Baseline"), _("Latest"), _("Date"),
           _("Expected"), _("Target"), _("Unit"), _("Mission / objective / indicator"));
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      ml_cli_print_padded (ml_indicator_status_get_label (row->status), 15);
      g_print ("%10s ", ml_cli_format_number (buffer,
                                       ml_element_get_number (row->indicator,
                                                              ML_INDICATOR_BASELINE)));
      g_print ("%10s ", ml_cli_format_number (buffer, row->value));
      ml_cli_format_date (row->latest != NULL
                            ? ml_element_get_date (row->latest, ML_MEASUREMENT_DATE)
                            : ML_DATE_NONE, date);
      g_print ("%-10s ", date);
      g_print ("%10s ", ml_cli_format_number (buffer, row->expected));
      g_print ("%10s  ", ml_cli_format_number (buffer,
                                        ml_element_get_number (row->indicator,
                                                               ML_INDICATOR_TARGET)));
      ml_cli_print_padded (ml_cli_string_or_empty (row->indicator, ML_INDICATOR_UNIT), 12);
      g_print ("%s / %s / %s\n", ml_cli_label_or_empty (row->mission),
               ml_cli_label_or_empty (row->objective),
               ml_cli_label_or_empty (row->indicator));
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

      fields[0] = ml_cli_id_or_empty (row->mission);
      fields[1] = ml_cli_id_or_empty (row->objective);
      fields[2] = ml_cli_id_or_empty (row->indicator);
      fields[3] = ml_cli_label_or_empty (row->indicator);
      fields[4] = ml_cli_string_or_empty (row->indicator, ML_INDICATOR_UNIT);
      fields[5] = ml_cli_format_number (numbers[0], ml_element_get_number (row->indicator,
                                                                    ML_INDICATOR_BASELINE));
      ml_cli_format_date (ml_element_get_date (row->indicator, ML_INDICATOR_BASELINE_DATE),
                          dates[0]);
      fields[6] = dates[0];
      fields[7] = ml_cli_format_number (numbers[1], row->value);
      ml_cli_format_date (row->latest != NULL
                            ? ml_element_get_date (row->latest, ML_MEASUREMENT_DATE)
                            : ML_DATE_NONE, dates[1]);
      fields[8] = dates[1];
      fields[9] = ml_cli_format_number (numbers[2], row->expected);
      fields[10] = ml_cli_format_number (numbers[3], ml_element_get_number (row->indicator,
                                                                     ML_INDICATOR_TARGET));
      ml_cli_format_date (ml_element_get_date (row->indicator, ML_INDICATOR_TARGET_DATE), dates[2]);
      fields[11] = dates[2];
      fields[12] = ml_indicator_status_get_nick (row->status);

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          if (j > 0)
            g_string_append_c (out, ',');
          ml_csv_append_field (out, fields[j]);
        }
      g_string_append_c (out, '\n');
    }
  g_print ("%s", out->str);
}

static void
append_json_date (GString    *out,
                  const char *key,
                  MlDate      date)
{
  char buffer[11];

  ml_cli_format_date (date, buffer);
  ml_cli_append_json_field (out, key, buffer);
}

static void
print_json (GArray *rows)
{
  g_autoptr(GString) out = g_string_new ("{\n  \"indicators\": [");

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      g_string_append (out, i > 0 ? ",\n    {" : "\n    {");
      ml_cli_append_json_field (out, "mission", ml_cli_id_or_empty (row->mission));
      g_string_append (out, ", ");
      ml_cli_append_json_field (out, "objective", ml_cli_id_or_empty (row->objective));
      g_string_append (out, ", ");
      ml_cli_append_json_field (out, "indicator", ml_cli_id_or_empty (row->indicator));
      g_string_append (out, ", ");
      ml_cli_append_json_field (out, "name", ml_cli_label_or_empty (row->indicator));
      g_string_append (out, ", ");
      ml_cli_append_json_field (out, "unit",
                                ml_cli_string_or_empty (row->indicator, ML_INDICATOR_UNIT));
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
      ml_cli_append_json_field (out, "status", ml_indicator_status_get_nick (row->status));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n  ]\n}\n");
  g_print ("%s", out->str);
}

int
ml_cli_indicators (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *today_text = NULL;
  MlCliFormat format;
  MlDate today = ml_date_today ();
  int status;
  const GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The date to judge recent data by, YYYY-MM-DD; by default today"), N_("DATE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — where the indicators stand"));
  g_option_context_set_summary (context,
                                _("Prints, for each indicator, its mission and objective, unit, baseline, latest measurement and its date, the value expected on that date on the straight path from baseline to target, the target, and a status: on track, at risk, off track, no recent data or not measurable."));
  status = ml_cli_parse_formatted ("indicators", context, entries, &argc, &argv, &format);
  if (status != ML_EXIT_OK)
    return status;
  if ((status = ml_cli_parse_date ("indicators", today_text, &today)) != ML_EXIT_OK)
    return status;

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
