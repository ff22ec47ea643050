/** The public function's actions (DESIGN §4): anyone who scanned or searched; no sign-in needed. */
import type { Action } from '../handler';
import { publicContract } from '../../core/contract';
import { defineActions } from '../define-actions';
import { profile } from './profile';
import { records } from './records';
import { myReports, report, reportStatus } from './report';
import { search } from './search';
import { myMessages } from '../messages';
import { countScan } from './scan-count';
import { verifyCode } from './verify';
import { publicInspections } from './inspections';
import { street } from './street';

export const publicActions: Readonly<Record<string, Action>> = {
  verifyCode,
  profile,
  search,
  report,
  reportStatus,
  myReports,
  myMessages,
  inspections: publicInspections,
  street,
  records,
  ...defineActions(publicContract, { countScan }),
};
