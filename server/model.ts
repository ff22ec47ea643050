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

export type ApplicationStatus = 'pending' | 'approved' | 'rejected';

export interface ApplicationDoc extends Omit<ApplicationInput, 'districtCode'> {
  _id: string;
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
}

export type CodeStatus = 'active' | 'suspended' | 'revoked';

export interface CodeHistoryEntry {
  at: Date;
  status: CodeStatus;
  by: string;
  reason: string;
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

export type RecordSource =
  | { kind: 'self'; openid: string }
  | { kind: 'import'; department: string; importedBy: string; importedAt: Date; batch: string };

export type CommitmentStatus = 'pending' | 'approved' | 'rejected';

export interface CommitmentDoc extends CommitmentInput {
  _id: string;
  /** = promiserCode; the join key with entities. */
  uscc: string;
  status: CommitmentStatus;
  decisionReason?: string;
  source: RecordSource;
  /** Makes re-imports of the same row idempotent (unique index). */
  dedupKey: string;
  createdAt: Date;
}

interface ImportedRecord {
  _id: string;
  source: RecordSource;
  dedupKey: string;
  createdAt: Date;
}

export type HonourDoc = HonourInput & ImportedRecord;
export type RegistrationDoc = RegistrationInput & ImportedRecord;
export type OtherInfoDoc = OtherInfoInput & ImportedRecord;
export type DistrictTotalsDoc = DistrictTotalsInput & ImportedRecord;

export type StaffRole = 'city' | 'district' | 'department';

export interface StaffDoc {
  _id: string;
  openid: string;
  name: string;
  role: StaffRole;
  /** For district staff. */
  districtCode?: string;
  /** For department staff: the field (行业领域) they are limited to. */
  field?: string;
  department?: string;
  active: boolean;
  createdAt: Date;
}

export interface AuditDoc {
  _id?: string;
  at: Date;
  actor: string;
  role: StaffRole | 'merchant' | 'system';
  action: string;
  target: { collection: CollectionName; id: string };
  before: unknown;
  after: unknown;
  reason?: string;
}
