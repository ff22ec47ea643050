/**
 * An answer as it will cross the wire (core/contract/wire.ts): every Date becomes its ISO string,
 * exactly what JSON.stringify makes of it, so the answer's type is the one the mini-program reads.
 */
import type { Wire } from '../core/contract/wire';

function convert(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(convert);
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = convert(v);
    return out;
  }
  return value;
}

export function toWire<T>(value: T): Wire<T> {
  return convert(value) as Wire<T>;
}
