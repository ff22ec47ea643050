/**
 * One database call for a scan or a profile: start from the code (or the entity), join the
 * entity, the four kinds of credit record by `uscc` and the entity's codes by `entityId` with
 * plain localField/foreignField lookups (CloudBase supports them; the local cloud answers them
 * through the same indexes), and project only whitelisted fields, so private data does not even
 * leave the database. toPublicProfile then applies the whitelist again in code, which is the
 * guarantee the tests check.
 */
import { PUBLIC_PUBLICITY, type ProfileInput, type StoredDoc } from '../../core';
import type { Database } from '../cloud';
import { COLLECTIONS, type CodeStatus } from '../model';

/** `$map` an array to the listed fields (`$$r.<field>`). */
function mapEach(input: unknown, fields: Record<string, unknown>) {
  return { $map: { input, as: 'r', in: fields } };
}

function fieldsOf(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((f) => [f, `$$r.${f}`]));
}

/** Records of one kind shown on a profile: the most recently stored, so a scan's answer stays small. */
export const MAX_RECORDS_PER_KIND = 50;

/** A record's public fields plus the public parts of its source (never who imported it or their openid). */
function recordsOf(input: unknown, names: readonly string[]) {
  // Withdrawn records (a withdrawn batch, an upheld objection) never leave the database for the public.
  const kept = { $filter: { input, as: 'w', cond: { $ne: ['$$w.withdrawn', true] } } };
  const mapped = mapEach(kept, {
    _id: '$$r._id',
    ...fieldsOf(names),
    source: { kind: '$$r.source.kind', department: '$$r.source.department', importedAt: '$$r.source.importedAt' },
  });
  return { $slice: [mapped, -MAX_RECORDS_PER_KIND] };
}

const ENTITY_FIELDS = ['_id', 'uscc', 'name', 'category', 'districtCode', 'address', 'field', 'storefrontPhoto'] as const;

const RECORDS = {
  commitments: recordsOf(
    {
      $filter: {
        input: '$commitments',
        as: 'c',
        cond: { $and: [{ $eq: ['$$c.status', 'approved'] }, { $eq: ['$$c.publicity', PUBLIC_PUBLICITY] }] },
      },
    },
    ['status', 'publicity', 'commitmentType', 'commitmentArea', 'field', 'reason', 'content', 'liability', 'committedOn'],
  ),
  honours: recordsOf('$honours', ['issuer', 'basis', 'validUntil', 'collectedOn']),
  registrations: recordsOf('$registrations', ['itemName', 'content', 'provider', 'collectedOn', 'validUntil']),
  otherInfo: recordsOf('$otherInfo', ['infoName', 'provider', 'collectedOn']),
  codes: mapEach('$codes', fieldsOf(['_id', 'status', 'version', 'issuedAt'])),
};

const RECORD_COLLECTIONS = [COLLECTIONS.commitments, COLLECTIONS.honours, COLLECTIONS.registrations, COLLECTIONS.otherInfo] as const;

export interface CodeSummary {
  _id: string;
  status: CodeStatus;
  version: number;
  issuedAt: unknown;
}

export type LoadedProfile = Omit<ProfileInput, 'codeIssuedAt'> & {
  entityId: string;
  /** Every code the entity has had (id, status, version, issue time). */
  codes: CodeSummary[];
};

interface Pipeline {
  lookup(spec: { from: string; localField: string; foreignField: string; as: string }): Pipeline;
  project(spec: object): Pipeline;
  limit(n: number): Pipeline;
  end(): Promise<unknown>;
}

function joinRecords(p: Pipeline): Pipeline {
  for (const from of RECORD_COLLECTIONS) p = p.lookup({ from, localField: 'uscc', foreignField: 'uscc', as: from });
  return p;
}

function list(doc: StoredDoc, key: string): StoredDoc[] {
  return Array.isArray(doc[key]) ? (doc[key] as StoredDoc[]) : [];
}

function toLoaded(entity: StoredDoc | undefined, doc: StoredDoc): LoadedProfile | undefined {
  if (!entity) return undefined;
  return {
    entityId: String(entity._id),
    entity,
    commitments: list(doc, 'commitments'),
    honours: list(doc, 'honours'),
    registrations: list(doc, 'registrations'),
    otherInfo: list(doc, 'otherInfo'),
    codes: list(doc, 'codes') as unknown as CodeSummary[],
  };
}

export interface LoadedCode {
  code: { _id: string; status: CodeStatus; version: number; issuedAt: unknown; entityId: string };
  profile?: LoadedProfile;
}

/** The code with this id, its entity and everything public about it: one database call. */
export async function loadByCode(db: Database, codeId: string): Promise<LoadedCode | undefined> {
  let p = (db.collection(COLLECTIONS.codes).aggregate() as unknown as { match(q: object): Pipeline }).match({ _id: codeId });
  p = p.lookup({ from: COLLECTIONS.entities, localField: 'uscc', foreignField: 'uscc', as: 'entity' });
  p = joinRecords(p).lookup({ from: COLLECTIONS.codes, localField: 'entityId', foreignField: 'entityId', as: 'codes' });
  const res = (await p
    .project({
      status: 1,
      version: 1,
      issuedAt: 1,
      entityId: 1,
      entity: mapEach('$entity', fieldsOf(ENTITY_FIELDS)),
      ...RECORDS,
    })
    .limit(1)
    .end()) as { list: StoredDoc[] };
  const doc = res.list[0];
  if (!doc) return undefined;
  const code = { _id: String(doc._id), status: doc.status as CodeStatus, version: Number(doc.version), issuedAt: doc.issuedAt, entityId: String(doc.entityId) };
  const profile = toLoaded(list(doc, 'entity')[0], doc);
  return profile ? { code, profile } : { code };
}

/** The entity with this (normalised, valid) USCC, its codes and records: one database call. */
export async function loadByUscc(db: Database, uscc: string): Promise<LoadedProfile | undefined> {
  let p = (db.collection(COLLECTIONS.entities).aggregate() as unknown as { match(q: object): Pipeline }).match({ uscc });
  p = joinRecords(p).lookup({ from: COLLECTIONS.codes, localField: '_id', foreignField: 'entityId', as: 'codes' });
  const res = (await p.project({ ...Object.fromEntries(ENTITY_FIELDS.map((f) => [f, 1])), ...RECORDS }).limit(1).end()) as {
    list: StoredDoc[];
  };
  const doc = res.list[0];
  return doc ? toLoaded(doc, doc) : undefined;
}

/** The live (active or suspended) code among an entity's codes. */
export function liveCodeOf(codes: readonly CodeSummary[]): CodeSummary | undefined {
  return codes.find((c) => c.status !== 'revoked');
}
