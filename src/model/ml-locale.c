/* ml-locale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-locale"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "ml-locale.h"

/**
 * ml_locale_init:
 *
 * Sets the locale from the environment and binds the message catalogue: the installed one, or
 * the folder $MISSIONLAB_LOCALE_DIR names (LANG/LC_MESSAGES/missionlab.mo), so that the build
 * tree and the tests run translated without installing.
 */
void
ml_locale_init (void)
{
  const char *dir = g_getenv ("MISSIONLAB_LOCALE_DIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
