/** The demo's department batch (scripts/seed.ts): 市场监管局 staff can walk 生码 → print → claim on it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../core';
import { DEMO_BATCH_ID, DEMO_OPENIDS, seed } from '../../scripts/seed';
import { startTestCloud, type TestCloud } from '../support/local-cloud';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
  await seed({ url: cloud.url }, chinaDate(new Date()), 0.02);
}, 120_000);
afterAll(async () => {
  await cloud?.close();
});

describe('demo batch', () => {
  it('the department issues codes for its batch; the merchant demo user claims one', async () => {
    const res = await cloud.call('staff', DEMO_OPENIDS.department, { action: 'issueCodes', batchId: DEMO_BATCH_ID });
    expect(res.ok, JSON.stringify(res.error)).toBe(true);
    expect(res.data.issued).toHaveLength(6);
    expect(res.data.skipped).toEqual([]);
    expect(res.data.issued.map((i: any) => i.entityName)).toContain('鹤岗市向阳区新开张便民超市');
    const first = res.data.issued[0];
    const claimed = await cloud.call('merchant', DEMO_OPENIDS.merchant, {
      action: 'claimCode',
      uscc: first.uscc,
      claimCode: first.claimCode,
    });
    expect(claimed.ok, JSON.stringify(claimed.error)).toBe(true);
    const verified = await cloud.call('public', '', { action: 'verifyCode', url: first.url });
    expect(verified.data).toMatchObject({ verdict: 'valid', label: '有效' });
  });
});
