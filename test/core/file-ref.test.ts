/** Image references the public page may show: cloud fileIDs (env parsed out) and https URLs only. */
import { describe, expect, it } from 'vitest';
import { applicationSchema, check, cloudFileEnv, isCloudFileId, isImageRef } from '../../core';

describe('cloudFileEnv / isImageRef', () => {
  it('reads the environment of a fileID as CloudBase writes it', () => {
    expect(cloudFileEnv('cloud://hegang-credit-prod.6865-hegang-credit-prod-1320000000/storefronts/a1.jpg')).toBe('hegang-credit-prod');
    expect(cloudFileEnv('cloud://localcloud.localcloud-1250000000/storefronts/x/y.jpg')).toBe('localcloud');
  });

  it('refuses malformed fileIDs and paths that climb out', () => {
    for (const bad of [
      'cloud://env/a.jpg',
      'cloud://env.bucket/',
      'cloud://env.bucket//a.jpg',
      'cloud://env.bucket/../a.jpg',
      'cloud://env.bucket/a/./b.jpg',
      'cloud://Env.bucket/a b.jpg',
    ]) {
      expect(cloudFileEnv(bad), bad).toBeUndefined();
    }
  });

  it('accepts https URLs and nothing else', () => {
    expect(isImageRef('https://img.example.cn/shop/1.jpg?x=1')).toBe(true);
    for (const bad of [
      'http://img.example.cn/1.jpg',
      'javascript:alert(1)',
      'data:image/png;base64,AA',
      '/images/a.png',
      'https://x.cn/"onerror="a',
      'wxfile://tmp_1.jpg',
    ]) {
      expect(isImageRef(bad), bad).toBe(false);
    }
  });

  it('the application schema treats blank as no photo and names the field when wrong', () => {
    const blank = check(applicationSchema.pick({ storefrontPhoto: true }), { storefrontPhoto: '  ' });
    expect(blank).toEqual({ ok: true, value: {} });
    const bad = check(applicationSchema.pick({ storefrontPhoto: true }), { storefrontPhoto: 'javascript:alert(1)' });
    expect(bad).toMatchObject({ ok: false, issues: [{ field: 'storefrontPhoto', message: '门头照片应为小程序上传的图片' }] });
  });

  it('new photos are cloud fileIDs only: a web address gets its own message; the licence photo is required', () => {
    expect(isCloudFileId('cloud://localcloud.localcloud-1250000000/licences/a.jpg')).toBe(true);
    expect(isCloudFileId('https://img.example.cn/shop/1.jpg')).toBe(false);
    const photos = applicationSchema.pick({ storefrontPhoto: true, licencePhoto: true });
    const https = check(photos, { storefrontPhoto: 'https://img.example.cn/shop/1.jpg', licencePhoto: 'https://img.example.cn/l.jpg' });
    expect(https).toMatchObject({
      ok: false,
      issues: [
        { field: 'storefrontPhoto', message: '门头照片请在小程序内拍摄或选择上传，不能填写网址' },
        { field: 'licencePhoto', message: '营业执照照片请在小程序内拍摄或选择上传，不能填写网址' },
      ],
    });
    expect(check(photos, {})).toMatchObject({ ok: false, issues: [{ field: 'licencePhoto', message: '营业执照照片为必填项' }] });
    expect(check(photos, { licencePhoto: ' cloud://localcloud.localcloud-1250000000/licences/a.jpg ' })).toEqual({
      ok: true,
      value: { licencePhoto: 'cloud://localcloud.localcloud-1250000000/licences/a.jpg' },
    });
  });
});
