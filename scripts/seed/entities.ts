/** The demo's market entities of one district: valid USCCs whose area code is the district, names that do not repeat. */
import { composeUscc, type District } from '../../core';
import { nameSearchKeys } from '../../core/search-keys';
import type { EntityDoc } from '../../server/model';
import { atChina, type DistrictPlan } from './demo';
import { brand, ORG_CHARS, person, pickKind, STREETS, TOWNS, VILLAGES, type Kind } from './names';
import type { Rng } from './random';

/** What every district's generators share: the random stream, today, and what is taken city-wide. */
export interface SeedContext {
  rng: Rng;
  /** Today's day number (days since 1970-01-01, China). */
  todayN: number;
  usedUscc: Set<string>;
  usedNames: Set<string>;
}

/** How the district's entities are named: 鹤岗市向阳区… for a 区, 萝北县… for a county. */
export function placeOf(district: District): string {
  return district.kind === '区' ? `鹤岗市${district.name}` : district.name;
}

function newUscc(ctx: SeedContext, kind: Kind, area: string): string {
  let uscc: string;
  do {
    let org8 = '';
    for (let j = 0; j < 8; j++) org8 += ORG_CHARS[ctx.rng.int(ORG_CHARS.length)];
    uscc = composeUscc({ department: kind.prefix[0]!, category: kind.prefix[1]!, area, org8 });
  } while (ctx.usedUscc.has(uscc));
  ctx.usedUscc.add(uscc);
  return uscc;
}

/** Names repeat in real registers only by accident; retry, then add the street as shops do. */
function newName(ctx: SeedContext, kind: Kind, district: District, i: number): string {
  const { rng } = ctx;
  const place = placeOf(district);
  const parts = () => ({ place, brand: brand(rng), person: person(rng), village: rng.pick(VILLAGES) });
  let name = kind.name(parts());
  for (let tries = 0; ctx.usedNames.has(name); tries++) {
    const p = parts();
    if (tries >= 8) p.place = `${place}${rng.pick(STREETS[district.code]!).replace(/(街|路|大街)$/, '')}`;
    if (tries >= 16) p.village = `${p.village}${1 + rng.int(9)}组`;
    if (tries >= 24) p.brand = `${p.brand}${i}`;
    name = kind.name(p);
  }
  ctx.usedNames.add(name);
  return name;
}

/** `count` entities of the district, registered 200–2,700 days ago, none with an owner yet. */
export function districtEntities(ctx: SeedContext, district: District, plan: DistrictPlan, count: number): EntityDoc[] {
  const { rng, todayN } = ctx;
  const place = placeOf(district);
  const entities: EntityDoc[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pickKind(rng, plan.rural);
    const uscc = newUscc(ctx, kind, district.code);
    const name = newName(ctx, kind, district, i);
    const street = rng.pick(STREETS[district.code]!);
    const address =
      kind.category === 'cooperative' && plan.rural
        ? `${district.name}${rng.pick(TOWNS[district.code]!)}${rng.pick(VILLAGES)}`
        : `${place}${street}${1 + rng.int(300)}号`;
    const created = atChina(todayN - 200 - rng.int(2500), 9 + rng.int(8), rng.int(60));
    entities.push({
      _id: rng.hex(32),
      uscc,
      name,
      nameKeys: nameSearchKeys(name),
      category: kind.category,
      districtCode: district.code,
      address,
      field: kind.field,
      ownerOpenids: [],
      createdAt: created,
      updatedAt: created,
    });
  }
  return entities;
}
