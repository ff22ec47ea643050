/** Typed calls to the `public` cloud function: scan verification, profiles, search, reports. */
import type { CodeVerdict, PublicProfile, ReportReason, VerdictTone } from '../lib/core';
import { callFunction, type CallResult } from './call';

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
