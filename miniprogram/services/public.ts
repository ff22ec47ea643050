/** Typed calls to the `public` cloud function: scan verification, profiles, search, 查看全部. */
import type { CodeRef, PublicRecordKind } from '../lib/core';
import type { VerifyTarget } from '../lib/contract';
import { call, type CallOutput } from './call';

export type { VerifyTarget };
export type SearchItem = CallOutput<'public', 'search'>['items'][number];

export function verifyCode(target: VerifyTarget) {
  return call('public', 'verifyCode', target);
}

export function getProfile(uscc: string) {
  return call('public', 'profile', { uscc });
}

export function searchEntities(keyword: string) {
  return call('public', 'search', { keyword });
}

/** Tells that a known code was checked, for the merchant's scan counts (no identity is stored). */
export function countScan(code: CodeRef) {
  return call('public', 'countScan', { code });
}

/** 查看全部: one kind of an entity's public records, newest first, a page at a time (`more`: another page exists). */
export function listRecords(uscc: string, kind: PublicRecordKind, offset = 0, limit = 20) {
  return call('public', 'records', { uscc, kind, offset, limit });
}
