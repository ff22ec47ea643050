/**
 * 诚信示范街 / 诚信商圈: a street's members are the USCCs listed for it plus the register's entities
 * in business of its district whose address contains its address fragment (bounded). Coverage is
 * members with a live code over members. Used by staff (streets, saveStreet) and the public page.
 */
import { coveragePercent, type Coverage } from '../core/reach';
import type { Database } from './cloud';
import { fetchAll } from './db';
import { COLLECTIONS, type CodeDoc, type EntityDoc } from './model';
import { escapeRegExp } from './regexp';
import type { RegisterRow, StreetDoc } from './reach-model';
import { chunks } from './register-coded';

/** A street holds at most this many entities (listed plus matched by address). */
export const MAX_STREET_MEMBERS = 2000;

export interface StreetMember {
  uscc: string;
  name: string;
  address: string;
  /** The live code's status, if any. */
  status?: 'active' | 'suspended';
  codeId?: string;
}

/** The street's members with their live codes: a few calls per 500 members. */
export async function streetMembers(db: Database, street: StreetDoc): Promise<StreetMember[]> {
  const _ = db.command;
  const byUscc = new Map<string, StreetMember>();
  for (const u of street.uscc) byUscc.set(u, { uscc: u, name: '', address: '' });
  if (street.addressFragment) {
    const rows = await fetchAll<Pick<RegisterRow, 'uscc' | 'name' | 'address'>>(
      db
        .collection(COLLECTIONS.register)
        .where({
          districtCode: street.districtCode,
          inBusiness: true,
          address: db.RegExp({ regexp: escapeRegExp(street.addressFragment), options: '' }),
        })
        .field({ uscc: true, name: true, address: true })
        .limit(1000),
    );
    for (const r of rows.slice(0, MAX_STREET_MEMBERS - byUscc.size))
      if (!byUscc.has(r.uscc)) byUscc.set(r.uscc, { uscc: r.uscc, name: r.name, address: r.address });
  }
  const usccs = [...byUscc.keys()];
  for (const part of chunks(usccs)) {
    const [codes, entities, register] = await Promise.all([
      fetchAll<CodeDoc>(
        db
          .collection(COLLECTIONS.codes)
          .where({ uscc: _.in(part), status: _.in(['active', 'suspended']) })
          .limit(1000),
      ),
      fetchAll<Pick<EntityDoc, 'uscc' | 'name' | 'address'>>(
        db
          .collection(COLLECTIONS.entities)
          .where({ uscc: _.in(part) })
          .field({ uscc: true, name: true, address: true })
          .limit(1000),
      ),
      fetchAll<Pick<RegisterRow, 'uscc' | 'name' | 'address'>>(
        db
          .collection(COLLECTIONS.register)
          .where({ uscc: _.in(part) })
          .field({ uscc: true, name: true, address: true })
          .limit(1000),
      ),
    ]);
    for (const r of register) Object.assign(byUscc.get(r.uscc)!, { name: r.name, address: r.address });
    // The entity's own name and address (what it applied with) win over the register's.
    for (const e of entities) Object.assign(byUscc.get(e.uscc)!, { name: e.name, address: e.address });
    for (const c of codes) Object.assign(byUscc.get(c.uscc)!, { status: c.status, codeId: c._id });
  }
  return [...byUscc.values()];
}

export function coverageOf(members: readonly StreetMember[]): Coverage {
  const coded = members.filter((m) => m.status !== undefined).length;
  return { coded, total: members.length, percent: coveragePercent(coded, members.length) };
}
