/* ml-candidates-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Candidates page, for choosing missions together: the facilitator names the criteria and
 * weighs them, lists the candidate missions and scores each from 0 to 5 against each criterion
 * in a matrix of spin buttons, and reads the ranking by weighted score as it changes, with how
 * robust it is to the weights. While presenting, the page shows the vote board instead.
 *
 * Every edit is a command on the undo stack. The editing widgets stay in place while only
 * values change, so Tab keeps moving through the cells; they are built anew when a criterion
 * or a candidate comes or goes, and the focus returns to the same cell.
 */

#define G_LOG_DOMAIN "ml-candidates-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-candidate-ranking.h"
#include "ml-candidates-page.h"
#include "ml-candidates.h"
#include "ml-create.h"
#include "ml-delete.h"
#include "ml-format.h"
#include "ml-label.h"
#include "ml-project-follower.h"
#include "ml-vote-board.h"

#define MAX_WEIGHT 100

struct _MlCandidatesPage
{
  AdwBin             parent_instance;

  /* Widgets */
  GtkStack          *stack;
  AdwBin            *criteria;
  AdwBin            *matrix;
  AdwBin            *ranking;
  MlVoteBoard       *vote_board;

  /* Owned references */
  MlProjectFollower  follower;
  MlDocument        *document;
  GHashTable        *cells;       /* key such as "score/cand-h2/crit-bold" → its widget */
  char              *structure;   /* the ids the editing widgets were built for */
  char              *focus_key;   /* the cell to focus once built */

  guint              merge_key;   /* repeated changes of one cell are one undo step */
  gboolean           updating;    /* the widgets are being filled from the model */
  gboolean           presenting;
};

G_DEFINE_FINAL_TYPE (MlCandidatesPage, ml_candidates_page, ADW_TYPE_BIN)

enum {
  SIGNAL_ELEMENT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static MlProject *
get_project (MlCandidatesPage *self)
{
  return self->follower.project;
}

static GPtrArray *
get_children (MlCandidatesPage *self,
              MlKind            kind)
{
  return ml_element_get_children (ml_project_get_root (get_project (self)), kind);
}

static guint
count_children (MlCandidatesPage *self,
                MlKind            kind)
{
  GPtrArray *children = get_children (self, kind);

  return children != NULL ? children->len : 0;
}

static MlElement *
find_score (MlElement *candidate,
            MlElement *criterion)
{
  GPtrArray *scores = ml_element_get_children (candidate, ML_KIND_SCORE);

  for (guint i = 0; scores != NULL && i < scores->len; i++)
    if (g_strcmp0 (ml_element_get_string (g_ptr_array_index (scores, i), ML_SCORE_CRITERION),
                   ml_element_get_id (criterion)) == 0)
      return g_ptr_array_index (scores, i);

  return NULL;
}

static void
push (MlCandidatesPage *self,
      MlCommand        *command)
{
  g_autoptr(GError) error = NULL;

  if (!ml_document_push (self->document, command, &error))
    {
      /* The widget shows the model's value again. */
      g_message ("Edit refused: %s", error->message);
      g_clear_pointer (&self->structure, g_free);
      ml_project_follower_schedule (&self->follower);
    }
}

static void
push_set (MlCandidatesPage *self,
          MlElement        *element,
          MlField           field,
          MlValue          *value)
{
  g_autoptr(MlCommand) command = ml_command_new_set (element, field, value);

  ml_value_clear (value);
  ml_command_set_merge_key (command, self->merge_key);
  push (self, command);
}

/* Adds an element of @kind to the project, and focuses its first cell once shown. */
static void
add_element (MlCandidatesPage *self,
             MlKind            kind)
{
  MlElement *root = ml_project_get_root (get_project (self));
  g_autoptr(MlElement) element = NULL;
  g_autoptr(MlCommand) insert = NULL;
  g_autoptr(GError) error = NULL;

  element = ml_element_create (get_project (self), root, kind, ml_date_today (), &error);
  g_assert (element != NULL);
  insert = ml_command_new_insert (root, element, -1);
  g_free (self->focus_key);
  self->focus_key = g_strdup_printf ("name/%s", ml_element_get_id (element));
  push (self, insert);
}

static void
on_add_criterion_clicked_cb (MlCandidatesPage *self)
{
  add_element (self, ML_KIND_CRITERION);
}

static void
on_add_candidate_clicked_cb (MlCandidatesPage *self)
{
  add_element (self, ML_KIND_CANDIDATE);
}

static void
on_delete_clicked_cb (GtkButton        *button,
                      MlCandidatesPage *self)
{
  MlElement *element = g_object_get_data (G_OBJECT (button), "element");
  g_autoptr(MlCommand) command = ml_command_new_delete (get_project (self), element, NULL);

  push (self, command);
}

static void
commit_text (MlCandidatesPage *self,
             GtkWidget        *entry)
{
  MlElement *element = g_object_get_data (G_OBJECT (entry), "element");
  MlField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "field"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  MlValue value;

  if (self->updating || g_strcmp0 (text, ml_element_get_string (element, field)) == 0 ||
      (*text == '\0' && ml_element_get_string (element, field) == NULL))
    return;

  ml_value_init_string (&value, field, text);
  push_set (self, element, field, &value);
}

static void
on_entry_activated_cb (GtkEntry         *entry,
                       MlCandidatesPage *self)
{
  commit_text (self, GTK_WIDGET (entry));
}

static void
on_cell_focus_left_cb (GtkEventControllerFocus *controller,
                       MlCandidatesPage        *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (GTK_IS_ENTRY (widget))
    commit_text (self, widget);
}

/* Selection follows focus: the inspector shows the criterion or candidate of the cell. */
static void
on_cell_focus_entered_cb (GtkEventControllerFocus *controller,
                          MlCandidatesPage        *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  MlElement *element = g_object_get_data (G_OBJECT (widget), "row-element");

  if (!self->updating && element != NULL)
    g_signal_emit (self, signals[SIGNAL_ELEMENT_SELECTED], 0, element);
}

static void
on_weight_changed_cb (GtkSpinButton    *spin,
                      MlCandidatesPage *self)
{
  MlElement *criterion = g_object_get_data (G_OBJECT (spin), "element");
  MlValue value;

  if (self->updating)
    return;

  ml_value_init_number (&value, ML_CRITERION_WEIGHT, gtk_spin_button_get_value (spin));
  push_set (self, criterion, ML_CRITERION_WEIGHT, &value);
}

static void
on_score_changed_cb (GtkSpinButton    *spin,
                     MlCandidatesPage *self)
{
  MlElement *candidate = g_object_get_data (G_OBJECT (spin), "row-element");
  MlElement *criterion = g_object_get_data (G_OBJECT (spin), "element");
  MlElement *score = find_score (candidate, criterion);
  g_autoptr(MlElement) created = NULL;
  g_autoptr(MlCommand) group = NULL;
  MlCommand *set_value;
  MlValue value, reference;

  if (self->updating)
    return;

  ml_value_init_number (&value, ML_SCORE_VALUE, gtk_spin_button_get_value (spin));
  if (score != NULL)
    {
      push_set (self, score, ML_SCORE_VALUE, &value);
      return;
    }

  /* The first score for this criterion: a new score element, pointed at this criterion (it
   * comes pointed at the first without a score), with its value, in one step.
   */
  created = ml_element_create (get_project (self), candidate, ML_KIND_SCORE, ml_date_today (),
                               NULL);
  g_assert (created != NULL);
  ml_value_init_string (&reference, ML_SCORE_CRITERION, ml_element_get_id (criterion));
  set_value = ml_command_new_set (created, ML_SCORE_VALUE, &value);
  group = ml_command_new_group (ml_command_get_label (set_value),
                                ml_command_new_insert (candidate, created, -1),
                                ml_command_new_set (created, ML_SCORE_CRITERION, &reference),
                                set_value, NULL);
  ml_value_clear (&reference);
  ml_value_clear (&value);
  push (self, group);
}

static void
on_mission_selected_cb (GtkDropDown      *drop_down,
                        GParamSpec       *pspec,
                        MlCandidatesPage *self)
{
  MlElement *candidate = g_object_get_data (G_OBJECT (drop_down), "element");
  GPtrArray *missions = get_children (self, ML_KIND_MISSION);
  guint selected = gtk_drop_down_get_selected (drop_down);
  MlValue value;

  if (self->updating)
    return;

  ml_value_init_string (&value, ML_CANDIDATE_MISSION,
                        selected > 0 && missions != NULL && selected <= missions->len
                          ? ml_element_get_id (g_ptr_array_index (missions, selected - 1))
                          : NULL);
  push_set (self, candidate, ML_CANDIDATE_MISSION, &value);
}

/* Whole numbers without decimals: “4”, “3.50”. */
static gboolean
on_spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = ml_format_number (gtk_spin_button_get_value (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

/* Registers @widget as the cell @key of @element's row, named @label for screen readers. */
static GtkWidget *
add_cell (MlCandidatesPage *self,
          GtkWidget        *widget,
          MlElement        *row_element,
          const char       *key,
          const char       *label)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data_full (G_OBJECT (widget), "row-element", g_object_ref (row_element),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (widget), "key", g_strdup (key), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_cell_focus_entered_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_cell_focus_left_cb), self, 0);
  gtk_widget_add_controller (widget, focus);
  g_hash_table_insert (self->cells, g_strdup (key), widget);

  return widget;
}

static GtkWidget *
make_entry (MlCandidatesPage *self,
            MlElement        *element,
            MlField           field,
            const char       *key_prefix,
            const char       *label)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *key = g_strdup_printf ("%s/%s", key_prefix, ml_element_get_id (element));

  g_object_set_data_full (G_OBJECT (entry), "element", g_object_ref (element), g_object_unref);
  g_object_set_data (G_OBJECT (entry), "field", GUINT_TO_POINTER (field));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 24);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_entry_activated_cb), self, 0);

  return add_cell (self, entry, element, key, label);
}

static GtkWidget *
make_spin (MlCandidatesPage *self,
           MlElement        *element,
           MlElement        *row_element,
           const char       *key,
           const char       *label,
           double            max,
           GCallback         changed)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, max == MAX_WEIGHT ? 0.5 : 1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 4);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (spin), "element", g_object_ref (element), g_object_unref);
  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output_cb), NULL);
  g_signal_connect_object (spin, "value-changed", changed, self, 0);

  return add_cell (self, spin, row_element, key, label);
}

static GtkWidget *
make_delete_button (MlCandidatesPage *self,
                    MlElement        *element)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *key = g_strdup_printf ("delete/%s", ml_element_get_id (element));
  g_autofree char *label = g_strdup_printf (_("Delete %s"), ml_element_get_label (element));

  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "element", g_object_ref (element), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked_cb), self, 0);

  return add_cell (self, button, element, key, label);
}

static GtkWidget *
make_mission_drop_down (MlCandidatesPage *self,
                        MlElement        *candidate)
{
  GPtrArray *missions = get_children (self, ML_KIND_MISSION);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *key = g_strdup_printf ("mission/%s", ml_element_get_id (candidate));
  g_autofree char *label = g_strdup_printf (_("%s launched as"),
                                            ml_element_get_label (candidate));
  GtkWidget *drop_down;

  gtk_string_list_append (names, _("Not launched"));
  for (guint i = 0; missions != NULL && i < missions->len; i++)
    gtk_string_list_append (names, ml_element_get_label (g_ptr_array_index (missions, i)));
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (drop_down, 160, -1);
  g_object_set_data_full (G_OBJECT (drop_down), "element", g_object_ref (candidate),
                          g_object_unref);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_mission_selected_cb),
                           self, 0);

  return add_cell (self, drop_down, candidate, key, label);
}

static GtkWidget *
make_heading (const char *title,
              const char *description)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *details = ml_label_new_wrapping (description, "dim-label");

  gtk_box_append (GTK_BOX (box), ml_label_new_wrapping (title, "title-4"));
  gtk_box_append (GTK_BOX (box), details);

  return box;
}

static GtkWidget *
make_add_button (MlCandidatesPage *self,
                 const char       *label,
                 GCallback         clicked)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_object (button, "clicked", clicked, self, G_CONNECT_SWAPPED);

  return button;
}

static GtkWidget *
make_criteria (MlCandidatesPage *self)
{
  GPtrArray *criteria = get_children (self, ML_KIND_CRITERION);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();

  gtk_box_append (GTK_BOX (box),
                  make_heading (_("Criteria"),
                                _("What makes a good mission here, and how much each counts: "
                                  "only the ratios between weights matter, and 0 leaves a "
                                  "criterion out.")));
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    {
      MlElement *criterion = g_ptr_array_index (criteria, i);
      const char *name = ml_element_get_label (criterion);
      g_autofree char *key = g_strdup_printf ("weight/%s", ml_element_get_id (criterion));
      g_autofree char *label = g_strdup_printf (_("Weight of %s"), name);

      gtk_grid_attach (GTK_GRID (grid),
                       make_entry (self, criterion, ML_CRITERION_NAME, "name", _("Criterion")),
                       0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid),
                       make_spin (self, criterion, criterion, key, label, MAX_WEIGHT,
                                  G_CALLBACK (on_weight_changed_cb)),
                       1, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), make_delete_button (self, criterion), 2, i, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), make_add_button (self, _("Add _Criterion"),
                                                  G_CALLBACK (on_add_criterion_clicked_cb)));

  return box;
}

/* A column's title wraps rather than widen its column of spin buttons. */
static GtkWidget *
make_column_title (const char *text)
{
  GtkWidget *label = ml_label_new_wrapping (text, "heading");

  /* At words only: the longest word sets the column's least width. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
  gtk_widget_set_valign (label, GTK_ALIGN_END);

  return label;
}

static void
attach_candidate (MlCandidatesPage *self,
                  GtkGrid          *grid,
                  GPtrArray        *criteria,
                  MlElement        *candidate,
                  int               row)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  const char *name = ml_element_get_label (candidate);
  guint n_criteria = criteria != NULL ? criteria->len : 0;

  gtk_widget_set_size_request (texts, 220, -1);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts),
                  make_entry (self, candidate, ML_CANDIDATE_NAME, "name", _("Candidate")));
  gtk_box_append (GTK_BOX (texts), make_entry (self, candidate, ML_CANDIDATE_STATEMENT,
                                               "statement", _("Mission statement")));
  gtk_grid_attach (grid, texts, 0, row, 1, 1);

  for (guint j = 0; j < n_criteria; j++)
    {
      MlElement *criterion = g_ptr_array_index (criteria, j);
      g_autofree char *key = g_strdup_printf ("score/%s/%s", ml_element_get_id (candidate),
                                              ml_element_get_id (criterion));
      /* TRANSLATORS: a cell of the scores: “Score of Hydrogen for Boldness”. */
      g_autofree char *label = g_strdup_printf (_("Score of %s for %s"), name,
                                                ml_element_get_label (criterion));

      gtk_grid_attach (grid, make_spin (self, criterion, candidate, key, label, 5,
                                        G_CALLBACK (on_score_changed_cb)),
                       1 + j, row, 1, 1);
    }
  gtk_grid_attach (grid, make_mission_drop_down (self, candidate), 1 + n_criteria, row, 1, 1);
  gtk_grid_attach (grid, make_delete_button (self, candidate), 2 + n_criteria, row, 1, 1);
}

static GtkWidget *
make_matrix (MlCandidatesPage *self)
{
  GPtrArray *criteria = get_children (self, ML_KIND_CRITERION);
  GPtrArray *candidates = get_children (self, ML_KIND_CANDIDATE);
  guint n_criteria = criteria != NULL ? criteria->len : 0;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *grid = gtk_grid_new ();

  gtk_box_append (GTK_BOX (box),
                  make_heading (_("Candidates and Scores"),
                                _("Score each candidate from 0 (worst) to 5 (best) against "
                                  "each criterion; Tab moves to the next cell.")));
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), make_column_title (_("Candidate")), 0, 0, 1, 1);
  for (guint j = 0; j < n_criteria; j++)
    gtk_grid_attach (GTK_GRID (grid),
                     make_column_title (ml_element_get_label (g_ptr_array_index (criteria, j))),
                     1 + j, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), make_column_title (_("Launched as")), 1 + n_criteria, 0, 1,
                   1);
  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    attach_candidate (self, GTK_GRID (grid), criteria, g_ptr_array_index (candidates, i), 1 + i);

  /* A matrix wider than the page scrolls sideways rather than widen the window. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), make_add_button (self, _("Add C_andidate"),
                                                  G_CALLBACK (on_add_candidate_clicked_cb)));

  return box;
}

/* The ids the editing widgets depend on: when they change, the widgets are built anew. */
static char *
describe_structure (MlCandidatesPage *self)
{
  GString *structure = g_string_new (NULL);
  const MlKind kinds[] = { ML_KIND_CRITERION, ML_KIND_CANDIDATE, ML_KIND_MISSION };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GPtrArray *children = get_children (self, kinds[k]);

      for (guint i = 0; children != NULL && i < children->len; i++)
        g_string_append_printf (structure, "%s\n",
                                ml_element_get_id (g_ptr_array_index (children, i)));
      g_string_append_c (structure, '|');
    }

  return g_string_free (structure, FALSE);
}

/* Shows the model's value in @widget, without making an edit of it. */
static void
fill_cell (MlCandidatesPage *self,
           GtkWidget        *widget)
{
  MlElement *element = g_object_get_data (G_OBJECT (widget), "element");
  MlElement *row_element = g_object_get_data (G_OBJECT (widget), "row-element");

  if (GTK_IS_SPIN_BUTTON (widget) && ml_element_get_kind (row_element) == ML_KIND_CANDIDATE)
    {
      MlElement *score = find_score (row_element, element);

      gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget),
                                 score != NULL ? ml_element_get_number (score, ML_SCORE_VALUE) : 0);
    }
  else if (GTK_IS_SPIN_BUTTON (widget))
    {
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), ml_candidates_get_weight (element));
    }
  else if (GTK_IS_ENTRY (widget) && !gtk_widget_has_focus (widget))
    {
      MlField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "field"));
      const char *text = ml_element_get_string (element, field);

      gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
    }
  else if (GTK_IS_DROP_DOWN (widget))
    {
      GPtrArray *missions = get_children (self, ML_KIND_MISSION);
      const char *mission = ml_element_get_string (element, ML_CANDIDATE_MISSION);
      guint selected = 0;

      for (guint i = 0; missions != NULL && i < missions->len; i++)
        if (g_strcmp0 (mission, ml_element_get_id (g_ptr_array_index (missions, i))) == 0)
          selected = i + 1;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), selected);
    }
}

static char *
find_focused_key (MlCandidatesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL && focus != GTK_WIDGET (self); focus = gtk_widget_get_parent (focus))
    if (g_object_get_data (G_OBJECT (focus), "key") != NULL)
      return g_strdup (g_object_get_data (G_OBJECT (focus), "key"));

  return NULL;
}

static void
rebuild_cells (MlCandidatesPage *self)
{
  g_autofree char *focused = find_focused_key (self);
  GtkWidget *cell;

  g_hash_table_remove_all (self->cells);
  adw_bin_set_child (self->criteria, make_criteria (self));
  adw_bin_set_child (self->matrix, make_matrix (self));

  if (self->focus_key == NULL)
    self->focus_key = g_steal_pointer (&focused);
  cell = self->focus_key != NULL ? g_hash_table_lookup (self->cells, self->focus_key) : NULL;
  g_clear_pointer (&self->focus_key, g_free);
  if (cell != NULL)
    gtk_widget_grab_focus (cell);
}

static void
refresh (gpointer user_data)
{
  MlCandidatesPage *self = user_data;
  g_autoptr(MlCandidates) candidates = NULL;
  g_autofree char *structure = NULL;
  gboolean empty;
  GHashTableIter iter;
  gpointer cell;

  if (get_project (self) == NULL)
    return;

  structure = describe_structure (self);
  self->updating = TRUE;
  if (g_strcmp0 (structure, self->structure) != 0)
    {
      rebuild_cells (self);
      g_free (self->structure);
      self->structure = g_steal_pointer (&structure);
    }
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &cell))
    fill_cell (self, cell);
  self->updating = FALSE;

  candidates = ml_candidates_compute (get_project (self));
  adw_bin_set_child (self->ranking, ml_candidate_ranking_new (candidates));
  ml_vote_board_update (self->vote_board, candidates);

  empty = count_children (self, ML_KIND_CRITERION) == 0 &&
          count_children (self, ML_KIND_CANDIDATE) == 0;
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty"
                                                 : self->presenting ? "votes" : "edit");
}

static GtkWidget *
make_empty (MlCandidatesPage *self)
{
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *criterion = make_add_button (self, _("Add _Criterion"),
                                          G_CALLBACK (on_add_criterion_clicked_cb));
  GtkWidget *candidate = make_add_button (self, _("Add C_andidate"),
                                          G_CALLBACK (on_add_candidate_clicked_cb));

  gtk_widget_add_css_class (criterion, "pill");
  gtk_widget_add_css_class (criterion, "suggested-action");
  gtk_widget_add_css_class (candidate, "pill");
  gtk_box_append (GTK_BOX (buttons), criterion);
  gtk_box_append (GTK_BOX (buttons), candidate);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "view-sort-descending-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No candidate missions yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Choose missions together: define the criteria and their "
                                     "weights, list the candidates, score them from 0 to 5, and "
                                     "see how they rank and how firmly."));
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), buttons);

  return empty;
}

static void
ml_candidates_page_dispose (GObject *object)
{
  MlCandidatesPage *self = ML_CANDIDATES_PAGE (object);

  ml_project_follower_clear (&self->follower);
  g_clear_object (&self->document);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->structure, g_free);
  g_clear_pointer (&self->focus_key, g_free);

  G_OBJECT_CLASS (ml_candidates_page_parent_class)->dispose (object);
}

static void
ml_candidates_page_class_init (MlCandidatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_candidates_page_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "candidatespage");

  /**
   * MlCandidatesPage::element-selected:
   * @element: the criterion or candidate
   *
   * A cell of the criterion or of the candidate took the focus.
   */
  signals[SIGNAL_ELEMENT_SELECTED] =
    g_signal_new ("element-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ML_TYPE_ELEMENT);
}

static void
ml_candidates_page_init (MlCandidatesPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 36);
  GtkWidget *ranking = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  ml_project_follower_init (&self->follower, refresh, self);
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stack = GTK_STACK (gtk_stack_new ());
  self->criteria = ADW_BIN (adw_bin_new ());
  self->matrix = ADW_BIN (adw_bin_new ());
  self->ranking = ADW_BIN (adw_bin_new ());
  self->vote_board = ML_VOTE_BOARD (ml_vote_board_new ());

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->criteria));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->matrix));
  gtk_box_append (GTK_BOX (ranking),
                  make_heading (_("Ranking"),
                                _("By weighted score from 0 to 5. Robustness: how often a "
                                  "candidate keeps its rank when each weight moves by up to "
                                  "20%. Names in bold were launched.")));
  gtk_box_append (GTK_BOX (ranking), GTK_WIDGET (self->ranking));
  gtk_box_append (GTK_BOX (box), ranking);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 36);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1200);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  /* Sized by what it shows: the vote board's wide rows only matter while presenting. */
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, scrolled, "edit");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->vote_board), "votes");
  gtk_stack_add_named (self->stack, make_empty (self), "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

void
ml_candidates_page_set_document (MlCandidatesPage *self,
                                 MlDocument       *document)
{
  g_return_if_fail (ML_IS_CANDIDATES_PAGE (self));
  g_return_if_fail (ML_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  self->merge_key = ml_undo_stack_new_merge_key (ml_document_get_undo_stack (document));
  g_clear_pointer (&self->structure, g_free);
  ml_vote_board_set_document (self->vote_board, document);
  ml_project_follower_set_project (&self->follower, ml_document_get_project (document));
}

/**
 * ml_candidates_page_set_presenting:
 * @presenting: whether the window presents: show the vote board instead of the editing
 */
void
ml_candidates_page_set_presenting (MlCandidatesPage *self,
                                   gboolean          presenting)
{
  g_return_if_fail (ML_IS_CANDIDATES_PAGE (self));

  self->presenting = presenting;
  if (get_project (self) != NULL)
    refresh (self);
}

/**
 * ml_candidates_page_handle_key:
 * @keyval: a key pressed while presenting this page
 *
 * Returns: whether the vote board used the key, see ml_vote_board_handle_key()
 */
gboolean
ml_candidates_page_handle_key (MlCandidatesPage *self,
                               guint             keyval)
{
  g_return_val_if_fail (ML_IS_CANDIDATES_PAGE (self), FALSE);

  return self->presenting &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "votes") == 0 &&
         ml_vote_board_handle_key (self->vote_board, keyval);
}

/**
 * ml_candidates_page_get_cell:
 * @key: “name/ID”, “statement/ID”, “weight/ID”, “score/CANDIDATE/CRITERION”, “mission/ID” or
 *   “delete/ID”
 *
 * Returns: (transfer none) (nullable): the editing widget @key names
 */
GtkWidget *
ml_candidates_page_get_cell (MlCandidatesPage *self,
                             const char       *key)
{
  g_return_val_if_fail (ML_IS_CANDIDATES_PAGE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->cells, key);
}

/**
 * ml_candidates_page_get_vote_board:
 *
 * Returns: (transfer none): the board shown while presenting
 */
GtkWidget *
ml_candidates_page_get_vote_board (MlCandidatesPage *self)
{
  g_return_val_if_fail (ML_IS_CANDIDATES_PAGE (self), NULL);

  return GTK_WIDGET (self->vote_board);
}
