/** Typed calls for reaching 40% (issue #14): outreach, the department ledger, inspections, credit checks, streets. */
import { call, callFunction, type CallResult } from './call';

export interface OutreachFilters {
  districtCode?: string;
  field?: string;
  entityType?: string;
  address?: string;
  foundedFrom?: string;
  foundedTo?: string;
  keyword?: string;
}

export interface OutreachItem {
  uscc: string;
  name: string;
  entityType: string;
  legalRep: string;
  address: string;
  districtCode: string;
  foundedOn: string;
  regStatus: string;
  lastContact: { result: string; note: string; date: string; byName: string } | null;
  contacts: number;
}

/** Drop blank filters so the function sees only what was chosen. */
function given(f: OutreachFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  return out;
}

export function outreach(filters: OutreachFilters, offset = 0, limit = 20): Promise<CallResult<{ total: number; offset: number; items: OutreachItem[] }>> {
  return callFunction('staff', 'outreach', { ...given(filters), offset, limit });
}

export function recordContact(uscc: string, result: string, note: string, date: string): Promise<CallResult<{ contact: { _id: string } }>> {
  return callFunction('staff', 'recordContact', { uscc, result, note, date });
}

export function exportOutreach(filters: OutreachFilters) {
  return call('staffFiles', 'exportOutreach', given(filters));
}

/** staff.issueCodes (the 归集 forms issue): codes for entities that agreed. */
export function issueCodes(uscc: string[]) {
  return call('staff', 'issueCodes', { uscc });
}

export interface GapRow {
  districtCode: string;
  name: string;
  coded: number;
  marketEntities: number | null;
  percent: string | null;
  neededFor40: number | null;
  uncodedInRegister: number;
  topFields: { field: string; uncoded: number }[];
  topEntityTypes: { entityType: string; uncoded: number }[];
}

export function gap(): Promise<CallResult<{ districts: GapRow[] }>> {
  return callFunction('staff', 'gap');
}

export interface DepartmentRow {
  departmentId: string;
  name: string;
  status: string;
  plans: number;
  updates: number;
  updatesThisMonth: number;
  codesThisMonth: number;
  codesTotal: number;
  ledger: { goal: string; measures: string; leader: string; responsible: string; deadline: string } | null;
  files: { _id: string; kind: 'plan' | 'update'; month: string; title: string; fileID: string }[];
}

export interface ProgressData {
  month: string;
  departments: DepartmentRow[];
  groups: { status: string; departments: string[] }[];
  sentence: string;
}

export function departmentProgress(month?: string): Promise<CallResult<ProgressData>> {
  return callFunction('staff', 'departmentProgress', month ? { month } : {});
}

export function uploadLedgerFile(kind: 'plan' | 'update', month: string, title: string, fileID: string): Promise<CallResult<unknown>> {
  return callFunction('staff', 'uploadLedgerFile', { kind, month, title, fileID });
}

export function importLedger(file: { fileBase64: string } | { fileID: string }) {
  return call('staffFiles', 'importLedger', file);
}

export interface InspectionItem {
  _id: string;
  date: string;
  result: string;
  note: string;
  photos: string[];
  department: string;
  published: boolean;
}

export interface InspectionViewData {
  uscc: string;
  districtCode: string;
  field: string | null;
  name: string;
  address: string;
  legalRep: string;
  entityType: string;
  contactName: string;
  contactPhone: string;
  code: { codeId: string; status: 'active' | 'suspended' | 'revoked'; version: number } | null;
  openReports: number;
  openObjections: number;
  inspections: InspectionItem[];
}

export function inspectionView(ref: { codeId?: string; uscc?: string }): Promise<CallResult<InspectionViewData>> {
  return callFunction('staff', 'inspectionView', ref);
}

export function recordInspection(input: { codeId?: string; uscc?: string; date: string; result: string; note: string; photos: string[] }): Promise<CallResult<{ inspection: InspectionItem }>> {
  return callFunction('staff', 'recordInspection', input);
}

export function publishInspection(inspectionId: string, published: boolean): Promise<CallResult<{ inspection: InspectionItem }>> {
  return callFunction('staff', 'publishInspection', { inspectionId, published });
}

export function suspendCode(codeId: string, reason: string) {
  return call('staff', 'suspendCode', { codeId, reason });
}

export function creditCheck(file: { fileBase64: string } | { fileID: string }, purpose: string) {
  return call('staffFiles', 'creditCheck', { ...file, ...(purpose.trim() ? { purpose: purpose.trim() } : {}) });
}

export interface Coverage {
  coded: number;
  total: number;
  percent: string;
}

export function streets(): Promise<CallResult<{ items: { _id: string; name: string; districtCode: string; listed: number; addressFragment: string; coverage: Coverage }[] }>> {
  return callFunction('staff', 'streets');
}

export function saveStreet(input: { name: string; districtCode: string; addressFragment?: string; uscc: string[] }): Promise<CallResult<{ street: { _id: string; coverage: Coverage } }>> {
  return callFunction('staff', 'saveStreet', input);
}

export function street(streetId: string) {
  return call('public', 'street', { streetId });
}

/** Remembered once a staff call succeeds, so the verify page offers 进入检查 only to staff (the function still decides). */
export const STAFF_FLAG = 'isStaffMember';
export function rememberStaff(): void {
  try {
    wx.setStorageSync(STAFF_FLAG, true);
  } catch {
    /* storage full: the verify page just won't offer the shortcut */
  }
}
export function seemsStaff(): boolean {
  try {
    return wx.getStorageSync(STAFF_FLAG) === true;
  } catch {
    return false;
  }
}
