/**
 * The `staffFiles` function's actions: everything that reads or writes xlsx files (imports,
 * templates, exports). Split from `staff` so the dashboard and the queues never pay for loading
 * the file code; the same roles and scope apply (roles.ts). Word documents are `staffDocs`
 * (doc-actions.ts).
 */
import type { Action } from '../handler';
import { exportBulletin } from './bulletin-export';
import { importTable } from './bulletin-tables';
import { importRecords } from './import';
import { importTemplate } from './templates';
import { exportOutreach } from './outreach-export';
import { importLedger } from './ledger-import';
import { creditCheck } from './credit-check';

export const staffFileActions: Record<string, Action> = {
  importRecords,
  importTemplate,
  exportBulletin,
  importTable,
  exportOutreach,
  importLedger,
  creditCheck,
};
