/**
 * staffFiles.exportOutreach: the outreach list as xlsx for phone campaigns (staff only: it names
 * the 法定代表人 and the address). Same filters and scope as staff.outreach; read in pages of
 * 5,000 in natural order and written row by row with xlsx-writer.ts (exceljs's in-memory
 * workbook took 50 s and 1.4 GB for a district's 65,000 rows); bench/scenarios/outreach.ts
 * measures the time and memory of a 100,000-row district.
 */
import { districtName, DomainError } from '../../core';
import type { OutputOf, ParsedOf } from '../../core/contract';
import type { staffFilesContract } from '../../core/contract/staff-files';
import { chinaDate } from '../../core/rates';
import { COLLECTIONS } from '../model';
import type { RegisterRow } from '../reach-model';
import { liveUsccs, markRegisterCoded } from '../register-coded';
import type { StaffContext } from './define-staff-actions';
import { contactsOf, outreachItem, outreachWhere } from './outreach';
import { auditByStaff } from './roles';
import { SheetXml, xlsxOf } from './xlsx-writer';

/** The most rows one export holds (a district's register is ~100,000 rows). */
export const MAX_EXPORT_ROWS = 200_000;
/** Rows per read: an aggregation returns up to 10,000 (get() only 1,000), so skipping costs 20 reads, not 100. */
const PAGE = 5000;

export const OUTREACH_HEADERS = [
  '序号',
  '市场主体名称',
  '统一社会信用代码',
  '市场主体类型',
  '法定代表人',
  '住所（经营场所）',
  '所属县（区）',
  '成立日期',
  '登记状态',
  '最近联系结果',
  '最近联系日期',
  '联系备注',
  '联系次数',
];

export async function exportOutreach(
  input: ParsedOf<typeof staffFilesContract.exportOutreach>,
  { staff, db, now }: StaffContext,
): Promise<OutputOf<typeof staffFilesContract.exportOutreach>> {
  const where = await outreachWhere(db, staff, input);

  const sheet = new SheetXml([6, 36, 22, 16, 12, 40, 10, 12, 10, 12, 12, 30, 8]);
  sheet.addRow(OUTREACH_HEADERS, true);
  let rows = 0;
  // Keyset-free paging over natural order: each page is checked against the codes; rows found
  // coded are flagged (they drop out of the filter) and skipped, so the next skip stays aligned.
  for (let offset = 0; rows < MAX_EXPORT_ROWS;) {
    const page = (
      (await db
        .collection(COLLECTIONS.register)
        .aggregate()
        .match(where)
        .skip(offset)
        .limit(PAGE)
        .project({ uscc: 1, name: 1, entityType: 1, legalRep: 1, address: 1, districtCode: 1, foundedOn: 1, regStatus: 1 })
        .end()) as { list: RegisterRow[] }
    ).list;
    if (page.length === 0) break;
    const live = await liveUsccs(
      db,
      page.map((r) => r.uscc),
    );
    if (live.size) await markRegisterCoded(db, [...live], true);
    const keep = page.filter((r) => !live.has(r.uscc));
    const contacts = await contactsOf(
      db,
      keep.map((r) => r.uscc),
    );
    for (const r of keep) {
      const it = outreachItem(r, contacts.get(r.uscc));
      sheet.addRow([
        ++rows,
        it.name,
        it.uscc,
        it.entityType,
        it.legalRep,
        it.address,
        districtName(it.districtCode) ?? it.districtCode,
        it.foundedOn,
        it.regStatus,
        it.lastContact?.result ?? '未联系',
        it.lastContact?.date ?? '',
        it.lastContact?.note ?? '',
        it.contacts,
      ]);
    }
    // Flagged rows left the filter: the next page starts `keep.length` further on.
    offset += keep.length;
    if (page.length < PAGE) break;
  }
  if (rows >= MAX_EXPORT_ROWS) throw new DomainError('TOO_MANY_ROWS', `名单超过${MAX_EXPORT_ROWS}条，请按县（区）或条件分批导出`);
  const file = xlsxOf('未赋码主体', sheet, now);

  await auditByStaff(db, staff, {
    at: now,
    action: 'outreach.export',
    target: { collection: COLLECTIONS.register, id: staff.districtCode ?? input.districtCode ?? 'all' },
    before: null,
    after: { filters: input, rows },
  });
  return { fileName: `未赋码主体名单-${chinaDate(now)}.xlsx`, fileBase64: file.toString('base64'), rows };
}
