/** Typed calls to the `merchant` cloud function: applications, own entities and codes, commitments, objections. */
import type { ObjectionTarget } from '../lib/core';
import { callFunction, type CallResult } from './call';

export interface ApplicationForm {
  uscc: string;
  entityName: string;
  category: string;
  districtCode?: string;
  address: string;
  field: string;
  contactName: string;
  contactPhone: string;
  /** fileID of the uploaded storefront photo ('' or absent = none). */
  storefrontPhoto?: string;
  /** 法定代表人（负责人、经营者）. */
  legalRepName: string;
  /** fileID of the uploaded 营业执照 photo (required; seen by the reviewing staff only). */
  licencePhoto: string;
}

export interface AppliedData {
  applicationId: string;
  status: 'pending';
  uscc: string;
  districtCode: string;
  districtName: string;
  /** What the checks mean for this application (e.g. a takeover needs the district's confirmation). */
  notes: string[];
}

export function applyCode(form: ApplicationForm): Promise<CallResult<AppliedData>> {
  return callFunction<AppliedData>('merchant', 'applyCode', { ...form });
}

export interface MyEntity {
  uscc: string;
  name: string;
  categoryName: string;
  districtCode: string;
  districtName: string;
  field: string;
  address: string;
  code: { status: 'active' | 'suspended' | 'revoked'; version: number } | null;
}

export interface MyApplication {
  id: string;
  uscc: string;
  entityName: string;
  districtName: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  decisionReason: string;
}

export function myEntities(): Promise<CallResult<{ entities: MyEntity[]; applications: MyApplication[] }>> {
  return callFunction('merchant', 'myEntities');
}

export interface MyCodeData {
  codeId: string;
  version: number;
  status: 'active' | 'suspended' | 'revoked';
  /** Only while the code is valid (active): nothing to print otherwise. */
  codeUrl?: string;
  entityName: string;
  uscc: string;
  image?: { kind: 'wxacode' | 'qr'; dataUrl: string };
  /** A suspended or revoked code: since when, why (category and text), what to do next. */
  changedAt?: string | null;
  reasonCategoryText?: string;
  reason?: string;
  nextSteps?: string[];
}

export function myCode(uscc?: string): Promise<CallResult<MyCodeData>> {
  return callFunction<MyCodeData>('merchant', 'myCode', uscc ? { uscc } : {});
}

/** The ten columns of 主动承诺信息表. */
export interface CommitmentForm {
  promiserName: string;
  promiserCategory: string;
  promiserCode: string;
  commitmentType: string;
  /** 承诺领域: the kind of commitment document (市场主体承诺书 …). */
  commitmentArea: string;
  reason: string;
  content: string;
  liability: string;
  committedOn: string;
  publicity: string;
}

export function submitCommitment(form: CommitmentForm): Promise<CallResult<{ commitmentId: string; status: 'pending' }>> {
  return callFunction('merchant', 'submitCommitment', { ...form });
}

export interface MyCommitment {
  id: string;
  commitmentType: string;
  commitmentArea: string;
  field: string;
  reason: string;
  content: string;
  committedOn: string;
  publicity: string;
  status: 'pending' | 'approved' | 'rejected';
  statusText: string;
  decisionReason: string;
}

export function myCommitments(uscc?: string): Promise<CallResult<{ uscc: string; entityName: string; items: MyCommitment[] }>> {
  return callFunction('merchant', 'myCommitments', uscc ? { uscc } : {});
}

export interface ObjectionForm {
  uscc: string;
  target: ObjectionTarget;
  recordId?: string;
  content: string;
}

export function submitObjection(form: ObjectionForm): Promise<CallResult<{ objectionId: string }>> {
  return callFunction('merchant', 'submitObjection', { ...form });
}

export interface MyApplicationItem {
  id: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  statusText: string;
  decisionReason: string;
  notes: string[];
  districtName: string;
  /** What was filed: the apply page fills the form with it to apply again. */
  form: Required<Omit<ApplicationForm, 'districtCode'>> & { districtCode: string };
}

export function myApplications(): Promise<CallResult<{ total: number; items: MyApplicationItem[] }>> {
  return callFunction('merchant', 'myApplications');
}

export function withdrawApplication(applicationId: string): Promise<CallResult<{ applicationId: string; status: 'withdrawn' }>> {
  return callFunction('merchant', 'withdrawApplication', { applicationId });
}

export interface ClaimResult {
  uscc: string;
  entityName: string;
  alreadyClaimed: boolean;
  code: { codeId: string; version: number; status: string } | null;
}

/** 认领诚信码: the USCC and the one-time claim code from the department's delivery slip. */
export function claimCode(uscc: string, code: string): Promise<CallResult<ClaimResult>> {
  return callFunction<ClaimResult>('merchant', 'claimCode', { uscc, claimCode: code });
}

/** A printable poster of the caller's code: A4, A5 or a table tent (A4 folded), as a PDF. */
export type PosterSize = 'a4' | 'a5' | 'tent';

export interface PosterFileData {
  size: PosterSize;
  fileName: string;
  bytes: number;
  fileBase64: string;
}

export function posterFile(size: PosterSize, uscc?: string): Promise<CallResult<PosterFileData>> {
  return callFunction('merchant', 'posterFile', { size, ...(uscc ? { uscc } : {}) });
}

export interface ScanStatsData {
  uscc: string;
  /** The last 30 days, oldest first. */
  days: Array<{ day: string; n: number }>;
  total: number;
}

/** How often the entity's code was checked per day over the last 30 days. */
export function scanStats(uscc?: string): Promise<CallResult<ScanStatsData>> {
  return callFunction('merchant', 'scanStats', uscc ? { uscc } : {});
}
