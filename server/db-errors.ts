/** Recognising the database errors the domain turns into answers for people. */

/** A write refused by a unique index (E11000 on CloudBase; the local cloud answers the same). */
export function isDuplicateKeyError(e: unknown): boolean {
  const text = e instanceof Error ? `${(e as { errCode?: unknown }).errCode ?? ''} ${e.message}` : String(e);
  return /E11000|duplicate key|DUPLICATE/i.test(text);
}
