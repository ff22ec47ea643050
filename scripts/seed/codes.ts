/**
 * The demo's codes: issued over the last 150 days with a density that rises toward today, most
 * active, some suspended, a few revoked (half of those reissued as version 2). Built by the same
 * newCodeDoc as issueCode, with ids from the seeded stream through codeIdFromBytes.
 */
import { codeIdFromBytes } from '../../core';
import { newCodeDoc } from '../../server/codes';
import type { CodeDoc, EntityDoc } from '../../server/model';
import { atChina, DEMO_OPENIDS } from './demo';
import type { SeedContext } from './entities';
import { person, phone } from './names';

/** An entity once its code is issued: it has an owner and a contact. */
export type CodedEntity = EntityDoc & { contactName: string; contactPhone: string };

export interface IssuedDemoCode {
  entity: CodedEntity;
  /** The code, and its reissue when it was revoked and reissued. */
  codes: CodeDoc[];
  owner: string;
  issuedDay: number;
  issuedAt: Date;
}

/**
 * Issue the `n`th code of the district to `e`, which now has its owner and contact (the demo
 * merchant owns 向阳区's first). The first three of each district are active, suspended, revoked.
 */
export function issueDemoCode(ctx: SeedContext, e: EntityDoc, n: number): IssuedDemoCode {
  const { rng, todayN } = ctx;
  const by = DEMO_OPENIDS.district(e.districtCode);
  const owner = e.districtCode === '230402' && n === 0 ? DEMO_OPENIDS.merchant : `demo-owner-${e.uscc.slice(8, 17)}`;
  const issuedDay = todayN - 150 + Math.floor(150 * Math.sqrt(rng.next()));
  const issuedAt = atChina(issuedDay, 9 + rng.int(8), rng.int(60));
  const entity = Object.assign(e, { ownerOpenids: [owner], contactName: person(rng), contactPhone: phone(rng), updatedAt: issuedAt });
  const r = rng.next();
  const status = n < 3 ? (['active', 'suspended', 'revoked'] as const)[n]! : r < 0.93 ? 'active' : r < 0.98 ? 'suspended' : 'revoked';
  const code = newCodeDoc(codeIdFromBytes(rng.bytes(22)), e, by, issuedAt);
  const laterDay = Math.min(todayN, issuedDay + 1 + rng.int(Math.max(1, todayN - issuedDay)));
  if (status === 'suspended') {
    code.status = 'suspended';
    code.history.push({ at: atChina(laterDay, 14), status: 'suspended', by, reason: '经营异常名录核查中，暂停使用' });
  }
  const codes = [code];
  if (status === 'revoked') {
    code.status = 'revoked';
    delete code.liveKey;
    code.history.push({ at: atChina(laterDay, 14), status: 'revoked', by, reason: '二维码遗失，申请作废' });
    if (rng.chance(0.5)) codes.push(newCodeDoc(codeIdFromBytes(rng.bytes(22)), e, by, atChina(laterDay, 15), 2));
  }
  return { entity, codes, owner, issuedDay, issuedAt };
}
