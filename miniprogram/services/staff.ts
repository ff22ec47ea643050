/** Typed calls to the `staff` cloud function: progress, the review queue, the bulletin, imports. */
import { call, type CallInput, type CallOutput } from './call';

export type DistrictStatsData = CallOutput<'staff', 'districtStats'>;
/** A district's (or the city's) row: 赋码率 and 信易贷 share against their targets. */
export type DistrictStatsRow = DistrictStatsData['city'];

export function districtStats() {
  return call('staff', 'districtStats', {});
}

export type StatsHistoryData = CallOutput<'staff', 'statsHistory'>;
export type RateSeries = StatsHistoryData['city'];

export function statsHistory(days = 60) {
  return call('staff', 'statsHistory', { days });
}

export type QueueKind = 'application' | 'commitment';
export type QueueData = CallOutput<'staff', 'applications'>;
export type QueuedApplication = Extract<QueueData, { kind: 'application' }>['items'][number];
export type QueuedCommitment = Extract<QueueData, { kind: 'commitment' }>['items'][number];
export type QueueStatus = NonNullable<CallInput<'staff', 'applications'>['status']>;
export type QueueQuery = Pick<CallInput<'staff', 'applications'>, 'keyword' | 'offset' | 'limit'>;

export function queue(kind: QueueKind, status: QueueStatus = 'pending', more: QueueQuery = {}) {
  return call('staff', 'applications', { kind, status, ...more });
}

export function review(kind: QueueKind, id: string, decision: 'approve' | 'reject', reason?: string, confirmTakeover?: boolean) {
  const decided = { decision, ...(reason ? { reason } : {}), ...(confirmTakeover ? { confirmTakeover: true } : {}) };
  if (kind === 'application') return call('staff', 'reviewApplication', { applicationId: id, ...decided });
  return call('staff', 'reviewCommitment', { commitmentId: id, ...decided });
}

export type CodeItem = CallOutput<'staff', 'codes'>['items'][number];

export function codes(status: 'active' | 'suspended') {
  return call('staff', 'codes', { status });
}

export function changeCode(action: 'suspendCode' | 'reinstateCode' | 'revokeCode', codeId: string, reason: string) {
  return call('staff', action, { codeId, reason });
}

export function exportBulletin() {
  return call('staffFiles', 'exportBulletin', {});
}

export type ImportKind = CallInput<'staffFiles', 'importRecords'>['kind'];

export function importTemplate(kind: ImportKind) {
  return call('staffFiles', 'importTemplate', { kind });
}

/** A 填报表's report, or the register's (with updated and unchanged rows). */
export type ImportReport = CallOutput<'staffFiles', 'importRecords'>;

/** The file inline (small files, the local preview) or as a cloud-storage fileID (large files). */
export function importRecords(
  kind: ImportKind,
  file: { fileBase64: string } | { fileID: string },
  departmentId?: CallInput<'staffFiles', 'importRecords'>['departmentId'],
) {
  return call('staffFiles', 'importRecords', { kind, ...file, ...(departmentId ? { departmentId } : {}) });
}

export type ImportBatch = CallOutput<'staff', 'batches'>['items'][number];

/** Import batches: the caller's own (the city: all), newest first. */
export function importBatches(offset = 0, limit = 10) {
  return call('staff', 'batches', { offset, limit });
}

export function withdrawBatch(batchId: string, reason: string) {
  return call('staff', 'withdrawBatch', { batchId, reason });
}

/** 生码: codes for a batch of imported records or a list of USCCs (server/staff/issue-codes.ts). */
export type IssueTarget = { batchId: string } | { uscc: string[] };
export type IssueCodesData = CallOutput<'staff', 'issueCodes'>;

export function issueCodes(target: IssueTarget) {
  return call('staff', 'issueCodes', { ...target });
}

/** The printable .docx (posters and delivery slips) for the same target. */
export function printBatch(target: IssueTarget) {
  return call('staffDocs', 'printBatch', { ...target });
}

/** How often codes were checked per district over the last 30 days (counts only, no one's identity). */
export function districtScans() {
  return call('staff', 'scanStats', {});
}
