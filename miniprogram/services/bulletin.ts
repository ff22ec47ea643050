/** Typed calls for the whole 通报 (staff.bulletin's report, staffDocs.exportReport, staffFiles.importTable) and the 考核 scores. */
import { call, callFunction, type CallInput, type CallOutput, type CallResult } from './call';
import type { XlsxFile } from './staff';

/** The 通报: its ranking sentence and table, and the whole report (or what it still needs). */
export type ReportData = CallOutput<'staff', 'bulletin'>;
export type ReportOptions = CallInput<'staff', 'bulletin'>;

export function bulletinReport(options: ReportOptions = {}) {
  return call('staff', 'bulletin', { ...options });
}

export function exportReport(options: ReportOptions & { docNo: string; issuedOn?: string }): Promise<CallResult<XlsxFile>> {
  return callFunction<XlsxFile>('staffDocs', 'exportReport', { ...options });
}

export type TableKind = 'publicity' | 'govCommitment' | 'monthlyReport';

export function importTable(
  payload: { kind: TableKind; from?: string; to?: string; month?: string; asOf?: string } & ({ fileBase64: string } | { fileID: string }),
): Promise<CallResult<{ id: string; rows: number; version: number; replaced: boolean }>> {
  return callFunction('staffFiles', 'importTable', { ...payload });
}

export function setBulletinInputs(input: CallInput<'staff', 'setBulletinInputs'>) {
  return call('staff', 'setBulletinInputs', { ...input });
}

export type KaoheData = CallOutput<'staff', 'kaohe'>;

export function kaohe(year?: number) {
  return call('staff', 'kaohe', year === undefined ? {} : { year });
}
