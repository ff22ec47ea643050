/**
 * Import batches (归集批次): one importBatches document per imported file, written before the first
 * row, finished (done/failed) after the last. Every stored row carries its batchId, so a batch can
 * be listed and withdrawn (撤回) as a whole; a failed batch (bad file part-way, time budget spent)
 * keeps what it wrote and can be withdrawn, or resumed by importing the same file again (rows
 * already stored are recognised by their dedupKey and skipped).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FormKind } from '../core/schemas/forms';
import { canonicalRow } from '../core/import-layouts';
import type { Database } from './cloud';
import { fetchOne } from './db';
import { COLLECTIONS, type CollectionName, type ImportBatchDoc, type ImportBatchStatus, type Withdrawal } from './model';
import { actorOf, auditByStaff, type Staff } from './staff/roles';

/** Where each kind's rows are stored (the register is upserted, the others inserted). */
export const BATCH_COLLECTIONS: Readonly<Record<string, CollectionName>> = {
  commitment: COLLECTIONS.commitments,
  honour: COLLECTIONS.honours,
  registration: COLLECTIONS.registrations,
  otherInfo: COLLECTIONS.otherInfo,
  districtTotals: COLLECTIONS.districtTotals,
  register: COLLECTIONS.register,
};

export type BatchCounts = ImportBatchDoc['counts'];

export function newBatchId(now: Date): string {
  return `${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}`;
}

export function fileHash(file: Buffer): string {
  return createHash('sha256').update(file).digest('hex');
}

/**
 * An imported row's dedupKey (unique index per collection): the hash of its canonical content, so the
 * same row imported twice, or an import resumed, is recognised. The seed's demo records use it too.
 */
export function rowDedupKey(kind: FormKind, value: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalRow(kind, value)).digest('hex').slice(0, 40);
}

/** Write the batch document (status running) before anything else of the import is stored. */
export async function openBatch(
  db: Database,
  staff: Staff,
  fields: Pick<ImportBatchDoc, 'kind' | 'fileName' | 'fileHash' | 'departmentId' | 'department'>,
  now: Date,
): Promise<ImportBatchDoc> {
  const doc: ImportBatchDoc = {
    _id: newBatchId(now),
    ...fields,
    importedBy: actorOf(staff),
    role: staff.role,
    ...(staff.districtCode !== undefined && staff.role === 'district' ? { districtCode: staff.districtCode } : {}),
    status: 'running',
    startedAt: now,
    counts: { rows: 0, inserted: 0, duplicates: 0, invalid: 0 },
  };
  if (doc.departmentId === undefined) delete doc.departmentId;
  await db.collection(COLLECTIONS.importBatches).add({ data: doc });
  return doc;
}

/** Finish the batch (done or failed) and write its audit entry: a failed import is audited too. */
export async function closeBatch(
  db: Database,
  staff: Staff,
  batch: ImportBatchDoc,
  outcome: { status: Extract<ImportBatchStatus, 'done' | 'failed'>; counts: BatchCounts; error?: string; resumeAfterRow?: number },
  now: Date,
): Promise<void> {
  const data: Partial<ImportBatchDoc> = { status: outcome.status, counts: outcome.counts, finishedAt: now };
  if (outcome.error !== undefined) data.error = outcome.error;
  if (outcome.resumeAfterRow !== undefined) data.resumeAfterRow = outcome.resumeAfterRow;
  await db.collection(COLLECTIONS.importBatches).doc(batch._id).update({ data });
  await auditByStaff(db, staff, {
    at: now,
    action: 'importRecords',
    target: { collection: BATCH_COLLECTIONS[batch.kind] ?? COLLECTIONS.importBatches, id: batch._id },
    before: null,
    after: {
      kind: batch.kind,
      batchId: batch._id,
      status: outcome.status,
      departmentId: batch.departmentId ?? null,
      department: batch.department ?? null,
      fileName: batch.fileName,
      ...outcome.counts,
      ...(outcome.error !== undefined ? { error: outcome.error } : {}),
      ...(outcome.resumeAfterRow !== undefined ? { resumeAfterRow: outcome.resumeAfterRow } : {}),
    },
  });
}

/**
 * Where a re-import of this file resumes: after the row the importer's latest failed batch of the
 * same file and kind had handled (0 = from the start). Rows before it were stored by that attempt
 * (or reported); the dedup keys still catch any overlap.
 */
export async function resumePoint(db: Database, staff: Staff, kind: string, hash: string): Promise<{ afterRow: number; batchId?: string }> {
  const last = await fetchOne<ImportBatchDoc>(
    db
      .collection(COLLECTIONS.importBatches)
      .where({ importedBy: actorOf(staff), kind, fileHash: hash, status: 'failed' })
      .orderBy('startedAt', 'desc')
      .limit(1),
  );
  return last?.resumeAfterRow ? { afterRow: last.resumeAfterRow, batchId: last._id } : { afterRow: 0 };
}

export type { Withdrawal };
