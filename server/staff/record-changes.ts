/** staff.withdrawRecord and staff.correctRecord: one credit record taken back or corrected, with a reason. */
import type { ParsedOf } from '../../core/contract/define';
import type { staffOfficeContract } from '../../core/contract/staff-office';
import { correctRecord as correct, withdrawRecord as withdraw } from '../records';
import { toWire } from '../wire';
import type { StaffContext } from './define-staff-actions';

type Contract = typeof staffOfficeContract;

export async function withdrawRecord(input: ParsedOf<Contract['withdrawRecord']>, { db, now, staff }: StaffContext) {
  return toWire({ record: await withdraw(db, staff, input.kind, input.recordId, input.reason, now) });
}

export async function correctRecord(input: ParsedOf<Contract['correctRecord']>, { db, now, staff }: StaffContext) {
  return toWire({ record: await correct(db, staff, input.kind, input.recordId, input.changes, input.reason, now) });
}
