/** The `staffDocs` function's contract: actions that write Word documents. */
import type { Contract } from './define';

export const staffDocsContract = {} satisfies Contract;
