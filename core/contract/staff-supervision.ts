/** The `staff` function's contract, part two: reports and objections, entities, outreach, ledger, inspections, streets. */
import type { Contract } from './define';

export const staffSupervisionContract = {} satisfies Contract;
