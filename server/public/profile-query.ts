/**
 * One database call for an entity's whole public profile: match the entity by its unique
 * USCC, join the four kinds of credit record by `uscc` (plain localField/foreignField
 * lookups, which CloudBase and the local cloud both support) and project only whitelisted
 * fields, so private data does not even leave the database. toPublicProfile then applies the
 * same whitelist again in code, which is the guarantee the tests check.
 */
import { PUBLIC_PUBLICITY, type ProfileInput, type StoredDoc } from '../../core';
import type { Database } from '../cloud';
import { COLLECTIONS } from '../model';

const SOURCE = { kind: '$$r.source.kind', department: '$$r.source.department', importedAt: '$$r.source.importedAt' };

/** `$map` an array field to the listed fields (plus _id and the public parts of `source`). */
function pickEach(input: unknown, fields: readonly string[]) {
  const out: Record<string, unknown> = { _id: '$$r._id', source: SOURCE };
  for (const f of fields) out[f] = `$$r.${f}`;
  return { $map: { input, as: 'r', in: out } };
}

const ENTITY_FIELDS = ['uscc', 'name', 'category', 'districtCode', 'address', 'field', 'storefrontPhoto'] as const;

const PROJECTION = {
  ...Object.fromEntries(ENTITY_FIELDS.map((f) => [f, 1])),
  commitments: pickEach(
    {
      $filter: {
        input: '$commitments',
        as: 'c',
        cond: { $and: [{ $eq: ['$$c.status', 'approved'] }, { $eq: ['$$c.publicity', PUBLIC_PUBLICITY] }] },
      },
    },
    ['status', 'publicity', 'commitmentType', 'field', 'reason', 'content', 'liability', 'committedOn'],
  ),
  honours: pickEach('$honours', ['honourType', 'title', 'issuer', 'awardedOn', 'validUntil']),
  registrations: pickEach('$registrations', ['itemType', 'itemName', 'content', 'registeredOn', 'validUntil']),
  otherInfo: pickEach('$otherInfo', ['infoType', 'infoName', 'content', 'issuer', 'obtainedOn']),
};

const JOINS = [COLLECTIONS.commitments, COLLECTIONS.honours, COLLECTIONS.registrations, COLLECTIONS.otherInfo] as const;

export type LoadedProfile = Omit<ProfileInput, 'codeIssuedAt'> & { entityId: string };

/** The entity with this (normalised, valid) USCC and its records, or undefined. One database call. */
export async function loadProfile(db: Database, uscc: string): Promise<LoadedProfile | undefined> {
  let pipeline = db.collection(COLLECTIONS.entities).aggregate().match({ uscc });
  for (const from of JOINS) pipeline = pipeline.lookup({ from, localField: 'uscc', foreignField: 'uscc', as: from });
  const res = (await pipeline.project(PROJECTION).limit(1).end()) as { list: StoredDoc[] };
  const doc = res.list[0];
  if (!doc) return undefined;
  const list = (k: string) => (Array.isArray(doc[k]) ? (doc[k] as StoredDoc[]) : []);
  return {
    entityId: String(doc._id),
    entity: doc,
    commitments: list('commitments'),
    honours: list('honours'),
    registrations: list('registrations'),
    otherInfo: list('otherInfo'),
  };
}
