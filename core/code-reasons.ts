/**
 * Why a code was suspended or revoked, as a category the public may see. Staff write a free-text
 * reason too (kept in the code's history and told to the owner), but the public page shows only
 * the category: the text may name people or ongoing investigations.
 */
export const CODE_REASON_CATEGORIES = {
  verifying: '信息核查中',
  report: '接到举报，正在核实',
  mismatch: '登记信息与实际不符',
  dishonest: '存在失信行为',
  closed: '已停业或注销',
  ownerRequest: '经营者申请',
  other: '其他原因',
} as const;

export type CodeReasonCategory = keyof typeof CODE_REASON_CATEGORIES;

export const CODE_REASON_KEYS = Object.keys(CODE_REASON_CATEGORIES) as [CodeReasonCategory, ...CodeReasonCategory[]];

export function codeReasonLabel(category: string | undefined): string {
  return (CODE_REASON_CATEGORIES as Record<string, string>)[category ?? ''] ?? CODE_REASON_CATEGORIES.other;
}
