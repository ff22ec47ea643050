/** staffDocs.exportReport: the whole 通报 as .docx (base64), for the mini-program to save and open. */
import * as z from 'zod';
import { date, DomainError, ISSUING_AUTHORITY, optionalText, parseOrThrow } from '../../core';
import { chinaDate } from '../../core/rates';
import type { ActionContext } from '../handler';
import { COLLECTIONS } from '../model';
import type { DocumentFrame } from './report-docx';
import { reportOptionsSchema, requireReport } from './report';
import { auditByStaff, loadStaff, requireCity } from './roles';

/** What the office prints unless told otherwise (the 2022 通报's own lines). */
export const DEFAULT_FRAME = {
  issuer: ISSUING_AUTHORITY.name,
  mainRecipients: '各县（区）人民政府，市直各有关单位：',
  copyTo: '市委办公室，市政府办公室，市社会信用体系建设领导小组成员单位',
  printedBy: `${ISSUING_AUTHORITY.name}办公室`,
} as const;

const exportInput = z.intersection(
  reportOptionsSchema,
  z.object({
    docNo: z
      .string({ error: '文号应为文本，如 鹤环办发〔2022〕17号' })
      .trim()
      .min(1, { error: '请填写文号' })
      .max(40, { error: '文号不能超过40个字' })
      .regex(/^[\u4e00-\u9fa5]{1,12}〔\d{4}〕\d{1,4}号$/, { error: '文号格式应如 鹤环办发〔2022〕17号' }),
    issuedOn: date('成文日期').optional(),
    mainRecipients: optionalText('主送机关', 200),
    copyTo: optionalText('抄报', 200),
  }),
);

export async function exportReport(payload: Record<string, unknown>, { caller, db, now }: ActionContext) {
  const staff = await loadStaff(db, caller.openid);
  requireCity(staff);
  const input = parseOrThrow(exportInput, payload);
  const issuedOn = input.issuedOn ?? chinaDate(now);
  const state = await requireReport(db, input, now);
  if (issuedOn < state.cutoff) throw new DomainError('INVALID_INPUT', '成文日期不能早于截至日期');
  const frame: DocumentFrame = {
    ...DEFAULT_FRAME,
    docNo: input.docNo,
    issuedOn,
    ...(input.mainRecipients ? { mainRecipients: input.mainRecipients } : {}),
    ...(input.copyTo ? { copyTo: input.copyTo } : {}),
  };
  // Loaded on first use: printBatch never evaluates the 通报's document code.
  const { reportDocx } = await import('./report-docx');
  const file = await reportDocx(state.report, frame);
  await auditByStaff(db, staff, {
    at: now,
    action: 'exportReport',
    target: { collection: COLLECTIONS.bulletinTables, id: state.cutoff },
    before: null,
    after: { docNo: frame.docNo, cutoff: state.cutoff, issuedOn, used: state.used.map((u) => u.id), codesFrom: state.codesFrom },
  });
  return {
    fileName: `关于鹤岗市信用体系建设工作情况的通报-${state.cutoff}.docx`,
    fileBase64: file.toString('base64'),
    cutoff: state.cutoff,
    codesFrom: state.codesFrom,
    sections: state.report.sections,
  };
}
