/**
 * Every cloud function's contract, by the name the mini-program calls it with. The mini-program
 * imports this as types only (its bundle carries no zod); the functions import the values.
 */
import { merchantContract } from './merchant';
import { publicContract } from './public';
import { staffDocsContract } from './staff-docs';
import { staffFilesContract } from './staff-files';
import { staffOfficeContract } from './staff-office';
import { staffSupervisionContract } from './staff-supervision';

export * from './define';
export type { GeneratedFile, ImportReport, LedgerImportReport, RegisterReport, RowIssue } from './staff-files';
export type { PrintedItem } from './staff-docs';
export type { MyMessage } from './messages';
export type { ProfileAnswer, RecordsPage, ReportProgress, SearchAnswer, SearchItem, StreetPage, VerifyTarget } from './public';
export { merchantContract, publicContract, staffDocsContract, staffFilesContract, staffOfficeContract, staffSupervisionContract };

export const staffContract = { ...staffOfficeContract, ...staffSupervisionContract };

export const CONTRACTS = {
  merchant: merchantContract,
  public: publicContract,
  staff: staffContract,
  staffFiles: staffFilesContract,
  staffDocs: staffDocsContract,
} as const;

export type Contracts = typeof CONTRACTS;
