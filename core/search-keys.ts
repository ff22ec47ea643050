/**
 * Search keys for names: what the database indexes so that a name fragment is found through an
 * index (`nameKeys: _.all(keys)`) instead of a regular-expression scan of every name.
 *
 * A name is normalised (full-width → half-width, lower case, whitespace removed) and cut into its
 * distinct character bigrams: every fragment of two or more characters of the name then has all of
 * its bigrams among the name's keys. A one-character name keeps that character as its only key.
 * Bigrams, not single characters, because a single Chinese character (店, 公, 司) is shared by a
 * large part of the city and would make the index select almost everything.
 */

/** More keys than any real name needs (names are at most 100 characters); bounds what is stored. */
export const MAX_NAME_KEYS = 100;

/** Full-width ASCII (！ to ～) and the ideographic space become their half-width forms. */
function toHalfWidth(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c === 0x3000) return ' ';
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCodePoint(c - 0xfee0);
  return ch;
}

/** The form names and keywords are compared in: half-width, lower case, without whitespace. */
export function normaliseName(name: string): string {
  let out = '';
  for (const ch of name) out += toHalfWidth(ch);
  return out.toLowerCase().replace(/\s+/gu, '');
}

/** The normalised name's distinct bigrams (in order of first appearance), at most MAX_NAME_KEYS. */
export function nameSearchKeys(name: string): string[] {
  const chars = Array.from(normaliseName(name));
  if (chars.length === 0) return [];
  if (chars.length === 1) return [chars[0]!];
  const keys = new Set<string>();
  for (let i = 0; i + 1 < chars.length && keys.size < MAX_NAME_KEYS; i++) keys.add(chars[i]! + chars[i + 1]!);
  return [...keys];
}

/** How well a normalised name matches a normalised keyword: 0 exact, 1 prefix, 2 fragment, undefined none. */
export function nameMatchRank(normalisedName: string, normalisedKeyword: string): 0 | 1 | 2 | undefined {
  if (normalisedName === normalisedKeyword) return 0;
  if (normalisedName.startsWith(normalisedKeyword)) return 1;
  if (normalisedName.includes(normalisedKeyword)) return 2;
  return undefined;
}
