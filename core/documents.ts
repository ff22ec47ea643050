/**
 * Stored documents (server/model.ts keeps the rest) that staff answers show as they are: declared
 * here once so the functions store them and the mini-program reads them (as `Wire<…>`, dates as
 * strings) by the same type. Dates are stored as Date (server time); calendar days as 'YYYY-MM-DD'.
 */
import type { ApplicationInput } from './schemas/application';
import type { CommitmentInput } from './schemas/forms';
import type { ApplicationStatusKey } from './entitlement';
import type { CommitmentStatus } from './options';
import type { CodeStatus } from './verify';

export type { CodeStatus, CommitmentStatus };

export type ApplicationStatus = ApplicationStatusKey;

export interface ApplicationDoc extends Omit<ApplicationInput, 'districtCode' | 'legalRepName' | 'licencePhoto'> {
  _id: string;
  /** Required of new applications (applicationSchema); absent on applications filed before the licence photo. */
  legalRepName?: string;
  licencePhoto?: string;
  districtCode: string;
  applicantOpenid: string;
  status: ApplicationStatus;
  /**
   * Equal to `uscc` while pending and absent once decided: its unique index makes
   * "one pending application per USCC" hold even under concurrent submissions.
   */
  pendingKey?: string;
  decisionReason?: string;
  reviewedBy?: string;
  reviewedAt?: Date;
  entityId?: string;
  codeId?: string;
  createdAt: Date;
  /** Where districtCode came from: the entity, the register, the USCC's area, or (city-level/outside code) the applicant. */
  districtSource?: 'entity' | 'register' | 'uscc' | 'applicant';
  /** The district the applicant chose when it was not used (kept for the reviewer). */
  applicantDistrictCode?: string;
  /** core's ENTITLEMENT_FLAGS keys raised by the automatic checks when the application was filed. */
  flags?: string[];
  /** Set when approval added an owner to an entity that had owners or re-issued after revocation. */
  takeover?: { confirmedBy: string; reason: string; previousOwners: number; revokedBefore: boolean };
  withdrawnAt?: Date;
}

export interface CodeHistoryEntry {
  at: Date;
  status: CodeStatus;
  by: string;
  /** Free text for the owner and staff; never shown on public pages. */
  reason: string;
  /** core's CODE_REASON_CATEGORIES key: the only part of the reason the public sees. */
  category?: string;
}

/**
 * Where a record came from. An imported record's department is one of core's DEPARTMENTS (the
 * importing staff member's own, or one the city admin chose), never free text; `department` is
 * its display name, kept beside the id so public pages need no join. `batch` = the record's
 * batchId (kept for older records).
 */
export type RecordSource =
  | { kind: 'self'; openid: string }
  | { kind: 'import'; departmentId?: string; department: string; importedBy: string; importedAt: Date; batch: string };

/**
 * A record taken back: by withdrawing its batch or by itself (an answered objection, a
 * correction). Withdrawn records stay stored for the audit trail but never appear on public
 * pages or in public answers.
 */
export interface Withdrawal {
  at: Date;
  by: string;
  reason: string;
  /** Set when the whole batch was withdrawn. */
  batchId?: string;
}

/** Fields every credit record (commitment, honour, registration, other info) may carry. */
export interface RecordProvenance {
  /** The import batch (importBatches._id); absent for what a merchant submitted in the mini-program. */
  batchId?: string;
  withdrawn?: true;
  withdrawal?: Withdrawal;
}

export interface CommitmentDoc extends Omit<CommitmentInput, 'field'>, RecordProvenance {
  _id: string;
  /**
   * 行业领域 (department scope): the sheet's optional 行业领域 column, else the importing department's
   * field, else the entity's (core/industry.ts recordField); for a merchant's own, the entity's.
   */
  field: string;
  /** = promiserCode; the join key with entities. */
  uscc: string;
  status: CommitmentStatus;
  decisionReason?: string;
  source: RecordSource;
  /** Makes re-imports of the same row idempotent (unique index). */
  dedupKey: string;
  createdAt: Date;
}

/** The credit records one may correct or withdraw one by one (server/records.ts). */
export const RECORD_KINDS = ['commitment', 'honour', 'registration', 'otherInfo'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A credit record of any kind, as stored: the fields every kind has, and its form's own. */
export interface StoredRecord {
  _id: string;
  uscc: string;
  source: RecordSource;
  batchId?: string;
  withdrawn?: true;
  withdrawal?: Withdrawal;
  [field: string]: unknown;
}

export type StaffRole = 'city' | 'district' | 'department';

export interface StaffDoc {
  _id: string;
  openid: string;
  name: string;
  role: StaffRole;
  /** For district staff. */
  districtCode?: string;
  /** For department staff: core's DEPARTMENTS id; their scope is that department's fields. */
  departmentId?: string;
  /** Older records: the one field a department staff member is limited to (used when departmentId is absent). */
  field?: string;
  /** Display name of the department (older records: free text). */
  department?: string;
  active: boolean;
  createdAt: Date;
}

export type ImportBatchStatus = 'running' | 'done' | 'failed' | 'withdrawn';

/** One import (归集) of one file: written before the first row, finished after the last. */
export interface ImportBatchDoc {
  _id: string;
  /** The import kind (commitment, honour, registration, otherInfo, districtTotals, register, …). */
  kind: string;
  fileName: string;
  /** sha256 of the file's bytes. */
  fileHash: string;
  departmentId?: string;
  department?: string;
  importedBy: string;
  role: StaffRole;
  districtCode?: string;
  status: ImportBatchStatus;
  startedAt: Date;
  finishedAt?: Date;
  counts: { rows: number; inserted: number; updated?: number; duplicates: number; invalid: number; skipped?: number };
  /** Why a failed batch failed (Chinese, for the importer). */
  error?: string;
  /** A failed batch: the sheet row up to which every row was handled; re-importing the same file starts after it. */
  resumeAfterRow?: number;
  withdrawal?: Withdrawal;
}
