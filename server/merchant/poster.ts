/**
 * posterFile: the caller's code as a printable PDF — A4, A5 or a table tent — with the entity's
 * name and address, a vector QR of the code's URL, the issuing authority and the dates
 * (server/poster/layout.ts). A few kilobytes, sent back as base64 for the page to open.
 */
import { beijingDate, codeUrl, DomainError, oneOf, parseOrThrow } from '../../core';
import type { ActionContext } from '../handler';
import { findLiveCode } from '../codes';
import { codeUrlPrefix } from '../code-url';
import { POSTER_NAMES, POSTER_SIZES, posterPdf } from '../poster/layout';
import { entityRefSchema, ownedEntity } from './ownership';

const posterSchema = entityRefSchema.extend({ size: oneOf('海报尺寸', POSTER_SIZES) });

export async function posterFile(payload: Record<string, unknown>, { caller, db, now }: ActionContext) {
  const { size } = parseOrThrow(posterSchema, payload);
  const entity = await ownedEntity(db, caller.openid, payload);
  const code = await findLiveCode(db, entity._id);
  if (!code) throw new DomainError('NO_CODE', '该主体当前没有有效的诚信码，请联系所在县（区）');
  const pdf = posterPdf(size, {
    entityName: entity.name,
    address: entity.address,
    codeUrl: codeUrl(codeUrlPrefix(), code._id, code.version),
    codeId: code._id,
    version: code.version,
    issuedOn: beijingDate(code.issuedAt) ?? '',
    printedOn: beijingDate(now)!,
  });
  return { size, fileName: `诚信码-${POSTER_NAMES[size]}-${code._id}.pdf`, bytes: pdf.length, fileBase64: pdf.toString('base64') };
}
