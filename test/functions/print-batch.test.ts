/**
 * staffDocs.printBatch: one A4 .docx per batch — per entity a poster page (QR ≥ 8 cm that decodes to
 * the code's URL, code id and version, authority, date) and a delivery slip with the claim code
 * issueCodes gave; printing again prints the same codes; claimed entities get no slip.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeUscc } from '../../core';
import { templateHeaders } from '../../core/import-layouts';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { CITY, seedStaff, XIANGYANG } from './staff-fixtures';

let cloud: TestCloud;
const uscc = (n: number) => composeUscc({ department: '9', category: '2', area: '230402', org8: `MA${String(n).padStart(6, '0')}` });
const SHOPS = [
  { name: '向阳区印刷测试饭店', uscc: uscc(501) },
  { name: '向阳区印刷测试超市', uscc: uscc(502) },
];
let batchId: string;

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('主动承诺信息表');
  ws.addRow(templateHeaders('commitment'));
  for (const s of SHOPS)
    ws.addRow([
      s.name,
      '法人',
      s.uscc,
      '主动型',
      '市场主体承诺书',
      '主动型，自愿作出承诺',
      '我企业依法诚信经营，自愿接受社会监督。',
      '无',
      '2026-05-01',
      '可向社会公开',
    ]);
  const res = await cloud.call('staffFiles', CITY, {
    action: 'importRecords',
    kind: 'commitment',
    department: '市市场监管局',
    fileBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
  });
  batchId = res.data.batchId ?? res.data.batch;
});
afterAll(async () => {
  await cloud?.close();
});

async function unzip(base64: string) {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const xml = await zip.file('word/document.xml')!.async('string');
  const media = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => f.startsWith('word/media/'))
      .sort()
      .map((f) => zip.file(f)!.async('nodebuffer')),
  );
  return { xml, media, text: xml.replace(/<[^>]+>/g, '') };
}

describe('staffDocs.printBatch', () => {
  it('prints a poster and a slip per entity with the codes and claim codes issueCodes gives', async () => {
    const issued = await cloud.call('staff', XIANGYANG, { action: 'issueCodes', batchId });
    expect(issued.data.issued).toHaveLength(2);
    const res = await cloud.call('staffDocs', XIANGYANG, { action: 'printBatch', batchId });
    expect(res.ok, JSON.stringify(res.error)).toBe(true);
    expect(res.data.fileName).toMatch(/\.docx$/);
    expect(res.data.printed.map((p: any) => p.slip)).toEqual([true, true]);
    // The answer itself carries no claim code: only the printed slip does.
    expect(JSON.stringify(res.data.printed)).not.toContain(issued.data.issued[0].claimCode);

    const { xml, media, text } = await unzip(res.data.fileBase64);
    // A4 portrait.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    for (const item of issued.data.issued) {
      expect(text).toContain(item.entityName);
      expect(text).toContain(`码号：${item.codeId}（第1版）`);
      expect(text).toContain(`认领码：${item.claimCode.slice(0, 4)} ${item.claimCode.slice(4)}`);
    }
    expect(text).toContain('发码单位：鹤岗市营商环境建设监督局 · 信用鹤岗');
    expect(text).toContain('“码上诚信”诚信码送达单');
    // QR images at least 8 cm wide (EMU: 360000 per cm), decoding to each code's URL.
    const widths = [...xml.matchAll(/<wp:extent cx="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(8 * 360000);
    const decoded = media.map((buf) => {
      const png = PNG.sync.read(buf);
      return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    });
    expect(decoded.sort()).toEqual(issued.data.issued.map((i: any) => i.url).sort());
  });

  it('never prints a slip for a claimed entity', async () => {
    const issued = await cloud.call('staff', CITY, { action: 'issueCodes', uscc: [SHOPS[0]!.uscc] });
    const claimed = await cloud.call('merchant', 'oPrintOwner00001', {
      action: 'claimCode',
      uscc: SHOPS[0]!.uscc,
      claimCode: issued.data.issued[0].claimCode,
    });
    expect(claimed.ok).toBe(true);
    const res = await cloud.call('staffDocs', CITY, { action: 'printBatch', batchId });
    expect(res.data.printed.map((p: any) => p.uscc)).toEqual([SHOPS[1]!.uscc]);
    expect(res.data.skipped).toEqual([expect.objectContaining({ uscc: SHOPS[0]!.uscc, reason: 'ALREADY_CODED' })]);
    expect((await unzip(res.data.fileBase64)).text).not.toContain(SHOPS[0]!.name);
    const none = await cloud.call('staffDocs', CITY, { action: 'printBatch', uscc: [SHOPS[0]!.uscc] });
    expect(none.error?.code).toBe('NOTHING_TO_PRINT');
  });
});
