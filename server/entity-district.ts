/**
 * The district an entity belongs to, from data the applicant cannot choose: the entity's own
 * district once it exists, else the 市场主体名录 (register) row, else the district its USCC's area
 * code names. A city-level (230400) or outside code with no entity and no register row has none:
 * a person must choose it (and the city reviews it).
 */
import { validateUscc } from '../core';
import type { Database } from './cloud';
import { fetchOne } from './db';
import { COLLECTIONS, type EntityDoc, type RegisterDoc } from './model';

export type DistrictSource = 'entity' | 'register' | 'uscc';

export interface KnownDistrict {
  districtCode: string;
  source: DistrictSource;
}

/** The same rule on rows already read (the entity's district, the register row's, the USCC's area). */
export function districtFrom(
  uscc: string,
  entity: Pick<EntityDoc, 'districtCode'> | undefined,
  row: Pick<RegisterDoc, 'districtCode'> | undefined,
): KnownDistrict | undefined {
  if (entity?.districtCode) return { districtCode: entity.districtCode, source: 'entity' };
  if (row?.districtCode) return { districtCode: row.districtCode, source: 'register' };
  const placement = validateUscc(uscc).placement;
  if (placement?.kind === 'district') return { districtCode: placement.district.code, source: 'uscc' };
  return undefined;
}

export async function districtOfUscc(db: Database, uscc: string): Promise<KnownDistrict | undefined> {
  const entity = await fetchOne<Pick<EntityDoc, 'districtCode'>>(
    db.collection(COLLECTIONS.entities).where({ uscc }).field({ districtCode: true }).limit(1),
  );
  if (entity?.districtCode) return { districtCode: entity.districtCode, source: 'entity' };
  const row = await fetchOne<Pick<RegisterDoc, 'districtCode'>>(
    db.collection(COLLECTIONS.register).where({ uscc }).field({ districtCode: true }).limit(1),
  );
  if (row?.districtCode) return { districtCode: row.districtCode, source: 'register' };
  const placement = validateUscc(uscc).placement;
  if (placement?.kind === 'district') return { districtCode: placement.district.code, source: 'uscc' };
  return undefined;
}
