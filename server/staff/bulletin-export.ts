/** exportBulletin: the 通报's 附件 table as xlsx (base64) for the mini-program to save and open. */
import { chineseDate } from '../../core/rates';
import type { ActionContext } from '../handler';
import { buildBulletin } from './bulletin';
import { loadStaff } from './roles';
import { writeWorkbook } from './xlsx';

export async function exportBulletin(_payload: Record<string, unknown>, ctx: ActionContext) {
  await loadStaff(ctx.db, ctx.caller.openid);
  const b = await buildBulletin(ctx);
  const title = `各县（区）“码上诚信”赋码及入驻“信易贷”平台情况（截至${chineseDate(b.asOf)}）`;
  const num = (p: string) => (p === '' ? null : Number(p));
  const file = await writeWorkbook([
    {
      name: '附件',
      rows: [['附件'], [title], b.headers, ...b.rows.map((r) => [r.index === '' ? null : r.index, r.name, num(r.xinyidaiPercent), num(r.codeRatePercent)]), [], [b.sentence]],
      boldRows: [1, 2, 3],
      columnWidths: [8, 16, 40, 40],
      numberFormats: { 3: '0.00', 4: '0.00' },
    },
  ]);
  return { fileName: `码上诚信通报附件-${b.asOf}.xlsx`, fileBase64: file.toString('base64'), asOf: b.asOf, sentence: b.sentence };
}
