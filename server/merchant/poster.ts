/**
 * posterFile: the caller's code as a printable PDF — A4, A5 or a table tent — with the entity's
 * name and address, a vector QR of the code's URL, the issuing authority and the dates
 * (server/poster/layout.ts). A few kilobytes, sent back as base64 for the page to open.
 */
import { beijingDate, codeUrl, DomainError } from '../../core';
import type { ParsedOf } from '../../core/contract';
import type { merchantContract, PosterFileData } from '../../core/contract/merchant';
import type { ActionContext } from '../handler';
import { findLiveCode } from '../codes';
import { codeUrlPrefix } from '../code-url';
import { POSTER_NAMES, posterPdf } from '../poster/layout';
import { ownedEntity } from './ownership';

export async function posterFile(
  { size, uscc }: ParsedOf<typeof merchantContract.posterFile>,
  { caller, db, now }: ActionContext,
): Promise<PosterFileData> {
  const entity = await ownedEntity(db, caller.openid, uscc);
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
