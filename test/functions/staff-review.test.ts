/** staff: roles, the review queue, approval issuing codes, suspend and revoke — through the real SDK. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { all, CITY, GONGNONG, MERCHANT, MERCHANT2, RETIRED, seedApplication, seedStaff, TAX, usccOf, XIANGYANG } from './staff-fixtures';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
});
afterAll(async () => {
  await cloud?.close();
});

/** Actions that read or write files live in the staffFiles function (same roles and scope). */
const FILE_ACTIONS = new Set(['importRecords', 'importTemplate', 'exportBulletin']);
const staff = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
  cloud.call(FILE_ACTIONS.has(action) ? 'staffFiles' : 'staff', openid, { action, ...payload });

describe('who may call', () => {
  const ACTIONS = [
    'applications',
    'reviewApplication',
    'reviewCommitment',
    'districtStats',
    'statsHistory',
    'bulletin',
    'importRecords',
    'importTemplate',
    'exportBulletin',
    'codes',
    'suspendCode',
    'reinstateCode',
    'revokeCode',
    'staffMembers',
  ];

  it('refuses every action to a WeChat user who is not staff, and to deactivated staff', async () => {
    const app = await seedApplication(cloud, { districtCode: '230402' });
    for (const action of ACTIONS) {
      for (const who of [MERCHANT, RETIRED]) {
        const res = await staff(who, action, { applicationId: app._id, decision: 'approve', kind: 'commitment' });
        expect(res.ok, `${action} by ${who}`).toBe(false);
        expect(res.error!.code).toBe('FORBIDDEN');
        expect(res.error!.message).toMatch(/无权|工作人员/);
        expect(res.error!.details).toEqual({ openid: who });
      }
    }
    expect((await all(cloud, 'applications', { _id: app._id }))[0].status).toBe('pending');
    expect(await all(cloud, 'codes')).toEqual([]);
  });

  it('refuses calls without a WeChat identity', async () => {
    const res = await staff('', 'districtStats');
    expect(res.error?.code).toBe('UNAUTHENTICATED');
  });

  it('limits staff lists to the city admin', async () => {
    expect((await staff(XIANGYANG, 'staffMembers')).error?.code).toBe('FORBIDDEN');
    const list = await staff(CITY, 'staffMembers', { op: 'list' });
    expect(list.data.members.map((m: { openid: string }) => m.openid)).toContain(TAX);
  });
});

describe('district scope', () => {
  it("shows district staff only their own district's queue and refuses another district's", async () => {
    const own = await seedApplication(cloud, { districtCode: '230402' });
    const other = await seedApplication(cloud, { districtCode: '230403' });
    const mine = await staff(XIANGYANG, 'applications');
    expect(mine.ok).toBe(true);
    const ids = mine.data.items.map((a: { _id: string }) => a._id);
    expect(ids).toContain(own._id);
    expect(ids).not.toContain(other._id);
    expect(mine.data.items.every((a: { districtCode: string }) => a.districtCode === '230402')).toBe(true);

    const peek = await staff(XIANGYANG, 'applications', { districtCode: '230403' });
    expect(peek.error?.code).toBe('FORBIDDEN');
    expect(peek.error?.message).toContain('向阳区');
  });

  it('refuses a district staff member approving an application of another district, changing nothing', async () => {
    const other = await seedApplication(cloud, { districtCode: '230403' });
    const res = await staff(XIANGYANG, 'reviewApplication', { applicationId: other._id, decision: 'approve' });
    expect(res.error?.code).toBe('FORBIDDEN');
    const [app] = await all(cloud, 'applications', { _id: other._id });
    expect(app.status).toBe('pending');
    expect(app.pendingKey).toBe(other.uscc);
    expect(await all(cloud, 'entities', { uscc: other.uscc })).toEqual([]);
  });

  it('limits department staff to their field', async () => {
    const tax = await seedApplication(cloud, { districtCode: '230404', field: '税务' });
    const market = await seedApplication(cloud, { districtCode: '230404', field: '市场监管' });
    expect((await staff(TAX, 'reviewApplication', { applicationId: market._id, decision: 'approve' })).error?.code).toBe('FORBIDDEN');
    const ok = await staff(TAX, 'reviewApplication', { applicationId: tax._id, decision: 'approve' });
    expect(ok.ok).toBe(true);
    const list = await staff(TAX, 'applications', { status: 'approved' });
    expect(list.data.items.every((a: { field: string }) => a.field === '税务')).toBe(true);
  });
});

describe('reviewApplication', () => {
  it('approving creates the entity, issues one code, clears the pending key and audits it', async () => {
    const app = await seedApplication(cloud, { districtCode: '230402' });
    const res = await staff(XIANGYANG, 'reviewApplication', { applicationId: app._id, decision: 'approve' });
    expect(res.ok).toBe(true);
    expect(res.data.code).toMatchObject({ status: 'active', version: 1 });

    const [stored] = await all(cloud, 'applications', { _id: app._id });
    expect(stored).toMatchObject({ status: 'approved', reviewedBy: XIANGYANG, codeId: res.data.code.codeId });
    expect('pendingKey' in stored).toBe(false);
    const [entity] = await all(cloud, 'entities', { uscc: app.uscc });
    expect(entity).toMatchObject({ districtCode: '230402', ownerOpenids: [MERCHANT], field: '市场监管' });
    expect(stored.entityId).toBe(entity._id);
    const codes = await all(cloud, 'codes', { entityId: entity._id });
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({ _id: res.data.code.codeId, status: 'active', liveKey: entity._id, districtCode: '230402' });

    const log = await all(cloud, 'auditLog', { 'target.id': app._id });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: XIANGYANG, role: 'district', action: 'reviewApplication.approve' });
    expect(log[0].before.status).toBe('pending');
    expect(log[0].after.status).toBe('approved');
    expect(await all(cloud, 'auditLog', { 'target.id': res.data.code.codeId, action: 'code.issue' })).toHaveLength(1);

    const again = await staff(CITY, 'reviewApplication', { applicationId: app._id, decision: 'approve' });
    expect(again.error?.code).toBe('ALREADY_REVIEWED');
    expect(await all(cloud, 'codes', { entityId: entity._id })).toHaveLength(1);
  });

  it('two reviewers approving at once issue exactly one code', async () => {
    const app = await seedApplication(cloud, { districtCode: '230403' });
    const results = await Promise.all([
      staff(GONGNONG, 'reviewApplication', { applicationId: app._id, decision: 'approve' }),
      staff(CITY, 'reviewApplication', { applicationId: app._id, decision: 'approve' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)?.error?.code).toBe('ALREADY_REVIEWED');
    expect(await all(cloud, 'codes', { uscc: app.uscc })).toHaveLength(1);
  });

  it('a second owner of an entity that already has a code joins it without a new code', async () => {
    const first = await seedApplication(cloud, { districtCode: '230405' });
    const a = await staff(CITY, 'reviewApplication', { applicationId: first._id, decision: 'approve' });
    const second = await seedApplication(cloud, { districtCode: '230405', uscc: first.uscc, applicant: MERCHANT2 });
    const b = await staff(CITY, 'reviewApplication', {
      applicationId: second._id,
      decision: 'approve',
      confirmTakeover: true,
      reason: '已核对授权委托书',
    });
    expect(b.data.code.codeId).toBe(a.data.code.codeId);
    const [entity] = await all(cloud, 'entities', { uscc: first.uscc });
    expect(entity.ownerOpenids).toEqual([MERCHANT, MERCHANT2]);
    expect(await all(cloud, 'codes', { uscc: first.uscc })).toHaveLength(1);
  });

  it('rejecting needs a reason, stores it and issues nothing', async () => {
    const app = await seedApplication(cloud, { districtCode: '230402' });
    const noReason = await staff(XIANGYANG, 'reviewApplication', { applicationId: app._id, decision: 'reject' });
    expect(noReason.error).toMatchObject({ code: 'INVALID_INPUT', message: '驳回时请填写原因' });
    expect((await all(cloud, 'applications', { _id: app._id }))[0].status).toBe('pending');

    const res = await staff(XIANGYANG, 'reviewApplication', {
      applicationId: app._id,
      decision: 'reject',
      reason: '营业执照信息与申请不符',
    });
    expect(res.ok).toBe(true);
    const [stored] = await all(cloud, 'applications', { _id: app._id });
    expect(stored).toMatchObject({ status: 'rejected', decisionReason: '营业执照信息与申请不符' });
    expect('pendingKey' in stored).toBe(false);
    expect(await all(cloud, 'entities', { uscc: app.uscc })).toEqual([]);
    const [log] = await all(cloud, 'auditLog', { 'target.id': app._id });
    expect(log).toMatchObject({ action: 'reviewApplication.reject', reason: '营业执照信息与申请不符' });
  });

  it('answers bad inputs with stable codes', async () => {
    expect((await staff(CITY, 'reviewApplication', {})).error?.code).toBe('INVALID_INPUT');
    expect((await staff(CITY, 'reviewApplication', { applicationId: 'nope', decision: 'maybe' })).error?.code).toBe('INVALID_INPUT');
    expect((await staff(CITY, 'reviewApplication', { applicationId: { $ne: 1 }, decision: 'approve' })).error?.code).toBe('INVALID_INPUT');
    expect((await staff(CITY, 'reviewApplication', { applicationId: 'doesnotexist', decision: 'approve' })).error?.code).toBe('NOT_FOUND');
    expect((await staff(CITY, 'applications', { status: 'lost' })).error?.code).toBe('INVALID_INPUT');
    expect((await staff(CITY, 'noSuchAction')).error?.code).toBe('UNKNOWN_ACTION');
  });
});

describe('suspend and revoke', () => {
  async function coded(districtCode: string) {
    const app = await seedApplication(cloud, { districtCode });
    const res = await staff(CITY, 'reviewApplication', { applicationId: app._id, decision: 'approve' });
    return { uscc: app.uscc, codeId: res.data.code.codeId as string };
  }

  it("refuses another district's code", async () => {
    const { codeId } = await coded('230403');
    const res = await staff(XIANGYANG, 'suspendCode', { codeId, reason: '投诉核查' });
    expect(res.error?.code).toBe('FORBIDDEN');
    expect((await all(cloud, 'codes', { _id: codeId }))[0].status).toBe('active');
  });

  it('suspends, reinstates and revokes with history and audit; a revoked entity gets version 2', async () => {
    const { uscc, codeId } = await coded('230402');
    expect((await staff(XIANGYANG, 'suspendCode', { codeId })).error?.code).toBe('INVALID_INPUT'); // reason required

    const s = await staff(XIANGYANG, 'suspendCode', { codeId, reason: '消费者投诉，核查期间暂停' });
    expect(s.data.code.status).toBe('suspended');
    expect((await staff(XIANGYANG, 'suspendCode', { codeId, reason: '再次' })).error?.code).toBe('INVALID_STATE');
    expect((await staff(XIANGYANG, 'reinstateCode', { codeId, reason: '核查无误' })).data.code.status).toBe('active');

    const r = await staff(XIANGYANG, 'revokeCode', { codeId, reason: '主体已注销' });
    expect(r.data.code.status).toBe('revoked');
    const [code] = await all(cloud, 'codes', { _id: codeId });
    expect(code.status).toBe('revoked');
    expect('liveKey' in code).toBe(false);
    expect(code.history.map((h: { status: string }) => h.status)).toEqual(['active', 'suspended', 'active', 'revoked']);
    expect(code.history[3]).toMatchObject({ by: XIANGYANG, reason: '主体已注销' });
    expect((await staff(CITY, 'revokeCode', { codeId, reason: '重复' })).error?.code).toBe('INVALID_STATE');

    const log = await all(cloud, 'auditLog', { 'target.id': codeId, action: 'revokeCode' });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      before: { status: 'active', liveKey: code.entityId },
      after: { status: 'revoked', liveKey: null },
      reason: '主体已注销',
    });
    expect(await all(cloud, 'auditLog', { 'target.id': codeId, action: 'suspendCode' })).toHaveLength(1);

    const again = await seedApplication(cloud, { districtCode: '230402', uscc });
    const res = await staff(XIANGYANG, 'reviewApplication', {
      applicationId: again._id,
      decision: 'approve',
      confirmTakeover: true,
      reason: '已核对营业执照',
    });
    expect(res.data.code).toMatchObject({ version: 2, status: 'active' });
    expect(res.data.code.codeId).not.toBe(codeId);
  });

  it('lists the codes in scope with their entity names', async () => {
    const mine = await coded('230402');
    const theirs = await coded('230404');
    const list = await staff(XIANGYANG, 'codes');
    const ids = list.data.items.map((c: { codeId: string }) => c.codeId);
    expect(ids).toContain(mine.codeId);
    expect(ids).not.toContain(theirs.codeId);
    expect(list.data.items.find((c: { codeId: string }) => c.codeId === mine.codeId)).toMatchObject({
      uscc: mine.uscc,
      status: 'active',
      version: 1,
    });
    expect(list.data.items[0].entityName).toMatch(/^测试商户/);
    expect((await staff(XIANGYANG, 'codes', { districtCode: '230404' })).error?.code).toBe('FORBIDDEN');
    expect((await staff(CITY, 'codes', { status: 'gone' })).error?.code).toBe('INVALID_INPUT');
  });

  it('refuses unknown codes', async () => {
    expect((await staff(CITY, 'suspendCode', { codeId: 'unknownCode123', reason: 'x' })).error?.code).toBe('NOT_FOUND');
  });
});

describe('reviewCommitment', () => {
  async function pendingCommitment(districtCode: string, field = '市场监管') {
    const uscc = usccOf(districtCode, 700_000 + Math.floor(Math.random() * 99_999));
    await cloud.db.collection('entities').add({
      data: {
        uscc,
        name: '承诺商户',
        category: 'company',
        districtCode,
        address: '地址',
        field,
        ownerOpenids: [MERCHANT],
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    });
    const res = await cloud.db.collection('commitments').add({
      data: {
        promiserName: '承诺商户',
        promiserCategory: '法人',
        promiserCode: uscc,
        commitmentType: '主动型',
        commitmentArea: '市场主体承诺书',
        field,
        reason: '诚信经营',
        content: '依法经营',
        liability: '接受处理',
        committedOn: '2026-05-01',
        publicity: '可向社会公开',
        uscc,
        status: 'pending',
        source: { kind: 'self', openid: MERCHANT },
        dedupKey: `self-${uscc}`,
        createdAt: new Date(),
      },
    });
    return res._id as string;
  }

  it("lists and decides a district's own commitments only", async () => {
    const mine = await pendingCommitment('230402');
    const theirs = await pendingCommitment('230403');
    const queue = await staff(XIANGYANG, 'applications', { kind: 'commitment' });
    const ids = queue.data.items.map((c: { _id: string }) => c._id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);

    expect((await staff(XIANGYANG, 'reviewCommitment', { commitmentId: theirs, decision: 'approve' })).error?.code).toBe('FORBIDDEN');
    const ok = await staff(XIANGYANG, 'reviewCommitment', { commitmentId: mine, decision: 'reject', reason: '承诺内容过于笼统' });
    expect(ok.data.commitment).toMatchObject({ status: 'rejected', decisionReason: '承诺内容过于笼统' });
    expect((await all(cloud, 'commitments', { _id: theirs }))[0].status).toBe('pending');
    expect(await all(cloud, 'auditLog', { 'target.id': mine })).toHaveLength(1);
    expect((await staff(CITY, 'reviewCommitment', { commitmentId: mine, decision: 'approve' })).error?.code).toBe('ALREADY_REVIEWED');
  });
});
