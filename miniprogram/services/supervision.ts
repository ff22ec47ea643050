/** Calls of the supervision loops: 举报, 异议, 消息, and the staff lists and entity view behind them. */
import type { ReportProgress } from '../lib/contract';
import { call, type CallInput, type CallOutput } from './call';

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
