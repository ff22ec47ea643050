/**
 * Hostile and random events for the function fuzzers: wrong types, huge strings, control
 * characters, Mongo operators where strings belong, prototype-pollution keys, platform keys.
 */
import fc from 'fast-check';

/** Payload keys the actions read (so hostile values reach the parsers, not just unknown keys). */
export const KNOWN_KEYS = [
  'uscc',
  'entityName',
  'name',
  'category',
  'districtCode',
  'address',
  'field',
  'contactName',
  'contactPhone',
  'codeId',
  'code',
  'url',
  'q',
  'version',
  'keyword',
  'query',
  'page',
  'pageSize',
  'limit',
  'entityId',
  'applicationId',
  'commitmentId',
  'id',
  'decision',
  'approve',
  'reason',
  'kind',
  'fileBase64',
  'fileID',
  'department',
  'target',
  'targetId',
  'content',
  'status',
  'from',
  'to',
  'date',
  'openid',
  'role',
  'promiserName',
  'promiserCategory',
  'promiserCode',
  'commitmentType',
  'committedOn',
  'publicity',
  'liability',
  'storefrontPhoto',
  'op',
  'member',
  'days',
  'licencePhoto',
  'legalRepName',
  'confirmTakeover',
] as const;

/** Operator injection: objects a naive `where(payload)` would treat as a query. */
const operators = fc.constantFrom<unknown>(
  { $ne: null },
  { $gt: '' },
  { $regex: '.*' },
  { $where: 'return true' },
  { $in: ['a', 'b'] },
  { $exists: true },
  [{ $ne: null }],
);

/** Own `__proto__`/`constructor` keys, as JSON.parse creates them from a request body. */
const pollution = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"__proto__":null}'),
);

const strings = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u0007\u001b[2J',
    '９１２３０４０２ＭＡ',
    'null',
    'undefined',
    '<script>alert(1)</script>',
    '1; DROP TABLE entities',
  ),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => '码'.repeat(n)),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: operators },
  { weight: 2, arbitrary: pollution },
  { weight: 4, arbitrary: strings },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-1), fc.constant(1e308)) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** An event for `action`: hostile values under known keys, random keys, and pollution keys. */
export function hostileEvent(action: string): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.dictionary(fc.constantFrom(...KNOWN_KEYS), hostileValue, { maxKeys: 6 }),
      fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 2 }),
      fc.boolean(),
    )
    .map(([known, random, pollute]) => {
      const event: Record<string, unknown> = { ...random, ...known };
      // An own `__proto__` key, as JSON.parse makes it (assignment would set the prototype instead).
      if (pollute)
        Object.defineProperty(event, '__proto__', { value: { polluted: 'yes' }, enumerable: true, writable: true, configurable: true });
      event.action = action;
      return event;
    });
}

/** What every failure must look like: a stable English code and a Chinese message. */
export function isStableError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown };
  return (
    typeof e.code === 'string' &&
    /^[A-Z][A-Z0-9_]*$/.test(e.code) &&
    e.code !== 'INTERNAL' &&
    typeof e.message === 'string' &&
    /[\u4e00-\u9fff]/.test(e.message)
  );
}
