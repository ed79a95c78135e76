/* ml-decision-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reviewing a decision point: what is to be decided and about which activities, then the
 * outcome, the reason and the date. Record makes it one command on the document's undo stack
 * (see ml-decision.c) and says so with the "recorded" signal; Cancel changes nothing.
 */

#define G_LOG_DOMAIN "ml-decision-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-decision-dialog.h"
#include "ml-decision.h"
#include "ml-label.h"
#include "ml-paragraph-group.h"

struct _MlDecisionDialog
{
  AdwWindow       parent_instance;

  /* Widgets */
  GtkCheckButton *outcomes[ML_OUTCOME_STOP + 1];  /* by MlOutcome; none for Pending */
  GtkTextBuffer  *rationale;
  GtkEditable    *decided;
  GtkWidget      *record_button;
  GtkWidget      *error_label;

  /* Owned references */
  MlDocument     *document;
  MlElement      *point;
};

G_DEFINE_FINAL_TYPE (MlDecisionDialog, ml_decision_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static MlOutcome
get_outcome (MlDecisionDialog *self)
{
  for (MlOutcome outcome = ML_OUTCOME_CONTINUE; outcome <= ML_OUTCOME_STOP; outcome++)
    if (gtk_check_button_get_active (self->outcomes[outcome]))
      return outcome;

  return ML_OUTCOME_PENDING;
}

static char *
dup_rationale (MlDecisionDialog *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->rationale, &start, &end);

  return gtk_text_buffer_get_text (self->rationale, &start, &end, FALSE);
}

static MlDate
get_decided (MlDecisionDialog *self)
{
  MlDate date = ML_DATE_NONE;

  if (!ml_date_parse (gtk_editable_get_text (self->decided), &date))
    return ML_DATE_NONE;

  return date;
}

/* Record needs an outcome, a reason and a date; the date row is marked while it holds none. */
static void
update_record (MlDecisionDialog *self)
{
  g_autofree char *rationale = dup_rationale (self);
  gboolean date_ok = get_decided (self) != ML_DATE_NONE;

  if (date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->decided), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->decided), "error");
  gtk_widget_set_sensitive (self->record_button,
                            get_outcome (self) != ML_OUTCOME_PENDING &&
                            *g_strstrip (rationale) != '\0' && date_ok);
}

static void
on_record_clicked_cb (MlDecisionDialog *self)
{
  MlProject *project = ml_document_get_project (self->document);
  g_autofree char *rationale = dup_rationale (self);
  g_autoptr(MlCommand) command = NULL;
  g_autoptr(GError) error = NULL;

  command = ml_decision_review_command (project, self->point, get_outcome (self), rationale,
                                        get_decided (self), &error);
  if (command == NULL || !ml_document_push (self->document, command, &error))
    {
      gtk_label_set_label (GTK_LABEL (self->error_label), error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_RECORDED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
make_header_bar (MlDecisionDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->record_button = gtk_button_new_with_mnemonic (_("_Record"));
  gtk_widget_set_name (self->record_button, "record");
  gtk_widget_add_css_class (self->record_button, "suggested-action");
  g_signal_connect_swapped (self->record_button, "clicked", G_CALLBACK (on_record_clicked_cb),
                            self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->record_button);

  return header;
}

static GtkWidget *
make_info_row (const char *title,
               const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  return row;
}

/* The point under review: when it is due and what must be true to go on. */
static GtkWidget *
make_point_group (MlDecisionDialog *self)
{
  const char *criteria = ml_element_get_string (self->point, ML_DECISION_CRITERIA);
  g_autofree char *due = ml_date_format (ml_element_get_date (self->point, ML_DECISION_DATE));
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   ml_element_get_string (self->point, ML_DECISION_NAME));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_info_row (_("Due"), due));
  if (criteria != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               make_info_row (_("Criteria"), criteria));

  return group;
}

/* The activities under review, with their status as it stands. */
static GtkWidget *
make_activities_group (MlDecisionDialog *self)
{
  MlProject *project = ml_document_get_project (self->document);
  const MlEnumInfo *statuses = ml_field_get_info (ML_ACTIVITY_STATUS)->enum_info;
  const char *const *about = ml_element_get_refs (self->point, ML_DECISION_ABOUT);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Activities Under Review"));
  if (about == NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("None: the decision changes no activity."));

  for (guint i = 0; about != NULL && about[i] != NULL; i++)
    {
      MlElement *activity = ml_project_lookup (project, about[i]);
      g_autofree char *name = NULL;
      GtkWidget *row;
      int status;

      if (activity == NULL)
        continue;
      name = ml_project_dup_title (project, activity);
      status = MAX (0, ml_element_get_enum (activity, ML_ACTIVITY_STATUS));
      row = make_info_row (name, _(statuses->labels[status]));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static char *
describe_stop (MlDecisionDialog *self)
{
  MlProject *project = ml_document_get_project (self->document);
  g_autoptr(GPtrArray) stoppable = ml_decision_get_stoppable (project, self->point);

  if (stoppable->len == 0)
    return g_strdup (_("Ends the work under review, which is done or stopped already."));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Stops %u activity: the roadmap strikes it through.",
                                       "Stops %u activities: the roadmap strikes them through.",
                                       stoppable->len),
                          stoppable->len);
}

static GtkWidget *
make_outcome_group (MlDecisionDialog *self)
{
  const MlEnumInfo *outcomes = ml_field_get_info (ML_DECISION_OUTCOME)->enum_info;
  g_autofree char *stop = describe_stop (self);
  const char *explanations[] = {
    [ML_OUTCOME_CONTINUE] = _("The activities go on as planned."),
    [ML_OUTCOME_PIVOT] = _("The activities change course; their status stays as it is."),
    [ML_OUTCOME_STOP] = stop,
  };
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Outcome"));
  for (MlOutcome outcome = ML_OUTCOME_CONTINUE; outcome <= ML_OUTCOME_STOP; outcome++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *name = g_strconcat ("outcome-", outcomes->nicks[outcome], NULL);

      gtk_widget_set_name (check, name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (outcome != ML_OUTCOME_CONTINUE)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check),
                                    self->outcomes[ML_OUTCOME_CONTINUE]);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_record), self);
      self->outcomes[outcome] = GTK_CHECK_BUTTON (check);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(outcomes->labels[outcome]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), explanations[outcome]);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static GtkWidget *
make_rationale_group (MlDecisionDialog *self)
{
  GtkWidget *view;
  GtkWidget *group = ml_paragraph_group_new (_("Rationale"), &view);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Why this outcome? The journal keeps it."));
  gtk_widget_set_name (view, "rationale");
  self->rationale = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect_swapped (self->rationale, "changed", G_CALLBACK (update_record), self);

  return group;
}

static GtkWidget *
make_date_group (MlDecisionDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *today = ml_date_format (ml_date_today ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Decided on (YYYY-MM-DD)"));
  gtk_widget_set_name (row, "decided");
  gtk_editable_set_text (GTK_EDITABLE (row), today);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (update_record), self);
  self->decided = GTK_EDITABLE (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->error_label = ml_label_new_wrapping (NULL, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_widget_set_margin_top (self->error_label, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->error_label);

  return group;
}

static void
build (MlDecisionDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = make_header_bar (self);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_set_margin_top (form, 18);
  gtk_widget_set_margin_bottom (form, 24);
  gtk_widget_set_margin_start (form, 12);
  gtk_widget_set_margin_end (form, 12);
  gtk_box_append (GTK_BOX (form), make_point_group (self));
  gtk_box_append (GTK_BOX (form), make_activities_group (self));
  gtk_box_append (GTK_BOX (form), make_outcome_group (self));
  gtk_box_append (GTK_BOX (form), make_rationale_group (self));
  gtk_box_append (GTK_BOX (form), make_date_group (self));

  adw_clamp_set_child (ADW_CLAMP (clamp), form);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), scrolled);
  adw_window_set_content (ADW_WINDOW (self), content);

  update_record (self);
}

static void
ml_decision_dialog_dispose (GObject *object)
{
  MlDecisionDialog *self = ML_DECISION_DIALOG (object);

  g_clear_object (&self->point);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ml_decision_dialog_parent_class)->dispose (object);
}

static void
ml_decision_dialog_class_init (MlDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_decision_dialog_dispose;

  /**
   * MlDecisionDialog::recorded:
   *
   * The review was pushed on the document's undo stack; the dialog closes next.
   */
  signals[SIGNAL_RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ml_decision_dialog_init (MlDecisionDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Review Decision Point"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 680);
}

/**
 * ml_decision_dialog_new:
 * @parent: the window the dialog belongs to
 * @document: the document that holds @point
 * @point: the decision point to review
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
MlDecisionDialog *
ml_decision_dialog_new (GtkWindow  *parent,
                        MlDocument *document,
                        MlElement  *point)
{
  MlDecisionDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ML_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (ML_IS_ELEMENT (point), NULL);
  g_return_val_if_fail (ml_element_get_kind (point) == ML_KIND_DECISION_POINT, NULL);

  self = g_object_new (ML_TYPE_DECISION_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->point = g_object_ref (point);
  build (self);

  return self;
}
