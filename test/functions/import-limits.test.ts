/**
 * Hostile and oversized files through the real staffFiles function (issue 19): zip bombs and
 * shared-strings bombs are refused within seconds with FILE_TOO_COMPLEX, nothing is left in the
 * temporary directory, memory stays bounded. (Time budget and resume: import-resume.test.ts.)
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateHeaders } from '../../core/import-layouts';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { makeZip, sheetXml } from '../support/zip';
import { CITY, seedStaff } from './staff-fixtures';

let cloud: TestCloud;
const originalTmp = process.env.TMPDIR;
let tmp: string;

beforeAll(async () => {
  // A private temporary directory: the function instances (worker threads) copy process.env at start.
  tmp = mkdtempSync(join(tmpdir(), 'hegang-import-tmp-'));
  process.env.TMPDIR = tmp;
  cloud = await startTestCloud();
  await seedStaff(cloud);
});
afterAll(async () => {
  await cloud?.close();
  if (originalTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = originalTmp;
  rmSync(tmp, { recursive: true, force: true });
});

/** Files in the temporary directory other than the test clouds' own data folders. */
const strayTempFiles = () => readdirSync(tmp).filter((n) => !n.startsWith('hegang-cloud-'));

/** Call importRecords, sampling this process's memory (function instances are threads of it). */
async function importMeasured(fileBase64: string) {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const t = Date.now();
  try {
    const res = await cloud.call('staffFiles', CITY, { action: 'importRecords', kind: 'commitment', fileBase64 });
    return { res, ms: Date.now() - t, extraMb: (peak - base) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

const header = `<row r="1">${templateHeaders('commitment')
  .map((h) => `<c t="inlineStr"><is><t>${h}</t></is></c>`)
  .join('')}</row>`;

describe('hostile files', () => {
  const cases: Array<[string, () => Promise<Buffer>]> = [
    [
      'a worksheet that really expands to 400 MB (declared honestly)',
      () =>
        makeZip([
          {
            name: 'xl/worksheets/sheet1.xml',
            content: (function* () {
              yield* sheetXml([header]);
              for (let i = 0; i < 400; i++) yield Buffer.alloc(1024 * 1024, 0x20);
            })(),
          },
        ]),
    ],
    [
      'a worksheet that declares 1 KB and expands to 300 MB (a lying zip bomb)',
      () =>
        makeZip([
          {
            name: 'xl/worksheets/sheet1.xml',
            declaredSize: 1024,
            content: (function* () {
              yield* sheetXml([header]);
              for (let i = 0; i < 300; i++) yield Buffer.alloc(1024 * 1024, 0x20);
            })(),
          },
        ]),
    ],
    [
      'a 190 MB shared-strings table',
      () =>
        makeZip([
          { name: 'xl/worksheets/sheet1.xml', content: sheetXml([header]) },
          {
            name: 'xl/sharedStrings.xml',
            content: (function* () {
              yield '<sst>';
              const si = '<si><t>鹤岗市诚信经营承诺书</t></si>'.repeat(20_000);
              for (let n = 0; n < (190 * 1024 * 1024) / Buffer.byteLength(si); n++) yield si;
              yield '</sst>';
            })(),
          },
        ]),
    ],
    [
      'a shared-strings table of 1.2 million texts',
      () =>
        makeZip([
          { name: 'xl/worksheets/sheet1.xml', content: sheetXml([header]) },
          {
            name: 'xl/sharedStrings.xml',
            content: (function* () {
              yield '<sst>';
              for (let n = 0; n < 120; n++) yield Array.from({ length: 10_000 }, (_, i) => `<si><t>${n * 10_000 + i}</t></si>`).join('');
              yield '</sst>';
            })(),
          },
        ]),
    ],
  ];

  for (const [name, make] of cases) {
    it(`refuses ${name}: within seconds, FILE_TOO_COMPLEX with how to split, no temp files, bounded memory, nothing stored`, async () => {
      const file = await make();
      expect(file.length).toBeLessThan(20 * 1024 * 1024);
      const version = cloud.writeVersion();
      const { res, ms, extraMb } = await importMeasured(file.toString('base64'));
      expect(res.error?.code).toBe('FILE_TOO_COMPLEX');
      expect(res.error?.message).toMatch(/拆分/);
      expect(ms).toBeLessThan(10_000);
      expect(extraMb).toBeLessThan(400);
      expect(strayTempFiles()).toEqual([]);
      expect(cloud.writeVersion()).toBe(version);
    }, 60_000);
  }
});
