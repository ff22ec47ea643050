/**
 * The public function through the real wx-server-sdk against the local cloud: scan verdicts,
 * the whitelist-built profile (no private data, ever), search and reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeUrl, SELF_DECLARED } from '../../core';
import { DEFAULT_CODE_URL_PREFIX } from '../../server/code-url';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, snapshot, testUscc, type CodedEntity } from '../support/coded-entity';

const OWNER = 'oOwnerOpenid_public_1';
const PHONE = '13912345678';
const OPERATOR = '张秘密';
const OPERATOR_ID = '230402199001011234';
let cloud: TestCloud;
let shop: CodedEntity;

async function dbCalls(): Promise<number> {
  const stats = (await (await fetch(`${cloud.url}/_stats`)).json()) as { databaseRequests: number };
  return stats.databaseRequests;
}

/** Call verifyCode and count the database requests it made. */
async function verify(data: Record<string, unknown>) {
  const before = await dbCalls();
  const res = await cloud.call('public', '', { action: 'verifyCode', ...data });
  return { res, calls: (await dbCalls()) - before };
}

const importSource = {
  kind: 'import',
  department: '鹤岗市税务局',
  importedBy: 'oStaffSecret',
  importedAt: new Date('2026-05-01T02:00:00Z'),
  batch: 'b1',
};
const selfSource = { kind: 'self', openid: OWNER };

beforeAll(async () => {
  cloud = await startTestCloud();
  const uscc = testUscc('230402', 1001);
  shop = await seedCodedEntity(cloud.db, {
    uscc,
    ownerOpenids: [OWNER],
    contactName: OPERATOR,
    contactPhone: PHONE,
    storefrontPhoto: 'cloud://env/storefront/1001.jpg',
    // A private field that is not in the model yet must not leak either.
    ...({ operatorIdNumber: OPERATOR_ID } as object),
  });
  const commitment = (over: Record<string, unknown>) => ({
    promiserName: shop.entity.name,
    promiserCategory: '法人',
    promiserCode: uscc,
    uscc,
    commitmentType: '主动型',
    commitmentArea: '市场主体承诺书',
    field: '市场监管',
    reason: '主动型，自愿作出承诺',
    content: '我企业依法诚信经营，自愿接受社会监督。',
    liability: '自愿承担相应责任。',
    committedOn: '2026-03-01',
    publicity: '可向社会公开',
    status: 'approved',
    source: selfSource,
    dedupKey: `k-${Math.random()}`,
    createdAt: new Date(),
    ...over,
  });
  await cloud.db.collection('commitments').add({ data: commitment({}) });
  await cloud.db.collection('commitments').add({ data: commitment({ publicity: '政务共享', content: '仅政务共享的承诺' }) });
  await cloud.db.collection('commitments').add({ data: commitment({ status: 'pending', content: '尚未审核的承诺' }) });
  await cloud.db.collection('honours').add({
    data: {
      entityName: shop.entity.name,
      uscc,
      issuer: '国家税务总局鹤岗市税务局',
      basis: '纳税信用等级评价方案',
      validUntil: '2099-07-22',
      collectedOn: '2026-04-20',
      source: importSource,
      dedupKey: 'h1',
      createdAt: new Date(),
    },
  });
  await cloud.db.collection('honours').add({
    data: {
      entityName: shop.entity.name,
      uscc,
      issuer: '某部门',
      basis: '已过期的荣誉',
      collectedOn: '2020-01-01',
      validUntil: '2021-01-01',
      source: importSource,
      dedupKey: 'h2',
      createdAt: new Date(),
    },
  });
  await cloud.db.collection('registrations').add({
    data: {
      entityName: shop.entity.name,
      uscc,
      itemName: '助学捐赠',
      content: '向本地小学捐赠图书',
      collectedOn: '2026-02-01',
      source: importSource,
      dedupKey: 'r1',
      createdAt: new Date(),
    },
  });
  await cloud.db.collection('otherInfo').add({
    data: {
      entityName: shop.entity.name,
      uscc,
      infoName: '鹤岗老字号',
      provider: '鹤岗市商务局',
      collectedOn: '2019-09-09',
      source: importSource,
      dedupKey: 'o1',
      createdAt: new Date(),
    },
  });
  // Another entity's records must not join in.
  await cloud.db.collection('honours').add({
    data: {
      entityName: '别家',
      uscc: testUscc('230403', 9),
      issuer: 'x',
      basis: '别家的荣誉',
      collectedOn: '2026-01-01',
      source: importSource,
      dedupKey: 'h3',
      createdAt: new Date(),
    },
  });
});

afterAll(async () => {
  await cloud?.close();
});

describe('verifyCode', () => {
  it('answers 有效 with the live server time and the public profile, in one database call', async () => {
    const before = Date.now();
    const { res, calls } = await verify({ codeId: shop.code._id, version: 1 });
    expect(res.ok).toBe(true);
    const d = res.data;
    expect(d).toMatchObject({ verdict: 'valid', label: '有效', tone: 'green', codeId: shop.code._id });
    expect(Date.parse(d.serverTime)).toBeGreaterThanOrEqual(before - 1000);
    expect(d.serverTimeText).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // Budget ≤ 3; the design needs one aggregate from the code.
    expect(calls).toBe(1);
    const p = d.profile;
    expect(p).toMatchObject({
      uscc: shop.entity.uscc,
      name: shop.entity.name,
      categoryName: '企业',
      districtName: '向阳区',
      field: '市场监管',
      industry: '商品零售',
      address: shop.entity.address,
      storefrontPhoto: 'cloud://env/storefront/1001.jpg',
    });
    expect(p.codeIssuedOn).toMatch(/^\d{4}-\d\d-\d\d$/);
    // Only the approved, 可向社会公开 commitment; self-declared items say so.
    expect(p.commitments.map((c: any) => c.content)).toEqual(['我企业依法诚信经营，自愿接受社会监督。']);
    expect(p.commitments[0].source).toEqual({ kind: 'self', label: SELF_DECLARED });
    // Imported items carry the department and date; expired honours and other entities' records are left out.
    expect(p.honours.map((h: any) => [h.basis, h.issuer, h.validity])).toEqual([
      ['纳税信用等级评价方案', '国家税务总局鹤岗市税务局', '有效期至 2099-07-22'],
    ]);
    expect(p.honours[0].source).toEqual({ kind: 'import', label: '鹤岗市税务局 · 2026-05-01' });
    expect(p.registrations).toHaveLength(1);
    expect(p.registrations[0].source.label).toBe(SELF_DECLARED);
    expect(p.otherInfo.map((o: any) => [o.infoName, o.provider])).toEqual([['鹤岗老字号', '鹤岗市商务局']]);
  });

  it('never shows private data: phone, operator name or ID number, openids, contact fields', async () => {
    const { res } = await verify({ codeId: shop.code._id });
    const text = JSON.stringify(res);
    for (const secret of [
      PHONE,
      OPERATOR,
      OPERATOR_ID,
      OWNER,
      'oStaffSecret',
      'ownerOpenids',
      'contactPhone',
      'contactName',
      'openid',
      'importedBy',
      'dedupKey',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('reads the printed URL and the mini-program code scene as well as a bare id', async () => {
    const url = codeUrl(DEFAULT_CODE_URL_PREFIX, shop.code._id, 1);
    expect((await verify({ url })).res.data.verdict).toBe('valid');
    expect((await verify({ q: encodeURIComponent(url) })).res.data.verdict).toBe('valid');
    expect((await verify({ scene: encodeURIComponent(`${shop.code._id}?v=1`) })).res.data.verdict).toBe('valid');
  });

  it('malformed and forged ids are 无效码 without touching the database', async () => {
    for (const codeId of [
      'abc',
      '../../codes',
      `${shop.code._id}x`,
      'https://evil.example/c/' + shop.code._id,
      '%E0%A4%A',
      'x'.repeat(600),
    ]) {
      const { res, calls } = await verify({ codeId });
      expect(res.ok).toBe(true);
      expect(res.data).toMatchObject({ verdict: 'unknown', label: '无效码', tone: 'red' });
      expect(res.data.profile).toBeUndefined();
      expect(calls).toBe(0);
    }
  });

  it('a well-formed id that does not exist, or a version never printed, is 无效码', async () => {
    const { res, calls } = await verify({ codeId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(res.data.verdict).toBe('unknown');
    expect(calls).toBe(1);
    expect((await verify({ codeId: shop.code._id, version: 2 })).res.data.verdict).toBe('unknown');
  });

  it('missing or wrongly typed input is INVALID_INPUT with a Chinese message', async () => {
    for (const data of [
      {},
      { codeId: 42 },
      { codeId: '' },
      { codeId: shop.code._id, version: 'two' },
      { codeId: shop.code._id, version: 0 },
    ]) {
      const res = await cloud.call('public', '', { action: 'verifyCode', ...data });
      expect(res.ok).toBe(false);
      expect(res.error!.code).toBe('INVALID_INPUT');
      expect(res.error!.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('verifying stores nothing', async () => {
    const before = cloud.writeVersion();
    await verify({ codeId: shop.code._id });
    await verify({ codeId: 'nope' });
    expect(cloud.writeVersion()).toBe(before);
  });

  it('suspended, revoked and reissued codes say so', async () => {
    const { entity, code } = await seedCodedEntity(cloud.db, { uscc: testUscc('230421', 2002), name: '萝北县状态测试商店' });
    const codes = cloud.db.collection('codes');
    await codes.doc(code._id).update({ data: { status: 'suspended' } });
    expect((await verify({ codeId: code._id, version: 1 })).res.data).toMatchObject({ verdict: 'suspended', label: '暂停', tone: 'amber' });

    await codes.doc(code._id).update({ data: { status: 'revoked', liveKey: cloud.db.command.remove() } });
    const revoked = await verify({ codeId: code._id, version: 1 });
    expect(revoked.res.data).toMatchObject({ verdict: 'revoked', label: '已撤销', tone: 'red' });
    expect(revoked.res.data.profile.name).toBe('萝北县状态测试商店');
    // The aggregate, then one read of the history for the date and reason category (budget ≤ 3).
    expect(revoked.calls).toBe(2);

    // Reissued after revocation: the old print still says 已撤销 (not 旧码已停用), the new one is valid.
    const { issueCode } = await import('../../server/codes');
    const next = await issueCode(cloud.db, entity, 'test-staff', new Date(), 2);
    expect((await verify({ codeId: code._id, version: 1 })).res.data).toMatchObject({ verdict: 'revoked', label: '已撤销' });
    expect((await verify({ codeId: next._id, version: 2 })).res.data.verdict).toBe('valid');
  });
});

describe('many records', () => {
  it('a profile shows the 10 most recent records of a kind and says there are more', async () => {
    const { code, entity } = await seedCodedEntity(cloud.db, { uscc: testUscc('230406', 5500), name: '东山区荣誉很多的公司' });
    for (let i = 0; i < 55; i++) {
      await cloud.db.collection('honours').add({
        data: {
          entityName: entity.name,
          uscc: entity.uscc,
          issuer: '部门',
          basis: `荣誉${i}`,
          collectedOn: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
          source: importSource,
          dedupKey: `many-${i}`,
          createdAt: new Date(),
        },
      });
    }
    const { res } = await verify({ codeId: code._id });
    const titles = res.data.profile.honours.map((h: any) => h.basis);
    // Newest first by 归集日期 (2025-01-28 down to 01-23); 查看全部 pages the rest (public-scale.test.ts).
    expect(titles).toHaveLength(10);
    expect(titles).not.toContain('荣誉0');
    expect(titles).toContain('荣誉54');
    expect(res.data.profile.moreRecords).toEqual({ honours: true });
  });
});

describe('profile and search', () => {
  it('profile by USCC gives the same whitelist profile and the code status', async () => {
    const res = await cloud.call('public', '', { action: 'profile', uscc: shop.entity.uscc.toLowerCase() });
    expect(res.ok).toBe(true);
    expect(res.data.codeStatus).toMatchObject({ verdict: 'valid', label: '有效' });
    expect(res.data.profile.name).toBe(shop.entity.name);
    expect(JSON.stringify(res)).not.toContain(PHONE);
    expect(JSON.stringify(res)).not.toContain(OWNER);
  });

  it('profile: bad and unknown USCCs', async () => {
    const bad = await cloud.call('public', '', { action: 'profile', uscc: '91230402MA1B2C3D4X' });
    expect(bad.error?.code).toBe('INVALID_INPUT');
    expect(bad.error?.message).toContain('统一社会信用代码');
    const unknown = await cloud.call('public', '', { action: 'profile', uscc: testUscc('230405', 777) });
    expect(unknown.error).toMatchObject({ code: 'ENTITY_NOT_FOUND' });
  });

  it('search finds by part of the name and by USCC, treating regex characters literally', async () => {
    const byName = await cloud.call('public', '', { action: 'search', keyword: '诚信示范' });
    expect(byName.data.items.map((i: any) => i.uscc)).toContain(shop.entity.uscc);
    expect(byName.data.items[0]).toMatchObject({ districtName: '向阳区', field: '市场监管' });
    expect(JSON.stringify(byName)).not.toContain(PHONE);
    const byUscc = await cloud.call('public', '', {
      action: 'search',
      keyword: ` ${shop.entity.uscc.slice(0, 9)}-${shop.entity.uscc.slice(9)} `,
    });
    expect(byUscc.data.items).toHaveLength(1);
    const regex = await cloud.call('public', '', { action: 'search', keyword: '.*' });
    expect(regex.ok).toBe(true);
    expect(regex.data.items).toHaveLength(0);
  });

  it('search rejects too short, too long and non-text keywords', async () => {
    for (const keyword of ['店', '', 'x'.repeat(51), 12345, undefined]) {
      const res = await cloud.call('public', '', { action: 'search', keyword });
      expect(res.error?.code).toBe('INVALID_INPUT');
      expect(res.error?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('report', () => {
  it('stores a report of a scanned code, linked to the entity', async () => {
    const res = await cloud.call('public', 'oScanReporter', {
      action: 'report',
      scanned: codeUrl(DEFAULT_CODE_URL_PREFIX, shop.code._id, 1),
      reason: '码与店铺不符',
      detail: '店名和招牌不一致',
    });
    expect(res.ok).toBe(true);
    const stored = (await cloud.db.collection('reports').doc(res.data.reportId).get()).data;
    const doc = Array.isArray(stored) ? stored[0] : stored;
    expect(doc).toMatchObject({
      reason: '码与店铺不符',
      codeId: shop.code._id,
      uscc: shop.entity.uscc,
      reporterOpenid: 'oScanReporter',
      status: 'open',
    });
  });

  it('keeps a forged code as evidence, and records a signed-in reporter from the WeChat context only', async () => {
    const res = await cloud.call('public', 'oReporter', {
      action: 'report',
      scanned: 'https://evil.example/fake',
      reason: '疑似伪造或无效码',
      openid: 'oSomeoneElse',
    });
    expect(res.ok).toBe(true);
    const got = await cloud.db.collection('reports').doc(res.data.reportId).get();
    const doc = Array.isArray(got.data) ? got.data[0] : got.data;
    expect(doc).toMatchObject({ scanned: 'https://evil.example/fake', reporterOpenid: 'oReporter' });
    expect(doc.codeId).toBeUndefined();
  });

  it('bad reports are refused and nothing is stored', async () => {
    const before = await snapshot(cloud.db, ['reports']);
    const version = cloud.writeVersion();
    const cases = [
      { reason: '码与店铺不符' },
      { scanned: 'x', reason: '不喜欢' },
      { uscc: '123', reason: '其他' },
      { scanned: 'x', reason: '其他', detail: 'y'.repeat(501) },
      { scanned: 42, reason: '其他' },
    ];
    for (const c of cases) {
      const res = await cloud.call('public', 'oBadReporter', { action: 'report', ...c });
      expect(res.ok).toBe(false);
      expect(res.error!.code).toBe('INVALID_INPUT');
      expect(res.error!.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(cloud.writeVersion()).toBe(version);
    expect(await snapshot(cloud.db, ['reports'])).toEqual(before);
  });

  it('one WeChat user may file at most 20 reports a day', async () => {
    const user = 'oEagerReporter';
    for (let i = 0; i < 20; i++)
      expect((await cloud.call('public', user, { action: 'report', uscc: shop.entity.uscc, reason: '其他' })).ok).toBe(true);
    const version = cloud.writeVersion();
    const res = await cloud.call('public', user, { action: 'report', uscc: shop.entity.uscc, reason: '其他' });
    expect(res.error).toMatchObject({ code: 'TOO_MANY_REPORTS' });
    expect(cloud.writeVersion()).toBe(version);
  });

  it('unknown actions and non-object events get stable codes', async () => {
    expect((await cloud.call('public', '', { action: 'dropDatabase' })).error?.code).toBe('UNKNOWN_ACTION');
  });
});
