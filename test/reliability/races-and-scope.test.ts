/**
 * The promises that must hold under pressure, through the real functions:
 * 100 people applying for one USCC at once leave one application, one entity, one live code;
 * nobody outside the staff list, and no district staff outside their district, changes anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitmentTemplate } from '../../core';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { testUscc } from '../support/coded-entity';
import { isStableError } from './hostile';
import { staffActions } from '../../server/staff/actions';
import { staffFileActions } from '../../server/staff/file-actions';
import { staffDocActions } from '../../server/staff/doc-actions';

const CITY = 'rel-city-admin';
const XIANGYANG = 'rel-staff-230402';
/** Every action of the three staff functions, from their registries: none may answer a non-staff caller. */
const FUNCTION_OF = new Map<string, 'staff' | 'staffFiles' | 'staffDocs'>([
  ...Object.keys(staffActions).map((a) => [a, 'staff'] as const),
  ...Object.keys(staffFileActions).map((a) => [a, 'staffFiles'] as const),
  ...Object.keys(staffDocActions).map((a) => [a, 'staffDocs'] as const),
]);
const STAFF_ACTIONS = [...FUNCTION_OF.keys()];
const functionOf = (action: string) => FUNCTION_OF.get(action)!;

let cloud: TestCloud;

function application(uscc: string) {
  return {
    action: 'applyCode',
    uscc,
    entityName: '工农区诚信便利店',
    category: 'company',
    address: '鹤岗市工农区新建路18号',
    field: '商务',
    contactName: '王五',
    contactPhone: '13900002222',
    legalRepName: '王五',
    licencePhoto: 'cloud://localcloud.localcloud-1250000000/licences/races.jpg',
  };
}

async function where(collection: string, query: Record<string, unknown>): Promise<any[]> {
  return (await cloud.db.collection(collection).where(query).limit(1000).get()).data;
}

beforeAll(async () => {
  cloud = await startTestCloud();
  const at = new Date();
  await cloud.db.collection('staff').add({
    data: [
      { openid: CITY, name: '市级管理员', role: 'city', active: true, createdAt: at },
      { openid: XIANGYANG, name: '向阳区专员', role: 'district', districtCode: '230402', active: true, createdAt: at },
    ],
  });
});
afterAll(async () => {
  await cloud?.close();
});

describe('100 concurrent applications for one USCC', () => {
  const uscc = testUscc('230403', 777_001);

  it('leave exactly one pending application, then one entity and one active code', async () => {
    const applicants = Array.from({ length: 100 }, (_, i) => `rel-applicant-${i}`);
    const results = await Promise.all(applicants.map((o) => cloud.call('merchant', o, application(uscc))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r.error?.code).toBe('APPLICATION_PENDING');
      expect(isStableError(r.error)).toBe(true);
    }
    const pending = await where('applications', { uscc, status: 'pending' });
    expect(pending).toHaveLength(1);

    // Ten reviewers press 通过 at the same moment.
    const approvals = await Promise.all(
      Array.from({ length: 10 }, () =>
        cloud.call('staff', CITY, { action: 'reviewApplication', applicationId: pending[0]._id, decision: 'approve' }),
      ),
    );
    expect(approvals.filter((r) => r.ok)).toHaveLength(1);
    for (const r of approvals.filter((x) => !x.ok)) expect(isStableError(r.error)).toBe(true);

    expect(await where('entities', { uscc })).toHaveLength(1);
    const codes = await where('codes', { uscc });
    expect(codes.filter((c) => c.status === 'active')).toHaveLength(1);
    expect(codes).toHaveLength(1);

    // And another hundred after approval: all told the code exists, nothing new stored.
    const before = cloud.writeVersion();
    const again = await Promise.all(applicants.map((o) => cloud.call('merchant', o, application(uscc))));
    expect(again.every((r) => !r.ok && r.error?.code === 'CODE_EXISTS')).toBe(true);
    expect(cloud.writeVersion()).toBe(before);
  }, 120_000); // 100 function calls on a 2-core machine
});

describe('staff scope', () => {
  /** Targets in 工农区 (230403): an application, an entity with a code and a pending commitment. */
  const targets: Record<string, string> = {};

  beforeAll(async () => {
    const owner = 'rel-owner-230403';
    const uscc = testUscc('230403', 777_002);
    expect((await cloud.call('merchant', owner, application(uscc))).ok).toBe(true);
    const [app] = await where('applications', { uscc, status: 'pending' });
    expect((await cloud.call('staff', CITY, { action: 'reviewApplication', applicationId: app._id, decision: 'approve' })).ok).toBe(true);
    const [code] = await where('codes', { uscc });
    const t = commitmentTemplate('商务');
    const submitted = await cloud.call('merchant', owner, {
      action: 'submitCommitment',
      promiserName: '工农区诚信便利店',
      promiserCategory: '法人',
      promiserCode: uscc,
      commitmentType: t.commitmentType,
      commitmentArea: t.commitmentArea,
      reason: t.reason,
      content: t.content,
      liability: t.liability,
      committedOn: '2026-11-01',
      publicity: '可向社会公开',
    });
    expect(submitted.ok).toBe(true);
    const [commitment] = await where('commitments', { uscc, status: 'pending' });
    const otherUscc = testUscc('230403', 777_003);
    expect((await cloud.call('merchant', owner, application(otherUscc))).ok).toBe(true);
    const [pendingApp] = await where('applications', { uscc: otherUscc, status: 'pending' });
    Object.assign(targets, { applicationId: pendingApp._id, codeId: code._id, commitmentId: commitment._id });
  });

  /** Events that touch 工农区, one per staff action. */
  function eventFor(action: string): Record<string, unknown> {
    switch (action) {
      case 'applications':
        return { action, districtCode: '230403' };
      case 'reviewApplication':
        return { action, applicationId: targets.applicationId, decision: 'approve' };
      case 'reviewCommitment':
        return { action, commitmentId: targets.commitmentId, decision: 'approve' };
      case 'suspendCode':
      case 'revokeCode':
        return { action, codeId: targets.codeId, reason: '核查中发现问题' };
      default:
        return { action };
    }
  }

  it.each(STAFF_ACTIONS)('%s is refused to a WeChat user who is not staff, even naming a staff openid', async (action) => {
    const before = cloud.writeVersion();
    const res = await cloud.call(functionOf(action), 'rel-not-staff', { ...eventFor(action), openid: CITY, userInfo: { openId: CITY } });
    expect(res.ok).toBe(false);
    expect(res.error?.code).toBe('FORBIDDEN');
    expect(cloud.writeVersion()).toBe(before);
  });

  it.each(['applications', 'reviewApplication', 'reviewCommitment', 'suspendCode', 'revokeCode', 'staffMembers'])(
    "%s on another district's affairs is refused to district staff, changing nothing",
    async (action) => {
      const before = cloud.writeVersion();
      const res = await cloud.call('staff', XIANGYANG, eventFor(action));
      expect(res.ok).toBe(false);
      expect(res.error?.code).toBe('FORBIDDEN');
      expect(cloud.writeVersion()).toBe(before);
    },
  );

  it('an import of another district’s totals by district staff stores nothing', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('总量');
    ws.addRow(['*县（区）代码', '*统计日期', '*市场主体总量', '*入驻信易贷平台企业数']);
    ws.addRow(['230403', '2026-11-01', 9000, 1200]);
    const fileBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const res = await cloud.call('staffFiles', XIANGYANG, { action: 'importRecords', kind: 'districtTotals', fileBase64 });
    expect(res.ok).toBe(true);
    expect(res.data).toMatchObject({ rows: 1, inserted: 0, invalid: 1 });
    expect(res.data.issues[0]).toMatchObject({ row: 2, reason: '只能导入本县（区）的数据' });
    expect(await where('districtTotals', { districtCode: '230403' })).toHaveLength(0);
  });
});
