/**
 * The staff function's actions (DESIGN.md §4) and its daily timer: queues, decisions, dashboards.
 * Actions that read or write files live in the `staffFiles` (xlsx, file-actions.ts) and `staffDocs`
 * (docx, doc-actions.ts) functions, so these calls never load the file code and start fast.
 */
import { staffOfficeContract, staffSupervisionContract } from '../../core/contract';
import type { Action } from '../handler';
import { defineStaffActions } from './define-staff-actions';
import { batches, withdrawBatch } from './batch-actions';
import { bulletin } from './bulletin';
import { correctTotals } from './totals-correction';
import { codes, reinstateCode, revokeCode, suspendCode } from './code-status';
import { correctRecord, withdrawRecord } from './record-changes';
import { staffMembers } from './members';
import { issueCodes } from './issue-codes';
import { applications, reviewApplication, reviewCommitment } from './review';
import { districtStats, statsHistory, takeSnapshot } from './stats';
import { answerObjection, handleReport, objections, reports, supervisionSummary } from './supervision';
import { auditLog, entity } from './entity-view';
import { scanStats } from './scans';
import type { Database } from '../cloud';
import { setBulletinInputs, setDepartmentProgress } from './bulletin-inputs';
import { kaohe } from './kaohe';
import { gap } from './gap';
import { outreach, recordContact } from './outreach';
import { departmentProgress, saveLedgerEntry, uploadLedgerFile } from './ledger';
import { inspections, inspectionView, publishInspection, recordInspection } from './inspection';
import { saveStreet, streets } from './streets';

export const staffActions: Record<string, Action> = {
  ...defineStaffActions(staffOfficeContract, {
    applications,
    reviewApplication,
    reviewCommitment,
    districtStats,
    statsHistory,
    bulletin,
    codes,
    suspendCode,
    reinstateCode,
    revokeCode,
    staffMembers,
    withdrawRecord,
    correctRecord,
    batches,
    withdrawBatch,
    correctTotals,
    setBulletinInputs,
    setDepartmentProgress,
    kaohe,
    issueCodes,
  }),
  ...defineStaffActions(staffSupervisionContract, {
    reports,
    handleReport,
    objections,
    answerObjection,
    supervisionSummary,
    entity,
    auditLog,
    outreach,
    recordContact,
    gap,
    saveLedgerEntry,
    uploadLedgerFile,
    departmentProgress,
    inspectionView,
    recordInspection,
    publishInspection,
    inspections,
    saveStreet,
    streets,
    scanStats,
  }),
};

/** The daily trigger (cloudbaserc.json): today's rate snapshot. */
export async function onStaffTimer({ db, now }: { db: Database; now: Date }) {
  const snap = await takeSnapshot(db, now);
  return { snapshot: snap.date };
}
