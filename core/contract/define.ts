/**
 * The contract between the mini-program and the cloud functions, written once: for every action its
 * zod input schema (which the handler parses before the action runs) and the type of what it answers.
 * The functions implement it (server/define-actions.ts) and the mini-program calls it
 * (miniprogram/services/call.ts), so a changed answer breaks whichever side no longer fits.
 */
import type * as z from 'zod';

/** One action: the schema its payload must pass, and (as a type only, never a value) its answer. */
export interface ActionSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Never set: carries the answer's type to both sides. */
  readonly output?: O;
}

/** `action<Answer>()(inputSchema)`: curried so the answer is named and the input inferred. */
export function action<O>(): <I extends z.ZodType>(input: I) => ActionSpec<I, O> {
  return (input) => ({ input });
}

export type Contract = Readonly<Record<string, ActionSpec>>;

/** What a caller may send (before defaults and transforms). */
export type InputOf<S> = S extends ActionSpec<infer I, unknown> ? z.input<I> : never;
/** What the action receives (after parsing). */
export type ParsedOf<S> = S extends ActionSpec<infer I, unknown> ? z.output<I> : never;
/** What the action answers. */
export type OutputOf<S> = S extends ActionSpec<z.ZodType, infer O> ? O : never;
