/**
 * 市场主体名录 (register) rows as 市场监管 exports them. Private data: legal representatives never
 * appear on public pages. 所属县（区） may be written as a district name (向阳区) or its code.
 */
import * as z from 'zod';
import { DISTRICTS } from '../districts';
import { districtCode, optionalDate, text, uscc } from './common';

/** 登记状态 → in business? 注销/吊销/迁出/撤销 are not; 存续/在业/开业/在营/在册 are; anything else is refused. */
export function registerInBusiness(status: string): boolean | undefined {
  if (/注销|吊销|迁出|撤销/.test(status)) return false;
  if (/存续|在业|开业|在营|在册/.test(status)) return true;
  return undefined;
}

const districtByName = new Map(DISTRICTS.map((d) => [d.name, d.code]));

export const registerSchema = z.object({
  uscc: uscc('统一社会信用代码'),
  name: text('市场主体名称', 200),
  entityType: text('市场主体类型', 60),
  legalRep: text('法定代表人（负责人、经营者）', 60),
  address: text('住所（经营场所）', 300),
  districtCode: z.preprocess(
    (v) => (typeof v === 'string' ? (districtByName.get(v.trim()) ?? v.trim()) : typeof v === 'number' ? String(v) : v),
    districtCode('所属县（区）'),
  ),
  foundedOn: optionalDate('成立日期'),
  regStatus: text('登记状态', 30).refine((s) => registerInBusiness(s) !== undefined, {
    error: '登记状态应为存续、在业、开业、注销、吊销、迁出之一',
  }),
});
export type RegisterInput = z.output<typeof registerSchema>;
