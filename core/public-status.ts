/**
 * What the public pages say beside a verdict: the issuing authority and hotline, the neutral
 * "no code yet" state, the words for a reason category, and the short name on the moving band.
 * Pure and zod-free (the mini-program bundles it).
 */
import { VERDICTS, type CodeVerdict, type VerdictText, type VerdictTone } from './verify';
import type { PublicProfile } from './profile';
import { ISSUING_AUTHORITY } from './departments';

/** The issuing authority as one line: 信用鹤岗 · 鹤岗市营商环境建设监督局. */
export const ISSUING_AUTHORITY_LINE = `${ISSUING_AUTHORITY.brand} · ${ISSUING_AUTHORITY.name}`;
export const HOTLINE = ISSUING_AUTHORITY.hotline;

/** A code's verdict, or `none`: the entity exists but has never held a code (most entities). */
export type PublicVerdict = CodeVerdict | 'none';

export const NO_CODE: VerdictText = { label: '尚未赋码', tone: 'grey', hint: '该主体尚未申领诚信码，这不代表失信。' };

export const PUBLIC_VERDICTS: Readonly<Record<PublicVerdict, VerdictText>> = { ...VERDICTS, none: NO_CODE };

/** When and why a code got its current status, for the public: the day and a reason category (never the free text). */
export interface PublicStatusChange {
  /** Calendar day (Beijing time) of the change. */
  readonly on: string;
  readonly category: string;
}

/** What public.verifyCode answers: the verdict in words, the live server time, and the profile when the code is ours. */
export interface VerifyResult {
  verdict: PublicVerdict;
  label: string;
  tone: VerdictTone;
  hint: string;
  /** The live server time of this check (ISO and Beijing wall-clock): the page's clock starts here. */
  serverTime: string;
  serverTimeText: string;
  codeId?: string;
  /** The code's version and the day (Beijing time) it was issued: "第2版，2026-08-03起". */
  version?: number;
  versionSince?: string;
  /** For 暂停 and 已撤销: when, and a reason category (never the free-text reason). */
  statusChange?: PublicStatusChange;
  /** True while the entity's code is revoked: its positive records are withheld from the profile. */
  recordsHidden?: boolean;
  profile?: PublicProfile;
}

const LEGAL_FORM = /(股份有限公司|有限责任公司|有限公司|分公司|合作社|个体工商户)$/;
const PLACE = /^(黑龙江省)?(鹤岗市)?(向阳区|工农区|南山区|兴安区|东山区|兴山区|萝北县|绥滨县)?/;

/** The entity's name without its place and legal form, for the moving band (at most 10 characters). */
export function shortNameOf(name: string): string {
  const short = name.replace(PLACE, '').replace(LEGAL_FORM, '').trim();
  return (short || name).slice(0, 10);
}

/** While an entity's code is revoked, its positive records (承诺、荣誉、注册、其他) are not shown. */
export function withoutPositiveRecords(profile: PublicProfile): PublicProfile {
  return { ...profile, commitments: [], honours: [], registrations: [], otherInfo: [] };
}
