/** Words and limits of the supervision loops (举报, 异议) shared by the functions and the mini-program. */
import type { ObjectionTarget } from './verify';

export const REPORT_STATUSES = { open: '已受理', verifying: '核查中', closed: '已办结' } as const;
export type ReportStatus = keyof typeof REPORT_STATUSES;

export const OBJECTION_STATUSES = { open: '办理中', answered: '已答复' } as const;
export type ObjectionStatus = keyof typeof OBJECTION_STATUSES;

/** How an objection was answered: the record stands (维持), was corrected (更正), or taken back (撤回). */
export const OBJECTION_RESULTS = { upheld: '维持原记录', corrected: '已更正记录', withdrawn: '已撤回记录' } as const;
export type ObjectionResult = keyof typeof OBJECTION_RESULTS;

/** An objection as its merchant and staff see it (server/merchant/objection.ts objectionView). */
export interface ObjectionView {
  objectionId: string;
  uscc: string;
  entityName: string;
  target: ObjectionTarget;
  targetText: string;
  recordId: string;
  content: string;
  status: ObjectionStatus;
  statusText: string;
  /** The last day to answer, YYYY-MM-DD China time. */
  dueOn: string;
  overdue: boolean;
  result: ObjectionResult | '';
  resultText: string;
  reply: string;
  answeredAt: string | null;
  createdAt: string;
}

/** Working days (工作日) within which an objection must be answered. */
export const OBJECTION_ANSWER_WORKING_DAYS = 5;

/** Daily per-user limits (server/limits.ts takeDailyQuota). */
export const DAILY_LIMITS = { report: 20, objection: 10, commitment: 20 } as const;

/** Evidence photos a report may carry. */
export const MAX_REPORT_PHOTOS = 3;

/**
 * 受理编号: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
 * JB-XXXX-XXXXXX style groups but accepted with or without dashes, spaces or lower case.
 */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_LENGTH = 10;

export function normaliseTrackingNo(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/^JB/, '');
}

export function formatTrackingNo(no: string): string {
  return `JB-${no.slice(0, 4)}-${no.slice(4)}`;
}

/** One step of a report's handling (server/public/report.ts keeps them with `at` a Date). */
export interface ReportHistoryItem {
  at: string;
  status: ReportStatus;
  outcome: string;
  by: string;
}
