/* ml-tool-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flat icon buttons of the views' toolbars.
 */

#include "config.h"

#include "ml-tool-button.h"

/**
 * ml_tool_button_new:
 * @label: what it does, the name a screen reader says for the icon
 * @tooltip: (nullable): what it does, with its shortcut; %NULL to show @label
 *
 * Returns: (transfer floating): a flat button that activates @action_name
 */
GtkWidget *
ml_tool_button_new (const char *icon_name,
                    const char *label,
                    const char *tooltip,
                    const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_tooltip_text (button, tooltip != NULL ? tooltip : label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "flat");

  return button;
}
