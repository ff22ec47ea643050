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

export function myObjections(): Promise<CallResult<{ items: ObjectionItem[] }>> {
  return callFunction('merchant', 'myObjections');
}

// ---- staff

/** The staff lists' types are the contract's (core/contract/staff-supervision.ts). */
export type StaffReport = CallOutput<'staff', 'reports'>['items'][number];
export type StaffObjection = CallOutput<'staff', 'objections'>['items'][number];
export type SupervisionSummary = CallOutput<'staff', 'supervisionSummary'>;
export type StaffEntityView = CallOutput<'staff', 'entity'>;

export function staffReports(q: CallInput<'staff', 'reports'>) {
  return call('staff', 'reports', q);
}

export function handleReport(input: CallInput<'staff', 'handleReport'>) {
  return call('staff', 'handleReport', input);
}

export function staffObjections(q: CallInput<'staff', 'objections'>) {
  return call('staff', 'objections', q);
}

export function answerObjection(input: CallInput<'staff', 'answerObjection'>) {
  return call('staff', 'answerObjection', input);
}

export function supervisionSummary() {
  return call('staff', 'supervisionSummary', {});
}

export function staffEntity(uscc: string) {
  return call('staff', 'entity', { uscc });
}

export function auditLog(q: CallInput<'staff', 'auditLog'>) {
  return call('staff', 'auditLog', q);
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
