/**
 * public.street({ streetId }): a 诚信示范街's public page — its coded entities (name, status,
 * address only; uncoded members are counted, never named) and its coverage (coded / total).
 */
import * as z from 'zod';
import { districtName, DomainError, parseOrThrow } from '../../core';
import { VERDICTS } from '../../core/verify';
import { fetchById } from '../db';
import type { ActionContext } from '../handler';
import { COLLECTIONS } from '../model';
import type { StreetDoc } from '../reach-model';
import { coverageOf, streetMembers } from '../streets';

const input = z.object({ streetId: z.string({ error: '示范街编号为必填项' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '示范街编号格式不正确' }) });

export async function street(payload: Record<string, unknown>, { db }: ActionContext) {
  const { streetId } = parseOrThrow(input, payload);
  const s = await fetchById<StreetDoc>(db.collection(COLLECTIONS.streets).doc(streetId));
  if (!s) throw new DomainError('NOT_FOUND', '未找到该诚信示范街');
  const members = await streetMembers(db, s);
  const coded = members.filter((m) => m.status !== undefined).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  return {
    name: s.name,
    districtCode: s.districtCode,
    districtName: districtName(s.districtCode) ?? '',
    coverage: coverageOf(members),
    entities: coded.map((m) => ({ name: m.name, address: m.address, status: m.status === 'active' ? VERDICTS.valid.label : VERDICTS.suspended.label })),
  };
}
