/**
 * What the city enters for the 通报 by hand, each as one document per date, marked with who
 * entered it and audited:
 *  - setBulletinInputs: section 二's figures that no table holds (公职人员承诺份数, 覆盖面的基数,
 *    公开公示率);
 *  - setDepartmentProgress: section 三's 行管部门 status (制定推进落实文件 / 报送工作动态), a stand-in
 *    for the department ledger of issue #14, which will produce the same DepartmentStatus list.
 * The 通报 of a cut-off date reads the latest entry dated on or before it.
 */
import * as z from 'zod';
import { date, DEPARTMENT_IDS, parseOrThrow } from '../../core';
import type { BulletinInputs, DepartmentStatus } from '../../core/bulletin-report';
import { chinaDate } from '../../core/rates';
import type { Database } from '../cloud';
import { fetchById, fetchOne } from '../db';
import type { ActionContext } from '../handler';
import { COLLECTIONS } from '../model';
import { actorOf, auditByStaff, loadStaff, requireCity, type Staff } from './roles';

const countOf = (label: string) =>
  z.coerce.number({ error: `${label}应为数字` }).int({ error: `${label}应为整数` }).min(0, { error: `${label}不能为负数` }).max(1_000_000, { error: `${label}超出合理范围` });

const inputsSchema = z.object({
  asOf: date('录入日期').optional(),
  officialCommitments: countOf('公职人员承诺份数'),
  coverageBase: countOf('应作出承诺的单位总数').min(1, { error: '应作出承诺的单位总数至少为1' }),
  disclosurePercent: z.coerce
    .number({ error: '公开公示率应为数字' })
    .min(0, { error: '公开公示率不能为负数' })
    .max(100, { error: '公开公示率不能超过100' })
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { error: '公开公示率最多保留两位小数' }),
});

const progressSchema = z.object({
  asOf: date('录入日期').optional(),
  departments: z
    .array(
      z.object({
        departmentId: z.enum(DEPARTMENT_IDS, { error: '部门不在行管部门名单中' }),
        policyDocument: z.boolean({ error: '是否制定推进落实文件应为是或否' }),
        dynamics: z.boolean({ error: '是否报送工作动态应为是或否' }),
      }),
      { error: '请逐个部门填写推进情况' },
    )
    .max(DEPARTMENT_IDS.length, { error: '部门数量超出名单' })
    .refine((l) => new Set(l.map((d) => d.departmentId)).size === l.length, { error: '同一部门只能填写一次' }),
});

interface Entered {
  _id: string;
  asOf: string;
  enteredBy: string;
  enteredByName: string;
  enteredAt: Date;
}
export type BulletinInputsDoc = Entered & BulletinInputs;
export interface DepartmentProgressDoc extends Entered {
  departments: DepartmentStatus[];
}

async function save(db: Database, staff: Staff, now: Date, collection: 'bulletinInputs' | 'departmentProgress', asOf: string, value: object) {
  const coll = db.collection(COLLECTIONS[collection]);
  const before = await fetchById<Entered>(coll.doc(asOf));
  const doc = { asOf, ...value, enteredBy: actorOf(staff), enteredByName: staff.name, enteredAt: now };
  await coll.doc(asOf).set({ data: doc });
  await auditByStaff(db, staff, { at: now, action: collection === 'bulletinInputs' ? 'setBulletinInputs' : 'setDepartmentProgress', target: { collection: COLLECTIONS[collection], id: asOf }, before: before ?? null, after: doc });
  return { _id: asOf, ...doc };
}

async function cityAdmin(ctx: ActionContext): Promise<Staff> {
  const staff = await loadStaff(ctx.db, ctx.caller.openid);
  requireCity(staff);
  return staff;
}

export async function setBulletinInputs(payload: Record<string, unknown>, ctx: ActionContext) {
  const staff = await cityAdmin(ctx);
  const input = parseOrThrow(inputsSchema, payload);
  const value: BulletinInputs = {
    officialCommitments: input.officialCommitments,
    coverageBase: input.coverageBase,
    disclosureBasisPoints: Math.round(input.disclosurePercent * 100),
  };
  return save(ctx.db, staff, ctx.now, 'bulletinInputs', input.asOf ?? chinaDate(ctx.now), value);
}

export async function setDepartmentProgress(payload: Record<string, unknown>, ctx: ActionContext) {
  const staff = await cityAdmin(ctx);
  const input = parseOrThrow(progressSchema, payload);
  return save(ctx.db, staff, ctx.now, 'departmentProgress', input.asOf ?? chinaDate(ctx.now), { departments: input.departments });
}

/** The latest entry dated on or before `cutoff`. */
export async function latestEntry<T>(db: Database, collection: 'bulletinInputs' | 'departmentProgress', cutoff: string): Promise<T | undefined> {
  return fetchOne<T>(db.collection(COLLECTIONS[collection]).where({ asOf: db.command.lte(cutoff) }).orderBy('asOf', 'desc').limit(1));
}
