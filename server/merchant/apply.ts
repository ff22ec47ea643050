/**
 * applyCode: a merchant asks for an integrity code; staff review it (server/staff/review.ts).
 * withdrawApplication / myApplications: the applicant's side of the queue.
 *
 * Entitlement (docs/entitlement.md): the reviewing district is the entity's (entity → register →
 * USCC area, server/entity-district.ts), never the applicant's choice; only a city-level or outside
 * code with no entity and no register row takes the district the applicant chose. A name that
 * differs from the register row is refused before anything is stored; everything else the checks
 * find is a flag on the review card.
 */
import {
  APPLICANT_FLAG_TEXT,
  APPLICATION_STATUS_TEXT,
  cloudFileEnv,
  DomainError,
  districtName,
  isDistrictCode,
  sameName,
  validateUscc,
  type EntitlementFlag,
} from '../../core';
import type { OutputOf, ParsedOf } from '../../core/contract';
import type { AppliedData, merchantContract, MyApplicationItem } from '../../core/contract/merchant';
import type { ActionContext } from '../handler';
import { audit } from '../audit';
import { currentEnv } from '../cloud';
import { fetchAll, fetchById, fetchOne } from '../db';
import { isDuplicateKeyError } from '../db-errors';
import { districtFrom } from '../entity-district';
import { flagsOf } from '../entitlement';
import { releaseSlot, takeSlot } from '../limits';
import { COLLECTIONS, type ApplicationDoc, type CodeDoc, type EntityDoc, type RegisterDoc } from '../model';

/**
 * The district an application is reviewed by: the entity's, the register's or the USCC's area
 * (server/entity-district.ts; whatever the applicant chose); for a city-level or outside code with
 * neither, the applicant's choice, which is then required.
 */
export function reviewingDistrict(
  uscc: string,
  entity: EntityDoc | undefined,
  reg: RegisterDoc | undefined,
  chosen: string | undefined,
): { districtCode: string; source: NonNullable<ApplicationDoc['districtSource']> } {
  const known = districtFrom(uscc, entity, reg);
  if (known) return known;
  if (chosen !== undefined) return { districtCode: chosen, source: 'applicant' };
  const placement = validateUscc(uscc).placement;
  const why = placement?.kind === 'city' ? '该代码由鹤岗市级登记机关赋予' : '该代码不是鹤岗市登记机关赋予的';
  throw new DomainError('DISTRICT_REQUIRED', `${why}，请选择经营场所所在的县（区）`, {
    issues: [{ field: 'districtCode', message: '请选择所属县（区）' }],
  });
}

/** A cloud fileID must be one this environment stored (another env's file would not display). */
function checkOwnFile(ref: string | undefined, field: 'storefrontPhoto' | 'licencePhoto', label: string): void {
  if (ref === undefined || cloudFileEnv(ref) === currentEnv()) return;
  const message = `${label}应为本小程序上传的图片，请重新选择照片`;
  throw new DomainError('INVALID_INPUT', message, { issues: [{ field, message }] });
}

/** Pending applications one WeChat user may have at once (an agent may file for a few entities). */
export const MAX_PENDING_PER_APPLICANT = 10;

/** The counter (server/limits.ts) holding one slot per pending application of `openid`. */
export function pendingSlotId(openid: string): string {
  return `pendingApplications:${openid}`;
}

export async function applyCode(
  input: ParsedOf<typeof merchantContract.applyCode>,
  { caller, db, now }: ActionContext,
): Promise<AppliedData> {
  checkOwnFile(input.licencePhoto, 'licencePhoto', '营业执照照片');
  checkOwnFile(input.storefrontPhoto, 'storefrontPhoto', '门头照片');
  const [entity, reg, pending] = await Promise.all([
    fetchOne<EntityDoc>(db.collection(COLLECTIONS.entities).where({ uscc: input.uscc }).limit(1)),
    fetchOne<RegisterDoc>(db.collection(COLLECTIONS.register).where({ uscc: input.uscc }).limit(1)),
    // Read first so a second tap is refused without touching the pending-slot counter; the unique
    // pendingKey index below still decides a race.
    fetchOne(db.collection(COLLECTIONS.applications).where({ pendingKey: input.uscc }).field({ _id: true }).limit(1)),
  ]);
  const { districtCode, source } = reviewingDistrict(input.uscc, entity, reg, input.districtCode);
  if (!isDistrictCode(districtCode)) throw new DomainError('INVALID_INPUT', '所属县（区）应为鹤岗市的县（区）之一');
  const codes = entity ? await fetchAll<CodeDoc>(db.collection(COLLECTIONS.codes).where({ entityId: entity._id }).limit(100)) : [];
  if (codes.some((c) => c.status !== 'revoked')) {
    throw new DomainError('CODE_EXISTS', '该统一社会信用代码已有诚信码，无需重复申请；如需管理请联系原经办人或所在县（区）');
  }
  if (reg && !sameName(reg.name, input.entityName)) {
    const message = '市场主体名称与市场主体名录登记的名称不一致，请按营业执照上的名称填写（含括号内的文字）';
    throw new DomainError('NAME_MISMATCH', message, { issues: [{ field: 'entityName', message }] });
  }
  if (pending) throw applicationPending();
  const flags = flagsOf({ ...input, applicantOpenid: caller.openid, districtSource: source }, reg, entity, codes);

  const doc: Omit<ApplicationDoc, '_id'> = {
    uscc: input.uscc,
    entityName: input.entityName,
    category: input.category,
    districtCode,
    districtSource: source,
    ...(input.districtCode !== undefined && input.districtCode !== districtCode ? { applicantDistrictCode: input.districtCode } : {}),
    address: input.address,
    field: input.field,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    legalRepName: input.legalRepName,
    licencePhoto: input.licencePhoto,
    ...(input.storefrontPhoto ? { storefrontPhoto: input.storefrontPhoto } : {}),
    flags,
    applicantOpenid: caller.openid,
    status: 'pending',
    pendingKey: input.uscc,
    createdAt: now,
  };
  // The limit is a counter taken atomically (check-then-insert let 17 of 40 racing calls past 10).
  const slot = pendingSlotId(caller.openid);
  if (!(await takeSlot(db, slot, MAX_PENDING_PER_APPLICANT, now))) {
    throw new DomainError(
      'TOO_MANY_PENDING',
      `您已有${MAX_PENDING_PER_APPLICANT}份申请正在审核，请等待审核结果或撤回部分申请后再提交新的申请`,
    );
  }
  let id: string;
  try {
    const res = (await db.collection(COLLECTIONS.applications).add({ data: doc })) as { _id: string };
    id = res._id;
  } catch (e) {
    await releaseSlot(db, slot);
    // The unique pendingKey index: someone (maybe this person, a second tap) already applied.
    if (isDuplicateKeyError(e)) throw applicationPending();
    throw e;
  }
  return {
    applicationId: id,
    status: 'pending',
    uscc: input.uscc,
    districtCode,
    districtName: districtName(districtCode) ?? '',
    notes: applicantNotes(flags),
  };
}

function applicationPending(): DomainError {
  return new DomainError('APPLICATION_PENDING', '该统一社会信用代码已有待审核的申请，请耐心等待审核结果，无需重复提交');
}

/** What the applicant is told of the checks: only that a takeover needs the district's confirmation. */
function applicantNotes(flags: readonly string[] | undefined): string[] {
  return (flags ?? []).flatMap((f) => APPLICANT_FLAG_TEXT[f as EntitlementFlag] ?? []);
}

/** The caller takes back their own pending application; its pending slot is freed. */
export async function withdrawApplication(
  { applicationId }: ParsedOf<typeof merchantContract.withdrawApplication>,
  { caller, db, now }: ActionContext,
): Promise<OutputOf<typeof merchantContract.withdrawApplication>> {
  const coll = db.collection(COLLECTIONS.applications);
  const before = await fetchById<ApplicationDoc>(coll.doc(applicationId));
  if (!before || before.applicantOpenid !== caller.openid) throw new DomainError('NOT_FOUND', '未找到您的这份申请');
  if (before.status !== 'pending') {
    throw new DomainError('INVALID_STATE', `该申请${APPLICATION_STATUS_TEXT[before.status] ?? '已处理'}，不能撤回`, {
      status: before.status,
    });
  }
  const _ = db.command;
  const res = (await coll
    .where({ _id: before._id, applicantOpenid: caller.openid, status: 'pending' })
    .update({ data: { status: 'withdrawn', withdrawnAt: now, pendingKey: _.remove() } })) as { stats: { updated: number } };
  if (res.stats.updated !== 1) throw new DomainError('INVALID_STATE', '该申请已审核，不能撤回');
  await releaseSlot(db, pendingSlotId(caller.openid));
  const { pendingKey: _p, ...view } = before;
  await audit(db, {
    at: now,
    actor: caller.openid,
    role: 'merchant',
    action: 'withdrawApplication',
    target: { collection: COLLECTIONS.applications, id: before._id },
    before: view,
    after: { ...view, status: 'withdrawn', withdrawnAt: now },
  });
  return { applicationId: before._id, status: 'withdrawn' };
}

/**
 * The caller's applications, newest first, with what the apply page needs to file again with the
 * form filled in (after a rejection or a withdrawal). Never the register's data or the staff's names.
 */
export async function myApplications(
  _input: ParsedOf<typeof merchantContract.myApplications>,
  { caller, db }: ActionContext,
): Promise<OutputOf<typeof merchantContract.myApplications>> {
  const apps = await fetchAll<ApplicationDoc>(
    db.collection(COLLECTIONS.applications).where({ applicantOpenid: caller.openid }).orderBy('createdAt', 'desc').limit(50),
  );
  return {
    total: apps.length,
    items: apps.map((a): MyApplicationItem => ({
      id: a._id,
      status: a.status,
      statusText: APPLICATION_STATUS_TEXT[a.status] ?? a.status,
      decisionReason: a.decisionReason ?? '',
      notes: a.status === 'pending' ? applicantNotes(a.flags) : [],
      createdAt: a.createdAt.toISOString(),
      ...(a.reviewedAt ? { reviewedAt: a.reviewedAt.toISOString() } : {}),
      districtName: districtName(a.districtCode) ?? '',
      form: {
        uscc: a.uscc,
        entityName: a.entityName,
        category: a.category,
        districtCode: a.districtSource === 'applicant' ? a.districtCode : (a.applicantDistrictCode ?? ''),
        address: a.address,
        field: a.field,
        contactName: a.contactName,
        contactPhone: a.contactPhone,
        legalRepName: a.legalRepName ?? '',
        storefrontPhoto: a.storefrontPhoto ?? '',
        licencePhoto: a.licencePhoto ?? '',
      },
    })),
  };
}
