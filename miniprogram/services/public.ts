/** Typed calls to the `public` cloud function: scan verification, profiles, search, reports. */
import type { CodeVerdict, PublicProfile, ReportReason, VerdictTone } from '../lib/core';
import { callFunction, type CallResult } from './call';
import type { PublicCommitment, PublicHonour, PublicOtherInfo, PublicRecordKind, PublicRegistration } from '../lib/core';

export interface VerifyData {
  verdict: CodeVerdict;
  label: string;
  tone: VerdictTone;
  hint: string;
  serverTime: string;
  serverTimeText: string;
  codeId?: string;
  profile?: PublicProfile;
}

/** What was scanned: a bare id, the printed URL (`q` from 扫普通链接二维码), or a mini-program code scene. */
export interface Scan {
  codeId?: string;
  q?: string;
  scene?: string;
  version?: number;
}

export function verifyCode(scan: Scan): Promise<CallResult<VerifyData>> {
  return callFunction<VerifyData>('public', 'verifyCode', { ...scan });
}

export interface ProfileData {
  codeStatus: { verdict: CodeVerdict; label: string; tone: VerdictTone };
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

export interface ReportInput {
  scanned?: string;
  uscc?: string;
  reason: ReportReason;
  detail?: string;
}

export function submitReport(input: ReportInput): Promise<CallResult<{ reportId: string }>> {
  return callFunction('public', 'report', { ...input });
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
