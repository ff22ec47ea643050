/**
 * Typed calls to the `merchant` cloud function: applications, own entities and codes, commitments,
 * objections. Inputs and answers are the function's contract (core/contract/merchant.ts); the names
 * below are aliases of it for the pages.
 */
import { call, type CallInput, type CallOutput } from './call';

export type ApplicationForm = CallInput<'merchant', 'applyCode'>;
export type CommitmentForm = CallInput<'merchant', 'submitCommitment'>;
export type ObjectionForm = CallInput<'merchant', 'submitObjection'>;
export type MyEntity = CallOutput<'merchant', 'myEntities'>['entities'][number];
export type MyApplication = CallOutput<'merchant', 'myEntities'>['applications'][number];
export type MyCodeData = CallOutput<'merchant', 'myCode'>;
export type MyCommitment = CallOutput<'merchant', 'myCommitments'>['items'][number];
export type MyApplicationItem = CallOutput<'merchant', 'myApplications'>['items'][number];
export type ClaimResult = CallOutput<'merchant', 'claimCode'>;
/** A printable poster of the caller's code: A4, A5 or a table tent (A4 folded), as a PDF. */
export type PosterSize = CallOutput<'merchant', 'posterFile'>['size'];

export function applyCode(form: ApplicationForm) {
  return call('merchant', 'applyCode', form);
}

export function myEntities() {
  return call('merchant', 'myEntities', {});
}

export function myCode(uscc?: string) {
  return call('merchant', 'myCode', uscc ? { uscc } : {});
}

export function submitCommitment(form: CommitmentForm) {
  return call('merchant', 'submitCommitment', form);
}

export function myCommitments(uscc?: string) {
  return call('merchant', 'myCommitments', uscc ? { uscc } : {});
}

export function submitObjection(form: ObjectionForm) {
  return call('merchant', 'submitObjection', form);
}

export function myApplications() {
  return call('merchant', 'myApplications', {});
}

export function withdrawApplication(applicationId: string) {
  return call('merchant', 'withdrawApplication', { applicationId });
}

/** 认领诚信码: the USCC and the one-time claim code from the department's delivery slip. */
export function claimCode(uscc: string, code: string) {
  return call('merchant', 'claimCode', { uscc, claimCode: code });
}

export function posterFile(size: PosterSize, uscc?: string) {
  return call('merchant', 'posterFile', { size, ...(uscc ? { uscc } : {}) });
}

/** How often the entity's code was checked per day over the last 30 days. */
export function scanStats(uscc?: string) {
  return call('merchant', 'scanStats', uscc ? { uscc } : {});
}
