/**
 * The automatic checks of an application (core/entitlement.ts names them): the 市场主体名录
 * (register) row, the entity already held and its code history. Computed when the application
 * is filed (stored as `flags`) and again, with the details, when staff list or decide it, so a
 * register imported meanwhile or a code revoked meanwhile shows on the card.
 *
 * The register's data (legal representative included) goes only to staff; the applicant sees at
 * most APPLICANT_FLAG_TEXT.
 */
import {
  districtName,
  sameName,
  type ApplicationEvidence,
  type EntitlementFlag,
  type EntityEvidence,
  type RegisterEvidence,
} from '../core';
import type { Database } from './cloud';
import { fetchAll } from './db';
import { districtFrom } from './entity-district';
import { COLLECTIONS, type ApplicationDoc, type CodeDoc, type EntityDoc, type RegisterDoc } from './model';

type Checked = Pick<ApplicationDoc, 'uscc' | 'entityName' | 'applicantOpenid'> &
  Partial<Pick<ApplicationDoc, 'legalRepName' | 'districtSource'>>;

export function flagsOf(
  app: Checked,
  reg: RegisterDoc | undefined,
  entity: EntityDoc | undefined,
  codes: readonly CodeDoc[],
): EntitlementFlag[] {
  const flags: EntitlementFlag[] = [];
  if (!reg) flags.push('notInRegister');
  else {
    if (!sameName(reg.name, app.entityName)) flags.push('nameDiffers');
    if (app.legalRepName !== undefined && reg.legalRep && !sameName(reg.legalRep, app.legalRepName)) flags.push('legalRepDiffers');
    if (!reg.inBusiness) flags.push('notInBusiness');
  }
  if (entity) {
    flags.push('entityExists');
    if (entity.ownerOpenids.some((o) => o !== app.applicantOpenid)) flags.push('hasOwners');
    const live = codes.some((c) => c.status !== 'revoked');
    if (!live && codes.some((c) => c.status === 'revoked')) flags.push('revokedBefore');
  }
  if (app.districtSource === 'applicant') flags.push('districtChosen');
  return flags;
}

function registerView(r: RegisterDoc): RegisterEvidence {
  return {
    name: r.name,
    entityType: r.entityType,
    legalRep: r.legalRep,
    address: r.address,
    districtCode: r.districtCode,
    districtName: districtName(r.districtCode) ?? r.districtCode,
    regStatus: r.regStatus,
    inBusiness: r.inBusiness,
    ...(r.foundedOn ? { foundedOn: r.foundedOn } : {}),
  };
}

function entityView(e: EntityDoc, applicant: string, codes: readonly CodeDoc[]): EntityEvidence {
  return {
    entityId: e._id,
    name: e.name,
    districtCode: e.districtCode,
    districtName: districtName(e.districtCode) ?? e.districtCode,
    field: e.field,
    owners: e.ownerOpenids.length,
    otherOwners: e.ownerOpenids.filter((o) => o !== applicant).length,
    codes: [...codes]
      .sort((a, b) => a.version - b.version)
      .map((c) => ({
        codeId: c._id,
        version: c.version,
        status: c.status,
        issuedAt: c.issuedAt,
        history: c.history.map((h) => ({ at: h.at, status: h.status, reason: h.reason, ...(h.category ? { category: h.category } : {}) })),
      })),
  };
}

/** The register row, entity and codes of each USCC: three database calls for a whole page. */
export async function loadFacts(db: Database, usccs: readonly string[]) {
  const _ = db.command;
  const list = [...new Set(usccs)];
  const [regs, entities] = await Promise.all([
    list.length
      ? fetchAll<RegisterDoc>(
          db
            .collection(COLLECTIONS.register)
            .where({ uscc: _.in(list) })
            .limit(1000),
        )
      : [],
    list.length
      ? fetchAll<EntityDoc>(
          db
            .collection(COLLECTIONS.entities)
            .where({ uscc: _.in(list) })
            .limit(1000),
        )
      : [],
  ]);
  const ids = entities.map((e) => e._id);
  const codes = ids.length
    ? await fetchAll<CodeDoc>(
        db
          .collection(COLLECTIONS.codes)
          .where({ entityId: _.in(ids) })
          .limit(1000),
      )
    : [];
  return {
    register: new Map(regs.map((r) => [r.uscc, r])),
    entity: new Map(entities.map((e) => [e.uscc, e])),
    codesOf: (entityId: string) => codes.filter((c) => c.entityId === entityId),
  };
}

/** The checks of each application, with the register row and entity behind them. */
export async function evidenceFor(db: Database, apps: readonly Checked[]): Promise<ApplicationEvidence[]> {
  const facts = await loadFacts(
    db,
    apps.map((a) => a.uscc),
  );
  return apps.map((app) => {
    const reg = facts.register.get(app.uscc);
    const entity = facts.entity.get(app.uscc);
    const codes = entity ? facts.codesOf(entity._id) : [];
    return {
      flags: flagsOf(app, reg, entity, codes),
      register: reg ? registerView(reg) : null,
      entity: entity ? entityView(entity, app.applicantOpenid, codes) : null,
    };
  });
}

/**
 * Move pending applications of these USCCs to the district their entity or register row now
 * names (an import of the register, or an entity created meanwhile, can change it). The register
 * import calls this for the rows it wrote; reviewApplication does it for the one application it
 * is asked to decide. Returns how many applications moved.
 */
export async function repointPendingApplications(db: Database, usccs: readonly string[]): Promise<number> {
  if (usccs.length === 0) return 0;
  const _ = db.command;
  const facts = await loadFacts(db, usccs);
  const pending = await fetchAll<ApplicationDoc>(
    db
      .collection(COLLECTIONS.applications)
      .where({ pendingKey: _.in([...new Set(usccs)]) })
      .limit(1000),
  );
  let moved = 0;
  for (const app of pending) {
    const known = districtFrom(app.uscc, facts.entity.get(app.uscc), facts.register.get(app.uscc));
    if (!known || known.districtCode === app.districtCode) continue;
    await db
      .collection(COLLECTIONS.applications)
      .where({ _id: app._id, status: 'pending' })
      .update({ data: { districtCode: known.districtCode, districtSource: known.source } });
    moved++;
  }
  return moved;
}
