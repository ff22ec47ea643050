/** scanStats: checks of codes per district over the last 30 days (every staff role; the counts hold no one's identity). */
import type { ActionContext } from '../handler';
import { districtScans } from '../scans';
import { loadStaff } from './roles';

export async function scanStats(_payload: Record<string, unknown>, { caller, db, now }: ActionContext) {
  await loadStaff(db, caller.openid);
  return districtScans(db, now);
}
