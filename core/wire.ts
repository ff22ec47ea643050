/**
 * Stored shapes that the functions' answers expose, as they cross the wire: every date is the ISO
 * string JSON makes of it. The server's documents (server/model.ts) derive from these with `Date`
 * in place of the strings, so a field is declared once for both sides.
 */

export type CodeStatus = 'active' | 'suspended' | 'revoked';

export type StaffRole = 'city' | 'district' | 'department';

/** One change of a code's status. */
export interface CodeHistoryItem {
  at: string;
  status: CodeStatus;
  by: string;
  /** Free text for the owner and staff; never shown on public pages. */
  reason: string;
  /** core's CODE_REASON_CATEGORIES key: the only part of the reason the public sees. */
  category?: string;
}

/** One audited change: who (openid and role) did what to which document, before and after. */
export interface AuditRecord {
  _id?: string;
  at: string;
  actor: string;
  role: StaffRole | 'merchant' | 'system';
  action: string;
  target: { collection: string; id: string };
  before: unknown;
  after: unknown;
  reason?: string;
}

/**
 * A record taken back: by withdrawing its batch or by itself (an answered objection, a
 * correction). Withdrawn records stay stored for the audit trail but never appear on public
 * pages or in public answers.
 */
export interface WithdrawalItem {
  at: string;
  by: string;
  reason: string;
  /** Set when the whole batch was withdrawn. */
  batchId?: string;
}

/** The kinds of credit record staff may correct or withdraw (server/records.ts RECORD_COLLECTIONS). */
export type RecordKind = 'commitment' | 'honour' | 'registration' | 'otherInfo';
