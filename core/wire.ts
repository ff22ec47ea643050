/**
 * Stored shapes that the functions' answers expose, as they cross the wire: every date is the ISO
 * string JSON makes of it. The server's documents (server/model.ts) derive from these with `Date`
 * in place of the strings, so a field is declared once for both sides.
 */

import type { Wire } from './contract/wire';
import type { CodeHistoryEntry, StaffRole, Withdrawal } from './documents';

export type { CodeStatus } from './verify';
export type { RecordKind, StaffRole } from './documents';

/** One change of a code's status. */
export type CodeHistoryItem = Wire<CodeHistoryEntry>;

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

/** A record taken back (core/documents.ts Withdrawal). */
export type WithdrawalItem = Wire<Withdrawal>;

/** A row of the 市场主体名录 (register), keyed by USCC. Private: legal representatives never go public. */
export interface RegisterEntry {
  _id: string;
  uscc: string;
  /** 市场主体名称 */
  name: string;
  /** 市场主体类型, as the register writes it (有限责任公司, 个体工商户, …). */
  entityType: string;
  /** 法定代表人（负责人、经营者） */
  legalRep: string;
  /** 住所（经营场所） */
  address: string;
  /** 所属县（区）: one of the eight district codes. */
  districtCode: string;
  /** 成立日期, 'YYYY-MM-DD'. */
  foundedOn?: string;
  /** 登记状态 as written (存续, 在业, 注销, 吊销, …). */
  regStatus: string;
  /** Whether the entity counts as a market entity in business (存续/在业/开业). */
  inBusiness: boolean;
  /** The import batch that last set this row. */
  batchId: string;
  createdAt: string;
  updatedAt: string;
}
