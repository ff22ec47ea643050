/** submitCommitment / myCommitments: 主动承诺 the entity makes itself; staff review them before they are public. */
import { createHash } from 'node:crypto';
import { COMMITMENT_STATUS_TEXT, DAILY_LIMITS, DomainError, type CommitmentInput } from '../../core';
import type { OutputOf, ParsedOf } from '../../core/contract';
import type { merchantContract, MyCommitmentsData } from '../../core/contract/merchant';
import type { ActionContext } from '../handler';
import { fetchAll, fetchOne } from '../db';
import { isDuplicateKeyError } from '../db-errors';
import { takeDailyQuota } from '../limits';
import { COLLECTIONS, type CommitmentDoc } from '../model';
import { ownedEntity } from './ownership';

/** The same promise submitted twice (a double tap, a resubmission) is one record. */
export function selfCommitmentKey(c: CommitmentInput): string {
  const parts = [c.promiserCode, c.commitmentType, c.commitmentArea, c.reason, c.content, c.liability, c.committedOn];
  return `self:${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;
}

const duplicate = () => new DomainError('COMMITMENT_DUPLICATE', '您已提交过内容相同的承诺，无需重复提交');

export async function submitCommitment(
  input: ParsedOf<typeof merchantContract.submitCommitment>,
  { caller, db, now }: ActionContext,
): Promise<OutputOf<typeof merchantContract.submitCommitment>> {
  const entity = await ownedEntity(db, caller.openid, input.promiserCode);
  if (input.promiserName !== entity.name) {
    throw new DomainError('PROMISER_MISMATCH', `承诺人名称应与主体名称“${entity.name}”一致`, {
      issues: [{ field: 'promiserName', message: '承诺人名称应与主体名称一致' }],
    });
  }
  const dedupKey = selfCommitmentKey(input);
  // A resubmission is refused before it uses the day's quota (a race between two still ends in the unique index).
  const dup = await fetchOne<{ _id: string }>(db.collection(COLLECTIONS.commitments).where({ dedupKey }).field({ _id: true }).limit(1));
  if (dup) throw duplicate();
  await takeDailyQuota(
    db,
    'commitment',
    caller.openid,
    DAILY_LIMITS.commitment,
    now,
    () => new DomainError('TOO_MANY_COMMITMENTS', '您今天提交的承诺较多，请明天再试'),
  );
  const doc: Omit<CommitmentDoc, '_id'> = {
    ...input,
    // The 行业领域 is the entity's own (department scope follows it), never what the form says.
    field: entity.field,
    uscc: entity.uscc,
    status: 'pending',
    source: { kind: 'self', openid: caller.openid },
    dedupKey,
    createdAt: now,
  };
  try {
    const res = (await db.collection(COLLECTIONS.commitments).add({ data: doc })) as { _id: string };
    return { commitmentId: res._id, status: 'pending' };
  } catch (e) {
    if (isDuplicateKeyError(e)) throw duplicate();
    throw e;
  }
}

export async function myCommitments(
  { uscc }: ParsedOf<typeof merchantContract.myCommitments>,
  { caller, db }: ActionContext,
): Promise<MyCommitmentsData> {
  const entity = await ownedEntity(db, caller.openid, uscc);
  const docs = await fetchAll<CommitmentDoc>(
    db.collection(COLLECTIONS.commitments).where({ uscc: entity.uscc }).orderBy('createdAt', 'desc').limit(100),
  );
  return {
    uscc: entity.uscc,
    entityName: entity.name,
    items: docs.map((c) => ({
      id: c._id,
      commitmentType: c.commitmentType,
      commitmentArea: c.commitmentArea ?? '',
      field: c.field ?? '',
      reason: c.reason,
      content: c.content,
      liability: c.liability,
      committedOn: c.committedOn,
      publicity: c.publicity,
      status: c.status,
      statusText: COMMITMENT_STATUS_TEXT[c.status] ?? c.status,
      decisionReason: c.decisionReason ?? '',
      /** Imported by a department, or submitted here. */
      sourceKind: c.source?.kind ?? 'self',
    })),
  };
}
