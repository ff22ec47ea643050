/**
 * Wire format of the CloudBase database API as sent by @cloudbase/database (used by wx-server-sdk):
 * queries, update data, documents and aggregation stages arrive as canonical MongoDB Extended JSON
 * strings (`{"$numberInt":"1"}`, `{"$date":{"$numberLong":"0"}}`, `{"$regularExpression":{...}}`),
 * plus CloudBase's own `{"$tcb_server_date":{"offset":N}}` for db.serverDate().
 * Documents are returned as EJSON strings that the SDK parses with `EJSON.parse`, dates in the
 * relaxed form (`{"$date":"2026-05-01T00:00:00.000Z"}`, see wireDate).
 *
 * In memory, documents hold plain JS values: numbers, strings, booleans, null, Date, arrays, objects.
 */

export type Doc = Record<string, unknown>;

/** A field or variable name the emulator's fast paths handle; anything else goes to mingo. */
export const PLAIN_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Decode one EJSON string from the SDK; server dates become `now + offset`. */
export function decodeEjson(text: string, now: number = Date.now()): unknown {
  return reviveTree(JSON.parse(text) as unknown, now);
}

/**
 * Bottom-up EJSON revival of a freshly parsed tree, in place: the same result as a `JSON.parse`
 * reviver, several times faster (it matters when loading a million stored documents).
 */
function reviveTree(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveTree(value[i], now);
    return value;
  }
  const o = value as Record<string, unknown>;
  for (const k in o) {
    const v = o[k];
    if (v !== null && typeof v === 'object') o[k] = reviveTree(v, now);
  }
  return reviveEjson(o, now);
}

/** Decode an optional EJSON object parameter, defaulting to `{}`. */
export function decodeObject(text: unknown, now?: number): Doc {
  if (text === undefined || text === null || text === '') return {};
  if (typeof text !== 'string') throw new TypeError('expected an EJSON string');
  const v = decodeEjson(text, now);
  if (!isPlainObject(v)) throw new TypeError('expected an EJSON object');
  return v;
}

function reviveEjson(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 0 || keys.length > 2) return value;
  const k = keys[0]!;
  if (k.charCodeAt(0) !== 36 /* $ */) return value;
  switch (k) {
    case '$numberInt':
    case '$numberLong':
    case '$numberDouble':
    case '$numberDecimal':
      return keys.length === 1 ? Number(o[k]) : value;
    case '$date': {
      if (keys.length !== 1) return value;
      const d = o.$date;
      if (typeof d === 'number') return new Date(d);
      if (typeof d === 'string') return new Date(d);
      return value;
    }
    case '$regularExpression': {
      const r = o.$regularExpression as { pattern?: string; options?: string } | undefined;
      if (keys.length !== 1 || !r || typeof r.pattern !== 'string') return value;
      // JS has no 'x'/'l' flags; keep only the ones RegExp accepts.
      return new RegExp(r.pattern, (r.options ?? '').replace(/[^gimsuy]/g, ''));
    }
    case '$oid':
      // CloudBase ids are strings; an ObjectId is compared by its hex text.
      return keys.length === 1 ? String(o.$oid) : value;
    case '$tcb_server_date': {
      const spec = o.$tcb_server_date as { offset?: unknown } | undefined;
      const offset = spec && typeof spec.offset === 'number' ? spec.offset : 0;
      return new Date(now + offset);
    }
    case '$undefined':
      return null;
    default:
      return value;
  }
}

/**
 * The value with Date/RegExp replaced by canonical EJSON (copying only the objects on the way to
 * one), so that a plain `JSON.stringify` can serialise it; faster than a replacer callback.
 */
function toWire(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return wireDate(v);
  if (v instanceof RegExp) return { $regularExpression: { pattern: v.source, options: v.flags } };
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = v[i] as unknown;
      const w = toWire(x);
      if (w !== x) (out ??= v.slice())[i] = w;
    }
    return out ?? v;
  }
  const o = v as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k in o) {
    const x = o[k];
    if (x === null || typeof x !== 'object') continue;
    const w = toWire(x);
    if (w !== x) (out ??= { ...o })[k] = w;
  }
  return out ?? o;
}

/** The last instant EJSON's relaxed form writes as ISO text (9999-12-31T23:59:59.999Z). */
const LAST_ISO_DATE = 253_402_300_799_999;

/**
 * A date as EJSON's relaxed form writes it, ISO text for the years 1970 to 9999 and canonical
 * milliseconds otherwise. The SDK's `EJSON.parse` reads both; the ISO text spares it a 64-bit
 * integer parse per date (a scan's records each carry one).
 */
function wireDate(d: Date): unknown {
  const t = d.getTime();
  return t >= 0 && t <= LAST_ISO_DATE ? { $date: d.toISOString() } : { $date: { $numberLong: String(t) } };
}

/** Encode a document for a response list item or for the durable store. */
export function encodeDoc(doc: unknown): string {
  return JSON.stringify(toWire(doc));
}

/** Inverse of {@link encodeDoc}, used when loading the store. */
export function decodeStoredDoc(text: string): Doc {
  // Fast path: most documents without dates need no reviver.
  if (!text.includes('"$date"') && !text.includes('"$regularExpression"')) return JSON.parse(text) as Doc;
  return decodeEjson(text) as Doc;
}

export function isPlainObject(v: unknown): v is Doc {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Map key for a document _id (ids may be strings or numbers). */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u0000${typeof id}:${String(id)}`;
}

/** `fields` as a document whose `_id` is `id`, first among its keys whatever `fields` says. */
export function withId(id: unknown, fields: Doc): Doc {
  const doc: Doc = { _id: id, ...fields };
  doc._id = id;
  return doc;
}

/** Deep copy preserving Date/RegExp, used before applying an update so a failed write changes nothing. */
export function cloneDoc<T>(doc: T): T {
  return structuredClone(doc);
}

/** Read a dotted path (`a.b.c`) without array traversal. */
export function getPath(doc: unknown, path: string): unknown {
  if (!path.includes('.')) return doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>)[path] : undefined;
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
