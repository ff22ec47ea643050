/**
 * The indexed key of a name search: a name's distinct character bigrams (a single character for a
 * one-character name). Stored on entities as `nameKeys` under an index, a fragment's bigrams are
 * matched with `_.all`, so a search never scans names with a regular expression.
 */
const MAX_KEYS = 64;

/** Full-width ASCII folded to half-width, lower case, whitespace and punctuation-free. */
export function normaliseName(name: string): string {
  return name
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/[\s\u3000·•.,，。、()（）\-—_]/g, '');
}

export function nameSearchKeys(name: string): string[] {
  const chars = Array.from(normaliseName(name));
  if (chars.length === 0) return [];
  if (chars.length === 1) return [chars[0]!];
  const keys = new Set<string>();
  for (let i = 0; i + 1 < chars.length && keys.size < MAX_KEYS; i++) keys.add(chars[i]! + chars[i + 1]!);
  return [...keys];
}
