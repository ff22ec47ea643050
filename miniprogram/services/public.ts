/** Typed calls to the `public` cloud function: scan verification, profiles, search, reports. */
import type { CodeRef, PublicProfile, PublicVerdict, ReportReason, VerdictTone } from '../lib/core';
import { call, callFunction, type CallResult } from './call';
import type { PublicCommitment, PublicHonour, PublicOtherInfo, PublicRecordKind, PublicRegistration } from '../lib/core';

export interface VerifyData {
  verdict: PublicVerdict;
  label: string;
  tone: VerdictTone;
  hint: string;
  serverTime: string;
  serverTimeText: string;
  codeId?: string;
  version?: number;
  versionSince?: string;
  statusChange?: { on: string; category: string };
  recordsHidden?: boolean;
  profile?: PublicProfile;
}

/** What to verify: a scan in its parsed form (core/scan.ts), or an entity found by search. */
export type VerifyTarget = { code: CodeRef } | { uscc: string };

export function verifyCode(target: VerifyTarget): Promise<CallResult<VerifyData>> {
  return callFunction<VerifyData>('public', 'verifyCode', { ...target });
}

export interface ProfileData {
  codeStatus: { verdict: PublicVerdict; label: string; tone: VerdictTone };
  profile: PublicProfile;
}

export function getProfile(uscc: string): Promise<CallResult<ProfileData>> {
  return callFunction<ProfileData>('public', 'profile', { uscc });
}

export interface SearchItem {
  uscc: string;
  name: string;
  categoryName: string;
  districtName: string;
  field: string;
}

export function searchEntities(keyword: string): Promise<CallResult<{ items: SearchItem[]; more: boolean }>> {
  return callFunction('public', 'search', { keyword });
}

/** Tells that a known code was checked, for the merchant's scan counts (no identity is stored). */
export function countScan(code: CodeRef) {
  return call('public', 'countScan', { code });
}

/** 查看全部: one kind of an entity's public records, newest first, a page at a time (`more`: another page exists). */
export function listRecords(
  uscc: string,
  kind: PublicRecordKind,
  offset = 0,
  limit = 20,
): Promise<CallResult<{ kind: PublicRecordKind; offset: number; items: (PublicCommitment | PublicHonour | PublicRegistration | PublicOtherInfo)[]; more: boolean }>> {
  return callFunction('public', 'records', { uscc, kind, offset, limit });
}
