/**
 * verifyCode: what a scan means, live. Budget (DESIGN §6): at most three database calls; it
 * makes one — an aggregate from the code by id that joins the entity, its public records and
 * its other codes (to tell a reissued print from a revoked one). A scanned text that cannot be
 * one of our codes never reaches the database.
 */
import { beijingDateTime, DomainError, parseCodeUrl, toPublicProfile, VERDICTS, verdictOf, type CodeVerdict, type PublicProfile } from '../../core';
import type { ActionContext } from '../handler';
import { codeUrlPrefix } from '../code-url';
import { liveCodeOf, loadByCode } from './profile-query';

/** Longer than any URL we print; anything longer is not ours. */
const MAX_SCANNED = 512;

export interface VerifyResult {
  verdict: CodeVerdict;
  label: string;
  tone: string;
  hint: string;
  /** The live server time of this check (ISO and Beijing wall-clock), so a screenshot shows its age. */
  serverTime: string;
  serverTimeText: string;
  codeId?: string;
  profile?: PublicProfile;
}

function readVersion(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 999_999) {
    throw new DomainError('INVALID_INPUT', '诚信码版本号不正确');
  }
  return n;
}

/** The id and version in whatever was scanned: a bare id, our URL, or a mini-program code scene. */
export function readScan(payload: Record<string, unknown>): { id: string; version?: number } | undefined {
  const raw = payload.codeId ?? payload.url ?? payload.q ?? payload.scene;
  if (typeof raw !== 'string' || raw.trim() === '') throw new DomainError('INVALID_INPUT', '请提供要核验的诚信码');
  const explicit = readVersion(payload.version);
  if (raw.length > MAX_SCANNED) return undefined;
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const parsed = parseCodeUrl(codeUrlPrefix(), text);
  if (!parsed) return undefined;
  const version = parsed.version ?? explicit;
  return version === undefined ? { id: parsed.id } : { id: parsed.id, version };
}

function answer(verdict: CodeVerdict, now: Date, extra: Partial<VerifyResult> = {}): VerifyResult {
  const v = VERDICTS[verdict];
  return { verdict, label: v.label, tone: v.tone, hint: v.hint, serverTime: now.toISOString(), serverTimeText: beijingDateTime(now), ...extra };
}

export async function verifyCode(payload: Record<string, unknown>, { db, now }: ActionContext): Promise<VerifyResult> {
  const scan = readScan(payload);
  if (!scan) return answer('unknown', now);
  const loaded = await loadByCode(db, scan.id);
  if (!loaded) return answer('unknown', now);
  const { code } = loaded;
  const live = loaded.profile ? liveCodeOf(loaded.profile.codes) : undefined;
  const reissued = live !== undefined && live._id !== code._id;
  const verdict = verdictOf(code, scan.version, reissued);
  if (verdict === 'unknown') return answer('unknown', now);
  const profile = loaded.profile ? toPublicProfile({ ...loaded.profile, codeIssuedAt: code.issuedAt }, now) : undefined;
  return answer(verdict, now, { codeId: code._id, ...(profile ? { profile } : {}) });
}
