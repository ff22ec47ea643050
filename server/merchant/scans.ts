/** scanStats: how often the caller's entity's code was checked, per day over the last 30 days. */
import type { ActionContext } from '../handler';
import { entityScans } from '../scans';
import { ownedEntity } from './ownership';

export async function scanStats(payload: Record<string, unknown>, { caller, db, now }: ActionContext) {
  const entity = await ownedEntity(db, caller.openid, payload);
  return { uscc: entity.uscc, ...(await entityScans(db, entity._id, now)) };
}
