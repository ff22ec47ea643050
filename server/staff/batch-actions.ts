/**
 * staff.batches and staff.withdrawBatch: the import batches a staff member can see (their own;
 * the city all) and taking one back (撤回) as a whole, with a reason. Withdrawing marks every
 * record of the batch `withdrawn: true` with a Withdrawal naming the batch, in one update call per
 * collection, so the records leave public pages and the rankings at once; it is audited.
 */
import { DomainError } from '../../core';
import type { ParsedOf } from '../../core/contract/define';
import type { staffOfficeContract } from '../../core/contract/staff-office';
import { BATCH_COLLECTIONS } from '../batches';
import { countOf, fetchAll, fetchById } from '../db';
import { COLLECTIONS, type ImportBatchDoc, type Withdrawal } from '../model';
import { toWire } from '../wire';
import type { StaffContext } from './define-staff-actions';
import { actorOf, auditByStaff } from './roles';

type Contract = typeof staffOfficeContract;

export async function batches(input: ParsedOf<Contract['batches']>, { db, staff }: StaffContext) {
  const filter: Record<string, string> = {};
  if (staff.role !== 'city') filter.importedBy = actorOf(staff);
  if (input.kind) filter.kind = input.kind;
  if (input.status) filter.status = input.status;
  const coll = db.collection(COLLECTIONS.importBatches);
  const [total, items] = await Promise.all([
    countOf(coll.where(filter)),
    fetchAll<ImportBatchDoc>(coll.where(filter).orderBy('startedAt', 'desc').skip(input.offset).limit(input.limit)),
  ]);
  // The import page shows the department picker to the city admin only (the server enforces it too).
  return toWire({ total, items, mayChooseDepartment: staff.role === 'city' });
}

/** A batch still running after this long was cut off by the platform: it may be withdrawn. */
export const STALE_RUNNING_MS = 15 * 60 * 1000;

export async function withdrawBatch(input: ParsedOf<Contract['withdrawBatch']>, { db, now, staff }: StaffContext) {
  const batch = await fetchById<ImportBatchDoc>(db.collection(COLLECTIONS.importBatches).doc(input.batchId));
  if (!batch) throw new DomainError('NOT_FOUND', '未找到该导入批次');
  if (staff.role !== 'city' && batch.importedBy !== actorOf(staff)) throw new DomainError('FORBIDDEN', '只能撤回本人导入的批次');
  if (batch.kind === 'register') throw new DomainError('INVALID_STATE', '市场主体名录不能整批撤回，请导入更正后的名录（变更会留存历史）');
  if (batch.status === 'withdrawn') throw new DomainError('INVALID_STATE', '该批次已撤回');
  if (batch.status === 'running' && now.getTime() - new Date(batch.startedAt).getTime() < STALE_RUNNING_MS) {
    throw new DomainError('INVALID_STATE', '该批次正在导入，请稍后再撤回');
  }
  const withdrawal: Withdrawal = { at: now, by: actorOf(staff), reason: input.reason, batchId: batch._id };
  // Claim the batch first: two concurrent withdrawals cannot both proceed.
  const claimed = (await db
    .collection(COLLECTIONS.importBatches)
    .where({ _id: batch._id, status: db.command.neq('withdrawn') })
    .update({ data: { status: 'withdrawn', withdrawal } })) as { stats: { updated: number } };
  if (claimed.stats.updated !== 1) throw new DomainError('INVALID_STATE', '该批次已撤回');
  const collection = BATCH_COLLECTIONS[batch.kind]!;
  const res = (await db
    .collection(collection)
    .where({ batchId: batch._id, withdrawn: db.command.neq(true) })
    .update({ data: { withdrawn: true, withdrawal } })) as { stats: { updated: number } };
  await auditByStaff(db, staff, {
    at: now,
    action: 'batch.withdraw',
    target: { collection: COLLECTIONS.importBatches, id: batch._id },
    before: { status: batch.status },
    after: { status: 'withdrawn', records: res.stats.updated, collection },
    reason: input.reason,
  });
  return { batchId: batch._id, withdrawn: res.stats.updated };
}
