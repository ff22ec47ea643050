/**
 * Test arrangement for the merchant and public functions: an entity that staff have
 * approved (owner recorded, code issued with server/codes issueCode), without going
 * through the staff function. Real USCCs are composed with both check characters.
 */
import { composeUscc } from '../../core/uscc';
import { nameSearchKeys } from '../../core/search-keys';
import { issueCode } from '../../server/codes';
import type { CodeDoc, EntityDoc } from '../../server/model';

/** A valid company USCC registered in `district`; `n` makes it unique. */
export function testUscc(district: string, n: number, department = '9', category = '1'): string {
  return composeUscc({ department, category, area: district, org8: String(n).padStart(8, '0') });
}

export interface CodedEntity {
  entity: EntityDoc;
  code: CodeDoc;
}

export async function seedCodedEntity(db: any, overrides: Partial<EntityDoc> & { uscc: string }): Promise<CodedEntity> {
  const now = new Date();
  const entity: EntityDoc = {
    _id: `ent-${overrides.uscc}`,
    name: '鹤岗市诚信示范商店有限公司',
    category: 'company',
    districtCode: '230402',
    address: '鹤岗市向阳区红军路12号',
    field: '市场监管',
    ownerOpenids: [],
    contactName: '张秘密',
    contactPhone: '13912345678',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  // As server/staff/review.ts stores it, so public.search finds test entities through the index.
  entity.nameKeys ??= nameSearchKeys(entity.name);
  await db.collection('entities').add({ data: entity });
  const code = await issueCode(db, entity, 'test-staff', now);
  return { entity, code };
}

/** Every document of the collections a function could touch, for before/after comparisons. */
export async function snapshot(db: any, collections: readonly string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const c of collections) {
    try {
      const res = await db.collection(c).limit(1000).get();
      out[c] = res.data;
    } catch {
      out[c] = [];
    }
  }
  return out;
}
