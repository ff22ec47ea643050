/**
 * mingo with one operator context for the whole emulator.
 *
 * mingo's public `Query`, `Aggregator`, `find` and `aggregate` copy all of its operator tables
 * (several hundred entries) every time one is built: `ComputeOptions.init` calls `Context.from`
 * unless it is handed a `ComputeOptions` instance, which it then shares. A scan built 17 of them,
 * about 1 ms of the emulator's time per scan. mingo does not export `ComputeOptions`, so its class
 * is taken once from the options a pipeline operator receives, and every query and aggregation
 * here shares one instance (test/localcloud/mingo.test.ts shows both the copies and their absence).
 */
import { Aggregator } from 'mingo/aggregator';
import { Context, ProcessingMode } from 'mingo/core';
import type { Cursor } from 'mingo/cursor';
import * as accumulator from 'mingo/operators/accumulator';
import * as expression from 'mingo/operators/expression';
import * as pipeline from 'mingo/operators/pipeline';
import * as projection from 'mingo/operators/projection';
import * as query from 'mingo/operators/query';
import * as window from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { encodeDoc, isPlainObject, PLAIN_FIELD, type Doc } from './wire';

/** The operators mingo's own entry point registers, in one context built once. */
const CONTEXT = Context.init({ accumulator, expression, pipeline, projection, query, window } as Parameters<typeof Context.init>[0]);

/** What is used of mingo's ComputeOptions (typed in mingo, not exported). */
interface ComputeOptions extends Options {
  readonly options: Options;
  update(locals: { variables?: Doc }): ComputeOptions;
}

type OptionsClass = {
  new (options: Options, locals?: object): ComputeOptions;
  init(options: Partial<Options> | ComputeOptions): ComputeOptions;
};

/** mingo's ComputeOptions class, as its pipeline operators receive an instance of it. */
const ComputeOptionsClass: OptionsClass = (() => {
  let seen: ComputeOptions | undefined;
  const probe = Context.init({
    pipeline: {
      $captureOptions: (coll: unknown, _expr: unknown, options: ComputeOptions) => {
        seen = options;
        return coll;
      },
    },
  } as unknown as Parameters<typeof Context.init>[0]);
  new Aggregator([{ $captureOptions: 1 }], { context: probe }).run([]);
  if (!seen) throw new Error('mingo: could not obtain ComputeOptions');
  return seen.constructor as OptionsClass;
})();

/** The defaults mingo's entry point uses, with the shared context. */
const SHARED = ComputeOptionsClass.init({
  idKey: '_id',
  scriptEnabled: true,
  useStrictMode: true,
  failOnError: true,
  processingMode: ProcessingMode.CLONE_OFF,
  context: CONTEXT,
});

/** Options sharing the context, with `collectionResolver` for `$lookup`s and `variables` for `$$` references. */
function options(extra?: { collectionResolver?: Options['collectionResolver']; variables?: Doc }): ComputeOptions {
  if (!extra?.collectionResolver && !extra?.variables) return SHARED;
  const base = extra.collectionResolver
    ? new ComputeOptionsClass({ ...SHARED.options, collectionResolver: extra.collectionResolver })
    : SHARED;
  return extra.variables ? ComputeOptionsClass.init(base).update({ variables: extra.variables }) : base;
}

export type MingoOptions = Parameters<typeof options>[0];

/** A compiled MongoDB query. */
export function mingoQuery(condition: Doc): Query {
  return new Query(condition, SHARED);
}

/** Queries with `$$` variables, compiled once per text: a scan's joins send the same few every time. */
const withVariables = new Map<string, (doc: Doc, variables: Doc) => boolean>();
const WITH_VARIABLES_MAX = 256;

/**
 * A query whose `$$name` references read the `variables` given to each test. Compiled once per
 * condition (keyed by its EJSON text, so a date and its ISO string stay apart); the variables live in
 * one object the compiled query reads at evaluation time, refilled before every test (tests are
 * synchronous, so two never interleave).
 */
export function variableQuery(condition: Doc): (doc: Doc, variables: Doc) => boolean {
  const text = encodeDoc(condition);
  let test = withVariables.get(text);
  if (!test) {
    const bound: Doc = {};
    const query = new Query(condition, new ComputeOptionsClass({ ...SHARED.options, variables: bound }));
    const full = (doc: Doc, variables: Doc): boolean => {
      for (const k of Object.keys(bound)) delete bound[k];
      Object.assign(bound, variables);
      return query.test(doc);
    };
    const join = joinTest(condition, text);
    test = join ? (doc, variables) => join(doc, variables) ?? full(doc, variables) : full;
    if (withVariables.size >= WITH_VARIABLES_MAX) withVariables.clear();
    withVariables.set(text, test);
  }
  return test;
}

/**
 * The join every sub-lookup starts with, `{$expr: {$eq: ['$field', '$$name']}}` beside plain
 * conditions, tested without mingo's expression machinery (about 6 µs a document) when the variable
 * holds a string and the field a scalar: `$eq` is then `===`. Answers undefined, for mingo to
 * decide, for anything else.
 */
function joinTest(condition: Doc, text: string): ((doc: Doc, variables: Doc) => boolean | undefined) | undefined {
  // The join's variable must be the only one, so the other clauses compile without variables.
  if (text.split('"$$').length !== 2) return undefined;
  const clauses = Array.isArray(condition.$and) && Object.keys(condition).length === 1 ? (condition.$and as unknown[]) : [condition];
  const at = clauses.findIndex((c) => joinClause(c) !== undefined);
  if (at < 0) return undefined;
  const { field, variable } = joinClause(clauses[at])!;
  const rest = clauses.filter((_c, i) => i !== at) as Doc[];
  const others = mingoQuery(rest.length ? { $and: rest } : {});
  return (doc, variables) => {
    const want = variables[variable];
    if (typeof want !== 'string') return undefined;
    const have = doc[field];
    if (typeof have === 'string') return have === want && others.test(doc);
    // mingo's $eq also matches an array holding the string; leave arrays and objects to it.
    return have !== null && typeof have === 'object' ? undefined : false;
  };
}

/** `{$expr: {$eq: ['$field', '$$variable']}}` and nothing else: the join's two sides. */
function joinClause(clause: unknown): { field: string; variable: string } | undefined {
  if (!isPlainObject(clause) || Object.keys(clause).length !== 1) return undefined;
  const expr = clause.$expr;
  return isPlainObject(expr) && Object.keys(expr).length === 1 ? fieldVariableEquality(expr.$eq) : undefined;
}

/**
 * `['$field', '$$variable']`, in either order, with a top-level field and a plain variable name:
 * the two sides of an `$expr` join. Undefined for any other `$eq` operands.
 */
export function fieldVariableEquality(eq: unknown): { field: string; variable: string } | undefined {
  if (!Array.isArray(eq) || eq.length !== 2 || typeof eq[0] !== 'string' || typeof eq[1] !== 'string') return undefined;
  const field = (x: string) => (x.startsWith('$') && !x.startsWith('$$') && PLAIN_FIELD.test(x.slice(1)) ? x.slice(1) : undefined);
  const variable = (x: string) => (x.startsWith('$$') && PLAIN_FIELD.test(x.slice(2)) ? x.slice(2) : undefined);
  const [a, b] = eq as [string, string];
  if (field(a) && variable(b)) return { field: field(a)!, variable: variable(b)! };
  if (variable(a) && field(b)) return { field: field(b)!, variable: variable(a)! };
  return undefined;
}

/** Run a pipeline over `docs` with MongoDB semantics. */
export function mingoAggregate(docs: Doc[], stages: Doc[], opts?: MingoOptions): Doc[] {
  return new Aggregator(stages, options(opts)).run(docs) as Doc[];
}

/** `find(docs, {}, projection)`: a cursor to sort, skip, limit. */
export function mingoFind(docs: Doc[], projection?: Doc): Cursor<Doc> {
  return new Query({}, SHARED).find<Doc>(docs, projection);
}
