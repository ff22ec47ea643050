/**
 * The documents the functions store (DESIGN.md §5). Credit records join entities by
 * `uscc` (normalised), not by entity id, because departments import records for
 * entities that have not applied yet; the record shows up once they do. Documents that staff
 * answers show as they are (applications, commitments, staff, import batches, …) are declared in
 * core/documents.ts, so the mini-program reads them by the same type; they are re-exported here.
 */
import type { DistrictTotalsInput, EntityCategory, HonourInput, OtherInfoInput, RegistrationInput } from '../core';
import type { CodeHistoryEntry, CodeStatus, RecordProvenance, RecordSource } from '../core/documents';

export type {
  ApplicationDoc,
  ApplicationStatus,
  CodeHistoryEntry,
  CodeStatus,
  CommitmentDoc,
  CommitmentStatus,
  ImportBatchDoc,
  ImportBatchStatus,
  RecordProvenance,
  RecordSource,
  StaffDoc,
  StaffRole,
  Withdrawal,
} from '../core/documents';
import type { AuditRecord, RegisterEntry } from '../core/wire';

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
