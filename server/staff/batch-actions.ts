/**
 * staff.batches and staff.withdrawBatch: the import batches a staff member can see (their own;
 * the city all) and taking one back (撤回) as a whole, with a reason. Withdrawing marks every
 * record of the batch `withdrawn: true` with a Withdrawal naming the batch, in one update call per
 * collection, so the records leave public pages and the rankings at once; it is audited.
 */
import * as z from 'zod';
import { DomainError, oneOf, parseOrThrow } from '../../core';
import { IMPORT_KINDS } from '../../core/import-layouts';
import { BATCH_COLLECTIONS } from '../batches';
import { countOf, fetchAll, fetchById } from '../db';
import type { ActionContext } from '../handler';
import { COLLECTIONS, type ImportBatchDoc, type Withdrawal } from '../model';
import { id, page, reason } from './inputs';
import { actorOf, auditByStaff, loadStaff } from './roles';

const listInput = z.object({
  kind: oneOf('表格类别', IMPORT_KINDS).optional(),
  status: oneOf('批次状态', ['running', 'done', 'failed', 'withdrawn']).optional(),
  ...page,
});

export async function batches(payload: Record<string, unknown>, { caller, db }: ActionContext) {
  const staff = await loadStaff(db, caller.openid);
  const input = parseOrThrow(listInput, payload);
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
  return { total, items, mayChooseDepartment: staff.role === 'city' };
}

/** A batch still running after this long was cut off by the platform: it may be withdrawn. */
export const STALE_RUNNING_MS = 15 * 60 * 1000;

const withdrawInput = z.object({ batchId: id('批次编号'), reason: reason() });

export async function withdrawBatch(payload: Record<string, unknown>, { caller, db, now }: ActionContext) {
  const staff = await loadStaff(db, caller.openid);
  const input = parseOrThrow(withdrawInput, payload);
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
