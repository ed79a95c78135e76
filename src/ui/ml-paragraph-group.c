/* ml-paragraph-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-paragraph-group"

#include "config.h"

#include "ml-paragraph-group.h"

/**
 * ml_paragraph_group_new:
 * @title: the group's title, naming the paragraph
 * @text_view: (out) (transfer none): the text view inside the group
 *
 * Returns: (transfer floating): an #AdwPreferencesGroup with a text view that wraps, leaves Tab
 *   to move the focus, and is a few lines high before the user types
 */
GtkWidget *
ml_paragraph_group_new (const char  *title,
                        GtkWidget  **text_view)
{
  GtkWidget *group, *frame, *view;

  g_return_val_if_fail (text_view != NULL, NULL);

  group = adw_preferences_group_new ();
  frame = gtk_frame_new (NULL);
  view = gtk_text_view_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  *text_view = view;

  return group;
}
