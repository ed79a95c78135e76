/* ml-cli-mix.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-cli.h"
#include "ml-policy-mix.h"

static const char *
nick_of (MlField field,
         guint   value)
{
  return ml_field_get_info (field)->enum_info->nicks[value];
}

/* Numbers in files and pipes use a point whatever the locale. */
static void
print_cells (MlPolicyMix *mix,
             MlCliFormat       format)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean first = TRUE;

  if (format == ML_CLI_FORMAT_CSV)
    g_string_append (out, "side,stage,instruments,currency,budget\n");
  else if (format == ML_CLI_FORMAT_JSON)
    g_string_append (out, "{\n  \"cells\": [");
  else
    g_string_append_printf (out, "%-12s %-14s %11s  %s\n", _("Side"), _("Stage"),
                            _("Instruments"), _("Budget"));

  for (guint side = 0; side < ML_N_SIDES; side++)
    for (guint stage = 0; stage < ML_N_STAGES; stage++)
      {
        GPtrArray *cell = ml_policy_mix_get_instruments (mix, side, stage);
        GArray *budgets = ml_policy_mix_get_budgets (mix, side, stage);
        const char *side_nick = nick_of (ML_INSTRUMENT_SIDE, side);
        const char *stage_nick = nick_of (ML_INSTRUMENT_STAGES, stage);

        if (format == ML_CLI_FORMAT_JSON)
          {
            g_string_append_printf (out, "%s\n    {\"side\": \"%s\", \"stage\": \"%s\", "
                                    "\"instruments\": %u, \"budgets\": {",
                                    first ? "" : ",", side_nick, stage_nick, cell->len);
            for (guint i = 0; i < budgets->len; i++)
              {
                const MlBudget *b = &g_array_index (budgets, MlBudget, i);

                g_string_append (out, i > 0 ? ", " : "");
                ml_cli_append_json_string (out, b->currency);
                g_string_append_printf (out, ": %s",
                                        g_ascii_formatd (number, sizeof number, "%.2f",
                                                         b->amount));
              }
            g_string_append (out, "}}");
            first = FALSE;
            continue;
          }
        if (format == ML_CLI_FORMAT_CSV)
          {
            if (budgets->len == 0)
              g_string_append_printf (out, "%s,%s,%u,,\n", side_nick, stage_nick, cell->len);
            for (guint i = 0; i < budgets->len; i++)
              {
                const MlBudget *b = &g_array_index (budgets, MlBudget, i);

                g_string_append_printf (out, "%s,%s,%u,", side_nick, stage_nick, cell->len);
                ml_csv_append_field (out, b->currency);
                g_string_append_printf (out, ",%s\n",
                                        g_ascii_formatd (number, sizeof number, "%.2f",
                                                         b->amount));
              }
            continue;
          }
        g_string_append_printf (out, "%-12s %-14s %11u ", side_nick, stage_nick, cell->len);
        for (guint i = 0; i < budgets->len; i++)
          {
            const MlBudget *b = &g_array_index (budgets, MlBudget, i);

            g_string_append_printf (out, " %s %.2f", b->currency != NULL ? b->currency : "",
                                    b->amount);
          }
        g_string_append_c (out, '\n');
      }

  g_print ("%s", out->str);
}

/* Closes the findings and lists the exchange rates the budgets were converted at. */
static void
append_json_rates (GString   *out,
                   GPtrArray *rates)
{
  g_string_append (out, "\n  ],\n  \"rates\": {");
  for (guint i = 0; i < rates->len; i++)
    {
      MlElement *rate = g_ptr_array_index (rates, i);
      char number[ML_NUMBER_BUF_SIZE];

      ml_number_format (ml_element_get_number (rate, ML_RATE_VALUE), number);
      g_string_append (out, i > 0 ? ", " : "");
      ml_cli_append_json_string (out, ml_element_get_string (rate, ML_RATE_CURRENCY));
      g_string_append_printf (out, ": %s", number);
    }
  g_string_append (out, "}\n}\n");
}

static void
print_findings (MlPolicyMix *mix,
                MlCliFormat       format)
{
  GPtrArray *findings = ml_policy_mix_get_findings (mix);
  g_autofree char *conversion = ml_policy_mix_dup_conversion (mix);
  g_autoptr(GString) out = g_string_new (NULL);

  if (format == ML_CLI_FORMAT_JSON)
    g_string_append (out, "\n  ],\n  \"findings\": [");
  else if (format == ML_CLI_FORMAT_TABLE && conversion != NULL)
    g_string_append_printf (out, "\n%s\n\n%s\n", conversion, _("Findings:"));
  else if (format == ML_CLI_FORMAT_TABLE)
    g_string_append_printf (out, "\n%s\n", _("Findings:"));
  else
    g_string_append (out, "\nkind,message\n");

  for (guint i = 0; i < findings->len; i++)
    {
      const MlFinding *finding = g_ptr_array_index (findings, i);
      const char *kind = ml_finding_kind_to_string (finding->kind);

      if (format == ML_CLI_FORMAT_JSON)
        {
          g_string_append_printf (out, "%s\n    {\"kind\": \"%s\", \"message\": ",
                                  i > 0 ? "," : "", kind);
          ml_cli_append_json_string (out, finding->message);
          g_string_append (out, "}");
        }
      else if (format == ML_CLI_FORMAT_CSV)
        {
          g_string_append_printf (out, "%s,", kind);
          ml_csv_append_field (out, finding->message);
          g_string_append_c (out, '\n');
        }
      else
        g_string_append_printf (out, "  %s\n", finding->message);
    }
  if (format == ML_CLI_FORMAT_JSON)
    append_json_rates (out, ml_policy_mix_get_rates (mix));

  g_print ("%s", out->str);
}

int
ml_cli_mix (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlPolicyMix) mix = NULL;
  MlCliFormat format;
  int status;

  context = g_option_context_new (_("FILE — policy mix of the instruments"));
  g_option_context_set_summary (context,
                                _("Prints the instruments and budgets (per currency) of each side and stage, then the gaps and imbalances found in the mix."));
  project = ml_cli_load_formatted ("mix", context, NULL, &argc, &argv, &format, &status);
  if (project == NULL)
    return status;

  mix = ml_policy_mix_compute (project);
  print_cells (mix, format);
  print_findings (mix, format);

  return ML_EXIT_OK;
}
