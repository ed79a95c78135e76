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

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
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

  /* Most text is plain ASCII, for which all of the below is lowering the case; the index folds
   * every text it stores, so this is worth a shortcut.
   */
  if (is_ascii (text))
    return g_ascii_strdown (text, -1);

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
  const char *cursor = folded, *start, *end;

  while (ml_text_next_word (&cursor, &start, &end))
    {
      g_autofree char *word = g_strndup (start, end - start);

      g_strv_builder_add (words, word);
    }

  return g_strv_builder_end (words);
}

/**
 * ml_text_next_word:
 * @cursor: (inout): where to look from in UTF-8 text; moved past the word found
 * @start: (out): the first byte of the word
 * @end: (out): the byte after it
 *
 * Finds the next word: a run of letters and digits, as ml_text_matches() and the index see
 * words.
 *
 * Returns: whether there was one
 */
gboolean
ml_text_next_word (const char **cursor,
                   const char **start,
                   const char **end)
{
  const char *p;

  g_return_val_if_fail (cursor != NULL && *cursor != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  p = *cursor;
  while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    {
      *cursor = p;
      return FALSE;
    }

  *start = p;
  while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  *end = *cursor = p;

  return TRUE;
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
