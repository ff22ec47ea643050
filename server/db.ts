/**
 * Typed reads over wx-server-sdk, whose typings return `void | string | result` from
 * the callback-style overloads. Each helper is one database call.
 */
interface Gettable {
  get(): unknown;
}
interface Countable {
  count(): unknown;
}

export async function fetchAll<T>(query: Gettable): Promise<T[]> {
  const res = (await query.get()) as { data: T[] };
  return res.data;
}

export async function fetchOne<T>(query: Gettable): Promise<T | undefined> {
  return (await fetchAll<T>(query))[0];
}

/** doc(id).get() rejects for a missing id; here a missing document is `undefined`. */
export async function fetchById<T>(doc: Gettable): Promise<T | undefined> {
  try {
    const res = (await doc.get()) as { data: T | T[] };
    return Array.isArray(res.data) ? res.data[0] : res.data;
  } catch (e) {
    if (/not ?exist|not found|DOCUMENT_NOT_EXIST/i.test(String((e as Error)?.message ?? e))) return undefined;
    throw e;
  }
}

export async function countOf(query: Countable): Promise<number> {
  const res = (await query.count()) as { total: number };
  return res.total;
}

/** A stored time as an answer carries it: ISO text, what JSON makes of a Date (core/contract types such times as strings). */
export function wireTime(v: Date | string): string {
  return v instanceof Date ? v.toISOString() : String(v);
}
