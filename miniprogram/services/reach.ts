/** Typed calls for reaching 40% (issue #14): outreach, the department ledger, inspections, credit checks, streets. */
import type { ContactResult, Coverage } from '../lib/core';
import { call, type CallInput, type CallOutput } from './call';

/** The outreach page's filter form, as typed (blank = not chosen); the function validates them. */
export type OutreachFilters = { [K in Exclude<keyof CallInput<'staff', 'outreach'>, 'offset' | 'limit'>]?: string };

export type OutreachItem = CallOutput<'staff', 'outreach'>['items'][number];
export type GapRow = CallOutput<'staff', 'gap'>['districts'][number];
export type ProgressData = CallOutput<'staff', 'departmentProgress'>;
export type InspectionViewData = CallOutput<'staff', 'inspectionView'>;
export type { Coverage };

/** Drop blank filters so the function sees only what was chosen. */
function given(f: OutreachFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  return out;
}

export function outreach(filters: OutreachFilters, offset = 0, limit = 20) {
  return call('staff', 'outreach', { ...(given(filters) as CallInput<'staff', 'outreach'>), offset, limit });
}

export function recordContact(uscc: string, result: ContactResult, note: string, date: string) {
  return call('staff', 'recordContact', { uscc, result, note, date });
}

export function exportOutreach(filters: OutreachFilters) {
  return call('staffFiles', 'exportOutreach', given(filters));
}

/** staff.issueCodes (the 归集 forms issue): codes for entities that agreed. */
export function issueCodes(uscc: string[]) {
  return call('staff', 'issueCodes', { uscc });
}

export function gap() {
  return call('staff', 'gap', {});
}

export function departmentProgress(month?: string) {
  return call('staff', 'departmentProgress', month ? { month } : {});
}

export function uploadLedgerFile(kind: 'plan' | 'update', month: string, title: string, fileID: string) {
  return call('staff', 'uploadLedgerFile', { kind, month, title, fileID });
}

export function importLedger(file: { fileBase64: string } | { fileID: string }) {
  return call('staffFiles', 'importLedger', file);
}

export function inspectionView(ref: CallInput<'staff', 'inspectionView'>) {
  return call('staff', 'inspectionView', ref);
}

export function recordInspection(input: CallInput<'staff', 'recordInspection'>) {
  return call('staff', 'recordInspection', input);
}

export function publishInspection(inspectionId: string, published: boolean) {
  return call('staff', 'publishInspection', { inspectionId, published });
}

export function suspendCode(codeId: string, reason: string) {
  return call('staff', 'suspendCode', { codeId, reason });
}

export function creditCheck(file: { fileBase64: string } | { fileID: string }, purpose: string) {
  return call('staffFiles', 'creditCheck', { ...file, ...(purpose.trim() ? { purpose: purpose.trim() } : {}) });
}

export function streets() {
  return call('staff', 'streets', {});
}

export function saveStreet(input: CallInput<'staff', 'saveStreet'>) {
  return call('staff', 'saveStreet', input);
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
