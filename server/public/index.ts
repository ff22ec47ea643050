/** The public function's actions (DESIGN §4): anyone who scanned or searched; no sign-in needed. */
import { publicContract } from '../../core/contract';
import { defineActions } from '../define-actions';
import { myMessages } from '../messages';
import { publicInspections } from './inspections';
import { profile } from './profile';
import { records } from './records';
import { myReports, report, reportStatus } from './report';
import { countScan } from './scan-count';
import { search } from './search';
import { street } from './street';
import { verifyCode } from './verify';

export const publicActions = defineActions(publicContract, {
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
  countScan,
});
