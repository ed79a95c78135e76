/* ml-vote-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dot votes on a projector: a large row for each candidate mission, best weighted score first,
 * with its dots, their number and the rank the votes give it. The facilitator chooses a row
 * with Up and Down (or a click) and adds or takes a dot with + and − (or the row's buttons);
 * each vote is a command, and the votes given to one candidate in a row are one undo step.
 */

#define G_LOG_DOMAIN "ml-vote-board"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ml-command.h"
#include "ml-label.h"
#include "ml-vote-board.h"

/* Past this many dots a row would run off the screen: the number says the rest. */
#define MAX_DOTS 24

struct _MlVoteBoard
{
  AdwBin        parent_instance;

  /* Widgets */
  GtkListBox   *list;
  GtkLabel     *total;
  GtkSizeGroup *groups[4];   /* the columns around the name and its dots */

  /* Owned references */
  MlDocument   *document;
  char         *selected_id;

  guint         merge_key;   /* the votes given to the selected candidate since it was chosen */
};

G_DEFINE_FINAL_TYPE (MlVoteBoard, ml_vote_board, ADW_TYPE_BIN)

enum {
  COLUMN_SCORE_RANK,
  COLUMN_COUNT,
  COLUMN_BUTTONS,
  COLUMN_VOTE_RANK,
};

static MlElement *
get_row_candidate (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "candidate") : NULL;
}

static void
renew_merge_key (MlVoteBoard *self)
{
  if (self->document != NULL)
    self->merge_key = ml_undo_stack_new_merge_key (ml_document_get_undo_stack (self->document));
}

static void
vote (MlVoteBoard *self,
      MlElement   *candidate,
      int          delta)
{
  double votes = ml_element_get_number (candidate, ML_CANDIDATE_VOTES);
  g_autoptr(MlCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  MlValue value;

  if (isnan (votes))
    votes = 0;
  if (self->document == NULL || votes + delta < 0)
    return;

  ml_value_init_number (&value, ML_CANDIDATE_VOTES, votes + delta);
  command = ml_command_new_set (candidate, ML_CANDIDATE_VOTES, &value);
  ml_value_clear (&value);
  ml_command_set_merge_key (command, self->merge_key);
  if (!ml_document_push (self->document, command, &error))
    g_warning ("Could not count the vote: %s", error->message);
}

static void
on_row_selected_cb (MlVoteBoard   *self,
                    GtkListBoxRow *row)
{
  MlElement *candidate = get_row_candidate (row);

  if (candidate == NULL ||
      g_strcmp0 (self->selected_id, ml_element_get_id (candidate)) == 0)
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (ml_element_get_id (candidate));
  renew_merge_key (self);
}

static void
on_vote_clicked_cb (GtkButton   *button,
                    MlVoteBoard *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
  vote (self, get_row_candidate (GTK_LIST_BOX_ROW (row)),
        GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta")));
}

static GtkWidget *
make_vote_button (MlVoteBoard *self,
                  MlElement   *candidate,
                  int          delta)
{
  const char *name = ml_element_get_label (candidate);
  GtkWidget *button = gtk_button_new_from_icon_name (delta > 0 ? "list-add-symbolic"
                                                              : "list-remove-symbolic");
  g_autofree char *label = delta > 0 ? g_strdup_printf (_("Add a Dot to %s"), name)
                                     : g_strdup_printf (_("Take a Dot from %s"), name);

  gtk_widget_set_tooltip_text (button, delta > 0 ? _("Add a Dot (+)") : _("Take a Dot (−)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "vote-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_vote_clicked_cb), self, 0);

  return button;
}

static GtkWidget *
make_cell (MlVoteBoard *self,
           guint        column,
           const char  *text,
           const char  *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_size_group_add_widget (self->groups[column], label);

  return label;
}

static char *
make_dots (guint votes)
{
  GString *dots = g_string_new (NULL);

  for (guint i = 0; i < MIN (votes, MAX_DOTS); i++)
    g_string_append (dots, "●");
  if (votes > MAX_DOTS)
    g_string_append (dots, "…");

  return g_string_free (dots, FALSE);
}

static guint
rank_by_votes (GPtrArray            *rows,
               const MlCandidateRow *row)
{
  guint rank = 1;

  for (guint i = 0; i < rows->len; i++)
    if (((const MlCandidateRow *) g_ptr_array_index (rows, i))->votes > row->votes)
      rank++;

  return rank;
}

static GtkWidget *
make_row (MlVoteBoard          *self,
          GPtrArray            *rows,
          const MlCandidateRow *row)
{
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = ml_label_new_wrapping (ml_element_get_label (row->candidate), "heading");
  GtkWidget *dots_label;
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *score_rank = g_strdup_printf ("%u", row->rank);
  g_autofree char *dots = make_dots (row->votes);
  g_autofree char *count = g_strdup_printf ("%u", row->votes);
  g_autofree char *vote_rank = g_strdup_printf ("%u", rank_by_votes (rows, row));
  g_autofree char *description = NULL;

  gtk_box_append (GTK_BOX (box), make_cell (self, COLUMN_SCORE_RANK, score_rank, "heading"));
  /* The dots under the name: the whole width of the row for them, the name never cut. */
  dots_label = ml_label_new_wrapping (dots, "vote-dots");
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), dots_label);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), make_cell (self, COLUMN_COUNT, count, "vote-count"));
  gtk_box_append (GTK_BOX (buttons), make_vote_button (self, row->candidate, -1));
  gtk_box_append (GTK_BOX (buttons), make_vote_button (self, row->candidate, 1));
  gtk_size_group_add_widget (self->groups[COLUMN_BUTTONS], buttons);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), make_cell (self, COLUMN_VOTE_RANK, vote_rank, "heading"));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  g_object_set_data_full (G_OBJECT (list_row), "candidate", g_object_ref (row->candidate),
                          g_object_unref);
  /* TRANSLATORS: a candidate's row on the vote board: its name, its dot votes, its rank by
   * them. */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u dot, rank %u by dots",
                                              "%s: %u dots, rank %u by dots", row->votes),
                                 ml_element_get_label (row->candidate), row->votes,
                                 rank_by_votes (rows, row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);

  return list_row;
}

static GtkWidget *
make_header (MlVoteBoard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *name = gtk_label_new (_("Candidate"));

  gtk_widget_add_css_class (box, "vote-header");
  gtk_box_append (GTK_BOX (box), make_cell (self, COLUMN_SCORE_RANK, _("Rank"), "heading"));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), make_cell (self, COLUMN_COUNT, _("Votes"), "heading"));
  /* The room the two buttons take in each row. */
  gtk_box_append (GTK_BOX (box), make_cell (self, COLUMN_BUTTONS, NULL, NULL));
  gtk_box_append (GTK_BOX (box), make_cell (self, COLUMN_VOTE_RANK, _("Vote rank"), "heading"));

  return box;
}

static void
ml_vote_board_dispose (GObject *object)
{
  MlVoteBoard *self = ML_VOTE_BOARD (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->selected_id, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    g_clear_object (&self->groups[i]);

  G_OBJECT_CLASS (ml_vote_board_parent_class)->dispose (object);
}

static void
ml_vote_board_class_init (MlVoteBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ml_vote_board_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "voteboard");
}

static void
ml_vote_board_init (MlVoteBoard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *heading = ml_label_new_wrapping (_("Dot Votes"), "title-1");

  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    self->groups[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (title), heading);
  self->total = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->total), "title-3");
  gtk_widget_set_valign (GTK_WIDGET (self->total), GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (title), GTK_WIDGET (self->total));
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box),
                  ml_label_new_wrapping (_("Up and Down choose a candidate, + and − add or take "
                                           "a dot; Space and Page Down go to the next view."),
                                         NULL));
  gtk_box_append (GTK_BOX (box), make_header (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dot Votes"), -1);
  g_signal_connect_object (self->list, "row-selected", G_CALLBACK (on_row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

GtkWidget *
ml_vote_board_new (void)
{
  return g_object_new (ML_TYPE_VOTE_BOARD, NULL);
}

void
ml_vote_board_set_document (MlVoteBoard *self,
                            MlDocument  *document)
{
  g_return_if_fail (ML_IS_VOTE_BOARD (self));
  g_return_if_fail (ML_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  renew_merge_key (self);
}

/**
 * ml_vote_board_update:
 * @candidates: the candidates computed anew from the project
 *
 * Shows the votes as they are now, keeping the chosen candidate.
 */
void
ml_vote_board_update (MlVoteBoard  *self,
                      MlCandidates *candidates)
{
  GPtrArray *rows = ml_candidates_get_rows (candidates);
  guint total = ml_candidates_get_total_votes (candidates);
  g_autofree char *total_text = NULL;
  GtkWidget *child;
  GtkListBoxRow *selected = NULL;

  g_return_if_fail (ML_IS_VOTE_BOARD (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < rows->len; i++)
    {
      const MlCandidateRow *row = g_ptr_array_index (rows, i);
      GtkWidget *list_row = make_row (self, rows, row);

      gtk_list_box_append (self->list, list_row);
      if (g_strcmp0 (ml_element_get_id (row->candidate), self->selected_id) == 0)
        selected = GTK_LIST_BOX_ROW (list_row);
    }

  /* Selecting the same candidate again keeps its merge key: its next vote joins the last. */
  if (selected == NULL)
    selected = gtk_list_box_get_row_at_index (self->list, 0);
  if (selected != NULL)
    gtk_list_box_select_row (self->list, selected);

  total_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dot in all", "%u dots in all",
                                             total),
                                total);
  gtk_label_set_label (self->total, total_text);
}

/**
 * ml_vote_board_get_selected:
 *
 * Returns: (transfer none) (nullable): the candidate that + and − give a dot to or take one
 *   from
 */
MlElement *
ml_vote_board_get_selected (MlVoteBoard *self)
{
  g_return_val_if_fail (ML_IS_VOTE_BOARD (self), NULL);

  return get_row_candidate (gtk_list_box_get_selected_row (self->list));
}

/**
 * ml_vote_board_handle_key:
 * @keyval: a key pressed while presenting, before the focused widget sees it
 *
 * Up and Down choose a candidate; +, = and − vote. The other keys are left to the
 * presentation, so a clicker's Page Up, Page Down, Space and Left and Right still step.
 *
 * Returns: whether the key was used
 */
gboolean
ml_vote_board_handle_key (MlVoteBoard *self,
                          guint        keyval)
{
  GtkListBoxRow *selected;
  int index;

  g_return_val_if_fail (ML_IS_VOTE_BOARD (self), FALSE);

  selected = gtk_list_box_get_selected_row (self->list);
  index = selected != NULL ? gtk_list_box_row_get_index (selected) : -1;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      index += (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) ? -1 : 1;
      selected = gtk_list_box_get_row_at_index (self->list, MAX (index, 0));
      if (selected != NULL)
        {
          gtk_list_box_select_row (self->list, selected);
          gtk_widget_grab_focus (GTK_WIDGET (selected));
        }
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
    case GDK_KEY_minus:
    case GDK_KEY_underscore:
    case GDK_KEY_KP_Subtract:
      if (selected != NULL)
        vote (self, get_row_candidate (selected),
              keyval == GDK_KEY_plus || keyval == GDK_KEY_equal || keyval == GDK_KEY_KP_Add
                ? 1 : -1);
      return TRUE;
    default:
      return FALSE;
    }
}
