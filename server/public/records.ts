/**
 * records: 查看全部 — one kind of an entity's public records, newest first, a page at a time.
 * A scan or a profile shows the newest PREVIEW_PER_KIND of each kind; this pages the rest with the
 * same filters (approved and 社会公开 commitments, still-valid items, never a withdrawn record)
 * and the same bounded read: offset + limit + 1 records walked in index order, however many the
 * entity holds. There is no total: counting 100,000 records would read them all; `more` says
 * whether another page exists.
 */
import * as z from 'zod';
import { beijingDate, DomainError, isPublicCommitment, oneOf, parseOrThrow, toPublicRecord, uscc, type StoredDoc } from '../../core';
import type { ActionContext } from '../handler';
import { COLLECTIONS } from '../model';
import { KIND_SPECS, RECORD_KINDS, recordsPipeline, startFrom } from './profile-query';

/** How deep 查看全部 pages: beyond this, the department's own register is the place to look. */
export const MAX_RECORDS_OFFSET = 1000;

const recordsSchema = z.object({
  uscc: uscc(),
  kind: oneOf('信息类别', RECORD_KINDS),
  offset: z.coerce.number({ error: '分页参数不正确' }).int().min(0).max(MAX_RECORDS_OFFSET, { error: `最多查看前${MAX_RECORDS_OFFSET}条` }).default(0),
  limit: z.coerce.number({ error: '分页参数不正确' }).int().min(1).max(50).default(20),
});

export async function records(payload: Record<string, unknown>, { db, now }: ActionContext) {
  const { uscc: code, kind, offset, limit } = parseOrThrow(recordsSchema, payload);
  const p = startFrom(db, COLLECTIONS.entities, { uscc: code });
  const res = (await p
    .lookup({ from: KIND_SPECS[kind].collection, let: { uscc: '$uscc' }, pipeline: recordsPipeline(kind, beijingDate(now)!, offset, limit + 1), as: 'records' })
    .project({ _id: 0, name: 1, records: 1 })
    .limit(1)
    .end()) as { list: StoredDoc[] };
  const doc = res.list[0];
  if (!doc) throw new DomainError('ENTITY_NOT_FOUND', '未找到该市场主体的诚信码信息');
  const found = Array.isArray(doc.records) ? (doc.records as StoredDoc[]) : [];
  const page = found.slice(0, limit).filter((r) => kind !== 'commitments' || isPublicCommitment(r));
  return { kind, offset, items: page.map((r) => toPublicRecord(kind, r, String(doc.name ?? ''))), more: found.length > limit && offset + limit <= MAX_RECORDS_OFFSET };
}
