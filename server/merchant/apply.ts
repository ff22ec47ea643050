/** applyCode: a merchant asks for an integrity code; staff review it (server/staff). */
import { applicationSchema, cloudFileEnv, DomainError, districtName, isDistrictCode, parseOrThrow, validateUscc } from '../../core';
import type { ActionContext } from '../handler';
import { currentEnv } from '../cloud';
import { findLiveCode } from '../codes';
import { countOf, fetchOne } from '../db';
import { isDuplicateKeyError } from '../db-errors';
import { COLLECTIONS, type ApplicationDoc, type EntityDoc } from '../model';

/**
 * The district an application is filed under: the one chosen, else the USCC's own when it
 * names one of the eight districts. City-level and outside codes need a person's choice.
 */
export function resolveDistrict(uscc: string, chosen: string | undefined): string {
  if (chosen !== undefined) return chosen;
  const placement = validateUscc(uscc).placement;
  if (placement?.kind === 'district') return placement.district.code;
  const why = placement?.kind === 'city' ? '该代码由鹤岗市级登记机关赋予' : '该代码不是鹤岗市登记机关赋予的';
  throw new DomainError('DISTRICT_REQUIRED', `${why}，请选择经营场所所在的县（区）`, {
    issues: [{ field: 'districtCode', message: '请选择所属县（区）' }],
  });
}

/** A cloud fileID must be one this environment stored (another env's file would not display). */
function checkOwnFile(ref: string | undefined): void {
  if (ref === undefined || !ref.startsWith('cloud://') || cloudFileEnv(ref) === currentEnv()) return;
  const message = '门头照片应为本小程序上传的图片，请重新选择照片';
  throw new DomainError('INVALID_INPUT', message, { issues: [{ field: 'storefrontPhoto', message }] });
}

/** Pending applications one WeChat user may have at once (an agent may file for a few entities). */
export const MAX_PENDING_PER_APPLICANT = 10;

export async function applyCode(payload: Record<string, unknown>, { caller, db, now }: ActionContext) {
  const input = parseOrThrow(applicationSchema, payload);
  const districtCode = resolveDistrict(input.uscc, input.districtCode);
  checkOwnFile(input.storefrontPhoto);
  if (!isDistrictCode(districtCode)) throw new DomainError('INVALID_INPUT', '所属县（区）应为鹤岗市的县（区）之一');
  const pending = await countOf(db.collection(COLLECTIONS.applications).where({ applicantOpenid: caller.openid, status: 'pending' }));
  if (pending >= MAX_PENDING_PER_APPLICANT) {
    throw new DomainError('TOO_MANY_PENDING', `您已有${pending}份申请正在审核，请等待审核结果后再提交新的申请`);
  }

  const entity = await fetchOne<EntityDoc>(db.collection(COLLECTIONS.entities).where({ uscc: input.uscc }).limit(1));
  if (entity && (await findLiveCode(db, entity._id))) {
    throw new DomainError('CODE_EXISTS', '该统一社会信用代码已有诚信码，无需重复申请；如需管理请联系原经办人或所在县（区）');
  }

  const doc: Omit<ApplicationDoc, '_id'> = {
    uscc: input.uscc,
    entityName: input.entityName,
    category: input.category,
    districtCode,
    address: input.address,
    field: input.field,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    ...(input.storefrontPhoto ? { storefrontPhoto: input.storefrontPhoto } : {}),
    applicantOpenid: caller.openid,
    status: 'pending',
    pendingKey: input.uscc,
    createdAt: now,
  };
  let id: string;
  try {
    const res = (await db.collection(COLLECTIONS.applications).add({ data: doc })) as { _id: string };
    id = res._id;
  } catch (e) {
    // The unique pendingKey index: someone (maybe this person, a second tap) already applied.
    if (isDuplicateKeyError(e)) {
      throw new DomainError('APPLICATION_PENDING', '该统一社会信用代码已有待审核的申请，请耐心等待审核结果，无需重复提交');
    }
    throw e;
  }
  return { applicationId: id, status: 'pending' as const, uscc: input.uscc, districtCode, districtName: districtName(districtCode) ?? '' };
}
