/**
 * The verify answer's public face, through the real SDK: the parsed scan `{ code: { id, version } }`
 * (the one form verify and report take), the code's version and since when, the date and reason
 * *category* of a suspension or revocation (never the free text), positive records withheld while
 * revoked, 尚未赋码 for an entity without a code, and a report of the parsed scan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../core';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc } from '../support/coded-entity';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
});

afterAll(async () => {
  await cloud?.close();
});

const verify = (data: Record<string, unknown>) => cloud.call('public', '', { action: 'verifyCode', ...data });

const honour = (uscc: string) => ({
  entityName: 'x',
  uscc,
  honourType: '纳税信用A级',
  title: '2025年度纳税信用A级纳税人',
  issuer: '国家税务总局鹤岗市税务局',
  awardedOn: '2026-04-20',
  source: { kind: 'import', department: '鹤岗市税务局', importedBy: 'oStaff', importedAt: new Date(), batch: 'b' },
  dedupKey: `h-${uscc}`,
  createdAt: new Date(),
});

describe('verifyCode answer', () => {
  it('takes the parsed scan and says the version and since when', async () => {
    const { code } = await seedCodedEntity(cloud.db, { uscc: testUscc('230402', 8101), name: '鹤岗市向阳区版本测试商店' });
    const res = await verify({ code: { id: code._id, version: 1 } });
    expect(res.data).toMatchObject({ verdict: 'valid', tone: 'green', version: 1, versionSince: beijingDate(code.issuedAt) });
    expect(res.data.statusChange).toBeUndefined();
    expect(res.data.recordsHidden).toBeUndefined();
  });

  it('a suspended code gives the date and the reason category, never the free-text reason or who decided', async () => {
    const { code } = await seedCodedEntity(cloud.db, { uscc: testUscc('230403', 8102), name: '工农区暂停测试店' });
    const at = new Date('2026-08-03T02:00:00Z');
    await cloud.db
      .collection('codes')
      .doc(code._id)
      .update({
        data: {
          status: 'suspended',
          history: [
            ...code.history,
            { at, status: 'suspended', by: 'oStaffSecret', reason: '店主张三涉嫌虚假宣传（内部）', category: 'mismatch' },
          ],
        },
      });
    const res = await verify({ code: { id: code._id, version: 1 } });
    expect(res.data).toMatchObject({ verdict: 'suspended', statusChange: { on: '2026-08-03', category: '登记信息与实际不符' } });
    const text = JSON.stringify(res);
    expect(text).not.toContain('虚假宣传');
    expect(text).not.toContain('oStaffSecret');
  });

  it('an unknown or missing category reads 其他原因; while revoked, positive records are withheld', async () => {
    const uscc = testUscc('230404', 8103);
    const { code } = await seedCodedEntity(cloud.db, { uscc, name: '南山区撤销测试店' });
    await cloud.db.collection('honours').add({ data: honour(uscc) });
    expect((await verify({ code: { id: code._id } })).data.profile.honours).toHaveLength(1);
    await cloud.db
      .collection('codes')
      .doc(code._id)
      .update({
        data: {
          status: 'revoked',
          liveKey: cloud.db.command.remove(),
          history: [
            ...code.history,
            { at: new Date('2026-09-01T01:00:00Z'), status: 'revoked', by: 'o', reason: '内部说明', category: 'x-unknown' },
          ],
        },
      });
    const res = await verify({ code: { id: code._id, version: 1 } });
    expect(res.data).toMatchObject({
      verdict: 'revoked',
      tone: 'red',
      recordsHidden: true,
      statusChange: { on: '2026-09-01', category: '其他原因' },
    });
    expect(res.data.profile.name).toBe('南山区撤销测试店');
    expect(res.data.profile.honours).toEqual([]);
    // The profile action withholds them too, and says 已撤销.
    const profile = await cloud.call('public', '', { action: 'profile', uscc });
    expect(profile.data.codeStatus).toMatchObject({ verdict: 'revoked', label: '已撤销', tone: 'red' });
    expect(profile.data.profile.honours).toEqual([]);
  });

  it('an entity without a code is 尚未赋码 in grey, by USCC', async () => {
    const uscc = testUscc('230405', 8104);
    await cloud.db.collection('entities').add({
      data: {
        _id: `ent-${uscc}`,
        uscc,
        name: '兴安区尚未赋码小店',
        category: 'company',
        districtCode: '230405',
        address: '鹤岗市兴安区某路1号',
        field: '市场监管',
        ownerOpenids: [],
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    });
    const res = await verify({ uscc });
    expect(res.data).toMatchObject({ verdict: 'none', label: '尚未赋码', tone: 'grey' });
    expect(res.data.profile.name).toBe('兴安区尚未赋码小店');
    const profile = await cloud.call('public', '', { action: 'profile', uscc });
    expect(profile.data.codeStatus).toMatchObject({ verdict: 'none', label: '尚未赋码', tone: 'grey' });
  });

  it('a USCC by the same path: the live code’s verdict and version', async () => {
    const { entity, code } = await seedCodedEntity(cloud.db, { uscc: testUscc('230406', 8105), name: '东山区按代码核验店' });
    const res = await verify({ uscc: entity.uscc });
    expect(res.data).toMatchObject({ verdict: 'valid', codeId: code._id, version: 1 });
  });

  it('the parsed form is validated: bad ids, versions and shapes are INVALID_INPUT in Chinese; text that is no id is 无效码', async () => {
    for (const data of [
      { code: {} },
      { code: { id: 42 } },
      { code: { id: '  ' } },
      { code: { id: 'x'.repeat(513) } },
      { code: { id: 'AAAAAAAAAAAAAAAAAAAAAA', version: 0 } },
      { code: { id: 'A', version: 1.5 } },
      { code: 'AAAAAAAAAAAAAAAAAAAAAA' },
      { uscc: '123' },
    ]) {
      const res = await verify(data);
      expect(res.ok, JSON.stringify(data)).toBe(false);
      expect(res.error!.code).toBe('INVALID_INPUT');
      expect(res.error!.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const forged = await verify({ code: { id: 'https://evil.example/c/123' } });
    expect(forged.data).toMatchObject({ verdict: 'unknown', label: '无效码', tone: 'red' });
  });
});

describe('report takes the same parsed scan', () => {
  const REPORTER = 'oVerifyReporter';

  it('links a real code and keeps a forged one as evidence', async () => {
    const { code, entity } = await seedCodedEntity(cloud.db, { uscc: testUscc('230407', 8106), name: '兴山区举报测试店' });
    // A report comes from a WeChat user (calls without an openid are refused: supervision.test.ts).
    const real = await cloud.call('public', REPORTER, { action: 'report', code: { id: code._id, version: 1 }, reason: '码与店铺不符' });
    const doc = (await cloud.db.collection('reports').doc(real.data.reportId).get()).data;
    expect(Array.isArray(doc) ? doc[0] : doc).toMatchObject({
      codeId: code._id,
      uscc: entity.uscc,
      scanned: `${code._id}?v=1`,
      forged: false,
    });

    const fake = await cloud.call('public', REPORTER, {
      action: 'report',
      code: { id: 'https://evil.example/c/123' },
      reason: '疑似伪造或无效码',
    });
    const fdoc = (await cloud.db.collection('reports').doc(fake.data.reportId).get()).data;
    const f = Array.isArray(fdoc) ? fdoc[0] : fdoc;
    expect(f).toMatchObject({ scanned: 'https://evil.example/c/123', forged: true });
    expect(f.codeId).toBeUndefined();

    const bad = await cloud.call('public', REPORTER, { action: 'report', code: { id: 7 }, reason: '其他' });
    expect(bad.error).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
