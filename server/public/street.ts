/**
 * public.street({ streetId }): a 诚信示范街's public page — its coded entities (name, status,
 * address only; uncoded members are counted, never named) and its coverage (coded / total).
 */
import { districtName, DomainError } from '../../core';
import type { ParsedOf } from '../../core/contract';
import type { publicContract, StreetPage } from '../../core/contract/public';
import { VERDICTS } from '../../core/verify';
import { fetchById } from '../db';
import type { ActionContext } from '../handler';
import { COLLECTIONS } from '../model';
import type { StreetDoc } from '../reach-model';
import { coverageOf, streetMembers } from '../streets';

export async function street({ streetId }: ParsedOf<typeof publicContract.street>, { db }: ActionContext): Promise<StreetPage> {
  const s = await fetchById<StreetDoc>(db.collection(COLLECTIONS.streets).doc(streetId));
  if (!s) throw new DomainError('NOT_FOUND', '未找到该诚信示范街');
  const members = await streetMembers(db, s);
  const coded = members.filter((m) => m.status !== undefined).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  return {
    name: s.name,
    districtCode: s.districtCode,
    districtName: districtName(s.districtCode) ?? '',
    coverage: coverageOf(members),
    entities: coded.map((m) => ({
      name: m.name,
      address: m.address,
      status: m.status === 'active' ? VERDICTS.valid.label : VERDICTS.suspended.label,
    })),
  };
}
