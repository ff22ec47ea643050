/** profile / search: the public side of an entity, found by USCC or by name. */
import * as z from 'zod';
import { districtName, DomainError, ENTITY_CATEGORIES, parseOrThrow, PUBLIC_VERDICTS, toPublicProfile, uscc, validateUscc, verdictOf, withoutPositiveRecords } from '../../core';
import type { ActionContext } from '../handler';
import { fetchAll } from '../db';
import { COLLECTIONS, type EntityDoc } from '../model';
import { liveCodeOf, loadByUscc } from './profile-query';

const profileSchema = z.object({ uscc: uscc() });

export async function profile(payload: Record<string, unknown>, { db, now }: ActionContext) {
  const { uscc: code } = parseOrThrow(profileSchema, payload);
  const loaded = await loadByUscc(db, code);
  if (!loaded) throw new DomainError('ENTITY_NOT_FOUND', '未找到该市场主体的诚信码信息');
  const live = liveCodeOf(loaded.codes);
  // No code yet is neutral (尚未赋码); only codes that all ended revoked read 已撤销, and withhold the positive records.
  const verdict = live ? verdictOf(live) : loaded.codes.length === 0 ? 'none' : 'revoked';
  const text = PUBLIC_VERDICTS[verdict];
  const shown = toPublicProfile({ ...loaded, ...(live ? { codeIssuedAt: live.issuedAt } : {}) }, now);
  return {
    codeStatus: { verdict, label: text.label, tone: text.tone },
    profile: verdict === 'revoked' ? withoutPositiveRecords(shown) : shown,
  };
}

const SEARCH_MIN = 2;
const SEARCH_MAX = 50;
const SEARCH_LIMIT = 20;

const searchSchema = z.object({
  keyword: z
    .string({ error: '请输入名称或统一社会信用代码' })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(SEARCH_MIN, { error: `请至少输入${SEARCH_MIN}个字` })
        .max(SEARCH_MAX, { error: `搜索内容不能超过${SEARCH_MAX}个字` }),
    ),
});

/** Regular-expression metacharacters typed by people are literal text. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function search(payload: Record<string, unknown>, { db }: ActionContext) {
  const { keyword } = parseOrThrow(searchSchema, payload);
  const asUscc = validateUscc(keyword);
  const entities = db.collection(COLLECTIONS.entities);
  const query = asUscc.valid
    ? entities.where({ uscc: asUscc.normalized })
    : entities.where({ name: db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' }) });
  const docs = await fetchAll<EntityDoc>(query.limit(SEARCH_LIMIT));
  return {
    items: docs.map((e) => ({
      uscc: e.uscc,
      name: e.name,
      categoryName: ENTITY_CATEGORIES[e.category] ?? '',
      districtName: districtName(e.districtCode) ?? '',
      field: e.field,
    })),
    /** True when there may be more matches than shown. */
    more: docs.length === SEARCH_LIMIT,
  };
}
