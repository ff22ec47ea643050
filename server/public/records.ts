/**
 * records: 查看全部 — one kind of an entity's public records, newest first, a page at a time.
 * A scan or a profile shows the newest PREVIEW_PER_KIND of each kind; this pages the rest with the
 * same filters (approved and 社会公开 commitments, still-valid items, never a withdrawn record)
 * and the same bounded read: offset + limit + 1 records walked in index order, however many the
 * entity holds. There is no total: counting 100,000 records would read them all; `more` says
 * whether another page exists.
 */
import { beijingDate, DomainError, isPublicCommitment, toPublicRecord, type StoredDoc } from '../../core';
import type { ParsedOf } from '../../core/contract';
import { MAX_RECORDS_OFFSET, type publicContract, type RecordsPage } from '../../core/contract/public';
import type { ActionContext } from '../handler';
import { COLLECTIONS } from '../model';
import { KIND_SPECS, recordsPipeline, startFrom } from './profile-query';

export async function records(
  { uscc: code, kind, offset, limit }: ParsedOf<typeof publicContract.records>,
  { db, now }: ActionContext,
): Promise<RecordsPage> {
  const p = startFrom(db, COLLECTIONS.entities, { uscc: code });
  const res = (await p
    .lookup({
      from: KIND_SPECS[kind].collection,
      let: { uscc: '$uscc' },
      pipeline: recordsPipeline(kind, beijingDate(now)!, offset, limit + 1),
      as: 'records',
    })
    .project({ _id: 0, name: 1, records: 1 })
    .limit(1)
    .end()) as { list: StoredDoc[] };
  const doc = res.list[0];
  if (!doc) throw new DomainError('ENTITY_NOT_FOUND', '未找到该市场主体的诚信码信息');
  const found = Array.isArray(doc.records) ? (doc.records as StoredDoc[]) : [];
  const page = found.slice(0, limit).filter((r) => kind !== 'commitments' || isPublicCommitment(r));
  return {
    kind,
    offset,
    items: page.map((r) => toPublicRecord(kind, r, String(doc.name ?? ''))),
    more: found.length > limit && offset + limit <= MAX_RECORDS_OFFSET,
  };
}
