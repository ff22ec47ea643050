/** Seed data of the reaching-40% tests: register rows, department staff, records a department supplied. */
import type { TestCloud } from '../support/local-cloud';
import { AT, usccOf } from './staff-fixtures';

export const SCJG = 'oDeptScjg0000001'; // 市市场监管局 staff (departmentId scjg)
export const SWJ = 'oDeptSwj00000001'; // 市税务局 staff (departmentId swj)

export async function seedDepartmentStaff(cloud: TestCloud): Promise<void> {
  await cloud.db.collection('staff').add({
    data: [
      {
        openid: SCJG,
        name: '市场监管专员',
        role: 'department',
        departmentId: 'scjg',
        department: '市市场监管局',
        active: true,
        createdAt: AT,
      },
      { openid: SWJ, name: '税务专员', role: 'department', departmentId: 'swj', department: '市税务局', active: true, createdAt: AT },
    ],
  });
}

export interface RegisterSeed {
  districtCode: string;
  n: number;
  /** First number of usccOf (keeps USCCs of different calls apart). */
  from: number;
  entityType?: string;
  address?: (i: number) => string;
  foundedOn?: (i: number) => string;
  inBusiness?: boolean;
}

/** Insert register rows as the register import would (no `coded` flag), returning their USCCs. */
export async function seedRegister(cloud: TestCloud, s: RegisterSeed): Promise<string[]> {
  const rows = Array.from({ length: s.n }, (_, k) => {
    const i = s.from + k;
    return {
      uscc: usccOf(s.districtCode, i),
      name: `鹤岗市测试商贸${i}有限公司`,
      entityType: s.entityType ?? '有限责任公司',
      legalRep: `法人${i}`,
      address: s.address?.(i) ?? `鹤岗市${i % 2 ? '红军路' : '解放路'}${i}号`,
      districtCode: s.districtCode,
      foundedOn: s.foundedOn?.(i) ?? `20${String(10 + (i % 15)).padStart(2, '0')}-03-01`,
      regStatus: s.inBusiness === false ? '注销' : '存续',
      inBusiness: s.inBusiness ?? true,
      batchId: 'b-register',
      createdAt: AT,
      updatedAt: AT,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await cloud.db.collection('register').add({ data: rows.slice(i, i + 500) });
  return rows.map((r) => r.uscc);
}

let codeSeq = 0;
/** A live code for `uscc` inserted directly (as a path that does not set the register flag would). */
export async function seedLiveCode(cloud: TestCloud, uscc: string, districtCode: string, field = '市场监管'): Promise<string> {
  const entityId = `e-reach-${++codeSeq}`;
  const res = await cloud.db.collection('codes').add({
    data: { entityId, uscc, districtCode, field, status: 'active', version: 1, liveKey: entityId, issuedAt: AT, history: [] },
  });
  return res._id as string;
}

/** A commitment a department supplied for `uscc` (makes the entity "known" to that department). */
export async function seedDepartmentRecord(cloud: TestCloud, uscc: string, departmentId: string, department: string): Promise<void> {
  await cloud.db.collection('commitments').add({
    data: {
      uscc,
      promiserName: '测试',
      promiserCode: uscc,
      field: '市场监管',
      status: 'approved',
      source: { kind: 'import', departmentId, department, importedBy: 'x', importedAt: AT, batch: 'b1' },
      batchId: 'b1',
      dedupKey: `${uscc}-${departmentId}`,
      createdAt: AT,
    },
  });
}
