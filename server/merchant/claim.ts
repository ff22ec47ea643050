/**
 * claimCode: the holder of a delivery slip (认领码) becomes an owner of the entity whose code the
 * office issued from collected data. One-time, 90 days, five tries then a day's lock (server/claims.ts);
 * audited; existing owners, if any, are told. Afterwards the merchant sees the code, poster and
 * commitments exactly as if they had applied.
 */
import { DomainError } from '../../core';
import type { ParsedOf } from '../../core/contract';
import type { ClaimResult, merchantContract } from '../../core/contract/merchant';
import { audit } from '../audit';
import { afterWrongTry, claimMatches, isExpired, loadClaim, markClaimed, MAX_CLAIM_TRIES, takeTry } from '../claims';
import { findLiveCode } from '../codes';
import { fetchOne } from '../db';
import type { ActionContext } from '../handler';
import { takeDailyQuota } from '../limits';
import { COLLECTIONS, type EntityDoc } from '../model';
import { notifyAll } from '../notify';

/** Claim attempts one WeChat user may make a day, over all entities (slows guessing across many). */
export const MAX_CLAIMS_PER_DAY = 20;

const notFound = () => new DomainError('CLAIM_NOT_FOUND', '该主体没有待认领的诚信码，请核对统一社会信用代码，或联系发码部门');

export async function claimCode(
  input: ParsedOf<typeof merchantContract.claimCode>,
  { caller, db, now }: ActionContext,
): Promise<ClaimResult> {
  await takeDailyQuota(
    db,
    'claimCode',
    caller.openid,
    MAX_CLAIMS_PER_DAY,
    now,
    () => new DomainError('TOO_MANY_ATTEMPTS', '今天的认领次数已达上限，请明天再试'),
  );
  const entity = await fetchOne<EntityDoc>(db.collection(COLLECTIONS.entities).where({ uscc: input.uscc }).limit(1));
  const claim = entity ? await loadClaim(db, entity._id) : undefined;
  if (!entity || !claim) throw notFound();
  if (claim.status === 'claimed') {
    if (claim.claimedBy === caller.openid) return answer(db, entity, true);
    throw new DomainError('ALREADY_CLAIMED', '该认领码已被使用。如需成为经办人，请联系现有经办人或所在县（区）');
  }
  if (isExpired(claim, now)) throw new DomainError('CLAIM_EXPIRED', '认领码已过期（有效期90天），请联系发码部门重新打印送达单');
  if (!(await takeTry(db, claim, now))) throw locked();
  if (!claimMatches(claim, input.claimCode)) {
    const left = await afterWrongTry(db, claim._id, now);
    await audit(db, {
      at: now,
      actor: caller.openid,
      role: 'merchant',
      action: 'claim.wrongCode',
      target: { collection: COLLECTIONS.claims, id: claim._id },
      before: null,
      after: { triesLeft: left },
    });
    const next = left > 0 ? `还可尝试${left}次` : `已连续输错${MAX_CLAIM_TRIES}次，锁定24小时`;
    throw new DomainError('CLAIM_CODE_WRONG', `认领码不正确，${next}`, { triesLeft: left, maxTries: MAX_CLAIM_TRIES });
  }
  if (!(await markClaimed(db, claim._id, caller.openid, now))) {
    throw new DomainError('ALREADY_CLAIMED', '该认领码已被使用。如需成为经办人，请联系现有经办人或所在县（区）');
  }
  const before = entity.ownerOpenids;
  await db
    .collection(COLLECTIONS.entities)
    .doc(entity._id)
    .update({ data: { ownerOpenids: db.command.addToSet(caller.openid), updatedAt: now } });
  await audit(db, {
    at: now,
    actor: caller.openid,
    role: 'merchant',
    action: 'entity.claim',
    target: { collection: COLLECTIONS.entities, id: entity._id },
    before: { ownerOpenids: before },
    after: {
      ownerOpenids: [...new Set([...before, caller.openid])],
      claimId: claim._id,
      issuedBy: claim.issuedBy,
      department: claim.department,
    },
  });
  await notifyAll(
    db,
    before.filter((o) => o !== caller.openid),
    {
      kind: 'ownerAdded',
      title: '主体经办人变更',
      lines: [`${entity.name}新增一名经办人（凭部门送达的认领码认领）`, '如非本单位人员，请立即联系所在县（区）'],
      page: `pages/my-entities/my-entities`,
    },
    now,
  );
  return answer(db, entity, false);
}

function locked(): DomainError {
  return new DomainError('CLAIM_LOCKED', `认领码连续输错${MAX_CLAIM_TRIES}次，已锁定24小时，请明天再试`);
}

async function answer(db: ActionContext['db'], entity: EntityDoc, already: boolean): Promise<ClaimResult> {
  const code = await findLiveCode(db, entity._id);
  return {
    uscc: entity.uscc,
    entityName: entity.name,
    alreadyClaimed: already,
    code: code ? { codeId: code._id, version: code.version, status: code.status } : null,
  };
}
