/** Blank 填报表 templates: the official header row, plus a sheet explaining each column's allowed values. */
import * as z from 'zod';
import {
  COMMITMENT_TYPES,
  DISTRICTS,
  FIELDS,
  FORMS,
  HONOUR_TYPES,
  OTHER_INFO_TYPES,
  parseOrThrow,
  PROMISER_CATEGORIES,
  PUBLICITY_TYPES,
  REGISTRATION_TYPES,
  columnHeader,
} from '../../core';
import { IMPORT_KINDS } from '../../core/import-layouts';
import type { ActionContext } from '../handler';
import { loadStaff } from './roles';
import { writeWorkbook } from './xlsx';

const DATE_HINT = '日期，如 2022-05-25';

/** What a person may type in each column, keyed by schema field. */
const HINTS: Readonly<Record<string, string>> = {
  promiserCategory: PROMISER_CATEGORIES.join('、'),
  promiserCode: '18位统一社会信用代码',
  uscc: '18位统一社会信用代码',
  commitmentType: COMMITMENT_TYPES.join('、'),
  field: FIELDS.join('、'),
  publicity: PUBLICITY_TYPES.join('、'),
  honourType: HONOUR_TYPES.join('、'),
  itemType: REGISTRATION_TYPES.join('、'),
  infoType: OTHER_INFO_TYPES.join('、'),
  districtCode: DISTRICTS.map((d) => `${d.code}（${d.name}）`).join('、'),
  marketEntities: '整数',
  xinyidaiRegistered: '整数，不大于市场主体总量',
  committedOn: DATE_HINT,
  awardedOn: DATE_HINT,
  registeredOn: DATE_HINT,
  obtainedOn: DATE_HINT,
  asOf: DATE_HINT,
  validUntil: DATE_HINT,
};

const templateInput = z.object({ kind: z.enum(IMPORT_KINDS, { error: `表格类别应为以下之一：${IMPORT_KINDS.join('、')}` }) });

export async function importTemplate(payload: Record<string, unknown>, { caller, db }: ActionContext) {
  await loadStaff(db, caller.openid);
  const { kind } = parseOrThrow(templateInput, payload);
  const form = FORMS[kind];
  const headers = form.columns.map(columnHeader);
  const file = await writeWorkbook([
    { name: form.title, rows: [[form.title], headers], boldRows: [1, 2], columnWidths: headers.map((h) => Math.max(14, h.length * 2 + 4)) },
    {
      name: '填写说明',
      rows: [
        ['列名', '是否必填', '填写要求'],
        ...form.columns.map((c) => [columnHeader(c), c.required ? '必填' : '选填', HINTS[c.key] ?? '文本']),
        [],
        ['带 * 的列为必填；请勿修改表头；从第3行起每行填写一条记录。'],
      ],
      boldRows: [1],
      columnWidths: [24, 10, 80],
    },
  ]);
  return { fileName: `${form.title}（模板）.xlsx`, fileBase64: file.toString('base64') };
}
