/** server/limits.ts: counters that hold under 100 concurrent calls, through the real SDK. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../core';
import { releaseSlot, takeDailyQuota, takeSlot } from '../../server/limits';
import type { Database } from '../../server/cloud';
import { startTestCloud, type TestCloud } from '../support/local-cloud';

let cloud: TestCloud;
let db: Database;

beforeAll(async () => {
  cloud = await startTestCloud();
  db = cloud.db as unknown as Database;
});
afterAll(async () => {
  await cloud?.close();
});

describe('takeSlot', () => {
  it('lets exactly `limit` of 100 concurrent takers through', async () => {
    const now = new Date();
    const taken = await Promise.all(Array.from({ length: 100 }, () => takeSlot(db, 'race:a', 7, now)));
    expect(taken.filter(Boolean)).toHaveLength(7);
    expect(await takeSlot(db, 'race:a', 7, now)).toBe(false);
  });

  it('gives a slot back once, and never below zero', async () => {
    const now = new Date();
    expect(await takeSlot(db, 'hold:b', 1, now)).toBe(true);
    expect(await takeSlot(db, 'hold:b', 1, now)).toBe(false);
    await releaseSlot(db, 'hold:b');
    await releaseSlot(db, 'hold:b');
    expect(await takeSlot(db, 'hold:b', 1, now)).toBe(true);
    expect(await takeSlot(db, 'hold:b', 1, now)).toBe(false);
  });
});

describe('takeDailyQuota', () => {
  const tooMany = () => new DomainError('TOO_MANY', '今天太多了');

  it('counts per person per China date, and refuses anonymous callers', async () => {
    const day1 = new Date('2026-11-30T15:00:00Z'); // 23:00 in Beijing
    const day2 = new Date('2026-11-30T16:30:00Z'); // 00:30 the next day in Beijing
    await takeDailyQuota(db, 'report', 'o1', 2, day1, tooMany);
    await takeDailyQuota(db, 'report', 'o1', 2, day1, tooMany);
    await expect(takeDailyQuota(db, 'report', 'o1', 2, day1, tooMany)).rejects.toMatchObject({ code: 'TOO_MANY' });
    await takeDailyQuota(db, 'report', 'o2', 2, day1, tooMany);
    await takeDailyQuota(db, 'report', 'o1', 2, day2, tooMany);
    await expect(takeDailyQuota(db, 'report', '', 2, day1, tooMany)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
