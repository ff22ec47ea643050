/**
 * The image of an integrity code. In production it is a mini-program code from
 * `wxacode.getUnlimited` (scanning it opens the verify page directly); under the local
 * cloud, which cannot reach WeChat's open API, and whenever that call fails, it is a
 * standard QR code of the code URL — which WeChat's "扫普通链接二维码打开小程序" rule routes
 * to the same page and any phone camera can open.
 */
import QRCode from 'qrcode';
import { codeUrl } from '../core';
import type { CodeImage } from '../core/contract/merchant';
import { getCloud, isLocalCloud } from './cloud';

export const VERIFY_PAGE = 'pages/verify/verify';

/** A standard QR code PNG of `text`, large enough to print on an A5 poster. */
export async function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, scale: 10, type: 'image/png' });
}

/**
 * The mini-program code's scene: id and version in the same `<id>?v=<n>` form the URL ends
 * with (≤ 32 characters, all allowed in a scene), so the page parses both the same way.
 */
export function sceneOf(codeId: string, version: number): string {
  return codeUrl('', codeId, version);
}

/** The one open-API call used; injectable so the production path is testable off WeChat. */
export interface WxacodeApi {
  getUnlimited(req: { scene: string; page: string; checkPath?: boolean; width?: number }): Promise<{
    buffer: Buffer | Uint8Array;
    contentType?: string;
  }>;
}

function cloudWxacode(): WxacodeApi {
  return (getCloud() as unknown as { openapi: { wxacode: WxacodeApi } }).openapi.wxacode;
}

async function wxacode(api: WxacodeApi, scene: string): Promise<CodeImage> {
  const res = await api.getUnlimited({ scene, page: VERIFY_PAGE, checkPath: false, width: 430 });
  const base64 = Buffer.from(res.buffer).toString('base64');
  return { kind: 'wxacode', dataUrl: `data:${res.contentType ?? 'image/jpeg'};base64,${base64}` };
}

export async function codeImage(
  codeId: string,
  version: number,
  url: string,
  api: WxacodeApi | undefined = isLocalCloud() ? undefined : cloudWxacode(),
): Promise<CodeImage> {
  if (api) {
    try {
      return await wxacode(api, sceneOf(codeId, version));
    } catch (e) {
      // e.g. the mini-program is not yet released; the URL QR works through the scan rule.
      console.warn('[qr] wxacode.getUnlimited failed, falling back to a URL QR code:', (e as Error)?.message ?? e);
    }
  }
  return { kind: 'qr', dataUrl: await qrDataUrl(url) };
}
