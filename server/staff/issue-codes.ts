/**
 * 生码: the office's own route to codes. The 市营商局 gathers what the departments collected (the
 * register and the imported 填报表) and issues codes for those entities, which the departments then
 * hand over with a one-time claim code (server/claims.ts). Codes issued here are ordinary active
 * codes, so they count in 赋码率 at once; each is audited with the issuing staff member's
 * department.
 *
 * Idempotent: issuing again for an entity coded this way and not yet claimed gives the same code
 * and the same claim code back (so a lost answer or a second tap is harmless).
 */
import { codeUrl, DomainError, validateUscc } from '../../core';
import { SKIP_REASONS, type SkipReason } from '../../core/code-issue';
import type { ParsedOf } from '../../core/contract/define';
import type { IssuedItem, IssueResult, staffOfficeContract } from '../../core/contract/staff-office';
import { openClaim, type IssuedClaim } from '../claims';
import type { Database } from '../cloud';
import { codeUrlPrefix } from '../code-url';
import { findLiveCode } from '../codes';
import { fetchAll } from '../db';
import { districtOfUscc } from '../entity-district';
import { COLLECTIONS, type CodeDoc, type EntityDoc } from '../model';
import { notifyAll } from '../notify';
import { toWire } from '../wire';
import { collectedEntities, usccsOfBatch } from './collected-entities';
import { createEntity, ensureLiveCode } from './entity-codes';
import type { StaffContext } from './define-staff-actions';
import { actorOf, auditByStaff, departmentOf, inScope, type Staff } from './roles';

export type { IssuedItem, IssueResult };

/** Who issued, as stored on claims and audits. */
function issuer(staff: Staff): { issuedBy: string; departmentId?: string; department?: string } {
  const dept = departmentOf(staff);
  return {
    issuedBy: actorOf(staff),
    ...(dept ? { departmentId: dept.id, department: dept.name } : staff.department ? { department: staff.department } : {}),
  };
}

export async function issueCodes(input: ParsedOf<typeof staffOfficeContract.issueCodes>, { db, now, staff }: StaffContext) {
  return toWire(await issueCodesFor(db, staff, input, now));
}

/** 生码 for `staff` (staff.issueCodes, and staffDocs.printBatch before it prints): what was issued, what skipped and why. */
export async function issueCodesFor(
  db: Database,
  staff: Staff,
  input: ParsedOf<typeof staffOfficeContract.issueCodes>,
  now: Date,
): Promise<IssueResult> {
  const result: IssueResult = { issued: [], skipped: [] };
  const skip = (uscc: string, reason: SkipReason) => result.skipped.push({ uscc, reason, message: SKIP_REASONS[reason] });

  let usccs: string[];
  if (input.batchId !== undefined) {
    const page = await usccsOfBatch(db, input.batchId, input.offset);
    if (page.total === 0) throw new DomainError('BATCH_NOT_FOUND', '未找到该批次的归集记录');
    usccs = page.usccs;
    result.total = page.total;
    result.nextOffset = input.offset + usccs.length < page.total ? input.offset + usccs.length : null;
  } else {
    usccs = [];
    for (const raw of input.uscc!) {
      const v = validateUscc(raw);
      if (!v.valid) skip(String(raw), 'INVALID_USCC');
      else if (!usccs.includes(v.normalized)) usccs.push(v.normalized);
    }
  }

  const _ = db.command;
  const dept = departmentOf(staff);
  const [entities, collected] = await Promise.all([
    usccs.length
      ? fetchAll<EntityDoc>(
          db
            .collection(COLLECTIONS.entities)
            .where({ uscc: _.in(usccs) })
            .limit(1000),
        )
      : [],
    collectedEntities(db, usccs, dept ? { departmentId: dept.id } : {}),
  ]);
  const entityOf = new Map(entities.map((e) => [e.uscc, e]));

  // Each USCC is its own entity, so a few run at once (unique indexes guard any race); answers keep the input order.
  const one = async (uscc: string): Promise<IssuedItem | SkipReason> => {
    let entity = entityOf.get(uscc);
    if (entity) {
      if (!inScope(staff, entity)) return 'OUT_OF_SCOPE';
      const live = await findLiveCode(db, entity._id);
      if (live) {
        // Coded by this route and still unclaimed: the same code and claim code again.
        const again = entity.ownerOpenids.length === 0 ? await openClaim(db, entity, live._id, issuer(staff), now) : undefined;
        return again ? item(entity, live, again) : 'ALREADY_CODED';
      }
    } else {
      const c = collected.get(uscc);
      if (!c) return 'UNKNOWN_ENTITY';
      const district = c.registerDistrict ?? (await districtOfUscc(db, uscc))?.districtCode;
      if (!district) return 'NOT_IN_HEGANG';
      if (!inScope(staff, { districtCode: district, field: c.field })) return 'OUT_OF_SCOPE';
      const fields = {
        uscc: c.uscc,
        name: c.name,
        category: c.category,
        districtCode: district,
        address: c.address,
        field: c.field,
        ownerOpenids: [],
      };
      entity = (await createEntity(db, staff, fields, now, { action: 'entity.createFromCollected', extra: issuer(staff) })).entity;
    }
    const code = await ensureLiveCode(db, staff, entity, now, {
      action: 'code.issueFromCollected',
      note: '根据部门归集信息生码',
      extra: issuer(staff),
    });
    const claim = entity.ownerOpenids.length === 0 ? await openClaim(db, entity, code._id, issuer(staff), now) : undefined;
    if (entity.ownerOpenids.length > 0) {
      // A re-coded entity with owners: they are told; there is nothing to hand over.
      await notifyAll(
        db,
        entity.ownerOpenids,
        {
          kind: 'codeIssued',
          title: '诚信码已生成',
          lines: [`${entity.name}的诚信码已由${issuer(staff).department ?? '主管部门'}生成`, '请在“我的诚信码”中查看并张贴'],
          page: `pages/my-code/my-code?uscc=${entity.uscc}`,
        },
        now,
      );
    }
    return item(entity, code, claim);
  };
  const answers = await inPool(usccs, CONCURRENCY, one);
  answers.forEach((a, i) => {
    if (typeof a === 'string') skip(usccs[i]!, a);
    else result.issued.push(a);
  });

  await auditByStaff(db, staff, {
    at: now,
    action: 'issueCodes',
    target: { collection: COLLECTIONS.codes, id: input.batchId ?? `list-${now.getTime()}` },
    before: null,
    after: { ...issuer(staff), issued: result.issued.map((i) => i.uscc), skipped: result.skipped.map((s) => [s.uscc, s.reason]) },
  });
  return result;
}

/** Entities handled at once: 500 one after another would outlast the function's 20 seconds. */
const CONCURRENCY = 8;

/** `work` over `items`, at most `n` at a time; answers in the order of `items`. */
async function inPool<T, R>(items: readonly T[], n: number, work: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

function item(entity: EntityDoc, code: CodeDoc, claim: IssuedClaim | undefined): IssuedItem {
  return {
    uscc: entity.uscc,
    entityName: entity.name,
    codeId: code._id,
    version: code.version,
    url: codeUrl(codeUrlPrefix(), code._id, code.version),
    issuedAt: code.issuedAt,
    claimCode: claim?.claimCode ?? null,
    claimExpiresAt: claim?.claim.expiresAt ?? null,
  };
}
