/**
 * The `merchant` function's contract: a signed-in WeChat user acting for an entity. Who acts is the
 * caller's openid from the WeChat context, never anything in the payload; a USCC in the payload only
 * picks one of the caller's own entities (server/merchant/ownership.ts).
 */
import * as z from 'zod';
import { applicationSchema } from '../schemas/application';
import { oneOf, text, uscc } from '../schemas/common';
import { commitmentSchema } from '../schemas/forms';
import type { ApplicationStatusKey } from '../entitlement';
import type { EntityCategory } from '../fields';
import { POSTER_SIZES, type CommitmentStatus, type PosterSize } from '../options';
import type { ObjectionView } from '../supervision';
import { OBJECTION_TARGETS, type CodeStatus, type ObjectionTarget } from '../verify';
import { action, type Contract } from './define';
import { myMessagesSpec } from './messages';

/** No payload. */
const none = z.object({});

/** One of the caller's entities by USCC; left out, their first one. */
const entityRef = z.object({
  uscc: z.preprocess((v) => (v === '' || v === null ? undefined : v), uscc().optional()),
});

const TARGET_KEYS = Object.keys(OBJECTION_TARGETS) as [ObjectionTarget, ...ObjectionTarget[]];

const objectionInput = z.object({
  uscc: uscc(),
  target: oneOf('异议对象', TARGET_KEYS),
  /** The disputed record; not needed for the entity's own data. */
  recordId: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.string({ error: '记录编号应为文本' }).max(64, { error: '记录编号不正确' }).optional(),
  ),
  content: text('异议内容', 1000),
});

const applicationRef = z.object({
  applicationId: z.string({ error: '申请编号为必填项' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '申请编号格式不正确' }),
});

const claimInput = z.object({
  uscc: uscc(),
  claimCode: z
    .string({ error: '请输入认领码' })
    .max(32, { error: '认领码不正确' })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, { error: '请输入认领码' })),
});

const posterInput = entityRef.extend({ size: oneOf('海报尺寸', POSTER_SIZES) });

// ---- answers (dates cross the wire as ISO strings)

export interface AppliedData {
  applicationId: string;
  status: 'pending';
  uscc: string;
  districtCode: string;
  districtName: string;
  /** What the checks mean for this application (e.g. a takeover needs the district's confirmation). */
  notes: string[];
}

export interface MyEntity {
  uscc: string;
  name: string;
  categoryName: string;
  districtCode: string;
  districtName: string;
  field: string;
  address: string;
  code: { status: CodeStatus; version: number } | null;
}

/** An application as my-entities lists it beside the entities. */
export interface MyApplication {
  id: string;
  uscc: string;
  entityName: string;
  districtName: string;
  status: ApplicationStatusKey;
  decisionReason: string;
  createdAt: string;
}

export interface MyEntitiesData {
  entities: MyEntity[];
  applications: MyApplication[];
}

/** The image of an integrity code (server/qr.ts). */
export interface CodeImage {
  readonly kind: 'wxacode' | 'qr';
  /** data:image/png;base64,… — the page shows it with <image src> and can save it. */
  readonly dataUrl: string;
}

interface MyCodeBase {
  codeId: string;
  version: number;
  issuedAt: string;
  entityName: string;
  uscc: string;
}

/** A valid code: its URL and an image to print or share. */
export interface MyActiveCode extends MyCodeBase {
  status: 'active';
  codeUrl: string;
  image: CodeImage;
}

/** A suspended or revoked code: since when, why (category and text), what to do next; nothing to print. */
export interface MyInactiveCode extends MyCodeBase {
  status: 'suspended' | 'revoked';
  changedAt: string | null;
  reasonCategory: string;
  reasonCategoryText: string;
  reason: string;
  nextSteps: readonly string[];
}

export type MyCodeData = MyActiveCode | MyInactiveCode;

export interface MyCommitment {
  id: string;
  commitmentType: string;
  commitmentArea: string;
  field: string;
  reason: string;
  content: string;
  liability: string;
  committedOn: string;
  publicity: string;
  status: CommitmentStatus;
  statusText: string;
  decisionReason: string;
  /** Imported by a department, or submitted here. */
  sourceKind: 'self' | 'import';
}

export interface MyCommitmentsData {
  uscc: string;
  entityName: string;
  items: MyCommitment[];
}

/** What was filed: the apply page fills the form with it to apply again. */
export interface FiledApplicationForm {
  uscc: string;
  entityName: string;
  category: EntityCategory;
  /** The district the applicant chose ('' when it was not theirs to choose). */
  districtCode: string;
  address: string;
  field: string;
  contactName: string;
  contactPhone: string;
  legalRepName: string;
  storefrontPhoto: string;
  licencePhoto: string;
}

export interface MyApplicationItem {
  id: string;
  status: ApplicationStatusKey;
  statusText: string;
  decisionReason: string;
  notes: string[];
  createdAt: string;
  reviewedAt?: string;
  districtName: string;
  form: FiledApplicationForm;
}

export interface ClaimResult {
  uscc: string;
  entityName: string;
  /** True when the caller had already claimed it (a second tap). */
  alreadyClaimed: boolean;
  code: { codeId: string; version: number; status: CodeStatus } | null;
}

export interface PosterFileData {
  size: PosterSize;
  fileName: string;
  bytes: number;
  fileBase64: string;
}

/** Checks of an entity's codes per day over the last 30 days, oldest first. */
export interface ScanDays {
  days: Array<{ day: string; n: number }>;
  total: number;
}

export interface ScanStatsData extends ScanDays {
  uscc: string;
}

export const merchantContract = {
  applyCode: action<AppliedData>()(applicationSchema),
  myEntities: action<MyEntitiesData>()(none),
  myCode: action<MyCodeData>()(entityRef),
  submitCommitment: action<{ commitmentId: string; status: 'pending' }>()(commitmentSchema),
  myCommitments: action<MyCommitmentsData>()(entityRef),
  submitObjection: action<{ objectionId: string; status: 'open'; dueOn: string }>()(objectionInput),
  withdrawApplication: action<{ applicationId: string; status: 'withdrawn' }>()(applicationRef),
  myApplications: action<{ total: number; items: MyApplicationItem[] }>()(none),
  claimCode: action<ClaimResult>()(claimInput),
  myObjections: action<{ items: ObjectionView[] }>()(none),
  posterFile: action<PosterFileData>()(posterInput),
  scanStats: action<ScanStatsData>()(entityRef),
  myMessages: myMessagesSpec,
} satisfies Contract;
