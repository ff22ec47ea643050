/**
 * 举报: a WeChat user flags a suspicious code or entity; staff of the entity's district (and field)
 * handle it, and the reporter follows it by its 受理编号 (trackingNo) or in 我的举报. A report about
 * a code that is not ours (forged, unknown) and names no entity goes to the city; one that names an
 * entity goes to that entity's district, and a forged-code report is flagged on its dashboard.
 *
 * Private: the reporter's openid and the evidence photos reach staff only; reportStatus shows
 * status and outcome to anyone holding the number, never who reported or the photos.
 */
import { randomInt } from 'node:crypto';
import {
  cloudFileEnv,
  codeRefFromText,
  codeRefText,
  DAILY_LIMITS,
  DomainError,
  formatTrackingNo,
  isCodeIdShape,
  nameSearchKeys,
  REPORT_STATUSES,
  TRACKING_ALPHABET,
  TRACKING_LENGTH,
  type CodeRef,
  type ReportReason,
  type ReportStatus,
} from '../../core';
import type { OutputOf, ParsedOf } from '../../core/contract';
import type { publicContract, ReportProgress } from '../../core/contract/public';
import type { ActionContext } from '../handler';
import { currentEnv } from '../cloud';
import { fetchAll, fetchById, fetchOne, wireTime } from '../db';
import { isDuplicateKeyError } from '../db-errors';
import { districtOfUscc } from '../entity-district';
import { takeDailyQuota } from '../limits';
import { COLLECTIONS, type CodeDoc, type EntityDoc, type RegisterDoc } from '../model';
import { findLiveCode } from '../codes';

export interface ReportHistoryEntry {
  at: Date;
  status: ReportStatus;
  outcome: string;
  by: string;
}

export interface ReportDoc {
  _id: string;
  /** 受理编号, unique (normalised: no prefix, no dashes). */
  trackingNo: string;
  reason: ReportReason;
  detail?: string;
  scanned?: string;
  codeId?: string;
  uscc?: string;
  entityName?: string;
  /** Bigrams of entityName for the staff list's name search (core/search-keys.ts). */
  nameKeys?: string[];
  /** Whose it is: the entity's district and field, or the city (no district). */
  districtCode?: string;
  field?: string;
  /** Scanned text that is not one of our live codes: a forged or unknown code. */
  forged: boolean;
  /** Private evidence (cloud fileIDs of this environment); staff only. */
  photos: string[];
  /** Private. */
  reporterOpenid: string;
  status: ReportStatus;
  outcome?: string;
  handledAt?: Date;
  history: ReportHistoryEntry[];
  createdAt: Date;
}

function newTrackingNo(): string {
  let s = '';
  for (let i = 0; i < TRACKING_LENGTH; i++) s += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return s;
}

const tooMany = () => new DomainError('TOO_MANY_REPORTS', '您今天提交的举报较多，请明天再试；紧急情况请拨打12345');

/** The 名录 name of a USCC with no entity yet. */
async function registerName(db: ActionContext['db'], code: string): Promise<string | undefined> {
  const r = await fetchOne<Pick<RegisterDoc, 'name'>>(
    db.collection(COLLECTIONS.register).where({ uscc: code }).field({ name: true }).limit(1),
  );
  return r?.name;
}

export async function report(
  input: ParsedOf<typeof publicContract.report>,
  { caller, db, now }: ActionContext,
): Promise<OutputOf<typeof publicContract.report>> {
  if (caller.openid === '') throw new DomainError('UNAUTHENTICATED', '请在微信中打开后再举报');
  const ref: CodeRef | undefined = input.code ?? (input.scanned !== undefined ? codeRefFromText(input.scanned) : undefined);
  if (ref === undefined && input.uscc === undefined) {
    throw new DomainError('INVALID_INPUT', '请说明举报的是哪个诚信码或哪个市场主体');
  }
  const env = currentEnv();
  const foreign = input.photos.find((p) => cloudFileEnv(p) !== env);
  if (foreign !== undefined) {
    const message = '举报照片应为本小程序上传的图片，请重新选择照片';
    throw new DomainError('INVALID_INPUT', message, { issues: [{ field: 'photos', message }] });
  }

  let code: CodeDoc | undefined;
  if (ref !== undefined && isCodeIdShape(ref.id)) {
    code = await fetchById<CodeDoc>(db.collection(COLLECTIONS.codes).doc(ref.id));
  }
  const forged = ref !== undefined && code === undefined;
  const entityUscc = code?.uscc ?? input.uscc;
  const entity = entityUscc
    ? await fetchOne<Pick<EntityDoc, '_id' | 'name' | 'field'>>(
        db.collection(COLLECTIONS.entities).where({ uscc: entityUscc }).field({ name: true, field: true }).limit(1),
      )
    : undefined;
  // A shop picked by name: its live code is what staff may suspend (a forged scan keeps none).
  if (!code && !forged && entity) code = await findLiveCode(db, entity._id);
  const district = code ? { districtCode: code.districtCode } : entityUscc ? await districtOfUscc(db, entityUscc) : undefined;
  const entityName = entity?.name ?? (entityUscc ? await registerName(db, entityUscc) : undefined);
  const field = code?.field ?? entity?.field;

  await takeDailyQuota(db, 'report', caller.openid, DAILY_LIMITS.report, now, tooMany);

  const base: Omit<ReportDoc, '_id' | 'trackingNo'> = {
    reason: input.reason,
    ...(input.detail ? { detail: input.detail } : {}),
    // What the person scanned, as text staff can read: the code with its version, or the forged text.
    ...(ref ? { scanned: input.code ? codeRefText(ref) : input.scanned! } : {}),
    ...(code ? { codeId: code._id } : {}),
    ...(entityUscc ? { uscc: entityUscc } : {}),
    ...(entityName ? { entityName, nameKeys: nameSearchKeys(entityName) } : {}),
    ...(district ? { districtCode: district.districtCode } : {}),
    ...(field ? { field } : {}),
    forged,
    photos: input.photos,
    reporterOpenid: caller.openid,
    status: 'open',
    history: [],
    createdAt: now,
  };
  for (let attempt = 0; ; attempt++) {
    const trackingNo = newTrackingNo();
    try {
      const res = (await db.collection(COLLECTIONS.reports).add({ data: { ...base, trackingNo } })) as { _id: string };
      return { reportId: res._id, trackingNo: formatTrackingNo(trackingNo) };
    } catch (e) {
      if (!isDuplicateKeyError(e) || attempt >= 4) throw e;
    }
  }
}

/** What a reporter (or anyone holding the number) may see of a report. */
function publicView(r: ReportDoc): ReportProgress {
  return {
    trackingNo: formatTrackingNo(r.trackingNo),
    reason: r.reason,
    entityName: r.entityName ?? '',
    status: r.status,
    statusText: REPORT_STATUSES[r.status],
    outcome: r.outcome ?? '',
    createdAt: wireTime(r.createdAt),
    handledAt: r.handledAt ? wireTime(r.handledAt) : null,
    history: (r.history ?? []).map((h) => ({
      at: wireTime(h.at),
      status: h.status,
      statusText: REPORT_STATUSES[h.status],
      outcome: h.outcome,
    })),
  };
}

export async function reportStatus(
  { trackingNo }: ParsedOf<typeof publicContract.reportStatus>,
  { db }: ActionContext,
): Promise<ReportProgress> {
  const r = await fetchOne<ReportDoc>(db.collection(COLLECTIONS.reports).where({ trackingNo }).limit(1));
  if (!r) throw new DomainError('NOT_FOUND', '未找到该受理编号的举报，请核对后重试');
  return publicView(r);
}

export async function myReports(
  _input: ParsedOf<typeof publicContract.myReports>,
  { caller, db }: ActionContext,
): Promise<OutputOf<typeof publicContract.myReports>> {
  if (caller.openid === '') throw new DomainError('UNAUTHENTICATED', '请在微信中打开后再查看');
  const list = await fetchAll<ReportDoc>(
    db.collection(COLLECTIONS.reports).where({ reporterOpenid: caller.openid }).orderBy('createdAt', 'desc').limit(100),
  );
  return { items: list.map((r) => ({ reportId: r._id, ...publicView(r) })) };
}
