/* ml-roadmap-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roadmap as a widget: the core's timeline renderer draws the visible rectangle; this
 * widget scrolls (it is GtkScrollable), zooms (Ctrl+scroll, pinch, + and −), selects, drags
 * bars to move or resize them (one undo step a drag, snapped to days), draws dependencies by
 * Shift-dragging from one bar to another, and collapses workstreams.
 */

#define G_LOG_DOMAIN "ml-roadmap-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include <adwaita.h>

#include "ml-command.h"
#include "ml-element-summary.h"
#include "ml-roadmap-view.h"
#include "ml-view-style.h"

#define MIN_DAY_WIDTH 0.05   /* about 18 px a year */
#define MAX_DAY_WIDTH 80.0   /* a day wide enough to read */
#define DEFAULT_DAY_WIDTH 1.5

typedef enum
{
  DRAG_NONE,
  DRAG_MOVE,
  DRAG_START,
  DRAG_END,
  DRAG_LINK,     /* Shift-drag from a bar: a dependency */
  DRAG_PAN,
} DragMode;

struct _MlRoadmapView
{
  GtkWidget           parent_instance;

  MlDocument         *document;
  MlProject          *project;
  MlTimelineRenderer *renderer;
  MlElement          *selected;
  MlElement          *mission;       /* only its work is shown; NULL for all */

  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;

  double              day_width;
  double              start_day;     /* the day at the left edge of the time area */
  gboolean            follow_fit;    /* keep the whole horizon in view until zoomed or moved */
  gboolean            show_legend;
  gboolean            presenting;    /* the projector style */

  /* The drag in progress */
  DragMode            drag_mode;
  MlElement          *drag_element;
  MlCommand          *drag_preview;  /* applied for the preview, not recorded */
  MlDate              drag_start;
  MlDate              drag_end;
  int                 drag_days;
  double              drag_x;
  double              drag_y;
  double              pan_start_day;
  double              pan_scroll_y;
  double              link_dx;       /* where the pointer is, while a dependency is drawn */
  double              link_dy;
  double              zoom_day_width;
};

static void ml_roadmap_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MlRoadmapView, ml_roadmap_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      ml_roadmap_view_scrollable_init))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  SIGNAL_ELEMENT_SELECTED,
  SIGNAL_EDIT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
header_width (MlRoadmapView *self)
{
  return self->renderer != NULL ? ml_timeline_renderer_get_header_width (self->renderer) : 0;
}

void
ml_roadmap_view_get_viewport (MlRoadmapView      *self,
                              MlTimelineViewport *viewport)
{
  g_return_if_fail (ML_IS_ROADMAP_VIEW (self));

  viewport->start_day = self->start_day;
  viewport->day_width = self->day_width;
  viewport->scroll_y = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  viewport->width = gtk_widget_get_width (GTK_WIDGET (self));
  viewport->height = gtk_widget_get_height (GTK_WIDGET (self));
}

static void
get_horizon (MlRoadmapView *self,
             double        *first,
             double        *last)
{
  MlDate a = ML_DATE_NONE, b = ML_DATE_NONE;

  if (self->renderer != NULL)
    ml_timeline_renderer_get_horizon (self->renderer, &a, &b);
  if (a == ML_DATE_NONE || b == ML_DATE_NONE)
    a = b = ml_date_today ();

  *first = a;
  *last = b + 1;
}

/* The adjustments follow the view: horizontal in pixels from the horizon's first day. */
static void
update_adjustments (MlRoadmapView *self)
{
  double first, last, time_width, width, height, content;

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  get_horizon (self, &first, &last);
  time_width = MAX (width - header_width (self), 1);

  /* Let the view go a little beyond the horizon, but not lose it. */
  first = MIN (first, self->start_day);
  last = MAX (last, self->start_day + time_width / self->day_width);

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              (self->start_day - first) * self->day_width,
                              0, (last - first) * self->day_width,
                              time_width * 0.1, time_width * 0.9, time_width);

  if (self->vadjustment != NULL)
    {
      double rows = height - (self->renderer != NULL ?
                              ml_timeline_renderer_get_axis_height (self->renderer) : 0);

      double legend_width, legend_height = 0;

      content = self->renderer != NULL ? ml_timeline_renderer_get_content_height (self->renderer) : 0;
      /* Room below the last row, so that the corner legend never hides it. */
      if (self->renderer != NULL && self->show_legend)
        ml_timeline_renderer_get_legend_size (self->renderer, width, &legend_width, &legend_height);
      content += legend_height;
      gtk_adjustment_configure (self->vadjustment,
                                CLAMP (gtk_adjustment_get_value (self->vadjustment), 0,
                                       MAX (content - rows, 0)),
                                0, MAX (content, rows), rows * 0.1, rows * 0.9, MAX (rows, 1));
    }
}

static void
on_hadjustment_changed_cb (MlRoadmapView *self)
{
  double first, last;

  get_horizon (self, &first, &last);
  first = MIN (first, self->start_day);
  self->start_day = first + gtk_adjustment_get_value (self->hadjustment) / self->day_width;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (MlRoadmapView  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment,
                GCallback       callback)
{
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_object_ref_sink (adjustment);
  g_clear_object (slot);
  *slot = adjustment;
  g_signal_connect_swapped (*slot, "value-changed", callback, self);
  update_adjustments (self);
}

static void
set_view (MlRoadmapView *self,
          double         start_day,
          double         day_width)
{
  self->day_width = CLAMP (day_width, MIN_DAY_WIDTH, MAX_DAY_WIDTH);
  self->start_day = start_day;
  update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ml_roadmap_view_zoom:
 * @factor: above 1 zooms in
 * @x: the x, in widget coordinates, that stays on the same day
 */
void
ml_roadmap_view_zoom (MlRoadmapView *self,
                      double         factor,
                      double         x)
{
  MlTimelineViewport viewport;
  double day, width;

  g_return_if_fail (ML_IS_ROADMAP_VIEW (self));

  ml_roadmap_view_get_viewport (self, &viewport);
  x = MAX (x, header_width (self));
  day = ml_timeline_viewport_day_at_x (&viewport, header_width (self), x);
  width = CLAMP (self->day_width * factor, MIN_DAY_WIDTH, MAX_DAY_WIDTH);
  self->follow_fit = FALSE;
  set_view (self, day - (x - header_width (self)) / width, width);
}

/**
 * ml_roadmap_view_fit:
 *
 * Shows the whole horizon of the roadmap.
 */
void
ml_roadmap_view_fit (MlRoadmapView *self)
{
  double first, last, time_width;

  g_return_if_fail (ML_IS_ROADMAP_VIEW (self));

  get_horizon (self, &first, &last);
  time_width = gtk_widget_get_width (GTK_WIDGET (self)) - header_width (self);
  self->follow_fit = TRUE;
  if (time_width <= 0)
    return;
  set_view (self, first, time_width / MAX (last - first, 1));
}

/**
 * ml_roadmap_view_scroll_to_day:
 *
 * Brings @day to the middle of the time area, as “Today” does.
 */
void
ml_roadmap_view_scroll_to_day (MlRoadmapView *self,
                               MlDate         day)
{
  double time_width;

  g_return_if_fail (ML_IS_ROADMAP_VIEW (self));

  time_width = gtk_widget_get_width (GTK_WIDGET (self)) - header_width (self);
  self->follow_fit = FALSE;
  set_view (self, day - time_width / 2 / self->day_width, self->day_width);
}

static void
scroll_to_element (MlRoadmapView *self,
                   MlElement     *element)
{
  MlTimelineViewport viewport;
  cairo_rectangle_t rect;
  double axis, top, bottom, value;

  if (self->renderer == NULL || element == NULL)
    return;

  ml_roadmap_view_get_viewport (self, &viewport);
  if (!ml_timeline_renderer_get_element_rect (self->renderer, &viewport, element, &rect))
    return;

  axis = ml_timeline_renderer_get_axis_height (self->renderer);
  value = gtk_adjustment_get_value (self->vadjustment);
  top = rect.y - axis;
  bottom = rect.y + rect.height - viewport.height;
  if (top < 0)
    gtk_adjustment_set_value (self->vadjustment, value + top - rect.height);
  else if (bottom > 0)
    gtk_adjustment_set_value (self->vadjustment, value + bottom + rect.height);

  /* An element off to the side comes into the time area too. */
  if (rect.x + rect.width < header_width (self) || rect.x > viewport.width)
    {
      double day = ml_timeline_viewport_day_at_x (&viewport, header_width (self), rect.x);

      ml_roadmap_view_scroll_to_day (self, (MlDate) day);
    }
}

/* What a screen reader says of the view: see ml_element_summary_set_view(). */
static void
update_accessible (MlRoadmapView *self)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autofree char *contents = NULL;

  if (self->project == NULL)
    return;

  activities = ml_project_collect (self->project, ML_KIND_ACTIVITY);
  contents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A roadmap of %u activity.",
                                           "A roadmap of %u activities.", activities->len),
                              activities->len);
  ml_element_summary_set_view (GTK_WIDGET (self), self->project, self->selected, contents,
                               _("The arrow keys move from activity to activity, Enter edits "
                                 "the selected one, Delete removes it, plus and minus zoom."));
}

static void
select_element (MlRoadmapView *self,
                MlElement     *element)
{
  ml_roadmap_view_set_selected (self, element);
  g_signal_emit (self, signals[SIGNAL_ELEMENT_SELECTED], 0, element);
}

/* Drags */

static MlCommand *
make_date_command (MlRoadmapView *self,
                   int            days)
{
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func (g_object_unref);
  MlDate start = self->drag_start, end = self->drag_end;
  MlValue value;

  if (self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_START)
    start += days;
  if (self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_END)
    end += days;
  if (start < 1 || end < 1)
    return NULL;

  /* Each step must be valid on its own: moving later, the end moves first. */
  for (guint i = 0; i < 2; i++)
    {
      gboolean end_first = days > 0;
      MlField field = (i == 0) == end_first ? ML_ACTIVITY_END : ML_ACTIVITY_START;
      MlDate date = field == ML_ACTIVITY_END ? end : start;

      if (date == ml_element_get_date (self->drag_element, field) &&
          ((field == ML_ACTIVITY_END && self->drag_mode == DRAG_START) ||
           (field == ML_ACTIVITY_START && self->drag_mode == DRAG_END)))
        continue;
      ml_value_init_date (&value, field, date);
      g_ptr_array_add (commands, ml_command_new_set (self->drag_element, field, &value));
    }

  return ml_command_new_group_from_array (self->drag_mode == DRAG_MOVE ? _("Move Activity")
                                                                       : _("Change Dates"),
                                          commands);
}

static void
revert_preview (MlRoadmapView *self)
{
  if (self->drag_preview == NULL)
    return;

  ml_command_revert (self->drag_preview, self->project);
  g_clear_object (&self->drag_preview);
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  MlRoadmapView  *self)
{
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  MlTimelineViewport viewport;
  MlTimelineHit hit;

  self->drag_mode = DRAG_NONE;
  if (self->renderer == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  ml_roadmap_view_get_viewport (self, &viewport);
  hit = ml_timeline_renderer_hit_test (self->renderer, &viewport, x, y);
  self->drag_x = x;
  self->drag_y = y;
  self->link_dx = self->link_dy = 0;
  self->drag_days = 0;

  if (hit.kind == ML_TIMELINE_HIT_BAR || hit.kind == ML_TIMELINE_HIT_BAR_START ||
      hit.kind == ML_TIMELINE_HIT_BAR_END)
    {
      g_set_object (&self->drag_element, hit.element);
      self->drag_start = ml_element_get_date (hit.element, ML_ACTIVITY_START);
      self->drag_end = ml_element_get_date (hit.element, ML_ACTIVITY_END);
      if ((modifiers & GDK_SHIFT_MASK) != 0)
        self->drag_mode = DRAG_LINK;
      else if (hit.kind == ML_TIMELINE_HIT_BAR_START)
        self->drag_mode = DRAG_START;
      else if (hit.kind == ML_TIMELINE_HIT_BAR_END)
        self->drag_mode = DRAG_END;
      else
        self->drag_mode = DRAG_MOVE;
      select_element (self, hit.element);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if (hit.kind == ML_TIMELINE_HIT_NONE && x > header_width (self))
    {
      self->drag_mode = DRAG_PAN;
      self->pan_start_day = self->start_day;
      self->pan_scroll_y = gtk_adjustment_get_value (self->vadjustment);
    }
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   MlRoadmapView  *self)
{
  int days;

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      self->follow_fit = FALSE;
      set_view (self, self->pan_start_day - dx / self->day_width, self->day_width);
      gtk_adjustment_set_value (self->vadjustment, self->pan_scroll_y - dy);
      return;

    case DRAG_LINK:
      self->link_dx = dx;
      self->link_dy = dy;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;

    case DRAG_MOVE:
    case DRAG_START:
    case DRAG_END:
      days = (int) round (dx / self->day_width);
      if (days == self->drag_days)
        return;
      /* The preview is the real edit, applied without being recorded: every view shows it. */
      revert_preview (self);
      self->drag_days = days;
      if (days != 0)
        {
          g_autoptr(MlCommand) command = make_date_command (self, days);

          if (command != NULL && ml_command_apply (command, self->project, NULL))
            self->drag_preview = g_steal_pointer (&command);
        }
      return;

    case DRAG_NONE:
    default:
      return;
    }
}

static void
add_dependency (MlRoadmapView *self,
                MlElement     *successor)
{
  g_autoptr(MlElement) dependency = ml_element_new (ML_KIND_DEPENDENCY, NULL);
  g_autoptr(MlCommand) insert = NULL;
  g_autoptr(GError) error = NULL;
  MlValue value;

  ml_value_init_string (&value, ML_DEPENDENCY_ACTIVITY, ml_element_get_id (self->drag_element));
  ml_element_set_value (dependency, ML_DEPENDENCY_ACTIVITY, &value, NULL);
  ml_value_clear (&value);
  insert = ml_command_new_insert (successor, dependency, -1);
  if (!ml_document_push (self->document, insert, &error))
    g_warning ("Could not add the dependency: %s", error->message);
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                MlRoadmapView  *self)
{
  g_autoptr(GError) error = NULL;
  MlTimelineViewport viewport;
  MlTimelineHit hit;
  int days = self->drag_days;

  switch (self->drag_mode)
    {
    case DRAG_MOVE:
    case DRAG_START:
    case DRAG_END:
      revert_preview (self);
      if (days != 0)
        {
          g_autoptr(MlCommand) command = make_date_command (self, days);

          /* One drag, one undo step. */
          if (command != NULL)
            ml_document_push (self->document, command, &error);
        }
      break;

    case DRAG_LINK:
      ml_roadmap_view_get_viewport (self, &viewport);
      hit = ml_timeline_renderer_hit_test (self->renderer, &viewport, self->drag_x + dx,
                                           self->drag_y + dy);
      if (hit.element != NULL && hit.element != self->drag_element &&
          (hit.kind == ML_TIMELINE_HIT_BAR || hit.kind == ML_TIMELINE_HIT_BAR_START ||
           hit.kind == ML_TIMELINE_HIT_BAR_END))
        add_dependency (self, hit.element);
      break;

    case DRAG_PAN:
    case DRAG_NONE:
    default:
      break;
    }

  self->drag_mode = DRAG_NONE;
  g_clear_object (&self->drag_element);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      MlRoadmapView   *self)
{
  MlTimelineViewport viewport;
  MlTimelineHit hit;

  if (self->renderer == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  ml_roadmap_view_get_viewport (self, &viewport);
  hit = ml_timeline_renderer_hit_test (self->renderer, &viewport, x, y);

  if (hit.kind == ML_TIMELINE_HIT_LANE_HEADER && x < header_width (self))
    {
      ml_timeline_renderer_set_collapsed (self->renderer, hit.element,
                                          !ml_timeline_renderer_get_collapsed (self->renderer,
                                                                               hit.element));
      update_adjustments (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  select_element (self, hit.element);
  if (n_press == 2 && hit.element != NULL)
    g_signal_emit (self, signals[SIGNAL_EDIT_REQUESTED], 0);
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              MlRoadmapView            *self)
{
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = 0, y = 0;
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

  if ((modifiers & GDK_CONTROL_MASK) == 0)
    return FALSE;

  if (event != NULL)
    gdk_event_get_position (event, &x, &y);
  ml_roadmap_view_zoom (self, pow (1.25, -dy), x);

  return TRUE;
}

static void
on_zoom_begin_cb (GtkGesture    *gesture,
                  GdkEventSequence *sequence,
                  MlRoadmapView *self)
{
  self->zoom_day_width = self->day_width;
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom *gesture,
                          double          scale,
                          MlRoadmapView  *self)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  ml_roadmap_view_zoom (self, self->zoom_day_width * scale / self->day_width, x);
}

/* The activities in the order of their rows, for the arrow keys. */
static MlElement *
neighbour_activity (MlRoadmapView *self,
                    int            step)
{
  g_autoptr(GPtrArray) activities = ml_project_collect (self->project, ML_KIND_ACTIVITY);
  guint position;

  if (activities->len == 0)
    return NULL;
  if (self->selected == NULL || !g_ptr_array_find (activities, self->selected, &position))
    return g_ptr_array_index (activities, step > 0 ? 0 : activities->len - 1);

  position = CLAMP ((int) position + step, 0, (int) activities->len - 1);

  return g_ptr_array_index (activities, position);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   MlRoadmapView         *self)
{
  if (self->project == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_Left:
      select_element (self, neighbour_activity (self, -1));
      scroll_to_element (self, self->selected);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_Right:
      select_element (self, neighbour_activity (self, 1));
      scroll_to_element (self, self->selected);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->selected != NULL)
        g_signal_emit (self, signals[SIGNAL_EDIT_REQUESTED], 0);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-element", NULL);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      ml_roadmap_view_zoom (self, 1.5, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      ml_roadmap_view_zoom (self, 1 / 1.5, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0);
      return TRUE;
    default:
      return FALSE;
    }
}

/* A name cut short in the header or beside its bar is shown whole in a tooltip. */
static gboolean
on_query_tooltip_cb (MlRoadmapView *self,
                     int            x,
                     int            y,
                     gboolean       keyboard,
                     GtkTooltip    *tooltip)
{
  MlTimelineViewport viewport;
  MlTimelineHit hit;
  g_autofree char *title = NULL;

  if (self->renderer == NULL || keyboard)
    return FALSE;

  ml_roadmap_view_get_viewport (self, &viewport);
  hit = ml_timeline_renderer_hit_test (self->renderer, &viewport, x, y);
  if (hit.element == NULL)
    return FALSE;

  title = ml_project_dup_title (self->project, hit.element);
  gtk_tooltip_set_text (tooltip, title);

  return TRUE;
}

static void
on_project_changed_cb (MlRoadmapView *self)
{
  if (self->renderer != NULL)
    ml_timeline_renderer_invalidate (self->renderer);
  update_adjustments (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
bind_project (MlRoadmapView *self)
{
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->selected);
  g_set_object (&self->project, ml_document_get_project (self->document));
  g_clear_object (&self->renderer);

  MlStyle style = ml_view_style_get (GTK_WIDGET (self), self->presenting);

  self->renderer = ml_timeline_renderer_new (self->project, &style);
  ml_timeline_renderer_set_today (self->renderer, ml_date_today ());
  ml_timeline_renderer_set_show_legend (self->renderer, self->show_legend && !self->presenting);
  ml_timeline_renderer_set_mission (self->renderer, self->mission);
  ml_project_connect_any_change (self->project, G_CALLBACK (on_project_changed_cb), self);
  update_accessible (self);
  self->follow_fit = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
update_style (MlRoadmapView *self)
{
  MlStyle style = ml_view_style_get (GTK_WIDGET (self), self->presenting);

  if (self->renderer != NULL)
    ml_timeline_renderer_set_style (self->renderer, &style);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
draw_link_line (MlRoadmapView *self,
                cairo_t       *cr)
{
  MlTimelineViewport viewport;
  cairo_rectangle_t rect;

  ml_roadmap_view_get_viewport (self, &viewport);
  if (!ml_timeline_renderer_get_element_rect (self->renderer, &viewport, self->drag_element, &rect))
    return;

  /* From the predecessor's end to the pointer while a dependency is drawn. */
  ml_style_draw_link_line (cr, ml_style_get (ML_STYLE_SCREEN), rect.x + rect.width,
                           rect.y + rect.height / 2, self->drag_x + self->link_dx,
                           self->drag_y + self->link_dy);
}

static void
ml_roadmap_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  MlRoadmapView *self = ML_ROADMAP_VIEW (widget);
  MlTimelineViewport viewport;
  cairo_t *cr;

  if (self->renderer == NULL)
    return;

  ml_roadmap_view_get_viewport (self, &viewport);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, viewport.width, viewport.height));
  ml_timeline_renderer_draw (self->renderer, cr, &viewport);
  if (self->drag_mode == DRAG_LINK)
    draw_link_line (self, cr);
  cairo_destroy (cr);
}

static void
ml_roadmap_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  MlRoadmapView *self = ML_ROADMAP_VIEW (widget);

  /* Names get the room they need, but the time area keeps at least two thirds. */
  if (self->renderer != NULL)
    ml_timeline_renderer_set_header_width (self->renderer,
                                           CLAMP (ml_timeline_renderer_get_natural_header_width (self->renderer),
                                                  MIN (160, width / 3.0), width / 3.0));

  if (self->follow_fit && self->renderer != NULL && width > header_width (self))
    ml_roadmap_view_fit (self);
  update_adjustments (self);
}

static void
ml_roadmap_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 600;
}

static void
ml_roadmap_view_dispose (GObject *object)
{
  MlRoadmapView *self = ML_ROADMAP_VIEW (object);

  revert_preview (self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->drag_element);
  g_clear_object (&self->selected);
  g_clear_object (&self->mission);
  g_clear_object (&self->renderer);
  g_clear_object (&self->project);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ml_roadmap_view_parent_class)->dispose (object);
}

static void
on_vadjustment_changed_cb (MlRoadmapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ml_roadmap_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MlRoadmapView *self = ML_ROADMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_roadmap_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MlRoadmapView *self = ML_ROADMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value),
                      G_CALLBACK (on_hadjustment_changed_cb));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value),
                      G_CALLBACK (on_vadjustment_changed_cb));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_roadmap_view_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
ml_roadmap_view_class_init (MlRoadmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_roadmap_view_dispose;
  object_class->get_property = ml_roadmap_view_get_property;
  object_class->set_property = ml_roadmap_view_set_property;
  widget_class->snapshot = ml_roadmap_view_snapshot;
  widget_class->size_allocate = ml_roadmap_view_size_allocate;
  widget_class->measure = ml_roadmap_view_measure;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * MlRoadmapView::element-selected:
   * @element: (nullable): what the user clicked or moved the selection to
   */
  signals[SIGNAL_ELEMENT_SELECTED] =
    g_signal_new ("element-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ML_TYPE_ELEMENT);

  /**
   * MlRoadmapView::edit-requested:
   *
   * Enter or a double click: the user wants to edit the selected element.
   */
  signals[SIGNAL_EDIT_REQUESTED] =
    g_signal_new ("edit-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "roadmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ml_roadmap_view_init (MlRoadmapView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *key = gtk_event_controller_key_new ();

  self->day_width = DEFAULT_DAY_WIDTH;
  self->show_legend = TRUE;
  self->start_day = ml_date_today ();
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Roadmap"), -1);
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

  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);

  ml_view_style_watch (GTK_WIDGET (self), G_CALLBACK (update_style));
}

/**
 * ml_roadmap_view_set_show_legend:
 */
void
ml_roadmap_view_set_show_legend (MlRoadmapView *self,
                                 gboolean       show)
{
  g_return_if_fail (ML_IS_ROADMAP_VIEW (self));

  self->show_legend = show;
  if (self->renderer != NULL)
    ml_timeline_renderer_set_show_legend (self->renderer, show && !self->presenting);
  update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ml_roadmap_view_set_presenting:
 * @presenting: whether the window presents: draw in the projector style
 *
 * The projector style has larger rows: the whole horizon is fitted again.
 */
void
ml_roadmap_view_set_presenting (MlRoadmapView *self,
                                gboolean       presenting)
{
  g_return_if_fail (ML_IS_ROADMAP_VIEW (self));

  if (self->presenting == presenting)
    return;
  self->presenting = presenting;
  update_style (self);
  /* At projector sizes the legend would hide a third of the lanes at 1024×768. */
  if (self->renderer != NULL)
    ml_timeline_renderer_set_show_legend (self->renderer, self->show_legend && !presenting);
  self->follow_fit = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * ml_roadmap_view_set_mission:
 * @mission: (nullable): the mission whose work alone to show, as when a presentation
 *   focuses on it, or %NULL for the whole roadmap
 *
 * The rows change: the horizon of what is shown is fitted again.
 */
void
ml_roadmap_view_set_mission (MlRoadmapView *self,
                             MlElement     *mission)
{
  g_return_if_fail (ML_IS_ROADMAP_VIEW (self));
  g_return_if_fail (mission == NULL || ML_IS_ELEMENT (mission));

  if (!g_set_object (&self->mission, mission))
    return;
  if (self->renderer != NULL)
    ml_timeline_renderer_set_mission (self->renderer, mission);
  self->follow_fit = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ml_roadmap_view_set_document (MlRoadmapView *self,
                              MlDocument    *document)
{
  g_return_if_fail (ML_IS_ROADMAP_VIEW (self));
  g_return_if_fail (ML_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_signal_connect_swapped (document, "notify::project", G_CALLBACK (bind_project), self);
  bind_project (self);
  update_style (self);
}

/**
 * ml_roadmap_view_set_selected:
 * @element: (nullable): the element selected elsewhere, shown here if it is on the roadmap
 */
void
ml_roadmap_view_set_selected (MlRoadmapView *self,
                              MlElement     *element)
{
  g_return_if_fail (ML_IS_ROADMAP_VIEW (self));

  if (!g_set_object (&self->selected, element))
    return;

  if (self->renderer != NULL)
    ml_timeline_renderer_set_selected (self->renderer, element);
  if (element != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    scroll_to_element (self, element);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ml_roadmap_view_get_renderer:
 *
 * Returns: (transfer none) (nullable): the renderer, once a document is set
 */
MlTimelineRenderer *
ml_roadmap_view_get_renderer (MlRoadmapView *self)
{
  g_return_val_if_fail (ML_IS_ROADMAP_VIEW (self), NULL);

  return self->renderer;
}
