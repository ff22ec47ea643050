/**
 * The public profile shown after a scan or a search. It is built by whitelist: every
 * field is copied by name from the stored documents, so anything private that is (or
 * later gets) stored — owner openids, contact name and phone, an operator's ID number,
 * the openid in a record's source — can never leak by accident.
 */
import { districtName } from './districts';
import { ENTITY_CATEGORIES } from './fields';

/** Shown for what the entity declared itself (DESIGN §7). */
export const SELF_DECLARED = '自愿注册·未核验';

/** Only commitments with this 公开类型 (and approved by staff) appear publicly. */
export const PUBLIC_PUBLICITY = '社会公开';

export interface PublicSource {
  readonly kind: 'import' | 'self';
  /** "市税务局 · 2026-05-01" for imported records, 自愿注册·未核验 for self-declared ones. */
  readonly label: string;
}

export interface PublicCommitment {
  readonly id: string;
  readonly commitmentType: string;
  readonly field: string;
  readonly reason: string;
  readonly content: string;
  readonly liability: string;
  readonly committedOn: string;
  readonly source: PublicSource;
}

export interface PublicHonour {
  readonly id: string;
  readonly honourType: string;
  readonly title: string;
  readonly issuer: string;
  readonly awardedOn: string;
  readonly validUntil?: string;
  readonly source: PublicSource;
}

export interface PublicRegistration {
  readonly id: string;
  readonly itemType: string;
  readonly itemName: string;
  readonly content: string;
  readonly registeredOn: string;
  readonly validUntil?: string;
  readonly source: PublicSource;
}

export interface PublicOtherInfo {
  readonly id: string;
  readonly infoType: string;
  readonly infoName: string;
  readonly content: string;
  readonly issuer?: string;
  readonly obtainedOn: string;
  readonly source: PublicSource;
}

export interface PublicProfile {
  readonly uscc: string;
  readonly name: string;
  readonly categoryName: string;
  readonly districtCode: string;
  readonly districtName: string;
  readonly field: string;
  readonly address: string;
  readonly storefrontPhoto?: string;
  /** Calendar day (Beijing time) the current code was issued. */
  readonly codeIssuedOn?: string;
  readonly commitments: PublicCommitment[];
  readonly honours: PublicHonour[];
  readonly registrations: PublicRegistration[];
  readonly otherInfo: PublicOtherInfo[];
  /** Kinds with more records than shown (查看全部 pages them with public.records). */
  readonly moreRecords?: Partial<Record<PublicRecordKind, boolean>>;
}

export type PublicRecordKind = 'commitments' | 'honours' | 'registrations' | 'otherInfo';

/** Loosely typed stored documents, as a database read returns them. */
export type StoredDoc = Readonly<Record<string, unknown>>;

export interface ProfileInput {
  readonly entity: StoredDoc;
  readonly codeIssuedAt?: unknown;
  readonly commitments?: readonly StoredDoc[];
  readonly honours?: readonly StoredDoc[];
  readonly registrations?: readonly StoredDoc[];
  readonly otherInfo?: readonly StoredDoc[];
  readonly moreRecords?: Partial<Record<PublicRecordKind, boolean>>;
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** YYYY-MM-DD of an instant in Beijing time; undefined for anything that is not a date. */
export function beijingDate(v: unknown): string | undefined {
  const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : undefined;
  if (!d || Number.isNaN(d.getTime())) return undefined;
  return new Date(d.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD HH:mm:ss" in Beijing time: the live server time on the verify page. */
export function beijingDateTime(d: Date): string {
  return new Date(d.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

function optStr(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function isObject(v: unknown): v is StoredDoc {
  return typeof v === 'object' && v !== null;
}

/** Where a record came from, in words; `forceSelf` for kinds that are self-declared by nature. */
export function sourceOf(doc: StoredDoc, forceSelf = false): PublicSource {
  const source = isObject(doc.source) ? doc.source : {};
  if (forceSelf || source.kind !== 'import') return { kind: 'self', label: SELF_DECLARED };
  const parts = [str(source.department), beijingDate(source.importedAt) ?? ''].filter((p) => p !== '');
  return { kind: 'import', label: parts.join(' · ') || '部门归集' };
}

/** Whether a commitment may be shown to the public. */
export function isPublicCommitment(doc: StoredDoc): boolean {
  return doc.status === 'approved' && doc.publicity === PUBLIC_PUBLICITY;
}

/** Still valid on `today` (YYYY-MM-DD) when it has an end date. */
function current(doc: StoredDoc, today: string): boolean {
  const until = optStr(doc.validUntil);
  return until === undefined || until >= today;
}

const byDateDesc = (key: string) => (a: StoredDoc, b: StoredDoc) => str(b[key]).localeCompare(str(a[key]));

export function toPublicProfile(input: ProfileInput, now: Date): PublicProfile {
  const e = input.entity;
  const today = beijingDate(now)!;
  const category = str(e.category) as keyof typeof ENTITY_CATEGORIES;
  const storefrontPhoto = optStr(e.storefrontPhoto);
  const codeIssuedOn = beijingDate(input.codeIssuedAt);
  return {
    uscc: str(e.uscc),
    name: str(e.name),
    categoryName: ENTITY_CATEGORIES[category] ?? '',
    districtCode: str(e.districtCode),
    districtName: districtName(str(e.districtCode)) ?? '',
    field: str(e.field),
    address: str(e.address),
    ...(storefrontPhoto ? { storefrontPhoto } : {}),
    ...(codeIssuedOn ? { codeIssuedOn } : {}),
    commitments: (input.commitments ?? []).filter(isPublicCommitment).sort(byDateDesc('committedOn')).map(toPublicCommitment),
    honours: (input.honours ?? []).filter((h) => current(h, today)).sort(byDateDesc('awardedOn')).map(toPublicHonour),
    registrations: (input.registrations ?? []).filter((r) => current(r, today)).sort(byDateDesc('registeredOn')).map(toPublicRegistration),
    otherInfo: [...(input.otherInfo ?? [])].sort(byDateDesc('obtainedOn')).map(toPublicOtherInfo),
    ...(input.moreRecords && Object.values(input.moreRecords).some(Boolean) ? { moreRecords: { ...input.moreRecords } } : {}),
  };
}

/** One record of a kind in its public form (whitelist), as the profile and 查看全部 show it. */
export function toPublicRecord(kind: PublicRecordKind, doc: StoredDoc): PublicCommitment | PublicHonour | PublicRegistration | PublicOtherInfo {
  if (kind === 'commitments') return toPublicCommitment(doc);
  if (kind === 'honours') return toPublicHonour(doc);
  if (kind === 'registrations') return toPublicRegistration(doc);
  return toPublicOtherInfo(doc);
}

function toPublicCommitment(c: StoredDoc): PublicCommitment {
  return {
    id: str(c._id),
    commitmentType: str(c.commitmentType),
    field: str(c.field),
    reason: str(c.reason),
    content: str(c.content),
    liability: str(c.liability),
    committedOn: str(c.committedOn),
    source: sourceOf(c),
  };
}

function toPublicHonour(h: StoredDoc): PublicHonour {
  return {
    id: str(h._id),
    honourType: str(h.honourType),
    title: str(h.title),
    issuer: str(h.issuer),
    awardedOn: str(h.awardedOn),
    ...(optStr(h.validUntil) ? { validUntil: str(h.validUntil) } : {}),
    source: sourceOf(h),
  };
}

function toPublicRegistration(r: StoredDoc): PublicRegistration {
  return {
    id: str(r._id),
    itemType: str(r.itemType),
    itemName: str(r.itemName),
    content: str(r.content),
    registeredOn: str(r.registeredOn),
    ...(optStr(r.validUntil) ? { validUntil: str(r.validUntil) } : {}),
    source: sourceOf(r, true),
  };
}

function toPublicOtherInfo(o: StoredDoc): PublicOtherInfo {
  return {
    id: str(o._id),
    infoType: str(o.infoType),
    infoName: str(o.infoName),
    content: str(o.content),
    ...(optStr(o.issuer) ? { issuer: str(o.issuer) } : {}),
    obtainedOn: str(o.obtainedOn),
    source: sourceOf(o),
  };
}
