/** exportBulletin: the 通报's 附件 table as xlsx (base64) for the mini-program to save and open. */
import type { OutputOf, ParsedOf } from '../../core/contract';
import type { staffFilesContract } from '../../core/contract/staff-files';
import { chineseDate } from '../../core/rates';
import { buildBulletin } from './bulletin';
import type { StaffContext } from './define-staff-actions';
import { writeWorkbook } from './xlsx';

export async function exportBulletin(
  _input: ParsedOf<typeof staffFilesContract.exportBulletin>,
  ctx: StaffContext,
): Promise<OutputOf<typeof staffFilesContract.exportBulletin>> {
  const b = await buildBulletin(ctx);
  const title = `各县（区）“码上诚信”赋码及入驻“信易贷”平台情况（截至${chineseDate(b.asOf)}）`;
  const num = (p: string) => (p === '' ? null : Number(p));
  const file = await writeWorkbook([
    {
      name: '附件',
      rows: [
        ['附件'],
        [title],
        b.headers,
        ...b.rows.map((r) => [r.index === '' ? null : r.index, r.name, num(r.xinyidaiPercent), num(r.codeRatePercent)]),
        [],
        [b.sentence],
      ],
      boldRows: [1, 2, 3],
      columnWidths: [8, 16, 40, 40],
      numberFormats: { 3: '0.00', 4: '0.00' },
    },
  ]);
  return { fileName: `码上诚信通报附件-${b.asOf}.xlsx`, fileBase64: file.toString('base64'), asOf: b.asOf, sentence: b.sentence };
}
