/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ml-application.h"
#include "ml-locale.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(MlApplication) app = NULL;

  ml_locale_init ();

  app = ml_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
