/** The `staff` function's contract, part one: reviews, codes, rates, the 通报 and its inputs, records and batches. */
import type { Contract } from './define';

export const staffOfficeContract = {} satisfies Contract;
