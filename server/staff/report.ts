/**
 * The whole 通报 as of a cut-off date, assembled from what is stored: the imported tables
 * (bulletinTables), the city's entered figures (bulletinInputs, departmentProgress) and the
 * district stats as of the date (stats-asof.ts). Used by staff.bulletin (text) and
 * staffDocs.exportReport (docx); no file library is loaded here.
 */
import { DomainError, parseOrThrow } from '../../core';
import { reportOptionsSchema, type ReportOptions } from '../../core/schemas/bulletin';
import {
  buildReport,
  chineseMonth,
  type CodesFrom,
  type BulletinInputsDoc,
  type DepartmentProgressDoc,
  type DepartmentStatus,
  type Report,
  type ReportMissing,
  type ReportSources,
  type ReportSourceUsed,
} from '../../core/bulletin-report';
import type { GovCommitmentRow, MonthlyReportRow, PublicityRow, TableKind } from '../../core/bulletin-tables';
import { chinaDate, chineseDate, type CityStats } from '../../core/rates';
import type { Database } from '../cloud';
import { fetchById, fetchOne } from '../db';
import { COLLECTIONS } from '../model';
import { latestEntry } from './bulletin-inputs';
import { buildDepartmentProgress } from './ledger';
import type { BulletinTableDoc } from './bulletin-tables';
import { cityStatsAsOf } from './stats-asof';

export { reportOptionsSchema, type ReportOptions };

export interface ReportState {
  cutoff: string;
  codesFrom: CodesFrom;
  stats: CityStats;
  /** The whole report, when every source is there. */
  report?: Report;
  /** What is still needed, one line each (empty when the report is complete). */
  missing: ReportMissing[];
  /** The tables used (for the page: which period, imported by whom). */
  used: ReportSourceUsed[];
}

async function latestTable<R>(db: Database, kind: TableKind, field: 'periodEnd' | 'periodStart', cutoff: string) {
  return fetchOne<BulletinTableDoc<R>>(
    db
      .collection(COLLECTIONS.bulletinTables)
      .where({ kind, [field]: db.command.lte(cutoff) })
      .orderBy(field, 'desc')
      .limit(1),
  );
}

export async function loadReport(db: Database, options: ReportOptions, now: Date): Promise<ReportState> {
  const today = chinaDate(now);
  const cutoff = options.cutoff ?? today;
  const tables = db.collection(COLLECTIONS.bulletinTables);
  const [asOf, publicity, gov, monthly, inputs, progress] = await Promise.all([
    cityStatsAsOf(db, cutoff, today),
    options.publicityFrom
      ? fetchById<BulletinTableDoc<PublicityRow>>(tables.doc(`publicity:${options.publicityFrom}_${options.publicityTo}`))
      : latestTable<PublicityRow>(db, 'publicity', 'periodEnd', cutoff),
    latestTable<GovCommitmentRow>(db, 'govCommitment', 'periodEnd', cutoff),
    options.month
      ? fetchById<BulletinTableDoc<MonthlyReportRow>>(tables.doc(`monthlyReport:${options.month}`))
      : latestTable<MonthlyReportRow>(db, 'monthlyReport', 'periodStart', cutoff),
    latestEntry<BulletinInputsDoc>(db, 'bulletinInputs', cutoff),
    latestEntry<DepartmentProgressDoc>(db, 'departmentProgress', cutoff),
  ]);
  const statuses = (await ledgerStatuses(db, cutoff)) ?? progress?.departments;
  const missing: ReportMissing[] = [];
  const period = options.publicityFrom
    ? `${chineseDate(options.publicityFrom)}至${chineseDate(options.publicityTo!)}的`
    : `截至${chineseDate(cutoff)}的`;
  if (!publicity) missing.push({ code: 'NO_PUBLICITY_TABLE', message: `尚未导入${period}“双公示”信息报送情况表（附件1）` });
  if (!gov) missing.push({ code: 'NO_GOV_COMMITMENT_TABLE', message: `尚未导入截至${chineseDate(cutoff)}的政务承诺完成情况表（附件3）` });
  if (!inputs) missing.push({ code: 'NO_BULLETIN_INPUTS', message: '尚未录入公职人员承诺份数、承诺覆盖单位总数和公开公示率' });
  if (!monthly) {
    const which = options.month ? `${chineseMonth(options.month)}的` : '';
    missing.push({ code: 'NO_MONTHLY_TABLE', message: `尚未导入${which}工作动态报送情况表（附件4）` });
  }
  if (!asOf.stats.city.xinyidaiShare) missing.push({ code: 'NO_TOTALS', message: '尚未导入各县（区）市场主体总量，无法生成通报' });
  const used: ReportState['used'] = [];
  for (const t of [publicity, gov, monthly]) if (t) used.push({ kind: t.kind, id: t._id, by: t.importedByName, at: t.importedAt });
  if (inputs) used.push({ kind: 'bulletinInputs', id: inputs._id, by: inputs.enteredByName, at: inputs.enteredAt });
  if (progress && statuses === progress.departments)
    used.push({ kind: 'departmentProgress', id: progress._id, by: progress.enteredByName, at: progress.enteredAt });
  const state: ReportState = { cutoff, codesFrom: asOf.codesFrom, stats: asOf.stats, missing, used };
  if (missing.length > 0) return state;
  const sources: ReportSources = {
    cutoff,
    publicity: { from: publicity!.period.from!, to: publicity!.period.to!, rows: publicity!.rows },
    govCommitment: { asOf: gov!.periodEnd, rows: gov!.rows },
    inputs: inputs!,
    departmentStatuses: statuses,
    districts: asOf.stats.districts,
    city: asOf.stats.city,
    monthly: { month: monthly!.period.month!, rows: monthly!.rows },
  };
  return { ...state, report: buildReport(sources) };
}

/**
 * Section 三's department statuses from the department ledger (台账: what each department uploaded
 * up to the cut-off's month), once any department has uploaded something; until then the city's
 * entered statuses (setDepartmentProgress) stand in.
 */
async function ledgerStatuses(db: Database, cutoff: string): Promise<DepartmentStatus[] | undefined> {
  const progress = await buildDepartmentProgress(db, cutoff.slice(0, 7));
  if (!progress.departments.some((d) => d.plans + d.updates > 0)) return undefined;
  // The ledger's statuses are exclusive (a department with a 推进落实文件 counts there, not also under 工作动态).
  return progress.departments.map((d) => ({
    departmentId: d.departmentId,
    policyDocument: d.status === '制定推进落实文件',
    dynamics: d.status === '报送工作动态',
  }));
}

/** The complete report, or a refusal naming everything still missing. */
export async function requireReport(db: Database, options: ReportOptions, now: Date): Promise<ReportState & { report: Report }> {
  const state = await loadReport(db, options, now);
  if (!state.report) {
    const first = state.missing[0]!;
    throw new DomainError(
      state.missing.length === 1 ? first.code : 'REPORT_INCOMPLETE',
      `无法生成通报：${state.missing.map((m) => m.message).join('；')}`,
      { missing: state.missing },
    );
  }
  return state as ReportState & { report: Report };
}

export const parseReportOptions = (payload: Record<string, unknown>) => parseOrThrow(reportOptionsSchema, payload);
