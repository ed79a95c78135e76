/* ml-view-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which core style a custom-drawn view uses: the projector style while the window presents
 * (each view is told by the window, there is no global state); else the screen style that
 * follows the desktop: light or dark, high contrast (the projector's colours, AAA contrast,
 * at screen sizes), and the large-text setting, which scales the type of the drawn views as it
 * scales the type of every widget.
 */

#define G_LOG_DOMAIN "ml-view-style"

#include "config.h"

#include <adwaita.h>

#include "ml-view-style.h"

/* GNOME's large-text setting is 1.25; beyond 2 the views show too little to be useful. */
#define MIN_TEXT_SCALE 0.75
#define MAX_TEXT_SCALE 2.0

/**
 * ml_view_style_get_text_scale:
 * @widget: the widget that draws
 *
 * The desktop's text scale, as GTK applies it to every font: Xft.dpi over 96.
 *
 * Returns: 1 for normal text, 1.25 for GNOME's large text
 */
double
ml_view_style_get_text_scale (GtkWidget *widget)
{
  int dpi = -1;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 1.0);

  g_object_get (gtk_widget_get_settings (widget), "gtk-xft-dpi", &dpi, NULL);
  if (dpi <= 0)
    return 1.0;

  return CLAMP (dpi / 1024.0 / 96.0, MIN_TEXT_SCALE, MAX_TEXT_SCALE);
}

/**
 * ml_view_style_get:
 * @widget: the widget that draws
 * @presenting: whether the view is shown in presentation mode
 *
 * Returns: the style to draw with
 */
MlStyle
ml_view_style_get (GtkWidget *widget,
                   gboolean   presenting)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  MlStyleKind kind;

  /* The projector style is already larger and of higher contrast than either setting asks. */
  if (presenting)
    return *ml_style_get (ML_STYLE_PROJECTOR);

  if (adw_style_manager_get_high_contrast (manager))
    kind = dark ? ML_STYLE_HIGH_CONTRAST_DARK : ML_STYLE_HIGH_CONTRAST;
  else
    kind = dark ? ML_STYLE_SCREEN_DARK : ML_STYLE_SCREEN;

  return ml_style_scale_text (ml_style_get (kind), ml_view_style_get_text_scale (widget));
}

/**
 * ml_view_style_watch:
 * @widget: the widget that draws
 * @changed: called as `changed (widget)` when the desktop's dark, high-contrast or text-scale
 *   setting changes, for as long as @widget lives
 */
void
ml_view_style_watch (GtkWidget *widget,
                     GCallback  changed)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_signal_connect_object (manager, "notify::dark", changed, widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", changed, widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-xft-dpi", changed,
                           widget, G_CONNECT_SWAPPED);
}
