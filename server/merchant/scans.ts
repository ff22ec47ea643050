/** scanStats: how often the caller's entity's code was checked, per day over the last 30 days. */
import type { ParsedOf } from '../../core/contract';
import type { merchantContract, ScanStatsData } from '../../core/contract/merchant';
import type { ActionContext } from '../handler';
import { entityScans } from '../scans';
import { ownedEntity } from './ownership';

export async function scanStats(
  { uscc }: ParsedOf<typeof merchantContract.scanStats>,
  { caller, db, now }: ActionContext,
): Promise<ScanStatsData> {
  const entity = await ownedEntity(db, caller.openid, uscc);
  return { uscc: entity.uscc, ...(await entityScans(db, entity._id, now)) };
}
