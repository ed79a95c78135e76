/* ml-stakeholder-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stakeholder map as a widget: the core lays it out and draws it; this widget animates the
 * force layout, pans and zooms, selects, lets the user drag stakeholders into place (which pins
 * them and saves the place in the project, one undo step a drag) and draw a relation by
 * Shift-dragging from one stakeholder to another.
 */

#define G_LOG_DOMAIN "ml-stakeholder-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ml-command.h"
#include "ml-element-summary.h"
#include "ml-mission-focus.h"
#include "ml-stakeholder-view.h"
#include "ml-text.h"
#include "ml-view-style.h"

#define LAYOUT_SEED 1
#define STEPS_PER_FRAME 4
#define MIN_SCALE 0.05
#define MAX_SCALE 50.0

typedef enum
{
  DRAG_NONE,
  DRAG_NODE,
  DRAG_LINK,
  DRAG_PAN,
} DragMode;

struct _MlStakeholderView
{
  GtkWidget        parent_instance;

  MlDocument      *document;
  MlProject       *project;
  MlLayout        *layout;
  MlGraphRenderer *renderer;
  MlElement       *selected;
  MlLayoutKind     kind;
  gboolean         show_legend;
  gboolean         presenting;   /* the projector style */

  /* What the filters hide: types, levels and relation kinds by bit, and a sector to match. */
  guint32          hidden_types;
  guint32          hidden_levels;
  guint32          hidden_kinds;
  char            *sector;
  /* A presentation's mission: only its stakeholders are shown (ids, from the project). */
  MlElement       *mission;
  GHashTable      *mission_ids;

  MlGraphViewport  viewport;
  gboolean         follow_fit;   /* keep the map fitted until the user pans or zooms */
  guint            tick_id;      /* the force layout is animating */

  DragMode         drag_mode;
  MlElement       *drag_element;
  double           drag_x;
  double           drag_y;
  double           drag_dx;
  double           drag_dy;
  double           pan_offset_x;
  double           pan_offset_y;
  double           pinch_scale;
};

G_DEFINE_FINAL_TYPE (MlStakeholderView, ml_stakeholder_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ELEMENT_SELECTED,
  SIGNAL_EDIT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
ml_stakeholder_view_get_viewport (MlStakeholderView *self,
                                  MlGraphViewport   *viewport)
{
  g_return_if_fail (ML_IS_STAKEHOLDER_VIEW (self));

  *viewport = self->viewport;
  viewport->width = gtk_widget_get_width (GTK_WIDGET (self));
  viewport->height = gtk_widget_get_height (GTK_WIDGET (self));
}

static void
fit_if_following (MlStakeholderView *self)
{
  if (self->follow_fit && self->layout != NULL && self->renderer != NULL &&
      gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    ml_graph_renderer_fit (self->renderer, &self->viewport, gtk_widget_get_width (GTK_WIDGET (self)),
                           gtk_widget_get_height (GTK_WIDGET (self)));
}

static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  MlStakeholderView *self = ML_STAKEHOLDER_VIEW (widget);
  gboolean moving = TRUE;

  for (guint i = 0; i < STEPS_PER_FRAME && moving; i++)
    moving = ml_layout_step (self->layout);

  fit_if_following (self);
  gtk_widget_queue_draw (widget);
  if (moving)
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
animate (MlStakeholderView *self)
{
  if (self->kind == ML_LAYOUT_FORCE && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick_cb, NULL, NULL);
}

/* Stakeholders the user placed stay where they were put. */
static void
apply_saved_place (MlStakeholderView *self,
                   MlElement         *stakeholder)
{
  double x = ml_element_get_number (stakeholder, ML_STAKEHOLDER_X);
  double y = ml_element_get_number (stakeholder, ML_STAKEHOLDER_Y);

  if (self->kind != ML_LAYOUT_FORCE)
    return;
  if (!isnan (x) && !isnan (y))
    {
      ml_layout_set_position (self->layout, stakeholder, x, y);
      ml_layout_set_pinned (self->layout, stakeholder, TRUE);
    }
  else
    {
      ml_layout_set_pinned (self->layout, stakeholder, FALSE);
    }
}

static gboolean
is_shown (MlElement *stakeholder,
          gpointer   user_data)
{
  MlStakeholderView *self = user_data;
  int type = ml_element_get_enum (stakeholder, ML_STAKEHOLDER_TYPE);
  int level = ml_element_get_enum (stakeholder, ML_STAKEHOLDER_LEVEL);

  if ((type >= 0 && (self->hidden_types & (1u << type)) != 0) ||
      (level >= 0 && (self->hidden_levels & (1u << level)) != 0))
    return FALSE;
  if (self->mission_ids != NULL &&
      !g_hash_table_contains (self->mission_ids, ml_element_get_id (stakeholder)))
    return FALSE;

  return self->sector == NULL ||
         ml_text_matches (self->sector, ml_element_get_string (stakeholder, ML_STAKEHOLDER_SECTOR));
}

static void
rebuild_layout (MlStakeholderView *self,
                gboolean           keep_positions)
{
  g_autoptr(MlLayout) old = g_steal_pointer (&self->layout);

  g_clear_pointer (&self->mission_ids, g_hash_table_unref);
  if (self->mission != NULL)
    self->mission_ids = ml_mission_dup_stakeholders (self->project, self->mission);
  self->layout = ml_layout_new_filtered (self->project, self->kind, LAYOUT_SEED, is_shown, self);
  for (guint i = 0; i < ml_layout_get_n_nodes (self->layout); i++)
    {
      MlElement *stakeholder = ml_layout_get_node (self->layout, i);
      guint before;

      /* After an edit, everyone starts from where they were, so the map does not jump. */
      if (keep_positions && old != NULL && ml_layout_lookup (old, stakeholder, &before))
        {
          double x, y;

          ml_layout_get_position (old, before, &x, &y);
          ml_layout_set_position (self->layout, stakeholder, x, y);
        }
      apply_saved_place (self, stakeholder);
    }

  ml_graph_renderer_set_layout (self->renderer, self->layout);
  if (keep_positions)
    ml_layout_reheat (self->layout);
  animate (self);
  fit_if_following (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What a screen reader says of the view: see ml_element_summary_set_view(). */
static void
update_accessible (MlStakeholderView *self)
{
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree char *n_stakeholders = NULL;
  g_autofree char *contents = NULL;

  if (self->project == NULL)
    return;

  stakeholders = ml_project_collect (self->project, ML_KIND_STAKEHOLDER);
  relations = ml_project_collect (self->project, ML_KIND_RELATION);
  n_stakeholders = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stakeholder",
                                                 "%u stakeholders", stakeholders->len),
                                    stakeholders->len);
  /* TRANSLATORS: the first %s is “N stakeholders” */
  contents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A map of %s and %u relation.",
                                           "A map of %s and %u relations.", relations->len),
                              n_stakeholders, relations->len);
  ml_element_summary_set_view (GTK_WIDGET (self), self->project, self->selected, contents,
                               _("The arrow keys move from stakeholder to stakeholder, Enter "
                                 "edits the selected one, Delete removes it, plus and minus "
                                 "zoom."));
}

/* The stakeholders in the order of the file, for the arrow keys. */
static MlElement *
neighbour_stakeholder (MlStakeholderView *self,
                       int                step)
{
  g_autoptr(GPtrArray) stakeholders = ml_project_collect (self->project, ML_KIND_STAKEHOLDER);
  guint position;

  if (stakeholders->len == 0)
    return NULL;
  if (self->selected == NULL || !g_ptr_array_find (stakeholders, self->selected, &position))
    return g_ptr_array_index (stakeholders, step > 0 ? 0 : stakeholders->len - 1);

  position = CLAMP ((int) position + step, 0, (int) stakeholders->len - 1);

  return g_ptr_array_index (stakeholders, position);
}

static void
on_project_structure_changed_cb (MlStakeholderView *self,
                                 MlElement         *element)
{
  MlKind kind = ml_element_get_kind (element);

  if (kind != ML_KIND_STAKEHOLDER && kind != ML_KIND_RELATION && kind != ML_KIND_PROJECT)
    return;
  ml_graph_renderer_invalidate (self->renderer);
  rebuild_layout (self, TRUE);
  update_accessible (self);
}

static void
on_project_changed_cb (MlStakeholderView *self,
                       MlElement         *element,
                       int                field)
{
  MlKind kind = ml_element_get_kind (element);

  if (kind != ML_KIND_STAKEHOLDER && kind != ML_KIND_RELATION)
    return;

  ml_graph_renderer_invalidate (self->renderer);
  if (field == ML_STAKEHOLDER_X || field == ML_STAKEHOLDER_Y)
    {
      /* A place set or undone: follow the model, and let the others settle around it. */
      apply_saved_place (self, element);
      ml_layout_reheat (self->layout);
      animate (self);
    }
  else if (kind == ML_KIND_RELATION || field == ML_STAKEHOLDER_TYPE ||
           field == ML_STAKEHOLDER_LEVEL || field == ML_STAKEHOLDER_INFLUENCE ||
           field == ML_STAKEHOLDER_INTEREST)
    {
      rebuild_layout (self, TRUE);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_element (MlStakeholderView *self,
                MlElement         *element)
{
  ml_stakeholder_view_set_selected (self, element);
  g_signal_emit (self, signals[SIGNAL_ELEMENT_SELECTED], 0, element);
}

static void
to_layout (MlStakeholderView *self,
           double             x,
           double             y,
           double            *lx,
           double            *ly)
{
  *lx = x / self->viewport.scale + self->viewport.offset_x;
  *ly = y / self->viewport.scale + self->viewport.offset_y;
}

static void
save_place (MlStakeholderView *self,
            MlElement         *stakeholder)
{
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MlCommand) group = NULL;
  g_autoptr(GError) error = NULL;
  guint index;
  double x, y;
  MlValue value;

  if (!ml_layout_lookup (self->layout, stakeholder, &index))
    return;
  ml_layout_get_position (self->layout, index, &x, &y);

  ml_value_init_number (&value, ML_STAKEHOLDER_X, round (x * 100) / 100);
  g_ptr_array_add (commands, ml_command_new_set (stakeholder, ML_STAKEHOLDER_X, &value));
  ml_value_init_number (&value, ML_STAKEHOLDER_Y, round (y * 100) / 100);
  g_ptr_array_add (commands, ml_command_new_set (stakeholder, ML_STAKEHOLDER_Y, &value));
  group = ml_command_new_group_from_array (_("Move Stakeholder"), commands);

  if (!ml_document_push (self->document, group, &error))
    g_warning ("Could not save the place of the stakeholder: %s", error->message);
}

static void
add_relation (MlStakeholderView *self,
              MlElement         *from,
              MlElement         *to)
{
  g_autofree char *id = ml_project_generate_id (self->project, ML_KIND_RELATION);
  g_autoptr(MlElement) relation = ml_element_new (ML_KIND_RELATION, id);
  g_autoptr(MlCommand) insert = NULL;
  g_autoptr(GError) error = NULL;
  MlValue value;

  ml_value_init_string (&value, ML_RELATION_FROM, ml_element_get_id (from));
  ml_element_set_value (relation, ML_RELATION_FROM, &value, NULL);
  ml_value_clear (&value);
  ml_value_init_string (&value, ML_RELATION_TO, ml_element_get_id (to));
  ml_element_set_value (relation, ML_RELATION_TO, &value, NULL);
  ml_value_clear (&value);
  ml_value_init_enum (&value, ML_RELATION_KIND, ML_RELATION_COORDINATION);
  ml_element_set_value (relation, ML_RELATION_KIND, &value, NULL);

  insert = ml_command_new_insert (ml_project_get_root (self->project), relation, -1);
  if (ml_document_push (self->document, insert, &error))
    select_element (self, relation);
  else
    g_warning ("Could not add the relation: %s", error->message);
}

static void
on_drag_begin_cb (GtkGestureDrag    *gesture,
                  double             x,
                  double             y,
                  MlStakeholderView *self)
{
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  MlGraphViewport viewport;
  MlElement *hit;

  self->drag_mode = DRAG_NONE;
  if (self->renderer == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  ml_stakeholder_view_get_viewport (self, &viewport);
  hit = ml_graph_renderer_hit_test (self->renderer, &viewport, x, y);
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;

  if (hit != NULL)
    {
      g_set_object (&self->drag_element, hit);
      select_element (self, hit);
      /* Only the force layout is arranged by hand; the others follow the data. */
      if ((modifiers & GDK_SHIFT_MASK) != 0)
        self->drag_mode = DRAG_LINK;
      else if (self->kind == ML_LAYOUT_FORCE)
        self->drag_mode = DRAG_NODE;
      return;
    }

  self->drag_mode = DRAG_PAN;
  self->pan_offset_x = self->viewport.offset_x;
  self->pan_offset_y = self->viewport.offset_y;
}

static void
on_drag_update_cb (GtkGestureDrag    *gesture,
                   double             dx,
                   double             dy,
                   MlStakeholderView *self)
{
  double lx, ly;

  self->drag_dx = dx;
  self->drag_dy = dy;

  switch (self->drag_mode)
    {
    case DRAG_NODE:
      to_layout (self, self->drag_x + dx, self->drag_y + dy, &lx, &ly);
      ml_layout_set_position (self->layout, self->drag_element, lx, ly);
      ml_layout_set_pinned (self->layout, self->drag_element, TRUE);
      self->follow_fit = FALSE;
      break;

    case DRAG_PAN:
      self->follow_fit = FALSE;
      self->viewport.offset_x = self->pan_offset_x - dx / self->viewport.scale;
      self->viewport.offset_y = self->pan_offset_y - dy / self->viewport.scale;
      break;

    case DRAG_LINK:
    case DRAG_NONE:
    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end_cb (GtkGestureDrag    *gesture,
                double             dx,
                double             dy,
                MlStakeholderView *self)
{
  MlGraphViewport viewport;
  MlElement *target;

  if (self->drag_mode == DRAG_NODE && (fabs (dx) > 2 || fabs (dy) > 2))
    {
      /* One drag, one undo step: the place is saved when the stakeholder is let go. */
      save_place (self, self->drag_element);
      ml_layout_reheat (self->layout);
      animate (self);
    }
  else if (self->drag_mode == DRAG_LINK)
    {
      ml_stakeholder_view_get_viewport (self, &viewport);
      target = ml_graph_renderer_hit_test (self->renderer, &viewport, self->drag_x + dx,
                                           self->drag_y + dy);
      if (target != NULL && target != self->drag_element)
        add_relation (self, self->drag_element, target);
    }

  self->drag_mode = DRAG_NONE;
  g_clear_object (&self->drag_element);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click_released_cb (GtkGestureClick   *gesture,
                      int                n_press,
                      double             x,
                      double             y,
                      MlStakeholderView *self)
{
  MlGraphViewport viewport;
  MlElement *hit;

  if (self->renderer == NULL)
    return;

  ml_stakeholder_view_get_viewport (self, &viewport);
  hit = ml_graph_renderer_hit_test (self->renderer, &viewport, x, y);
  select_element (self, hit);
  if (n_press == 2 && hit != NULL)
    g_signal_emit (self, signals[SIGNAL_EDIT_REQUESTED], 0);
}

static void
zoom_at (MlStakeholderView *self,
         double             factor,
         double             x,
         double             y)
{
  double lx, ly, scale;

  to_layout (self, x, y, &lx, &ly);
  scale = CLAMP (self->viewport.scale * factor, MIN_SCALE, MAX_SCALE);
  self->viewport.offset_x = lx - x / scale;
  self->viewport.offset_y = ly - y / scale;
  self->viewport.scale = scale;
  self->follow_fit = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              MlStakeholderView        *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (event != NULL)
    gdk_event_get_position (event, &x, &y);
  zoom_at (self, pow (1.2, -dy), x, y);

  return TRUE;
}

static void
on_zoom_begin_cb (GtkGesture        *gesture,
                  GdkEventSequence  *sequence,
                  MlStakeholderView *self)
{
  self->pinch_scale = 1;
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom    *gesture,
                          double             scale,
                          MlStakeholderView *self)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  zoom_at (self, scale / self->pinch_scale, x, y);
  self->pinch_scale = scale;
}

/* Hovering shows a stakeholder's ego network, as selecting does, until the pointer leaves. */
static void
highlight (MlStakeholderView *self,
           MlElement         *hovered)
{
  if (self->renderer == NULL || self->drag_mode != DRAG_NONE)
    return;
  ml_graph_renderer_set_selected (self->renderer, hovered != NULL ? hovered : self->selected);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              MlStakeholderView        *self)
{
  MlGraphViewport viewport;

  if (self->renderer == NULL)
    return;
  ml_stakeholder_view_get_viewport (self, &viewport);
  highlight (self, ml_graph_renderer_hit_test (self->renderer, &viewport, x, y));
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             MlStakeholderView        *self)
{
  highlight (self, NULL);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   MlStakeholderView     *self)
{
  if (self->project == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_Left:
      select_element (self, neighbour_stakeholder (self, -1));
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_Right:
      select_element (self, neighbour_stakeholder (self, 1));
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-element", NULL);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->selected != NULL)
        g_signal_emit (self, signals[SIGNAL_EDIT_REQUESTED], 0);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      ml_stakeholder_view_zoom (self, 1.25);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      ml_stakeholder_view_zoom (self, 1 / 1.25);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
update_style (MlStakeholderView *self)
{
  MlStyle style = ml_view_style_get (GTK_WIDGET (self), self->presenting);

  if (self->renderer != NULL)
    ml_graph_renderer_set_style (self->renderer, &style);
  fit_if_following (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
draw_link_line (MlStakeholderView *self,
                cairo_t           *cr)
{
  MlGraphViewport viewport;
  cairo_rectangle_t rect;

  ml_stakeholder_view_get_viewport (self, &viewport);
  if (!ml_graph_renderer_get_node_rect (self->renderer, &viewport, self->drag_element, &rect))
    return;

  ml_style_draw_link_line (cr, ml_style_get (ML_STYLE_SCREEN), rect.x + rect.width / 2,
                           rect.y + rect.height / 2, self->drag_x + self->drag_dx,
                           self->drag_y + self->drag_dy);
}

static void
ml_stakeholder_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  MlStakeholderView *self = ML_STAKEHOLDER_VIEW (widget);
  MlGraphViewport viewport;
  cairo_t *cr;

  if (self->renderer == NULL)
    return;

  ml_stakeholder_view_get_viewport (self, &viewport);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, viewport.width, viewport.height));
  ml_graph_renderer_draw (self->renderer, cr, &viewport);
  if (self->drag_mode == DRAG_LINK)
    draw_link_line (self, cr);
  cairo_destroy (cr);
}

static void
ml_stakeholder_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  fit_if_following (ML_STAKEHOLDER_VIEW (widget));
}

static void
ml_stakeholder_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  *minimum = 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 600;
}

static void
ml_stakeholder_view_dispose (GObject *object)
{
  MlStakeholderView *self = ML_STAKEHOLDER_VIEW (object);

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->layout, ml_layout_free);
  g_clear_object (&self->drag_element);
  g_clear_object (&self->selected);
  g_clear_object (&self->project);
  g_clear_object (&self->document);
  g_clear_pointer (&self->sector, g_free);
  g_clear_object (&self->mission);
  g_clear_pointer (&self->mission_ids, g_hash_table_unref);

  G_OBJECT_CLASS (ml_stakeholder_view_parent_class)->dispose (object);
}

static void
ml_stakeholder_view_class_init (MlStakeholderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_stakeholder_view_dispose;
  widget_class->snapshot = ml_stakeholder_view_snapshot;
  widget_class->size_allocate = ml_stakeholder_view_size_allocate;
  widget_class->measure = ml_stakeholder_view_measure;

  /**
   * MlStakeholderView::element-selected:
   * @element: (nullable): the stakeholder or relation selected, or %NULL
   */
  signals[SIGNAL_ELEMENT_SELECTED] =
    g_signal_new ("element-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ML_TYPE_ELEMENT);
  signals[SIGNAL_EDIT_REQUESTED] =
    g_signal_new ("edit-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "stakeholdermap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ml_stakeholder_view_init (MlStakeholderView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->kind = ML_LAYOUT_FORCE;
  self->show_legend = TRUE;
  self->follow_fit = TRUE;
  self->viewport.scale = 1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stakeholder map"), -1);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  ml_view_style_watch (GTK_WIDGET (self), G_CALLBACK (update_style));
}

static void
bind_project (MlStakeholderView *self)
{
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->selected);
  g_set_object (&self->project, ml_document_get_project (self->document));

  g_clear_object (&self->renderer);
  self->renderer = ml_graph_renderer_new (self->project, NULL);
  ml_graph_renderer_set_show_legend (self->renderer, self->show_legend);
  ml_graph_renderer_set_hidden_kinds (self->renderer, self->hidden_kinds);
  g_signal_connect_swapped (self->project, "changed", G_CALLBACK (on_project_changed_cb), self);
  g_signal_connect_swapped (self->project, "inserted",
                            G_CALLBACK (on_project_structure_changed_cb), self);
  g_signal_connect_swapped (self->project, "removed",
                            G_CALLBACK (on_project_structure_changed_cb), self);
  self->follow_fit = TRUE;
  g_clear_pointer (&self->layout, ml_layout_free);
  rebuild_layout (self, FALSE);
  update_style (self);
  update_accessible (self);
}

void
ml_stakeholder_view_set_document (MlStakeholderView *self,
                                  MlDocument        *document)
{
  g_return_if_fail (ML_IS_STAKEHOLDER_VIEW (self));
  g_return_if_fail (ML_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_signal_connect_swapped (document, "notify::project", G_CALLBACK (bind_project), self);
  bind_project (self);
}

/**
 * ml_stakeholder_view_set_selected:
 * @element: (nullable): the element selected elsewhere; a stakeholder is highlighted with its
 *   relations and neighbours
 */
void
ml_stakeholder_view_set_selected (MlStakeholderView *self,
                                  MlElement         *element)
{
  g_return_if_fail (ML_IS_STAKEHOLDER_VIEW (self));

  if (!g_set_object (&self->selected, element))
    return;
  if (self->renderer != NULL)
    ml_graph_renderer_set_selected (self->renderer, element);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

MlLayoutKind
ml_stakeholder_view_get_layout_kind (MlStakeholderView *self)
{
  g_return_val_if_fail (ML_IS_STAKEHOLDER_VIEW (self), ML_LAYOUT_FORCE);

  return self->kind;
}

void
ml_stakeholder_view_set_layout_kind (MlStakeholderView *self,
                                     MlLayoutKind       kind)
{
  g_return_if_fail (ML_IS_STAKEHOLDER_VIEW (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  self->follow_fit = TRUE;
  if (self->project != NULL)
    rebuild_layout (self, FALSE);
}

/**
 * ml_stakeholder_view_set_filter:
 * @hidden_types: stakeholder types not to show, bit n for MlStakeholderType n
 * @hidden_levels: levels of governance not to show
 * @hidden_kinds: relation kinds not to show
 * @sector: (nullable): show only stakeholders whose sector matches this text
 */
void
ml_stakeholder_view_set_filter (MlStakeholderView *self,
                                guint32            hidden_types,
                                guint32            hidden_levels,
                                guint32            hidden_kinds,
                                const char        *sector)
{
  g_return_if_fail (ML_IS_STAKEHOLDER_VIEW (self));

  self->hidden_types = hidden_types;
  self->hidden_levels = hidden_levels;
  self->hidden_kinds = hidden_kinds;
  g_free (self->sector);
  self->sector = sector != NULL && sector[0] != '\0' ? g_strdup (sector) : NULL;
  if (self->renderer == NULL)
    return;

  ml_graph_renderer_set_hidden_kinds (self->renderer, hidden_kinds);
  self->follow_fit = TRUE;
  rebuild_layout (self, TRUE);
}

/**
 * ml_stakeholder_view_set_mission:
 * @mission: (nullable): show only the stakeholders taking part in this mission
 *   (ml_mission_dup_stakeholders()), as when a presentation focuses on it; %NULL for all
 */
void
ml_stakeholder_view_set_mission (MlStakeholderView *self,
                                 MlElement         *mission)
{
  g_return_if_fail (ML_IS_STAKEHOLDER_VIEW (self));
  g_return_if_fail (mission == NULL || ML_IS_ELEMENT (mission));

  if (!g_set_object (&self->mission, mission) || self->renderer == NULL)
    return;

  self->follow_fit = TRUE;
  rebuild_layout (self, TRUE);
}

void
ml_stakeholder_view_set_show_legend (MlStakeholderView *self,
                                     gboolean           show)
{
  g_return_if_fail (ML_IS_STAKEHOLDER_VIEW (self));

  self->show_legend = show;
  if (self->renderer != NULL)
    ml_graph_renderer_set_show_legend (self->renderer, show);
  /* The map moves out from under the legend, or back. */
  fit_if_following (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ml_stakeholder_view_set_presenting:
 * @presenting: whether the window presents: draw in the projector style
 *
 * The projector style draws larger nodes: the map is fitted again.
 */
void
ml_stakeholder_view_set_presenting (MlStakeholderView *self,
                                    gboolean           presenting)
{
  g_return_if_fail (ML_IS_STAKEHOLDER_VIEW (self));

  if (self->presenting == presenting)
    return;
  self->presenting = presenting;
  update_style (self);
  ml_stakeholder_view_fit (self);
}

void
ml_stakeholder_view_zoom (MlStakeholderView *self,
                          double             factor)
{
  g_return_if_fail (ML_IS_STAKEHOLDER_VIEW (self));

  zoom_at (self, factor, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
ml_stakeholder_view_fit (MlStakeholderView *self)
{
  g_return_if_fail (ML_IS_STAKEHOLDER_VIEW (self));

  self->follow_fit = TRUE;
  fit_if_following (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ml_stakeholder_view_arrange_again:
 *
 * Lays the map out afresh; stakeholders the user placed stay where they are.
 */
void
ml_stakeholder_view_arrange_again (MlStakeholderView *self)
{
  g_return_if_fail (ML_IS_STAKEHOLDER_VIEW (self));

  if (self->project == NULL)
    return;
  self->follow_fit = TRUE;
  rebuild_layout (self, FALSE);
}

/**
 * ml_stakeholder_view_get_layout:
 *
 * Returns: (transfer none) (nullable): the current layout
 */
MlLayout *
ml_stakeholder_view_get_layout (MlStakeholderView *self)
{
  g_return_val_if_fail (ML_IS_STAKEHOLDER_VIEW (self), NULL);

  return self->layout;
}
