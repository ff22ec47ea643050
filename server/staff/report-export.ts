/** staffDocs.exportReport: the whole 通报 as .docx (base64), for the mini-program to save and open. */
import { DomainError, ISSUING_AUTHORITY } from '../../core';
import type { OutputOf, ParsedOf } from '../../core/contract';
import type { staffDocsContract } from '../../core/contract/staff-docs';
import { chinaDate } from '../../core/rates';
import { COLLECTIONS } from '../model';
import type { StaffContext } from './define-staff-actions';
import type { DocumentFrame } from './report-docx';
import { requireReport } from './report';
import { auditByStaff, requireCity } from './roles';

/** What the office prints unless told otherwise (the 2022 通报's own lines). */
export const DEFAULT_FRAME = {
  issuer: ISSUING_AUTHORITY.name,
  mainRecipients: '各县（区）人民政府，市直各有关单位：',
  copyTo: '市委办公室，市政府办公室，市社会信用体系建设领导小组成员单位',
  printedBy: `${ISSUING_AUTHORITY.name}办公室`,
} as const;

export async function exportReport(
  input: ParsedOf<typeof staffDocsContract.exportReport>,
  { staff, db, now }: StaffContext,
): Promise<OutputOf<typeof staffDocsContract.exportReport>> {
  requireCity(staff);
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
