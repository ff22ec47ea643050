/** The public function's actions (DESIGN §4): anyone who scanned or searched; no sign-in needed. */
import type { Action } from '../handler';
import { profile, search } from './profile';
import { report } from './report';
import { verifyCode } from './verify';
import { publicInspections } from './inspections';
import { street } from './street';

export const publicActions: Readonly<Record<string, Action>> = { verifyCode, profile, search, report, inspections: publicInspections, street };
