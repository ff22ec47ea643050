/**
 * The 通报 as text: the ranking sentence and its 附件 table (as before), and the whole report's
 * five sections and four tables as of a cut-off date (report.ts), or what is still missing.
 * exportBulletin (bulletin-export.ts, staffFiles) returns the ranking table as xlsx, exportReport
 * (report-export.ts, staffDocs) the whole 通报 as docx.
 */
import { DomainError } from '../../core';
import { rankingSentence } from '../../core/bulletin';
import type { ParsedOf } from '../../core/contract/define';
import type { BulletinAnswer, BulletinRow, staffOfficeContract } from '../../core/contract/staff-office';
import type { DistrictRow } from '../../core/rates';
import type { Database } from '../cloud';
import { toWire } from '../wire';
import type { StaffContext } from './define-staff-actions';
import { loadReport, type ReportOptions } from './report';

export const BULLETIN_HEADERS = [
  '序号',
  '部门名称',
  '入驻“信易贷”平台企业数量占本辖区市场主体总量比重 (%)',
  '“码上诚信”赋码情况占本辖区市场主体总量比重 (%)',
] as const;

function tableRows(districts: readonly DistrictRow[], city: DistrictRow): BulletinRow[] {
  const row = (r: DistrictRow, index: number | ''): BulletinRow => ({
    index,
    name: r.name,
    xinyidaiPercent: r.xinyidaiShare?.percent ?? '',
    codeRatePercent: r.codeRate?.percent ?? '',
  });
  return [...districts.map((d, i) => row(d, i + 1)), row({ ...city, name: '全市' }, '')];
}

/** The 通报 as of the options' cut-off (the caller is checked to be staff before). */
export async function buildBulletin({ db, now }: { db: Database; now: Date }, options: ReportOptions = {}): Promise<BulletinAnswer> {
  const state = await loadReport(db, options, now);
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
export async function bulletin(options: ParsedOf<typeof staffOfficeContract.bulletin>, ctx: StaffContext) {
  return toWire(await buildBulletin(ctx, options));
}
