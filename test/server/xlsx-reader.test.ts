/**
 * The upload reader (server/staff/xlsx-reader.ts): multi-byte text survives any chunking, and
 * hostile zips are refused from their directory or their counts before a row comes out.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFirstSheet, XLSX_LIMITS } from '../../server/staff/xlsx-reader';
import { makeZip, sheetXml } from '../support/zip';

async function rowsOf(file: Buffer) {
  const out: { row: number; cells: readonly unknown[] }[] = [];
  for await (const r of readFirstSheet(file)) out.push(r);
  return out;
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

describe('readFirstSheet: intact text', () => {
  it('keeps every Chinese character of a multi-MB shared-strings sheet, whatever the chunk boundaries', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('主动承诺信息表');
    const texts: string[] = [];
    for (let i = 0; i < 8_000; i++) {
      // Varying lengths (and a 4-byte character) put character boundaries everywhere relative to the zip's chunks.
      const t = `第${i}条：我企业依法诚信经营，不销售假冒伪劣商品，自愿接受社会监督𠮷${'鹤岗市向阳区工农区南山区兴安区东山区兴山区萝北县绥滨县'.slice(0, i % 37)}${'诚'.repeat(i % 113)}`;
      texts.push(t);
      ws.addRow([i, t]);
    }
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const sharedBytes = Buffer.byteLength(texts.join(''), 'utf8');
    expect(sharedBytes).toBeGreaterThan(2 * 1024 * 1024);
    const rows = await rowsOf(file);
    expect(rows).toHaveLength(texts.length);
    const bad = rows.filter((r, i) => r.cells[2] !== texts[i] || r.cells[1] !== i);
    expect(bad).toEqual([]);
    expect(rows.some((r) => String(r.cells[2]).includes('\uFFFD'))).toBe(false);
  });

  it('reads inline strings, rich text, numbers, booleans, and skips phonetic runs', async () => {
    const file = await makeZip([
      {
        name: 'xl/sharedStrings.xml',
        content: '<sst><si><r><t>鹤岗</t></r><r><t xml:space="preserve"> 商贸</t></r><rPh><t>ヘ</t></rPh></si></sst>',
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        content: sheetXml([
          '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>内联&amp;文本</t></is></c><c r="D2"><v>46143</v></c><c r="E2" t="b"><v>1</v></c></row>',
        ]),
      },
    ]);
    expect(await rowsOf(file)).toEqual([{ row: 2, cells: [undefined, '鹤岗 商贸', undefined, '内联&文本', 46143, true] }]);
  });
});

describe('readFirstSheet: bounded files', () => {
  const sheet = { name: 'xl/worksheets/sheet1.xml', content: sheetXml(['<row r="1"><c t="inlineStr"><is><t>x</t></is></c></row>']) };

  it('refuses a zip that declares more than 200 MB decompressed, from its directory alone', async () => {
    const file = await makeZip([sheet, { name: 'xl/media/a.bin', content: 'a', declaredSize: 2 ** 32 - 1 }]);
    const t = Date.now();
    expect(await codeOf(rowsOf(file))).toBe('FILE_TOO_COMPLEX');
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('refuses an entry that inflates past its declared size (a lying zip bomb) without inflating it all', async () => {
    const bomb = {
      name: 'xl/worksheets/sheet1.xml',
      content: (function* () {
        yield* sheetXml([]);
        for (let i = 0; i < 100; i++) yield Buffer.alloc(1024 * 1024, 0x20);
      })(),
      declaredSize: 1000,
    };
    const file = await makeZip([bomb]);
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    const t = Date.now();
    const err = await readFirstSheet(file)
      .next()
      .catch((e: { code: string; message: string }) => e);
    expect(err).toMatchObject({ code: 'FILE_TOO_COMPLEX' });
    expect((err as { message: string }).message).toMatch(/拆分/);
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('refuses too many entries', async () => {
    const many = Array.from({ length: XLSX_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `xl/x${i}.xml`, content: '' }));
    expect(await codeOf(rowsOf(await makeZip([sheet, ...many])))).toBe('FILE_TOO_COMPLEX');
  });

  it('refuses a shared-strings table over its byte cap or its count cap', async () => {
    const big = {
      name: 'xl/sharedStrings.xml',
      content: (function* () {
        yield '<sst>';
        const si = '<si><t>鹤岗诚信</t></si>'.repeat(10_000);
        for (let n = 0; n < 400; n++) yield si; // ~100 MB of XML, under the 200 MB total
        yield '</sst>';
      })(),
    };
    const t = Date.now();
    expect(await codeOf(rowsOf(await makeZip([sheet, big])))).toBe('FILE_TOO_COMPLEX');
    const many = {
      name: 'xl/sharedStrings.xml',
      content: (function* () {
        yield '<sst>';
        for (let n = 0; n < 110; n++) yield '<si><t/></si>'.repeat(10_000); // 1.1 million strings, 14 MB
        yield '</sst>';
      })(),
    };
    const err = await codeOf(rowsOf(await makeZip([sheet, many])));
    expect(err).toBe('FILE_TOO_COMPLEX');
    expect(Date.now() - t).toBeLessThan(20_000);
  });

  it('refuses a sheet over the row cap before yielding a row', async () => {
    const rows = {
      name: 'xl/worksheets/sheet1.xml',
      content: sheetXml(
        (function* () {
          for (let i = 1; i <= XLSX_LIMITS.maxRows + 1; i += 10_000) {
            yield Array.from({ length: Math.min(10_000, XLSX_LIMITS.maxRows + 2 - i) }, (_, k) => `<row r="${i + k}"/>`).join('');
          }
        })(),
      ),
    };
    const it = readFirstSheet(await makeZip([rows]));
    expect(await it.next().catch((e: { code: string }) => e.code)).toBe('FILE_TOO_COMPLEX');
  });

  it('refuses what is not a zip or not a workbook as INVALID_FILE', async () => {
    expect(await codeOf(rowsOf(Buffer.from('hello')))).toBe('INVALID_FILE');
    expect(await codeOf(rowsOf(await makeZip([{ name: 'a.txt', content: 'x' }])))).toBe('INVALID_FILE');
    const broken = Buffer.from(await makeZip([sheet]));
    broken.fill(0, 40, 60);
    expect(await codeOf(rowsOf(broken))).toBe('INVALID_FILE');
  });
});
