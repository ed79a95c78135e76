/* test-a11y.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window for people who use a screen reader or the keyboard alone: every control on every
 * page has an accessible name, Tab reaches every control, the custom-drawn views tell what
 * they show and what is selected, and the common tasks can be done with keys only.
 *
 * Runs with GTK_A11Y=test, whose accessibility context keeps what the widgets declare so that
 * gtk_test_accessible_has_property() can read it back.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ml-decision-dialog.h"
#include "ml-format.h"
#include "ml-inspector.h"
#include "ml-roadmap-page.h"
#include "ml-roadmap-view.h"
#include "ml-stakeholder-page.h"
#include "ml-stakeholder-view.h"
#include "ml-test-window.h"

typedef MlTestWindowFixture Fixture;

/* The element each page is looked at with, so that the inspector shows its editors too. */
static const struct
{
  const char *page;
  MlKind      kind;
} pages[] = {
  { "overview", ML_KIND_MISSION },
  { "roadmap", ML_KIND_ACTIVITY },
  { "stakeholders", ML_KIND_STAKEHOLDER },
  { "policy-mix", ML_KIND_INSTRUMENT },
  { "portfolio", ML_KIND_DECISION_POINT },
  { "indicators", ML_KIND_INDICATOR },
  { "candidates", ML_KIND_CANDIDATE },
};

static gboolean
is_custom_view (GtkWidget *widget)
{
  return GTK_IS_DRAWING_AREA (widget) || ML_IS_ROADMAP_VIEW (widget) ||
         ML_IS_STAKEHOLDER_VIEW (widget);
}

/* What a user operates: each needs a name, and Tab must reach it. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SCALE (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_DROP_DOWN (widget) ||
         ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget) || is_custom_view (widget);
}

static gboolean
has_label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

      if (text[0] != '\0')
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_text (child))
      return TRUE;

  return FALSE;
}

/* GTK 4.8 names a widget after its label property, or after the widgets it is labelled by;
 * a button is labelled by its child, which names it only when it holds text.
 */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    return has_label_text (widget);
  if (is_custom_view (widget))
    return FALSE;

  return gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static char *
describe_widget (GtkWidget *widget)
{
  GString *text = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (text, " icon %s", gtk_button_get_icon_name (GTK_BUTTON (widget)));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)))
    g_string_append_printf (text, " icon %s",
                            gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)));
  if (tooltip != NULL)
    g_string_append_printf (text, " “%s”", tooltip);
  g_string_append (text, " in");
  for (GtkWidget *w = gtk_widget_get_parent (widget), *top = NULL; w != NULL && top == NULL;
       w = gtk_widget_get_parent (w))
    {
      g_string_append_printf (text, " %s", G_OBJECT_TYPE_NAME (w));
      /* Up to the nearest widget of our own, which says where it is. */
      if (g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Ml"))
        top = w;
    }

  return g_string_free (text, FALSE);
}

/* The controls a user can see under @widget, not looking inside a control. */
static void
collect_controls (GtkWidget *widget,
                  GPtrArray *controls)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (is_control (widget))
    {
      g_ptr_array_add (controls, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_controls (child, controls);
}

static void
check_names (GtkWidget  *root,
             const char *where,
             GString    *failures)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();

  collect_controls (root, controls);
  g_assert_cmpuint (controls->len, >, 0);
  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (controls, i);

      if (!has_accessible_name (control))
        {
          g_autofree char *description = describe_widget (control);

          g_string_append_printf (failures, "\n  %s: %s", where, description);
        }
    }
  g_test_message ("%s: %u controls", where, controls->len);
}

static MlElement *
first_of_kind (MlWindow *window,
               MlKind    kind)
{
  MlProject *project = ml_document_get_project (ml_window_get_document (window));
  g_autoptr(GPtrArray) elements = ml_project_collect (project, kind);

  g_assert_cmpuint (elements->len, >, 0);
  return g_ptr_array_index (elements, 0);
}

static void
show_page (MlWindow   *window,
           const char *page,
           MlKind      kind)
{
  adw_view_stack_set_visible_child_name (window->view_stack, page);
  ml_window_select (window, first_of_kind (window, kind));
  ml_test_drain ();
}

static void
test_every_control_named (Fixture       *fixture,
                          gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  g_autoptr(GString) failures = g_string_new (NULL);
  GtkWidget *dialog;

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      show_page (window, pages[i].page, pages[i].kind);
      check_names (GTK_WIDGET (window), pages[i].page, failures);
    }

  /* The dialogs and the presentation's own bar. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-decision", "s",
                                             "dp-h2-stack"));
  ml_test_drain ();
  dialog = ml_test_find_toplevel (ML_TYPE_DECISION_DIALOG);
  g_assert_nonnull (dialog);
  check_names (dialog, "review decision", failures);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.quick-capture", NULL));
  ml_test_drain ();
  check_names (GTK_WIDGET (window), "presenting", failures);

  if (failures->len > 0)
    g_test_fail_printf ("controls without an accessible name:%s", failures->str);
}


/* Every control of the page is met as Tab goes round the window once. Not the window's own
 * buttons (GTK leaves them out of the focus chain; Ctrl+W and Ctrl+Q do what they do), nor a
 * chart that cannot be focused: it is a picture, named and described, with nothing to operate.
 */
static gboolean
is_operable (GtkWidget *control)
{
  if (gtk_widget_get_ancestor (control, GTK_TYPE_WINDOW_CONTROLS) != NULL)
    return FALSE;
  if (GTK_IS_DRAWING_AREA (control) && !gtk_widget_get_focusable (control))
    return FALSE;

  return gtk_widget_is_sensitive (control);
}

static void
check_tab_reaches_all (MlWindow   *window,
                       const char *where,
                       GString    *failures)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  GtkWidget *first = NULL;

  /* Held: a page may rebuild parts of itself while the focus goes round. */
  collect_controls (GTK_WIDGET (window), controls);
  g_ptr_array_foreach (controls, (GFunc) (void (*) (void)) g_object_ref, NULL);
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  /* What GtkWindow's Tab binding does: the next focusable widget, round to the first again. */
  for (guint step = 0; step < 2000; step++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        {
          gtk_root_set_focus (GTK_ROOT (window), NULL);
          continue;
        }
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL || focus == first)
        break;
      if (first == NULL)
        first = focus;
      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        g_hash_table_add (reached, w);
    }
  g_assert_nonnull (first);

  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (controls, i);

      if (gtk_widget_get_root (control) == GTK_ROOT (window) && is_operable (control) &&
          !g_hash_table_contains (reached, control))
        {
          g_autofree char *description = describe_widget (control);

          g_string_append_printf (failures, "\n  %s: %s", where, description);
        }
    }
  g_test_message ("%s: Tab went through %u widgets", where, g_hash_table_size (reached));
}

static void
test_tab_reaches_every_control (Fixture       *fixture,
                                gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  g_autoptr(GString) failures = g_string_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      show_page (window, pages[i].page, pages[i].kind);
      check_tab_reaches_all (window, pages[i].page, failures);
    }

  if (failures->len > 0)
    g_test_fail_printf ("controls Tab does not reach:%s", failures->str);
}

static void
test_welcome_controls_named (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GString) failures = g_string_new (NULL);
  GtkWindow *window;

  g_application_activate (G_APPLICATION (fixture->app));
  ml_test_drain ();
  window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_nonnull (window);
  g_assert_null (ml_window_get_document (ML_WINDOW (window)));
  check_names (GTK_WIDGET (window), "welcome", failures);
  check_tab_reaches_all (ML_WINDOW (window), "welcome", failures);

  if (failures->len > 0)
    g_test_fail_printf ("controls without a name or out of Tab's reach:%s", failures->str);
}

/* The value of an accessible property: check_property() returns it when it differs. */
static char *
get_description (GtkWidget *widget)
{
  char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");

  g_assert_nonnull (value);
  return value;
}

/* The drawn views say what they show and, in full, what is selected in them. */
static void
test_views_describe_selection (Fixture       *fixture,
                               gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  MlRoadmapView *roadmap = ml_roadmap_page_get_view (window->roadmap_page);
  GtkWidget *map = GTK_WIDGET (ml_stakeholder_page_get_view (window->stakeholder_page));
  MlElement *activity = first_of_kind (window, ML_KIND_ACTIVITY);
  MlElement *stakeholder = first_of_kind (window, ML_KIND_STAKEHOLDER);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *start = ml_format_date (ml_element_get_date (activity, ML_ACTIVITY_START));
  g_autofree char *described = NULL;

  gtk_window_present (GTK_WINDOW (window));
  ml_window_select (window, NULL);
  ml_test_drain ();
  gtk_test_accessible_assert_property (roadmap, GTK_ACCESSIBLE_PROPERTY_LABEL, "Roadmap");
  before = get_description (GTK_WIDGET (roadmap));
  g_assert_nonnull (strstr (before, "Nothing is selected."));
  g_assert_nonnull (strstr (before, "activities"));

  /* Selecting an activity anywhere: its name, its start date as shown, its status. */
  ml_window_select (window, activity);
  ml_test_drain ();
  after = get_description (GTK_WIDGET (roadmap));
  g_assert_nonnull (strstr (after, ml_element_get_label (activity)));
  g_assert_nonnull (strstr (after, start));
  g_assert_nonnull (strstr (after, "Status: "));

  ml_window_select (window, stakeholder);
  ml_test_drain ();
  described = get_description (map);
  g_assert_nonnull (strstr (described, ml_element_get_label (stakeholder)));
  g_assert_nonnull (strstr (described, "Type: "));
  g_assert_nonnull (strstr (described, "stakeholders and"));
}

/* Tab until the focus is in a widget of @type; fails if Tab goes round without meeting one. */
static GtkWidget *
tab_to (GtkWindow *window,
        GType      type)
{
  for (guint step = 0; step < 500; step++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
      GtkWidget *found = focus != NULL ? gtk_widget_get_ancestor (focus, type) : NULL;

      if (found != NULL)
        return found;
      g_assert_true (ml_test_window_press_key (window, GDK_KEY_Tab, 0));
    }

  g_error ("Tab never reached a %s", g_type_name (type));
}

/* Types into the focused entry, replacing its text, as keys would. */
static void
type_text (GtkWindow  *window,
           const char *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), text);
  ml_test_drain ();
}

static guint
count_kind (MlWindow *window,
            MlKind    kind)
{
  g_autoptr(GPtrArray) elements = ml_project_collect (
    ml_document_get_project (ml_window_get_document (window)), kind);

  return elements->len;
}

/* The everyday tasks, with the keyboard alone: every step below is a key press or typing. */
static void
test_keyboard_only (Fixture       *fixture,
                    gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  GtkWindow *win = GTK_WINDOW (window);
  guint n_stakeholders = count_kind (window, ML_KIND_STAKEHOLDER);
  g_autofree char *name = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *first_view = NULL;
  AdwMessageDialog *dialog;
  MlElement *selected;

  gtk_window_present (win);
  ml_test_drain ();

  /* Alt+2: the roadmap; Tab into it; the arrows choose an activity, Enter edits it. */
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_2, GDK_ALT_MASK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "roadmap");
  tab_to (win, ML_TYPE_ROADMAP_VIEW);
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_Down, 0));
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_Down, 0));
  selected = ml_window_get_selected (window);
  g_assert_nonnull (selected);
  g_assert_cmpint (ml_element_get_kind (selected), ==, ML_KIND_ACTIVITY);
  name = g_strdup (ml_element_get_label (selected));
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_Return, 0));
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (win)),
                                             ML_TYPE_INSPECTOR));
  type_text (win, "Renamed from the keyboard");
  g_assert_cmpstr (ml_element_get_label (selected), ==, "Renamed from the keyboard");
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpstr (ml_element_get_label (selected), ==, name);

  /* Alt+3: the map; the arrows choose a stakeholder, Delete asks, Tab and Enter confirm. */
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_3, GDK_ALT_MASK));
  tab_to (win, ML_TYPE_STAKEHOLDER_VIEW);
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_Right, 0));
  selected = ml_window_get_selected (window);
  g_assert_nonnull (selected);
  g_assert_cmpint (ml_element_get_kind (selected), ==, ML_KIND_STAKEHOLDER);
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_Delete, 0));
  dialog = ml_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (dialog != NULL)
    {
      GtkWidget *button = NULL;

      /* The dialog's buttons are in its focus chain: Tab to “Delete”, Enter presses it. */
      for (guint step = 0; step < 20 && button == NULL; step++)
        {
          GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

          if (GTK_IS_BUTTON (focus) &&
              g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus)), _("_Delete")) == 0)
            button = focus;
          else
            ml_test_window_press_key (GTK_WINDOW (dialog), GDK_KEY_Tab, 0);
        }
      g_assert_nonnull (button);
      g_assert_true (ml_test_window_press_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0));
    }
  g_assert_cmpuint (count_kind (window, ML_KIND_STAKEHOLDER), ==, n_stakeholders - 1);
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (count_kind (window, ML_KIND_STAKEHOLDER), ==, n_stakeholders);

  /* Ctrl+K: a stakeholder from one typed line; Ctrl+S saves it. */
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_k, GDK_CONTROL_MASK));
  type_text (win, "stakeholder: Hunter Valley Hydrogen Hub");
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_Return, 0));
  g_assert_cmpuint (count_kind (window, ML_KIND_STAKEHOLDER), ==, n_stakeholders + 1);
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_false (ml_document_get_modified (ml_window_get_document (window)));
  g_assert_true (g_file_get_contents (fixture->path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "Hunter Valley Hydrogen Hub"));

  /* F5 presents, the arrows step, Escape comes back. */
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_F5, 0));
  g_assert_true (ml_window_get_presenting (window));
  first_view = g_strdup (adw_view_stack_get_visible_child_name (window->view_stack));
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_Right, 0));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), !=, first_view);
  g_assert_true (ml_test_window_press_key (win, GDK_KEY_Escape, 0));
  g_assert_false (ml_window_get_presenting (window));
}

static const MlStyle *
roadmap_style (MlWindow *window)
{
  return ml_timeline_renderer_get_style (ml_roadmap_view_get_renderer (
           ml_roadmap_page_get_view (window->roadmap_page)));
}

static void
test_large_text (Fixture       *fixture,
                 gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (window));
  int dpi;

  gtk_window_present (GTK_WINDOW (window));
  show_page (window, "roadmap", ML_KIND_ACTIVITY);
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_assert_cmpfloat (roadmap_style (window)->font_size, ==, 14);

  /* GNOME's Large Text: Xft.dpi 96 × 1.25. The drawn views grow with every widget's text. */
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 5 / 4, NULL);
  ml_test_drain ();
  g_assert_cmpfloat_with_epsilon (roadmap_style (window)->font_size, 17.5, 1e-9);
  g_assert_cmpfloat (roadmap_style (window)->row_height, ==, 43);

  /* Presenting, the projector's type is already larger than large text asks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  ml_test_drain ();
  g_assert_cmpfloat (roadmap_style (window)->font_size, ==,
                     ml_style_get (ML_STYLE_PROJECTOR)->font_size);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present-leave", NULL));
  ml_test_drain ();

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  ml_test_drain ();
  g_assert_cmpfloat (roadmap_style (window)->font_size, ==, 14);
}

static void
test_high_contrast (Fixture       *fixture,
                    gconstpointer  data)
{
  MlWindow *window = ml_test_window_open (fixture);
  g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_window_present (GTK_WINDOW (window));
  show_page (window, "roadmap", ML_KIND_ACTIVITY);
  g_assert_false (roadmap_style (window)->high_contrast);

  /* Where libadwaita reads the setting without a settings portal, as under Xvfb here. */
  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  ml_test_drain ();
  g_assert_true (adw_style_manager_get_high_contrast (manager));
  g_assert_cmpint (roadmap_style (window)->kind, ==, ML_STYLE_HIGH_CONTRAST);
  g_assert_true (roadmap_style (window)->high_contrast);

  g_settings_reset (a11y, "high-contrast");
  ml_test_drain ();
  g_assert_cmpint (roadmap_style (window)->kind, ==, ML_STYLE_SCREEN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      /* Not skipped: a window test that cannot run has not passed. */
      g_printerr ("test-a11y needs a display: run it under xvfb-run -a\n");
      return 1;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ml_test_window_set_up, func, ml_test_window_tear_down)
  ADD ("/a11y/every-control-named", test_every_control_named);
  ADD ("/a11y/tab-reaches-every-control", test_tab_reaches_every_control);
  ADD ("/a11y/welcome", test_welcome_controls_named);
  ADD ("/a11y/views-describe-selection", test_views_describe_selection);
  ADD ("/a11y/keyboard-only", test_keyboard_only);
  ADD ("/a11y/large-text", test_large_text);
  ADD ("/a11y/high-contrast", test_high_contrast);
#undef ADD

  return g_test_run ();
}
