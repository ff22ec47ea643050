/** The choice lists of the forms, without zod, so the mini-program can offer them cheaply. */

/** 承诺人类别, as the 主动承诺信息表 writes it. */
export const PROMISER_CATEGORIES = ['法人', '非法人组织', '个体工商户', '自然人'] as const;
export const COMMITMENT_TYPES = ['主动型', '审批替代型', '证明事项告知承诺型', '容缺受理型', '行业自律型', '信用修复型'] as const;
/**
 * 承诺领域: the kind of commitment document (the office's example: 市场主体承诺书). Free text on the
 * form (bounded); these are the suggestions the mini-program and the template offer.
 */
export const COMMITMENT_AREAS = ['市场主体承诺书', '行业自律承诺书', '证明事项告知承诺书', '信用修复承诺书', '守法经营承诺书'] as const;
/** 公开类型: only 可向社会公开 items appear on the public profile. */
export const PUBLICITY_TYPES = ['可向社会公开', '政务共享', '授权查询'] as const;

/** A commitment's review status, as the merchant reads it. */
export const COMMITMENT_STATUS_TEXT = { pending: '待审核', approved: '已公示', rejected: '未通过' } as const;
export type CommitmentStatus = keyof typeof COMMITMENT_STATUS_TEXT;

/** The printable posters of a code: A4, A5 or a table tent (A4 folded). */
export const POSTER_SIZES = ['a4', 'a5', 'tent'] as const;
export type PosterSize = (typeof POSTER_SIZES)[number];

/**
 * Older spellings still accepted on the way in (sheets filled from the first templates, stored
 * drafts): each is read as the official value it maps to.
 */
export const LEGACY_VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  promiserCategory: { 法人及非法人组织: '法人', 法人组织: '法人', 非法人: '非法人组织' },
  publicity: { 社会公开: '可向社会公开', 向社会公开: '可向社会公开', 公开: '可向社会公开' },
};

/** The official value of `key` for `value`: itself, or what an older spelling maps to. */
export function officialValue(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const v = value.trim();
  return LEGACY_VALUES[key]?.[v] ?? v;
}
