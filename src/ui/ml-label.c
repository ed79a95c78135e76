/* ml-label.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ml-label.h"

/**
 * ml_label_new_wrapping:
 * @text: the text
 * @css_class: (nullable): a style class such as "heading" or "dim-label"
 *
 * Returns: (transfer floating): a label that wraps at words (or characters, for a long word)
 */
GtkWidget *
ml_label_new_wrapping (const char *text,
                       const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}
