/** Typed calls to the `staff` cloud function: progress, the review queue, the bulletin, imports. */
import type { Pace } from '../lib/core';
import { call, callFunction, type CallResult } from './call';

export interface ShareView {
  count: number;
  total: number;
  basisPoints: number;
  percent: string;
  targetPercent: number;
  reachedTarget: boolean;
  gapToTarget: number;
}

export interface DistrictStatsRow {
  districtCode: string;
  name: string;
  coded: number;
  marketEntities?: number;
  xinyidai?: number;
  totalsAsOf?: string;
  codeRate?: ShareView;
  xinyidaiShare?: ShareView;
  codeRateRank?: number;
  xinyidaiRank?: number;
  dailyNeedForYearEnd?: number;
}

export interface DistrictStatsData {
  asOf: string;
  targets: { codeRatePercent: number; xinyidaiPercent: number };
  districts: DistrictStatsRow[];
  city: DistrictStatsRow;
}

export function districtStats(): Promise<CallResult<DistrictStatsData>> {
  return callFunction<DistrictStatsData>('staff', 'districtStats');
}

export interface RateSeries {
  /** Daily snapshots, oldest first. */
  points: { date: string; coded: number; basisPoints: number }[];
  pace: Pace;
}

export interface StatsHistoryData {
  targetPercent: number;
  city: RateSeries;
  districts: (RateSeries & { districtCode: string })[];
}

export function statsHistory(days = 60): Promise<CallResult<StatsHistoryData>> {
  return callFunction<StatsHistoryData>('staff', 'statsHistory', { days });
}

export type QueueKind = 'application' | 'commitment';

export interface QueueItem {
  _id: string;
  status: 'pending' | 'approved' | 'rejected';
  /** Applications */
  uscc?: string;
  entityName?: string;
  districtCode?: string;
  address?: string;
  field?: string;
  contactName?: string;
  contactPhone?: string;
  codeId?: string;
  decisionReason?: string;
  legalRepName?: string;
  createdAt?: string;
  submittedAt?: string;
  applicantDistrictCode?: string;
  districtSource?: 'entity' | 'register' | 'uscc' | 'applicant';
  /** Short-lived URLs of the photos (the licence photo is for the reviewing staff only). */
  licencePhotoUrl?: string;
  storefrontPhotoUrl?: string;
  /** The automatic checks (core ENTITLEMENT_FLAGS keys) with the register row and the entity behind them. */
  evidence?: ApplicationEvidence;
  /** Approving adds an owner to an entity that has owners, or re-issues after revocation. */
  takeover?: boolean;
  /** Commitments */
  promiserName?: string;
  promiserCode?: string;
  commitmentType?: string;
  content?: string;
  committedOn?: string;
}

export interface ApplicationEvidence {
  flags: string[];
  register: {
    name: string;
    entityType: string;
    legalRep: string;
    address: string;
    districtName: string;
    regStatus: string;
    inBusiness: boolean;
    foundedOn?: string;
  } | null;
  entity: {
    name: string;
    districtName: string;
    field: string;
    owners: number;
    otherOwners: number;
    codes: { version: number; status: 'active' | 'suspended' | 'revoked'; issuedAt: string; history: { at: string; status: string; reason: string }[] }[];
  } | null;
}

export interface QueueQuery {
  status?: string;
  keyword?: string;
  offset?: number;
  limit?: number;
}

export function queue(kind: QueueKind, status = 'pending', more: QueueQuery = {}): Promise<CallResult<{ kind: QueueKind; items: QueueItem[]; total?: number }>> {
  return callFunction('staff', 'applications', { kind, status, ...more });
}

export function review(
  kind: QueueKind,
  id: string,
  decision: 'approve' | 'reject',
  reason?: string,
  confirmTakeover?: boolean,
): Promise<CallResult<unknown>> {
  const payload: Record<string, unknown> = { decision, ...(reason ? { reason } : {}), ...(confirmTakeover ? { confirmTakeover: true } : {}) };
  if (kind === 'application') return callFunction('staff', 'reviewApplication', { applicationId: id, ...payload });
  return callFunction('staff', 'reviewCommitment', { commitmentId: id, ...payload });
}

export interface CodeItem {
  codeId: string;
  entityName: string;
  uscc: string;
  districtCode: string;
  field: string;
  status: 'active' | 'suspended' | 'revoked';
  version: number;
}

export function codes(status: 'active' | 'suspended'): Promise<CallResult<{ items: CodeItem[] }>> {
  return callFunction('staff', 'codes', { status });
}

export function changeCode(action: 'suspendCode' | 'reinstateCode' | 'revokeCode', codeId: string, reason: string): Promise<CallResult<unknown>> {
  return callFunction('staff', action, { codeId, reason });
}

export interface BulletinData {
  asOf: string;
  sentence: string;
  headers: string[];
  rows: { index: number | ''; name: string; xinyidaiPercent: string; codeRatePercent: string }[];
}

export function bulletin(): Promise<CallResult<BulletinData>> {
  return callFunction<BulletinData>('staff', 'bulletin');
}

export interface XlsxFile {
  fileName: string;
  fileBase64: string;
}

export function exportBulletin(): Promise<CallResult<XlsxFile>> {
  return callFunction<XlsxFile>('staffFiles', 'exportBulletin');
}

export type ImportKind = 'commitment' | 'honour' | 'registration' | 'otherInfo' | 'districtTotals' | 'register';

export function importTemplate(kind: ImportKind): Promise<CallResult<XlsxFile>> {
  return callFunction<XlsxFile>('staffFiles', 'importTemplate', { kind });
}

export interface ImportReport {
  batchId?: string;
  department?: string;
  rows: number;
  /** The register import: rows changed and rows already as stored. */
  updated?: number;
  unchanged?: number;
  inserted: number;
  duplicates: number;
  invalid: number;
  issues: { row: number; column: string; reason: string }[];
  issuesTruncated: boolean;
}

/** The file inline (small files, the local preview) or as a cloud-storage fileID (large files). */
export function importRecords(kind: ImportKind, file: { fileBase64: string } | { fileID: string }, departmentId?: string): Promise<CallResult<ImportReport>> {
  return callFunction<ImportReport>('staffFiles', 'importRecords', { kind, ...file, ...(departmentId ? { departmentId } : {}) });
}

export interface ImportBatch {
  _id: string;
  kind: ImportKind;
  fileName: string;
  department?: string;
  status: 'running' | 'done' | 'failed' | 'withdrawn';
  startedAt: string;
  counts: { rows: number; inserted: number; updated?: number; duplicates: number; invalid: number };
  error?: string;
  withdrawal?: { at: string; reason: string };
}

/** Import batches: the caller's own (the city: all), newest first. */
export function importBatches(offset = 0, limit = 10): Promise<CallResult<{ total: number; items: ImportBatch[]; mayChooseDepartment: boolean }>> {
  return callFunction('staff', 'batches', { offset, limit });
}

export function withdrawBatch(batchId: string, reason: string): Promise<CallResult<{ batchId: string; withdrawn: number }>> {
  return callFunction('staff', 'withdrawBatch', { batchId, reason });
}

/** 生码: codes for a batch of imported records or a list of USCCs (server/staff/issue-codes.ts). */
export type IssueTarget = { batchId: string } | { uscc: string[] };

export interface IssueCodesData {
  issued: { uscc: string; entityName: string; codeId: string; version: number; url: string; claimCode: string | null }[];
  skipped: { uscc: string; reason: string; message: string }[];
  total?: number;
  nextOffset?: number | null;
}

export function issueCodes(target: IssueTarget): Promise<CallResult<IssueCodesData>> {
  return callFunction<IssueCodesData>('staff', 'issueCodes', { ...target });
}

export interface PrintBatchData {
  fileName: string;
  fileBase64: string;
  printed: { uscc: string; entityName: string; codeId: string; version: number; slip: boolean }[];
  skipped: { uscc: string; reason: string; message: string }[];
}

/** The printable .docx (posters and delivery slips) for the same target. */
export function printBatch(target: IssueTarget): Promise<CallResult<PrintBatchData>> {
  return callFunction<PrintBatchData>('staffDocs', 'printBatch', { ...target });
}

/** How often codes were checked per district over the last 30 days (counts only, no one's identity). */
export function districtScans() {
  return call('staff', 'scanStats', {});
}
