/**
 * The documents of issue #14 (reaching 40%): outreach contacts, the department ledger and its
 * files, inspections, batch credit checks, streets. Kept beside model.ts so the shared file only
 * gains their collection names.
 */
import type { ContactResult, CreditCheckCounts, InspectionResult, LedgerFileKind } from '../core/reach';
import type { RegisterDoc } from './model';

/**
 * A register row as outreach reads it. `coded` is maintained by outreach (register-coded.ts):
 * true while the entity has a live code. Rows imported before it existed lack it (= not coded).
 */
export interface RegisterRow extends RegisterDoc {
  coded?: boolean;
}

/** One contact with an uncoded entity; every contact is kept (the list shows the latest). */
export interface OutreachContactDoc {
  _id: string;
  uscc: string;
  /** The register row's district when the contact was made (scope of the contact history). */
  districtCode: string;
  result: ContactResult;
  note: string;
  /** The day of the contact, 'YYYY-MM-DD'. */
  date: string;
  by: string;
  byName: string;
  createdAt: Date;
}

/** 台账: one row per 责任单位 (core's DEPARTMENTS), as the ledger's xlsx lays it out. */
export interface DepartmentLedgerDoc {
  _id: string;
  departmentId: string;
  /** 序号 in the ledger. */
  index: number;
  /** 责任单位 as written in the ledger. */
  unit: string;
  goal: string;
  measures: string;
  leader: string;
  responsible: string;
  deadline: string;
  /** Where the row came from: an import batch or a city edit. */
  source: { kind: 'import'; batchId: string; fileHash: string } | { kind: 'edit' };
  updatedBy: string;
  updatedAt: Date;
}

/** A 推进落实文件 or a month's 工作动态, stored in cloud storage. */
export interface LedgerFileDoc {
  _id: string;
  departmentId: string;
  kind: LedgerFileKind;
  /** 'YYYY-MM' the file reports on. */
  month: string;
  title: string;
  fileID: string;
  uploadedBy: string;
  createdAt: Date;
}

/** 行政监督检查 record: internal unless the inspecting department publishes it. */
export interface InspectionDoc {
  _id: string;
  uscc: string;
  codeId?: string;
  entityId?: string;
  districtCode: string;
  field?: string;
  /** The inspecting staff member's department (absent for city or district staff). */
  departmentId?: string;
  department: string;
  date: string;
  result: InspectionResult;
  note: string;
  photos: string[];
  published: boolean;
  publishedAt?: Date;
  by: string;
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

/** 诚信示范街 / 诚信商圈: a list of entities by USCC, or the register rows whose address contains a fragment. */
export interface StreetDoc {
  _id: string;
  name: string;
  districtCode: string;
  uscc: string[];
  addressFragment?: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
