/**
 * What the city enters for the 通报 by hand, each as one document per date, marked with who
 * entered it and audited:
 *  - setBulletinInputs: section 二's figures that no table holds (公职人员承诺份数, 覆盖面的基数,
 *    公开公示率);
 *  - setDepartmentProgress: section 三's 行管部门 status (制定推进落实文件 / 报送工作动态), a stand-in
 *    for the department ledger of issue #14, which will produce the same DepartmentStatus list.
 * The 通报 of a cut-off date reads the latest entry dated on or before it.
 */
import type { BulletinInputs, BulletinInputsDoc, DepartmentProgressDoc } from '../../core/bulletin-report';
import type { ParsedOf } from '../../core/contract/define';
import type { staffOfficeContract } from '../../core/contract/staff-office';
import { chinaDate } from '../../core/rates';
import type { Database } from '../cloud';
import { fetchById, fetchOne } from '../db';
import { COLLECTIONS } from '../model';
import { toWire } from '../wire';
import type { StaffContext } from './define-staff-actions';
import { actorOf, auditByStaff, requireCity, type Staff } from './roles';

type Contract = typeof staffOfficeContract;

async function save<V extends object>(
  db: Database,
  staff: Staff,
  now: Date,
  collection: 'bulletinInputs' | 'departmentProgress',
  asOf: string,
  value: V,
) {
  const coll = db.collection(COLLECTIONS[collection]);
  const before = await fetchById<BulletinInputsDoc | DepartmentProgressDoc>(coll.doc(asOf));
  const doc = { asOf, ...value, enteredBy: actorOf(staff), enteredByName: staff.name, enteredAt: now };
  await coll.doc(asOf).set({ data: doc });
  await auditByStaff(db, staff, {
    at: now,
    action: collection === 'bulletinInputs' ? 'setBulletinInputs' : 'setDepartmentProgress',
    target: { collection: COLLECTIONS[collection], id: asOf },
    before: before ?? null,
    after: doc,
  });
  return { _id: asOf, ...doc };
}

export async function setBulletinInputs(input: ParsedOf<Contract['setBulletinInputs']>, { db, now, staff }: StaffContext) {
  requireCity(staff);
  const value: BulletinInputs = {
    officialCommitments: input.officialCommitments,
    coverageBase: input.coverageBase,
    disclosureBasisPoints: Math.round(input.disclosurePercent * 100),
  };
  const doc: BulletinInputsDoc = await save(db, staff, now, 'bulletinInputs', input.asOf ?? chinaDate(now), value);
  return toWire(doc);
}

export async function setDepartmentProgress(input: ParsedOf<Contract['setDepartmentProgress']>, { db, now, staff }: StaffContext) {
  requireCity(staff);
  const doc: DepartmentProgressDoc = await save(db, staff, now, 'departmentProgress', input.asOf ?? chinaDate(now), {
    departments: input.departments,
  });
  return toWire(doc);
}

/** The latest entry dated on or before `cutoff`. */
export async function latestEntry<T>(
  db: Database,
  collection: 'bulletinInputs' | 'departmentProgress',
  cutoff: string,
): Promise<T | undefined> {
  return fetchOne<T>(
    db
      .collection(COLLECTIONS[collection])
      .where({ asOf: db.command.lte(cutoff) })
      .orderBy('asOf', 'desc')
      .limit(1),
  );
}
