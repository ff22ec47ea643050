/** profile: the public side of an entity, found by USCC (search is in search.ts). */
import * as z from 'zod';
import { DomainError, parseOrThrow, toPublicProfile, uscc, VERDICTS, verdictOf } from '../../core';
import type { ActionContext } from '../handler';
import { liveCodeOf, loadByUscc } from './profile-query';

const profileSchema = z.object({ uscc: uscc() });

export async function profile(payload: Record<string, unknown>, { db, now }: ActionContext) {
  const { uscc: code } = parseOrThrow(profileSchema, payload);
  const loaded = await loadByUscc(db, code, now);
  if (!loaded) throw new DomainError('ENTITY_NOT_FOUND', '未找到该市场主体的诚信码信息');
  const live = liveCodeOf(loaded.codes);
  const verdict = live ? verdictOf(live) : 'revoked';
  const text = VERDICTS[verdict];
  return {
    codeStatus: { verdict, label: live ? text.label : '无有效诚信码', tone: text.tone },
    profile: toPublicProfile({ ...loaded, ...(live ? { codeIssuedAt: live.issuedAt } : {}) }, now),
  };
}
