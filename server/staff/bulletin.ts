/**
 * The 通报 as text: the ranking sentence and its 附件 table (as before), and the whole report's
 * five sections and four tables as of a cut-off date (report.ts), or what is still missing.
 * exportBulletin (bulletin-export.ts, staffFiles) returns the ranking table as xlsx, exportReport
 * (report-export.ts, staffDocs) the whole 通报 as docx.
 */
import { DomainError } from '../../core';
import { rankingSentence } from '../../core/bulletin';
import type { DistrictRow } from '../../core/rates';
import type { ActionContext } from '../handler';
import { loadStaff } from './roles';
import { loadReport, parseReportOptions, type ReportOptions } from './report';

export const BULLETIN_HEADERS = [
  '序号',
  '部门名称',
  '入驻“信易贷”平台企业数量占本辖区市场主体总量比重 (%)',
  '“码上诚信”赋码情况占本辖区市场主体总量比重 (%)',
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

export async function buildBulletin(ctx: ActionContext, options: ReportOptions = {}) {
  await loadStaff(ctx.db, ctx.caller.openid);
  const state = await loadReport(ctx.db, options, ctx.now);
  const { stats, cutoff: asOf } = state;
  const sentence = rankingSentence(asOf, stats.districts);
  if (!sentence) throw new DomainError('NO_TOTALS', '尚未导入各县（区）市场主体总量，无法生成通报');
  return {
    asOf,
    sentence,
    headers: [...BULLETIN_HEADERS],
    rows: tableRows(stats.districts, stats.city),
    codesFrom: state.codesFrom,
    report: state.report ?? null,
    missing: state.missing,
    used: state.used,
  };
}

/** staff.bulletin({ cutoff?, publicityFrom?, publicityTo?, month? }) */
export async function bulletin(payload: Record<string, unknown>, ctx: ActionContext) {
  return buildBulletin(ctx, parseReportOptions(payload));
}
