/**
 * The only code that calls wx.cloud.callFunction. Function names live in one map;
 * every result is checked for the `{ ok, data | error }` shape the functions return,
 * so pages branch on `error.code` and show `error.message`. `call` is typed by the functions'
 * contract (core/contract): its input and its answer are the ones the function implements.
 */
import type { Contracts, InputOf, OutputOf } from '../lib/contract';

export const FUNCTIONS = {
  merchant: 'merchant',
  public: 'public',
  staff: 'staff',
  staffFiles: 'staffFiles',
  staffDocs: 'staffDocs',
} as const;

export type FunctionName = keyof typeof FUNCTIONS;

export interface CallError {
  code: string;
  message: string;
  details?: unknown;
}

export type CallResult<T> = { ok: true; data: T } | { ok: false; error: CallError };

const NETWORK_ERROR: CallError = { code: 'NETWORK', message: '网络不稳定，请稍后重试' };
const BAD_RESPONSE: CallError = { code: 'BAD_RESPONSE', message: '服务返回异常，请稍后重试' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Narrow the platform's `AnyObject | string | undefined` to our result shape. */
export function toCallResult<T>(raw: unknown): CallResult<T> {
  if (!isObject(raw) || typeof raw.ok !== 'boolean') return { ok: false, error: BAD_RESPONSE };
  if (raw.ok) return { ok: true, data: raw.data as T };
  const error = raw.error;
  if (!isObject(error) || typeof error.code !== 'string' || typeof error.message !== 'string') {
    return { ok: false, error: BAD_RESPONSE };
  }
  return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
}

/** The actions of function F, and what action A of F takes and answers. */
export type ActionOf<F extends FunctionName> = keyof Contracts[F] & string;
export type CallInput<F extends FunctionName, A extends ActionOf<F>> = InputOf<Contracts[F][A]>;
export type CallOutput<F extends FunctionName, A extends ActionOf<F>> = OutputOf<Contracts[F][A]>;

export async function call<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  input: CallInput<F, A>,
): Promise<CallResult<CallOutput<F, A>>> {
  const payload = input as Record<string, unknown>;
  try {
    const res = await wx.cloud.callFunction({ name: FUNCTIONS[fn], data: { action, ...payload } });
    return toCallResult<CallOutput<F, A>>(res.result);
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
}
