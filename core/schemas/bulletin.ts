/** Inputs of the 通报: its period options (staff.bulletin, staffDocs.exportReport) and the month of a table. */
import * as z from 'zod';
import { date } from './common';

/** A calendar month as YYYY-MM (附件4 工作动态, the report's month). */
export function month() {
  return z.string({ error: '月份应为文本，如 2022-05' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应如 2022-05' });
}

/** Which period the whole 通报 covers: every option defaults to the latest stored. */
export const reportOptionsSchema = z
  .object({
    cutoff: date('截至日期').optional(),
    publicityFrom: date('“双公示”统计起始日期').optional(),
    publicityTo: date('“双公示”统计截止日期').optional(),
    month: month().optional(),
  })
  .refine((v) => (v.publicityFrom === undefined) === (v.publicityTo === undefined), {
    error: '“双公示”统计期间请同时填写起止日期',
    path: ['publicityFrom'],
  });
export type ReportOptions = z.output<typeof reportOptionsSchema>;
