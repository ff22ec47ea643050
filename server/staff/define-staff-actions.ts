/**
 * The staff functions' actions: the caller's staff record is loaded from the openid WeChat vouches
 * for before anything else (someone who is not staff is refused FORBIDDEN whatever they sent), then
 * the input is parsed by the contract and the action runs with both.
 */
import { parseOrThrow } from '../../core';
import type { Contract, OutputOf, ParsedOf } from '../../core/contract/define';
import type { Action, ActionContext } from '../handler';
import { loadStaff, type Staff } from './roles';

export interface StaffContext extends ActionContext {
  /** The active staff record of the caller: role, district, department. */
  readonly staff: Staff;
}

export type StaffImplementation<C extends Contract> = {
  readonly [K in keyof C]: (input: ParsedOf<C[K]>, ctx: StaffContext) => Promise<OutputOf<C[K]>>;
};

export function defineStaffActions<C extends Contract>(contract: C, implementation: StaffImplementation<C>): Record<string, Action> {
  const actions: Record<string, Action> = {};
  for (const name of Object.keys(contract) as (keyof C & string)[]) {
    const spec = contract[name]!;
    const run = implementation[name];
    actions[name] = async (payload, ctx) => {
      const staff = await loadStaff(ctx.db, ctx.caller.openid);
      return run(parseOrThrow(spec.input, payload) as ParsedOf<C[typeof name]>, { ...ctx, staff });
    };
  }
  return actions;
}
