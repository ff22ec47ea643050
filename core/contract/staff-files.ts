/** The `staffFiles` function's contract: actions that read or write xlsx files. */
import type { Contract } from './define';

export const staffFilesContract = {} satisfies Contract;
