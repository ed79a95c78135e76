/* ml-overview-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project at a glance: the challenge, the missions with their statements, and each
 * objective's indicators with the latest value and how far it is from baseline to target.
 */

#define G_LOG_DOMAIN "ml-overview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ml-format.h"
#include "ml-indicator.h"
#include "ml-label.h"
#include "ml-overview-page.h"
#include "ml-project-follower.h"
#include "ml-stats.h"
#include "ml-status-pill.h"

struct _MlOverviewPage
{
  AdwBin     parent_instance;

  GtkWidget         *clamp;
  MlProjectFollower  follower;
  MlElement         *mission;   /* the one mission shown, or NULL for all */
};

G_DEFINE_FINAL_TYPE (MlOverviewPage, ml_overview_page, ADW_TYPE_BIN)

static GtkWidget *
make_stat (guint       count,
           const char *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *number = g_strdup_printf ("%u", count);
  GtkWidget *value = ml_label_new_wrapping (number, "title-1");
  GtkWidget *caption = ml_label_new_wrapping (label, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (value), 0.5);
  gtk_label_set_xalign (GTK_LABEL (caption), 0.5);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "stat");
  gtk_widget_set_size_request (box, 110, -1);

  return box;
}

static GtkWidget *
make_stats (MlProject *project)
{
  g_autoptr(MlStats) stats = ml_stats_compute (project);
  GtkWidget *flow = gtk_flow_box_new ();
  static const MlKind shown[] = {
    ML_KIND_MISSION, ML_KIND_OBJECTIVE, ML_KIND_INDICATOR, ML_KIND_STAKEHOLDER,
    ML_KIND_INSTRUMENT, ML_KIND_ACTIVITY,
  };

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    gtk_flow_box_append (GTK_FLOW_BOX (flow),
                         make_stat (stats->counts[shown[i]], _(ml_kind_get_info (shown[i])->plural)));

  return flow;
}

static GtkWidget *
make_indicator (MlElement *indicator)
{
  GtkWidget *grid = gtk_grid_new ();
  MlElement *latest = ml_indicator_get_latest (indicator);
  const char *unit = ml_element_get_string (indicator, ML_INDICATOR_UNIT);
  double progress = ml_indicator_get_progress (indicator);
  double baseline = ml_element_get_number (indicator, ML_INDICATOR_BASELINE);
  double target = ml_element_get_number (indicator, ML_INDICATOR_TARGET);
  g_autofree char *latest_text = NULL;
  g_autofree char *range_text = NULL;
  GtkWidget *value_label, *bar;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);

  if (latest != NULL)
    {
      g_autofree char *value =
        ml_format_number (ml_element_get_number (latest, ML_MEASUREMENT_VALUE));
      g_autofree char *date = ml_format_date (ml_element_get_date (latest, ML_MEASUREMENT_DATE));

      latest_text = g_strdup_printf (_("%s %s (%s)"), value, unit != NULL ? unit : "", date);
    }
  else
    {
      latest_text = g_strdup (_("No measurement yet"));
    }

  if (!isnan (baseline) && !isnan (target))
    {
      g_autofree char *from = ml_format_number (baseline);
      g_autofree char *to = ml_format_number (target);

      range_text = g_strdup_printf (_("Baseline %s → target %s"), from, to);
    }

  gtk_grid_attach (GTK_GRID (grid), ml_label_new_wrapping (ml_element_get_label (indicator), "heading"), 0, 0, 1, 1);
  value_label = ml_label_new_wrapping (latest_text, NULL);
  gtk_label_set_xalign (GTK_LABEL (value_label), 1);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_grid_attach (GTK_GRID (grid), value_label, 1, 0, 1, 1);

  bar = gtk_level_bar_new_for_interval (0, 1);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), isnan (progress) ? 0 : CLAMP (progress, 0, 1));
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_grid_attach (GTK_GRID (grid), bar, 0, 1, 2, 1);

  if (range_text != NULL)
    {
      g_autofree char *caption = isnan (progress)
        ? g_strdup (range_text)
        : g_strdup_printf (_("%s · %.0f%% of the way"), range_text, progress * 100);

      gtk_grid_attach (GTK_GRID (grid), ml_label_new_wrapping (caption, "dim-label"), 0, 2, 2, 1);
    }

  return grid;
}

static GtkWidget *
make_mission (MlProject *project,
              MlElement *mission)
{
  const MlFieldInfo *kind = ml_field_get_info (ML_MISSION_KIND);
  const MlFieldInfo *scale = ml_field_get_info (ML_MISSION_SCALE);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GPtrArray *objectives = ml_element_get_children (mission, ML_KIND_OBJECTIVE);
  const char *statement = ml_element_get_string (mission, ML_MISSION_STATEMENT);
  MlElement *lead = ml_project_lookup (project, ml_element_get_string (mission, ML_MISSION_LEAD));
  g_autoptr(GString) facts = g_string_new (NULL);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "mission");
  gtk_box_append (GTK_BOX (card), ml_label_new_wrapping (ml_element_get_label (mission), "title-2"));

  g_string_append_printf (facts, "%s · %s",
                          _(kind->enum_info->labels[ml_element_get_enum (mission, ML_MISSION_KIND)]),
                          _(scale->enum_info->labels[ml_element_get_enum (mission, ML_MISSION_SCALE)]));
  if (ml_element_has_value (mission, ML_MISSION_TARGET_DATE))
    {
      g_autofree char *date =
        ml_format_date (ml_element_get_date (mission, ML_MISSION_TARGET_DATE));
      g_string_append_printf (facts, _(" · by %s"), date);
    }
  if (lead != NULL)
    g_string_append_printf (facts, _(" · led by %s"), ml_element_get_label (lead));
  gtk_box_append (GTK_BOX (card), ml_label_new_wrapping (facts->str, "dim-label"));
  if (statement != NULL)
    gtk_box_append (GTK_BOX (card), ml_label_new_wrapping (statement, "statement"));

  for (guint i = 0; objectives != NULL && i < objectives->len; i++)
    {
      MlElement *objective = g_ptr_array_index (objectives, i);
      GPtrArray *indicators = ml_element_get_children (objective, ML_KIND_INDICATOR);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

      gtk_widget_add_css_class (box, "objective");
      gtk_box_append (GTK_BOX (box),
                      ml_status_pill_new_objective_heading (objective, ml_date_today ()));
      for (guint j = 0; indicators != NULL && j < indicators->len; j++)
        gtk_box_append (GTK_BOX (box), make_indicator (g_ptr_array_index (indicators, j)));
      gtk_box_append (GTK_BOX (card), box);
    }

  return card;
}

static void
refresh (gpointer user_data)
{
  MlOverviewPage *self = user_data;
  MlProject *project = self->follower.project;
  MlElement *root;
  GPtrArray *missions;
  GtkWidget *box;
  const char *owner, *challenge;
  g_autoptr(MlStats) stats = NULL;

  if (project == NULL)
    return;

  root = ml_project_get_root (project);
  missions = ml_element_get_children (root, ML_KIND_MISSION);
  owner = ml_element_get_string (root, ML_PROJECT_OWNER);
  challenge = ml_element_get_string (root, ML_PROJECT_CHALLENGE);
  stats = ml_stats_compute (project);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 36);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  gtk_box_append (GTK_BOX (box), ml_label_new_wrapping (ml_element_get_label (root), "title-1"));
  if (owner != NULL || stats->horizon_start != ML_DATE_NONE)
    {
      g_autoptr(GString) line = g_string_new (owner);

      if (stats->horizon_start != ML_DATE_NONE && stats->horizon_end != ML_DATE_NONE)
        {
          g_autofree char *start = ml_format_date (stats->horizon_start);
          g_autofree char *end = ml_format_date (stats->horizon_end);

          g_string_append_printf (line, "%s%s – %s", line->len > 0 ? " · " : "", start, end);
        }
      gtk_box_append (GTK_BOX (box), ml_label_new_wrapping (line->str, "dim-label"));
    }
  if (challenge != NULL)
    {
      gtk_box_append (GTK_BOX (box), ml_label_new_wrapping (_("Societal Challenge"), "heading"));
      gtk_box_append (GTK_BOX (box), ml_label_new_wrapping (challenge, "challenge"));
    }

  gtk_box_append (GTK_BOX (box), make_stats (project));

  if (missions == NULL || missions->len == 0)
    {
      GtkWidget *empty = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "mark-location-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Missions Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                       _("A mission turns the challenge into a bold, measurable goal. Add one with + in the sidebar."));
      gtk_box_append (GTK_BOX (box), empty);
    }
  for (guint i = 0; missions != NULL && i < missions->len; i++)
    if (self->mission == NULL || g_ptr_array_index (missions, i) == self->mission)
      gtk_box_append (GTK_BOX (box), make_mission (project, g_ptr_array_index (missions, i)));

  adw_clamp_set_child (ADW_CLAMP (self->clamp), box);
}

static void
ml_overview_page_dispose (GObject *object)
{
  MlOverviewPage *self = ML_OVERVIEW_PAGE (object);

  ml_project_follower_clear (&self->follower);
  g_clear_object (&self->mission);

  G_OBJECT_CLASS (ml_overview_page_parent_class)->dispose (object);
}

static void
ml_overview_page_class_init (MlOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_overview_page_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "overview");
}

static void
ml_overview_page_init (MlOverviewPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  ml_project_follower_init (&self->follower, refresh, self);
  self->clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (self->clamp), 880);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

void
ml_overview_page_set_project (MlOverviewPage *self,
                              MlProject      *project)
{
  g_return_if_fail (ML_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (ML_IS_PROJECT (project));

  ml_project_follower_set_project (&self->follower, project);
}

/**
 * ml_overview_page_set_mission:
 * @mission: (nullable): the one mission to show, as when a presentation focuses on it, or
 *   %NULL for all
 */
void
ml_overview_page_set_mission (MlOverviewPage *self,
                              MlElement      *mission)
{
  g_return_if_fail (ML_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (mission == NULL || ML_IS_ELEMENT (mission));

  if (!g_set_object (&self->mission, mission))
    return;
  ml_project_follower_schedule (&self->follower);
}
