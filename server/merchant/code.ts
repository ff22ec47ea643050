/** myCode: the caller's integrity code, its URL and an image to print or share. */
import { codeUrl, DomainError } from '../../core';
import type { ActionContext } from '../handler';
import { findLiveCode } from '../codes';
import { codeUrlPrefix } from '../code-url';
import { codeImage } from '../qr';
import { ownedEntity } from './ownership';

export async function myCode(payload: Record<string, unknown>, { caller, db }: ActionContext) {
  const entity = await ownedEntity(db, caller.openid, payload);
  const code = await findLiveCode(db, entity._id);
  if (!code) throw new DomainError('NO_CODE', '该主体当前没有有效的诚信码，请联系所在县（区）');
  const url = codeUrl(codeUrlPrefix(), code._id, code.version);
  const image = await codeImage(code._id, code.version, url);
  return {
    codeId: code._id,
    version: code.version,
    status: code.status,
    issuedAt: code.issuedAt,
    codeUrl: url,
    entityName: entity.name,
    uscc: entity.uscc,
    image,
  };
}
