/**
 * A literal text as a regular expression, for the staff-side fragment filters (addresses, names in
 * outreach lists and streets) that scan within an indexed subset. The public path never uses one:
 * name search goes through the nameKeys index (core/search-keys.ts).
 */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
