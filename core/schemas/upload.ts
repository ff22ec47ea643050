/**
 * A file staff hand to a staffFiles action: base64 in the payload (tests, small files) or the
 * cloud-storage fileID the mini-program uploaded (callFunction payloads are small). Each action
 * names its limit once (UploadLimit); the schema refuses inline content over it before anything
 * is decoded, and the server's loader (server/staff/upload.ts) refuses a stored file over it
 * before reading it, both with the limit's own FILE_TOO_LARGE message.
 */
import * as z from 'zod';

export interface UploadLimit {
  readonly maxBytes: number;
  /** The Chinese message of FILE_TOO_LARGE for this kind of file. */
  readonly tooLarge: string;
}

/** A limit with the general message unless the file kind has its own. */
export function uploadLimit(maxBytes: number, tooLarge = `文件过大，不能超过${Math.round(maxBytes / 1024 / 1024)}MB`): UploadLimit {
  return { maxBytes, tooLarge };
}

/** The longest base64 text of a file within the limit (line breaks aside). */
export const base64Length = (maxBytes: number) => Math.ceil(maxBytes / 3) * 4;

/**
 * The error code an issue asks parseOrThrow for instead of INVALID_INPUT (core/schemas/parse.ts):
 * a file over its limit is FILE_TOO_LARGE however it arrives.
 */
const TOO_LARGE = { code: 'FILE_TOO_LARGE' } as const;

/** The two ways a file arrives; spread into an action's object schema, then `.refine(hasUpload, UPLOAD_REQUIRED)`. */
export function uploadFields(limit: UploadLimit) {
  return {
    fileBase64: z
      .string({ error: '文件内容应为base64文本' })
      .refine((s) => s.length <= base64Length(limit.maxBytes), { error: limit.tooLarge, params: TOO_LARGE, abort: true })
      .optional(),
    fileID: z.string({ error: '文件ID应为文本' }).max(1000, { error: '文件ID过长' }).optional(),
  };
}

export const hasUpload = (v: { fileBase64?: string; fileID?: string }) => v.fileBase64 !== undefined || v.fileID !== undefined;

/** The refinement that one of the two is given. */
export const UPLOAD_REQUIRED = { error: '请上传文件', path: ['fileBase64'] };
