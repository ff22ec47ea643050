/**
 * Building blocks of the staff functions' input schemas (core/contract): every field named in
 * Chinese, so errors read as the forms do.
 */
import * as z from 'zod';
import { departmentById, departmentOfField, DEPARTMENT_IDS } from '../departments';
import { FIELDS } from '../fields';
import { districtCode, docId, oneOf, pageFields, text } from './common';

/** A document id (common.ts docId) and a page of a list (common.ts pageFields), by the names staff schemas use. */
export const id = docId;
export const page = pageFields;

export const reason = () => text('原因', 200);

export const staffOpenid = () => z.string({ error: 'openid为必填项' }).regex(/^[A-Za-z0-9_-]{6,64}$/, { error: 'openid格式不正确' });

/**
 * A new staff member: district staff need a district, department staff a 行管部门 from the managed
 * list (core/departments.ts; a field alone names the department that promotes it). The department
 * is what their imports are labelled with and what their scope follows from.
 */
export const staffInput = z
  .object({
    openid: staffOpenid(),
    name: text('姓名', 30),
    role: oneOf('角色', ['city', 'district', 'department']),
    districtCode: districtCode().optional(),
    departmentId: oneOf('所属部门', DEPARTMENT_IDS).optional(),
    field: oneOf('行业领域', FIELDS).optional(),
  })
  .refine((s) => s.role !== 'district' || s.districtCode !== undefined, {
    error: '县（区）工作人员须指定所属县（区）',
    path: ['districtCode'],
  })
  .refine((s) => s.role !== 'department' || (departmentById(s.departmentId) ?? departmentOfField(s.field)) !== undefined, {
    error: '行管部门工作人员须指定所属部门',
    path: ['departmentId'],
  });
export type StaffInput = z.output<typeof staffInput>;

/**
 * 生码 and its printing take the entities as a list of USCCs or as an import batch (one of the two),
 * `offset` walking a batch larger than one call's `max`; `tooMany` says what to do instead.
 */
export function usccListOrBatch(max: number, tooMany: string) {
  return z
    .object({
      uscc: z
        .array(z.string({ error: '统一社会信用代码应为文本' }).max(40, { error: '统一社会信用代码过长' }), {
          error: '统一社会信用代码应为列表',
        })
        .min(1, { error: '请至少填写一个统一社会信用代码' })
        .max(max, { error: tooMany })
        .optional(),
      batchId: z
        .string({ error: '批次编号应为文本' })
        .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '批次编号格式不正确' })
        .optional(),
      /** For a batch naming more than `max` entities: where this call starts. */
      offset: z.coerce.number({ error: '分页参数不正确' }).int().min(0).max(1_000_000).default(0),
    })
    .refine((v) => (v.uscc === undefined) !== (v.batchId === undefined), {
      error: '请提供统一社会信用代码列表或批次编号（二选一）',
      path: ['uscc'],
    });
}
