/** The public function's actions (DESIGN §4): anyone who scanned or searched; no sign-in needed. */
import type { Action } from '../handler';
import { profile, search } from './profile';
import { report } from './report';
import { countScan } from './scan-count';
import { verifyCode } from './verify';

export const publicActions: Readonly<Record<string, Action>> = { verifyCode, profile, search, report, countScan };
