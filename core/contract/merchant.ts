/** The `merchant` function's contract: a signed-in WeChat user acting for an entity. */
import type { Contract } from './define';

export const merchantContract = {} satisfies Contract;
