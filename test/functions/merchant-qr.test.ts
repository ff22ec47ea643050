/**
 * The code image outside the local cloud: a mini-program code from wxacode.getUnlimited (faked
 * here — WeChat's open API cannot run off WeChat), and the URL QR code when that call fails.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { codeUrl, parseCodeUrl } from '../../core';
import { DEFAULT_CODE_URL_PREFIX } from '../../server/code-url';
import { codeImage, sceneOf, VERIFY_PAGE, type WxacodeApi } from '../../server/qr';

const ID = 'Ab3dEf6hIjKlMn0pQrStUv';

function decode(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('codeImage', () => {
  it('asks WeChat for a mini-program code opening the verify page with id and version as the scene', async () => {
    const requests: unknown[] = [];
    const api: WxacodeApi = {
      async getUnlimited(req) {
        requests.push(req);
        return { buffer: Buffer.from([0xff, 0xd8, 0xff]), contentType: 'image/jpeg' };
      },
    };
    const image = await codeImage(ID, 3, codeUrl(DEFAULT_CODE_URL_PREFIX, ID, 3), api);
    expect(image).toEqual({ kind: 'wxacode', dataUrl: 'data:image/jpeg;base64,/9j/' });
    expect(requests).toEqual([expect.objectContaining({ scene: `${ID}?v=3`, page: VERIFY_PAGE })]);
  });

  it('the scene fits WeChat’s 32 characters and reads back like the URL', () => {
    const scene = sceneOf(ID, 999_999);
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(scene).toMatch(/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/);
    expect(parseCodeUrl(DEFAULT_CODE_URL_PREFIX, scene)).toEqual({ id: ID, version: 999_999 });
  });

  it('falls back to a standard QR code of the URL when the open API fails', async () => {
    const url = codeUrl(DEFAULT_CODE_URL_PREFIX, ID, 1);
    const failing: WxacodeApi = {
      async getUnlimited() {
        throw new Error('errCode: 41030 | errMsg: invalid page');
      },
    };
    const image = await codeImage(ID, 1, url, failing);
    expect(image.kind).toBe('qr');
    expect(decode(image.dataUrl)).toBe(url);
  });
});
