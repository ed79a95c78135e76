/* ml-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Matching text as people search it: without case or accents, so that “da nang” finds
 * “Đà Nẵng” and “forsknings” finds “Forskningsrådet”.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *ml_text_fold       (const char  *text);
gboolean  ml_text_matches    (const char  *query,
                              const char  *text);
gboolean  ml_text_next_word  (const char **cursor,
                              const char **start,
                              const char **end);

G_END_DECLS
