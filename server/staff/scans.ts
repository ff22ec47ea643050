/** scanStats: checks of codes per district over the last 30 days (every staff role; the counts hold no one's identity). */
import type { ParsedOf } from '../../core/contract';
import type { staffSupervisionContract as C } from '../../core/contract/staff-supervision';
import { districtScans } from '../scans';
import type { StaffContext } from './define-staff-actions';

export async function scanStats(_input: ParsedOf<typeof C.scanStats>, { db, now }: StaffContext) {
  return districtScans(db, now);
}
