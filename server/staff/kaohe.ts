/**
 * staff.kaohe({ year }): every county/district and 市直 department scored against the 考核
 * indicators on what the system sees (core/kaohe.ts), ranked, with what each still needs before
 * year end. Figures: 赋码/信易贷 as of the year's last day (today for the current year; a past
 * year needs its 31 December snapshot), 双公示 and 工作动态 summed over the year's imported 附件1/附件4,
 * 政务承诺 from the year's latest 附件3, 信用承诺 counted in the database (approved, not withdrawn,
 * 承诺作出日期 in the year) by the district of the promiser's USCC (its 登记管理机关 area code) and by
 * the supplying department.
 */
import { DEPARTMENTS, DomainError } from '../../core';
import type { DepartmentProgressDoc } from '../../core/bulletin-report';
import type { ParsedOf } from '../../core/contract/define';
import type { KaoheAnswer, staffOfficeContract } from '../../core/contract/staff-office';
import type { GovCommitmentRow, MonthlyReportRow, PublicityRow } from '../../core/bulletin-tables';
import { sameUnit, scoreDepartments, scoreDistricts, type UnitFigures } from '../../core/kaohe';
import { chinaDate } from '../../core/rates';
import { DISTRICTS } from '../../core/districts';
import type { Database } from '../cloud';
import { fetchAll } from '../db';
import { COLLECTIONS } from '../model';
import { latestEntry } from './bulletin-inputs';
import type { BulletinTableDoc } from './bulletin-tables';
import type { StaffContext } from './define-staff-actions';
import { cityStatsAsOf } from './stats-asof';

interface CommitmentGroup {
  _id: { area: string | null; dept: string | null };
  n: number;
}

/** Commitments of the year by USCC area code and by supplying department (one aggregation). */
async function commitmentCounts(db: Database, year: number) {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.commitments)
    .aggregate()
    .match({ status: 'approved', withdrawn: _.neq(true), committedOn: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)) })
    .group({ _id: { area: $.substrCP(['$uscc', 2, 6]), dept: '$source.departmentId' }, n: $.sum(1) })
    .limit(10_000)
    .end()) as { list: CommitmentGroup[] };
  const byArea = new Map<string, number>();
  const byDept = new Map<string, number>();
  for (const g of res.list) {
    if (g._id.area) byArea.set(g._id.area, (byArea.get(g._id.area) ?? 0) + g.n);
    if (g._id.dept) byDept.set(g._id.dept, (byDept.get(g._id.dept) ?? 0) + g.n);
  }
  return { byArea, byDept };
}

export async function kaohe(input: ParsedOf<typeof staffOfficeContract.kaohe>, { db, now }: StaffContext): Promise<KaoheAnswer> {
  const today = chinaDate(now);
  const thisYear = Number(today.slice(0, 4));
  // The schema has no clock: "not after this year" is checked here, with the schema's wording.
  if (input.year !== undefined && input.year > thisYear) {
    throw new DomainError('INVALID_INPUT', '年度不能晚于今年', { issues: [{ field: 'year', message: '年度不能晚于今年' }] });
  }
  const year = input.year ?? thisYear;
  const asOf = year === Number(today.slice(0, 4)) ? today : `${year}-12-31`;
  const _ = db.command;
  const [stats, tables, progress, commitments] = await Promise.all([
    cityStatsAsOf(db, asOf, today),
    fetchAll<BulletinTableDoc>(
      db
        .collection(COLLECTIONS.bulletinTables)
        .where({ periodEnd: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)) })
        .orderBy('periodEnd', 'asc')
        .limit(100),
    ),
    latestEntry<DepartmentProgressDoc>(db, 'departmentProgress', asOf),
    commitmentCounts(db, year),
  ]);
  const publicity = tables.filter((t) => t.kind === 'publicity') as BulletinTableDoc<PublicityRow>[];
  const monthly = tables.filter((t) => t.kind === 'monthlyReport') as BulletinTableDoc<MonthlyReportRow>[];
  const gov = (tables.filter((t) => t.kind === 'govCommitment') as BulletinTableDoc<GovCommitmentRow>[]).at(-1);

  const figures = (names: string[], commitmentCount: number): Omit<UnitFigures, 'districtRow' | 'promoting'> => {
    const pubRows = publicity.flatMap((t) => t.rows.filter((r) => sameUnit(r.unit, ...names)));
    const monthRows = monthly.flatMap((t) => t.rows.filter((r) => sameUnit(r.unit, ...names)));
    const govRow = gov?.rows.find((r) => sameUnit(r.unit, ...names));
    return {
      publicity:
        pubRows.length > 0
          ? { total: pubRows.reduce((n, r) => n + r.total, 0), timely: pubRows.reduce((n, r) => n + r.timely, 0) }
          : undefined,
      govCommitments: govRow?.count,
      dynamics: monthRows.reduce((n, r) => n + r.dynamics, 0),
      monthlyTables: monthly.length,
      commitments: commitmentCount,
    };
  };
  const statusOf = new Map(progress?.departments.map((s) => [s.departmentId, s.policyDocument || s.dynamics]));
  const districts = scoreDistricts((code) => ({
    ...figures([DISTRICTS.find((x) => x.code === code)!.name], commitments.byArea.get(code) ?? 0),
    districtRow: stats.stats.districts.find((r) => r.districtCode === code),
  }));
  const departments = scoreDepartments((id) => {
    const dept = DEPARTMENTS.find((x) => x.id === id)!;
    return {
      ...figures([dept.name, dept.fullName], commitments.byDept.get(id) ?? 0),
      promoting: progress ? (statusOf.get(id) ?? false) : undefined,
    };
  });
  return {
    year,
    asOf,
    codesFrom: stats.codesFrom,
    tables: { publicity: publicity.map((t) => t._id), monthlyReport: monthly.map((t) => t._id), govCommitment: gov?._id ?? null },
    districts,
    departments,
  };
}
