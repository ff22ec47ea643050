/**
 * The supervision loops end to end through the real functions: a report handled by staff and its
 * outcome seen by the reporter (reportStatus, myReports, messages); an objection answered with a
 * corrected record the merchant and the public see; a suspension the merchant sees with its reason;
 * scoped staff lists with totals; daily limits that hold under 100 concurrent calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDate, codeUrl, commitmentTemplate, nameSearchKeys } from '../../core';
import { DEFAULT_CODE_URL_PREFIX } from '../../server/code-url';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';
import { all, CITY, GONGNONG, seedStaff, XIANGYANG } from './staff-fixtures';

const REPORTER = 'oReporter_sup_001';
const OWNER = 'oOwner_sup_000001';
const SCJG = 'oDeptScjg_sup_001';
const SWJ = 'oDeptSwj_sup_0001';
let cloud: TestCloud;
let shop: CodedEntity;

async function ok(fn: string, openid: string, data: Record<string, unknown>): Promise<any> {
  const res = await cloud.call(fn, openid, data);
  expect(res.ok, JSON.stringify(res)).toBe(true);
  return res.data;
}

async function refused(fn: string, openid: string, data: Record<string, unknown>, code: string): Promise<void> {
  const version = cloud.writeVersion();
  const res = await cloud.call(fn, openid, data);
  expect(res.ok, JSON.stringify(res)).toBe(false);
  expect(res.error!.code).toBe(code);
  expect(res.error!.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(cloud.writeVersion()).toBe(version);
}

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  await cloud.db.collection('staff').add({
    data: [
      {
        openid: SCJG,
        name: '市场监管专员',
        role: 'department',
        departmentId: 'scjg',
        field: '市场监管',
        department: '市市场监管局',
        active: true,
        createdAt: new Date(),
      },
      {
        openid: SWJ,
        name: '税务专员',
        role: 'department',
        departmentId: 'swj',
        field: '税务',
        department: '市税务局',
        active: true,
        createdAt: new Date(),
      },
    ],
  });
  const name = '向阳区监督测试超市';
  shop = await seedCodedEntity(cloud.db, {
    uscc: testUscc('230402', 7001),
    name,
    districtCode: '230402',
    ownerOpenids: [OWNER],
    nameKeys: nameSearchKeys(name),
  } as never);
});

afterAll(async () => {
  await cloud?.close();
});

describe('reports', () => {
  it('a report with a photo reaches the district, is handled, and the reporter sees the outcome', async () => {
    const up = await cloud.cloud.uploadFile({ cloudPath: 'reports/evidence-1.png', fileContent: Buffer.from('png') });
    const filed = await ok('public', REPORTER, {
      action: 'report',
      uscc: shop.entity.uscc,
      reason: '经营中有失信行为',
      detail: '缺斤少两，店名为向阳区监督测试超市',
      photos: [up.fileID],
    });
    expect(filed.trackingNo).toMatch(/^JB-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{6}$/);

    // Routed to 向阳区: its staff see it (with the photo); 工农区 staff do not.
    const listed = await ok('staff', XIANGYANG, { action: 'reports', status: 'open' });
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({
      reportId: filed.reportId,
      entityName: shop.entity.name,
      photos: [up.fileID],
      routedTo: 'district',
    });
    expect((await ok('staff', GONGNONG, { action: 'reports' })).total).toBe(0);
    expect((await ok('staff', XIANGYANG, { action: 'reports', keyword: '监督测试' })).total).toBe(1);
    expect((await ok('staff', XIANGYANG, { action: 'reports', keyword: filed.trackingNo.toLowerCase() })).total).toBe(1);
    await refused('staff', GONGNONG, { action: 'handleReport', reportId: filed.reportId, status: 'closed', outcome: '越权' }, 'FORBIDDEN');

    // Anyone holding the number sees status and outcome, never the reporter or the photos.
    const seen = await ok('public', '', { action: 'reportStatus', trackingNo: filed.trackingNo });
    expect(seen).toMatchObject({ status: 'open', statusText: '已受理', entityName: shop.entity.name });
    expect(JSON.stringify(seen)).not.toContain(REPORTER);
    expect(JSON.stringify(seen)).not.toContain('cloud://');

    await ok('staff', XIANGYANG, { action: 'handleReport', reportId: filed.reportId, status: 'verifying', outcome: '已派员现场核查' });
    await ok('staff', XIANGYANG, {
      action: 'handleReport',
      reportId: filed.reportId,
      status: 'closed',
      outcome: '经核实存在短斤少两，已责令整改并暂停诚信码',
      suspendCode: true,
    });
    await refused(
      'staff',
      XIANGYANG,
      { action: 'handleReport', reportId: filed.reportId, status: 'closed', outcome: '再次' },
      'INVALID_STATE',
    );

    const mine = await ok('public', REPORTER, { action: 'myReports' });
    expect(mine.items[0]).toMatchObject({ status: 'closed', statusText: '已办结', outcome: '经核实存在短斤少两，已责令整改并暂停诚信码' });
    expect(mine.items[0].history.map((h: any) => h.status)).toEqual(['verifying', 'closed']);
    const msgs = await ok('public', REPORTER, { action: 'myMessages' });
    expect(msgs.total).toBe(2);
    expect(msgs.items[0]).toMatchObject({ kind: 'reportUpdated', title: '您的举报已办结' });

    // The suspension went through the code-status path: history with category, audit, owner told with next steps.
    const code = (await all(cloud, 'codes', { _id: shop.code._id }))[0];
    expect(code.status).toBe('suspended');
    expect(code.history.at(-1)).toMatchObject({ status: 'suspended', category: 'report', by: XIANGYANG });
    expect(await all(cloud, 'auditLog', { action: 'suspendCode', 'target.id': shop.code._id })).toHaveLength(1);
    expect(await all(cloud, 'auditLog', { action: 'handleReport', 'target.id': filed.reportId })).toHaveLength(2);
    const owner = await ok('merchant', OWNER, { action: 'myMessages' });
    expect(owner.items[0]).toMatchObject({ kind: 'codeStatusChanged', title: '您的诚信码已被暂停' });
    expect(owner.items[0].lines.join('')).toMatch(/接到举报，正在核实.*异议/);
    await ok('staff', XIANGYANG, { action: 'reinstateCode', codeId: shop.code._id, reason: '整改到位' });
  });

  it('a forged code with no entity goes to the city; one naming an entity alerts its district', async () => {
    const lone = await ok('public', REPORTER, { action: 'report', scanned: 'https://evil.example/fake-code', reason: '疑似伪造或无效码' });
    const named = await ok('public', REPORTER, {
      action: 'report',
      scanned: codeUrl(DEFAULT_CODE_URL_PREFIX, 'AAAAAAAAAAAAAAAAAAAAAA', 1),
      uscc: shop.entity.uscc,
      reason: '疑似伪造或无效码',
    });
    const city = await ok('staff', CITY, { action: 'reports', forged: true });
    expect(city.items.map((r: any) => r.reportId).sort()).toEqual([lone.reportId, named.reportId].sort());
    expect(city.items.find((r: any) => r.reportId === lone.reportId).routedTo).toBe('city');
    const district = await ok('staff', XIANGYANG, { action: 'reports', forged: true });
    expect(district.items.map((r: any) => r.reportId)).toEqual([named.reportId]);
    expect(await ok('staff', XIANGYANG, { action: 'supervisionSummary' })).toMatchObject({ openForgedReports: 1 });
    await refused(
      'staff',
      XIANGYANG,
      { action: 'handleReport', reportId: lone.reportId, status: 'closed', outcome: '不归我管' },
      'FORBIDDEN',
    );
    await ok('staff', CITY, { action: 'handleReport', reportId: lone.reportId, status: 'closed', outcome: '已移交公安机关' });
  });

  it('refuses anonymous callers, foreign photos and bad tracking numbers without storing anything', async () => {
    await refused('public', '', { action: 'report', uscc: shop.entity.uscc, reason: '其他' }, 'UNAUTHENTICATED');
    await refused(
      'public',
      REPORTER,
      { action: 'report', uscc: shop.entity.uscc, reason: '其他', photos: ['cloud://other-env.bucket/x.png'] },
      'INVALID_INPUT',
    );
    await refused(
      'public',
      REPORTER,
      { action: 'report', uscc: shop.entity.uscc, reason: '其他', photos: ['https://x.example/a.png'] },
      'INVALID_INPUT',
    );
    const four = Array.from({ length: 4 }, (_, i) => `cloud://localcloud.bucket/r${i}.png`);
    await refused('public', REPORTER, { action: 'report', uscc: shop.entity.uscc, reason: '其他', photos: four }, 'INVALID_INPUT');
    await refused('public', '', { action: 'reportStatus', trackingNo: 'JB-0000' }, 'INVALID_INPUT');
    await refused('public', '', { action: 'reportStatus', trackingNo: 'JB-2222-222222' }, 'NOT_FOUND');
  });

  it('holds the daily report limit under 100 concurrent calls', async () => {
    const user = 'oFlooder_sup_0001';
    const results = await Promise.all(
      Array.from({ length: 100 }, () => cloud.call('public', user, { action: 'report', uscc: shop.entity.uscc, reason: '其他' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(results.filter((r) => !r.ok).every((r) => r.error!.code === 'TOO_MANY_REPORTS')).toBe(true);
    expect(await all(cloud, 'reports', { reporterOpenid: user })).toHaveLength(20);
  }, 180_000);
});

describe('objections', () => {
  let honourId: string;

  beforeAll(async () => {
    const res = await cloud.db.collection('honours').add({
      data: {
        entityName: shop.entity.name,
        uscc: shop.entity.uscc,
        issuer: '鹤岗市市场监督管理局',
        basis: '2025年度诚信示范企业认定（错误年度）',
        validUntil: '2099-12-31',
        collectedOn: '2025-12-01',
        source: { kind: 'import', departmentId: 'scjg', department: '市市场监管局', importedBy: SCJG, importedAt: new Date(), batch: 'b1' },
        batchId: 'b1',
        dedupKey: 'honour-sup-1',
        createdAt: new Date(),
      },
    });
    honourId = res._id;
  });

  it('an objection to an imported record is answered by its department with a correction the merchant and public see', async () => {
    const filed = await ok('merchant', OWNER, {
      action: 'submitObjection',
      uscc: shop.entity.uscc,
      target: 'honour',
      recordId: honourId,
      content: '荣誉年度应为2026年度',
    });
    expect(filed.dueOn).toBe(addWorkingDays(chinaDate(new Date()), 5));

    // The supplying department and the entity's district see it; another department does not.
    expect((await ok('staff', SCJG, { action: 'objections' })).items.map((o: any) => o.objectionId)).toEqual([filed.objectionId]);
    expect((await ok('staff', XIANGYANG, { action: 'objections' })).total).toBe(1);
    expect((await ok('staff', SWJ, { action: 'objections' })).total).toBe(0);
    expect((await ok('staff', GONGNONG, { action: 'objections' })).total).toBe(0);
    await refused(
      'staff',
      SWJ,
      { action: 'answerObjection', objectionId: filed.objectionId, result: 'upheld', reply: '维持' },
      'FORBIDDEN',
    );
    await refused(
      'staff',
      SCJG,
      { action: 'answerObjection', objectionId: filed.objectionId, result: 'corrected', reply: '更正' },
      'INVALID_INPUT',
    );

    await ok('staff', SCJG, {
      action: 'answerObjection',
      objectionId: filed.objectionId,
      result: 'corrected',
      reply: '经核实，已更正为2026年度',
      changes: { basis: '2026年度诚信示范企业认定' },
    });
    const record = (await all(cloud, 'honours', { _id: honourId }))[0];
    expect(record.basis).toBe('2026年度诚信示范企业认定');
    expect(await all(cloud, 'auditLog', { action: 'record.correct', 'target.id': honourId })).toHaveLength(1);
    expect(await all(cloud, 'auditLog', { action: 'answerObjection', 'target.id': filed.objectionId })).toHaveLength(1);

    const mine = await ok('merchant', OWNER, { action: 'myObjections' });
    expect(mine.items[0]).toMatchObject({
      status: 'answered',
      result: 'corrected',
      resultText: '已更正记录',
      reply: '经核实，已更正为2026年度',
    });
    const msgs = await ok('merchant', OWNER, { action: 'myMessages' });
    expect(msgs.items[0]).toMatchObject({ kind: 'objectionAnswered', title: '您的异议已答复：已更正记录' });
    const profile = await ok('public', '', { action: 'profile', uscc: shop.entity.uscc });
    expect(JSON.stringify(profile)).toContain('2026年度诚信示范企业认定');
    expect(JSON.stringify(profile)).not.toContain('错误年度');
    await refused(
      'staff',
      SCJG,
      { action: 'answerObjection', objectionId: filed.objectionId, result: 'upheld', reply: '再答' },
      'INVALID_STATE',
    );
  });

  it('an objection answered by withdrawing the record takes it off the public page; overdue ones show on the dashboard', async () => {
    const filed = await ok('merchant', OWNER, {
      action: 'submitObjection',
      uscc: shop.entity.uscc,
      target: 'honour',
      recordId: honourId,
      content: '该荣誉并非本店所得',
    });
    // Ten days pass without an answer.
    await cloud.db
      .collection('objections')
      .doc(filed.objectionId)
      .update({ data: { dueOn: '2026-01-05' } });
    const listed = await ok('staff', XIANGYANG, { action: 'objections', status: 'overdue' });
    expect(listed.items).toEqual([expect.objectContaining({ objectionId: filed.objectionId, overdue: true })]);
    expect(await ok('staff', XIANGYANG, { action: 'supervisionSummary' })).toMatchObject({ overdueObjections: 1, openObjections: 1 });
    await ok('staff', XIANGYANG, {
      action: 'answerObjection',
      objectionId: filed.objectionId,
      result: 'withdrawn',
      reply: '经核实，已撤回该记录',
    });
    expect((await all(cloud, 'honours', { _id: honourId }))[0].withdrawn).toBe(true);
    const profile = await ok('public', '', { action: 'profile', uscc: shop.entity.uscc });
    expect(JSON.stringify(profile)).not.toContain('2026年度诚信示范企业认定');
    expect(await ok('staff', XIANGYANG, { action: 'supervisionSummary' })).toMatchObject({ overdueObjections: 0 });
  });

  it('holds the daily objection limit under 100 concurrent calls', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        cloud.call('merchant', OWNER, { action: 'submitObjection', uscc: shop.entity.uscc, target: 'entity', content: `异议${i}` }),
      ),
    );
    // Two were filed above today.
    expect(results.filter((r) => r.ok)).toHaveLength(8);
    expect(results.filter((r) => !r.ok).every((r) => r.error!.code === 'TOO_MANY_OBJECTIONS')).toBe(true);
  }, 180_000);
});

describe('suspension seen by the merchant', () => {
  it('the owner is told the reason category, the reason and how to object; staff list shows it with total', async () => {
    await ok('staff', CITY, { action: 'suspendCode', codeId: shop.code._id, reason: '登记地址与实际经营地不符', category: 'mismatch' });
    const msgs = await ok('merchant', OWNER, { action: 'myMessages' });
    expect(msgs.items[0].lines.join('')).toContain('登记信息与实际不符。登记地址与实际经营地不符');
    const listed = await ok('staff', XIANGYANG, { action: 'codes', status: 'suspended', keyword: shop.entity.uscc });
    expect(listed).toMatchObject({
      total: 1,
      items: [expect.objectContaining({ codeId: shop.code._id, category: 'mismatch', categoryText: '登记信息与实际不符' })],
    });
    expect((await ok('staff', XIANGYANG, { action: 'codes', status: 'suspended', keyword: '监督测试超市' })).total).toBe(1);
    expect((await ok('staff', XIANGYANG, { action: 'codes', status: 'suspended', keyword: '不存在的店' })).total).toBe(0);
    await refused('staff', CITY, { action: 'revokeCode', codeId: shop.code._id, reason: 'x', category: 'nonsense' }, 'INVALID_INPUT');
  });
});

describe('commitment limit', () => {
  it('holds the daily commitment limit under 100 concurrent calls', async () => {
    const t = commitmentTemplate(shop.entity.field);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        cloud.call('merchant', OWNER, {
          action: 'submitCommitment',
          promiserName: shop.entity.name,
          promiserCategory: '法人',
          promiserCode: shop.entity.uscc,
          commitmentType: t.commitmentType,
          commitmentArea: t.commitmentArea,
          field: shop.entity.field,
          reason: t.reason,
          content: `${t.content}（第${i}份）`,
          liability: t.liability,
          committedOn: '2026-05-20',
          publicity: '可向社会公开',
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(results.filter((r) => !r.ok).every((r) => r.error!.code === 'TOO_MANY_COMMITMENTS')).toBe(true);
    expect(await all(cloud, 'commitments', { uscc: shop.entity.uscc })).toHaveLength(20);
  }, 180_000);
});

describe('staff entity view, audit log and staff members', () => {
  it('shows the entity in scope with masked phone, codes, records with batches, reports, objections, audit and allowed actions', async () => {
    const view = await ok('staff', XIANGYANG, { action: 'entity', uscc: shop.entity.uscc });
    expect(view.entity).toMatchObject({ name: shop.entity.name, contactPhone: '139****5678' });
    expect(JSON.stringify(view)).not.toContain('13912345678');
    expect(JSON.stringify(view)).not.toContain(OWNER);
    expect(view.codes[0]).toMatchObject({ codeId: shop.code._id, status: 'suspended' });
    const honour = view.records.find((r: any) => r.kind === 'honour');
    expect(honour).toMatchObject({
      source: { kind: 'import', department: '市市场监管局', batchId: 'b1' },
      withdrawn: true,
      mayChange: false,
    });
    expect(view.reports.length).toBeGreaterThan(0);
    expect(view.objections.length).toBeGreaterThan(0);
    expect(view.audit.map((a: any) => a.action)).toEqual(expect.arrayContaining(['suspendCode', 'answerObjection', 'record.withdraw']));
    expect(view.actions).toMatchObject({ suspendCode: false, reinstateCode: true, revokeCode: true });
    await refused('staff', GONGNONG, { action: 'entity', uscc: shop.entity.uscc }, 'FORBIDDEN');
  });

  it('the audit log is the city’s, paged with a total and filtered by target or actor', async () => {
    const log = await ok('staff', CITY, { action: 'auditLog', actor: XIANGYANG, limit: 2 });
    expect(log.items).toHaveLength(2);
    expect(log.total).toBeGreaterThan(2);
    expect(log.items.every((a: any) => a.actor === XIANGYANG)).toBe(true);
    const byTarget = await ok('staff', CITY, { action: 'auditLog', targetId: shop.code._id });
    expect(byTarget.items.every((a: any) => a.target.id === shop.code._id)).toBe(true);
    await refused('staff', XIANGYANG, { action: 'auditLog' }, 'FORBIDDEN');
  });

  it('asks who the caller is before what they sent: not staff is FORBIDDEN, staff with a bad input INVALID_INPUT', async () => {
    await refused('staff', REPORTER, { action: 'reports', status: 'nonsense' }, 'FORBIDDEN');
    await refused('staff', REPORTER, { action: 'answerObjection' }, 'FORBIDDEN');
    await refused('staff', XIANGYANG, { action: 'reports', status: 'nonsense' }, 'INVALID_INPUT');
    // The input is checked before the action's own rules (auditLog is the city's).
    await refused('staff', XIANGYANG, { action: 'auditLog', limit: 'many' }, 'INVALID_INPUT');
  });

  it('the city admin deactivates and reactivates a staff member, audited', async () => {
    await ok('staff', CITY, { action: 'staffMembers', op: 'deactivate', openid: GONGNONG });
    expect((await cloud.call('staff', GONGNONG, { action: 'reports' })).error?.code).toBe('FORBIDDEN');
    const back = await ok('staff', CITY, { action: 'staffMembers', op: 'reactivate', openid: GONGNONG });
    expect(back.member.active).toBe(true);
    await ok('staff', GONGNONG, { action: 'reports' });
    expect((await all(cloud, 'auditLog', { action: 'staffMembers.reactivate' })).length).toBe(1);
    await refused('staff', XIANGYANG, { action: 'staffMembers', op: 'reactivate', openid: GONGNONG }, 'FORBIDDEN');
  });
});
