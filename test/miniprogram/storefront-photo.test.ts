/**
 * The storefront photo (门头照片) end to end in miniprogram-simulate: the apply page uploads the
 * chosen image to the local cloud's storage with the real SDK and submits its fileID; staff approve;
 * the verify page a customer reaches by scanning shows that photo. A failed upload leaves the form
 * submittable without a photo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeUrl } from '../../core';
import { DEFAULT_CODE_URL_PREFIX } from '../../server/code-url';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { testUscc } from '../support/coded-entity';
import { fillEntitlement } from '../support/apply-form';
import {
  installWx,
  loadPage,
  pick,
  tap,
  textOf,
  typeInto,
  until,
  type RenderedPage,
  type WxOptions,
  type WxRecorder,
} from '../support/simulate';

const MERCHANT = 'oPhotoMerchant01';
const STAFF = 'oPhotoCityAdmin1';
/** Any bytes do: storage keeps them as given (a real JPEG header for realism). */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

let cloud: TestCloud;
let wxOptions: WxOptions;
let wx: WxRecorder;

beforeAll(async () => {
  cloud = await startTestCloud();
  await cloud.db
    .collection('staff')
    .add({ data: { openid: STAFF, name: '市级管理员', role: 'city', active: true, createdAt: new Date() } });
  wxOptions = { cloudUrl: cloud.url, openid: MERCHANT, sdk: cloud.cloud };
  wx = installWx(wxOptions);
});

afterAll(async () => {
  await cloud?.close();
});

async function fillForm(page: RenderedPage, uscc: string, name: string): Promise<void> {
  await typeInto(page, '.uscc', uscc);
  await typeInto(page, '.in-entityName', name);
  await typeInto(page, '.in-address', '鹤岗市向阳区光明路8号');
  await typeInto(page, '.in-contactName', '李四');
  await typeInto(page, '.in-contactPhone', '13700004444');
  await pick(page, '.field-picker', 0);
  await fillEntitlement(page, wxOptions, '李四');
}

describe('storefront photo', () => {
  it('is uploaded from the apply page, submitted as its fileID, and shown to the public once approved', async () => {
    const page = loadPage('pages/apply/apply');
    const uscc = testUscc('230402', 8101);
    await fillForm(page, uscc, '向阳区门头照片测试店');

    wxOptions.chosenImage = JPEG;
    await tap(page, '.photo-pick');
    await until(() => page.data.form.storefrontPhoto !== '', 'the upload');
    const fileID = page.data.form.storefrontPhoto as string;
    expect(fileID).toMatch(/^cloud:\/\/localcloud\.localcloud-1250000000\/storefronts\/[a-z0-9]+\.jpg$/);
    expect(wx.uploads.at(-1)).toBe(fileID);
    expect(page.querySelector('.photo-thumb')!.dom!.getAttribute('src')).toBe(fileID);
    // The bytes really are in the emulator's storage.
    const stored = await cloud.cloud.downloadFile({ fileID });
    expect(Buffer.compare(stored.fileContent, JPEG)).toBe(0);

    await tap(page, '.submit');
    await until(() => page.data.done !== null, 'the application to be stored');
    const apps = await cloud.db.collection('applications').where({ uscc }).get();
    expect(apps.data[0]).toMatchObject({ applicantOpenid: MERCHANT, storefrontPhoto: fileID, status: 'pending' });

    const review = await cloud.call('staff', STAFF, { action: 'reviewApplication', applicationId: apps.data[0]._id, decision: 'approve' });
    expect(review.ok).toBe(true);
    const entity = (await cloud.db.collection('entities').where({ uscc }).get()).data[0];
    expect(entity.storefrontPhoto).toBe(fileID);
    const code = (await cloud.db.collection('codes').where({ entityId: entity._id }).get()).data[0];

    // A customer scans the printed code.
    installWx({ cloudUrl: cloud.url, openid: '' });
    const verify = loadPage('pages/verify/verify', { q: encodeURIComponent(codeUrl(DEFAULT_CODE_URL_PREFIX, code._id, code.version)) });
    await until(() => verify.data.result !== null, 'the verdict');
    expect(textOf(verify, '.verdict')).toBe('有效');
    expect(verify.dom!.innerHTML).toContain(`src="${fileID}"`);
    wx = installWx(wxOptions);
  });

  it('can be removed before submitting; the application then has no photo', async () => {
    const page = loadPage('pages/apply/apply');
    const uscc = testUscc('230402', 8102);
    await fillForm(page, uscc, '向阳区无照片测试店');
    wxOptions.chosenImage = JPEG;
    await tap(page, '.photo-pick');
    await until(() => page.data.form.storefrontPhoto !== '', 'the upload');
    await tap(page, '.photo-remove');
    expect(page.querySelector('.photo-thumb')).toBeFalsy();
    await tap(page, '.submit');
    await until(() => page.data.done !== null, 'the application to be stored');
    const app = (await cloud.db.collection('applications').where({ uscc }).get()).data[0];
    expect(app).not.toHaveProperty('storefrontPhoto');
  });

  it('a failed upload says so in Chinese and the form is still submitted without a photo', async () => {
    const page = loadPage('pages/apply/apply');
    const uscc = testUscc('230402', 8103);
    await fillForm(page, uscc, '向阳区上传失败测试店');
    wxOptions.chosenImage = JPEG;
    wxOptions.uploadFails = true;
    const before = wx.toasts.length;
    await tap(page, '.photo-pick');
    await until(() => wx.toasts.length > before, 'the failure toast');
    wxOptions.uploadFails = false;
    expect(wx.toasts.at(-1)).toBe('照片上传失败，请重试；不上传照片也可提交');
    expect(page.data.form.storefrontPhoto).toBe('');
    expect(page.data.uploading).toBe(false);
    expect(textOf(page, '.photo-pick')).toBe('拍摄或选择门头照片');
    await tap(page, '.submit');
    await until(() => page.data.done !== null, 'the application to be stored');
    const app = (await cloud.db.collection('applications').where({ uscc }).get()).data[0];
    expect(app).not.toHaveProperty('storefrontPhoto');
  });

  it('cancelling the picker changes nothing', async () => {
    const page = loadPage('pages/apply/apply');
    wxOptions.chosenImage = undefined;
    const uploads = wx.uploads.length;
    await tap(page, '.photo-pick');
    await new Promise((r) => setTimeout(r, 20));
    expect(page.data.uploading).toBe(false);
    expect(page.data.form.storefrontPhoto).toBe('');
    expect(wx.uploads.length).toBe(uploads);
  });
});
