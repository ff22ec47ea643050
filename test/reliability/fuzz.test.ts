/**
 * Every action of every function, fed random and hostile events through the real SDK path:
 * never a crash (INTERNAL), always a stable code with a Chinese message, and a refused
 * event stores nothing (the emulator's write counter does not move).
 * `npm test` runs a quick pass; `npm run reliability` runs many more events per action.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { hostileEvent, isStableError } from './hostile';

const RUNS = Number(process.env.FUZZ_RUNS ?? '12');

const CITY_ADMIN = 'fuzz-city-admin';
const FUNCTIONS = {
  merchant: {
    caller: 'fuzz-merchant',
    actions: [
      'applyCode',
      'myEntities',
      'myCode',
      'submitCommitment',
      'myCommitments',
      'submitObjection',
      'withdrawApplication',
      'myApplications',
    ],
  },
  public: {
    caller: '',
    actions: ['verifyCode', 'profile', 'search', 'report', 'records', 'reportStatus', 'myReports', 'countScan', 'street', 'inspections'],
  },
  staff: {
    caller: CITY_ADMIN,
    actions: [
      'applications',
      'reviewApplication',
      'reviewCommitment',
      'districtStats',
      'statsHistory',
      'bulletin',
      'suspendCode',
      'revokeCode',
      'staffMembers',
      'withdrawRecord',
      'correctRecord',
    ],
  },
  staffFiles: { caller: CITY_ADMIN, actions: ['importRecords', 'importTemplate', 'exportBulletin'] },
} as const;

/** Actions that only read: they must never write, whatever they answer. */
const READS = new Set([
  'myApplications',
  'myEntities',
  'myCode',
  'myCommitments',
  'verifyCode',
  'profile',
  'search',
  'records',
  'reportStatus',
  'myReports',
  'street',
  'inspections',
  'applications',
  'districtStats',
  'statsHistory',
  'bulletin',
  'exportBulletin',
  'importTemplate',
]);

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
  await cloud.db.collection('staff').add({
    data: { openid: CITY_ADMIN, name: '模糊测试管理员', role: 'city', active: true, createdAt: new Date() },
  });
});
afterAll(async () => {
  await cloud?.close();
});

describe.each(Object.entries(FUNCTIONS))('%s function under hostile events', (fn, { caller, actions }) => {
  it.each(actions)('%s: stable errors, nothing stored on refusal', async (action) => {
    await fc.assert(
      fc.asyncProperty(hostileEvent(action), async (event) => {
        const before = cloud.writeVersion();
        const result = await cloud.call(fn as keyof typeof FUNCTIONS, caller, event);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(isStableError(result.error), JSON.stringify(result.error)).toBe(true);
          expect(cloud.writeVersion()).toBe(before);
        } else if (READS.has(action)) {
          expect(cloud.writeVersion()).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('events that are not objects, or name no action', () => {
  const bad: unknown[] = [
    null,
    42,
    'verifyCode',
    [],
    [{ action: 'verifyCode' }],
    {},
    { action: 42 },
    { action: 'constructor' },
    { action: '__proto__' },
    { action: 'toString' },
    { action: 'x'.repeat(100_000) },
  ];
  it.each(Object.keys(FUNCTIONS))('%s refuses each with a stable code', async (fn) => {
    for (const event of bad) {
      const before = cloud.writeVersion();
      const result = await cloud.call(fn as keyof typeof FUNCTIONS, 'someone', event);
      expect(result.ok, JSON.stringify(event).slice(0, 80)).toBe(false);
      expect(['INVALID_EVENT', 'UNKNOWN_ACTION']).toContain(result.error?.code);
      expect(isStableError(result.error)).toBe(true);
      expect(cloud.writeVersion()).toBe(before);
    }
  });
});
