/**
 * myCode: the caller's integrity code, its URL and an image to print or share. A suspended or
 * revoked code comes with why, since when and what to do next, and no image: nothing to print
 * while the code is not valid.
 */
import { codeReasonLabel, codeUrl, DomainError } from '../../core';
import type { ParsedOf } from '../../core/contract';
import type { merchantContract, MyCodeData } from '../../core/contract/merchant';
import type { ActionContext } from '../handler';
import { findLiveCode } from '../codes';
import { codeUrlPrefix } from '../code-url';
import { fetchOne } from '../db';
import { COLLECTIONS, type CodeDoc } from '../model';
import { codeImage } from '../qr';
import { ownedEntity } from './ownership';

/** What the owner should do about a code that is not valid. */
export const NEXT_STEPS = {
  suspended: [
    '暂停期间请勿张贴、出示该诚信码，扫码将显示“暂停”。',
    '请按原因整改，并联系所在县（区）营商环境建设监督局核实；核实后将恢复。',
    '如认为暂停有误，可在“提出异议”中说明情况，工作人员将在5个工作日内答复；咨询请拨打12345。',
  ],
  revoked: [
    '该诚信码已撤销，请撤下已张贴的诚信码，扫码将显示“已撤销”。',
    '整改完成后可重新申请诚信码。',
    '如认为撤销有误，可在“提出异议”中说明情况，工作人员将在5个工作日内答复；咨询请拨打12345。',
  ],
} as const;

export async function myCode({ uscc }: ParsedOf<typeof merchantContract.myCode>, { caller, db }: ActionContext): Promise<MyCodeData> {
  const entity = await ownedEntity(db, caller.openid, uscc);
  const code =
    (await findLiveCode(db, entity._id)) ??
    (await fetchOne<CodeDoc>(
      db.collection(COLLECTIONS.codes).where({ entityId: entity._id, status: 'revoked' }).orderBy('version', 'desc').limit(1),
    ));
  if (!code) throw new DomainError('NO_CODE', '该主体当前没有有效的诚信码，请联系所在县（区）');
  const about = { issuedAt: code.issuedAt.toISOString(), entityName: entity.name, uscc: entity.uscc };
  if (code.status !== 'active') {
    const last = [...(code.history ?? [])].reverse().find((h) => h.status === code.status);
    return {
      codeId: code._id,
      version: code.version,
      status: code.status,
      ...about,
      changedAt: last?.at.toISOString() ?? null,
      reasonCategory: last?.category ?? 'other',
      reasonCategoryText: codeReasonLabel(last?.category),
      reason: last?.reason ?? '',
      nextSteps: NEXT_STEPS[code.status],
    };
  }
  const url = codeUrl(codeUrlPrefix(), code._id, code.version);
  const image = await codeImage(code._id, code.version, url);
  return { codeId: code._id, version: code.version, status: code.status, ...about, codeUrl: url, image };
}
