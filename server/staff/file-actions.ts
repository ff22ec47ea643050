/**
 * The `staffFiles` function's actions: everything that reads or writes xlsx or docx files (imports,
 * templates, exports, print documents). Split from `staff` so the dashboard and the queues never
 * pay for loading exceljs/docx; the same roles and scope apply (roles.ts).
 */
import type { Action } from '../handler';
import { exportBulletin } from './bulletin-export';
import { importTable } from './bulletin-tables';
import { importRecords } from './import';
import { exportReport } from './report-export';
import { importTemplate } from './templates';
import { printBatch } from './print-batch';
import { exportOutreach } from './outreach-export';
import { importLedger } from './ledger-import';
import { creditCheck } from './credit-check';

export const staffFileActions: Record<string, Action> = {
  importRecords,
  importTemplate,
  exportBulletin,
  importTable,
  exportReport,
  printBatch,
  exportOutreach,
  importLedger,
  creditCheck,
};
