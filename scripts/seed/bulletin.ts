/**
 * Demo tables of the 通报 for `npm start` (called by scripts/seed.ts): 附件1 “双公示” and 附件4 工作动态 for
 * each month of this year before the current one (last December in January), 附件3 政务承诺 and
 * the city's entered figures and 行管部门 status dated the first of this month, so the default
 * 通报 (截至 today) is complete and the 考核 page has a year of tables. Deterministic.
 */
import { createHash } from 'node:crypto';
import { PROMOTING_DEPARTMENTS } from '../../core/bulletin-report';
import { DISTRICTS } from '../../core/districts';
import type { GovCommitmentRow, MonthlyReportRow, PublicityRow } from '../../core/bulletin-tables';
import type { BulletinInputsDoc, DepartmentProgressDoc } from '../../core/bulletin-report';
import { lastDayOfMonth, type BulletinTableDoc } from '../../server/staff/bulletin-tables';

const UNITS = [...DISTRICTS.map((d) => d.name), ...PROMOTING_DEPARTMENTS.map((d) => d.name)];

/** A stable number in [0, n) from the text. */
function pick(text: string, n: number): number {
  return createHash('sha256').update(text).digest().readUInt32LE(0) % n;
}

function months(today: string): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  if (m === 1) return [`${y - 1}-12`];
  return Array.from({ length: m - 1 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`);
}

const IMPORTED = { version: 1, importedBy: 'staff-city', importedByName: '市信用办管理员' };

export interface BulletinDemoData {
  bulletinTables: BulletinTableDoc[];
  bulletinInputs: BulletinInputsDoc[];
  departmentProgress: DepartmentProgressDoc[];
}

export function bulletinDemoData(today: string): BulletinDemoData {
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const at = new Date(`${firstOfMonth}T01:00:00Z`);
  const tables: BulletinTableDoc[] = [];
  for (const month of months(today)) {
    const from = `${month}-01`;
    const to = lastDayOfMonth(month);
    const publicity: PublicityRow[] = UNITS.map((unit) => {
      if (pick(`${unit}${month}nothing`, 8) === 0) return { unit, total: 0, licensing: 0, penalty: 0, timely: 0 };
      const licensing = 5 + pick(`${unit}${month}l`, 120);
      const penalty = pick(`${unit}${month}p`, 30);
      const late = pick(`${unit}${month}late`, 5) === 0 ? 1 + pick(`${unit}${month}n`, 4) : 0;
      return { unit, total: licensing + penalty, licensing, penalty, timely: licensing + penalty - late };
    });
    tables.push({
      _id: `publicity:${from}_${to}`,
      kind: 'publicity',
      period: { from, to },
      periodStart: from,
      periodEnd: to,
      rows: publicity as never,
      batch: `demo-publicity-${month}`,
      importedAt: at,
      ...IMPORTED,
    });
    const monthly: MonthlyReportRow[] = UNITS.map((unit) =>
      pick(`${unit}${month}silent`, 7) === 0
        ? { unit, selfReport: 0, dynamics: 0, evidence: 0 }
        : { unit, selfReport: 1, dynamics: 1 + pick(`${unit}${month}d`, 4), evidence: pick(`${unit}${month}e`, 2) },
    );
    tables.push({
      _id: `monthlyReport:${month}`,
      kind: 'monthlyReport',
      period: { month },
      periodStart: from,
      periodEnd: to,
      rows: monthly as never,
      batch: `demo-monthly-${month}`,
      importedAt: at,
      ...IMPORTED,
    });
  }
  const gov: GovCommitmentRow[] = UNITS.map((unit) => ({ unit, count: unit === '市教育局' ? 0 : 1 + pick(`${unit}gov`, 40) }));
  tables.push({
    _id: `govCommitment:${firstOfMonth}`,
    kind: 'govCommitment',
    period: { asOf: firstOfMonth },
    periodStart: firstOfMonth,
    periodEnd: firstOfMonth,
    rows: gov as never,
    batch: 'demo-gov',
    importedAt: at,
    ...IMPORTED,
  });
  const entered = { asOf: firstOfMonth, enteredBy: 'staff-city', enteredByName: '市信用办管理员', enteredAt: at };
  return {
    bulletinTables: tables,
    bulletinInputs: [
      { _id: firstOfMonth, ...entered, officialCommitments: 3120, coverageBase: UNITS.length, disclosureBasisPoints: 10000 },
    ],
    departmentProgress: [
      {
        _id: firstOfMonth,
        ...entered,
        departments: PROMOTING_DEPARTMENTS.map((d) => ({
          departmentId: d.id,
          policyDocument: pick(`${d.id}doc`, 3) !== 0,
          dynamics: pick(`${d.id}dyn`, 3) !== 0,
        })),
      },
    ],
  };
}
