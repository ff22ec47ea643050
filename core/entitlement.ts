/**
 * Entitlement: who may hold a code. The checks an application gets against the 市场主体名录
 * (register) and the data already held, their wording on the review card, and the preset
 * reasons a reviewer rejects with. Pure, so the functions and the pages agree on the words.
 */
import type { CodeStatus } from './documents';
import { normaliseName } from './search-keys';

/** Brackets of every kind: 鹤岗市（向阳区）张三饭店 and 鹤岗市向阳区张三饭店 name one entity. */
const BRACKETS = /[()（）[\]【】〔〕［］{}｛｝<>《》]/g;

/**
 * A name as compared with the register: spaces removed, full-width folded to half-width,
 * brackets of every kind dropped, lower case. 鹤岗市（向阳区）张三 饭店 = 鹤岗市(向阳区)张三饭店.
 */
export function comparableName(name: string): string {
  return normaliseName(name.normalize('NFKC')).replace(BRACKETS, '');
}

export function sameName(a: string, b: string): boolean {
  return comparableName(a) === comparableName(b);
}

/**
 * The automatic checks, each a flag on the review card. `nameDiffers` can only appear when the
 * register changed after the application (a differing name is refused at applyCode).
 */
export const ENTITLEMENT_FLAGS = {
  nameDiffers: '名称与市场主体名录不一致',
  legalRepDiffers: '法定代表人（负责人、经营者）与名录不一致',
  notInRegister: '市场主体名录中无此统一社会信用代码',
  notInBusiness: '名录登记状态不是存续（在业）',
  entityExists: '该主体已在系统中',
  hasOwners: '该主体已有经办人，通过即增加经办人（接管）',
  revokedBefore: '该主体的诚信码曾被撤销，通过即重新赋码',
  districtChosen: '所属县（区）由申请人选择（市级或外地代码）',
} as const;
export type EntitlementFlag = keyof typeof ENTITLEMENT_FLAGS;

/** Flags that make approval a takeover: staff must confirm 申请人有权代表该主体 with a reason. */
export const TAKEOVER_FLAGS: readonly EntitlementFlag[] = ['hasOwners', 'revokedBefore'];

export function isTakeover(flags: readonly string[]): boolean {
  return flags.some((f) => (TAKEOVER_FLAGS as readonly string[]).includes(f));
}

/** What the applicant may see of the checks (never the register's data itself). */
export const APPLICANT_FLAG_TEXT: Partial<Record<EntitlementFlag, string>> = {
  hasOwners: '该主体已有经办人，需所在县（区）核实您有权代表该主体',
  revokedBefore: '该主体的诚信码曾被撤销，需所在县（区）核实后方可重新赋码',
};

/** Preset reasons on the review card's 驳回; the reviewer may also write their own. */
export const REJECTION_REASONS = ['名称与营业执照不符', '营业执照照片不清晰', '非该主体经办人', '信息不完整'] as const;

/** Application statuses as the applicant reads them. */
export const APPLICATION_STATUS_TEXT = {
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
} as const;
export type ApplicationStatusKey = keyof typeof APPLICATION_STATUS_TEXT;

/** The register row behind an application, as the review card shows it (staff only: it names the legal representative). */
export interface RegisterEvidence {
  name: string;
  entityType: string;
  legalRep: string;
  address: string;
  districtCode: string;
  districtName: string;
  regStatus: string;
  inBusiness: boolean;
  foundedOn?: string;
}

/** One code of the entity an application is for, with its history. */
export interface CodeEvidence {
  codeId: string;
  version: number;
  status: CodeStatus;
  issuedAt: Date;
  history: { at: Date; status: string; reason: string; category?: string }[];
}

/** The entity an application is for, when it is already held. */
export interface EntityEvidence {
  entityId: string;
  name: string;
  districtCode: string;
  districtName: string;
  field: string;
  /** Owners other than the applicant. */
  otherOwners: number;
  owners: number;
  codes: CodeEvidence[];
}

/** The automatic checks of an application (server/entitlement.ts) with the register row and the entity behind them. */
export interface ApplicationEvidence {
  flags: EntitlementFlag[];
  register: RegisterEvidence | null;
  entity: EntityEvidence | null;
}
