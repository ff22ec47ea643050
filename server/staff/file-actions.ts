/**
 * The `staffFiles` function's actions: everything that reads or writes xlsx files (imports,
 * templates, exports). Split from `staff` so the dashboard and the queues never pay for loading
 * the file code; the same roles and scope apply (roles.ts). Word documents are `staffDocs`
 * (doc-actions.ts).
 */
import { staffFilesContract } from '../../core/contract/staff-files';
import type { Action } from '../handler';
import { exportBulletin } from './bulletin-export';
import { importTable } from './bulletin-tables';
import { creditCheck } from './credit-check';
import { defineStaffActions } from './define-staff-actions';
import { importRecords } from './import';
import { importLedger } from './ledger-import';
import { exportOutreach } from './outreach-export';
import { importTemplate } from './templates';

export const staffFileActions: Readonly<Record<string, Action>> = defineStaffActions(staffFilesContract, {
  importRecords,
  importTemplate,
  exportBulletin,
  importTable,
  exportOutreach,
  importLedger,
  creditCheck,
});
