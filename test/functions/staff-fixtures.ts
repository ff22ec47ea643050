/** Shared seed data of the staff function tests: staff of each role, applications, codes, totals. */
import { composeUscc } from '../../core';
import type { TestCloud } from '../support/local-cloud';

export const CITY = 'oCityAdmin000001';
export const XIANGYANG = 'oDistrict230402'; // 向阳区 staff
export const GONGNONG = 'oDistrict230403'; // 工农区 staff
export const TAX = 'oDeptTax00000001'; // 税务 department staff
export const RETIRED = 'oRetiredStaff001';
export const MERCHANT = 'oMerchant0000001';
export const MERCHANT2 = 'oMerchant0000002';

export const AT = new Date('2026-05-20T02:00:00Z');

export async function seedStaff(cloud: TestCloud): Promise<void> {
  await cloud.db.collection('staff').add({
    data: [
      { openid: CITY, name: '市级管理员', role: 'city', active: true, createdAt: AT },
      { openid: XIANGYANG, name: '向阳区专员', role: 'district', districtCode: '230402', active: true, createdAt: AT },
      { openid: GONGNONG, name: '工农区专员', role: 'district', districtCode: '230403', active: true, createdAt: AT },
      { openid: TAX, name: '税务专员', role: 'department', field: '税务', department: '市税务局', active: true, createdAt: AT },
      { openid: RETIRED, name: '已停用', role: 'city', active: false, createdAt: AT },
    ],
  });
}

/** A valid USCC registered in `area`, numbered `i`. */
export function usccOf(area: string, i: number): string {
  return composeUscc({ department: '9', category: '1', area, org8: String(i).padStart(8, '0') });
}

let appSeq = 0;

/** Insert a pending application as the merchant function would, returning its _id. */
export async function seedApplication(
  cloud: TestCloud,
  opts: { districtCode: string; field?: string; uscc?: string; applicant?: string },
): Promise<{ _id: string; uscc: string }> {
  const uscc = opts.uscc ?? usccOf(opts.districtCode, ++appSeq);
  const res = await cloud.db.collection('applications').add({
    data: {
      uscc,
      entityName: `测试商户${appSeq}`,
      category: 'company',
      districtCode: opts.districtCode,
      address: '鹤岗市测试路1号',
      field: opts.field ?? '市场监管',
      contactName: '张三',
      contactPhone: '13800000000',
      applicantOpenid: opts.applicant ?? MERCHANT,
      status: 'pending',
      pendingKey: uscc,
      createdAt: new Date(AT.getTime() + appSeq * 1000),
    },
  });
  return { _id: res._id, uscc };
}

let codeSeq = 0;

/** Insert `n` codes of a district directly (stats only count them). */
export async function seedCodes(cloud: TestCloud, districtCode: string, n: number, status = 'active'): Promise<void> {
  if (n === 0) return;
  const data = Array.from({ length: n }, () => {
    const i = ++codeSeq;
    const entityId = `e-${districtCode}-${i}`;
    return {
      entityId,
      uscc: usccOf(districtCode, 900_000 + i),
      districtCode,
      field: '市场监管',
      status,
      version: 1,
      ...(status === 'revoked' ? {} : { liveKey: entityId }),
      issuedAt: AT,
      history: [],
    };
  });
  await cloud.db.collection('codes').add({ data });
}

export async function seedTotals(cloud: TestCloud, districtCode: string, asOf: string, marketEntities: number, xinyidaiRegistered: number) {
  await cloud.db.collection('districtTotals').add({
    data: {
      districtCode,
      asOf,
      marketEntities,
      xinyidaiRegistered,
      source: { kind: 'import', department: '测试', importedBy: CITY, importedAt: AT, batch: 't' },
      dedupKey: `${districtCode}-${asOf}-${marketEntities}`,
      createdAt: AT,
    },
  });
}

/** Everything in a collection (test sizes are small). */
export async function all(cloud: TestCloud, name: string, where: Record<string, unknown> = {}): Promise<any[]> {
  const res = await cloud.db.collection(name).where(where).limit(1000).get();
  return res.data;
}
