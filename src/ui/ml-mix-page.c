/* ml-mix-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Policy Mix page: the matrix of instruments by side and stage drawn by the core renderer,
 * with the gaps and imbalances found in it listed beside, each leading to what it is about.
 * Clicking a chip selects its instrument and shows the objectives it serves, each a link;
 * dragging a chip to another cell
 * changes the instrument's side or stage, one undo step a drag.
 */

#define G_LOG_DOMAIN "ml-mix-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-label.h"
#include "ml-mission-banner.h"
#include "ml-element-summary.h"
#include "ml-mix-page.h"
#include "ml-mix-renderer.h"
#include "ml-policy-mix.h"
#include "ml-project-follower.h"
#include "ml-taxonomy.h"
#include "ml-view-style.h"

/* A press that moves less than this is a click, not a drag. */
#define DRAG_THRESHOLD 8

/* Below this size chips say no more than their first letters: scroll instead. */
#define MIN_MATRIX_WIDTH  680
#define MIN_MATRIX_HEIGHT 520
#define SIDE_WIDTH        280

struct _MlMixPage
{
  AdwBin       parent_instance;

  GtkWidget   *drawing_area;
  GtkWidget   *details_box;
  GtkWidget   *findings_box;
  GtkWidget   *banner;

  MlDocument        *document;
  MlProjectFollower  follower;
  MlPolicyMix       *mix;
  MlElement         *selected;
  MlElement         *mission;   /* only its instruments are in the mix; NULL for all */

  /* The chip being dragged, the cell it started in and the cell under the pointer. */
  MlMixHit     press;
  double       press_x;
  double       press_y;
  MlMixHit     target;
  gboolean     on_target;
  gboolean     dragging;
  gboolean     presenting;   /* the projector style */
  double       pointer_x;
  double       pointer_y;
};

G_DEFINE_FINAL_TYPE (MlMixPage, ml_mix_page, ADW_TYPE_BIN)

enum
{
  SIGNAL_ELEMENT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static MlStyle
get_style (MlMixPage *self)
{
  return ml_view_style_get (GTK_WIDGET (self), self->presenting);
}

static MlProject *
get_project (MlMixPage *self)
{
  return self->document != NULL ? ml_document_get_project (self->document) : NULL;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
on_link_clicked_cb (GtkButton *button,
                    MlMixPage *self)
{
  MlElement *element = g_object_get_data (G_OBJECT (button), "element");

  g_signal_emit (self, signals[SIGNAL_ELEMENT_SELECTED], 0, element);
}

/* A flat button with @text that selects @element: an objective the selected instrument serves,
 * or what a finding is about.
 */
static GtkWidget *
link_new (MlMixPage  *self,
          const char *text,
          MlElement  *element)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = ml_label_new_wrapping (text, NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Select “%s”"), ml_element_get_label (element));

  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "element", g_object_ref (element), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_link_clicked_cb), self);

  return button;
}

static void
fill_details (MlMixPage *self)
{
  MlProject *project = get_project (self);
  const char *const *serves;
  guint n_links = 0;
  g_autofree char *where = NULL;
  int type;

  clear_box (self->details_box);
  gtk_widget_set_visible (self->details_box, self->selected != NULL);
  if (self->selected == NULL || project == NULL)
    return;

  type = ml_element_get_enum (self->selected, ML_INSTRUMENT_TYPE);

  gtk_box_append (GTK_BOX (self->details_box),
                  ml_label_new_wrapping (ml_element_get_label (self->selected), "heading"));
  where = g_strdup_printf ("%s · %s",
                           type >= 0 && (guint) type < ml_n_instrument_types
                             ? _(ml_instrument_types[type].name) : "",
                           _(ml_field_get_info (ML_INSTRUMENT_SIDE)->enum_info->labels
                               [ml_instrument_get_side (self->selected)]));
  gtk_box_append (GTK_BOX (self->details_box), ml_label_new_wrapping (where, "dim-label"));

  gtk_box_append (GTK_BOX (self->details_box), ml_label_new_wrapping (_("Serves"), "heading"));
  serves = ml_element_get_refs (self->selected, ML_INSTRUMENT_SERVES);
  for (guint i = 0; serves != NULL && serves[i] != NULL; i++)
    {
      MlElement *objective = ml_project_lookup (project, serves[i]);

      if (objective == NULL)
        continue;
      gtk_box_append (GTK_BOX (self->details_box),
                      link_new (self, ml_element_get_label (objective), objective));
      n_links++;
    }
  if (n_links == 0)
    gtk_box_append (GTK_BOX (self->details_box),
                    ml_label_new_wrapping (_("No objective yet: choose the objectives it serves in the inspector."),
                                           "warning"));
  gtk_box_append (GTK_BOX (self->details_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
}

static void
fill_findings (MlMixPage *self)
{
  GPtrArray *findings = self->mix != NULL ? ml_policy_mix_get_findings (self->mix) : NULL;

  clear_box (self->findings_box);
  gtk_box_append (GTK_BOX (self->findings_box), ml_label_new_wrapping (_("Findings"), "heading"));
  if (findings == NULL || findings->len == 0)
    gtk_box_append (GTK_BOX (self->findings_box),
                    ml_label_new_wrapping (_("No gaps or imbalances found"), "dim-label"));
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const MlFinding *finding = g_ptr_array_index (findings, i);

      /* A finding about something leads to it: the first element it names. */
      if (finding->elements->len > 0)
        gtk_box_append (GTK_BOX (self->findings_box),
                        link_new (self, finding->message, g_ptr_array_index (finding->elements, 0)));
      else
        gtk_box_append (GTK_BOX (self->findings_box),
                        ml_label_new_wrapping (finding->message, NULL));
    }
}

/* What a screen reader says of the matrix: see ml_element_summary_set_view(). */
static void
update_accessible (MlMixPage *self)
{
  g_autoptr(GPtrArray) instruments = NULL;
  g_autofree char *contents = NULL;

  if (get_project (self) == NULL)
    return;

  instruments = ml_project_collect (get_project (self), ML_KIND_INSTRUMENT);
  contents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "A matrix of %u instrument by side and stage.",
                                           "A matrix of %u instruments by side and stage.",
                                           instruments->len),
                              instruments->len);
  ml_element_summary_set_view (self->drawing_area, get_project (self), self->selected, contents,
                               _("Choose an instrument in the sidebar; change its side and "
                                 "stages in the inspector."));
}

static void
refresh (gpointer user_data)
{
  MlMixPage *self = user_data;

  g_clear_pointer (&self->mix, ml_policy_mix_free);
  if (get_project (self) != NULL)
    self->mix = ml_policy_mix_compute_for_mission (get_project (self), self->mission);
  fill_details (self);
  fill_findings (self);
  update_accessible (self);
  gtk_widget_queue_draw (self->drawing_area);
}

/* Where a dragged chip would land: the cell outlined, and the chip's name at the pointer. */
static void
draw_drop (MlMixPage     *self,
           const MlStyle *style,
           cairo_t       *cr,
           int            width,
           int            height)
{
  cairo_rectangle_t cell;
  MlColor wash = style->accent;
  g_autoptr(PangoLayout) layout = NULL;
  PangoContext *context;

  if (self->on_target)
    {
      ml_mix_renderer_get_cell_area (style, width, height, self->target.side, self->target.stage,
                                     &cell);
      wash.alpha = 0.2;
      cairo_rectangle (cr, cell.x, cell.y, cell.width, cell.height);
      ml_style_set_source (cr, &wash);
      cairo_fill_preserve (cr);
      ml_style_set_source (cr, &style->accent);
      cairo_set_line_width (cr, style->line_width * 3);
      cairo_stroke (cr);
    }

  context = ml_style_create_pango_context ();
  layout = ml_style_create_layout (context, style->font_family, style->small_font_size,
                                   PANGO_WEIGHT_BOLD);
  g_object_unref (context);
  ml_style_show_text (cr, layout, ml_element_get_label (self->press.instrument),
                      self->pointer_x + 12, self->pointer_y, width - self->pointer_x - 12,
                      &style->accent);
}

static void
draw_mix (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  MlMixPage *self = user_data;
  MlStyle style = get_style (self);

  if (self->mix == NULL)
    return;

  ml_mix_renderer_draw (self->mix, &style, self->selected, cr, width, height);
  if (self->dragging)
    draw_drop (self, &style, cr, width, height);
}

static gboolean
pick (MlMixPage *self,
      double     x,
      double     y,
      MlMixHit  *hit)
{
  MlStyle style = get_style (self);

  if (self->mix == NULL)
    return FALSE;

  return ml_mix_renderer_pick (self->mix, &style,
                               gtk_widget_get_width (self->drawing_area),
                               gtk_widget_get_height (self->drawing_area), x, y, hit);
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  MlMixPage      *self)
{
  self->dragging = FALSE;
  self->press_x = x;
  self->press_y = y;
  g_clear_object (&self->press.instrument);
  if (!pick (self, x, y, &self->press) || self->press.instrument == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  g_object_ref (self->press.instrument);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          offset_x,
                   double          offset_y,
                   MlMixPage      *self)
{
  if (self->press.instrument == NULL)
    return;
  if (!self->dragging && ABS (offset_x) < DRAG_THRESHOLD && ABS (offset_y) < DRAG_THRESHOLD)
    return;

  self->dragging = TRUE;
  self->pointer_x = self->press_x + offset_x;
  self->pointer_y = self->press_y + offset_y;
  self->on_target = pick (self, self->pointer_x, self->pointer_y, &self->target);
  gtk_widget_set_cursor_from_name (self->drawing_area, "grabbing");
  gtk_widget_queue_draw (self->drawing_area);
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                MlMixPage      *self)
{
  g_autoptr(MlElement) instrument = g_steal_pointer (&self->press.instrument);
  g_autoptr(MlCommand) move = NULL;
  g_autoptr(GError) error = NULL;

  if (instrument == NULL)
    return;

  gtk_widget_set_cursor_from_name (self->drawing_area, NULL);
  if (!self->dragging)
    {
      g_signal_emit (self, signals[SIGNAL_ELEMENT_SELECTED], 0, instrument);
      return;
    }

  self->dragging = FALSE;
  gtk_widget_queue_draw (self->drawing_area);
  if (!self->on_target)
    return;

  move = ml_policy_mix_move_command (instrument, self->press.stage, self->target.side,
                                     self->target.stage);
  if (move != NULL && !ml_document_push (self->document, move, &error))
    {
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);

      g_warning ("Could not move the instrument: %s", error->message);
      if (window != NULL)
        gtk_widget_error_bell (window);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_ELEMENT_SELECTED], 0, instrument);
}

static void
on_drag_cancel_cb (GtkGesture       *gesture,
                   GdkEventSequence *sequence,
                   MlMixPage        *self)
{
  g_clear_object (&self->press.instrument);
  self->dragging = FALSE;
  gtk_widget_set_cursor_from_name (self->drawing_area, NULL);
  gtk_widget_queue_draw (self->drawing_area);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              MlMixPage                *self)
{
  MlMixHit hit;

  if (self->dragging)
    return;
  gtk_widget_set_cursor_from_name (self->drawing_area,
                                   pick (self, x, y, &hit) && hit.instrument != NULL ? "grab"
                                                                                     : NULL);
}

static void
ml_mix_page_dispose (GObject *object)
{
  MlMixPage *self = ML_MIX_PAGE (object);

  ml_project_follower_clear (&self->follower);
  g_clear_object (&self->document);
  g_clear_object (&self->selected);
  g_clear_object (&self->mission);
  g_clear_object (&self->press.instrument);
  g_clear_pointer (&self->mix, ml_policy_mix_free);

  G_OBJECT_CLASS (ml_mix_page_parent_class)->dispose (object);
}

static void
ml_mix_page_class_init (MlMixPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_mix_page_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "mixpage");

  /**
   * MlMixPage::element-selected:
   * @element: the instrument whose chip was clicked or moved, or the objective whose link was
   *   followed
   */
  signals[SIGNAL_ELEMENT_SELECTED] =
    g_signal_new ("element-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ML_TYPE_ELEMENT);
}

static GtkWidget *
side_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  return box;
}

/* The matrix takes its colours and type from the style, not from CSS: draw it anew. */
static void
on_style_changed_cb (MlMixPage *self)
{
  gtk_widget_queue_draw (self->drawing_area);
}

static void
ml_mix_page_init (MlMixPage *self)
{
  GtkWidget *flap = adw_flap_new ();
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *matrix_scrolled = gtk_scrolled_window_new ();
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *show_side = gtk_toggle_button_new_with_label (_("Findings"));
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->drawing_area = gtk_drawing_area_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drawing_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Policy mix"), -1);
  gtk_widget_set_size_request (self->drawing_area, MIN_MATRIX_WIDTH, MIN_MATRIX_HEIGHT);
  gtk_widget_set_hexpand (self->drawing_area, TRUE);
  gtk_widget_set_vexpand (self->drawing_area, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (matrix_scrolled), self->drawing_area);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (matrix_scrolled), TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->drawing_area), draw_mix, self, NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel_cb), self);
  gtk_widget_add_controller (self->drawing_area, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (self->drawing_area, motion);

  ml_project_follower_init (&self->follower, refresh, self);
  self->details_box = side_box_new ();
  gtk_widget_set_visible (self->details_box, FALSE);
  self->findings_box = side_box_new ();
  fill_findings (self);

  gtk_widget_set_margin_top (side, 18);
  gtk_widget_set_margin_bottom (side, 18);
  gtk_box_append (GTK_BOX (side), self->details_box);
  gtk_box_append (GTK_BOX (side), self->findings_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), side);
  /* Its wrapping labels would otherwise make it take the matrix's room. */
  gtk_widget_set_size_request (scrolled, SIDE_WIDTH, -1);
  gtk_widget_set_hexpand (scrolled, FALSE);
  gtk_widget_add_css_class (scrolled, "background");
  /* Hidden while the window presents: the matrix takes the whole width. */
  gtk_widget_add_css_class (scrolled, "editing-tools");

  /* When the matrix and the findings do not both fit, the findings fold over the matrix's
   * side, shown by a button in its corner.
   */
  gtk_widget_set_halign (show_side, GTK_ALIGN_START);
  gtk_widget_set_valign (show_side, GTK_ALIGN_START);
  gtk_widget_set_margin_top (show_side, 6);
  gtk_widget_set_margin_start (show_side, 6);
  gtk_widget_set_tooltip_text (show_side, _("Show the Findings and the Selected Instrument"));
  gtk_overlay_set_child (GTK_OVERLAY (overlay), matrix_scrolled);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), show_side);
  self->banner = ml_mission_banner_new ();
  gtk_box_append (GTK_BOX (content), self->banner);
  gtk_widget_set_vexpand (overlay, TRUE);
  gtk_box_append (GTK_BOX (content), overlay);
  adw_flap_set_content (ADW_FLAP (flap), content);
  adw_flap_set_flap (ADW_FLAP (flap), scrolled);
  adw_flap_set_separator (ADW_FLAP (flap), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_flap_set_flap_position (ADW_FLAP (flap), GTK_PACK_END);
  adw_flap_set_fold_threshold_policy (ADW_FLAP (flap), ADW_FOLD_THRESHOLD_POLICY_NATURAL);
  g_object_bind_property (flap, "folded", show_side, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (flap, "reveal-flap", show_side, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  adw_bin_set_child (ADW_BIN (self), flap);

  ml_view_style_watch (GTK_WIDGET (self), G_CALLBACK (on_style_changed_cb));
}

void
ml_mix_page_set_document (MlMixPage  *self,
                          MlDocument *document)
{
  g_return_if_fail (ML_IS_MIX_PAGE (self));
  g_return_if_fail (ML_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  g_clear_object (&self->selected);
  ml_project_follower_set_project (&self->follower, ml_document_get_project (document));
}

/**
 * ml_mix_page_set_selected:
 * @element: (nullable): the element selected in the window; only an instrument shows here
 */
/**
 * ml_mix_page_set_presenting:
 * @presenting: whether the window presents: draw in the projector style
 */
void
ml_mix_page_set_presenting (MlMixPage *self,
                            gboolean   presenting)
{
  g_return_if_fail (ML_IS_MIX_PAGE (self));

  self->presenting = presenting;
  gtk_widget_queue_draw (self->drawing_area);
}

/**
 * ml_mix_page_set_mission:
 * @mission: (nullable): the mission whose instruments alone to show under its title, as when
 *   a presentation focuses on it, or %NULL for the whole mix
 */
void
ml_mix_page_set_mission (MlMixPage *self,
                         MlElement *mission)
{
  g_return_if_fail (ML_IS_MIX_PAGE (self));
  g_return_if_fail (mission == NULL || ML_IS_ELEMENT (mission));

  if (!g_set_object (&self->mission, mission))
    return;
  ml_mission_banner_set_mission (self->banner, mission);
  refresh (self);
}

void
ml_mix_page_set_selected (MlMixPage *self,
                          MlElement *element)
{
  g_return_if_fail (ML_IS_MIX_PAGE (self));

  if (element != NULL && ml_element_get_kind (element) != ML_KIND_INSTRUMENT)
    element = NULL;
  if (!g_set_object (&self->selected, element))
    return;

  fill_details (self);
  update_accessible (self);
  gtk_widget_queue_draw (self->drawing_area);
}

GtkWidget *
ml_mix_page_get_drawing_area (MlMixPage *self)
{
  g_return_val_if_fail (ML_IS_MIX_PAGE (self), NULL);

  return self->drawing_area;
}
