/**
 * The open data API: keyless, read-only, for other systems and online shops (DESIGN §4).
 *   GET /open/v1/codes/<id>        a code's status, version, entity name, district, checked-at
 *   GET /open/v1/entities/<uscc>   the public profile (the same whitelist as the mini-program)
 *   GET /open/v1/badge/<id>.svg    a live badge whose colour and words follow the status
 * Every answer is built from the public function's own answers (verifyCode, profile), so nothing
 * the public profile does not show can appear here. Rate-limited per client; cacheable for 60 s.
 * Documented in docs/openapi.yaml.
 */
import { badgeSvg, DomainError, isDomainError, parseOrThrow, versionText } from '../../core';
import { publicContract } from '../../core/contract';
import { getDb } from '../cloud';
import type { ActionContext } from '../handler';
import { profile } from '../public/profile';
import { verifyCode } from '../public/verify';
import { clientOf, json, problem, svg, type HttpEvent, type HttpResponse } from './http';
import { takeOpenApiHit } from './rate-limit';

const PREFIX = '/open/v1/';

/** The public actions take parsed input (core/contract/public.ts): a path segment goes through the same schema. */
const verifyById = (id: string, ctx: ActionContext) => verifyCode(parseOrThrow(publicContract.verifyCode.input, { code: { id } }), ctx);
const ROUTES: ReadonlyArray<{ pattern: RegExp; run: (arg: string, ctx: ActionContext) => Promise<HttpResponse> }> = [
  { pattern: /^codes\/([^/]{1,64})$/, run: codeStatus },
  { pattern: /^entities\/([^/]{1,64})$/, run: entityProfile },
  { pattern: /^badge\/([^/]{1,64})\.svg$/, run: badge },
];

/** A code as other systems see it; undefined when we never issued it. */
async function codeAnswer(id: string, ctx: ActionContext) {
  const r = await verifyById(id, ctx);
  if (r.verdict === 'unknown' || r.verdict === 'none') return undefined;
  return {
    id: r.codeId!,
    status: r.verdict,
    statusLabel: r.label,
    version: r.version!,
    ...(r.versionSince ? { versionSince: r.versionSince } : {}),
    ...(r.statusChange ? { statusChange: r.statusChange } : {}),
    entityName: r.profile?.name ?? '',
    district: { code: r.profile?.districtCode ?? '', name: r.profile?.districtName ?? '' },
    checkedAt: r.serverTime,
  };
}

async function codeStatus(id: string, ctx: ActionContext): Promise<HttpResponse> {
  const answer = await codeAnswer(id, ctx);
  return answer ? json(200, answer) : problem(404, 'CODE_NOT_FOUND', '没有这个诚信码');
}

async function entityProfile(uscc: string, ctx: ActionContext): Promise<HttpResponse> {
  const r = await profile(parseOrThrow(publicContract.profile.input, { uscc }), ctx);
  return json(200, { status: r.codeStatus.verdict, statusLabel: r.codeStatus.label, profile: r.profile, checkedAt: ctx.now.toISOString() });
}

async function badge(id: string, ctx: ActionContext): Promise<HttpResponse> {
  const r = await verifyById(id, ctx);
  const right = r.version !== undefined && r.verdict !== 'unknown' ? `${r.label} · ${versionText('zh', r.version)}` : r.label;
  const name = r.profile?.name ? `${r.profile.name}：` : '';
  return svg(badgeSvg({ left: '信用鹤岗诚信码', right, tone: r.tone, title: `${name}诚信码${right}（核验于${r.serverTimeText}）` }));
}

export async function openHandler(event: unknown): Promise<HttpResponse> {
  const e = (typeof event === 'object' && event !== null ? event : {}) as HttpEvent;
  const method = typeof e.httpMethod === 'string' ? e.httpMethod.toUpperCase() : '';
  if (method !== 'GET' && method !== 'HEAD') return problem(405, 'METHOD_NOT_ALLOWED', '开放接口只读，仅支持GET', { allow: 'GET, HEAD' });
  const path = typeof e.path === 'string' ? e.path : '';
  const at = path.indexOf(PREFIX);
  const rest = at >= 0 ? path.slice(at + PREFIX.length) : '';
  const route = ROUTES.map((r) => ({ r, m: r.pattern.exec(rest) })).find((x) => x.m);
  if (!route) return problem(404, 'NOT_FOUND', '没有这个接口，请参阅开放接口说明');
  const ctx: ActionContext = { caller: { openid: '', appid: '' }, db: getDb(), now: new Date() };
  try {
    const rate = await takeOpenApiHit(ctx.db, clientOf(e), ctx.now);
    if (!rate.allowed) return problem(429, 'RATE_LIMITED', '请求过于频繁，请稍后再试', { 'retry-after': String(rate.retryAfter) });
    let arg = route.m![1]!;
    try {
      arg = decodeURIComponent(arg);
    } catch {
      throw new DomainError('INVALID_INPUT', '路径编码不正确');
    }
    return await route.r.run(arg, ctx);
  } catch (err) {
    if (isDomainError(err)) return problem(err.code === 'ENTITY_NOT_FOUND' ? 404 : 400, err.code, err.message);
    console.error('[open]', err);
    return problem(500, 'INTERNAL', '系统繁忙，请稍后再试');
  }
}
