/**
 * The 通报: the ranking sentence and its 附件 table, from the live district stats.
 * The table is returned as xlsx (base64) for the mini-program to save and open.
 */
import { DomainError } from '../../core';
import { rankingSentence } from '../../core/bulletin';
import { chinaDate, chineseDate, type DistrictRow } from '../../core/rates';
import type { ActionContext } from '../handler';
import { loadStaff } from './roles';
import { cityStats } from './stats';
import { writeWorkbook } from './xlsx';

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

async function build(ctx: ActionContext) {
  await loadStaff(ctx.db, ctx.caller.openid);
  const stats = await cityStats(ctx.db);
  const asOf = chinaDate(ctx.now);
  const sentence = rankingSentence(asOf, stats.districts);
  if (!sentence) throw new DomainError('NO_TOTALS', '尚未导入各县（区）市场主体总量，无法生成通报');
  return { asOf, sentence, headers: [...BULLETIN_HEADERS], rows: tableRows(stats.districts, stats.city) };
}

export async function bulletin(_payload: Record<string, unknown>, ctx: ActionContext) {
  return build(ctx);
}

export async function exportBulletin(_payload: Record<string, unknown>, ctx: ActionContext) {
  const b = await build(ctx);
  const title = `各县（区）"码上诚信"赋码及入驻"信易贷"平台情况（截至${chineseDate(b.asOf)}）`;
  const num = (p: string) => (p === '' ? null : Number(p));
  const file = await writeWorkbook([
    {
      name: '附件',
      rows: [['附件'], [title], b.headers, ...b.rows.map((r) => [r.index === '' ? null : r.index, r.name, num(r.xinyidaiPercent), num(r.codeRatePercent)]), [], [b.sentence]],
      boldRows: [1, 2, 3],
      columnWidths: [8, 16, 40, 40],
      numberFormats: { 3: '0.00', 4: '0.00' },
    },
  ]);
  return { fileName: `码上诚信通报附件-${b.asOf}.xlsx`, fileBase64: file.toString('base64'), asOf: b.asOf, sentence: b.sentence };
}
