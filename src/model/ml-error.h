/* ml-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ML_ERROR (ml_error_quark ())

typedef enum
{
  ML_ERROR_INVALID_VALUE,     /* a value that does not fit its field */
  ML_ERROR_INVALID_PROJECT,   /* a file or an edit that would break the project's rules */
  ML_ERROR_REFERENCED,        /* removing an element that others refer to */
  ML_ERROR_TOO_LARGE,
  ML_ERROR_NOT_A_FILE,
  ML_ERROR_UNSUPPORTED_VERSION,
  ML_ERROR_CHANGED_ON_DISK,
} MlError;

GQuark ml_error_quark (void);

G_END_DECLS
