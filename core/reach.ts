/**
 * Reaching 40% (issue #14): the words and the pure rules of outreach, the department ledger,
 * inspections and batch credit checks. No platform imports: the functions, the mini-program and
 * the 通报 document share these.
 */
import { basisPoints, formatBasisPoints } from './rates';

/** 联系结果 of an outreach contact, as the office's phone campaigns record them. */
export const CONTACT_RESULTS = ['已联系', '同意赋码', '暂不需要'] as const;
export type ContactResult = (typeof CONTACT_RESULTS)[number];

/** 检查结果 of an administrative inspection (行政监督检查). */
export const INSPECTION_RESULTS = ['合格', '责令整改', '立案调查', '其他'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** The bulletin's three groups of 行管部门, in the order the 通报 names them. */
export const DEPARTMENT_STATUSES = ['制定推进落实文件', '报送工作动态', '尚未启动'] as const;
export type DepartmentStatus = (typeof DEPARTMENT_STATUSES)[number];

/** What a department uploaded to the ledger: 推进落实文件 (plan) or a monthly 工作动态 (update). */
export const LEDGER_FILE_KINDS = { plan: '推进落实文件', update: '工作动态' } as const;
export type LedgerFileKind = keyof typeof LEDGER_FILE_KINDS;

/**
 * A department's status follows from its uploads: a 推进落实文件 puts it in the first group; only
 * 工作动态 in the second; nothing in 尚未启动. (The office counts a department that made a plan as
 * having made one even if it also reports monthly.)
 */
export function departmentStatus(uploads: { plans: number; updates: number }): DepartmentStatus {
  if (uploads.plans > 0) return '制定推进落实文件';
  if (uploads.updates > 0) return '报送工作动态';
  return '尚未启动';
}

export interface DepartmentProgressRow {
  /** Short name as the bulletin prints it (市市场监管局). */
  readonly name: string;
  readonly status: DepartmentStatus;
}

/**
 * The 通报's section-三 sentence:
 * "涉及N个行管部门，其中制定推进落实文件a个单位：…，报送工作动态b个单位：…，尚未启动单位c个：…。"
 * Departments keep the order given (the ledger's order). An empty group reads "无".
 */
export function departmentProgressSentence(rows: readonly DepartmentProgressRow[]): string {
  const names = (s: DepartmentStatus) => rows.filter((r) => r.status === s).map((r) => r.name);
  const [plan, update, none] = DEPARTMENT_STATUSES.map(names) as [string[], string[], string[]];
  const list = (xs: string[]) => (xs.length ? xs.join('、') : '无');
  return (
    `涉及${rows.length}个行管部门，其中制定推进落实文件${plan.length}个单位：${list(plan)}，` +
    `报送工作动态${update.length}个单位：${list(update)}，尚未启动单位${none.length}个：${list(none)}。`
  );
}

/** What a batch credit check found about one entity. */
export interface CreditCheckFacts {
  readonly registered: boolean;
  readonly codeStatus?: 'active' | 'suspended' | 'revoked';
  readonly commitments: number;
  readonly honours: number;
  readonly openObjections: number;
  readonly openReports: number;
}

/** What one batch credit check read and found (its answer and its audited record). */
export interface CreditCheckCounts {
  /** USCC cells read. */
  rows: number;
  /** Distinct valid USCCs checked. */
  checked: number;
  /** Cells that are no valid USCC. */
  invalid: number;
  /** Rows whose 提示 is not 无异常. */
  flagged: number;
}

/**
 * The 提示 column of a credit check (逢办必查): every reason the deciding officer should look
 * closer, or 无异常. Plain words, one per finding, joined with "；".
 */
export function creditCheckFlags(f: CreditCheckFacts): string {
  const flags: string[] = [];
  if (f.codeStatus === undefined || f.codeStatus === 'revoked') flags.push('无有效诚信码');
  if (f.codeStatus === 'suspended') flags.push('诚信码已暂停');
  if (f.openReports > 0) flags.push('有未结举报');
  if (f.openObjections > 0) flags.push('有未结异议');
  if (f.commitments === 0) flags.push('无主动承诺');
  return flags.length ? flags.join('；') : '无异常';
}

/** Coverage of a street or district: coded of total, as a percent with two decimals ('' when total is 0). */
export function coveragePercent(coded: number, total: number): string {
  return total <= 0 ? '' : formatBasisPoints(basisPoints(coded, total));
}

// ---------------------------------------------------------------- stored shapes on the wire
// server/reach-model.ts derives its documents from these, with `Date` for the ISO strings.

/** The latest contact with an entity, as the outreach list shows it. */
export interface ContactView {
  result: string;
  note: string;
  date: string;
  byName: string;
}

/** One contact with an uncoded entity; every contact is kept (the list shows the latest). */
export interface OutreachContact {
  _id: string;
  uscc: string;
  /** The register row's district when the contact was made (scope of the contact history). */
  districtCode: string;
  result: ContactResult;
  note: string;
  /** The day of the contact, 'YYYY-MM-DD'. */
  date: string;
  by: string;
  byName: string;
  createdAt: string;
}

/** 台账: one row per 责任单位 (core's DEPARTMENTS), as the ledger's xlsx lays it out. */
export interface DepartmentLedgerEntry {
  _id: string;
  departmentId: string;
  /** 序号 in the ledger. */
  index: number;
  /** 责任单位 as written in the ledger. */
  unit: string;
  goal: string;
  measures: string;
  leader: string;
  responsible: string;
  deadline: string;
  /** Where the row came from: an import batch or a city edit. */
  source: { kind: 'import'; batchId: string; fileHash: string } | { kind: 'edit' };
  updatedBy: string;
  updatedAt: string;
}

/** A 推进落实文件 or a month's 工作动态, stored in cloud storage. */
export interface LedgerFile {
  _id: string;
  departmentId: string;
  kind: LedgerFileKind;
  /** 'YYYY-MM' the file reports on. */
  month: string;
  title: string;
  fileID: string;
  uploadedBy: string;
  createdAt: string;
}

/** One department's progress as of a month's end (staff.departmentProgress, the 通报's section 三). */
export interface DepartmentProgress extends DepartmentProgressRow {
  departmentId: string;
  fullName: string;
  fields: readonly string[];
  plans: number;
  updates: number;
  updatesThisMonth: number;
  codesThisMonth: number;
  codesTotal: number;
  ledger: Omit<DepartmentLedgerEntry, 'source' | 'updatedBy'> | null;
  files: Pick<LedgerFile, '_id' | 'kind' | 'month' | 'title' | 'fileID' | 'createdAt'>[];
}

/** 行政监督检查 record: internal unless the inspecting department publishes it. */
export interface Inspection {
  _id: string;
  uscc: string;
  codeId?: string;
  entityId?: string;
  districtCode: string;
  field?: string;
  /** The inspecting staff member's department (absent for city or district staff). */
  departmentId?: string;
  department: string;
  date: string;
  result: InspectionResult;
  note: string;
  photos: string[];
  published: boolean;
  publishedAt?: string;
  by: string;
  createdAt: string;
}

/** An inspection as the inspection page lists it. */
export type InspectionItem = Pick<Inspection, '_id' | 'date' | 'result' | 'note' | 'photos' | 'department' | 'published' | 'createdAt'>;

/** 诚信示范街 / 诚信商圈: a list of entities by USCC, or the register rows whose address contains a fragment. */
export interface Street {
  _id: string;
  name: string;
  districtCode: string;
  uscc: string[];
  addressFragment?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A street's coverage: its entities with a live code of all its entities. */
export interface Coverage {
  coded: number;
  total: number;
  /** coveragePercent(coded, total). */
  percent: string;
}

/** Photos an inspection record may carry. */
export const MAX_INSPECTION_PHOTOS = 6;

/** USCCs a street's list may name. */
export const MAX_STREET_USCCS = 500;
