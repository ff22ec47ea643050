/** The public function's actions (DESIGN §4): anyone who scanned or searched; no sign-in needed. */
import type { Action } from '../handler';
import { profile } from './profile';
import { records } from './records';
import { report } from './report';
import { search } from './search';
import { verifyCode } from './verify';

export const publicActions: Readonly<Record<string, Action>> = { verifyCode, profile, search, report, records };
