/**
 * The 通报: the ranking sentence and its 附件 table, from the live district stats.
 * exportBulletin (bulletin-export.ts, in the staffFiles function) returns the table as xlsx.
 */
import { DomainError } from '../../core';
import { rankingSentence } from '../../core/bulletin';
import { chinaDate, type DistrictRow } from '../../core/rates';
import type { ActionContext } from '../handler';
import { loadStaff } from './roles';
import { cityStats } from './stats';

export const BULLETIN_HEADERS = [
  '序号',
  '部门名称',
  '入驻"信易贷"平台企业数量占本辖区市场主体总量比重 (%)',
  '"码上诚信"赋码情况占本辖区市场主体总量比重 (%)',
] as const;

export interface BulletinRow {
  index: number | '';
  name: string;
  /** Two decimals, or '' when the district has no market total yet. */
  xinyidaiPercent: string;
  codeRatePercent: string;
}

function tableRows(districts: readonly DistrictRow[], city: DistrictRow): BulletinRow[] {
  const row = (r: DistrictRow, index: number | ''): BulletinRow => ({
    index,
    name: r.name,
    xinyidaiPercent: r.xinyidaiShare?.percent ?? '',
    codeRatePercent: r.codeRate?.percent ?? '',
  });
  return [...districts.map((d, i) => row(d, i + 1)), row({ ...city, name: '全市' }, '')];
}

export async function buildBulletin(ctx: ActionContext) {
  await loadStaff(ctx.db, ctx.caller.openid);
  const stats = await cityStats(ctx.db);
  const asOf = chinaDate(ctx.now);
  const sentence = rankingSentence(asOf, stats.districts);
  if (!sentence) throw new DomainError('NO_TOTALS', '尚未导入各县（区）市场主体总量，无法生成通报');
  return { asOf, sentence, headers: [...BULLETIN_HEADERS], rows: tableRows(stats.districts, stats.city) };
}

export async function bulletin(_payload: Record<string, unknown>, ctx: ActionContext) {
  return buildBulletin(ctx);
}
