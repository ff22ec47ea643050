/**
 * The `staffDocs` function's actions: the Word (.docx) documents, the 通报 (exportReport) and the
 * print batch of posters and delivery slips (printBatch). Split from `staffFiles` (xlsx) so neither
 * bundle carries the other's file library; the same roles and scope apply (roles.ts).
 */
import type { Action } from '../handler';
import { exportReport } from './report-export';
import { printBatch } from './print-batch';

export const staffDocActions: Record<string, Action> = {
  exportReport,
  printBatch,
};
