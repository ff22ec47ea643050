import { isPlainObject, PLAIN_FIELD, type Doc } from './wire';

/**
 * `$project` of the shape the functions send (top-level fields by `1`, `_id` kept or dropped,
 * fields computed from plain field paths such as `source: { kind: '$source.kind' }`, and a `$map`
 * of a joined array's fields such as `{ $map: { input: '$entity', as: 'r', in: { name: '$$r.name' } } }`) as a
 * precompiled copy, answering exactly what mingo's `$project` answers, in its key order (selectors
 * sorted, `_id` last unless named). mingo rebuilds and validates the projection on every run,
 * which was most of a scan's database time. Any other shape compiles to undefined, and a document
 * whose path crosses an array (or whose `$map` input is not an array) gets undefined back: the caller
 * then runs mingo.
 * test/localcloud/project.test.ts compares the two over awkward documents.
 */
type Step =
  { key: string; field: true } | { key: string; path: string[] } | { key: string; children: Step[] } | { key: string; map: MapStep };

/** `{ $map: { input: '$path', as: 'r', in: { k: '$$r.f', … } } }`: each element's fields, in the `in` order. */
interface MapStep {
  input: string[];
  fields: [string, string[]][];
}

/** A path crossed an array: mingo's answer (an array per element) is not modelled here. */
const CROSSES_ARRAY = Symbol('crosses array');

export type Projector = (doc: Doc) => Doc | undefined;

/** Every document projected, or undefined when one of them needs mingo. */
export function projectAll(docs: Doc[], project: Projector): Doc[] | undefined {
  const out: Doc[] = new Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const d = project(docs[i]!);
    if (!d) return undefined;
    out[i] = d;
  }
  return out;
}

/** `a.b.c` as its segments when each is a plain field name. */
function plainPath(text: string): string[] | undefined {
  const path = text.split('.');
  return path.every((p) => PLAIN_FIELD.test(p)) ? path : undefined;
}

const byKey = (a: Step, b: Step) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function compileProjection(spec: unknown): Projector | undefined {
  if (!isPlainObject(spec)) return undefined;
  let keepId = true;
  let idNamed = false;
  const steps: Step[] = [];
  for (const [key, value] of Object.entries(spec)) {
    if (key === '_id') {
      if (value === 0 || value === false) keepId = false;
      else if (value === 1 || value === true) idNamed = true;
      else return undefined;
      continue;
    }
    const step = compileStep(key, value);
    if (!step) return undefined;
    steps.push(step);
  }
  if (steps.length === 0) return undefined; // an exclusion, or _id alone
  if (idNamed) steps.push({ key: '_id', field: true });
  steps.sort(byKey);
  const appendId = keepId && !idNamed;
  return (doc) => {
    const out = build(steps, doc);
    if (out === CROSSES_ARRAY) return undefined;
    if (appendId && doc._id !== undefined) out._id = doc._id;
    return out;
  };
}

function compileStep(key: string, value: unknown): Step | undefined {
  if (!PLAIN_FIELD.test(key)) return undefined;
  if (value === 1 || value === true) return { key, field: true };
  if (typeof value === 'string') {
    if (!value.startsWith('$') || value.startsWith('$$')) return undefined;
    const path = plainPath(value.slice(1));
    return path ? { key, path } : undefined;
  }
  if (isPlainObject(value) && Object.keys(value).length === 1 && '$map' in value) {
    const map = compileMap(value.$map);
    return map ? { key, map } : undefined;
  }
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    const children: Step[] = [];
    for (const [k, v] of Object.entries(value)) {
      // Inside a computed object only computed values: `{a: {b: 1}}` is an inclusion of `a.b`.
      if (typeof v !== 'string' && !isPlainObject(v)) return undefined;
      const child = compileStep(k, v);
      if (!child) return undefined;
      children.push(child);
    }
    children.sort(byKey);
    return { key, children };
  }
  return undefined;
}

function compileMap(spec: unknown): MapStep | undefined {
  if (!isPlainObject(spec) || Object.keys(spec).length !== 3) return undefined;
  const { input, as, in: each } = spec;
  if (typeof input !== 'string' || !input.startsWith('$') || input.startsWith('$$')) return undefined;
  const inputPath = plainPath(input.slice(1));
  if (!inputPath || typeof as !== 'string' || !PLAIN_FIELD.test(as)) return undefined;
  if (!isPlainObject(each) || Object.keys(each).length === 0) return undefined;
  const fields: [string, string[]][] = [];
  for (const [k, v] of Object.entries(each)) {
    if (!PLAIN_FIELD.test(k) || typeof v !== 'string') return undefined;
    const [variable, ...rest] = v.split('.');
    const path = rest.length ? plainPath(rest.join('.')) : [];
    if (variable !== `$$${as}` || !path) return undefined;
    fields.push([k, path]);
  }
  return { input: inputPath, fields };
}

/** mingo's `$map` over the plain paths: null for a missing or null input; an input that is not an array is mingo's error to give. */
function buildMap(map: MapStep, doc: Doc): unknown {
  const input = resolvePath(doc, map.input);
  if (input === CROSSES_ARRAY) return CROSSES_ARRAY;
  if (input === undefined || input === null) return null;
  if (!Array.isArray(input)) return CROSSES_ARRAY;
  const out: unknown[] = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const o: Doc = {};
    for (const [k, path] of map.fields) {
      const v = resolvePath(input[i], path);
      if (v === CROSSES_ARRAY) return CROSSES_ARRAY;
      o[k] = v;
    }
    out[i] = o;
  }
  return out;
}

function build(steps: Step[], doc: Doc): Doc | typeof CROSSES_ARRAY {
  const out: Doc = {};
  for (const step of steps) {
    const value =
      'field' in step
        ? doc[step.key]
        : 'map' in step
          ? buildMap(step.map, doc)
          : 'path' in step
            ? resolvePath(doc, step.path)
            : build(step.children, doc);
    if (value === CROSSES_ARRAY) return CROSSES_ARRAY;
    // mingo keeps a computed field that resolved to nothing as `undefined` (JSON then drops it).
    if (value !== undefined || !('field' in step)) out[step.key] = value;
  }
  return out;
}

function resolvePath(doc: unknown, path: string[]): unknown {
  let cur: unknown = doc;
  for (const segment of path) {
    if (Array.isArray(cur)) return CROSSES_ARRAY;
    if (!isPlainObject(cur)) return undefined;
    cur = cur[segment];
  }
  return cur;
}
