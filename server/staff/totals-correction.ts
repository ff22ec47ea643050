/**
 * staff.correctTotals: the city admin corrects one wrong district-totals row (a wrong count, a
 * wrong date). The wrong row is withdrawn (kept, with who, when and why) and, when corrected values
 * are given, a corrected row takes its place in the same batch, marked `correctionOf`. Rankings use
 * the latest non-withdrawn row dated on or before their date, so the correction counts at once.
 * To take back a whole file instead, withdraw its batch (staff.withdrawBatch).
 */
import { check, DomainError, FORMS } from '../../core';
import type { ParsedOf } from '../../core/contract/define';
import type { staffOfficeContract } from '../../core/contract/staff-office';
import { chinaDate } from '../../core/rates';
import { rowDedupKey } from '../batches';
import { fetchById } from '../db';
import { COLLECTIONS, type DistrictTotalsDoc, type Withdrawal } from '../model';
import type { StaffContext } from './define-staff-actions';
import { actorOf, auditByStaff, requireCity } from './roles';

export async function correctTotals(p: ParsedOf<typeof staffOfficeContract.correctTotals>, { db, now, staff }: StaffContext) {
  requireCity(staff);
  const coll = db.collection(COLLECTIONS.districtTotals);
  const wrong = await fetchById<DistrictTotalsDoc>(coll.doc(p.totalsId));
  if (!wrong) throw new DomainError('NOT_FOUND', '未找到该条市场主体总量记录');
  if (wrong.withdrawn) throw new DomainError('INVALID_STATE', '该记录已撤回');

  let corrected: Record<string, unknown> | undefined;
  const changes = { asOf: p.asOf, marketEntities: p.marketEntities, xinyidaiRegistered: p.xinyidaiRegistered };
  if (Object.values(changes).some((v) => v !== undefined)) {
    const parsed = check(FORMS.districtTotals.schema, {
      districtCode: wrong.districtCode,
      asOf: p.asOf ?? wrong.asOf,
      marketEntities: p.marketEntities ?? wrong.marketEntities,
      xinyidaiRegistered: p.xinyidaiRegistered ?? wrong.xinyidaiRegistered,
    });
    if (!parsed.ok) throw new DomainError('INVALID_INPUT', parsed.issues[0]?.message ?? '更正内容不正确', { issues: parsed.issues });
    corrected = parsed.value as Record<string, unknown>;
    const today = chinaDate(now);
    if (String(corrected.asOf) > today) throw new DomainError('INVALID_INPUT', `统计日期不能晚于今天（${today}）`);
  }

  const withdrawal: Withdrawal = { at: now, by: actorOf(staff), reason: p.reason };
  const res = (await coll.where({ _id: wrong._id, withdrawn: db.command.neq(true) }).update({ data: { withdrawn: true, withdrawal } })) as {
    stats: { updated: number };
  };
  if (res.stats.updated !== 1) throw new DomainError('INVALID_STATE', '该记录已撤回');
  let correctedId: string | undefined;
  if (corrected) {
    const dedupKey = rowDedupKey('districtTotals', corrected);
    const added = (await coll.add({
      data: {
        ...corrected,
        source: wrong.source,
        ...(wrong.batchId ? { batchId: wrong.batchId } : {}),
        correctionOf: wrong._id,
        dedupKey: `${dedupKey}-c-${now.getTime().toString(36)}`,
        createdAt: now,
      },
    })) as { _id: string };
    correctedId = added._id;
  }
  await auditByStaff(db, staff, {
    at: now,
    action: 'totals.correct',
    target: { collection: COLLECTIONS.districtTotals, id: wrong._id },
    before: { asOf: wrong.asOf, marketEntities: wrong.marketEntities, xinyidaiRegistered: wrong.xinyidaiRegistered },
    after: corrected ? { ...corrected, correctedId } : { withdrawn: true },
    reason: p.reason,
  });
  return { withdrawnId: wrong._id, ...(correctedId ? { correctedId } : {}) };
}
