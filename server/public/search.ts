/**
 * search: entities by USCC or by a fragment of the name, through indexes only. A name fragment
 * is matched with `nameKeys: _.all(bigrams)` (core/search-keys.ts), which the database answers
 * from the index on `nameKeys`; no regular expression ever scans the names. The database returns
 * at most SEARCH_WINDOW candidates; they are checked (the bigrams can all occur without the
 * fragment), ranked exact → prefix → fragment, and paged here.
 */
import { districtName, DomainError, ENTITY_CATEGORIES, validateUscc } from '../../core';
import type { ParsedOf } from '../../core/contract';
import { SEARCH_MIN, SEARCH_WINDOW, type publicContract, type SearchAnswer } from '../../core/contract/public';
import { nameMatchRank, nameSearchKeys, normaliseName } from '../../core/search-keys';
import type { ActionContext } from '../handler';
import { fetchAll } from '../db';
import { COLLECTIONS, type EntityDoc } from '../model';

type Found = Pick<EntityDoc, 'uscc' | 'name' | 'category' | 'districtCode' | 'field'>;
const FIELDS = { uscc: true, name: true, category: true, districtCode: true, field: true } as const;

export async function search(
  { keyword, offset, limit }: ParsedOf<typeof publicContract.search>,
  { db }: ActionContext,
): Promise<SearchAnswer> {
  const entities = db.collection(COLLECTIONS.entities);
  const asUscc = validateUscc(keyword);
  if (asUscc.valid) {
    const docs = await fetchAll<Found>(entities.where({ uscc: asUscc.normalized }).field(FIELDS).limit(1));
    return listing(docs, 0, 1, false);
  }
  const wanted = normaliseName(keyword);
  if (Array.from(wanted).length < SEARCH_MIN) throw new DomainError('INVALID_INPUT', `请至少输入${SEARCH_MIN}个字`);
  const candidates = await fetchAll<Found>(
    entities
      .where({ nameKeys: db.command.all(nameSearchKeys(wanted)) })
      .field(FIELDS)
      .limit(SEARCH_WINDOW),
  );
  const full = candidates.length === SEARCH_WINDOW;
  if (full) {
    // More candidates than one window: the entity named exactly so may lie beyond it.
    const exact = await fetchAll<Found>(entities.where({ name: keyword }).field(FIELDS).limit(5));
    for (const e of exact) if (!candidates.some((c) => c.uscc === e.uscc)) candidates.unshift(e);
  }
  const ranked = candidates
    .map((e) => ({ e, norm: normaliseName(e.name), rank: nameMatchRank(normaliseName(e.name), wanted) }))
    .filter((x) => x.rank !== undefined)
    .sort((a, b) => a.rank! - b.rank! || a.norm.length - b.norm.length || (a.norm < b.norm ? -1 : a.norm > b.norm ? 1 : 0))
    .map((x) => x.e);
  return listing(ranked, offset, limit, full);
}

/**
 * `{ total, items, more }`: `total` counts the matches among the candidates read; `capped` says
 * the window was full, so there may be more than `total` (the page asks for a longer name).
 */
function listing(found: Found[], offset: number, limit: number, capped: boolean): SearchAnswer {
  const items = found.slice(offset, offset + limit).map((e) => ({
    uscc: e.uscc,
    name: e.name,
    categoryName: ENTITY_CATEGORIES[e.category] ?? '',
    districtName: districtName(e.districtCode) ?? '',
    field: e.field,
  }));
  return {
    total: found.length,
    items,
    capped,
    more: offset + items.length < found.length || capped,
  };
}
