/** The `merchant` function's contract: a signed-in WeChat user acting for an entity. */
import type { Contract } from './define';
import { myMessagesSpec } from './messages';

export const merchantContract = {
  myMessages: myMessagesSpec,
} satisfies Contract;
