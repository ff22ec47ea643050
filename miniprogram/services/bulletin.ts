/** Typed calls for the whole 通报 (staff.bulletin's report, staffDocs.exportReport, staffFiles.importTable) and the 考核 scores. */
import { call, callFunction, type CallInput, type CallResult } from './call';
import type { BulletinData } from './staff';

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

export function exportReport(options: CallInput<'staffDocs', 'exportReport'>) {
  return call('staffDocs', 'exportReport', options);
}

export type TableKind = CallInput<'staffFiles', 'importTable'>['kind'];

export function importTable(payload: CallInput<'staffFiles', 'importTable'> & ({ fileBase64: string } | { fileID: string })) {
  return call('staffFiles', 'importTable', payload);
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
