/* ml-status-pill.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-status-pill"

#include "config.h"

#include "ml-label.h"
#include "ml-status-pill.h"

/**
 * ml_status_pill_new:
 * @status: the status to show
 *
 * The pill carries the style classes `status-pill` and the status's nick, such as
 * `on-track`, which style.css colours; the label says the status too, so colour is never
 * the only sign.
 *
 * Returns: (transfer floating): a label showing @status
 */
GtkWidget *
ml_status_pill_new (MlIndicatorStatus status)
{
  GtkWidget *pill = gtk_label_new (ml_indicator_status_get_label (status));

  gtk_widget_add_css_class (pill, "status-pill");
  gtk_widget_add_css_class (pill, ml_indicator_status_get_nick (status));
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (pill, GTK_ALIGN_END);

  return pill;
}

/**
 * ml_status_pill_new_objective_heading:
 * @objective: an element of kind %ML_KIND_OBJECTIVE
 * @today: the date the status is for
 *
 * Returns: (transfer floating): the objective's name as a heading, with the pill of
 *   ml_objective_get_status() at its end
 */
GtkWidget *
ml_status_pill_new_objective_heading (MlElement *objective,
                                      MlDate     today)
{
  GtkWidget *heading;
  GtkWidget *title;

  g_return_val_if_fail (ML_IS_ELEMENT (objective), NULL);

  heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  title = ml_label_new_wrapping (ml_element_get_label (objective), "title-4");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (heading), title);
  gtk_box_append (GTK_BOX (heading),
                  ml_status_pill_new (ml_objective_get_status (objective, today)));

  return heading;
}
