/* ml-test-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests of the real window share: an application with a copy of a sample, settings
 * and recovery files reset between tests, a way to let GTK's idle work run, and key presses
 * delivered to the window as GTK delivers them.
 */

#pragma once

#include "ml-application.h"
#include "ml-window-private.h"

G_BEGIN_DECLS

typedef struct
{
  MlApplication *app;
  char          *dir;
  char          *path;   /* a copy of the hydrogen sample, free to edit */
} MlTestWindowFixture;

void      ml_test_drain                (void);
gpointer  ml_test_find_toplevel        (GType                type);
gboolean  ml_test_widget_emit_key      (GtkWidget           *widget,
                                        GtkPropagationPhase  phase,
                                        guint                keyval,
                                        GdkModifierType      state);
void      ml_test_window_set_up        (MlTestWindowFixture *fixture,
                                        gconstpointer        data);
void      ml_test_window_tear_down     (MlTestWindowFixture *fixture,
                                        gconstpointer        data);
void      ml_test_window_close_all     (MlApplication       *app);
MlWindow *ml_test_window_open          (MlTestWindowFixture *fixture);
gboolean  ml_test_window_press_key     (GtkWindow           *window,
                                        guint                keyval,
                                        GdkModifierType      state);

G_END_DECLS
