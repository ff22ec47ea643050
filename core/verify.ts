/**
 * What a scan means to the person holding the phone. The verdict is computed from the
 * stored code (or its absence) and the version the printed QR carries; it is pure so the
 * function, the page and the tests agree on every case.
 */

/**
 * - valid: the code is active and this print is current.
 * - suspended / revoked: staff changed the code's status (a printed code cannot be recalled,
 *   so the status lives on the server).
 * - retired: an older print of a code that was replaced without being revoked (a newer version of
 *   the same code, or a newer code of the entity while this one was never revoked).
 * - unknown: no such code (mistyped, forged, malformed, or a version that never existed).
 *
 * A revoked code stays 已撤销 on every print, also after the entity is given a new code: the old
 * print must keep saying why it stopped, not look like a routine replacement.
 */
export type CodeVerdict = 'valid' | 'suspended' | 'revoked' | 'retired' | 'unknown';

export type VerdictTone = 'green' | 'amber' | 'red' | 'grey';

export interface VerdictText {
  /** The one word shown largest, in the verdict's colour. */
  readonly label: string;
  readonly tone: VerdictTone;
  /** One plain sentence telling the person what to do. */
  readonly hint: string;
}

export const VERDICTS: Readonly<Record<CodeVerdict, VerdictText>> = {
  valid: { label: '有效', tone: 'green', hint: '诚信码有效。请核对下方名称、地址与眼前的店铺是否一致。' },
  suspended: { label: '暂停', tone: 'amber', hint: '该诚信码已被暂停使用，请谨慎交易。' },
  revoked: { label: '已撤销', tone: 'red', hint: '该诚信码已被撤销，不再有效。' },
  retired: { label: '旧码已停用', tone: 'amber', hint: '这是已换发的旧码，请以店内最新张贴的诚信码为准。' },
  // A red warning: an id we never issued is most likely a forgery.
  unknown: { label: '无效码', tone: 'red', hint: '疑似伪造或已失效，请勿轻信。如在店内看到，请一键举报。' },
};

/** A stored code's status: a printed code cannot be recalled, so it lives on the server. */
export type CodeStatus = 'active' | 'suspended' | 'revoked';

export interface StoredCodeState {
  readonly status: CodeStatus;
  readonly version: number;
}

/**
 * @param code the stored code, or undefined when no code has this id
 * @param scannedVersion the version in the printed QR, if it carried one
 * @param reissued true when the entity holds a newer live code than this one (matters only for a code not revoked)
 */
export function verdictOf(code: StoredCodeState | undefined, scannedVersion?: number, reissued = false): CodeVerdict {
  if (!code) return 'unknown';
  // A version above the stored one was never printed by us: treat it as forged.
  if (scannedVersion !== undefined && scannedVersion > code.version) return 'unknown';
  if (code.status === 'revoked') return 'revoked';
  if (reissued || (scannedVersion !== undefined && scannedVersion < code.version)) return 'retired';
  return code.status === 'active' ? 'valid' : 'suspended';
}

/** Reasons offered by the "举报可疑码" form. */
export const REPORT_REASONS = ['码与店铺不符', '疑似伪造或无效码', '公示信息不实', '经营中有失信行为', '其他'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** What an objection (异议) may be raised against: the entity's own data or one of its records. */
export const OBJECTION_TARGETS = {
  entity: '主体基本信息',
  commitment: '主动承诺',
  honour: '守信激励',
  registration: '自愿注册',
  otherInfo: '其他信用信息',
} as const;
export type ObjectionTarget = keyof typeof OBJECTION_TARGETS;
