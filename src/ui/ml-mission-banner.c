/* ml-mission-banner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-mission-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-label.h"
#include "ml-mission-banner.h"

/**
 * ml_mission_banner_new:
 *
 * Returns: (transfer floating): a hidden banner, to put over a view's content
 */
GtkWidget *
ml_mission_banner_new (void)
{
  GtkWidget *banner = ml_label_new_wrapping (NULL, "title-2");

  gtk_widget_add_css_class (banner, "mission-banner");
  gtk_widget_set_visible (banner, FALSE);

  return banner;
}

/**
 * ml_mission_banner_set_mission:
 * @mission: (nullable): the mission the view focuses on; %NULL hides the banner
 */
void
ml_mission_banner_set_mission (GtkWidget *banner,
                               MlElement *mission)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GTK_IS_LABEL (banner));
  g_return_if_fail (mission == NULL || ML_IS_ELEMENT (mission));

  gtk_widget_set_visible (banner, mission != NULL);
  if (mission == NULL)
    return;

  /* Translators: over the roadmap, the policy mix or the stakeholder map while a
   * presentation focuses on one mission, with the mission's title.
   */
  text = g_strdup_printf (_("Mission: %s"), ml_element_get_label (mission));
  gtk_label_set_label (GTK_LABEL (banner), text);
}
