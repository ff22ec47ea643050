/** profile: the public side of an entity, found by USCC (search is in search.ts). */
import * as z from 'zod';
import { DomainError, parseOrThrow, PUBLIC_VERDICTS, toPublicProfile, uscc, verdictOf, withoutPositiveRecords } from '../../core';
import type { ActionContext } from '../handler';
import { liveCodeOf, loadByUscc } from './profile-query';

const profileSchema = z.object({ uscc: uscc() });

export async function profile(payload: Record<string, unknown>, { db, now }: ActionContext) {
  const { uscc: code } = parseOrThrow(profileSchema, payload);
  const loaded = await loadByUscc(db, code, now);
  if (!loaded) throw new DomainError('ENTITY_NOT_FOUND', '未找到该市场主体的诚信码信息');
  const live = liveCodeOf(loaded.codes);
  // No code yet is neutral (尚未赋码); only codes that all ended revoked read 已撤销, and withhold the positive records.
  const verdict = live ? verdictOf(live) : loaded.codes.length === 0 ? 'none' : 'revoked';
  const text = PUBLIC_VERDICTS[verdict];
  const shown = toPublicProfile({ ...loaded, ...(live ? { codeIssuedAt: live.issuedAt } : {}) }, now);
  return {
    codeStatus: { verdict, label: text.label, tone: text.tone },
    profile: verdict === 'revoked' ? withoutPositiveRecords(shown) : shown,
  };
}
