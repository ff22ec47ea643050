/** The `public` function's contract: anyone who scanned or searched; no sign-in needed. */
import * as z from 'zod';
import { cloudFileEnv } from '../file-ref';
import { PUBLIC_RECORD_KINDS, type PublicProfile, type PublicRecord, type PublicRecordKind } from '../profile';
import type { PublicVerdict, VerifyResult } from '../public-status';
import type { InspectionResult } from '../reach';
import type { CodeRef } from '../scan';
import { oneOf, optionalText, uscc } from '../schemas/common';
import { codeRef, legacyScan } from '../schemas/scan';
import { MAX_REPORT_PHOTOS, normaliseTrackingNo, TRACKING_ALPHABET, TRACKING_LENGTH, type ReportStatus } from '../supervision';
import { REPORT_REASONS, type ReportReason, type VerdictTone } from '../verify';
import { action, type Contract } from './define';
import { myMessagesSpec } from './messages';

/** Search reads at most this many candidates, whatever the keyword (server/public/search.ts). */
export const SEARCH_WINDOW = 200;
/** The shortest keyword search takes (after trimming, and again after normalising the name). */
export const SEARCH_MIN = 2;
const SEARCH_MAX = 50;
/** How deep 查看全部 pages: beyond this, the department's own register is the place to look. */
export const MAX_RECORDS_OFFSET = 1000;

const page = (max: number, maxError?: string) => ({
  offset: z.coerce
    .number({ error: '分页参数不正确' })
    .int()
    .min(0)
    .max(max, maxError === undefined ? undefined : { error: maxError })
    .default(0),
  limit: z.coerce.number({ error: '分页参数不正确' }).int().min(1).max(50).default(20),
});

const VERIFY_MISSING = '请提供要核验的诚信码';
const verifyTarget = z
  .object({ code: codeRef().optional(), uscc: uscc().optional() }, { error: VERIFY_MISSING })
  .refine((v) => v.code !== undefined || v.uscc !== undefined, { error: VERIFY_MISSING });

/**
 * What to verify: a scan in its parsed form (core/scan.ts), or an entity found by search. Older
 * builds still send the raw scan (`codeId`, `url`, `q`, `scene`, `version`); legacyScan reads those
 * into `{ code }` before the schema judges them. The preprocess stays in this one schema (so the
 * function parses once, whoever calls), and its parameter is typed as what today's callers send:
 * zod takes a preprocess's input type from that parameter, so `call('public', 'verifyCode', …)` is
 * checked against `{ code?: CodeRef; uscc?: string }` while any old event still reaches legacyScan.
 */
const verifyInput = z.preprocess((event: VerifyTarget) => legacyScan(event), verifyTarget);
export type VerifyTarget = { code: CodeRef } | { uscc: string };

/** One entity found by search. */
export interface SearchItem {
  uscc: string;
  name: string;
  categoryName: string;
  districtName: string;
  field: string;
}

export interface SearchAnswer {
  /** Matches among the candidates read. */
  total: number;
  items: SearchItem[];
  /** The window was full: there may be more than `total` (the page asks for a longer name). */
  capped: boolean;
  /** True when there may be more matches than shown. */
  more: boolean;
}

/** An entity's public page: its code's verdict in words, and its profile. */
export interface ProfileAnswer {
  codeStatus: { verdict: PublicVerdict; label: string; tone: VerdictTone };
  profile: PublicProfile;
}

/** What a reporter, or anyone holding the 受理编号, may see of a report: never who reported or the photos. */
export interface ReportProgress {
  trackingNo: string;
  reason: ReportReason;
  entityName: string;
  status: ReportStatus;
  statusText: string;
  outcome: string;
  /** ISO times. */
  createdAt: string;
  handledAt: string | null;
  history: { at: string; status: ReportStatus; statusText: string; outcome: string }[];
}

/** 查看全部: one page of one kind of records, newest first; `more`: another page exists. */
export interface RecordsPage {
  kind: PublicRecordKind;
  offset: number;
  items: PublicRecord[];
  more: boolean;
}

export interface StreetPage {
  name: string;
  districtCode: string;
  districtName: string;
  coverage: { coded: number; total: number; percent: string };
  /** Coded members only: uncoded ones are counted in `coverage`, never named. */
  entities: { name: string; address: string; status: string }[];
}

const PHOTO_ERROR = '举报照片应为本小程序上传的图片';
const photoRef = z
  .string({ error: PHOTO_ERROR })
  .max(400, { error: PHOTO_ERROR })
  .refine((v) => v.startsWith('cloud://') && cloudFileEnv(v) !== undefined, { error: PHOTO_ERROR });

export const publicContract = {
  /** What a scan (or an entity found by search) means, live. */
  verifyCode: action<VerifyResult>()(verifyInput),
  /** The public side of an entity, by USCC. */
  profile: action<ProfileAnswer>()(z.object({ uscc: uscc() })),
  /** Entities by USCC or by a fragment of the name. */
  search: action<SearchAnswer>()(
    z.object({
      keyword: z
        .string({ error: '请输入名称或统一社会信用代码' })
        .transform((s) => s.trim())
        .pipe(
          z
            .string()
            .min(SEARCH_MIN, { error: `请至少输入${SEARCH_MIN}个字` })
            .max(SEARCH_MAX, { error: `搜索内容不能超过${SEARCH_MAX}个字` }),
        ),
      ...page(SEARCH_WINDOW),
    }),
  ),
  /** 举报: a WeChat user flags a suspicious code or entity. */
  report: action<{ reportId: string; trackingNo: string }>()(
    z.object({
      /** The scan being reported, in the verify page's parsed form; kept as evidence even when it is no code of ours. */
      code: codeRef().optional(),
      /** Older clients sent the scanned text; it is read into the same form. */
      scanned: optionalText('被举报的诚信码', 300),
      /** The entity picked by searching its name. */
      uscc: z.preprocess((v) => (v === '' || v === null ? undefined : v), uscc().optional()),
      reason: oneOf('举报原因', REPORT_REASONS),
      detail: optionalText('情况说明', 500),
      photos: z
        .array(photoRef, { error: '举报照片格式不正确' })
        .max(MAX_REPORT_PHOTOS, { error: `举报照片最多${MAX_REPORT_PHOTOS}张` })
        .default([]),
    }),
  ),
  /** A report's progress by its 受理编号. */
  reportStatus: action<ReportProgress>()(
    z.object({
      trackingNo: z
        .string({ error: '请输入受理编号' })
        .max(40, { error: '受理编号不正确' })
        .transform(normaliseTrackingNo)
        .refine((v) => v.length === TRACKING_LENGTH && [...v].every((c) => TRACKING_ALPHABET.includes(c)), { error: '受理编号不正确' }),
    }),
  ),
  /** The caller's own reports (我的举报). */
  myReports: action<{ items: (ReportProgress & { reportId: string })[] }>()(z.object({})),
  myMessages: myMessagesSpec,
  /** The inspections their departments published; public fields only (no note, no photos). */
  inspections: action<{ items: { date: string; result: InspectionResult; department: string }[] }>()(z.object({ uscc: uscc() })),
  /** A 诚信示范街's public page. */
  street: action<StreetPage>()(
    z.object({ streetId: z.string({ error: '示范街编号为必填项' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '示范街编号格式不正确' }) }),
  ),
  /** 查看全部: one kind of an entity's public records, newest first, a page at a time. */
  records: action<RecordsPage>()(
    z.object({
      uscc: uscc(),
      kind: oneOf('信息类别', PUBLIC_RECORD_KINDS),
      ...page(MAX_RECORDS_OFFSET, `最多查看前${MAX_RECORDS_OFFSET}条`),
    }),
  ),
  /** The verify page tells that a known code was checked (no identity is stored). */
  countScan: action<{ counted: boolean }>()(z.object({ code: codeRef() })),
} satisfies Contract;
