/**
 * The `staffDocs` function's actions: the Word (.docx) documents, the 通报 (exportReport) and the
 * print batch of posters and delivery slips (printBatch). Split from `staffFiles` (xlsx) so neither
 * bundle carries the other's file library; the same roles and scope apply (roles.ts).
 */
import { staffDocsContract } from '../../core/contract/staff-docs';
import type { Action } from '../handler';
import { defineStaffActions } from './define-staff-actions';
import { printBatch } from './print-batch';
import { exportReport } from './report-export';

export const staffDocActions: Readonly<Record<string, Action>> = defineStaffActions(staffDocsContract, {
  exportReport,
  printBatch,
});
