/** Where the scanned code arrives: page query (scan rules, mini-program codes) or wx.scanCode. */
import type { Scan } from '../../services/public';

/**
 * - `q`: the printed URL, URL-encoded, when WeChat's "扫普通链接二维码打开小程序" rule opened the page;
 * - `scene`: `<id>?v=<n>`, URL-encoded, from a mini-program code (wxacode.getUnlimited);
 * - `id` (+ `v`): links inside the mini-program.
 */
export function scanFromQuery(query: Record<string, string | undefined>): Scan | undefined {
  if (query.q) return { q: query.q };
  if (query.scene) return { scene: query.scene };
  if (query.id) return query.v && /^\d+$/.test(query.v) ? { codeId: query.id, version: Number(query.v) } : { codeId: query.id };
  return undefined;
}

/** wx.scanCode's answer: a QR code gives its text; a mini-program code gives the page path with the scene. */
export function scanFromScanCode(res: { result?: string; path?: string }): Scan | undefined {
  const scene = /[?&]scene=([^&]+)/.exec(res.path ?? '');
  if (scene) return { scene: scene[1] };
  if (res.result) return { q: encodeURIComponent(res.result) };
  return undefined;
}

/** The verify page's query for a scan, to navigate there. */
export function verifyUrl(scan: Scan): string {
  if (scan.scene) return `/pages/verify/verify?scene=${encodeURIComponent(scan.scene)}`;
  if (scan.q) return `/pages/verify/verify?q=${encodeURIComponent(scan.q)}`;
  // The version must travel with the id: without it an old print would read as valid.
  const version = scan.version !== undefined ? `&v=${scan.version}` : '';
  return `/pages/verify/verify?id=${encodeURIComponent(scan.codeId ?? '')}${version}`;
}

/** A URL-encoded query value decoded once; text that is not valid encoding is kept as it is. */
export function decodeOnce(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The scanned text for a report, decoded once (what the person saw). */
export function scannedText(scan: Scan): string {
  return decodeOnce(scan.q ?? scan.scene ?? scan.codeId ?? '');
}
