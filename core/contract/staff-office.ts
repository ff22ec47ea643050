/** The `staff` function's contract, part one: reviews, codes, rates, the 通报 and its inputs, records and batches. */
import * as z from 'zod';
import type { BulletinInputsDoc, DepartmentProgressDoc, Report, ReportMissing, ReportSourceUsed } from '../bulletin-report';
import { CODE_REASON_KEYS } from '../code-reasons';
import { DEPARTMENT_IDS } from '../departments';
import type { ApplicationDoc, CodeStatus, CommitmentDoc, ImportBatchDoc, StaffDoc, StoredRecord } from '../documents';
import { RECORD_KINDS } from '../documents';
import type { ApplicationEvidence } from '../entitlement';
import { IMPORT_KINDS } from '../import-layouts';
import type { UnitScore } from '../kaohe';
import type { DistrictRow, Pace } from '../rates';
import { count, date, districtCode, oneOf, optionalText } from '../schemas/common';
import { reportOptionsSchema } from '../schemas/bulletin';
import { id, page, reason, staffInput, staffOpenid, usccListOrBatch } from '../schemas/staff';
import { action, type Contract } from './define';
import type { IssueSkip } from '../code-issue';
import type { Wire } from './wire';

// ---------------------------------------------------------------------------------------------
// The review queue

export const queueInput = z.object({
  kind: oneOf('待办类别', ['application', 'commitment']).default('application'),
  status: oneOf('状态', ['pending', 'approved', 'rejected', 'withdrawn']).default('pending'),
  districtCode: districtCode().optional(),
  /** A fragment of the name or of the USCC (applications only). */
  keyword: optionalText('关键词', 50),
  ...page,
});

const decisionInput = z
  .object({
    decision: oneOf('审核结论', ['approve', 'reject']),
    reason: optionalText('原因', 200),
  })
  .refine((v) => v.decision === 'approve' || v.reason !== undefined, { error: '驳回时请填写原因', path: ['reason'] });

const reviewApplicationInput = z
  .intersection(
    z.object({
      applicationId: id('申请编号'),
      /** 申请人有权代表该主体: required to approve a takeover (the entity has owners, or its code was revoked). */
      confirmTakeover: z.boolean({ error: '确认接管应为是或否' }).optional(),
    }),
    decisionInput,
  )
  .refine((v) => v.confirmTakeover !== true || v.reason !== undefined, { error: '确认接管时请填写原因', path: ['reason'] });

/** An application as the reviewer sees it: the stored one with the automatic checks and its photos' short-lived URLs. */
export interface QueuedApplication extends Omit<ApplicationDoc, 'pendingKey' | 'takeover'> {
  submittedAt: Date;
  evidence: ApplicationEvidence;
  /** Approving adds an owner to an entity that has owners, or re-issues after revocation. */
  takeover: boolean;
  /** '' when there is none or it cannot be read; the licence photo is for the reviewing staff only. */
  licencePhotoUrl: string;
  storefrontPhotoUrl: string;
}
export type QueuedCommitment = Omit<CommitmentDoc, 'dedupKey'>;

export type QueueAnswer =
  { kind: 'application'; total: number; items: QueuedApplication[] } | { kind: 'commitment'; items: QueuedCommitment[] };

export interface ReviewApplicationAnswer {
  application: Omit<ApplicationDoc, 'pendingKey'>;
  /** The code issued (or the live one joined) on approval. */
  code?: { codeId: string; version: number; status: CodeStatus };
}

// ---------------------------------------------------------------------------------------------
// Rates: the dashboard, its history, the 通报

/** Where a district's 市场主体总量 came from: the register's count in business, or imported totals. */
export type MarketEntitiesSource = 'register' | 'totals';

export interface DistrictStatsRow extends DistrictRow {
  /** Codes a day still needed to reach the target by year end; undefined without a market total. */
  readonly dailyNeedForYearEnd?: number;
}

export interface DistrictStatsAnswer {
  asOf: string;
  generatedAt: Date;
  targets: { codeRatePercent: number; xinyidaiPercent: number };
  districts: (DistrictStatsRow & { marketEntitiesSource?: MarketEntitiesSource })[];
  city: DistrictStatsRow;
}

export interface RateSeries {
  /** Daily snapshots, oldest first. */
  points: { date: string; coded: number; basisPoints: number }[];
  pace: Pace;
}

export interface StatsHistoryAnswer {
  targetPercent: number;
  city: RateSeries;
  districts: (RateSeries & { districtCode: string })[];
}

/** A row of the 通报's ranking table (附件2). */
export interface BulletinRow {
  index: number | '';
  name: string;
  /** Two decimals, or '' when the district has no market total yet. */
  xinyidaiPercent: string;
  codeRatePercent: string;
}

export interface BulletinAnswer {
  asOf: string;
  sentence: string;
  headers: string[];
  rows: BulletinRow[];
  codesFrom: 'snapshot' | 'live';
  /** The whole report, or null while something is missing. */
  report: Report | null;
  missing: ReportMissing[];
  used: ReportSourceUsed[];
}

// ---------------------------------------------------------------------------------------------
// Codes

const codeChangeInput = z.object({
  codeId: id('诚信码编号'),
  reason: reason(),
  category: oneOf('原因类别', CODE_REASON_KEYS).optional(),
});

export interface CodeChangeAnswer {
  code: { codeId: string; status: CodeStatus; version: number; entityId: string };
}

const codesInput = z.object({
  status: oneOf('状态', ['active', 'suspended', 'revoked']).default('active'),
  districtCode: districtCode().optional(),
  keyword: optionalText('关键词', 60),
  ...page,
});

export interface CodeListItem {
  codeId: string;
  entityId: string;
  entityName: string;
  uscc: string;
  districtCode: string;
  field: string;
  status: CodeStatus;
  version: number;
  issuedAt: Date;
  /** Suspended or revoked: when, why, and the reason category the public sees. */
  changedAt?: Date;
  reason?: string;
  category?: string;
  categoryText?: string;
}

/** 生码 takes at most this many entities a call (a batch is walked with `offset`). */
export const MAX_ISSUE = 500;

const issueCodesInput = usccListOrBatch(MAX_ISSUE, `每次最多为${MAX_ISSUE}个主体生码，请分批进行`);

export interface IssuedItem {
  uscc: string;
  entityName: string;
  codeId: string;
  version: number;
  url: string;
  issuedAt: Date;
  /** null when the entity already has an owner (nothing to hand over). */
  claimCode: string | null;
  claimExpiresAt: Date | null;
}

export interface IssueResult {
  issued: IssuedItem[];
  skipped: IssueSkip[];
  /** For a batch: how many entities it names, and where the next call starts (null when done). */
  total?: number;
  nextOffset?: number | null;
}

// ---------------------------------------------------------------------------------------------
// Staff, records, batches, totals

/** `op` absent = list. */
const membersInput = z.discriminatedUnion(
  'op',
  [
    z.object({ op: z.literal('list').optional() }),
    z.object({ op: z.literal('add'), member: staffInput }),
    z.object({ op: z.literal('deactivate'), openid: staffOpenid() }),
    z.object({ op: z.literal('reactivate'), openid: staffOpenid() }),
  ],
  { error: '操作应为 list、add、deactivate 或 reactivate' },
);

const recordTarget = { kind: oneOf('记录类别', RECORD_KINDS), recordId: id('记录编号'), reason: reason() };

const batchesInput = z.object({
  kind: oneOf('表格类别', IMPORT_KINDS).optional(),
  status: oneOf('批次状态', ['running', 'done', 'failed', 'withdrawn']).optional(),
  ...page,
});

const correctTotalsInput = z.object({
  totalsId: id('记录编号'),
  reason: reason(),
  asOf: date('统计日期').optional(),
  marketEntities: count('市场主体总量').optional(),
  xinyidaiRegistered: count('入驻信易贷平台企业数').optional(),
});

// ---------------------------------------------------------------------------------------------
// What the city enters for the 通报, and the 考核

const enteredCount = (label: string) =>
  z.coerce
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(1_000_000, { error: `${label}超出合理范围` });

const bulletinInputsInput = z.object({
  asOf: date('录入日期').optional(),
  officialCommitments: enteredCount('公职人员承诺份数'),
  coverageBase: enteredCount('应作出承诺的单位总数').min(1, { error: '应作出承诺的单位总数至少为1' }),
  disclosurePercent: z.coerce
    .number({ error: '公开公示率应为数字' })
    .min(0, { error: '公开公示率不能为负数' })
    .max(100, { error: '公开公示率不能超过100' })
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { error: '公开公示率最多保留两位小数' }),
});

const departmentProgressInput = z.object({
  asOf: date('录入日期').optional(),
  departments: z
    .array(
      z.object({
        departmentId: z.enum(DEPARTMENT_IDS, { error: '部门不在行管部门名单中' }),
        policyDocument: z.boolean({ error: '是否制定推进落实文件应为是或否' }),
        dynamics: z.boolean({ error: '是否报送工作动态应为是或否' }),
      }),
      { error: '请逐个部门填写推进情况' },
    )
    .max(DEPARTMENT_IDS.length, { error: '部门数量超出名单' })
    .refine((l) => new Set(l.map((d) => d.departmentId)).size === l.length, { error: '同一部门只能填写一次' }),
});

/** The year defaults to this year, and may not be later (the action checks that: the schema has no clock). */
const kaoheInput = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2020, { error: '年度不能早于2020年' }).optional(),
});

export interface KaoheAnswer {
  year: number;
  asOf: string;
  codesFrom: 'snapshot' | 'live';
  /** The imported tables the scores rest on. */
  tables: { publicity: string[]; monthlyReport: string[]; govCommitment: string | null };
  districts: UnitScore[];
  departments: UnitScore[];
}

export const staffOfficeContract = {
  /** The review queue (applications, or commitments with `kind: 'commitment'`) in the caller's scope. */
  applications: action<Wire<QueueAnswer>>()(queueInput),
  reviewApplication: action<Wire<ReviewApplicationAnswer>>()(reviewApplicationInput),
  reviewCommitment: action<Wire<{ commitment: CommitmentDoc }>>()(
    z.intersection(z.object({ commitmentId: id('承诺编号') }), decisionInput),
  ),
  /** 赋码率 and 信易贷 share of every district as of a day (default today), ranked. */
  districtStats: action<Wire<DistrictStatsAnswer>>()(z.object({ asOf: date('统计日期').optional() })),
  statsHistory: action<StatsHistoryAnswer>()(
    z.object({
      days: z.coerce
        .number({ error: '天数应为数字' })
        .int()
        .min(2, { error: '天数至少为2' })
        .max(366, { error: '天数最多为366' })
        .default(90),
      districtCode: districtCode().optional(),
    }),
  ),
  /** The 通报: the ranking sentence and table, and the whole report as of a cut-off date, or what it still needs. */
  bulletin: action<Wire<BulletinAnswer>>()(reportOptionsSchema),
  codes: action<Wire<{ total: number; items: CodeListItem[] }>>()(codesInput),
  suspendCode: action<CodeChangeAnswer>()(codeChangeInput),
  reinstateCode: action<CodeChangeAnswer>()(codeChangeInput),
  revokeCode: action<CodeChangeAnswer>()(codeChangeInput),
  /** City admins only: list, add, deactivate or reactivate staff. */
  staffMembers: action<Wire<{ members: StaffDoc[] } | { member: StaffDoc }>>()(membersInput),
  withdrawRecord: action<Wire<{ record: StoredRecord }>>()(z.object(recordTarget)),
  correctRecord: action<Wire<{ record: StoredRecord }>>()(
    z.object({
      ...recordTarget,
      /** The fields to change; the corrected record is validated by its form's schema. */
      changes: z
        .record(z.string().max(40), z.unknown(), { error: '请填写要更正的内容' })
        .refine((c) => Object.keys(c).length <= 20, { error: '更正内容过多' }),
    }),
  ),
  /** Import batches: the caller's own (the city: all), newest first. */
  batches: action<Wire<{ total: number; items: ImportBatchDoc[]; mayChooseDepartment: boolean }>>()(batchesInput),
  withdrawBatch: action<{ batchId: string; withdrawn: number }>()(z.object({ batchId: id('批次编号'), reason: reason() })),
  /** City admins only: withdraw a wrong district-totals row, with a corrected one in its place when values are given. */
  correctTotals: action<{ withdrawnId: string; correctedId?: string }>()(correctTotalsInput),
  setBulletinInputs: action<Wire<BulletinInputsDoc>>()(bulletinInputsInput),
  setDepartmentProgress: action<Wire<DepartmentProgressDoc>>()(departmentProgressInput),
  kaohe: action<KaoheAnswer>()(kaoheInput),
  /** 生码: codes for a batch of imported records or a list of USCCs. */
  issueCodes: action<Wire<IssueResult>>()(issueCodesInput),
} satisfies Contract;
