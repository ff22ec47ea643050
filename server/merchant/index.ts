/** The merchant function's actions (DESIGN §4): a signed-in WeChat user acting for an entity. */
import type { Action } from '../handler';
import { merchantContract } from '../../core/contract';
import { defineActions } from '../define-actions';
import { applyCode, myApplications, withdrawApplication } from './apply';
import { myCode } from './code';
import { myCommitments, submitCommitment } from './commitments';
import { myEntities } from './entities';
import { myObjections, submitObjection } from './objection';
import { claimCode } from './claim';
import { myMessages } from '../messages';
import { posterFile } from './poster';
import { scanStats } from './scans';

export const merchantActions: Readonly<Record<string, Action>> = {
  ...defineActions(merchantContract, {
    applyCode,
    myEntities,
    myCode,
    submitCommitment,
    myCommitments,
    submitObjection,
    withdrawApplication,
    myApplications,
    claimCode,
    myObjections,
    posterFile,
    scanStats,
    myMessages,
  }),
};
