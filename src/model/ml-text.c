/* ml-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-text"

#include "config.h"

#include "ml-text.h"

/* Letters that Unicode does not decompose into a base letter and a mark. */
static const char *
fold_letter (gunichar c)
{
  switch (c)
    {
    case 0x0111: /* đ */
    case 0x00F0: /* ð */
      return "d";
    case 0x00F8: /* ø */
      return "o";
    case 0x0142: /* ł */
      return "l";
    case 0x0131: /* ı */
      return "i";
    case 0x0127: /* ħ */
      return "h";
    case 0x0167: /* ŧ */
      return "t";
    case 0x00E6: /* æ */
      return "ae";
    case 0x0153: /* œ */
      return "oe";
    case 0x00DF: /* ß */
      return "ss";
    case 0x00FE: /* þ */
      return "th";
    default:
      return NULL;
    }
}

/**
 * ml_text_fold:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): @text in lower case, without accents and with letters such as đ, ø
 *   and æ spelled with plain Latin letters
 */
char *
ml_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *folded;

  g_return_val_if_fail (text != NULL, NULL);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  folded = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      GUnicodeType type = g_unichar_type (c);
      const char *replacement;

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      replacement = fold_letter (c);
      if (replacement != NULL)
        g_string_append (folded, replacement);
      else
        g_string_append_unichar (folded, c);
    }

  return g_string_free (folded, FALSE);
}

static char **
split_words (const char *folded)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  const char *start = NULL;

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gboolean in_word = *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));

      if (in_word && start == NULL)
        start = p;
      else if (!in_word && start != NULL)
        {
          g_autofree char *word = g_strndup (start, p - start);

          g_strv_builder_add (words, word);
          start = NULL;
        }
      if (*p == '\0')
        break;
    }

  return g_strv_builder_end (words);
}

/**
 * ml_text_matches:
 * @query: what the user typed
 * @text: the text to search in
 *
 * Returns: whether every word of @query starts a word of @text, ignoring case and accents
 */
gboolean
ml_text_matches (const char *query,
                 const char *text)
{
  g_autofree char *folded_query = NULL;
  g_autofree char *folded_text = NULL;
  g_auto(GStrv) query_words = NULL;
  g_auto(GStrv) text_words = NULL;

  g_return_val_if_fail (query != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  folded_query = ml_text_fold (query);
  folded_text = ml_text_fold (text);
  query_words = split_words (folded_query);
  text_words = split_words (folded_text);

  for (guint i = 0; query_words[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; text_words[j] != NULL && !found; j++)
        found = g_str_has_prefix (text_words[j], query_words[i]);
      if (!found)
        return FALSE;
    }

  return TRUE;
}
