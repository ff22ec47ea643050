/** Calls of the supervision loops: 举报, 异议, 消息, and the staff lists and entity view behind them. */
import type { CodeRef, ReportReason } from '../lib/core';
import { call, callFunction, type CallInput, type CallOutput, type CallResult } from './call';

export interface Paged<T> {
  total: number;
  items: T[];
}

export interface ReportFiling {
  /** The scan in its parsed form (core/scan.ts). */
  code?: CodeRef;
  uscc?: string;
  reason: ReportReason;
  detail?: string;
  photos?: string[];
}

export interface ReportProgress {
  reportId?: string;
  trackingNo: string;
  reason: string;
  entityName: string;
  status: 'open' | 'verifying' | 'closed';
  statusText: string;
  outcome: string;
  createdAt: string;
  history: { at: string; status: string; statusText: string; outcome: string }[];
}

export function fileReport(input: ReportFiling): Promise<CallResult<{ reportId: string; trackingNo: string }>> {
  return callFunction('public', 'report', { ...input });
}

export function reportStatus(trackingNo: string): Promise<CallResult<ReportProgress>> {
  return callFunction('public', 'reportStatus', { trackingNo });
}

export function myReports(): Promise<CallResult<{ items: ReportProgress[] }>> {
  return callFunction('public', 'myReports');
}

export interface Message {
  id: string;
  kind: string;
  kindText: string;
  title: string;
  lines: string[];
  page: string;
  createdAt: string;
}

export function myMessages(offset = 0): Promise<CallResult<Paged<Message>>> {
  return callFunction('public', 'myMessages', { offset });
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
