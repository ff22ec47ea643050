/**
 * The one form of a scanned 诚信码, and the one decoder that makes it from whatever arrives at a
 * page: the camera's text (wx.scanCode), `q` (扫普通链接二维码: the printed URL, URL-encoded once
 * by WeChat), `scene` (a mini-program code: `<id>?v=<n>`, URL-encoded once) or `id` + `v` (our own
 * links and shares, encoded once by codeRefQuery). Each arrives encoded exactly once, is decoded
 * exactly once here, and from then on only the parsed form travels: to verifyCode, to the report
 * form, and back into a share link. Pure and zod-free: the mini-program bundles it.
 */

/** What a scan names: a code id and, when the print carried one, its version. */
export interface CodeRef {
  /**
   * The code's 22-character id; for text that names none of our codes, the text itself (bounded),
   * so the server still answers 无效码 with its own time and a report keeps it as evidence.
   */
  readonly id: string;
  readonly version?: number;
}

/** Longer than anything we print; longer text is cut here and is never one of our codes. */
export const MAX_SCANNED_TEXT = 512;
export const MAX_CODE_VERSION = 999_999;

/** `<id>` or `<id>?v=<n>`: the scene of a mini-program code and the tail of a printed URL. */
const ID_AND_VERSION = /^([0-9A-Za-z]{22})(?:\?v=(\d{1,6}))?$/;
/** A printed URL: any http(s) origin and path, the id as the last path segment. */
const PRINTED_URL = /^https?:\/\/[^/?#\s]+\/(?:[^?#\s]*\/)?([0-9A-Za-z]{22}(?:\?v=\d{1,6})?)$/i;

/** A URL-encoded value decoded once; text that is not valid encoding is kept as it is. */
export function decodeOnce(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function versionOf(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d{1,6}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 ? n : undefined;
}

/**
 * Plain text (as the camera read it, as typed, or a query value after its one decoding) → the
 * code it names. The host of a URL is not judged here: WeChat's scan rule already routes only our
 * prefix to the page, the preview prints its own host, and a real id on a strange host still
 * shows that code's real entity, which is what the person must compare with the shop.
 */
export function codeRefFromText(raw: string): CodeRef | undefined {
  const text = raw.trim().slice(0, MAX_SCANNED_TEXT);
  if (text === '') return undefined;
  const tail = PRINTED_URL.exec(text)?.[1] ?? text;
  const m = ID_AND_VERSION.exec(tail);
  if (!m) return { id: text };
  const version = versionOf(m[2]);
  return version === undefined ? { id: m[1]! } : { id: m[1]!, version };
}

/** A page's onLoad query → the code it was opened for; undefined when it names none. */
export function codeRefFromQuery(query: Readonly<Record<string, string | undefined>>): CodeRef | undefined {
  if (query.q) return codeRefFromText(decodeOnce(query.q));
  if (query.scene) return codeRefFromText(decodeOnce(query.scene));
  if (!query.id) return undefined;
  const ref = codeRefFromText(decodeOnce(query.id));
  const version = versionOf(query.v);
  return ref && version !== undefined ? { id: ref.id, version } : ref;
}

/** wx.scanCode's answer: a mini-program code gives its page path with the scene; a QR code its text. */
export function codeRefFromScanCode(res: { result?: string; path?: string }): CodeRef | undefined {
  const scene = /[?&]scene=([^&]+)/.exec(res.path ?? '');
  if (scene) return codeRefFromText(decodeOnce(scene[1]!));
  return res.result ? codeRefFromText(res.result) : undefined;
}

/** `id=…&v=…`, each value encoded once: what codeRefFromQuery reads back. */
export function codeRefQuery(ref: CodeRef): string {
  // The version must travel with the id: without it an old print would read as valid.
  return `id=${encodeURIComponent(ref.id)}${ref.version !== undefined ? `&v=${ref.version}` : ''}`;
}

/** The code as a person reads it (report evidence, the report form's field): `<id>?v=<n>`. */
export function codeRefText(ref: CodeRef): string {
  return ref.version !== undefined ? `${ref.id}?v=${ref.version}` : ref.id;
}
