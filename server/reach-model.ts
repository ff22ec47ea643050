/**
 * The documents of issue #14 (reaching 40%): outreach contacts, the department ledger and its
 * files, inspections, batch credit checks, streets. Kept beside model.ts so the shared file only
 * gains their collection names.
 */
import type { CreditCheckCounts, DepartmentLedgerEntry, Inspection, LedgerFile, OutreachContact, Street } from '../core/reach';
import type { RegisterDoc } from './model';

/**
 * A register row as outreach reads it. `coded` is maintained by outreach (register-coded.ts):
 * true while the entity has a live code. Rows imported before it existed lack it (= not coded).
 */
export interface RegisterRow extends RegisterDoc {
  coded?: boolean;
}

/** One contact with an uncoded entity (core/reach.ts OutreachContact, stored with a Date). */
export interface OutreachContactDoc extends Omit<OutreachContact, 'createdAt'> {
  createdAt: Date;
}

/** 台账: one row per 责任单位 (core/reach.ts DepartmentLedgerEntry, stored with a Date). */
export interface DepartmentLedgerDoc extends Omit<DepartmentLedgerEntry, 'updatedAt'> {
  updatedAt: Date;
}

/** A 推进落实文件 or a month's 工作动态 (core/reach.ts LedgerFile, stored with a Date). */
export interface LedgerFileDoc extends Omit<LedgerFile, 'createdAt'> {
  createdAt: Date;
}

/** 行政监督检查 record (core/reach.ts Inspection, stored with Dates). */
export interface InspectionDoc extends Omit<Inspection, 'publishedAt' | 'createdAt'> {
  publishedAt?: Date;
  createdAt: Date;
}

/** A batch credit check: who checked how many entities when; never the answers. */
export interface CreditCheckDoc {
  _id: string;
  checkedBy: string;
  role: string;
  purpose: string;
  /** sha256 of the sorted, normalised USCC list. */
  listHash: string;
  counts: CreditCheckCounts;
  at: Date;
}

/** 诚信示范街 / 诚信商圈 (core/reach.ts Street, stored with Dates). */
export interface StreetDoc extends Omit<Street, 'createdAt' | 'updatedAt'> {
  createdAt: Date;
  updatedAt: Date;
}
