/**
 * 生码 and claiming: staff.issueCodes from the register and imported records (scope, skipped
 * reasons, idempotence, 赋码率 at once, audit) and merchant.claimCode (wrong code, expired, locked
 * under concurrency, success, one-time, owners told).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeUscc } from '../../core';
import { templateHeaders } from '../../core/import-layouts';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { AT, all, CITY, GONGNONG, seedStaff, TAX, XIANGYANG } from './staff-fixtures';

let cloud: TestCloud;
const uscc = (area: string, n: number) => composeUscc({ department: '9', category: '2', area, org8: `MA${String(n).padStart(6, '0')}` });

/** A batch of the 主动承诺信息表 the city imported for 市市场监管局: four shops of 向阳区, one of 工农区. */
const SHOPS = [
  { name: '向阳区老张饺子馆', uscc: uscc('230402', 1) },
  { name: '向阳区放心粮油店', uscc: uscc('230402', 2) },
  { name: '向阳区红军路便利店', uscc: uscc('230402', 3) },
  { name: '向阳区诚信烧烤', uscc: uscc('230402', 4) },
  { name: '工农区百货商行', uscc: uscc('230403', 5) },
];
/** A city-level (230400) code: no register row, so its district cannot be known. */
const CITY_LEVEL = { name: '鹤岗市某某有限公司', uscc: uscc('230400', 6) };
let batchId: string;

const staff = (openid: string, payload: Record<string, unknown>) => cloud.call('staff', openid, { action: 'issueCodes', ...payload });
const claim = (openid: string, payload: Record<string, unknown>) => cloud.call('merchant', openid, { action: 'claimCode', ...payload });

async function importCommitments(rows: { name: string; uscc: string }[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('主动承诺信息表');
  ws.addRow(['主动承诺信息表']);
  ws.addRow(templateHeaders('commitment'));
  for (const r of rows) {
    ws.addRow([
      r.name,
      '个体工商户',
      r.uscc,
      '主动型',
      '市场主体承诺书',
      '主动型，自愿作出承诺',
      '我店依法诚信经营，自愿接受社会监督。',
      '无',
      '2026/5/1',
      '可向社会公开',
    ]);
  }
  const fileBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const res = await cloud.call('staffFiles', CITY, { action: 'importRecords', kind: 'commitment', fileBase64, departmentId: 'scjg' });
  expect(res.ok, JSON.stringify(res.error)).toBe(true);
  return res.data.batchId ?? res.data.batch;
}

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  batchId = await importCommitments([...SHOPS, CITY_LEVEL]);
  // A register row (市场主体名录) of an entity no department has sent records for.
  await cloud.db.collection('register').add({
    data: {
      uscc: uscc('230404', 7),
      name: '南山区名录里的合作社',
      entityType: '农民专业合作社',
      legalRep: '王某',
      address: '南山区富力路1号',
      districtCode: '230404',
      regStatus: '存续',
      inBusiness: true,
      batchId: 'register-1',
      createdAt: AT,
      updatedAt: AT,
    },
  });
});
afterAll(async () => {
  await cloud?.close();
});

describe('staff.issueCodes', () => {
  it('district staff issue only their district; the rest are skipped with a reason', async () => {
    const res = await staff(XIANGYANG, { batchId });
    expect(res.ok, JSON.stringify(res.error)).toBe(true);
    expect(res.data.issued.map((i: any) => i.uscc).sort()).toEqual(
      SHOPS.slice(0, 4)
        .map((s) => s.uscc)
        .sort(),
    );
    expect(res.data.skipped).toEqual(
      expect.arrayContaining([
        { uscc: SHOPS[4]!.uscc, reason: 'OUT_OF_SCOPE', message: '不在您的管辖范围内' },
        { uscc: CITY_LEVEL.uscc, reason: 'NOT_IN_HEGANG', message: expect.stringContaining('鹤岗') },
      ]),
    );
    expect(res.data).toMatchObject({ total: 6, nextOffset: null });
    const first = res.data.issued.find((i: any) => i.uscc === SHOPS[0]!.uscc);
    expect(first).toMatchObject({ entityName: '向阳区老张饺子馆', version: 1, claimCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/) });
    expect(first.url).toContain(first.codeId);

    // The entity is made from the imported data, with search keys; the code is an ordinary active code.
    const [entity] = await all(cloud, 'entities', { uscc: SHOPS[0]!.uscc });
    expect(entity).toMatchObject({
      name: '向阳区老张饺子馆',
      districtCode: '230402',
      field: '市场监管',
      category: 'individual',
      ownerOpenids: [],
    });
    expect(entity.nameKeys).toContain('饺子');
    const [code] = await all(cloud, 'codes', { entityId: entity._id });
    expect(code).toMatchObject({ status: 'active', version: 1, districtCode: '230402', liveKey: entity._id });
    // The claim code is stored only hashed.
    const [stored] = await all(cloud, 'claims', { uscc: SHOPS[0]!.uscc });
    expect(JSON.stringify(stored)).not.toContain(first.claimCode);
    expect(new Date(stored.expiresAt).getTime() - new Date(stored.issuedAt).getTime()).toBe(90 * 86_400_000);
    // Audited with the issuer.
    const audits = await all(cloud, 'auditLog', { action: 'code.issueFromCollected', 'target.id': code._id });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: XIANGYANG, role: 'district' });
  });

  it('counts in 赋码率 at once', async () => {
    const stats = await cloud.call('staff', XIANGYANG, { action: 'districtStats' });
    expect(stats.ok).toBe(true);
    expect(JSON.stringify(stats.data)).toContain('"coded"');
    expect(stats.data.districts[0].coded).toBeGreaterThanOrEqual(4);
  });

  it('is idempotent: issuing again gives the same codes and claim codes', async () => {
    const a = await staff(XIANGYANG, { uscc: [SHOPS[1]!.uscc, SHOPS[1]!.uscc.toLowerCase()] });
    const b = await staff(CITY, { uscc: [SHOPS[1]!.uscc] });
    expect(a.data.issued).toHaveLength(1);
    expect(b.data.issued[0]).toEqual(a.data.issued[0]);
    expect(await all(cloud, 'codes', { uscc: SHOPS[1]!.uscc })).toHaveLength(1);
  });

  it('department staff only within their fields; unknown and invalid codes are skipped', async () => {
    const res = await staff(TAX, { uscc: [SHOPS[4]!.uscc, uscc('230405', 99), '91230402MA00000001', SHOPS[0]!.uscc] });
    expect(res.ok).toBe(true);
    expect(res.data.issued).toEqual([]);
    // 市场监管's records are not 税务's; an existing entity of another field neither.
    expect(res.data.skipped.map((s: any) => s.reason)).toEqual(['INVALID_USCC', 'OUT_OF_SCOPE', 'UNKNOWN_ENTITY', 'OUT_OF_SCOPE']);
  });

  it('the city issues from the register; an entity that applied itself is already coded', async () => {
    const res = await staff(CITY, { uscc: [uscc('230404', 7), SHOPS[4]!.uscc] });
    expect(res.data.issued.map((i: any) => i.entityName)).toEqual(['南山区名录里的合作社', '工农区百货商行']);
    const [coop] = await all(cloud, 'entities', { uscc: uscc('230404', 7) });
    expect(coop).toMatchObject({ category: 'cooperative', address: '南山区富力路1号', districtCode: '230404', field: '市场监管' });
    // An applied entity (with an owner) is not handed over again.
    await cloud.db
      .collection('entities')
      .where({ uscc: SHOPS[4]!.uscc })
      .update({ data: { ownerOpenids: ['oOwnerApplied'] } });
    const again = await staff(GONGNONG, { uscc: [SHOPS[4]!.uscc] });
    expect(again.data.skipped).toEqual([{ uscc: SHOPS[4]!.uscc, reason: 'ALREADY_CODED', message: '该主体已有诚信码' }]);
  });

  it('bounded input and stable errors', async () => {
    const many = Array.from({ length: 501 }, (_, i) => uscc('230402', 10_000 + i));
    expect((await staff(CITY, { uscc: many })).error?.code).toBe('INVALID_INPUT');
    expect((await staff(CITY, {})).error?.code).toBe('INVALID_INPUT');
    expect((await staff(CITY, { batchId: 'no-such-batch' })).error?.code).toBe('BATCH_NOT_FOUND');
    expect((await staff('oMerchant0000001', { batchId })).error?.code).toBe('FORBIDDEN');
  });
});

describe('merchant.claimCode', () => {
  async function issued(shop: { uscc: string }) {
    const res = await staff(CITY, { uscc: [shop.uscc] });
    return res.data.issued[0] as { claimCode: string; codeId: string };
  }

  it('a wrong code says how many tries are left and changes nothing', async () => {
    const res = await claim('oClaimWrong00001', { uscc: SHOPS[0]!.uscc, claimCode: 'AAAAAAAA' });
    expect(res.error).toMatchObject({ code: 'CLAIM_CODE_WRONG', details: { triesLeft: 4 } });
    expect((await all(cloud, 'entities', { uscc: SHOPS[0]!.uscc }))[0].ownerOpenids).toEqual([]);
  });

  it('success makes the caller an owner who then sees the code; the code is one-time', async () => {
    const { claimCode, codeId } = await issued(SHOPS[0]!);
    const res = await claim('oClaimOwner00001', {
      uscc: SHOPS[0]!.uscc.toLowerCase(),
      claimCode: ` ${claimCode.toLowerCase().slice(0, 4)}-${claimCode.slice(4)} `,
    });
    expect(res.ok, JSON.stringify(res.error)).toBe(true);
    expect(res.data).toMatchObject({ entityName: '向阳区老张饺子馆', code: { codeId, status: 'active' } });
    const mine = await cloud.call('merchant', 'oClaimOwner00001', { action: 'myCode', uscc: SHOPS[0]!.uscc });
    expect(mine.data).toMatchObject({ codeId, status: 'active' });
    const commitments = await cloud.call('merchant', 'oClaimOwner00001', { action: 'myCommitments', uscc: SHOPS[0]!.uscc });
    expect(commitments.data.items).toHaveLength(1);
    expect((await all(cloud, 'auditLog', { action: 'entity.claim' }))[0]).toMatchObject({ actor: 'oClaimOwner00001', role: 'merchant' });

    // One-time: nobody else can use it, the owner asking again is fine, and issuing again gives no claim code.
    expect((await claim('oClaimOther00001', { uscc: SHOPS[0]!.uscc, claimCode })).error?.code).toBe('ALREADY_CLAIMED');
    expect((await claim('oClaimOwner00001', { uscc: SHOPS[0]!.uscc, claimCode })).data.alreadyClaimed).toBe(true);
    expect((await staff(CITY, { uscc: [SHOPS[0]!.uscc] })).data.skipped[0].reason).toBe('ALREADY_CODED');
  });

  it('an expired claim code is refused; issuing again renews it with a new code', async () => {
    const { claimCode } = await issued(SHOPS[1]!);
    await cloud.db
      .collection('claims')
      .where({ uscc: SHOPS[1]!.uscc })
      .update({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await claim('oClaimLate000001', { uscc: SHOPS[1]!.uscc, claimCode })).error?.code).toBe('CLAIM_EXPIRED');
    const renewed = await issued(SHOPS[1]!);
    expect(renewed.claimCode).not.toBe(claimCode);
    expect((await claim('oClaimLate000001', { uscc: SHOPS[1]!.uscc, claimCode: renewed.claimCode })).ok).toBe(true);
  });

  it('five wrong tries lock it for a day, however many race; even the right code is then refused', { timeout: 90_000 }, async () => {
    const { claimCode } = await issued(SHOPS[2]!);
    const tries = await Promise.all(
      Array.from({ length: 8 }, (_, i) => claim(`oGuesser${String(i).padStart(8, '0')}`, { uscc: SHOPS[2]!.uscc, claimCode: 'ZZZZZZZZ' })),
    );
    const codes = tries.map((t) => t.error?.code);
    // Exactly five tries are evaluated (each told it was wrong); the rest are refused unread.
    expect(codes.filter((c) => c === 'CLAIM_CODE_WRONG')).toHaveLength(5);
    expect(codes.filter((c) => c === 'CLAIM_LOCKED')).toHaveLength(3);
    const [stored] = await all(cloud, 'claims', { uscc: SHOPS[2]!.uscc });
    expect(stored.tries).toBe(5);
    expect(new Date(stored.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect((await claim('oClaimOwner00003', { uscc: SHOPS[2]!.uscc, claimCode })).error?.code).toBe('CLAIM_LOCKED');
    // A day later the lock is lifted and the right code works.
    await cloud.db
      .collection('claims')
      .where({ uscc: SHOPS[2]!.uscc })
      .update({ data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await claim('oClaimOwner00003', { uscc: SHOPS[2]!.uscc, claimCode })).ok).toBe(true);
  });

  it('no claim for the USCC, and bad input, are stable errors', async () => {
    expect((await claim('oClaimNone000001', { uscc: uscc('230402', 555), claimCode: 'ABCDEFGH' })).error?.code).toBe('CLAIM_NOT_FOUND');
    expect((await claim('oClaimNone000001', { uscc: 'x', claimCode: 'ABCDEFGH' })).error?.code).toBe('INVALID_INPUT');
    expect((await claim('oClaimNone000001', { uscc: SHOPS[3]!.uscc, claimCode: 'A'.repeat(100) })).error?.code).toBe('INVALID_INPUT');
  });

  it('existing owners are told when someone claims', async () => {
    const { claimCode } = await issued(SHOPS[3]!);
    await cloud.db
      .collection('entities')
      .where({ uscc: SHOPS[3]!.uscc })
      .update({ data: { ownerOpenids: ['oEarlierOwner001'] } });
    expect((await claim('oClaimOwner00004', { uscc: SHOPS[3]!.uscc, claimCode })).ok).toBe(true);
    const told = await all(cloud, 'notifications', { openid: 'oEarlierOwner001' });
    expect(told).toEqual([expect.objectContaining({ kind: 'ownerAdded' })]);
    expect((await all(cloud, 'entities', { uscc: SHOPS[3]!.uscc }))[0].ownerOpenids).toEqual(['oEarlierOwner001', 'oClaimOwner00004']);
  });
});
