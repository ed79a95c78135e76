/* fuzz-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the import harnesses share: the project they import into (two stakeholders and a mutual
 * relation, so that names, ids and relations are matched and skipped), and the checks beyond
 * not crashing: a refusal says why, and an accepted import applies as one command, leaves a
 * project that writes and reads back, and undoes to the bytes it started from. Any other
 * outcome aborts, which libFuzzer reports as a crash.
 */

#pragma once

#include "ml-import.h"

MlProject *fuzz_import_project (void);
void       fuzz_check_import   (MlProject *project,
                                MlImport  *import,
                                GError    *error);
