/* ml-candidate-ranking.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The candidates' ranking as the Candidates page shows it: rank, name, a bar and the weighted
 * score, how robust the rank is to the weights, the dot votes; then, in plain words, how often
 * the whole ranking holds, the closest call, and the scores that are missing.
 */

#define G_LOG_DOMAIN "ml-candidate-ranking"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ml-candidate-ranking.h"
#include "ml-label.h"

static char *
format_percent (double share)
{
  return isnan (share) ? g_strdup ("—") : g_strdup_printf ("%.0f%%", share * 100);
}

static GtkWidget *
make_ranking_cell (const char *text,
                   float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "numeric");

  return label;
}

static void
attach_ranking_row (GtkGrid              *grid,
                    const MlCandidateRow *row,
                    int                   y)
{
  g_autofree char *rank = g_strdup_printf ("%u", row->rank);
  /* Always two decimals, so that the column lines up. */
  g_autofree char *score = isnan (row->score) ? g_strdup ("—")
                                              : g_strdup_printf ("%.2f", row->score);
  g_autofree char *robustness = format_percent (row->robustness);
  g_autofree char *votes = g_strdup_printf ("%u", row->votes);
  GtkWidget *name = gtk_label_new (ml_element_get_label (row->candidate));
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 5);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  if (row->mission != NULL)
    gtk_widget_add_css_class (name, "heading");
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), isnan (row->score) ? 0 : row->score);
  /* One colour for every length: the bar measures, it does not judge. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, 160, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, score, -1);

  gtk_grid_attach (grid, make_ranking_cell (rank, 1), 0, y, 1, 1);
  gtk_grid_attach (grid, name, 1, y, 1, 1);
  gtk_grid_attach (grid, bar, 2, y, 1, 1);
  gtk_grid_attach (grid, make_ranking_cell (score, 1), 3, y, 1, 1);
  gtk_grid_attach (grid, make_ranking_cell (robustness, 1), 4, y, 1, 1);
  gtk_grid_attach (grid, make_ranking_cell (votes, 1), 5, y, 1, 1);
}

/* The plain-words notes under the ranking: how often it holds, the closest call, gaps. */
static void
append_notes (GtkBox       *box,
              MlCandidates *candidates)
{
  GPtrArray *rows = ml_candidates_get_rows (candidates);
  const MlCandidateRow *closest = ml_candidates_get_closest (candidates);

  if (ml_candidates_get_n_weightings (candidates) > 0)
    {
      g_autofree char *stability = format_percent (ml_candidates_get_stability (candidates));
      /* TRANSLATORS: %s is a share such as “41%”. */
      g_autofree char *text = g_strdup_printf (_("This ranking holds in %s of the weightings "
                                                 "within ±20%% of each weight."),
                                               stability);

      gtk_box_append (box, ml_label_new_wrapping (text, NULL));
    }
  else if (rows->len > 0)
    gtk_box_append (box, ml_label_new_wrapping (
                      _("No criterion weighs anything: the candidates are not ranked."), NULL));

  if (closest != NULL)
    {
      g_autofree char *swap = ml_candidates_describe_swap (candidates, closest);
      g_autofree char *text = g_strdup_printf ("%s %s", _("Closest call:"), swap);

      gtk_box_append (box, ml_label_new_wrapping (text, NULL));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *missing = ml_candidates_describe_missing (g_ptr_array_index (rows, i));

      if (missing != NULL)
        gtk_box_append (box, ml_label_new_wrapping (missing, "dim-label"));
    }
}

/**
 * ml_candidate_ranking_new:
 * @candidates: the candidates computed from the project
 *
 * Returns: (transfer floating): the ranking as a table, with the notes under it
 */
GtkWidget *
ml_candidate_ranking_new (MlCandidates *candidates)
{
  GPtrArray *rows = ml_candidates_get_rows (candidates);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  /* The weighted score's title spans its bar and its number. */
  const struct { const char *title; int column, width; float xalign; } titles[] = {
    { _("Rank"), 0, 1, 1 },
    { _("Name"), 1, 1, 0 },
    { _("Weighted score"), 2, 2, 0 },
    { _("Robustness"), 4, 1, 1 },
    { _("Votes"), 5, 1, 1 },
  };

  g_return_val_if_fail (candidates != NULL, NULL);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  for (guint j = 0; j < G_N_ELEMENTS (titles); j++)
    {
      GtkWidget *title = gtk_label_new (titles[j].title);

      gtk_label_set_xalign (GTK_LABEL (title), titles[j].xalign);
      gtk_widget_add_css_class (title, "heading");
      gtk_grid_attach (GTK_GRID (grid), title, titles[j].column, 0, titles[j].width, 1);
    }
  for (guint i = 0; i < rows->len; i++)
    attach_ranking_row (GTK_GRID (grid), g_ptr_array_index (rows, i), 1 + i);
  gtk_box_append (GTK_BOX (box), grid);
  append_notes (GTK_BOX (box), candidates);

  return box;
}
