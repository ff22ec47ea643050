/**
 * Implements a function's contract (core/contract): each action receives its input already parsed by
 * the contract's schema (a failure is INVALID_INPUT with the first issue's Chinese message) and must
 * answer the contract's output type, so server and mini-program cannot drift apart.
 */
import { parseOrThrow } from '../core';
import type { Contract, OutputOf, ParsedOf } from '../core/contract/define';
import type { Action, ActionContext } from './handler';

export type Implementation<C extends Contract> = {
  readonly [K in keyof C]: (input: ParsedOf<C[K]>, ctx: ActionContext) => Promise<OutputOf<C[K]>>;
};

export function defineActions<C extends Contract>(contract: C, implementation: Implementation<C>): Record<string, Action> {
  const actions: Record<string, Action> = {};
  for (const name of Object.keys(contract) as (keyof C & string)[]) {
    const spec = contract[name]!;
    const run = implementation[name];
    actions[name] = async (payload, ctx) => run(parseOrThrow(spec.input, payload) as ParsedOf<C[typeof name]>, ctx);
  }
  return actions;
}
