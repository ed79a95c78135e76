/* ml-value.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The value of one field of an element, and its locale-independent text form.
 */

#pragma once

#include "ml-date.h"
#include "ml-kind.h"

G_BEGIN_DECLS

typedef struct
{
  MlFieldType type;
  union
  {
    char   *string;     /* TEXT, STRING, CURRENCY, REF; NULL when unset */
    double  number;     /* NUMBER, INTEGER; NAN when unset */
    MlDate  date;       /* ML_DATE_NONE when unset */
    int     enum_value; /* -1 when unset */
    guint64 flags;      /* ENUM_SET: bit n for value n */
    char  **refs;       /* REF_LIST: NULL when empty */
  };
} MlValue;

#define ML_NUMBER_BUF_SIZE G_ASCII_DTOSTR_BUF_SIZE

void      ml_value_init          (MlValue       *value,
                                  MlField        field);
void      ml_value_clear         (MlValue       *value);
void      ml_value_copy          (const MlValue *src,
                                  MlValue       *dest);
gboolean  ml_value_equal         (const MlValue *a,
                                  const MlValue *b);
gboolean  ml_value_is_set        (const MlValue *value);
gboolean  ml_value_parse         (MlField        field,
                                  const char    *text,
                                  MlValue       *value,
                                  GError       **error);
gboolean  ml_value_check         (MlField        field,
                                  const MlValue *value,
                                  GError       **error);
char     *ml_value_to_string     (const MlValue *value,
                                  MlField        field);
void      ml_value_init_string   (MlValue       *value,
                                  MlField        field,
                                  const char    *string);
void      ml_value_init_number   (MlValue       *value,
                                  MlField        field,
                                  double         number);
void      ml_value_init_date     (MlValue       *value,
                                  MlField        field,
                                  MlDate         date);
void      ml_value_init_enum     (MlValue       *value,
                                  MlField        field,
                                  int            enum_value);
void      ml_value_init_flags    (MlValue       *value,
                                  MlField        field,
                                  guint64        flags);
void      ml_value_init_refs     (MlValue       *value,
                                  MlField        field,
                                  const char *const *refs);

gboolean  ml_id_is_valid         (const char    *id);
void      ml_number_format       (double         number,
                                  char           buffer[ML_NUMBER_BUF_SIZE]);

G_END_DECLS
