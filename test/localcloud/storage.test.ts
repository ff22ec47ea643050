/**
 * Cloud storage through the real wx-server-sdk: uploadFile, getTempFileURL (and fetching the URL),
 * downloadFile and deleteFile behave as on CloudBase, unsafe paths are refused, and files are on disk
 * so they outlive the emulator process.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSdk, startLocalCloud } from '../../localcloud/index';
import { rejection, startHarness, type Harness } from './helpers';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('cloud storage', () => {
  it('uploads, hands out a temp URL serving the same bytes, and downloads them', async () => {
    const bytes = randomBytes(300_000);
    const up = await h.cloud.uploadFile({ cloudPath: 'imports/2026/承诺 表.xlsx', fileContent: bytes });
    expect(up.fileID).toBe(`cloud://localcloud.localcloud-1250000000/imports/2026/承诺 表.xlsx`);

    const { fileList } = await h.cloud.getTempFileURL({ fileList: [up.fileID] });
    expect(fileList).toHaveLength(1);
    expect(fileList[0]).toMatchObject({ fileID: up.fileID, status: 0, errMsg: 'ok' });
    expect(fileList[0].tempFileURL.startsWith(`${h.lc.url}/`)).toBe(true);
    const res = await fetch(encodeURI(fileList[0].tempFileURL));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);

    const down = await h.cloud.downloadFile({ fileID: up.fileID });
    expect(Buffer.isBuffer(down.fileContent)).toBe(true);
    expect(down.fileContent.equals(bytes)).toBe(true);
  });

  it('replaces a file uploaded again to the same path', async () => {
    await h.cloud.uploadFile({ cloudPath: 'same.txt', fileContent: Buffer.from('one') });
    const { fileID } = await h.cloud.uploadFile({ cloudPath: 'same.txt', fileContent: Buffer.from('two') });
    expect((await h.cloud.downloadFile({ fileID })).fileContent.toString()).toBe('two');
  });

  it('deletes a file; downloading it then fails with STORAGE_FILE_NONEXIST', async () => {
    const { fileID } = await h.cloud.uploadFile({ cloudPath: 'tmp/gone.bin', fileContent: Buffer.from('bye') });
    const del = await h.cloud.deleteFile({ fileList: [fileID] });
    expect(del.fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }]);
    expect(existsSync(join(h.dataDir, 'storage', 'tmp'))).toBe(false);

    // node-sdk throws a TcbError carrying CloudBase's code; wx-server-sdk adds errCode -1 and the api prefix.
    const err = await rejection(h.cloud.downloadFile({ fileID }));
    expect(err).toMatchObject({ code: 'STORAGE_FILE_NONEXIST', errCode: -1 });
    expect(err.errMsg).toBe(`downloadFile:fail storage file not exists: ${fileID}`);

    const again = await h.cloud.deleteFile({ fileList: [fileID] });
    expect(again.fileList[0]).toMatchObject({ fileID, status: -503003 });
    const url = await h.cloud.getTempFileURL({ fileList: [fileID] });
    expect(url.fileList[0]).toMatchObject({ fileID, status: -503003, tempFileURL: '' });
  });

  it('reports unknown and foreign fileIDs as missing', async () => {
    for (const fileID of ['cloud://localcloud.localcloud-1250000000/never.txt', 'cloud://other-env.bucket/x.txt', 'not-a-file-id']) {
      const err = await rejection(h.cloud.downloadFile({ fileID }));
      expect(err).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
    }
  });

  it('refuses paths that are absolute or climb out of the storage folder, storing nothing', async () => {
    const before = readdirSync(h.dataDir).sort();
    for (const cloudPath of ['../escape.txt', 'a/../../escape.txt', '/etc/escape.txt', 'a//b.txt', 'a\\..\\b.txt', 'dir/']) {
      const err = await rejection(h.cloud.uploadFile({ cloudPath, fileContent: Buffer.from('x') }));
      expect(err, cloudPath).toMatchObject({ code: 'STORAGE_REQUEST_FAIL' });
      expect(err.errMsg, cloudPath).toMatch(/^uploadFile:fail \[InvalidObjectName\]: cloudPath /);
    }
    expect(readdirSync(h.dataDir).sort()).toEqual(before);
    expect(existsSync(join(h.dataDir, 'escape.txt'))).toBe(false);
    const traversal = await rejection(h.cloud.downloadFile({ fileID: 'cloud://localcloud.localcloud-1250000000/../localcloud.sqlite' }));
    expect(traversal).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
  });

  it('serves download URLs only with a valid signature', async () => {
    const { fileID } = await h.cloud.uploadFile({ cloudPath: 'signed.txt', fileContent: Buffer.from('secret') });
    const { fileList } = await h.cloud.getTempFileURL({ fileList: [fileID] });
    const unsigned = fileList[0].tempFileURL.split('?')[0];
    expect((await fetch(unsigned)).status).toBe(403);
    const otherPath = fileList[0].tempFileURL.replace('signed.txt', 'same.txt');
    expect((await fetch(otherPath)).status).toBe(403);
  });

  it('keeps files across a restart on the same data folder', async () => {
    const bytes = randomBytes(10_000);
    const { fileID } = await h.cloud.uploadFile({ cloudPath: 'durable/file.bin', fileContent: bytes });
    await h.lc.close();
    const lc = await startLocalCloud({ port: 0, dataDir: h.dataDir, synchronous: 'NORMAL' });
    try {
      const { cloud } = connectSdk(lc.url);
      expect((await cloud.downloadFile({ fileID })).fileContent.equals(bytes)).toBe(true);
    } finally {
      await lc.close();
    }
    h.lc = await startLocalCloud({ port: 0, dataDir: h.dataDir, allowReset: true, synchronous: 'NORMAL' });
  });
});
