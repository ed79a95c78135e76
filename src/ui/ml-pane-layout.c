/* ml-pane-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout of a side pane: like GtkBinLayout, but the pane asks for a fixed natural width
 * instead of the width of its longest text, so that long names are ellipsized or wrapped
 * rather than widening the pane and pushing the window off the screen.
 */

#define G_LOG_DOMAIN "ml-pane-layout"

#include "config.h"

#include "ml-pane-layout.h"

struct _MlPaneLayout
{
  GtkLayoutManager parent_instance;

  int              natural_width;
};

G_DEFINE_FINAL_TYPE (MlPaneLayout, ml_pane_layout, GTK_TYPE_LAYOUT_MANAGER)

static void
ml_pane_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  MlPaneLayout *self = ML_PANE_LAYOUT (manager);

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_minimum, &child_natural, NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural = MAX (*natural, child_natural);
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, self->natural_width);
}

static void
ml_pane_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
ml_pane_layout_class_init (MlPaneLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->measure = ml_pane_layout_measure;
  manager_class->allocate = ml_pane_layout_allocate;
}

static void
ml_pane_layout_init (MlPaneLayout *self)
{
}

/**
 * ml_pane_layout_new:
 * @natural_width: the width the pane asks for, unless its content needs more
 *
 * Returns: (transfer full): a layout manager for a side pane
 */
GtkLayoutManager *
ml_pane_layout_new (int natural_width)
{
  MlPaneLayout *self = g_object_new (ML_TYPE_PANE_LAYOUT, NULL);

  self->natural_width = natural_width;

  return GTK_LAYOUT_MANAGER (self);
}
