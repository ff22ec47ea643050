/**
 * Whose rows a staff member may import (归集范围), decided per row from stored data, for a chunk of
 * up to 500 rows at a time: one lookup of the entities and one of the register rows by `uscc in
 * [...]` per chunk, never one call per row.
 *
 * - District staff: only entities of their district. The district is entity-district.ts' rule
 *   (the entity's, else the register's, else the USCC's area); a city-level or outside code with
 *   neither is refused.
 * - Department staff: only their department's fields (staffFields). A commitment's field is its
 *   行业领域 (server/staff/record-field.ts: the sheet's 行业领域 column, else the importing department's
 *   field). An honour whose 认定部门 names a 行管部门 (税务局 → 税务) has that department's field; any
 *   other honour, registration or other-info row takes the field of the entity as it is stored in
 *   码上诚信. When
 *   no field can be decided (the entity has not applied yet), the row is refused: the city admin
 *   imports it on the department's behalf.
 * - Commitments must name the entity as registered: the register's name, else the entity's, compared
 *   after normalising spaces and full-width characters. A USCC the system knows no name for is
 *   accepted (there is nothing to compare with).
 */
import { departmentInText, districtName, validateUscc, type FormKind } from '../../core';
import type { Database } from '../cloud';
import { fetchAll } from '../db';
import { COLLECTIONS } from '../model';
import { staffFields, type Staff } from './roles';

interface Known {
  entity?: { name: string; districtCode?: string; field?: string };
  register?: { name: string; districtCode?: string };
}

/** Name comparison: NFKC (full-width letters, digits and brackets made half-width), no spaces. */
export function normaliseName(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

export function usccOfRow(kind: FormKind, value: Record<string, unknown>): string | undefined {
  if (kind === 'commitment') return String(value.promiserCode);
  if (kind === 'honour' || kind === 'registration' || kind === 'otherInfo') return String(value.uscc);
  return undefined;
}

/** Two database calls for a chunk of rows (none when the caller's scope needs no lookup). */
export async function lookupKnown(db: Database, usccs: readonly string[]): Promise<Map<string, Known>> {
  const known = new Map<string, Known>();
  const unique = [...new Set(usccs)];
  if (unique.length === 0) return known;
  const _ = db.command;
  const [entities, register] = await Promise.all([
    fetchAll<{ uscc: string; name: string; districtCode?: string; field?: string }>(
      db
        .collection(COLLECTIONS.entities)
        .where({ uscc: _.in(unique) })
        .field({ uscc: true, name: true, districtCode: true, field: true })
        .limit(1000),
    ),
    fetchAll<{ uscc: string; name: string; districtCode?: string }>(
      db
        .collection(COLLECTIONS.register)
        .where({ uscc: _.in(unique) })
        .field({ uscc: true, name: true, districtCode: true })
        .limit(1000),
    ),
  ]);
  for (const e of entities) known.set(e.uscc, { ...known.get(e.uscc), entity: e });
  for (const r of register) known.set(r.uscc, { ...known.get(r.uscc), register: r });
  return known;
}

/** Commitments always (their names are checked); other records only for district and department staff. */
export function needsLookup(staff: Staff, kind: FormKind): boolean {
  return kind === 'commitment' || (staff.role !== 'city' && (kind === 'honour' || kind === 'registration' || kind === 'otherInfo'));
}

export interface ScopeRefusal {
  /** Schema key of the column the refusal concerns. */
  key: string;
  reason: string;
}

/** Why `staff` may not import this row, or undefined when they may. */
export function refuseRow(
  staff: Staff,
  kind: FormKind,
  value: Record<string, unknown>,
  known: Map<string, Known>,
): ScopeRefusal | undefined {
  const uscc = usccOfRow(kind, value);
  if (uscc === undefined) return undefined;
  const k = known.get(uscc) ?? {};
  const usccKey = kind === 'commitment' ? 'promiserCode' : 'uscc';

  if (staff.role === 'district') {
    const district = k.entity?.districtCode ?? k.register?.districtCode ?? placementDistrict(uscc);
    if (district !== staff.districtCode) {
      const where = district ? `该主体属于${districtName(district) ?? district}` : '无法确定该主体所属县（区）';
      return { key: usccKey, reason: `只能导入本县（区）市场主体的信息（${where}）` };
    }
  }
  if (staff.role === 'department') {
    const fields = staffFields(staff);
    const honourField = kind === 'honour' ? departmentInText(String(value.issuer))?.fields[0] : undefined;
    const field = kind === 'commitment' ? String(value.field) : (honourField ?? k.entity?.field);
    if (field === undefined) {
      return { key: usccKey, reason: '该主体尚未在“码上诚信”登记行业领域，无法确认属于本部门领域，请由市级管理员代为导入' };
    }
    if (!fields.includes(field)) {
      return {
        key: kind === 'commitment' ? 'field' : honourField !== undefined ? 'issuer' : usccKey,
        reason: `只能导入「${fields.join('、') || '本部门'}」领域的信息（该行属于「${field}」领域）`,
      };
    }
  }
  if (kind === 'commitment') {
    const registered = k.register?.name ?? k.entity?.name;
    if (registered !== undefined && normaliseName(String(value.promiserName)) !== normaliseName(registered)) {
      return { key: 'promiserName', reason: `承诺人名称与登记名称「${registered}」不一致` };
    }
  }
  return undefined;
}

function placementDistrict(uscc: string): string | undefined {
  const p = validateUscc(uscc).placement;
  return p?.kind === 'district' ? p.district.code : undefined;
}
