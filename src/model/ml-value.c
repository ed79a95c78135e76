/* ml-value.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-value"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ml-error.h"
#include "ml-value.h"

G_DEFINE_QUARK (ml-error-quark, ml_error)

#define ML_ID_MAX_LENGTH 64

static gboolean
is_string_type (MlFieldType type)
{
  return type == ML_FIELD_TYPE_TEXT || type == ML_FIELD_TYPE_STRING ||
         type == ML_FIELD_TYPE_CURRENCY || type == ML_FIELD_TYPE_REF;
}

static gboolean
is_number_type (MlFieldType type)
{
  return type == ML_FIELD_TYPE_NUMBER || type == ML_FIELD_TYPE_INTEGER;
}

/* Splits a whitespace-separated list as RelaxNG's <list> does. */
static char **
split_tokens (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      while (g_ascii_isspace (*p))
        p++;
      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
      if (p > start)
        {
          g_autofree char *token = g_strndup (start, p - start);
          g_strv_builder_add (builder, token);
        }
    }

  return g_strv_builder_end (builder);
}

static gboolean
has_control_characters (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_plain_decimal (const char *text)
{
  /* g_ascii_strtod() also reads hexadecimal, "nan" and "inf", which the format does not allow. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && strchr (".eE+-", *p) == NULL)
        return FALSE;
    }

  return *text != '\0';
}

static gboolean
parse_number (MlField      field,
              const char  *text,
              double      *number,
              GError     **error)
{
  const MlFieldInfo *info = ml_field_get_info (field);
  char *end = NULL;

  if (info->type == ML_FIELD_TYPE_INTEGER)
    {
      gint64 integer;

      if (g_ascii_string_to_signed (text, 10, G_MININT32, G_MAXINT32, &integer, NULL))
        {
          *number = (double) integer;
          return TRUE;
        }
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                   _("%s: “%s” is not a whole number."), _(info->label), text);
      return FALSE;
    }

  if (is_plain_decimal (text))
    {
      *number = g_ascii_strtod (text, &end);
      if (end != NULL && *end == '\0' && isfinite (*number))
        return TRUE;
    }

  g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
               _("%s: “%s” is not a number; write numbers like 2.5 or 1500000."),
               _(info->label), text);
  return FALSE;
}

static gboolean
parse_enum_set (MlField      field,
                const char  *text,
                guint64     *flags,
                GError     **error)
{
  const MlFieldInfo *info = ml_field_get_info (field);
  g_auto(GStrv) tokens = split_tokens (text);

  *flags = 0;
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      int v = ml_enum_info_lookup (info->enum_info, tokens[i]);

      if (v < 0)
        {
          g_autofree char *values = ml_enum_info_describe_values (info->enum_info);

          g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                       _("“%s” is not a valid value for %s; use any of: %s."),
                       tokens[i], _(info->label), values);
          return FALSE;
        }
      *flags |= G_GUINT64_CONSTANT (1) << v;
    }

  return TRUE;
}

static char **
parse_refs (MlField      field,
            const char  *text,
            GError     **error)
{
  g_auto(GStrv) tokens = split_tokens (text);
  g_autoptr(GPtrArray) unique = g_ptr_array_new_null_terminated (8, g_free, TRUE);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (!ml_id_is_valid (tokens[i]))
        {
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                       _("“%s” is not a valid id (%s)."), tokens[i],
                       _(ml_field_get_info (field)->label));
          return NULL;
        }
      if (unique->len == 0 || !g_strv_contains ((const char *const *) unique->pdata, tokens[i]))
        g_ptr_array_add (unique, g_strdup (tokens[i]));
    }

  return (char **) g_ptr_array_free (g_steal_pointer (&unique), FALSE);
}

void
ml_value_init (MlValue *value,
               MlField  field)
{
  const MlFieldInfo *info = ml_field_get_info (field);

  memset (value, 0, sizeof *value);
  value->type = info->type;
  if (is_number_type (info->type))
    value->number = NAN;
  else if (info->type == ML_FIELD_TYPE_ENUM)
    value->enum_value = -1;
}

void
ml_value_clear (MlValue *value)
{
  if (is_string_type (value->type))
    g_clear_pointer (&value->string, g_free);
  else if (value->type == ML_FIELD_TYPE_REF_LIST)
    g_clear_pointer (&value->refs, g_strfreev);
}

/**
 * ml_value_copy:
 * @src: a value
 * @dest: an uninitialised or cleared value
 */
void
ml_value_copy (const MlValue *src,
               MlValue       *dest)
{
  *dest = *src;
  if (is_string_type (src->type))
    dest->string = g_strdup (src->string);
  else if (src->type == ML_FIELD_TYPE_REF_LIST)
    dest->refs = g_strdupv (src->refs);
}

gboolean
ml_value_is_set (const MlValue *value)
{
  switch (value->type)
    {
    case ML_FIELD_TYPE_TEXT:
    case ML_FIELD_TYPE_STRING:
    case ML_FIELD_TYPE_CURRENCY:
    case ML_FIELD_TYPE_REF:
      return value->string != NULL;
    case ML_FIELD_TYPE_NUMBER:
    case ML_FIELD_TYPE_INTEGER:
      return !isnan (value->number);
    case ML_FIELD_TYPE_DATE:
      return value->date != ML_DATE_NONE;
    case ML_FIELD_TYPE_ENUM:
      return value->enum_value >= 0;
    case ML_FIELD_TYPE_ENUM_SET:
      return value->flags != 0;
    case ML_FIELD_TYPE_REF_LIST:
      return value->refs != NULL && value->refs[0] != NULL;
    default:
      g_assert_not_reached ();
    }
}

gboolean
ml_value_equal (const MlValue *a,
                const MlValue *b)
{
  g_return_val_if_fail (a->type == b->type, FALSE);

  if (!ml_value_is_set (a) || !ml_value_is_set (b))
    return ml_value_is_set (a) == ml_value_is_set (b);

  switch (a->type)
    {
    case ML_FIELD_TYPE_TEXT:
    case ML_FIELD_TYPE_STRING:
    case ML_FIELD_TYPE_CURRENCY:
    case ML_FIELD_TYPE_REF:
      return g_strcmp0 (a->string, b->string) == 0;
    case ML_FIELD_TYPE_NUMBER:
    case ML_FIELD_TYPE_INTEGER:
      return a->number == b->number;
    case ML_FIELD_TYPE_DATE:
      return a->date == b->date;
    case ML_FIELD_TYPE_ENUM:
      return a->enum_value == b->enum_value;
    case ML_FIELD_TYPE_ENUM_SET:
      return a->flags == b->flags;
    case ML_FIELD_TYPE_REF_LIST:
      return g_strv_equal ((const char *const *) a->refs, (const char *const *) b->refs);
    default:
      g_assert_not_reached ();
    }
}

/**
 * ml_value_check:
 * @field: the field @value is meant for
 * @value: a value
 * @error: return location for an error
 *
 * Checks what a value can be checked for on its own: ranges, enumerations, ids and currency
 * codes. References and the order of dates need the project: see ml-validate.h.
 *
 * Returns: whether @value is acceptable for @field
 */
gboolean
ml_value_check (MlField        field,
                const MlValue *value,
                GError       **error)
{
  const MlFieldInfo *info = ml_field_get_info (field);

  g_return_val_if_fail (value->type == info->type, FALSE);

  if (!ml_value_is_set (value))
    {
      if (info->required)
        {
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                       _("%s is required."), _(info->label));
          return FALSE;
        }
      return TRUE;
    }

  switch (info->type)
    {
    case ML_FIELD_TYPE_NUMBER:
    case ML_FIELD_TYPE_INTEGER:
      if (!isfinite (value->number) ||
          (!isnan (info->min) && value->number < info->min) ||
          (!isnan (info->max) && value->number > info->max) ||
          (info->type == ML_FIELD_TYPE_INTEGER && value->number != floor (value->number)))
        {
          char number[ML_NUMBER_BUF_SIZE];

          ml_number_format (value->number, number);
          if (!isnan (info->max))
            g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                         _("%s must be between %g and %g, not %s."),
                         _(info->label), info->min, info->max, number);
          else
            g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                         _("%s must be at least %g, not %s."), _(info->label), info->min, number);
          return FALSE;
        }
      return TRUE;

    case ML_FIELD_TYPE_ENUM:
      if ((guint) value->enum_value >= info->enum_info->n_values)
        {
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                       _("%s has no value number %d."), _(info->label), value->enum_value);
          return FALSE;
        }
      return TRUE;

    case ML_FIELD_TYPE_ENUM_SET:
      if (info->enum_info->n_values < 64 &&
          (value->flags >> info->enum_info->n_values) != 0)
        {
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                       _("%s holds a value that does not exist."), _(info->label));
          return FALSE;
        }
      return TRUE;

    case ML_FIELD_TYPE_CURRENCY:
      if (strlen (value->string) != 3 || !g_ascii_isupper (value->string[0]) ||
          !g_ascii_isupper (value->string[1]) || !g_ascii_isupper (value->string[2]))
        {
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                       _("“%s” is not a currency code; use a three-letter ISO 4217 code such as EUR or AUD."),
                       value->string);
          return FALSE;
        }
      return TRUE;

    case ML_FIELD_TYPE_REF:
      if (!ml_id_is_valid (value->string))
        {
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                       _("“%s” is not a valid id (%s)."), value->string, _(info->label));
          return FALSE;
        }
      return TRUE;

    case ML_FIELD_TYPE_REF_LIST:
      for (guint i = 0; value->refs[i] != NULL; i++)
        {
          if (!ml_id_is_valid (value->refs[i]))
            {
              g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                           _("“%s” is not a valid id (%s)."), value->refs[i], _(info->label));
              return FALSE;
            }
        }
      return TRUE;

    case ML_FIELD_TYPE_TEXT:
    case ML_FIELD_TYPE_STRING:
      if (!g_utf8_validate (value->string, -1, NULL))
        {
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                       _("%s is not valid UTF-8 text."), _(info->label));
          return FALSE;
        }
      if (has_control_characters (value->string))
        {
          /* XML 1.0 cannot hold them, so the file could not be read back. */
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                       _("%s holds control characters, which project files cannot store."),
                       _(info->label));
          return FALSE;
        }
      return TRUE;

    case ML_FIELD_TYPE_DATE:
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/**
 * ml_value_parse:
 * @field: a field
 * @text: the text of the value, as in a file
 * @value: (out): the value, to be cleared with ml_value_clear()
 * @error: return location for an error
 *
 * Parses the text form of a value without regard to the locale. Empty text is an unset value.
 *
 * Returns: whether @text is a valid value for @field
 */
gboolean
ml_value_parse (MlField      field,
                const char  *text,
                MlValue     *value,
                GError     **error)
{
  const MlFieldInfo *info = ml_field_get_info (field);

  ml_value_init (value, field);

  if (text[0] == '\0')
    return ml_value_check (field, value, error);

  switch (info->type)
    {
    case ML_FIELD_TYPE_TEXT:
    case ML_FIELD_TYPE_STRING:
    case ML_FIELD_TYPE_CURRENCY:
    case ML_FIELD_TYPE_REF:
      value->string = g_strdup (text);
      break;

    case ML_FIELD_TYPE_NUMBER:
    case ML_FIELD_TYPE_INTEGER:
      if (!parse_number (field, text, &value->number, error))
        return FALSE;
      break;

    case ML_FIELD_TYPE_DATE:
      if (!ml_date_parse (text, &value->date))
        {
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                       _("%s: “%s” is not a date; write dates as YYYY-MM-DD, like 2030-12-31."),
                       _(info->label), text);
          return FALSE;
        }
      break;

    case ML_FIELD_TYPE_ENUM:
      value->enum_value = ml_enum_info_lookup (info->enum_info, text);
      if (value->enum_value < 0)
        {
          g_autofree char *values = ml_enum_info_describe_values (info->enum_info);

          g_set_error (error, ML_ERROR, ML_ERROR_INVALID_VALUE,
                       _("“%s” is not a valid value for %s; use one of: %s."),
                       text, _(info->label), values);
          return FALSE;
        }
      break;

    case ML_FIELD_TYPE_ENUM_SET:
      if (!parse_enum_set (field, text, &value->flags, error))
        return FALSE;
      break;

    case ML_FIELD_TYPE_REF_LIST:
      value->refs = parse_refs (field, text, error);
      if (value->refs == NULL)
        return FALSE;
      if (value->refs[0] == NULL)
        g_clear_pointer (&value->refs, g_strfreev);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ml_value_check (field, value, error))
    {
      ml_value_clear (value);
      return FALSE;
    }

  return TRUE;
}

/**
 * ml_value_to_string:
 * @value: a value
 * @field: its field
 *
 * Returns: (transfer full) (nullable): the canonical text form of @value, or %NULL if unset
 */
char *
ml_value_to_string (const MlValue *value,
                    MlField        field)
{
  const MlFieldInfo *info = ml_field_get_info (field);

  if (!ml_value_is_set (value))
    return NULL;

  switch (value->type)
    {
    case ML_FIELD_TYPE_TEXT:
    case ML_FIELD_TYPE_STRING:
    case ML_FIELD_TYPE_CURRENCY:
    case ML_FIELD_TYPE_REF:
      return g_strdup (value->string);

    case ML_FIELD_TYPE_NUMBER:
    case ML_FIELD_TYPE_INTEGER:
      {
        char buffer[ML_NUMBER_BUF_SIZE];

        ml_number_format (value->number, buffer);
        return g_strdup (buffer);
      }

    case ML_FIELD_TYPE_DATE:
      return ml_date_format (value->date);

    case ML_FIELD_TYPE_ENUM:
      return g_strdup (info->enum_info->nicks[value->enum_value]);

    case ML_FIELD_TYPE_ENUM_SET:
      {
        g_autoptr(GString) text = g_string_new (NULL);

        for (guint i = 0; i < info->enum_info->n_values; i++)
          {
            if ((value->flags & (G_GUINT64_CONSTANT (1) << i)) == 0)
              continue;
            if (text->len > 0)
              g_string_append_c (text, ' ');
            g_string_append (text, info->enum_info->nicks[i]);
          }
        return g_string_free (g_steal_pointer (&text), FALSE);
      }

    case ML_FIELD_TYPE_REF_LIST:
      return g_strjoinv (" ", value->refs);

    default:
      g_assert_not_reached ();
    }
}

void
ml_value_init_string (MlValue    *value,
                      MlField     field,
                      const char *string)
{
  ml_value_init (value, field);
  g_return_if_fail (is_string_type (value->type));
  value->string = (string == NULL || *string == '\0') ? NULL : g_strdup (string);
}

void
ml_value_init_number (MlValue *value,
                      MlField  field,
                      double   number)
{
  ml_value_init (value, field);
  g_return_if_fail (is_number_type (value->type));
  value->number = number;
}

void
ml_value_init_date (MlValue *value,
                    MlField  field,
                    MlDate   date)
{
  ml_value_init (value, field);
  g_return_if_fail (value->type == ML_FIELD_TYPE_DATE);
  value->date = date;
}

void
ml_value_init_enum (MlValue *value,
                    MlField  field,
                    int      enum_value)
{
  ml_value_init (value, field);
  g_return_if_fail (value->type == ML_FIELD_TYPE_ENUM);
  value->enum_value = enum_value;
}

void
ml_value_init_flags (MlValue *value,
                     MlField  field,
                     guint64  flags)
{
  ml_value_init (value, field);
  g_return_if_fail (value->type == ML_FIELD_TYPE_ENUM_SET);
  value->flags = flags;
}

void
ml_value_init_refs (MlValue           *value,
                    MlField            field,
                    const char *const *refs)
{
  ml_value_init (value, field);
  g_return_if_fail (value->type == ML_FIELD_TYPE_REF_LIST);
  value->refs = (refs == NULL || refs[0] == NULL) ? NULL : g_strdupv ((char **) refs);
}

/**
 * ml_id_is_valid:
 *
 * Returns: whether @id is a valid element id: a letter or `_`, then letters, digits, `_`, `-`
 *   and `.`, at most 64 characters
 */
gboolean
ml_id_is_valid (const char *id)
{
  gsize i;

  if (id == NULL || !(g_ascii_isalpha (id[0]) || id[0] == '_'))
    return FALSE;

  for (i = 1; id[i] != '\0'; i++)
    {
      if (!g_ascii_isalnum (id[i]) && strchr ("_-.", id[i]) == NULL)
        return FALSE;
    }

  return i <= ML_ID_MAX_LENGTH;
}

/**
 * ml_number_format:
 *
 * Writes the shortest of two locale-independent forms that reads back as the same number, so
 * that files round-trip exactly: 2.5 stays `2.5` under any locale.
 */
void
ml_number_format (double number,
                  char   buffer[ML_NUMBER_BUF_SIZE])
{
  if (number == 0)
    number = 0; /* no "-0" */

  /* Whole numbers below 10¹⁵ are what "%.15g" writes them as, exactly, and the most common:
   * print them as integers, which costs a fraction of formatting and reading back a double.
   */
  if (fabs (number) < 1e15 && number == (double) (gint64) number)
    {
      g_snprintf (buffer, ML_NUMBER_BUF_SIZE, "%" G_GINT64_FORMAT, (gint64) number);
      return;
    }

  g_ascii_formatd (buffer, ML_NUMBER_BUF_SIZE, "%.15g", number);
  if (g_ascii_strtod (buffer, NULL) != number)
    g_ascii_formatd (buffer, ML_NUMBER_BUF_SIZE, "%.17g", number);
}
