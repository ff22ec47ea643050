/**
 * Blank 填报表 templates in the office's own layout: the title, the official header row (only the
 * 主动承诺信息表 marks required columns with '*'), the office's example row (starts with 例：, skipped
 * on import), plus a sheet explaining each column's allowed values.
 */
import {
  COMMITMENT_AREAS,
  COMMITMENT_TYPES,
  DISTRICTS,
  FIELDS,
  FORMS,
  PROMISER_CATEGORIES,
  PUBLICITY_TYPES,
  columnHeader,
} from '../../core';
import type { OutputOf, ParsedOf } from '../../core/contract';
import type { staffFilesContract } from '../../core/contract/staff-files';
import { templateHeaders } from '../../core/import-layouts';
import { writeWorkbook } from './xlsx';

const DATE_HINT = '日期，如 2022/7/22、2022-07-22 或 2022年7月22日';

/** What a person may type in each column, keyed by schema field. */
const HINTS: Readonly<Record<string, string>> = {
  promiserCategory: PROMISER_CATEGORIES.join('、'),
  promiserCode: '18位统一社会信用代码',
  uscc: '18位统一社会信用代码',
  commitmentType: COMMITMENT_TYPES.join('、'),
  commitmentArea: `承诺书的种类，如${COMMITMENT_AREAS.join('、')}`,
  field: `（可选，附加列）行业领域：${FIELDS.join('、')}；不填时按导入部门确定`,
  publicity: PUBLICITY_TYPES.join('、'),
  issuer: '作出认定的部门，如税务局',
  basis: '认定依据，如纳税信用等级评价方案',
  provider: '提供该信息的公司或部门；不填视为主体自愿申报（公示为“自愿注册·未核验”）',
  districtCode: DISTRICTS.map((d) => `${d.code}（${d.name}）`).join('、'),
  marketEntities: '整数',
  xinyidaiRegistered: '整数，不大于市场主体总量',
  committedOn: DATE_HINT,
  collectedOn: DATE_HINT,
  asOf: DATE_HINT,
  validUntil: DATE_HINT,
};

/** Staff only (defineStaffActions); any staff member may download any template. */
export async function importTemplate({
  kind,
}: ParsedOf<typeof staffFilesContract.importTemplate>): Promise<OutputOf<typeof staffFilesContract.importTemplate>> {
  const form = FORMS[kind];
  const headers = templateHeaders(kind);
  const rows: unknown[][] = [[form.title], headers];
  if (form.example) rows.push([...form.example]);
  const file = await writeWorkbook([
    { name: form.title, rows, boldRows: [1, 2], columnWidths: headers.map((h) => Math.max(16, h.length * 2 + 6)) },
    {
      name: '填写说明',
      rows: [
        ['列名', '是否必填', '填写要求'],
        ...form.columns.map((c) => [
          c.official ? columnHeader(c) : `${c.label}（附加列）`,
          c.required ? '必填' : '选填',
          HINTS[c.key] ?? '文本',
        ]),
        [],
        [
          form.example
            ? '请勿修改表头；以“例：”开头的一行是示例，导入时自动跳过，可保留或删除；从示例下一行起每行填写一条记录。'
            : '带 * 的列为必填；请勿修改表头；从第3行起每行填写一条记录。',
        ],
        ...(kind === 'commitment' ? [['可在最后附加一列“行业领域”（选填），用于确定承诺所属的行管部门。']] : []),
      ],
      boldRows: [1],
      columnWidths: [24, 10, 80],
    },
  ]);
  return { fileName: `${form.title}（模板）.xlsx`, fileBase64: file.toString('base64') };
}
