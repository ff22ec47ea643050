/** Calls of the supervision loops: 举报, 异议, 消息, and the staff lists and entity view behind them. */
import type { CodeRef, ReportReason } from '../lib/core';
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

/** The caller's own objections (the merchant function), newest first. */
export function myObjections() {
  return call('merchant', 'myObjections', {});
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

export type StaffMembersData = CallOutput<'staff', 'staffMembers'>;
export type StaffMember = Extract<StaffMembersData, { members: unknown }>['members'][number];

export function staffMembers(input: CallInput<'staff', 'staffMembers'>) {
  return call('staff', 'staffMembers', input);
}

export type StaffCode = CallOutput<'staff', 'codes'>['items'][number];

export function staffCodes(q: CallInput<'staff', 'codes'>) {
  return call('staff', 'codes', { ...q });
}

export function changeCodeStatus(action: 'suspendCode' | 'reinstateCode' | 'revokeCode', input: CallInput<'staff', 'suspendCode'>) {
  return call('staff', action, { ...input });
}
