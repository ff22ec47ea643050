/**
 * Who may hold a code (issue #11), through the real wx-server-sdk against the local cloud: the
 * reviewing district is the entity's (entity → register → USCC area) whatever the applicant typed;
 * a name that differs from the register is refused before anything is stored; the checks show on
 * the review card; a takeover needs the district's confirmation and is audited; the pending limit
 * holds under 100 concurrent calls; the applicant can withdraw and re-apply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc } from '../support/coded-entity';
import { CITY, GONGNONG, seedStaff, XIANGYANG } from './staff-fixtures';

const XINGAN = 'oDistrict230405'; // 兴安区 staff
const SCJG = 'oDeptScjgEntitle1'; // 市市场监管局 department staff
const OWNER = 'oEntitleOwner0001';
const STRANGER = 'oEntitleStranger1';
const APPLICANT = 'oEntitleApplicant';
let cloud: TestCloud;
let licence: string;

function application(uscc: string, over: Record<string, unknown> = {}) {
  return {
    action: 'applyCode',
    uscc,
    entityName: '鹤岗市向阳区老李饭店',
    category: 'individual',
    address: '鹤岗市向阳区红军路20号',
    field: '市场监管',
    contactName: '李四',
    contactPhone: '13800001111',
    legalRepName: '李四',
    licencePhoto: licence,
    ...over,
  };
}

async function registerRow(uscc: string, over: Record<string, unknown> = {}): Promise<void> {
  const now = new Date();
  await cloud.db.collection('register').add({
    data: {
      uscc,
      name: '鹤岗市向阳区（老李）饭店',
      entityType: '个体工商户',
      legalRep: '李四',
      address: '鹤岗市向阳区红军路20号',
      districtCode: '230402',
      foundedOn: '2019-04-01',
      regStatus: '存续',
      inBusiness: true,
      batchId: 'test-register-batch',
      createdAt: now,
      updatedAt: now,
      ...over,
    },
  });
}

async function all(collection: string, query: Record<string, unknown>): Promise<any[]> {
  return (await cloud.db.collection(collection).where(query).limit(1000).get()).data;
}

const staff = (openid: string, action: string, data: Record<string, unknown> = {}) => cloud.call('staff', openid, { action, ...data });

async function queueIds(openid: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const res = await staff(openid, 'applications', { limit: 100, ...extra });
  expect(res.ok, JSON.stringify(res.error)).toBe(true);
  return res.data.items.map((i: { _id: string }) => i._id);
}

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  await cloud.db.collection('staff').add({
    data: [
      { openid: XINGAN, name: '兴安区专员', role: 'district', districtCode: '230405', active: true, createdAt: new Date() },
      {
        openid: SCJG,
        name: '市场监管专员',
        role: 'department',
        departmentId: 'scjg',
        department: '市市场监管局',
        active: true,
        createdAt: new Date(),
      },
    ],
  });
  licence = (await cloud.cloud.uploadFile({ cloudPath: 'licences/entitle-test.jpg', fileContent: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) }))
    .fileID;
});

afterAll(async () => {
  await cloud?.close();
});

describe('the reviewing district is the entity’s, never the applicant’s choice', () => {
  it('a 兴安区-area USCC whose register row says 向阳区 is reviewed by 向阳区, whatever district was typed', async () => {
    const uscc = testUscc('230405', 7001);
    await registerRow(uscc);
    const res = await cloud.call('merchant', STRANGER, application(uscc, { districtCode: '230405', address: '鹤岗市兴安区兴安路1号' }));
    expect(res.ok, JSON.stringify(res.error)).toBe(true);
    expect(res.data).toMatchObject({ districtCode: '230402', districtName: '向阳区' });
    const [app] = await all('applications', { uscc });
    expect(app).toMatchObject({ districtCode: '230402', districtSource: 'register', applicantDistrictCode: '230405' });

    expect(await queueIds(XINGAN)).not.toContain(app._id);
    expect(await queueIds(XIANGYANG)).toContain(app._id);
    const before = cloud.writeVersion();
    const refused = await staff(XINGAN, 'reviewApplication', { applicationId: app._id, decision: 'approve' });
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', message: '您只能处理兴安区的事项' });
    expect(cloud.writeVersion()).toBe(before);
  });

  it('an existing entity’s district wins over the USCC area and the typed district, also for applications stored under another', async () => {
    const uscc = testUscc('230405', 7002);
    const { code } = await seedCodedEntity(cloud.db, { uscc, name: '向阳区老字号饭店', districtCode: '230402', ownerOpenids: [OWNER] });
    await staff(CITY, 'revokeCode', { codeId: code._id, reason: '主体自行申请注销诚信码' });
    const res = await cloud.call('merchant', STRANGER, application(uscc, { entityName: '老王家饭店', districtCode: '230405' }));
    expect(res.ok, JSON.stringify(res.error)).toBe(true);
    expect(res.data.districtCode).toBe('230402');

    // An application stored under the typed district (as before this rule) is still decided by the entity's.
    const [app] = await all('applications', { uscc });
    await cloud.db
      .collection('applications')
      .doc(app._id)
      .update({ data: { districtCode: '230405' } });
    const refused = await staff(XINGAN, 'reviewApplication', {
      applicationId: app._id,
      decision: 'approve',
      confirmTakeover: true,
      reason: '已核实',
    });
    expect(refused.error?.code).toBe('FORBIDDEN');
    expect((await all('entities', { uscc }))[0].ownerOpenids).toEqual([OWNER]);
    // ...and it moved back to the entity's district's queue.
    expect(await queueIds(XINGAN)).not.toContain(app._id);
    expect(await queueIds(XIANGYANG)).toContain(app._id);
  });

  it('a register row imported after filing moves the pending application to the register’s district', async () => {
    const uscc = testUscc('230403', 7004);
    const res = await cloud.call('merchant', APPLICANT, application(uscc, { entityName: '工农区代码向阳区经营的店' }));
    expect(res.data.districtCode).toBe('230403');
    await registerRow(uscc, { name: '工农区代码向阳区经营的店' });
    const { repointPendingApplications } = await import('../../server/entitlement');
    expect(await repointPendingApplications(cloud.db, [uscc, testUscc('230403', 7005)])).toBe(1);
    const [app] = await all('applications', { uscc });
    expect(app).toMatchObject({ districtCode: '230402', districtSource: 'register' });
    expect(await queueIds(GONGNONG)).not.toContain(app._id);
    expect(await queueIds(XIANGYANG)).toContain(app._id);
  });

  it('a city-level code with no entity and no register row takes the applicant’s choice, and is flagged', async () => {
    const uscc = testUscc('230400', 7003);
    const res = await cloud.call('merchant', APPLICANT, application(uscc, { entityName: '鹤岗市市级登记公司', districtCode: '230403' }));
    expect(res.data).toMatchObject({ districtCode: '230403' });
    const [app] = await all('applications', { uscc });
    expect(app.districtSource).toBe('applicant');
    expect(app.flags).toEqual(expect.arrayContaining(['notInRegister', 'districtChosen']));
    expect(await queueIds(GONGNONG)).toContain(app._id);
    expect(await queueIds(XIANGYANG)).not.toContain(app._id);
  });
});

describe('evidence and checks', () => {
  it('a name that differs from the register is NAME_MISMATCH with a Chinese message, and nothing is stored', async () => {
    const uscc = testUscc('230402', 7101);
    await registerRow(uscc);
    const before = cloud.writeVersion();
    const res = await cloud.call('merchant', STRANGER, application(uscc, { entityName: '老王家饭店' }));
    expect(res.error).toMatchObject({ code: 'NAME_MISMATCH' });
    expect(res.error!.message).toContain('市场主体名录');
    expect(cloud.writeVersion()).toBe(before);
    expect(await all('applications', { uscc })).toHaveLength(0);
  });

  it('names match after folding spaces, full-width characters and brackets', async () => {
    const uscc = testUscc('230402', 7102);
    await registerRow(uscc);
    const res = await cloud.call('merchant', APPLICANT, application(uscc, { entityName: '鹤岗市向阳区 (老李) 饭店' }));
    expect(res.ok, JSON.stringify(res.error)).toBe(true);
    const uscc2 = testUscc('230402', 7103);
    await registerRow(uscc2, { name: '鹤岗市向阳区【老李】ＡＢＣ饭店' });
    expect((await cloud.call('merchant', APPLICANT, application(uscc2, { entityName: '鹤岗市向阳区老李abc饭店' }))).ok).toBe(true);
  });

  it('the review card carries the flags, the register row, the entity with its code history, and the licence photo URL', async () => {
    const uscc = testUscc('230402', 7104);
    await registerRow(uscc, { legalRep: '李大山' });
    const { code } = await seedCodedEntity(cloud.db, {
      uscc,
      name: '鹤岗市向阳区（老李）饭店',
      districtCode: '230402',
      ownerOpenids: [OWNER],
    });
    await staff(XIANGYANG, 'revokeCode', { codeId: code._id, reason: '经营者变更，原码作废' });
    const applied = await cloud.call('merchant', STRANGER, application(uscc, { legalRepName: '王小二' }));
    expect(applied.ok, JSON.stringify(applied.error)).toBe(true);
    expect(applied.data.notes).toEqual(expect.arrayContaining([expect.stringContaining('需所在县（区）核实')]));
    expect(JSON.stringify(applied.data)).not.toContain('李大山');

    const res = await staff(XIANGYANG, 'applications', { keyword: uscc.slice(2) });
    expect(res.data.total).toBe(1);
    const [card] = res.data.items;
    expect(card.evidence.flags).toEqual(expect.arrayContaining(['legalRepDiffers', 'entityExists', 'hasOwners', 'revokedBefore']));
    expect(card.evidence.flags).not.toContain('nameDiffers');
    expect(card.takeover).toBe(true);
    expect(card.evidence.register).toMatchObject({
      name: '鹤岗市向阳区（老李）饭店',
      legalRep: '李大山',
      districtName: '向阳区',
      regStatus: '存续',
    });
    expect(card.evidence.entity).toMatchObject({ name: '鹤岗市向阳区（老李）饭店', districtName: '向阳区', owners: 1, otherOwners: 1 });
    expect(card.evidence.entity.codes[0]).toMatchObject({ version: 1, status: 'revoked' });
    expect(card.evidence.entity.codes[0].history.map((h: any) => h.reason)).toContain('经营者变更，原码作废');
    expect(card.licencePhoto).toBe(licence);
    expect(card.licencePhotoUrl).toMatch(/^https?:\/\//);
    const image = await fetch(card.licencePhotoUrl);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer())).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    expect(card.submittedAt).toBeTruthy();
  });

  it('a USCC not in the register is flagged, and the queue searches by name and pages with total', async () => {
    const names = ['工农区甲乙商店', '工农区丙丁商店', '工农区甲戊商店'];
    for (const [i, entityName] of names.entries()) {
      expect((await cloud.call('merchant', `oSearch${i}`, application(testUscc('230403', 7200 + i), { entityName }))).ok).toBe(true);
    }
    const found = await staff(GONGNONG, 'applications', { keyword: '甲' });
    expect(found.data.total).toBe(2);
    expect(found.data.items.map((i: any) => i.entityName).sort()).toEqual(['工农区甲乙商店', '工农区甲戊商店']);
    expect(found.data.items[0].evidence.flags).toContain('notInRegister');
    const page1 = await staff(GONGNONG, 'applications', { keyword: '工农区', limit: 2 });
    const page2 = await staff(GONGNONG, 'applications', { keyword: '工农区', limit: 2, offset: 2 });
    expect(page1.data.total).toBe(3);
    expect(page1.data.items).toHaveLength(2);
    expect(page2.data.items).toHaveLength(1);
    // A keyword is a literal, never a pattern.
    expect((await staff(GONGNONG, 'applications', { keyword: '.*' })).data.total).toBe(0);
  });
});

describe('taking over an existing entity', () => {
  it('a takeover of a revoked entity needs the confirmation, only from its district or the city, and is audited; owners are told', async () => {
    const uscc = testUscc('230402', 7301);
    await registerRow(uscc, { name: '向阳区被撤销饭店' });
    const { code } = await seedCodedEntity(cloud.db, { uscc, name: '向阳区被撤销饭店', districtCode: '230402', ownerOpenids: [OWNER] });
    await staff(XIANGYANG, 'revokeCode', { codeId: code._id, reason: '冒用他人名义申领' });
    const applied = await cloud.call('merchant', STRANGER, application(uscc, { entityName: '向阳区被撤销饭店', districtCode: '230405' }));
    expect(applied.ok, JSON.stringify(applied.error)).toBe(true);
    const id = applied.data.applicationId;

    const before = cloud.writeVersion();
    const unconfirmed = await staff(XIANGYANG, 'reviewApplication', { applicationId: id, decision: 'approve' });
    expect(unconfirmed.error).toMatchObject({ code: 'TAKEOVER_CONFIRMATION_REQUIRED' });
    expect(unconfirmed.error!.message).toContain('申请人有权代表该主体');
    const noReason = await staff(XIANGYANG, 'reviewApplication', { applicationId: id, decision: 'approve', confirmTakeover: true });
    expect(noReason.error).toMatchObject({ code: 'INVALID_INPUT', message: '确认接管时请填写原因' });
    const otherDistrict = await staff(XINGAN, 'reviewApplication', {
      applicationId: id,
      decision: 'approve',
      confirmTakeover: true,
      reason: '看过了',
    });
    expect(otherDistrict.error?.code).toBe('FORBIDDEN');
    const department = await staff(SCJG, 'reviewApplication', {
      applicationId: id,
      decision: 'approve',
      confirmTakeover: true,
      reason: '看过了',
    });
    expect(department.error?.code).toBe('FORBIDDEN');
    expect(cloud.writeVersion()).toBe(before);

    const ok = await staff(XIANGYANG, 'reviewApplication', {
      applicationId: id,
      decision: 'approve',
      confirmTakeover: true,
      reason: '现场核验营业执照原件及经营者身份证',
    });
    expect(ok.ok, JSON.stringify(ok.error)).toBe(true);
    expect(ok.data.code).toMatchObject({ version: 2, status: 'active' });
    const [entity] = await all('entities', { uscc });
    expect(entity.ownerOpenids).toEqual([OWNER, STRANGER]);

    const [log] = await all('auditLog', { 'target.id': id, action: 'reviewApplication.approve' });
    expect(log).toMatchObject({ actor: XIANGYANG, reason: '现场核验营业执照原件及经营者身份证' });
    expect(log.after.takeover).toMatchObject({ confirmedBy: XIANGYANG, previousOwners: 1, revokedBefore: true });
    expect(await all('auditLog', { 'target.id': entity._id, action: 'entity.addOwner' })).toHaveLength(1);

    const [told] = await all('notifications', { openid: OWNER, kind: 'ownerAdded' });
    expect(told.lines.join('')).toContain('现场核验营业执照原件');
    const [decided] = await all('notifications', { openid: STRANGER, kind: 'applicationDecided' });
    expect(decided).toMatchObject({ title: '诚信码申请已通过', delivery: 'skipped' });

    // Old prints of the revoked code keep saying 已撤销, not 旧码已停用.
    const scan = await cloud.call('public', '', { action: 'verifyCode', codeId: code._id, version: 1 });
    expect(scan.data).toMatchObject({ verdict: 'revoked', label: '已撤销' });
    expect((await cloud.call('public', '', { action: 'verifyCode', codeId: ok.data.code.codeId, version: 2 })).data.verdict).toBe('valid');
  });

  it('a new entity needs no confirmation; its name is the register’s and it is searchable', async () => {
    const uscc = testUscc('230402', 7302);
    await registerRow(uscc, { name: '鹤岗市向阳区（新开）面馆' });
    const applied = await cloud.call('merchant', APPLICANT, application(uscc, { entityName: '鹤岗市向阳区(新开)面馆' }));
    const ok = await staff(XIANGYANG, 'reviewApplication', { applicationId: applied.data.applicationId, decision: 'approve' });
    expect(ok.ok, JSON.stringify(ok.error)).toBe(true);
    const [entity] = await all('entities', { uscc });
    expect(entity.name).toBe('鹤岗市向阳区（新开）面馆');
    expect(entity.nameKeys.length).toBeGreaterThan(0);
  });

  it('a rejection tells the applicant the reason and the next step', async () => {
    const uscc = testUscc('230402', 7303);
    const applied = await cloud.call('merchant', 'oRejectedOne', application(uscc, { entityName: '向阳区驳回测试店' }));
    const res = await staff(XIANGYANG, 'reviewApplication', {
      applicationId: applied.data.applicationId,
      decision: 'reject',
      reason: '营业执照照片不清晰',
    });
    expect(res.ok).toBe(true);
    const [told] = await all('notifications', { openid: 'oRejectedOne', kind: 'applicationDecided' });
    expect(told).toMatchObject({ title: '诚信码申请未通过', page: `pages/apply/apply?from=${applied.data.applicationId}` });
    expect(told.lines).toEqual(expect.arrayContaining(['原因：营业执照照片不清晰']));
    const mine = await cloud.call('merchant', 'oRejectedOne', { action: 'myApplications' });
    expect(mine.data.items[0]).toMatchObject({ status: 'rejected', statusText: '未通过', decisionReason: '营业执照照片不清晰' });
    expect(mine.data.items[0].form).toMatchObject({ uscc, entityName: '向阳区驳回测试店', legalRepName: '李四', licencePhoto: licence });
  });
});

describe('the pending limit under concurrency, withdrawal', () => {
  it('of 100 concurrent applications from one openid for 100 USCCs exactly 10 are accepted', async () => {
    const agent = 'oConcurrentAgent';
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        cloud.call('merchant', agent, application(testUscc('230404', 7400 + i), { entityName: `南山区并发${i}号店` })),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok).every((r) => r.error!.code === 'TOO_MANY_PENDING')).toBe(true);
    expect(await all('applications', { applicantOpenid: agent, status: 'pending' })).toHaveLength(10);

    // Withdrawing one frees a slot; deciding one frees another.
    const [first, second] = results.filter((r) => r.ok).map((r) => r.data.applicationId);
    expect((await cloud.call('merchant', agent, application(testUscc('230404', 7600)))).error?.code).toBe('TOO_MANY_PENDING');
    const w = await cloud.call('merchant', agent, { action: 'withdrawApplication', applicationId: first });
    expect(w.data).toEqual({ applicationId: first, status: 'withdrawn' });
    expect((await cloud.call('merchant', agent, application(testUscc('230404', 7600), { entityName: '南山区撤回后再申请店' }))).ok).toBe(
      true,
    );
    expect((await cloud.call('merchant', agent, application(testUscc('230404', 7601)))).error?.code).toBe('TOO_MANY_PENDING');
    await staff(CITY, 'reviewApplication', { applicationId: second, decision: 'reject', reason: '信息不完整' });
    expect((await cloud.call('merchant', agent, application(testUscc('230404', 7601), { entityName: '南山区驳回后再申请店' }))).ok).toBe(
      true,
    );
  }, 180_000);

  it('a failed insert (a USCC pending under someone else) gives its slot back', async () => {
    const agent = 'oSlotReturned';
    const taken = testUscc('230406', 7700);
    expect((await cloud.call('merchant', 'oFirstComer', application(taken, { entityName: '东山区先到店' }))).ok).toBe(true);
    // Nine of the agent's own, then a race of 20 for the taken USCC: none may hold a slot afterwards.
    for (let i = 0; i < 9; i++) expect((await cloud.call('merchant', agent, application(testUscc('230406', 7710 + i)))).ok).toBe(true);
    const raced = await Promise.all(
      Array.from({ length: 20 }, () => cloud.call('merchant', agent, application(taken, { entityName: '东山区先到店' }))),
    );
    expect(raced.every((r) => r.error?.code === 'APPLICATION_PENDING')).toBe(true);
    expect((await cloud.call('merchant', agent, application(testUscc('230406', 7730)))).ok).toBe(true);
    expect((await cloud.call('merchant', agent, application(testUscc('230406', 7731)))).error?.code).toBe('TOO_MANY_PENDING');
  }, 120_000);

  it('only one’s own pending application can be withdrawn; the withdrawal is audited and the form kept', async () => {
    const uscc = testUscc('230407', 7800);
    const applied = await cloud.call('merchant', APPLICANT, application(uscc, { entityName: '兴山区撤回测试店' }));
    const id = applied.data.applicationId;
    const before = cloud.writeVersion();
    expect((await cloud.call('merchant', STRANGER, { action: 'withdrawApplication', applicationId: id })).error?.code).toBe('NOT_FOUND');
    expect((await cloud.call('merchant', APPLICANT, { action: 'withdrawApplication', applicationId: 'no-such-app' })).error?.code).toBe(
      'NOT_FOUND',
    );
    expect((await cloud.call('merchant', APPLICANT, { action: 'withdrawApplication', applicationId: { $ne: 1 } })).error?.code).toBe(
      'INVALID_INPUT',
    );
    expect(cloud.writeVersion()).toBe(before);

    expect((await cloud.call('merchant', APPLICANT, { action: 'withdrawApplication', applicationId: id })).ok).toBe(true);
    const again = await cloud.call('merchant', APPLICANT, { action: 'withdrawApplication', applicationId: id });
    expect(again.error).toMatchObject({ code: 'INVALID_STATE' });
    expect(again.error!.message).toContain('已撤回');
    const [log] = await all('auditLog', { 'target.id': id, action: 'withdrawApplication' });
    expect(log).toMatchObject({ actor: APPLICANT, role: 'merchant', after: { status: 'withdrawn' } });
    expect(await queueIds(CITY, { keyword: '兴山区撤回测试店' })).toEqual([]);
    // Re-applying for the same USCC works at once (the pending key was freed).
    expect((await cloud.call('merchant', APPLICANT, application(uscc, { entityName: '兴山区撤回测试店' }))).ok).toBe(true);
    const mine = await cloud.call('merchant', APPLICANT, { action: 'myApplications' });
    expect(mine.data.items.filter((a: any) => a.form.uscc === uscc).map((a: any) => a.status)).toEqual(['pending', 'withdrawn']);
  });
});
