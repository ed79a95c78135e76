/* ml-cli-candidates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "missionlab-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ml-candidates.h"
#include "ml-cli.h"

/* The columns of the table; CSV and JSON have more, for programs. */
enum
{
  COLUMN_RANK,
  COLUMN_NAME,
  COLUMN_SCORE,
  COLUMN_VOTES,
  COLUMN_SHARE,
  COLUMN_ROBUSTNESS,
  COLUMN_MISSION,
  N_COLUMNS
};

/* A share from 0 to 1 as a whole percentage; empty when missing. */
static char *
format_percent (double share)
{
  return isnan (share) ? g_strdup ("") : g_strdup_printf ("%.0f%%", share * 100);
}

static char *
format_score (double score)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return isnan (score) ? g_strdup ("") : g_strdup (g_ascii_formatd (buffer, sizeof buffer,
                                                                     "%.2f", score));
}

static void
fill_cells (const MlCandidateRow *row,
            char                 *cells[N_COLUMNS])
{
  cells[COLUMN_RANK] = g_strdup_printf ("%u", row->rank);
  cells[COLUMN_NAME] = g_strdup (ml_cli_label_or_empty (row->candidate));
  cells[COLUMN_SCORE] = format_score (row->score);
  cells[COLUMN_VOTES] = g_strdup_printf ("%u", row->votes);
  cells[COLUMN_SHARE] = format_percent (row->vote_share);
  cells[COLUMN_ROBUSTNESS] = format_percent (row->robustness);
  cells[COLUMN_MISSION] = g_strdup (ml_cli_label_or_empty (row->mission));
}

static void
print_notes (MlCandidates *candidates)
{
  GPtrArray *rows = ml_candidates_get_rows (candidates);
  GPtrArray *criteria = ml_candidates_get_criteria (candidates);
  const MlCandidateRow *closest = ml_candidates_get_closest (candidates);
  g_autoptr(GString) weights = g_string_new (NULL);

  for (guint i = 0; i < criteria->len; i++)
    {
      MlElement *criterion = g_ptr_array_index (criteria, i);
      char number[ML_NUMBER_BUF_SIZE];

      ml_number_format (ml_candidates_get_weight (criterion), number);
      g_string_append_printf (weights, "%s%s %s", i > 0 ? ", " : "",
                              ml_cli_label_or_empty (criterion), number);
    }
  g_print ("\n%s %s\n", _("Weights:"), criteria->len > 0 ? weights->str : _("none"));

  if (ml_candidates_get_n_weightings (candidates) > 0)
    {
      g_autofree char *stability = format_percent (ml_candidates_get_stability (candidates));

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Robustness: the share of %u weighting (each weight × 0.8 to 1.2) in which a candidate keeps its rank; the whole ranking holds in %s of them.\n",
                            "Robustness: the share of %u weightings (each weight × 0.8 to 1.2) in which a candidate keeps its rank; the whole ranking holds in %s of them.\n",
                            ml_candidates_get_n_weightings (candidates)),
               ml_candidates_get_n_weightings (candidates), stability);
    }
  else if (rows->len > 0)
    g_print ("%s\n", _("No criterion weighs anything: the candidates are not ranked."));

  if (closest != NULL)
    {
      g_autofree char *swap = ml_candidates_describe_swap (candidates, closest);

      g_print ("%s %s\n", _("Closest call:"), swap);
    }
  else if (ml_candidates_get_n_weightings (candidates) > 0 && rows->len > 1)
    g_print ("%s\n", _("No change of a single weight swaps two neighbours in the ranking."));

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *missing = ml_candidates_describe_missing (g_ptr_array_index (rows, i));

      if (missing != NULL)
        g_print ("%s\n", missing);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u dot vote in all.\n", "%u dot votes in all.\n",
                        ml_candidates_get_total_votes (candidates)),
           ml_candidates_get_total_votes (candidates));
}

static void
print_table (MlCandidates *candidates)
{
  const char *titles[N_COLUMNS + 1] = {
    _("Rank"), _("Name"), _("Score"), _("Votes"), _("Share"), _("Robustness"),
    _("Launched as"),
  };
  GPtrArray *rows = ml_candidates_get_rows (candidates);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  int widths[N_COLUMNS];

  for (guint j = 0; j < N_COLUMNS; j++)
    widths[j] = g_utf8_strlen (titles[j], -1);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row_cells = g_new0 (char *, N_COLUMNS + 1);

      fill_cells (g_ptr_array_index (rows, i), row_cells);
      for (guint j = 0; j < N_COLUMNS; j++)
        widths[j] = MAX (widths[j], g_utf8_strlen (row_cells[j], -1));
      g_ptr_array_add (cells, row_cells);
    }

  g_ptr_array_insert (cells, 0, g_strdupv ((char **) titles));
  for (guint i = 0; i < cells->len; i++)
    {
      char **row_cells = g_ptr_array_index (cells, i);

      for (guint j = 0; j + 1 < N_COLUMNS; j++)
        {
          /* Numbers are right-aligned, so that their points line up. */
          if (j == COLUMN_RANK || j == COLUMN_NAME)
            ml_cli_print_padded (row_cells[j], widths[j]);
          else
            g_print ("%*s ", widths[j] + (int) (strlen (row_cells[j]) -
                                                g_utf8_strlen (row_cells[j], -1)),
                     row_cells[j]);
        }
      g_print ("%s\n", row_cells[N_COLUMNS - 1]);
    }

  print_notes (candidates);
}

/* The criteria a row has no score for, as ids separated by spaces, as lists are in files. */
static char *
join_missing (const MlCandidateRow *row)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < row->missing->len; i++)
    g_strv_builder_add (ids, ml_cli_id_or_empty (g_ptr_array_index (row->missing, i)));
  strv = g_strv_builder_end (ids);

  return g_strjoinv (" ", strv);
}

static void
print_csv (MlCandidates *candidates)
{
  GPtrArray *rows = ml_candidates_get_rows (candidates);
  g_autoptr(GString) out = g_string_new ("rank,id,name,score,votes,vote_share,robustness,"
                                         "mission,missing,swap_criterion,swap_weight\n");

  for (guint i = 0; i < rows->len; i++)
    {
      const MlCandidateRow *row = g_ptr_array_index (rows, i);
      g_autofree char *missing = join_missing (row);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%u,", row->rank);
      ml_csv_append_field (out, ml_cli_id_or_empty (row->candidate));
      g_string_append_c (out, ',');
      ml_csv_append_field (out, ml_cli_label_or_empty (row->candidate));
      g_string_append_printf (out, ",%s,%u,", ml_cli_format_number (number, row->score),
                              row->votes);
      g_string_append_printf (out, "%s,", ml_cli_format_number (number, row->vote_share));
      g_string_append_printf (out, "%s,", ml_cli_format_number (number, row->robustness));
      ml_csv_append_field (out, ml_cli_id_or_empty (row->mission));
      g_string_append_printf (out, ",%s,", missing);
      ml_csv_append_field (out, ml_cli_id_or_empty (row->swap_criterion));
      g_string_append_printf (out, ",%s\n", ml_cli_format_number (number, row->swap_weight));
    }

  g_print ("%s", out->str);
}

static void
append_json_row (GString              *out,
                 const MlCandidateRow *row)
{
  g_string_append_printf (out, "{\"rank\": %u, ", row->rank);
  ml_cli_append_json_field (out, "id", ml_cli_id_or_empty (row->candidate));
  g_string_append (out, ", ");
  ml_cli_append_json_field (out, "name", ml_cli_label_or_empty (row->candidate));
  g_string_append (out, ", ");
  ml_cli_append_json_number (out, "score", row->score);
  g_string_append_printf (out, ", \"votes\": %u, ", row->votes);
  ml_cli_append_json_number (out, "vote_share", row->vote_share);
  g_string_append (out, ", ");
  ml_cli_append_json_number (out, "robustness", row->robustness);
  g_string_append (out, ", ");
  ml_cli_append_json_field (out, "mission", ml_cli_id_or_empty (row->mission));
  g_string_append (out, ", \"missing\": [");
  for (guint i = 0; i < row->missing->len; i++)
    {
      g_string_append (out, i > 0 ? ", " : "");
      ml_cli_append_json_string (out, ml_cli_id_or_empty (g_ptr_array_index (row->missing, i)));
    }
  g_string_append (out, "], ");
  ml_cli_append_json_field (out, "swap_criterion", ml_cli_id_or_empty (row->swap_criterion));
  g_string_append (out, ", ");
  ml_cli_append_json_number (out, "swap_weight", row->swap_weight);
  g_string_append_c (out, '}');
}

static void
print_json (MlCandidates *candidates)
{
  GPtrArray *rows = ml_candidates_get_rows (candidates);
  GPtrArray *criteria = ml_candidates_get_criteria (candidates);
  g_autoptr(GString) out = g_string_new ("{\n  \"criteria\": [");

  for (guint i = 0; i < criteria->len; i++)
    {
      MlElement *criterion = g_ptr_array_index (criteria, i);

      g_string_append (out, i > 0 ? ",\n    {" : "\n    {");
      ml_cli_append_json_field (out, "id", ml_cli_id_or_empty (criterion));
      g_string_append (out, ", ");
      ml_cli_append_json_field (out, "name", ml_cli_label_or_empty (criterion));
      g_string_append (out, ", ");
      ml_cli_append_json_number (out, "weight", ml_candidates_get_weight (criterion));
      g_string_append_c (out, '}');
    }

  g_string_append (out, "\n  ],\n  \"candidates\": [");
  for (guint i = 0; i < rows->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n    " : "\n    ");
      append_json_row (out, g_ptr_array_index (rows, i));
    }

  g_string_append_printf (out, "\n  ],\n  \"total_votes\": %u,\n  \"weightings\": %u,\n  ",
                          ml_candidates_get_total_votes (candidates),
                          ml_candidates_get_n_weightings (candidates));
  ml_cli_append_json_number (out, "stability", ml_candidates_get_stability (candidates));
  g_string_append (out, "\n}\n");
  g_print ("%s", out->str);
}

int
ml_cli_candidates (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MlProject) project = NULL;
  g_autoptr(MlCandidates) candidates = NULL;
  MlCliFormat format;
  int status;

  context = g_option_context_new (_("FILE — the candidate missions, ranked"));
  g_option_context_set_summary (context,
                                _("Ranks the candidate missions by their scores against the weighted criteria, with their dot votes, how often each keeps its rank when every weight varies by up to 20 %, the smallest change of one weight that swaps two neighbours, and the mission each was launched as."));
  project = ml_cli_load_formatted ("candidates", context, NULL, &argc, &argv, &format,
                                   &status);
  if (project == NULL)
    return status;

  candidates = ml_candidates_compute (project);
  switch (format)
    {
    case ML_CLI_FORMAT_TABLE:
      print_table (candidates);
      break;
    case ML_CLI_FORMAT_CSV:
      print_csv (candidates);
      break;
    case ML_CLI_FORMAT_JSON:
      print_json (candidates);
      break;
    default:
      g_assert_not_reached ();
    }

  return ML_EXIT_OK;
}
