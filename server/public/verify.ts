/**
 * verifyCode: what a scan means, live. It takes the one parsed form of a scan (core/scan.ts,
 * `{ code: { id, version? } }`), or `{ uscc }` for an entity found by search (the schema, with its
 * reading of older builds' raw scans, is core/contract/public.ts). Budget (DESIGN §6):
 * at most three database calls; a scan makes one — an aggregate from the code by id that joins the
 * entity, its public records and its other codes (to tell a reissued print from a revoked one) —
 * plus one read of the history for a suspended or revoked code (the date and reason category).
 * An id that cannot be one of our codes never reaches the database.
 */
import {
  beijingDate,
  beijingDateTime,
  isCodeIdShape,
  PUBLIC_VERDICTS,
  toPublicProfile,
  verdictOf,
  withoutPositiveRecords,
  type PublicVerdict,
  type VerifyResult,
} from '../../core';
import type { ParsedOf } from '../../core/contract';
import type { publicContract } from '../../core/contract/public';
import type { ActionContext } from '../handler';
import type { CodeStatus } from '../model';
import { liveCodeOf, loadByCode, loadByUscc, type LoadedProfile } from './profile-query';
import { loadStatusChange } from './status-change';

function answer(verdict: PublicVerdict, now: Date, extra: Partial<VerifyResult> = {}): VerifyResult {
  const v = PUBLIC_VERDICTS[verdict];
  return {
    verdict,
    label: v.label,
    tone: v.tone,
    hint: v.hint,
    serverTime: now.toISOString(),
    serverTimeText: beijingDateTime(now),
    ...extra,
  };
}

interface ShownCode {
  _id: string;
  status: CodeStatus;
  version: number;
  issuedAt: unknown;
}

/** The answer for `code` of an entity (loaded with all its codes), given the verdict. */
async function describe(
  verdict: PublicVerdict,
  code: ShownCode,
  loaded: LoadedProfile | undefined,
  { db, now }: ActionContext,
): Promise<VerifyResult> {
  const since = beijingDate(code.issuedAt);
  const changed = verdict === 'suspended' || verdict === 'revoked' ? await loadStatusChange(db, code._id, code.status) : undefined;
  // Revoked with no live successor: the entity's positive records are withheld until it has one.
  const hidden = loaded !== undefined && liveCodeOf(loaded.codes) === undefined;
  let profile = loaded ? toPublicProfile({ ...loaded, codeIssuedAt: code.issuedAt }, now) : undefined;
  if (profile && hidden) profile = withoutPositiveRecords(profile);
  return answer(verdict, now, {
    codeId: code._id,
    version: code.version,
    ...(since ? { versionSince: since } : {}),
    ...(changed ? { statusChange: changed } : {}),
    ...(hidden ? { recordsHidden: true } : {}),
    ...(profile ? { profile } : {}),
  });
}

async function verifyEntity(usccCode: string, ctx: ActionContext): Promise<VerifyResult> {
  const loaded = await loadByUscc(ctx.db, usccCode);
  if (!loaded) return answer('unknown', ctx.now);
  const live = liveCodeOf(loaded.codes);
  const latest = live ?? [...loaded.codes].sort((a, b) => b.version - a.version)[0];
  if (!latest) return answer('none', ctx.now, { profile: toPublicProfile(loaded, ctx.now) });
  return describe(live ? verdictOf(live) : 'revoked', latest, loaded, ctx);
}

export async function verifyCode(input: ParsedOf<typeof publicContract.verifyCode>, ctx: ActionContext): Promise<VerifyResult> {
  if (input.code === undefined) return verifyEntity(input.uscc!, ctx);
  const { id, version } = input.code;
  if (!isCodeIdShape(id)) return answer('unknown', ctx.now);
  const loaded = await loadByCode(ctx.db, id);
  if (!loaded) return answer('unknown', ctx.now);
  const { code } = loaded;
  const live = loaded.profile ? liveCodeOf(loaded.profile.codes) : undefined;
  const reissued = live !== undefined && live._id !== code._id;
  const verdict = verdictOf(code, version, reissued);
  if (verdict === 'unknown') return answer('unknown', ctx.now);
  return describe(verdict, code, loaded.profile, ctx);
}
