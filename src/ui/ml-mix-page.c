/* ml-mix-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Policy Mix page, read-only: the matrix of instruments by side and stage drawn by the core
 * renderer, with the gaps and imbalances found in it listed beside.
 */

#define G_LOG_DOMAIN "ml-mix-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-label.h"
#include "ml-mix-page.h"
#include "ml-mix-renderer.h"
#include "ml-policy-mix.h"

struct _MlMixPage
{
  AdwBin       parent_instance;

  GtkWidget   *drawing_area;
  GtkWidget   *findings_box;

  MlProject   *project;
  MlPolicyMix *mix;
  guint        refresh_source;
};

G_DEFINE_FINAL_TYPE (MlMixPage, ml_mix_page, ADW_TYPE_BIN)

static void
fill_findings (MlMixPage *self)
{
  GPtrArray *findings = self->mix != NULL ? ml_policy_mix_get_findings (self->mix) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->findings_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->findings_box), child);

  gtk_box_append (GTK_BOX (self->findings_box), ml_label_new_wrapping (_("Findings"), "heading"));
  if (findings == NULL || findings->len == 0)
    gtk_box_append (GTK_BOX (self->findings_box),
                    ml_label_new_wrapping (_("No gaps or imbalances found"), "dim-label"));
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const MlFinding *finding = g_ptr_array_index (findings, i);

      gtk_box_append (GTK_BOX (self->findings_box), ml_label_new_wrapping (finding->message, NULL));
    }
}

static gboolean
refresh (gpointer user_data)
{
  MlMixPage *self = user_data;

  self->refresh_source = 0;
  g_clear_pointer (&self->mix, ml_policy_mix_free);
  if (self->project != NULL)
    self->mix = ml_policy_mix_compute (self->project);
  fill_findings (self);
  gtk_widget_queue_draw (self->drawing_area);

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (MlMixPage *self)
{
  /* Many changes in one main-loop iteration (an undo of a group) give one recomputation. */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh, self);
}

static void
draw_mix (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  MlMixPage *self = user_data;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (self->mix == NULL)
    return;

  ml_mix_renderer_draw (self->mix, ml_style_get (dark ? ML_STYLE_SCREEN_DARK : ML_STYLE_SCREEN),
                        cr, width, height);
}

static void
ml_mix_page_dispose (GObject *object)
{
  MlMixPage *self = ML_MIX_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_pointer (&self->mix, ml_policy_mix_free);

  G_OBJECT_CLASS (ml_mix_page_parent_class)->dispose (object);
}

static void
ml_mix_page_class_init (MlMixPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_mix_page_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "mixpage");
}

static void
ml_mix_page_init (MlMixPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->drawing_area = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->drawing_area, TRUE);
  gtk_widget_set_vexpand (self->drawing_area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->drawing_area), draw_mix, self, NULL);

  self->findings_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (self->findings_box, 18);
  gtk_widget_set_margin_bottom (self->findings_box, 18);
  gtk_widget_set_margin_start (self->findings_box, 18);
  gtk_widget_set_margin_end (self->findings_box, 18);
  fill_findings (self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->findings_box);
  gtk_widget_set_size_request (scrolled, 240, -1);

  gtk_box_append (GTK_BOX (box), self->drawing_area);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_bin_set_child (ADW_BIN (self), box);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->drawing_area,
                           G_CONNECT_SWAPPED);
}

void
ml_mix_page_set_project (MlMixPage *self,
                         MlProject *project)
{
  g_return_if_fail (ML_IS_MIX_PAGE (self));
  g_return_if_fail (ML_IS_PROJECT (project));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  ml_project_connect_any_change (project, G_CALLBACK (schedule_refresh), self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  refresh (self);
}
