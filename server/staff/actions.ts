/** The staff function's actions (DESIGN.md §4) and its daily timer. */
import type { Action } from '../handler';
import { bulletin, exportBulletin } from './bulletin';
import { codes, reinstateCode, revokeCode, suspendCode } from './code-status';
import { importRecords } from './import';
import { staffMembers } from './members';
import { applications, reviewApplication, reviewCommitment } from './review';
import { districtStats, statsHistory, takeSnapshot } from './stats';
import { importTemplate } from './templates';
import { scanStats } from './scans';
import type { Database } from '../cloud';

export const staffActions: Record<string, Action> = {
  applications,
  reviewApplication,
  reviewCommitment,
  districtStats,
  statsHistory,
  bulletin,
  importRecords,
  importTemplate,
  exportBulletin,
  codes,
  suspendCode,
  reinstateCode,
  revokeCode,
  staffMembers,
  scanStats,
};

/** The daily trigger (cloudbaserc.json): today's rate snapshot. */
export async function onStaffTimer({ db, now }: { db: Database; now: Date }) {
  const snap = await takeSnapshot(db, now);
  return { snapshot: snap.date };
}
