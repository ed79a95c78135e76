/* ml-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the analysis tests share: a project from XML text, a date that must parse, and one test per bundled sample.
 */

#pragma once

#include "ml-project.h"

G_BEGIN_DECLS

MlProject *ml_test_load_text        (const char    *text);
MlDate     ml_test_parse_date       (const char    *text);
void       ml_test_add_sample_tests (const char    *prefix,
                                     GTestDataFunc  func);

G_END_DECLS
