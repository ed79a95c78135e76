/* missionlab-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ml-cli.h"
#include "ml-locale.h"

typedef struct
{
  const char *name;
  int       (*run) (int, char **);
  const char *summary;
} Command;

static const Command commands[] = {
  { "validate", ml_cli_validate, N_("Check project files against the format and its rules") },
  { "fmt", ml_cli_fmt, N_("Rewrite project files in canonical form, safely") },
  { "stats", ml_cli_stats, N_("Print counts, time horizon and budgets of a project") },
  { "export", ml_cli_export, N_("Export the roadmap (PNG, SVG, PDF) or the stakeholders (GraphML, GEXF)") },
  { "import", ml_cli_import, N_("Add stakeholders or relations from a CSV file, or a network from GraphML") },
  { "metrics", ml_cli_metrics, N_("Stakeholder network: centrality, communities, brokers") },
  { "mix", ml_cli_mix, N_("Policy mix: instruments by side and stage, gaps and imbalances") },
  { "indicators", ml_cli_indicators, N_("Indicators: latest value, expected value, on track or not") },
  { "portfolio", ml_cli_portfolio, N_("Portfolio: activities and instruments, budgets, next decisions") },
  { "candidates", ml_cli_candidates, N_("Candidate missions: ranked by weighted criteria, robustness, dot votes") },
  { "report", ml_cli_report, N_("Write the project report as a PDF: missions, indicators, roadmap, map, mix, portfolio, decisions") },
  { "index", ml_cli_index, N_("Index a folder of projects for search and questions across them") },
  { "search", ml_cli_search, N_("Search the projects of a folder: names, statements, notes") },
  { "query", ml_cli_query, N_("Ask across the projects of a folder: shared stakeholders, budgets, decisions due, risks") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n  missionlab-cli COMMAND [OPTION…] FILE…\n\n%s\n",
           _("Usage:"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n  %-10s %s\n  %-10s %s\n\n%s\n",
           _("Options:"),
           "--help", _("Show this help; COMMAND --help shows the options of a command"),
           "--version", _("Show the version"),
           _("Exit status: 0 success, 1 a file is invalid, 2 wrong usage, 3 a file could not be read or written."));
}

int
main (int    argc,
      char **argv)
{
  ml_locale_init ();
  g_set_prgname ("missionlab-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return ML_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return ML_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("missionlab-cli %s\n", PACKAGE_VERSION);
      return ML_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        return commands[i].run (argc - 1, argv + 1);
    }

  g_printerr (_("missionlab-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);

  return ML_EXIT_USAGE;
}
