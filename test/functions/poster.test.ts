/**
 * The printable posters (merchant.posterFile): A4, A5 and a table tent as small PDFs carrying the
 * entity's name and address, the issuing authority and the dates, and a vector QR that still reads
 * from a photo taken 1.5 m away: each file is rendered by poppler (pdftoppm, an independent PDF
 * renderer) and shrunk to what a 12-megapixel phone camera with a 70° lens records at 1.5 m
 * (≈1.9 pixels per millimetre, area-averaged, so the edges blur as in a photo), then read with jsQR.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate, codeUrl } from '../../core';
import { DEFAULT_CODE_URL_PREFIX } from '../../server/code-url';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';

const OWNER = 'oPosterOwner';
let cloud: TestCloud;
let shop: CodedEntity;
const work = mkdtempSync(join(tmpdir(), 'poster-'));

beforeAll(async () => {
  cloud = await startTestCloud();
  shop = await seedCodedEntity(cloud.db, {
    uscc: testUscc('230404', 6101),
    name: '鹤岗市南山区诚信海报测试便利店有限公司',
    address: '鹤岗市南山区鹿林山路18号',
    ownerOpenids: [OWNER],
  });
});

afterAll(async () => {
  await cloud?.close();
});

/** Text shown by the page's content stream (UCS-2 hex strings of Tj). */
function pdfText(pdf: Buffer): string {
  const m = /stream\n([\s\S]*?)\nendstream/.exec(pdf.toString('latin1'))!;
  const content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
  return [...content.matchAll(/<([0-9A-F]+)> Tj/g)].map((t) => Buffer.from(t[1]!, 'hex').swap16().toString('utf16le')).join('\n');
}

/** The page rendered by poppler in grey at `dpi`. */
function render(pdf: Buffer, dpi: number): PNG {
  const file = join(work, `p-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-singlefile', file, file], { stdio: ['ignore', 'ignore', 'ignore'] });
  return PNG.sync.read(readFileSync(`${file}.png`));
}

/** Area-averaged shrink by `factor` (> 1) to RGBA, as a camera sensor integrates light. */
function shrink(src: PNG, factor: number): { data: Uint8ClampedArray; width: number; height: number } {
  const width = Math.floor(src.width / factor);
  const height = Math.floor(src.height / factor);
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let count = 0;
      for (let sy = Math.floor(y * factor); sy < Math.floor((y + 1) * factor); sy++) {
        for (let sx = Math.floor(x * factor); sx < Math.floor((x + 1) * factor); sx++) {
          sum += src.data[(sy * src.width + sx) * 4]!;
          count++;
        }
      }
      const v = sum / count;
      out.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return { data: out, width, height };
}

const RENDER_DPI = 150;
/** 4000 pixels across the 2 × 1500 mm × tan(35°) ≈ 2100 mm a 70° lens sees at 1.5 m. */
const PHOTO_PX_PER_MM = (distanceMm: number) => 4000 / (2 * distanceMm * Math.tan((35 * Math.PI) / 180));

/** A photo of the lower half only: one side of a folded table tent faces the camera. */
function lowerHalf(png: PNG): PNG {
  const half = new PNG({ width: png.width, height: png.height - Math.floor(png.height / 2) });
  png.data.copy(half.data, 0, Math.floor(png.height / 2) * png.width * 4);
  return half;
}

function readAt(pdf: Buffer, distanceMm: number, oneSide = false): string | undefined {
  const rendered = render(pdf, RENDER_DPI);
  const page = oneSide ? lowerHalf(rendered) : rendered;
  const photo = shrink(page, RENDER_DPI / 25.4 / PHOTO_PX_PER_MM(distanceMm));
  return jsQR(photo.data, photo.width, photo.height)?.data;
}

async function poster(size: string, openid = OWNER) {
  return cloud.call('merchant', openid, { action: 'posterFile', uscc: shop.entity.uscc, size });
}

describe('posterFile', () => {
  for (const [size, mediaBox] of [
    ['a4', '595.28 841.89'],
    ['a5', '419.53 595.28'],
    ['tent', '841.89 595.28'],
  ] as const) {
    it(`${size}: a small PDF with name, address, authority and dates, whose QR reads from 1.5 m`, async () => {
      const res = await poster(size);
      expect(res.ok).toBe(true);
      const pdf = Buffer.from(res.data.fileBase64, 'base64');
      expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.4');
      expect(pdf.length).toBe(res.data.bytes);
      expect(pdf.length).toBeLessThan(20_000);
      expect(pdf.toString('latin1')).toContain(`/MediaBox [0 0 ${mediaBox}]`);
      const text = pdfText(pdf);
      for (const want of [
        '鹤岗市南山区诚信海报测试便利店',
        '鹤岗市南山区鹿林山路18号',
        '信用鹤岗 · 鹤岗市营商环境建设监督局',
        '12345',
        `赋码日期：${beijingDate(shop.code.issuedAt)}（第1版）`,
        '打印日期：',
      ]) {
        expect(text.replace(/\n/g, '')).toContain(want);
      }
      expect(readAt(pdf, 1500, size === 'tent')).toBe(codeUrl(DEFAULT_CODE_URL_PREFIX, shop.code._id, 1));
    });
  }

  it('the photo test can fail: from 12 m the table tent’s QR no longer reads', async () => {
    const pdf = Buffer.from((await poster('tent')).data.fileBase64, 'base64');
    expect(readAt(pdf, 1500, true)).toBeDefined();
    expect(readAt(pdf, 12_000, true)).toBeUndefined();
  });

  it('only the entity’s own people get its poster; sizes are checked', async () => {
    expect((await poster('a4', 'oStranger')).error?.code).toBe('NOT_OWNER');
    const bad = await poster('a3');
    expect(bad.error?.code).toBe('INVALID_INPUT');
    expect(bad.error?.message).toContain('海报尺寸');
  });
});
