/**
 * The 公开类型 migration: commitments stored as 社会公开 are hidden from public pages (which show only
 * 可向社会公开) until renamed; the migration renames exactly those, in batches, audited, and can run again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPublicityMigration } from '../../scripts/migrate-publicity';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';

let cloud: TestCloud;
let shop: CodedEntity;
const OLD = 150;

beforeAll(async () => {
  cloud = await startTestCloud();
  const uscc = testUscc('230402', 4321);
  shop = await seedCodedEntity(cloud.db, { uscc });
  const commitment = (n: number, publicity: string) => ({
    promiserName: shop.entity.name,
    promiserCategory: '法人',
    promiserCode: uscc,
    uscc,
    commitmentType: '主动型',
    commitmentArea: '市场主体承诺书',
    field: '市场监管',
    reason: '主动型，自愿作出承诺',
    content: `第${n}份承诺：依法诚信经营`,
    liability: '自愿承担相应责任。',
    committedOn: '2026-03-01',
    publicity,
    status: 'approved',
    source: { kind: 'self', openid: 'oOwner' },
    dedupKey: `pub-${n}`,
    createdAt: new Date(Date.UTC(2026, 2, 1, 0, n)),
  });
  const coll = cloud.db.collection('commitments');
  for (let i = 0; i < OLD; i += 25) {
    await Promise.all(Array.from({ length: 25 }, (_v, k) => coll.add({ data: commitment(i + k, '社会公开') })));
  }
  await coll.add({ data: commitment(900, '政务共享') });
});

afterAll(async () => {
  await cloud?.close();
});

async function shownCommitments(): Promise<number> {
  const res = await cloud.call('public', '', { action: 'records', uscc: shop.entity.uscc, kind: 'commitments', limit: 50 });
  expect(res.ok).toBe(true);
  let n = res.data.items.length;
  let offset = n;
  let more = res.data.more;
  while (more) {
    const next = await cloud.call('public', '', { action: 'records', uscc: shop.entity.uscc, kind: 'commitments', offset, limit: 50 });
    n += next.data.items.length;
    offset += next.data.items.length;
    more = next.data.more;
  }
  return n;
}

describe('renameOldPublicity', () => {
  it('makes the 社会公开 commitments public as 可向社会公开, leaves the others alone, audits each batch', async () => {
    expect(await shownCommitments()).toBe(0);
    const lines: string[] = [];
    expect(await runPublicityMigration(cloud.url, (l) => lines.push(l))).toBe(OLD);
    expect(lines.at(-1)).toBe(`已将公开类型“社会公开”更正为“可向社会公开”：${OLD} 条主动承诺`);
    expect(await shownCommitments()).toBe(OLD);
    const left = (await cloud.db.collection('commitments').where({ publicity: '社会公开' }).count()).total;
    expect(left).toBe(0);
    const shared = (await cloud.db.collection('commitments').where({ publicity: '政务共享' }).count()).total;
    expect(shared).toBe(1);
    const audits = (await cloud.db.collection('auditLog').where({ action: 'migration.publicity' }).get()).data;
    expect(audits.map((a: { after: { updated: number } }) => a.after.updated).sort((a: number, b: number) => b - a)).toEqual([100, 50]);
    // Run again: nothing left to do, nothing written.
    const before = cloud.writeVersion();
    expect(await runPublicityMigration(cloud.url)).toBe(0);
    expect(cloud.writeVersion()).toBe(before);
  }, 120_000);
});
