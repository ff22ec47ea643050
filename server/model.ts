/**
 * The documents the functions store (DESIGN.md §5). Credit records join entities by
 * `uscc` (normalised), not by entity id, because departments import records for
 * entities that have not applied yet; the record shows up once they do.
 */
import type {
  ApplicationInput,
  CommitmentInput,
  DistrictTotalsInput,
  EntityCategory,
  HonourInput,
  OtherInfoInput,
  RegistrationInput,
} from '../core';
import type { AuditRecord, CodeHistoryItem, CodeStatus, RegisterEntry, StaffRole, WithdrawalItem } from '../core/wire';

export const COLLECTIONS = {
  entities: 'entities',
  applications: 'applications',
  codes: 'codes',
  commitments: 'commitments',
  honours: 'honours',
  registrations: 'registrations',
  otherInfo: 'otherInfo',
  districtTotals: 'districtTotals',
  rateSnapshots: 'rateSnapshots',
  staff: 'staff',
  auditLog: 'auditLog',
  reports: 'reports',
  objections: 'objections',
  /** 市场主体名录: the register rows as 市场监管 exports them (private). */
  register: 'register',
  /** One document per import: created before the first row is written. */
  importBatches: 'importBatches',
  /** Outbox of messages to people (subscribe messages), one per message. */
  notifications: 'notifications',
  /** Per-user counters that make limits hold under concurrency (server/limits.ts). */
  quotas: 'quotas',
  /** One document per changed register row on re-import: before and after of the changed fields. */
  registerHistory: 'registerHistory',
  /** The 通报's imported tables (附件1 双公示, 附件3 政务承诺, 附件4 工作动态): one document per kind and period. */
  bulletinTables: 'bulletinTables',
  /** Figures of the 通报 no table holds (公职人员承诺份数, 覆盖面 base, 公开公示率), entered by the city per date. */
  bulletinInputs: 'bulletinInputs',
  /** 行管部门 status for section 三, entered by the city until the department ledger (issue #14) replaces it. */
  departmentProgress: 'departmentProgress',
  /** One-time claim codes of codes the office issued from collected data (server/claims.ts), one per entity. */
  claims: 'claims',
  /** Outreach contacts (已联系 / 同意赋码 / 暂不需要) with register entities; history kept (server/reach-model.ts). */
  outreachContacts: 'outreachContacts',
  /** 台账: one row per 责任单位 (行管部门) with its tasks. */
  departmentLedger: 'departmentLedger',
  /** 推进落实文件 and monthly 工作动态 uploaded by departments. */
  ledgerFiles: 'ledgerFiles',
  /** 行政监督检查 records made from a scanned code. */
  inspections: 'inspections',
  /** Batch 信用核查: who checked how many entities when (the list's hash, not the results). */
  creditChecks: 'creditChecks',
  /** 诚信示范街 / 诚信商圈. */
  streets: 'streets',
  /** Open API requests per client and minute (server/open/rate-limit.ts). */
  openApiHits: 'openApiHits',
  /** Checks per code and day, without who checked (server/scans.ts). */
  scanCounts: 'scanCounts',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/** Dates are stored as Date (server time); calendar days as 'YYYY-MM-DD' strings. */
export interface EntityDoc {
  _id: string;
  uscc: string;
  name: string;
  category: EntityCategory;
  districtCode: string;
  address: string;
  field: string;
  /** WeChat users who may act for the entity (private). */
  ownerOpenids: string[];
  /** Private: never leaves the merchant and staff functions. */
  contactName?: string;
  contactPhone?: string;
  storefrontPhoto?: string;
  /** nameSearchKeys(name) (core/search-keys.ts): the indexed key public.search matches with `_.all`. */
  nameKeys?: string[];
  createdAt: Date;
  updatedAt: Date;
}

export type ApplicationStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

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

export type { CodeStatus, StaffRole } from '../core/wire';

/** One change of a code's status (core/wire.ts CodeHistoryItem, stored with a Date). */
export interface CodeHistoryEntry extends Omit<CodeHistoryItem, 'at'> {
  at: Date;
}

export interface CodeDoc {
  /** Unguessable id carried by the QR code. */
  _id: string;
  entityId: string;
  uscc: string;
  districtCode: string;
  field: string;
  status: CodeStatus;
  /** Increases on reissue; the QR carries it so an old print is recognisably old. */
  version: number;
  /**
   * Equal to entityId unless revoked: its unique index guarantees at most one live
   * (active or suspended) code per entity.
   */
  liveKey?: string;
  issuedAt: Date;
  history: CodeHistoryEntry[];
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
/** A record taken back (core/wire.ts WithdrawalItem, stored with a Date). */
export interface Withdrawal extends Omit<WithdrawalItem, 'at'> {
  at: Date;
}

/** Fields every credit record (commitment, honour, registration, other info) may carry. */
export interface RecordProvenance {
  /** The import batch (importBatches._id); absent for what a merchant submitted in the mini-program. */
  batchId?: string;
  withdrawn?: true;
  withdrawal?: Withdrawal;
}

export type CommitmentStatus = 'pending' | 'approved' | 'rejected';

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

interface ImportedRecord extends RecordProvenance {
  _id: string;
  source: RecordSource;
  dedupKey: string;
  createdAt: Date;
}

export type HonourDoc = HonourInput & ImportedRecord;
export type RegistrationDoc = RegistrationInput & ImportedRecord;
export type OtherInfoDoc = OtherInfoInput & ImportedRecord;
export type DistrictTotalsDoc = DistrictTotalsInput & ImportedRecord;

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

/** One audited change (core/wire.ts AuditRecord, stored with a Date and a known collection). */
export interface AuditDoc extends Omit<AuditRecord, 'at' | 'target'> {
  at: Date;
  target: { collection: CollectionName; id: string };
}

/** A row of the 市场主体名录 (core/wire.ts RegisterEntry, stored with Dates). */
export interface RegisterDoc extends Omit<RegisterEntry, 'createdAt' | 'updatedAt'> {
  createdAt: Date;
  updatedAt: Date;
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

/** A message to a person: stored here, and sent as a WeChat subscribe message (server/notify.ts). */
export interface NotificationDoc {
  _id: string;
  openid: string;
  /** What it is about: core's NOTIFICATION_KINDS key. */
  kind: string;
  title: string;
  /** The message body, one line each (what happened, why, what to do next). */
  lines: string[];
  /** The mini-program page the message opens. */
  page: string;
  createdAt: Date;
  /** sent: WeChat accepted it; failed: not subscribed or not configured (still listed in the app). */
  delivery: 'sent' | 'failed' | 'skipped';
  deliveryError?: string;
  readAt?: Date;
}

/** A register row changed by a later import (registerHistory): only the fields that changed. */
export interface RegisterHistoryDoc {
  _id: string;
  uscc: string;
  /** The batch whose import made the change. */
  batchId: string;
  at: Date;
  before: Partial<RegisterDoc>;
  after: Partial<RegisterDoc>;
}
