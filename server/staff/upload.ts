/**
 * Files staff hand to staffFiles actions (ledger import, batch credit check): base64 in the
 * payload (tests, small files) or a cloud-storage fileID the mini-program uploaded. Bounded.
 */
import * as z from 'zod';
import { DomainError } from '../../core';
import { getCloud } from '../cloud';

export const fileInput = {
  fileBase64: z.string({ error: '文件内容应为base64文本' }).max(14_000_000, { error: '文件过大' }).optional(),
  fileID: z.string({ error: '文件ID应为文本' }).max(1000).optional(),
};
export const hasFile = (v: { fileBase64?: string; fileID?: string }) => v.fileBase64 !== undefined || v.fileID !== undefined;

/** The uploaded file's bytes, refused above `maxBytes` (before decoding base64) with `tooLarge`. */
export async function loadUpload(
  input: { fileBase64?: string; fileID?: string },
  maxBytes: number,
  tooLarge = () => new DomainError('FILE_TOO_LARGE', `文件过大，不能超过${Math.round(maxBytes / 1024 / 1024)}MB`),
): Promise<Buffer> {
  if (input.fileBase64 !== undefined) {
    if (input.fileBase64.length > Math.ceil(maxBytes / 3) * 4) throw tooLarge();
    if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(input.fileBase64)) throw new DomainError('INVALID_FILE', '文件内容编码不正确');
    return Buffer.from(input.fileBase64, 'base64');
  }
  let res: { fileContent: Buffer };
  try {
    res = (await getCloud().downloadFile({ fileID: input.fileID! })) as { fileContent: Buffer };
  } catch {
    throw new DomainError('FILE_NOT_FOUND', '未找到上传的文件，请重新上传');
  }
  if (res.fileContent.length > maxBytes) throw tooLarge();
  return res.fileContent;
}

/** A spreadsheet cell as trimmed text (rich text, hyperlinks, formulas and numbers included). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('').trim();
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
  }
  return '';
}
