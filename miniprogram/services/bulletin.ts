/** Typed calls for the whole 通报 (staff.bulletin's report, staffDocs.exportReport, staffFiles.importTable) and the 考核 scores. */
import { call, type CallInput, type CallOutput } from './call';

/** The 通报: its ranking sentence and table, and the whole report (or what it still needs). */
export type ReportData = CallOutput<'staff', 'bulletin'>;
export type ReportOptions = CallInput<'staff', 'bulletin'>;

export function bulletinReport(options: ReportOptions = {}) {
  return call('staff', 'bulletin', { ...options });
}

export function exportReport(options: CallInput<'staffDocs', 'exportReport'>) {
  return call('staffDocs', 'exportReport', options);
}

export type TableKind = CallInput<'staffFiles', 'importTable'>['kind'];

export function importTable(payload: CallInput<'staffFiles', 'importTable'> & ({ fileBase64: string } | { fileID: string })) {
  return call('staffFiles', 'importTable', payload);
}

export function setBulletinInputs(input: CallInput<'staff', 'setBulletinInputs'>) {
  return call('staff', 'setBulletinInputs', { ...input });
}

export type KaoheData = CallOutput<'staff', 'kaohe'>;

export function kaohe(year?: number) {
  return call('staff', 'kaohe', year === undefined ? {} : { year });
}
