/** The `public` function's contract: anyone who scanned or searched; no sign-in needed. */
import * as z from 'zod';
import { codeRef } from '../schemas/scan';
import { action, type Contract } from './define';

export const publicContract = {
  /** The verify page tells that a known code was checked (no identity is stored). */
  countScan: action<{ counted: boolean }>()(z.object({ code: codeRef() })),
} satisfies Contract;
