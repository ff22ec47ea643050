/**
 * What the office knows about entities that have not applied: the 市场主体名录 (register) and the
 * records departments imported (归集). 生码 creates an entity from this, so the data a code shows
 * comes from the departments, never from the caller.
 */
import { recordField, suggestCategory, type EntityCategory } from '../../core';
/** Entities issued per call, and the USCCs a batch yields per call (`offset` pages through more). */
import { MAX_ISSUE } from '../../core/contract/staff-office';
import type { Database } from '../cloud';
import { fetchAll } from '../db';
import { COLLECTIONS, type CommitmentDoc, type RecordSource, type RegisterDoc } from '../model';

/** The record collections an import batch may have written, with the name column of each. */
const RECORD_SOURCES = [
  { collection: COLLECTIONS.commitments, name: 'promiserName' },
  { collection: COLLECTIONS.honours, name: 'entityName' },
  { collection: COLLECTIONS.registrations, name: 'entityName' },
  { collection: COLLECTIONS.otherInfo, name: 'entityName' },
] as const;

export interface CollectedEntity {
  uscc: string;
  name: string;
  address: string;
  category: EntityCategory;
  /** From the register row, when there is one. */
  registerDistrict?: string;
  /** 行业领域 for department scope (core/industry.ts recordField). */
  field: string;
}

type StoredRecord = Partial<CommitmentDoc> & {
  uscc: string;
  entityName?: string;
  source?: RecordSource;
  createdAt?: Date;
  batchId?: string;
};

function categoryOf(entityType: string | undefined, uscc: string): EntityCategory {
  if (entityType?.includes('个体')) return 'individual';
  if (entityType?.includes('合作社')) return 'cooperative';
  return suggestCategory(uscc);
}

function importSource(s: RecordSource | undefined): { departmentId?: string; department?: string } {
  return s?.kind === 'import' ? { departmentId: s.departmentId, department: s.department } : {};
}

/**
 * Everything known about each USCC: the register row first (name, address, district, type), else
 * the most recent imported record that names it. `fallbackDepartment` decides the field when the
 * data does not (the issuing department's).
 */
export async function collectedEntities(
  db: Database,
  usccs: readonly string[],
  fallbackDepartment: { departmentId?: string } = {},
): Promise<Map<string, CollectedEntity>> {
  const _ = db.command;
  const out = new Map<string, CollectedEntity>();
  if (usccs.length === 0) return out;
  const $ = db.command.aggregate;
  // Per collection, the most recent record of each USCC (grouped in the database: a USCC may have many records).
  const latestOf = async (r: (typeof RECORD_SOURCES)[number]) => {
    const res = (await db
      .collection(r.collection)
      .aggregate()
      .match({ uscc: _.in([...usccs]), withdrawn: _.neq(true) })
      .sort({ createdAt: -1 })
      .group({
        _id: '$uscc',
        name: $.first(`$${r.name}`),
        field: $.first('$field'),
        source: $.first('$source'),
        createdAt: $.first('$createdAt'),
      })
      .limit(MAX_ISSUE)
      .end()) as { list: { _id: string; name?: string; field?: string; source?: RecordSource; createdAt?: Date }[] };
    return res.list;
  };
  const [register, ...records] = await Promise.all([
    fetchAll<RegisterDoc>(
      db
        .collection(COLLECTIONS.register)
        .where({ uscc: _.in([...usccs]) })
        .limit(1000),
    ),
    ...RECORD_SOURCES.map(latestOf),
  ]);
  const latest = new Map<string, { rec: StoredRecord; name: string }>();
  for (const list of records) {
    for (const g of list) {
      const name = String(g.name ?? '').trim();
      const rec: StoredRecord = { uscc: g._id, field: g.field, source: g.source, createdAt: g.createdAt };
      const prev = latest.get(g._id);
      if (name !== '' && (!prev || new Date(rec.createdAt ?? 0) > new Date(prev.rec.createdAt ?? 0))) latest.set(g._id, { rec, name });
    }
  }
  for (const uscc of usccs) {
    const row = register.find((r) => r.uscc === uscc);
    const rec = latest.get(uscc);
    if (!row && !rec) continue;
    const src = rec ? importSource(rec.rec.source) : {};
    let field: string = recordField({
      field: rec?.rec.field,
      departmentId: src.departmentId ?? fallbackDepartment.departmentId,
      department: src.department,
    });
    if (field === '其他' && !rec) field = '市场监管'; // the register is 市场监管's export
    out.set(uscc, {
      uscc,
      name: row?.name ?? rec!.name,
      address: row?.address ?? '',
      category: categoryOf(row?.entityType, uscc),
      ...(row?.districtCode ? { registerDistrict: row.districtCode } : {}),
      field,
    });
  }
  return out;
}

/** The distinct USCCs an import batch named (records or register rows), sorted, one page of them. */
export async function usccsOfBatch(db: Database, batchId: string, offset: number): Promise<{ usccs: string[]; total: number }> {
  const _ = db.command;
  const all = new Set<string>();
  const collections = [...RECORD_SOURCES.map((r) => r.collection), COLLECTIONS.register];
  // `batchId` (indexed) first; records imported before batches existed only carry `source.batch`.
  for (const where of [{ batchId }, { 'source.batch': batchId }]) {
    for (const collection of collections) {
      // A batch is bounded by the import's file size; read its USCCs a page at a time.
      for (let skip = 0; ; skip += 1000) {
        const page = await fetchAll<{ uscc: string }>(
          db
            .collection(collection)
            .where({ ...where, withdrawn: _.neq(true) })
            .field({ uscc: true })
            .skip(skip)
            .limit(1000),
        );
        for (const p of page) if (typeof p.uscc === 'string') all.add(p.uscc);
        if (page.length < 1000) break;
      }
    }
    if (all.size > 0) break;
  }
  const sorted = [...all].sort();
  return { usccs: sorted.slice(offset, offset + MAX_ISSUE), total: sorted.length };
}
