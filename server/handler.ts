/**
 * defineHandler: the whole of a cloud function's index.ts. It reads the caller from
 * the WeChat context (never from the event), picks the action, lets the action parse
 * its own payload with core schemas, and maps DomainError to a stable error result.
 */
import { DomainError, isDomainError } from '../core';
import { getCloud, getDb, type Database } from './cloud';

export type Result<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: unknown } };

/** Who is calling, from cloud.getWXContext(). openid is '' for unauthenticated calls. */
export interface Caller {
  readonly openid: string;
  readonly appid: string;
}

export interface ActionContext {
  readonly caller: Caller;
  readonly db: Database;
  /** Server time of this call; the domain never reads the clock itself. */
  readonly now: Date;
  /**
   * Epoch ms by which long work (imports) must stop and record where it got to: the platform's time
   * limit for this invocation (context.time_limit_in_ms) less a margin for the final writes.
   */
  readonly deadline?: number;
}

export type Action = (payload: Record<string, unknown>, ctx: ActionContext) => Promise<unknown>;

export interface HandlerOptions {
  /** The function's name, for logs. */
  readonly name: string;
  readonly actions: Readonly<Record<string, Action>>;
  /** Refuse calls without an openid (merchant, staff); the public function allows them. */
  readonly requireOpenid: boolean;
  /** Run by a CloudBase timer trigger (cloudbaserc.json); such events carry no openid. */
  readonly onTimer?: (ctx: Omit<ActionContext, 'caller'>) => Promise<unknown>;
}

/**
 * A CloudBase timer trigger's invocation: the event { Type: 'Timer', TriggerName, Time }, no openid,
 * and TRIGGER_SRC=timer in the instance's environment — the marker CloudBase's runtime sets for
 * timer invocations (the node-sdk reads it to pick the trigger's API token). The event alone can be
 * sent by anyone; the environment cannot.
 */
export function isTimerInvocation(event: Record<string, unknown>, caller: Caller, env: NodeJS.ProcessEnv = process.env): boolean {
  return env.TRIGGER_SRC === 'timer' && caller.openid === '' && event.Type === 'Timer' && typeof event.TriggerName === 'string';
}

/** Looks like a timer event (any caller may send this shape). */
function hasTimerShape(event: Record<string, unknown>): boolean {
  return event.Type === 'Timer' || 'TriggerName' in event;
}

/**
 * The invocation's time limit less a quarter (at most 10 s) for closing up; undefined when the
 * platform gives none. FUNCTION_TIME_BUDGET_MS (deployment configuration, and tests) caps it further.
 */
export function deadlineOf(context: unknown, started: number, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const limit = Number((context as { time_limit_in_ms?: unknown } | undefined)?.time_limit_in_ms);
  const platform = Number.isFinite(limit) && limit > 0 ? started + limit - Math.min(10_000, limit / 4) : undefined;
  const cap = Number(env.FUNCTION_TIME_BUDGET_MS);
  if (!Number.isFinite(cap) || cap <= 0 || env.FUNCTION_TIME_BUDGET_MS === undefined) return platform;
  return platform === undefined ? started + cap : Math.min(platform, started + cap);
}

/** Refuse events that are not plain JSON objects; anything else is an attack or a bug. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function fail(code: string, message: string, details?: unknown): Result<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** Keys wx.cloud.callFunction and the platform add to events; they are not the caller's payload. */
const PLATFORM_KEYS = new Set(['action', 'userInfo', 'tcbContext']);

export function defineHandler(options: HandlerOptions) {
  const actions = new Map(Object.entries(options.actions));
  return async function main(event: unknown, context?: unknown): Promise<Result> {
    const started = Date.now();
    const cloud = getCloud();
    const ctx = cloud.getWXContext();
    const caller: Caller = { openid: ctx.OPENID ?? '', appid: ctx.APPID ?? '' };
    if (!isPlainObject(event)) return fail('INVALID_EVENT', '请求格式不正确');
    if (options.onTimer && isTimerInvocation(event, caller)) {
      try {
        return { ok: true, data: await options.onTimer({ db: getDb(), now: new Date() }) };
      } catch (e) {
        console.error(`[${options.name}.timer]`, e);
        return fail('INTERNAL', '定时任务失败');
      }
    }
    const name = event.action;
    if (options.onTimer && name === undefined && hasTimerShape(event)) return fail('NOT_A_TIMER', '定时任务只能由云开发定时触发器执行');
    if (typeof name !== 'string' || !actions.has(name)) return fail('UNKNOWN_ACTION', '不支持的操作');
    if (options.requireOpenid && caller.openid === '') return fail('UNAUTHENTICATED', '请在微信中登录后再操作');

    const payload: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(event)) if (!PLATFORM_KEYS.has(k)) payload[k] = v;

    try {
      const data = await actions.get(name)!(payload, {
        caller,
        db: getDb(),
        now: new Date(started),
        deadline: deadlineOf(context, started),
      });
      return { ok: true, data };
    } catch (e) {
      if (isDomainError(e)) return fail(e.code, e.message, e.details);
      console.error(`[${options.name}.${name}]`, e);
      return fail('INTERNAL', '系统繁忙，请稍后再试');
    }
  };
}

export { DomainError };
