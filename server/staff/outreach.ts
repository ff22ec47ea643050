/**
 * Outreach (issue #14): the register's entities in business without a live code, for phone
 * campaigns toward 40%, and the contacts staff record with them.
 *
 * Speed: the list reads `register` through its district index with `coded != true` and no sort
 * (natural order), so the first page stops after `limit` matches instead of joining 100,000 rows
 * with the codes. Each page is re-checked against the codes (one `in` call): a row whose flag was
 * missed is flagged and the page re-read, so a coded entity is never listed.
 *
 * Fields: the register has no 行业领域. A register row belongs to a field when the field's
 * department knows the entity: it supplied a credit record for its USCC (source.departmentId), or
 * an entity of that field exists (an entity that applied once). Department staff see those rows
 * (any district); city and district staff may filter by a field the same way.
 */
import { departmentById, departmentOfField, DomainError } from '../../core';
import type { ParsedOf } from '../../core/contract';
import {
  outreachFilters,
  type OutreachFilters,
  type OutreachItem,
  type staffSupervisionContract as C,
} from '../../core/contract/staff-supervision';
import type { ContactView } from '../../core/reach';
import { chinaDate } from '../../core/rates';
import type { Database } from '../cloud';
import { fetchAll, fetchOne, countOf } from '../db';
import { COLLECTIONS, type EntityDoc } from '../model';
import type { OutreachContactDoc, RegisterRow } from '../reach-model';
import { chunks, liveUsccs, markRegisterCoded } from '../register-coded';
import { escapeRegExp } from '../regexp';
import type { StaffContext } from './define-staff-actions';
import { auditByStaff, departmentOf, scopeFilter, type Staff } from './roles';

/** staffFiles.exportOutreach filters its rows as the list does. */
export { outreachFilters, type OutreachFilters };

/** The most USCCs a department's "known entities" set holds (bounds the `in` filter). */
export const MAX_KNOWN_USCCS = 10_000; // CloudBase returns at most 10,000 aggregation results
const RECORD_COLLECTIONS = [COLLECTIONS.commitments, COLLECTIONS.honours, COLLECTIONS.registrations, COLLECTIONS.otherInfo] as const;

/** The USCCs a department knows: its records' entities and the entities of its fields (bounded). */
export async function knownUsccs(db: Database, departmentId: string): Promise<string[]> {
  const dept = departmentById(departmentId);
  if (!dept) return [];
  const $ = db.command.aggregate;
  const out = new Set<string>();
  const groups = await Promise.all(
    RECORD_COLLECTIONS.map(
      (c) =>
        db
          .collection(c)
          .aggregate()
          .match({ 'source.departmentId': departmentId })
          .group({ _id: '$uscc', n: $.sum(1) })
          .limit(MAX_KNOWN_USCCS)
          .end() as Promise<{ list: { _id: string }[] }>,
    ),
  );
  for (const g of groups) for (const r of g.list) out.add(r._id);
  if (dept.fields.length) {
    const ents = await fetchAll<Pick<EntityDoc, 'uscc'>>(
      db
        .collection(COLLECTIONS.entities)
        .where({ field: db.command.in([...dept.fields]) })
        .field({ uscc: true })
        .limit(1000),
    );
    for (const e of ents) out.add(e.uscc);
  }
  return [...out].slice(0, MAX_KNOWN_USCCS);
}

/** The register filter of an outreach list, limited to the caller's scope. */
export async function outreachWhere(db: Database, staff: Staff, f: OutreachFilters): Promise<Record<string, unknown>> {
  const _ = db.command;
  const where: Record<string, unknown> = { inBusiness: true, coded: _.neq(true) };
  const scope = scopeFilter(staff, f.districtCode);
  if (scope.districtCode !== undefined) where.districtCode = scope.districtCode;
  const deptIds: string[] = [];
  if (staff.role === 'department') {
    const own = departmentOf(staff);
    if (f.field !== undefined && !own?.fields.includes(f.field as never)) {
      throw new DomainError('FORBIDDEN', `您只能查看「${own?.fields.join('、') || '本部门'}」领域的主体`);
    }
    deptIds.push(own?.id ?? '-');
  } else if (f.field !== undefined) {
    deptIds.push(departmentOfField(f.field)?.id ?? '-');
  }
  const known = deptIds.length ? await knownUsccs(db, deptIds[0]!) : undefined;
  if (known) where.uscc = _.in(known);
  if (f.entityType !== undefined) where.entityType = f.entityType;
  if (f.address !== undefined) where.address = db.RegExp({ regexp: escapeRegExp(f.address), options: '' });
  if (f.keyword !== undefined) {
    const k = f.keyword.toUpperCase();
    where.name = db.RegExp({ regexp: escapeRegExp(f.keyword), options: 'i' });
    if (/^[0-9A-Z]{18}$/.test(k)) {
      delete where.name;
      where.uscc = known && !known.includes(k) ? _.in([]) : k;
    }
  }
  if (f.foundedFrom !== undefined && f.foundedTo !== undefined) where.foundedOn = _.gte(f.foundedFrom).and(_.lte(f.foundedTo));
  else if (f.foundedFrom !== undefined) where.foundedOn = _.gte(f.foundedFrom);
  else if (f.foundedTo !== undefined) where.foundedOn = _.lte(f.foundedTo);
  return where;
}

/** Register rows of a page, re-checked against the codes (rows whose flag was missed are healed and skipped). */
export async function uncodedPage(db: Database, where: Record<string, unknown>, offset: number, limit: number): Promise<RegisterRow[]> {
  const coll = db.collection(COLLECTIONS.register);
  for (let round = 0; ; round++) {
    const rows = await fetchAll<RegisterRow>(coll.where(where).skip(offset).limit(limit));
    if (rows.length === 0) return rows;
    const live = await liveUsccs(
      db,
      rows.map((r) => r.uscc),
    );
    if (live.size === 0) return rows;
    await markRegisterCoded(db, [...live], true);
    if (round === 2) return rows.filter((r) => !live.has(r.uscc));
  }
}

/** The contacts of these USCCs, newest first per USCC (one call per 500). */
export async function contactsOf(db: Database, usccs: readonly string[]): Promise<Map<string, { last: ContactView; count: number }>> {
  const out = new Map<string, { last: ContactView; count: number }>();
  for (const part of chunks([...new Set(usccs)])) {
    const list = await fetchAll<OutreachContactDoc>(
      db
        .collection(COLLECTIONS.outreachContacts)
        .where({ uscc: db.command.in(part) })
        .orderBy('createdAt', 'desc')
        .limit(1000),
    );
    for (const c of list) {
      const seen = out.get(c.uscc);
      if (seen) seen.count++;
      else out.set(c.uscc, { last: { result: c.result, note: c.note, date: c.date, byName: c.byName }, count: 1 });
    }
  }
  return out;
}

export function outreachItem(r: RegisterRow, contact?: { last: ContactView; count: number }): OutreachItem {
  return {
    uscc: r.uscc,
    name: r.name,
    entityType: r.entityType,
    legalRep: r.legalRep,
    address: r.address,
    districtCode: r.districtCode,
    foundedOn: r.foundedOn ?? '',
    regStatus: r.regStatus,
    lastContact: contact?.last ?? null,
    contacts: contact?.count ?? 0,
  };
}

/** staff.outreach → { total, items }: uncoded entities in business, in the caller's scope. */
export async function outreach(input: ParsedOf<typeof C.outreach>, { staff, db }: StaffContext) {
  const where = await outreachWhere(db, staff, input);
  // The page first: it flags rows found coded, so the count that follows leaves them out.
  const rows = await uncodedPage(db, where, input.offset, input.limit);
  const [total, contacts] = await Promise.all([
    countOf(db.collection(COLLECTIONS.register).where(where)),
    contactsOf(
      db,
      rows.map((r) => r.uscc),
    ),
  ]);
  return { total, offset: input.offset, items: rows.map((r) => outreachItem(r, contacts.get(r.uscc))) };
}

/** Whether a department knows the entity (record it supplied, or an entity in its fields): two to five small calls. */
async function departmentKnows(db: Database, departmentId: string, u: string): Promise<boolean> {
  const dept = departmentById(departmentId);
  if (!dept) return false;
  if (dept.fields.length) {
    const e = await fetchOne(
      db
        .collection(COLLECTIONS.entities)
        .where({ uscc: u, field: db.command.in([...dept.fields]) })
        .limit(1),
    );
    if (e) return true;
  }
  for (const c of RECORD_COLLECTIONS) {
    if (await fetchOne(db.collection(c).where({ uscc: u, 'source.departmentId': departmentId }).field({ _id: true }).limit(1))) return true;
  }
  return false;
}

/** The register row of `u`, if the caller may act on it. */
export async function registerRowInScope(db: Database, staff: Staff, u: string): Promise<RegisterRow> {
  const row = await fetchOne<RegisterRow>(db.collection(COLLECTIONS.register).where({ uscc: u }).limit(1));
  if (!row) throw new DomainError('NOT_FOUND', '市场主体名录中没有该统一社会信用代码');
  if (staff.role === 'district' && row.districtCode !== staff.districtCode) scopeFilter(staff, row.districtCode);
  if (staff.role === 'department' && !(await departmentKnows(db, departmentOf(staff)?.id ?? '-', u))) {
    throw new DomainError('FORBIDDEN', '该主体不在本部门的行业领域内');
  }
  return row;
}

/** staff.recordContact: one more contact in the entity's history (kept, audited). */
export async function recordContact(input: ParsedOf<typeof C.recordContact>, { staff, db, now }: StaffContext) {
  if (input.date > chinaDate(now))
    throw new DomainError('INVALID_INPUT', '联系日期不能晚于今天', { issues: [{ field: 'date', message: '联系日期不能晚于今天' }] });
  const row = await registerRowInScope(db, staff, input.uscc);
  const doc: Omit<OutreachContactDoc, '_id'> = {
    uscc: row.uscc,
    districtCode: row.districtCode,
    result: input.result,
    note: input.note ?? '',
    date: input.date,
    by: staff.openid,
    byName: staff.name,
    createdAt: now,
  };
  const res = (await db.collection(COLLECTIONS.outreachContacts).add({ data: doc })) as { _id: string };
  await auditByStaff(db, staff, {
    at: now,
    action: 'outreach.contact',
    target: { collection: COLLECTIONS.outreachContacts, id: res._id },
    before: null,
    after: doc,
  });
  return { contact: { _id: res._id, ...doc, createdAt: now.toISOString() } };
}
