/** `npm run seed`: the demo data set, written twice into a temp local cloud through its HTTP bulk load. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICTS, isValidUscc } from '../../core';
import { generateDemoData, PLAN, seed } from '../../scripts/seed';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../localcloud';
import { startHarness, type Harness } from './helpers';

const TODAY = '2026-11-23';
let h: Harness;
/** A tenth of the real size keeps the test light; the proportions are the same. */
const SCALE = 0.1;
const data = generateDemoData(TODAY, SCALE);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of Object.keys(data)) out[c] = (await h.db.collection(c).count()).total;
  return out;
}

describe('demo data', () => {
  it('is deterministic', () => {
    const again = generateDemoData(TODAY, SCALE);
    expect(again.entities.length).toBe(data.entities.length);
    expect(again.entities.slice(0, 50)).toEqual(data.entities.slice(0, 50));
    expect(again.codes.map((c) => c._id)).toEqual(data.codes.map((c) => c._id));
  });

  it('has about 60,000 entities with valid USCCs whose area code is their district', () => {
    const full = Object.values(PLAN).reduce((n, p) => n + p.entities, 0);
    expect(full).toBeGreaterThan(55_000);
    expect(full).toBeLessThan(65_000);
    expect(data.entities.length).toBe(Math.round(full * SCALE));
    for (const e of data.entities) {
      expect(isValidUscc(e.uscc), e.uscc).toBe(true);
      expect(e.uscc.slice(2, 8)).toBe(e.districtCode);
      expect(e.name.startsWith('鹤岗市') || /^(萝北县|绥滨县)/.test(e.name), e.name).toBe(true);
    }
    expect(new Set(data.entities.map((e) => e.uscc)).size).toBe(data.entities.length);
  });

  it('codes and 信易贷 registrations are 5–25% of each district, and districts differ', () => {
    const rates: number[] = [];
    for (const d of DISTRICTS) {
      const total = data.entities.filter((e) => e.districtCode === d.code).length;
      const active = data.codes.filter((c) => c.districtCode === d.code && c.status === 'active').length;
      const latest = data.districtTotals
        .filter((t) => t.districtCode === d.code)
        .sort((a, b) => (a.asOf < b.asOf ? -1 : 1))
        .at(-1)!;
      expect(latest.marketEntities).toBe(total);
      expect(active / total).toBeGreaterThanOrEqual(0.05);
      expect(active / total).toBeLessThanOrEqual(0.25);
      expect(latest.xinyidaiRegistered / total).toBeGreaterThanOrEqual(0.04);
      expect(latest.xinyidaiRegistered / total).toBeLessThanOrEqual(0.25);
      rates.push(active / total);
      expect(data.codes.some((c) => c.districtCode === d.code && c.status === 'suspended')).toBe(true);
    }
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.1);
    expect(data.codes.some((c) => c.status === 'revoked' && c.liveKey === undefined)).toBe(true);
  });

  it('rate snapshots rise over 60 days and end at the live counts', () => {
    expect(data.rateSnapshots).toHaveLength(60);
    const first = data.rateSnapshots[0]!.city.basisPoints!;
    const last = data.rateSnapshots.at(-1)!;
    expect(last.city.basisPoints!).toBeGreaterThan(first);
    expect(last.date).toBe(TODAY);
    expect(last.city.coded).toBe(data.codes.filter((c) => c.status === 'active').length);
  });

  it('dates nothing after today', () => {
    const endOfToday = new Date(`${TODAY}T23:59:59+08:00`).getTime();
    for (const [coll, docs] of Object.entries(data)) {
      for (const d of docs as unknown as Record<string, unknown>[]) {
        for (const k of ['createdAt', 'issuedAt', 'reviewedAt', 'takenAt']) {
          const v = d[k];
          if (v instanceof Date) expect(v.getTime(), `${coll}.${k}`).toBeLessThanOrEqual(endOfToday);
        }
        for (const k of ['committedOn', 'collectedOn', 'asOf', 'date']) {
          if (typeof d[k] === 'string') expect(d[k] as string, `${coll}.${k}`).not.toBe('' as string);
          if (typeof d[k] === 'string') expect((d[k] as string) <= TODAY, `${coll}.${k} ${String(d[k])}`).toBe(true);
        }
      }
    }
  });

  it('has the demo callers: city admin, every district, a department', () => {
    const openids = data.staff.map((s) => s.openid);
    expect(openids).toContain('staff-city');
    for (const d of DISTRICTS) expect(openids).toContain(`staff-${d.code}`);
    expect(data.applications.filter((a) => a.status === 'pending')).toHaveLength(40);
    expect(data.entities.some((e) => e.ownerOpenids.includes('merchant-demo'))).toBe(true);
  });
});

describe('seed()', () => {
  it('loads it into a running local cloud; a second run leaves the same data', async () => {
    const first = await seed({ url: h.lc.url }, TODAY, SCALE);
    const after1 = await counts();
    expect(after1.entities).toBe(data.entities.length);
    expect(after1).toEqual(first);
    const version = h.lc.db.version;
    await seed({ url: h.lc.url }, TODAY, SCALE);
    expect(await counts()).toEqual(after1);
    expect(h.lc.db.version).toBeGreaterThan(version);
    // Readable through the real SDK like any data: dates are Dates, indexes answer.
    const code = data.codes.find((c) => c.status === 'active')!;
    const got = (await h.db.collection('codes').doc(code._id).get()).data;
    expect(got.issuedAt).toBeInstanceOf(Date);
    expect(got).toEqual(code);
    const { list } = await h.db
      .collection('codes')
      .aggregate()
      .match({ status: 'active' })
      .group({ _id: '$districtCode', n: h.db.command.aggregate.sum(1) })
      .end();
    expect(list.reduce((n: number, g: { n: number }) => n + g.n, 0)).toBe(data.rateSnapshots.at(-1)!.city.coded);
  }, 60_000);

  it("writes straight into a stopped local cloud's data folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-data-'));
    try {
      await seed({ dataDir: dir }, TODAY, SCALE);
      await seed({ dataDir: dir }, TODAY, SCALE);
      const { db, close } = openDatabase(dir);
      expect(db.collection('entities').size).toBe(data.entities.length);
      expect(db.collection('codes').size).toBe(data.codes.length);
      close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
