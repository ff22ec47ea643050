/** The merchant function's actions (DESIGN §4): a signed-in WeChat user acting for an entity. */
import type { Action } from '../handler';
import { applyCode } from './apply';
import { myCode } from './code';
import { myCommitments, submitCommitment } from './commitments';
import { myEntities } from './entities';
import { submitObjection } from './objection';
import { posterFile } from './poster';
import { scanStats } from './scans';

export const merchantActions: Readonly<Record<string, Action>> = {
  applyCode,
  myEntities,
  myCode,
  submitCommitment,
  myCommitments,
  submitObjection,
  posterFile,
  scanStats,
};
