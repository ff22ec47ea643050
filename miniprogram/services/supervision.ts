/** Calls of the supervision loops: 举报, 异议, 消息, and the staff lists and entity view behind them. */
import type { ReportProgress } from '../lib/contract';
import { call, callFunction, type CallInput, type CallOutput, type CallResult } from './call';

export interface Paged<T> {
  total: number;
  items: T[];
}

export type { ReportProgress };
export type ReportFiling = CallInput<'public', 'report'>;
export type Message = CallOutput<'public', 'myMessages'>['items'][number];

export function fileReport(input: ReportFiling) {
  return call('public', 'report', input);
}

export function reportStatus(trackingNo: string) {
  return call('public', 'reportStatus', { trackingNo });
}

export function myReports() {
  return call('public', 'myReports', {});
}

export function myMessages(offset = 0) {
  return call('public', 'myMessages', { offset });
}

export interface ObjectionItem {
  objectionId: string;
  uscc: string;
  entityName: string;
  target: string;
  targetText: string;
  recordId: string;
  content: string;
  status: 'open' | 'answered';
  statusText: string;
  dueOn: string;
  overdue: boolean;
  result: string;
  resultText: string;
  reply: string;
  createdAt: string;
  districtCode?: string;
  departmentId?: string;
}

export function myObjections(): Promise<CallResult<{ items: ObjectionItem[] }>> {
  return callFunction('merchant', 'myObjections');
}

// ---- staff

export interface StaffReport extends ReportProgress {
  reportId: string;
  detail: string;
  scanned: string;
  codeId: string;
  uscc: string;
  districtCode: string;
  districtName: string;
  field: string;
  routedTo: 'district' | 'city';
  forged: boolean;
  photos: string[];
}

export function staffReports(q: { status: string; keyword?: string; offset: number }): Promise<CallResult<Paged<StaffReport>>> {
  return callFunction('staff', 'reports', { ...q, ...(q.keyword ? {} : { keyword: undefined }) });
}

export function handleReport(input: { reportId: string; status: 'verifying' | 'closed'; outcome: string; suspendCode?: boolean }): Promise<CallResult<unknown>> {
  return callFunction('staff', 'handleReport', { ...input });
}

export function staffObjections(q: { status: string; keyword?: string; offset: number }): Promise<CallResult<Paged<ObjectionItem>>> {
  return callFunction('staff', 'objections', { ...q });
}

export function answerObjection(input: {
  objectionId: string;
  result: 'upheld' | 'corrected' | 'withdrawn';
  reply: string;
  changes?: Record<string, string>;
}): Promise<CallResult<unknown>> {
  return callFunction('staff', 'answerObjection', { ...input });
}

export interface SupervisionSummary {
  openReports: number;
  openForgedReports: number;
  openObjections: number;
  overdueObjections: number;
}

export function supervisionSummary(): Promise<CallResult<SupervisionSummary>> {
  return callFunction('staff', 'supervisionSummary');
}

export function staffEntity(uscc: string): Promise<CallResult<any>> {
  return callFunction('staff', 'entity', { uscc });
}

export function auditLog(q: { targetId?: string; actor?: string; offset: number }): Promise<CallResult<Paged<any>>> {
  return callFunction('staff', 'auditLog', { ...q });
}

export interface StaffMember {
  _id: string;
  openid: string;
  name: string;
  role: 'city' | 'district' | 'department';
  districtCode?: string;
  departmentId?: string;
  department?: string;
  active: boolean;
}

export function staffMembers(payload: Record<string, unknown>): Promise<CallResult<{ members?: StaffMember[]; member?: StaffMember }>> {
  return callFunction('staff', 'staffMembers', payload);
}

export interface StaffCode {
  codeId: string;
  entityName: string;
  uscc: string;
  districtCode: string;
  status: 'active' | 'suspended' | 'revoked';
  version: number;
  changedAt?: string;
  reason?: string;
  categoryText?: string;
}

export function staffCodes(q: { status: string; keyword?: string; offset: number }): Promise<CallResult<Paged<StaffCode>>> {
  return callFunction('staff', 'codes', { ...q });
}

export function changeCodeStatus(
  action: 'suspendCode' | 'reinstateCode' | 'revokeCode',
  input: { codeId: string; reason: string; category?: string },
): Promise<CallResult<unknown>> {
  return callFunction('staff', action, { ...input });
}
