/**
 * The public function at city scale, through the real wx-server-sdk against the local cloud:
 * name search through the `nameKeys` index (ranked, paged, normalised), bounded reads for scans
 * (documents examined stay small however many records an entity holds), withdrawn records never
 * shown, and 查看全部 paging with public.records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameSearchKeys } from '../../core/search-keys';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';

let cloud: TestCloud;
let many: CodedEntity;

const importSource = {
  kind: 'import',
  department: '市税务局',
  importedBy: 'oStaffSecret',
  importedAt: new Date('2026-05-01T02:00:00Z'),
  batch: 'b1',
};
const HONOURS = 300;

async function stats(): Promise<{ databaseRequests: number; documentsExamined: number }> {
  return (await (await fetch(`${cloud.url}/_stats`)).json()) as { databaseRequests: number; documentsExamined: number };
}

/** Call the public function and measure database calls and documents examined. */
async function measured(data: Record<string, unknown>) {
  const before = await stats();
  const res = await cloud.call('public', '', data);
  const after = await stats();
  return { res, calls: after.databaseRequests - before.databaseRequests, examined: after.documentsExamined - before.documentsExamined };
}

function day(i: number): string {
  return new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  cloud = await startTestCloud();
  many = await seedCodedEntity(cloud.db, { uscc: testUscc('230404', 4242), name: '南山区记录很多的商贸有限公司' });
  const honours = Array.from({ length: HONOURS }, (_v, i) => ({
    _id: `h-many-${String(i).padStart(4, '0')}`,
    entityName: many.entity.name,
    uscc: many.entity.uscc,
    issuer: '部门',
    basis: `荣誉${i}`,
    // Two records per day, so ties are broken by _id.
    collectedOn: day(Math.floor(i / 2)),
    ...(i % 50 === 7 ? { validUntil: '2021-01-01' } : {}),
    ...(i % 25 === 3 ? { withdrawn: true, withdrawal: { at: new Date(), by: 'oStaff', reason: '误报' } } : {}),
    source: importSource,
    dedupKey: `many-${i}`,
    createdAt: new Date(),
  }));
  // The SDK adds at most one document per call; a few in parallel keep the arrangement quick.
  for (let i = 0; i < honours.length; i += 20)
    await Promise.all(honours.slice(i, i + 20).map((data) => cloud.db.collection('honours').add({ data })));
  const commitment = (n: number, over: Record<string, unknown>) => ({
    promiserName: many.entity.name,
    promiserCategory: '法人',
    promiserCode: many.entity.uscc,
    uscc: many.entity.uscc,
    commitmentType: '主动型',
    commitmentArea: '市场主体承诺书',
    field: '商务',
    reason: '主动型，自愿作出承诺',
    content: `承诺${n}`,
    liability: '自愿承担相应责任。',
    committedOn: day(n),
    publicity: '可向社会公开',
    status: 'approved',
    source: importSource,
    dedupKey: `mc-${n}`,
    createdAt: new Date(),
    ...over,
  });
  await cloud.db.collection('commitments').add({ data: commitment(1, {}) });
  await cloud.db.collection('commitments').add({ data: commitment(2, { withdrawn: true }) });
  await cloud.db.collection('commitments').add({ data: commitment(3, { status: 'pending' }) });
  await cloud.db.collection('commitments').add({ data: commitment(4, { publicity: '政务共享' }) });

  for (const [n, name] of [
    [1, '鹤岗市老王烧烤店'],
    [2, '老王烧烤'],
    [3, '老王烧烤店'],
    [4, '向阳区老王家烧烤'],
    [5, 'ＡＢＣ超市（鹤岗）'],
  ] as const) {
    await seedCodedEntity(cloud.db, { uscc: testUscc('230402', 7000 + n), name });
  }
  // Stored before nameKeys existed: not found until migrated (docs/scale.md).
  await cloud.db.collection('entities').add({
    data: {
      _id: 'legacy',
      uscc: testUscc('230402', 7100),
      name: '老王烧烤旧店',
      category: 'company',
      districtCode: '230402',
      address: 'x',
      field: '商务',
      ownerOpenids: [],
      createdAt: new Date(),
      updatedAt: new Date(),
    },
  });
});

afterAll(async () => {
  await cloud?.close();
});

/** The public honours in 查看全部 order: newest 获得日期 first, then _id descending; never withdrawn or expired. */
function expectedHonours(): string[] {
  return Array.from({ length: HONOURS }, (_v, i) => i)
    .filter((i) => i % 50 !== 7 && i % 25 !== 3)
    .sort((a, b) => day(Math.floor(b / 2)).localeCompare(day(Math.floor(a / 2))) || b - a)
    .map((i) => `荣誉${i}`);
}

describe('bounded scans', () => {
  it('a scan of an entity with hundreds of records reads a bounded number of documents, in one call', async () => {
    const { res, calls, examined } = await measured({ action: 'verifyCode', codeId: many.code._id });
    expect(res.ok).toBe(true);
    expect(calls).toBe(1);
    // 1 code + 1 entity + ≤ 5 codes + 4 kinds × (10 shown + 1 "more"), plus the filtered-out ones walked past.
    expect(examined).toBeLessThanOrEqual(60);
    const p = res.data.profile;
    expect(p.honours.map((h: any) => h.basis)).toEqual(expectedHonours().slice(0, 10));
    expect(p.moreRecords).toEqual({ honours: true });
    expect(p.commitments.map((c: any) => c.content)).toEqual(['承诺1']);
  });

  it('the profile by USCC is bounded the same way', async () => {
    const { res, calls, examined } = await measured({ action: 'profile', uscc: many.entity.uscc });
    expect(res.ok).toBe(true);
    expect(calls).toBe(1);
    expect(examined).toBeLessThanOrEqual(60);
    expect(res.data.profile.honours).toHaveLength(10);
  });
});

describe('public.records (查看全部)', () => {
  it('pages through every public record of a kind, newest first, without overlap or withdrawn ones', async () => {
    const titles: string[] = [];
    for (let offset = 0; ; offset += 25) {
      const { res, calls, examined } = await measured({ action: 'records', uscc: many.entity.uscc, kind: 'honours', offset, limit: 25 });
      expect(res.ok).toBe(true);
      expect(calls).toBe(1);
      // The entity and offset + limit + 1 records, plus those walked past (withdrawn, expired).
      expect(examined).toBeLessThanOrEqual(1 + Math.ceil((offset + 26) * 1.2));
      titles.push(...res.data.items.map((h: any) => h.basis));
      expect(JSON.stringify(res.data)).not.toContain('oStaffSecret');
      if (!res.data.more) break;
    }
    expect(titles).toEqual(expectedHonours());
  });

  it('commitments: only approved, 可向社会公开 and not withdrawn', async () => {
    const res = await cloud.call('public', '', { action: 'records', uscc: many.entity.uscc, kind: 'commitments' });
    expect(res.data.items.map((c: any) => c.content)).toEqual(['承诺1']);
    expect(res.data.more).toBe(false);
  });

  it('bad input is INVALID_INPUT in Chinese; an unknown entity is ENTITY_NOT_FOUND', async () => {
    for (const data of [
      { uscc: many.entity.uscc, kind: 'secrets' },
      { uscc: many.entity.uscc, kind: 'honours', offset: 5000 },
      { uscc: many.entity.uscc, kind: 'honours', limit: 500 },
      { uscc: 'nope', kind: 'honours' },
    ]) {
      const res = await cloud.call('public', '', { action: 'records', ...data });
      expect(res.error?.code).toBe('INVALID_INPUT');
      expect(res.error?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const unknown = await cloud.call('public', '', { action: 'records', uscc: testUscc('230405', 31337), kind: 'honours' });
    expect(unknown.error?.code).toBe('ENTITY_NOT_FOUND');
  });
});

describe('name search through the index', () => {
  it('ranks exact, then prefix, then fragment matches, and pages them', async () => {
    const { res, calls, examined } = await measured({ action: 'search', keyword: '老王烧烤' });
    expect(calls).toBe(1);
    expect(res.data.items.map((i: any) => i.name)).toEqual(['老王烧烤', '老王烧烤店', '鹤岗市老王烧烤店']);
    expect(res.data.total).toBe(3);
    // 向阳区老王家烧烤 holds every bigram but 王烧: not a candidate; no document beyond the matches is read.
    expect(examined).toBeLessThanOrEqual(5 * 3);
    const page2 = await cloud.call('public', '', { action: 'search', keyword: '老王烧烤', offset: 1, limit: 1 });
    expect(page2.data).toMatchObject({ total: 3, more: true });
    expect(page2.data.items.map((i: any) => i.name)).toEqual(['老王烧烤店']);
  });

  it('normalises full-width letters, case and spaces on both sides', async () => {
    const res = await cloud.call('public', '', { action: 'search', keyword: 'abc 超市' });
    expect(res.data.items.map((i: any) => i.name)).toEqual(['ＡＢＣ超市（鹤岗）']);
    expect(nameSearchKeys('ＡＢＣ超市')).toEqual(['ab', 'bc', 'c超', '超市']);
  });

  it('a name stored without nameKeys is not found by fragment (it needs the backfill)', async () => {
    const res = await cloud.call('public', '', { action: 'search', keyword: '烧烤旧店' });
    expect(res.data.items).toEqual([]);
  });

  it('a keyword of one character is refused, also one outside the basic plane (two UTF-16 units)', async () => {
    const res = await cloud.call('public', '', { action: 'search', keyword: '\u{20000}' });
    expect(res.error?.code).toBe('INVALID_INPUT');
  });
});
