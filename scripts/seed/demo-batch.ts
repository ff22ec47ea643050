/**
 * The office's route, ready to walk (docs/forms-and-claims.md): a 主动承诺信息表 that 市市场监管局
 * imported (batch DEMO_BATCH_ID) for five shops of 向阳区 that have no code yet, and for one shop
 * known only from that form. 生码 → print → claim starts from here.
 */
import { commitmentTemplate, composeUscc, departmentById, type CommitmentInput } from '../../core';
import { dateOfDayNumber } from '../../core/rates';
import { rowDedupKey } from '../../server/batches';
import type { CodeDoc, CommitmentDoc, EntityDoc } from '../../server/model';
import { atChina, DEMO_BATCH_ID, DEMO_OPENIDS } from './demo';

const SCJG = departmentById('scjg')!;

/** The shop only the form knows. */
export const DEMO_NEWCOMER = {
  name: '鹤岗市向阳区新开张便民超市',
  uscc: composeUscc({ department: '9', category: '2', area: '230402', org8: 'MA0DEM01' }),
};

export function demoBatch(entities: readonly EntityDoc[], codes: readonly CodeDoc[], todayN: number): CommitmentDoc[] {
  const coded = new Set(codes.map((c) => c.entityId));
  const shops = entities.filter((e) => e.districtCode === '230402' && e.field === '市场监管' && !coded.has(e._id)).slice(0, 5);
  const day = todayN - 2;
  const t = commitmentTemplate('市场监管');
  const promisers = [
    ...shops.map((e) => ({ name: e.name, uscc: e.uscc, individual: e.category === 'individual' })),
    { ...DEMO_NEWCOMER, individual: true },
  ];
  return promisers.map((shop): CommitmentDoc => {
    const value: CommitmentInput = {
      promiserName: shop.name,
      promiserCategory: shop.individual ? '个体工商户' : '法人',
      promiserCode: shop.uscc,
      commitmentType: t.commitmentType,
      commitmentArea: t.commitmentArea,
      reason: t.reason,
      content: t.content,
      liability: t.liability,
      committedOn: dateOfDayNumber(day - 1),
      publicity: '可向社会公开',
    };
    return {
      _id: `demo-batch-${shop.uscc}`,
      ...value,
      field: '市场监管',
      uscc: shop.uscc,
      status: 'approved',
      batchId: DEMO_BATCH_ID,
      source: {
        kind: 'import',
        departmentId: SCJG.id,
        department: SCJG.name,
        importedBy: DEMO_OPENIDS.department,
        importedAt: atChina(day, 10),
        batch: DEMO_BATCH_ID,
      },
      dedupKey: rowDedupKey('commitment', value),
      createdAt: atChina(day, 10),
    };
  });
}
