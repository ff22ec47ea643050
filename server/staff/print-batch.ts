/**
 * printBatch: one Word document (.docx, which offices print from Word or WPS) for a department to
 * hand codes over. Per entity, on A4: a poster page (name, a QR code 12 cm wide — scannable from
 * well beyond 1.5 m —, code id and version, the issuing authority, the date) and a separate
 * delivery slip (送达单) with the one-time claim code.
 *
 * It issues first (staff.issueCodes, idempotent), so printing a batch that was already issued
 * prints the same codes and the same claim codes; an expired, unclaimed claim is renewed (a new
 * code, 90 more days) — the slip is then the only valid one. A claimed entity gets no slip, ever:
 * issueCodes skips it (ALREADY_CODED), and its owner prints the poster from 我的诚信码.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import QRCode from 'qrcode';
import { chinaDate, chineseDate, DomainError, ISSUING_AUTHORITY, parseOrThrow } from '../../core';
import type { OutputOf, ParsedOf } from '../../core/contract';
import { MAX_PRINT, type staffDocsContract } from '../../core/contract/staff-docs';
import { CLAIM_LOCK_MS, MAX_CLAIM_TRIES } from '../claims';
import { usccsOfBatch } from './collected-entities';
import { staffOfficeContract } from '../../core/contract/staff-office';
import type { StaffContext } from './define-staff-actions';
import { issueCodesFor, type IssuedItem } from './issue-codes';
import { departmentOf } from './roles';
/** The QR's printed width: 12 cm (≥ 8 cm scans from 1.5 m). docx measures images in 96-dpi pixels. */
export const QR_CM = 12;
const cm = (n: number) => Math.round((n / 2.54) * 96);

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const HEI = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };

function line(
  text: string,
  opts: { size?: number; bold?: boolean; hei?: boolean; align?: 'center' | 'left'; after?: number; before?: number } = {},
) {
  return new Paragraph({
    alignment: opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { after: opts.after ?? 120, before: opts.before ?? 0 },
    children: [new TextRun({ text, size: (opts.size ?? 12) * 2, bold: opts.bold, font: opts.hei ? HEI : FONT })],
  });
}

async function posterPage(item: IssuedItem): Promise<Paragraph[]> {
  const day = chineseDate(chinaDate(new Date(item.issuedAt)));
  const png = await QRCode.toBuffer(item.url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 12 });
  return [
    line(ISSUING_AUTHORITY.brand, { size: 16, hei: true, after: 60 }),
    line('“码上诚信”诚信码', { size: 30, bold: true, hei: true, after: 240 }),
    line(item.entityName, { size: 24, bold: true, hei: true, after: 240 }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new ImageRun({ type: 'png', data: png, transformation: { width: cm(QR_CM), height: cm(QR_CM) } })],
    }),
    line('微信扫一扫 · 核验诚信码', { size: 16, bold: true, after: 120 }),
    line(`码号：${item.codeId}（第${item.version}版）`, { size: 11, after: 60 }),
    line(`统一社会信用代码：${item.uscc}`, { size: 11, after: 240 }),
    line(`发码单位：${ISSUING_AUTHORITY.name} · ${ISSUING_AUTHORITY.brand}`, { size: 12, after: 60 }),
    line(`赋码日期：${day}`, { size: 12, after: 60 }),
    line(`监督电话：${ISSUING_AUTHORITY.hotline}`, { size: 11 }),
  ];
}

function cell(text: string, opts: { bold?: boolean; size?: number; width: number }) {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    children: [
      new Paragraph({
        spacing: { before: 80, after: 80 },
        children: [new TextRun({ text, bold: opts.bold, size: (opts.size ?? 12) * 2, font: FONT })],
      }),
    ],
  });
}

function slipPage(item: IssuedItem & { claimCode: string }, department: string, day: string): (Paragraph | Table)[] {
  const expires = item.claimExpiresAt ? chineseDate(chinaDate(new Date(item.claimExpiresAt))) : '';
  const grouped = `${item.claimCode.slice(0, 4)} ${item.claimCode.slice(4)}`;
  const rows: [string, string][] = [
    ['市场主体名称', item.entityName],
    ['统一社会信用代码', item.uscc],
    ['诚信码码号', `${item.codeId}（第${item.version}版）`],
    ['发码部门', department],
    ['送达日期', day],
  ];
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return [
    line('“码上诚信”诚信码送达单', { size: 22, bold: true, hei: true, after: 240 }),
    new Table({
      width: { size: 9000, type: WidthType.DXA },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: rows.map(([k, v]) => new TableRow({ children: [cell(k, { bold: true, width: 2600 }), cell(v, { width: 6400 })] })),
    }),
    line('认领码', { size: 14, bold: true, before: 360, after: 60 }),
    line(`认领码：${grouped}`, { size: 28, bold: true, hei: true, after: 60 }),
    line(`有效期至：${expires}（仅可使用一次）`, { size: 12, after: 240 }),
    line('认领步骤', { size: 14, bold: true, align: 'left', after: 60 }),
    line('1. 微信搜索并打开“信用鹤岗”小程序，进入“认领诚信码”。', { align: 'left', after: 40 }),
    line('2. 输入上方的统一社会信用代码和认领码，提交即成为该主体的经办人。', { align: 'left', after: 40 }),
    line('3. 认领后可在“我的诚信码”查看、下载诚信码海报，并提交主动承诺。', { align: 'left', after: 120 }),
    line(`请妥善保管本单，勿转交他人。认领码连续输错${MAX_CLAIM_TRIES}次将锁定${CLAIM_LOCK_MS / 3600_000}小时。`, {
      size: 11,
      align: 'left',
      after: 40,
    }),
    line(`如有疑问请联系发码部门或拨打${ISSUING_AUTHORITY.hotline}。`, { size: 11, align: 'left', after: 480 }),
    line('签收人：____________        签收日期：____________', { size: 12, align: 'left' }),
  ];
}

export async function printBatch(
  input: ParsedOf<typeof staffDocsContract.printBatch>,
  ctx: StaffContext,
): Promise<OutputOf<typeof staffDocsContract.printBatch>> {
  const { staff } = ctx;
  let usccs = input.uscc;
  let nextOffset: number | null = null;
  if (input.batchId !== undefined) {
    const page = await usccsOfBatch(ctx.db, input.batchId, input.offset);
    if (page.total === 0) throw new DomainError('BATCH_NOT_FOUND', '未找到该批次的归集记录');
    usccs = page.usccs.slice(0, MAX_PRINT);
    nextOffset = input.offset + usccs.length < page.total ? input.offset + usccs.length : null;
  }
  const result = await issueCodesFor(ctx.db, staff, parseOrThrow(staffOfficeContract.issueCodes.input, { uscc: usccs }), ctx.now);
  if (result.issued.length === 0) {
    throw new DomainError('NOTHING_TO_PRINT', '没有可打印的诚信码（所列主体均已认领、已有诚信码或不在管辖范围内）', {
      skipped: result.skipped,
    });
  }
  const day = chineseDate(chinaDate(ctx.now));
  const department = departmentOf(staff)?.fullName ?? staff.department ?? ISSUING_AUTHORITY.name;
  const children: (Paragraph | Table)[] = [];
  for (const [i, item] of result.issued.entries()) {
    if (i > 0) children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(...(await posterPage(item)));
    if (item.claimCode !== null) {
      children.push(new Paragraph({ children: [new PageBreak()] }));
      children.push(...slipPage(item as IssuedItem & { claimCode: string }, department, day));
    }
  }
  const doc = new Document({
    creator: `${ISSUING_AUTHORITY.brand} · 码上诚信`,
    title: '诚信码打印批次',
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children,
      },
    ],
  });
  const file = await Packer.toBuffer(doc);
  return {
    fileName: `诚信码打印批次-${chinaDate(ctx.now)}.docx`,
    fileBase64: Buffer.from(file).toString('base64'),
    printed: result.issued.map(({ uscc, entityName, codeId, version, claimCode }) => ({
      uscc,
      entityName,
      codeId,
      version,
      slip: claimCode !== null,
    })),
    skipped: result.skipped,
    nextOffset,
  };
}
