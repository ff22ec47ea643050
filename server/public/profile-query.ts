/**
 * One database call for a scan or a profile, reading a bounded number of documents whatever the
 * data: start from the code (or the entity), join the entity by `uscc`, and for each kind of
 * credit record a `$lookup` with `let`/`pipeline` (CloudBase supports it) whose sub-pipeline
 * matches the entity's public records, sorts them newest first and stops at PREVIEW_PER_KIND + 1
 * (the extra one only says "there is more": 查看全部 pages through public.records). With the
 * compound indexes `{ uscc, <date>, _id }` of localcloud/indexes.json the database walks those
 * few records in order instead of sorting all of an entity's records. Only whitelisted fields are
 * projected, so private data does not even leave the database; toPublicProfile then applies the
 * whitelist again in code, which is the guarantee the tests check.
 */
import { beijingDate, PUBLIC_PUBLICITY, PUBLIC_RECORD_KINDS, type ProfileInput, type PublicRecordKind, type StoredDoc } from '../../core';
import type { Database } from '../cloud';
import { COLLECTIONS, type CodeStatus } from '../model';

/** Records of one kind shown with a scan or a profile; the rest are paged by public.records. */
export const PREVIEW_PER_KIND = 10;
/** Codes of one entity read with a scan, newest version first (the live one is the newest). */
const CODES_READ = 5;

export type RecordKind = PublicRecordKind;
export const RECORD_KINDS = PUBLIC_RECORD_KINDS;

interface KindSpec {
  collection: string;
  /** The calendar day the page sorts by, newest first (then `_id`, so pages never overlap). */
  dateField: string;
  fields: readonly string[];
  /** What may be shown publicly besides "not withdrawn", for the Beijing calendar day `today`. */
  filter(today: string): object;
}

/** Still valid today when it has an end date (as core/profile.ts `current`). */
const stillValid = (today: string) => ({
  $or: [{ validUntil: { $exists: false } }, { validUntil: { $in: [null, ''] } }, { validUntil: { $gte: today } }],
});

export const KIND_SPECS: Readonly<Record<RecordKind, KindSpec>> = {
  commitments: {
    collection: COLLECTIONS.commitments,
    dateField: 'committedOn',
    fields: ['status', 'publicity', 'commitmentType', 'commitmentArea', 'field', 'reason', 'content', 'liability', 'committedOn'],
    filter: () => ({ status: 'approved', publicity: PUBLIC_PUBLICITY }),
  },
  honours: {
    collection: COLLECTIONS.honours,
    dateField: 'collectedOn',
    fields: ['issuer', 'basis', 'validUntil', 'collectedOn'],
    filter: stillValid,
  },
  registrations: {
    collection: COLLECTIONS.registrations,
    dateField: 'collectedOn',
    fields: ['itemName', 'content', 'provider', 'collectedOn', 'validUntil'],
    filter: stillValid,
  },
  otherInfo: {
    collection: COLLECTIONS.otherInfo,
    dateField: 'collectedOn',
    fields: ['infoName', 'provider', 'collectedOn'],
    filter: () => ({}),
  },
};

/** A record's public fields plus the public parts of its source (never who imported it or their openid). */
function recordProjection(spec: KindSpec): Record<string, unknown> {
  return {
    _id: 1,
    ...Object.fromEntries(spec.fields.map((f) => [f, 1])),
    source: { kind: '$source.kind', department: '$source.department', importedAt: '$source.importedAt' },
  };
}

/**
 * The sub-pipeline of one kind: this entity's public, not withdrawn records, newest first, from
 * `offset`, at most `take`. Written as plain stages: they travel inside the `$lookup` as given.
 */
export function recordsPipeline(kind: RecordKind, today: string, offset: number, take: number): object[] {
  const spec = KIND_SPECS[kind];
  return [
    { $match: { $and: [{ $expr: { $eq: ['$uscc', '$$uscc'] } }, { withdrawn: { $ne: true } }, spec.filter(today)] } },
    { $sort: { [spec.dateField]: -1, _id: -1 } },
    ...(offset > 0 ? [{ $skip: offset }] : []),
    { $limit: take },
    { $project: recordProjection(spec) },
  ];
}

function recordLookups(today: string): object[] {
  return RECORD_KINDS.map((kind) => ({
    from: KIND_SPECS[kind].collection,
    let: { uscc: '$uscc' },
    pipeline: recordsPipeline(kind, today, 0, PREVIEW_PER_KIND + 1),
    as: kind,
  }));
}

function codesLookup(entityIdField: string): object {
  return {
    from: COLLECTIONS.codes,
    let: { entityId: `$${entityIdField}` },
    pipeline: [
      { $match: { $expr: { $eq: ['$entityId', '$$entityId'] } } },
      { $sort: { version: -1 } },
      { $limit: CODES_READ },
      { $project: { _id: 1, status: 1, version: 1, issuedAt: 1 } },
    ],
    as: 'codes',
  };
}

const ENTITY_FIELDS = ['_id', 'uscc', 'name', 'category', 'districtCode', 'address', 'field', 'storefrontPhoto'] as const;

export interface CodeSummary {
  _id: string;
  status: CodeStatus;
  version: number;
  issuedAt: unknown;
}

export type LoadedProfile = Omit<ProfileInput, 'codeIssuedAt'> & {
  entityId: string;
  /** The entity's newest codes (id, status, version, issue time). */
  codes: CodeSummary[];
};

/** The aggregate builder of wx-server-sdk, as far as these queries use it (its typings are loose). */
export interface Pipeline {
  lookup(spec: object): Pipeline;
  project(spec: object): Pipeline;
  limit(n: number): Pipeline;
  end(): Promise<unknown>;
}

/** `db.collection(collection).aggregate().match(match)` */
export function startFrom(db: Database, collection: string, match: object): Pipeline {
  return (db.collection(collection).aggregate() as unknown as { match(q: object): Pipeline }).match(match);
}

function withRecords(p: Pipeline, today: string): Pipeline {
  for (const l of recordLookups(today)) p = p.lookup(l);
  return p;
}

function list(doc: StoredDoc, key: string): StoredDoc[] {
  return Array.isArray(doc[key]) ? (doc[key] as StoredDoc[]) : [];
}

function toLoaded(entity: StoredDoc | undefined, doc: StoredDoc): LoadedProfile | undefined {
  if (!entity) return undefined;
  const moreRecords: Partial<Record<RecordKind, boolean>> = {};
  const records = Object.fromEntries(
    RECORD_KINDS.map((kind) => {
      const all = list(doc, kind);
      if (all.length > PREVIEW_PER_KIND) moreRecords[kind] = true;
      return [kind, all.slice(0, PREVIEW_PER_KIND)];
    }),
  ) as Record<RecordKind, StoredDoc[]>;
  return {
    entityId: String(entity._id),
    entity,
    ...records,
    ...(Object.keys(moreRecords).length ? { moreRecords } : {}),
    codes: list(doc, 'codes') as unknown as CodeSummary[],
  };
}

export interface LoadedCode {
  code: { _id: string; status: CodeStatus; version: number; issuedAt: unknown; entityId: string };
  profile?: LoadedProfile;
}

/** The code with this id, its entity and the newest of everything public about it: one database call. */
export async function loadByCode(db: Database, codeId: string, now = new Date()): Promise<LoadedCode | undefined> {
  let p = startFrom(db, COLLECTIONS.codes, { _id: codeId });
  p = p.lookup({ from: COLLECTIONS.entities, localField: 'uscc', foreignField: 'uscc', as: 'entity' });
  p = withRecords(p, beijingDate(now)!).lookup(codesLookup('entityId'));
  const res = (await p
    .project({
      status: 1,
      version: 1,
      issuedAt: 1,
      entityId: 1,
      entity: { $map: { input: '$entity', as: 'r', in: Object.fromEntries(ENTITY_FIELDS.map((f) => [f, `$$r.${f}`])) } },
      ...Object.fromEntries([...RECORD_KINDS, 'codes'].map((k) => [k, 1])),
    })
    .limit(1)
    .end()) as { list: StoredDoc[] };
  const doc = res.list[0];
  if (!doc) return undefined;
  const code = {
    _id: String(doc._id),
    status: doc.status as CodeStatus,
    version: Number(doc.version),
    issuedAt: doc.issuedAt,
    entityId: String(doc.entityId),
  };
  const profile = toLoaded(list(doc, 'entity')[0], doc);
  return profile ? { code, profile } : { code };
}

/** The entity with this (normalised, valid) USCC, its newest codes and records: one database call. */
export async function loadByUscc(db: Database, uscc: string, now = new Date()): Promise<LoadedProfile | undefined> {
  const p = withRecords(startFrom(db, COLLECTIONS.entities, { uscc }), beijingDate(now)!).lookup(codesLookup('_id'));
  const res = (await p
    .project({
      ...Object.fromEntries(ENTITY_FIELDS.map((f) => [f, 1])),
      ...Object.fromEntries([...RECORD_KINDS, 'codes'].map((k) => [k, 1])),
    })
    .limit(1)
    .end()) as { list: StoredDoc[] };
  const doc = res.list[0];
  return doc ? toLoaded(doc, doc) : undefined;
}

/** The live (active or suspended) code among an entity's codes. */
export function liveCodeOf(codes: readonly CodeSummary[]): CodeSummary | undefined {
  return codes.find((c) => c.status !== 'revoked');
}
