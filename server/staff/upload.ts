/**
 * Files staff hand to staffFiles actions: base64 in the payload or a cloud-storage fileID the
 * mini-program uploaded (core/schemas/upload.ts). The contract has already refused inline content
 * over the action's limit; a stored file is refused here before it is read.
 */
import { DomainError } from '../../core';
import { base64Length, type UploadLimit } from '../../core/schemas/upload';
import { getCloud } from '../cloud';

/** The uploaded file's bytes, refused above the limit (before decoding base64) with its own message. */
export async function loadUpload(input: { fileBase64?: string; fileID?: string }, limit: UploadLimit): Promise<Buffer> {
  const tooLarge = () => new DomainError('FILE_TOO_LARGE', limit.tooLarge);
  if (input.fileBase64 !== undefined) {
    if (input.fileBase64.length > base64Length(limit.maxBytes)) throw tooLarge();
    if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(input.fileBase64)) throw new DomainError('INVALID_FILE', '文件内容编码不正确');
    const file = Buffer.from(input.fileBase64, 'base64');
    // Four base64 characters carry three bytes, so the text's bound lets through up to two more.
    if (file.length > limit.maxBytes) throw tooLarge();
    return file;
  }
  let res: { fileContent: Buffer };
  try {
    res = (await getCloud().downloadFile({ fileID: input.fileID! })) as { fileContent: Buffer };
  } catch {
    throw new DomainError('FILE_NOT_FOUND', '未找到上传的文件，请重新上传');
  }
  if (res.fileContent.length > limit.maxBytes) throw tooLarge();
  return res.fileContent;
}
