/**
 * The ranking sentence of the 通报, worded exactly as the office publishes it:
 * "截至2022年5月25日，“码上诚信”各县（区）赋码占市场总量排名情况：前三名的是：绥滨县：23.64%，…；后两名的是：…。"
 *
 * Ties: ranks are competition ranks over exact fractions (rates.ts), and a group is cut by rank,
 * not by position. "前三名" lists every district ranked 1–3 (two sharing third place are both
 * named), "后两名" every district ranked in the bottom two from below, leaving out any already
 * named among the top. Within a tie the GB/T 2260 order decides who is written first. Districts
 * without a market-entity total are not ranked and never named.
 */
import { chineseDate, compareSharesDesc, competitionRanks, type DistrictRow, type Share } from './rates';

export const TOP_COUNT = 3;
export const BOTTOM_COUNT = 2;

interface Ranked {
  readonly name: string;
  readonly share: Share;
  readonly order: number;
}

/** Which share a ranking is by: 赋码率 (the default) or the 信易贷 share (section 四 of the 通报). */
export type SharePick = (r: DistrictRow) => Share | undefined;
export const byCodeRate: SharePick = (r) => r.codeRate;
export const byXinyidai: SharePick = (r) => r.xinyidaiShare;

function ranked(rows: readonly DistrictRow[], pick: SharePick): Ranked[] {
  return rows.map((r, order) => ({ name: r.name, share: pick(r), order })).filter((r): r is Ranked => r.share !== undefined);
}

/** The top and bottom groups as the sentence names them (each highest share first). */
export function rankingGroups(rows: readonly DistrictRow[], pick: SharePick = byCodeRate): { top: Ranked[]; bottom: Ranked[] } {
  const items = ranked(rows, pick);
  const byShare = (a: Ranked, b: Ranked) => compareSharesDesc(a.share, b.share) || a.order - b.order;
  const fromTop = competitionRanks(items.map((i) => i.share));
  // Competition rank counted from the bottom: 1 + how many have a strictly smaller share.
  const fromBottom = items.map((i) => 1 + items.filter((j) => compareSharesDesc(j.share, i.share) > 0).length);
  const top = items.filter((_, k) => fromTop[k]! <= TOP_COUNT).sort(byShare);
  const topNames = new Set(top.map((t) => t.name));
  const bottom = items.filter((i, k) => fromBottom[k]! <= BOTTOM_COUNT && !topNames.has(i.name)).sort(byShare);
  return { top, bottom };
}

const entry = (r: Ranked) => `${r.name}：${r.share.percent}%`;

/** The sentence for `asOf` (YYYY-MM-DD); undefined when no district can be ranked yet. */
export function rankingSentence(asOf: string, rows: readonly DistrictRow[]): string | undefined {
  const { top, bottom } = rankingGroups(rows);
  if (top.length === 0) return undefined;
  let text = `截至${chineseDate(asOf)}，“码上诚信”各县（区）赋码占市场总量排名情况：前三名的是：${top.map(entry).join('，')}`;
  if (bottom.length > 0) text += `；后两名的是：${bottom.map(entry).join('，')}`;
  return `${text}。`;
}
