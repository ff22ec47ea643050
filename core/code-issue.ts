/** 生码 (staff.issueCodes, staffDocs.printBatch): why an entity was passed over, in the words staff read. */
export const SKIP_REASONS = {
  INVALID_USCC: '统一社会信用代码不正确',
  ALREADY_CODED: '该主体已有诚信码',
  NOT_IN_HEGANG: '不是鹤岗市的市场主体（无法确定所属县区）',
  UNKNOWN_ENTITY: '名录和归集信息中都没有该主体',
  OUT_OF_SCOPE: '不在您的管辖范围内',
} as const;
export type SkipReason = keyof typeof SKIP_REASONS;

/** An entity no code was issued for: its USCC as given, the reason and its message. */
export interface IssueSkip {
  uscc: string;
  reason: SkipReason;
  message: string;
}
