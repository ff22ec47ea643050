/** What the apply form says about a USCC while it is typed: pure, so it is tested without a page. */
import { DISTRICTS, suggestCategory, validateUscc, type EntityCategory } from '../../lib/core';

export interface UsccHint {
  /** '' while nothing is typed. */
  message: string;
  ok: boolean;
  /** Index into DISTRICTS when the USCC names one of the eight; -1 otherwise. */
  districtIndex: number;
  /** City-level or outside Hegang: the person must choose the district. */
  needsDistrict: boolean;
  category?: EntityCategory;
}

export function usccHint(input: string): UsccHint {
  if (input.trim() === '') return { message: '', ok: false, districtIndex: -1, needsDistrict: false };
  const r = validateUscc(input);
  if (!r.valid) {
    const typing = r.reasons[0]?.code === 'LENGTH' && r.normalized.length < 18;
    const message = typing ? `已输入${r.normalized.length}位，共18位` : (r.reasons[0]?.message ?? '统一社会信用代码不正确');
    return { message, ok: false, districtIndex: -1, needsDistrict: false };
  }
  const p = r.placement;
  const districtIndex = p?.kind === 'district' ? DISTRICTS.findIndex((d) => d.code === p.district.code) : -1;
  const where =
    p?.kind === 'district'
      ? `登记机关在${p.district.name}`
      : p?.kind === 'city'
        ? '市级登记，请选择所属县（区）'
        : '非鹤岗市登记，请选择经营所在县（区）';
  return {
    message: `代码有效 · ${where}`,
    ok: true,
    districtIndex,
    needsDistrict: districtIndex < 0,
    category: suggestCategory(r.normalized),
  };
}
