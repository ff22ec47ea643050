/**
 * 我的诚信码 → 打印海报: each of A4, A5 and 桌牌 asks the merchant function for the PDF, writes it
 * to the phone's user data folder and opens it in WeChat's document viewer (print, or send to a
 * copy shop from there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';
import { installWx, loadPage, tap, until, type WxRecorder } from '../support/simulate';
import { readTempFile } from '../../preview/client/temp-files';

const OWNER = 'oPosterPageOwner';
let cloud: TestCloud;
let shop: CodedEntity;
let rec: WxRecorder;
const opened: Array<{ filePath: string; fileType: string }> = [];

beforeAll(async () => {
  cloud = await startTestCloud();
  rec = installWx({ cloudUrl: cloud.url, openid: OWNER });
  // The platform's own file system and document viewer; only what the page asked to open is noted.
  const platform = (globalThis as any).wx;
  const openDocument = platform.openDocument;
  platform.openDocument = (o: { filePath: string; fileType: string }) => {
    opened.push({ filePath: o.filePath, fileType: o.fileType });
    return openDocument(o);
  };
  shop = await seedCodedEntity(cloud.db, { uscc: testUscc('230405', 6201), name: '兴安区海报页面测试店', ownerOpenids: [OWNER] });
});

afterAll(async () => {
  await cloud?.close();
});

describe('my-code: printable posters', () => {
  it('A4, A5 and the table tent open as PDFs', async () => {
    const page = loadPage('pages/my-code/my-code', { uscc: shop.entity.uscc });
    await until(() => page.data.code !== null, 'the code');
    for (const size of ['a4', 'a5', 'tent']) {
      await tap(page, `.print-${size}`);
      await until(
        () => opened.length > 0 && opened.at(-1)!.filePath.includes(size === 'tent' ? '桌牌' : size.toUpperCase()),
        `the ${size} poster`,
      );
      const last = opened.at(-1)!;
      expect(last.fileType).toBe('pdf');
      expect(last.filePath).toMatch(new RegExp(`^wxfile://usr/诚信码-.*-${shop.code._id}\\.pdf$`));
      expect(
        Buffer.from((await readTempFile(last.filePath)) as ArrayBuffer)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      await until(() => page.data.printing === '', 'the button to be free again');
    }
    expect(opened).toHaveLength(3);
    // Each reached the phone's document viewer (the preview offers it as a download).
    expect(rec.saved).toEqual(opened.map((o) => o.filePath));
  });
});
