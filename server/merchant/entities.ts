/** myEntities: what the caller has applied for and what they may act for, with code status. */
import { districtName, ENTITY_CATEGORIES } from '../../core';
import type { ParsedOf } from '../../core/contract';
import type { merchantContract, MyEntitiesData } from '../../core/contract/merchant';
import type { ActionContext } from '../handler';
import { fetchAll } from '../db';
import { COLLECTIONS, type ApplicationDoc, type CodeDoc } from '../model';
import { ownedEntities } from './ownership';

export async function myEntities(
  _input: ParsedOf<typeof merchantContract.myEntities>,
  { caller, db }: ActionContext,
): Promise<MyEntitiesData> {
  const _ = db.command;
  const [entities, applications] = await Promise.all([
    ownedEntities(db, caller.openid),
    fetchAll<ApplicationDoc>(
      db.collection(COLLECTIONS.applications).where({ applicantOpenid: caller.openid }).orderBy('createdAt', 'desc').limit(50),
    ),
  ]);
  const codes =
    entities.length === 0
      ? []
      : await fetchAll<CodeDoc>(
          db
            .collection(COLLECTIONS.codes)
            .where({ liveKey: _.in(entities.map((e) => e._id)) })
            .limit(100),
        );
  const codeOf = new Map(codes.map((c) => [c.entityId, c]));
  return {
    entities: entities.map((e) => {
      const code = codeOf.get(e._id);
      return {
        uscc: e.uscc,
        name: e.name,
        categoryName: ENTITY_CATEGORIES[e.category] ?? '',
        districtCode: e.districtCode,
        districtName: districtName(e.districtCode) ?? '',
        field: e.field,
        address: e.address,
        code: code ? { status: code.status, version: code.version } : null,
      };
    }),
    applications: applications.map((a) => ({
      id: a._id,
      uscc: a.uscc,
      entityName: a.entityName,
      districtName: districtName(a.districtCode) ?? '',
      status: a.status,
      decisionReason: a.decisionReason ?? '',
      createdAt: a.createdAt.toISOString(),
    })),
  };
}
