/**
 * The id a printed QR code carries. It must be unguessable (nobody can enumerate
 * codes or forge a valid-looking one) and short enough for a small QR version.
 * The caller supplies the random bytes, so the core stays pure.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 22 base-62 characters ≈ 131 bits of entropy. */
export const CODE_ID_LENGTH = 22;
const CODE_ID_PATTERN = /^[0-9A-Za-z]{22}$/;

/** Needs at least 22 random bytes; each byte picks one character (rejection-free, bias < 0.4%). */
export function codeIdFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CODE_ID_LENGTH) throw new RangeError('need 22 random bytes');
  let id = '';
  for (let i = 0; i < CODE_ID_LENGTH; i++) id += BASE62[bytes[i]! % 62];
  return id;
}

export function isCodeIdShape(v: unknown): v is string {
  return typeof v === 'string' && CODE_ID_PATTERN.test(v);
}

/**
 * The URL a QR code encodes: `<prefix><id>?v=<version>`. WeChat's "扫普通链接二维码打开小程序"
 * routes the prefix to the verify page; any phone camera opens the same URL.
 */
export function codeUrl(prefix: string, id: string, version: number): string {
  return `${prefix}${id}?v=${version}`;
}

/** Reads a scanned URL (or a bare id) back into id and version; undefined when it is not ours. */
export function parseCodeUrl(prefix: string, scanned: string): { id: string; version?: number } | undefined {
  const text = scanned.trim();
  const rest = text.startsWith(prefix) ? text.slice(prefix.length) : text;
  const m = /^([0-9A-Za-z]{22})(?:\?v=(\d{1,6}))?$/.exec(rest);
  if (!m) return undefined;
  return m[2] === undefined ? { id: m[1]! } : { id: m[1]!, version: Number(m[2]) };
}
