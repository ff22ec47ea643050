/**
 * The one contract (core/contract): every action a function serves is declared there, and every
 * declared action is served; the handler parses the input with the contract's schema before the
 * action runs, and the action receives the parsed value.
 */
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { isDomainError } from '../../core';
import { action, CONTRACTS } from '../../core/contract';
import { defineActions } from '../../server/define-actions';
import type { ActionContext } from '../../server/handler';
import { merchantActions } from '../../server/merchant';
import { publicActions } from '../../server/public';
import { staffActions } from '../../server/staff/actions';
import { staffDocActions } from '../../server/staff/doc-actions';
import { staffFileActions } from '../../server/staff/file-actions';

const SERVED = {
  merchant: merchantActions,
  public: publicActions,
  staff: staffActions,
  staffFiles: staffFileActions,
  staffDocs: staffDocActions,
} as const;

describe('core/contract', () => {
  it.each(Object.keys(CONTRACTS) as (keyof typeof CONTRACTS)[])(
    'the %s function serves exactly the actions its contract declares',
    (fn) => {
      expect(Object.keys(SERVED[fn]).sort()).toEqual(Object.keys(CONTRACTS[fn]).sort());
    },
  );

  it('every served function has a contract', () => {
    expect(Object.keys(CONTRACTS).sort()).toEqual(Object.keys(SERVED).sort());
  });

  const ctx = { caller: { openid: 'o-test', appid: '' }, now: new Date(0) } as unknown as ActionContext;
  const contract = {
    count: action<{ doubled: number }>()(
      z.object({ n: z.coerce.number({ error: '数量应为数字' }).int().min(1, { error: '数量至少为1' }) }),
    ),
  };

  it('refuses an input the schema refuses with INVALID_INPUT and its Chinese message, without running the action', async () => {
    const run = vi.fn(async ({ n }: { n: number }) => ({ doubled: n * 2 }));
    const actions = defineActions(contract, { count: run });
    const error = await actions.count!({ n: 0 }, ctx).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('INVALID_INPUT');
    expect((error as Error).message).toBe('数量至少为1');
    expect(run).not.toHaveBeenCalled();
  });

  it('hands the action the parsed input, not the payload', async () => {
    const run = vi.fn(async ({ n }: { n: number }) => ({ doubled: n * 2 }));
    const actions = defineActions(contract, { count: run });
    await expect(actions.count!({ n: '21', extra: { $ne: null } }, ctx)).resolves.toEqual({ doubled: 42 });
    expect(run).toHaveBeenCalledWith({ n: 21 }, ctx);
  });
});
