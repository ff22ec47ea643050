/**
 * staff.gap: per district, how many more codes reach 40%, and where the uncoded entities are:
 * by 市场主体类型 (the register's own column; exact) and by 行业领域 (entities a field's department
 * supplied records for, as outreach.ts defines fields). Five aggregations whatever the size.
 */
import { departmentById, DISTRICT_CODES, districtName } from '../../core';
import type { ParsedOf } from '../../core/contract';
import type { GapRow, staffSupervisionContract as C } from '../../core/contract/staff-supervision';
import type { Database } from '../cloud';
import { COLLECTIONS } from '../model';
import type { StaffContext } from './define-staff-actions';
import { cityStats } from './stats';

const TOP = 5;
const AGG_LIMIT = 10_000;
const RECORD_COLLECTIONS = [COLLECTIONS.commitments, COLLECTIONS.honours, COLLECTIONS.registrations, COLLECTIONS.otherInfo] as const;

interface TypeGroup {
  _id: { d: string; t: string };
  n: number;
}
interface KnownGroup {
  _id: { u: string; dept: string; d: string };
}

/** Uncoded entities in business per district and field: distinct (USCC, department) pairs over the record kinds. */
async function uncodedByField(db: Database): Promise<Map<string, Map<string, number>>> {
  const _ = db.command;
  const lists = await Promise.all(
    RECORD_COLLECTIONS.map(
      (c) =>
        db
          .collection(c)
          .aggregate()
          .match({ 'source.departmentId': _.exists(true) })
          .lookup({ from: COLLECTIONS.register, localField: 'uscc', foreignField: 'uscc', as: 'reg' })
          .unwind('$reg')
          .match({ 'reg.inBusiness': true, 'reg.coded': _.neq(true) })
          .group({ _id: { u: '$uscc', dept: '$source.departmentId', d: '$reg.districtCode' } })
          .limit(AGG_LIMIT)
          .end() as Promise<{ list: KnownGroup[] }>,
    ),
  );
  const seen = new Set<string>();
  const out = new Map<string, Map<string, number>>();
  for (const l of lists) {
    for (const { _id } of l.list) {
      const key = `${_id.u}|${_id.dept}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const field of departmentById(_id.dept)?.fields ?? []) {
        const m = out.get(_id.d) ?? new Map<string, number>();
        m.set(field, (m.get(field) ?? 0) + 1);
        out.set(_id.d, m);
      }
    }
  }
  return out;
}

/** The TOP largest counts, largest first (ties by name). */
const top = (m: Map<string, number> | undefined): [string, number][] =>
  [...(m ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP);

export async function gap(_input: ParsedOf<typeof C.gap>, { db }: StaffContext): Promise<{ districts: GapRow[] }> {
  const _ = db.command;
  const $ = _.aggregate;
  const [stats, types, fields] = await Promise.all([
    cityStats(db),
    db
      .collection(COLLECTIONS.register)
      .aggregate()
      .match({ inBusiness: true, coded: _.neq(true) })
      .group({ _id: { d: '$districtCode', t: '$entityType' }, n: $.sum(1) })
      .limit(AGG_LIMIT)
      .end() as Promise<{ list: TypeGroup[] }>,
    uncodedByField(db),
  ]);
  const byType = new Map<string, Map<string, number>>();
  const uncoded = new Map<string, number>();
  for (const g of types.list) {
    const m = byType.get(g._id.d) ?? new Map<string, number>();
    m.set(g._id.t, g.n);
    byType.set(g._id.d, m);
    uncoded.set(g._id.d, (uncoded.get(g._id.d) ?? 0) + g.n);
  }
  return {
    districts: DISTRICT_CODES.map((code) => {
      const row = stats.districts.find((d) => d.districtCode === code);
      return {
        districtCode: code,
        name: districtName(code) ?? code,
        coded: row?.coded ?? 0,
        marketEntities: row?.marketEntities ?? null,
        percent: row?.codeRate?.percent ?? null,
        /** More codes needed to reach 40%; null while the district has neither imported totals nor register rows in business. */
        neededFor40: row?.codeRate ? row.codeRate.gapToTarget : null,
        uncodedInRegister: uncoded.get(code) ?? 0,
        topFields: top(fields.get(code)).map(([field, uncoded]) => ({ field, uncoded })),
        topEntityTypes: top(byType.get(code)).map(([entityType, uncoded]) => ({ entityType, uncoded })),
      };
    }),
  };
}
