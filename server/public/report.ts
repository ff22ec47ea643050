/** report: anyone (signed in or not) flags a suspicious code or entity for staff. */
import * as z from 'zod';
import { DomainError, isCodeIdShape, oneOf, optionalText, parseCodeUrl, parseOrThrow, REPORT_REASONS, uscc, type ReportReason } from '../../core';
import type { ActionContext } from '../handler';
import { fetchById } from '../db';
import { COLLECTIONS, type CodeDoc } from '../model';
import { codeUrlPrefix } from '../code-url';

const reportSchema = z.object({
  /** What was scanned or typed, kept as evidence even when it is not a real code (forgeries). */
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

export async function report(payload: Record<string, unknown>, { caller, db, now }: ActionContext) {
  const input = parseOrThrow(reportSchema, payload);
  if (input.scanned === undefined && input.uscc === undefined) {
    throw new DomainError('INVALID_INPUT', '请说明举报的是哪个诚信码或哪个市场主体');
  }
  let codeId: string | undefined;
  let entityUscc = input.uscc;
  if (input.scanned !== undefined) {
    const parsed = parseCodeUrl(codeUrlPrefix(), input.scanned);
    if (parsed && isCodeIdShape(parsed.id)) {
      const code = await fetchById<CodeDoc>(db.collection(COLLECTIONS.codes).doc(parsed.id));
      if (code) {
        codeId = code._id;
        entityUscc ??= code.uscc;
      }
    }
  }
  const doc: Omit<ReportDoc, '_id'> = {
    reason: input.reason,
    ...(input.detail ? { detail: input.detail } : {}),
    ...(input.scanned ? { scanned: input.scanned } : {}),
    ...(codeId ? { codeId } : {}),
    ...(entityUscc ? { uscc: entityUscc } : {}),
    reporterOpenid: caller.openid,
    status: 'open',
    createdAt: now,
  };
  const res = (await db.collection(COLLECTIONS.reports).add({ data: doc })) as { _id: string };
  return { reportId: res._id };
}
