/** Typed calls for the whole 通报 (staff.bulletin's report, staffDocs.exportReport, staffFiles.importTable) and the 考核 scores. */
import { callFunction, type CallResult } from './call';
import type { BulletinData, XlsxFile } from './staff';

export interface ReportSection {
  heading: string;
  paragraphs: string[];
}
export interface ReportTable {
  annex: string;
  title: string;
  headers: string[];
  rows: string[][];
}
export interface ReportData extends BulletinData {
  codesFrom: 'snapshot' | 'live';
  report: { title: string; cutoff: string; sections: ReportSection[]; tables: ReportTable[] } | null;
  missing: { code: string; message: string }[];
}

export interface ReportOptions {
  cutoff?: string;
  publicityFrom?: string;
  publicityTo?: string;
  month?: string;
}

export function bulletinReport(options: ReportOptions = {}): Promise<CallResult<ReportData>> {
  return callFunction<ReportData>('staff', 'bulletin', { ...options });
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

export function setBulletinInputs(payload: { asOf?: string; officialCommitments: number; coverageBase: number; disclosurePercent: number }): Promise<CallResult<unknown>> {
  return callFunction('staff', 'setBulletinInputs', { ...payload });
}

export interface Assessment {
  indicator: { id: string; section: string; item: string; points: number; rule: string };
  status: 'lost' | 'met' | 'manual' | 'noData';
  lost: number;
  figure?: string;
  need?: string;
}
export interface UnitScore {
  kind: 'district' | 'department';
  id: string;
  name: string;
  assessments: Assessment[];
  lost: number;
  score: number;
  manualPoints: number;
  rank: number;
  needs: string[];
}
export interface KaoheData {
  year: number;
  asOf: string;
  districts: UnitScore[];
  departments: UnitScore[];
}

export function kaohe(year?: number): Promise<CallResult<KaoheData>> {
  return callFunction<KaoheData>('staff', 'kaohe', year === undefined ? {} : { year });
}
