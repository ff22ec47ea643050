/** report: anyone (signed in or not) flags a suspicious code or entity for staff. */
import * as z from 'zod';
import { codeRef, codeRefFromText, codeRefText, DomainError, isCodeIdShape, oneOf, optionalText, parseOrThrow, REPORT_REASONS, uscc, type CodeRef, type ReportReason } from '../../core';
import type { ActionContext } from '../handler';
import { countOf, fetchById } from '../db';
import { COLLECTIONS, type CodeDoc } from '../model';

const reportSchema = z.object({
  /** The scan being reported, in the verify page's parsed form; kept as evidence even when it is no code of ours. */
  code: codeRef().optional(),
  /** Older clients sent the scanned text; it is read into the same form. */
  scanned: optionalText('被举报的诚信码', 300),
  uscc: z.preprocess((v) => (v === '' || v === null ? undefined : v), uscc().optional()),
  reason: oneOf('举报原因', REPORT_REASONS),
  detail: optionalText('情况说明', 500),
});

export interface ReportDoc {
  _id: string;
  reason: ReportReason;
  detail?: string;
  scanned?: string;
  codeId?: string;
  uscc?: string;
  /** Private; '' for anonymous reports. */
  reporterOpenid: string;
  status: 'open' | 'handled';
  createdAt: Date;
}

/**
 * Reports per WeChat user per day. Calls from the mini-program always carry an openid (the
 * person need not sign in to anything), so this bounds flooding without asking who they are.
 */
export const MAX_REPORTS_PER_DAY = 20;

export async function report(payload: Record<string, unknown>, { caller, db, now }: ActionContext) {
  const input = parseOrThrow(reportSchema, payload);
  const ref: CodeRef | undefined = input.code ?? (input.scanned !== undefined ? codeRefFromText(input.scanned) : undefined);
  if (ref === undefined && input.uscc === undefined) {
    throw new DomainError('INVALID_INPUT', '请说明举报的是哪个诚信码或哪个市场主体');
  }
  if (caller.openid !== '') {
    const since = new Date(now.getTime() - 24 * 3600_000);
    const recent = await countOf(db.collection(COLLECTIONS.reports).where({ reporterOpenid: caller.openid, createdAt: db.command.gte(since) }));
    if (recent >= MAX_REPORTS_PER_DAY) throw new DomainError('TOO_MANY_REPORTS', '您今天提交的举报较多，请明天再试；紧急情况请拨打12345');
  }
  let codeId: string | undefined;
  let entityUscc = input.uscc;
  if (ref !== undefined && isCodeIdShape(ref.id)) {
    const code = await fetchById<CodeDoc>(db.collection(COLLECTIONS.codes).doc(ref.id));
    if (code) {
      codeId = code._id;
      entityUscc ??= code.uscc;
    }
  }
  const doc: Omit<ReportDoc, '_id'> = {
    reason: input.reason,
    ...(input.detail ? { detail: input.detail } : {}),
    // What the person scanned, as text staff can read: the code with its version, or the forged text.
    ...(ref ? { scanned: input.code ? codeRefText(ref) : input.scanned! } : {}),
    ...(codeId ? { codeId } : {}),
    ...(entityUscc ? { uscc: entityUscc } : {}),
    reporterOpenid: caller.openid,
    status: 'open',
    createdAt: now,
  };
  const res = (await db.collection(COLLECTIONS.reports).add({ data: doc })) as { _id: string };
  return { reportId: res._id };
}
