/**
 * The public profile shown after a scan or a search. It is built by whitelist: every
 * field is copied by name from the stored documents, so anything private that is (or
 * later gets) stored — owner openids, contact name and phone, an operator's ID number,
 * the openid in a record's source — can never leak by accident.
 */
import { districtName } from './districts';
import { ENTITY_CATEGORIES } from './fields';
import { industryInWords } from './industry';

/** Shown for what the entity declared itself (DESIGN §7). */
export const SELF_DECLARED = '自愿注册·未核验';

/** Only commitments with this 公开类型 (the form's own wording; approved by staff) appear publicly. */
export const PUBLIC_PUBLICITY = '可向社会公开';

export interface PublicSource {
  /** import: a department collected it; provided: a department or company vouches for it; self: the entity said so. */
  readonly kind: 'import' | 'provided' | 'self';
  /** "市税务局 · 2026-05-01" for imported records, "由市卫健委提供" for provided ones, 自愿注册·未核验 for self-declared ones. */
  readonly label: string;
}

export interface PublicCommitment {
  readonly id: string;
  readonly commitmentType: string;
  /** 承诺领域: the kind of commitment document (市场主体承诺书 …). */
  readonly commitmentArea: string;
  readonly field: string;
  readonly reason: string;
  readonly content: string;
  readonly liability: string;
  readonly committedOn: string;
  readonly source: PublicSource;
}

/** 守信激励: a recognition (认定依据) by a department (认定部门), with its validity. */
export interface PublicHonour {
  readonly id: string;
  readonly basis: string;
  readonly issuer: string;
  readonly validUntil?: string;
  /** "有效期至 2026-07-22" or "长期有效". */
  readonly validity: string;
  readonly collectedOn: string;
  readonly source: PublicSource;
}

/** 自愿注册: an item with its provider; without one it is the entity's own declaration. */
export interface PublicRegistration {
  readonly id: string;
  readonly itemName: string;
  readonly content?: string;
  readonly provider?: string;
  readonly collectedOn: string;
  readonly source: PublicSource;
}

export interface PublicOtherInfo {
  readonly id: string;
  readonly infoName: string;
  readonly provider?: string;
  readonly collectedOn: string;
  readonly source: PublicSource;
}

export interface PublicProfile {
  readonly uscc: string;
  readonly name: string;
  readonly categoryName: string;
  readonly districtCode: string;
  readonly districtName: string;
  readonly field: string;
  /** The industry in words a customer understands (餐饮服务, 商品零售 …), from core/industry.ts. */
  readonly industry: string;
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
/** The kinds in the order the profile shows them; 查看全部 (public.records) takes one of them. */
export const PUBLIC_RECORD_KINDS = ['commitments', 'honours', 'registrations', 'otherInfo'] as const satisfies readonly PublicRecordKind[];
/** One public record of any kind, as the profile and 查看全部 show it. */
export type PublicRecord = PublicCommitment | PublicHonour | PublicRegistration | PublicOtherInfo;

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

/** Providers that mean the entity itself: what it declared is 自愿注册·未核验. */
const SELF_PROVIDERS = new Set(['本单位', '本企业', '本人', '自行申报', '自主申报', '自愿申报', '企业自报', '自报']);

/**
 * A 自愿注册 item's source: declared by its provider (a department or company) when it names one
 * other than the entity itself; otherwise the entity's own, unverified declaration.
 */
export function providedSourceOf(doc: StoredDoc, entityName: string): PublicSource {
  const provider = optStr(doc.provider)?.trim();
  if (provider === undefined || provider === entityName || SELF_PROVIDERS.has(provider)) return { kind: 'self', label: SELF_DECLARED };
  return { kind: 'provided', label: `由${provider}提供` };
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
    industry: industryInWords(e.field, e.name),
    address: str(e.address),
    ...(storefrontPhoto ? { storefrontPhoto } : {}),
    ...(codeIssuedOn ? { codeIssuedOn } : {}),
    commitments: (input.commitments ?? []).filter(isPublicCommitment).sort(byDateDesc('committedOn')).map(toPublicCommitment),
    honours: (input.honours ?? [])
      .filter((h) => current(h, today))
      .sort(byDateDesc('collectedOn'))
      .map(toPublicHonour),
    registrations: (input.registrations ?? [])
      .filter((r) => current(r, today))
      .sort(byDateDesc('collectedOn'))
      .map((r) => toPublicRegistration(r, str(e.name))),
    otherInfo: [...(input.otherInfo ?? [])].sort(byDateDesc('collectedOn')).map(toPublicOtherInfo),
    ...(input.moreRecords && Object.values(input.moreRecords).some(Boolean) ? { moreRecords: { ...input.moreRecords } } : {}),
  };
}

/**
 * One record of a kind in its public form (whitelist), as the profile and 查看全部 show it; a
 * registration needs its entity's name (an item the entity provided itself reads 自愿注册·未核验).
 */
export function toPublicRecord(kind: PublicRecordKind, doc: StoredDoc, entityName: string): PublicRecord {
  if (kind === 'commitments') return toPublicCommitment(doc);
  if (kind === 'honours') return toPublicHonour(doc);
  if (kind === 'registrations') return toPublicRegistration(doc, entityName);
  return toPublicOtherInfo(doc);
}

function toPublicCommitment(c: StoredDoc): PublicCommitment {
  return {
    id: str(c._id),
    commitmentType: str(c.commitmentType),
    commitmentArea: str(c.commitmentArea),
    field: str(c.field),
    reason: str(c.reason),
    content: str(c.content),
    liability: str(c.liability),
    committedOn: str(c.committedOn),
    source: sourceOf(c),
  };
}

function toPublicHonour(h: StoredDoc): PublicHonour {
  const until = optStr(h.validUntil);
  return {
    id: str(h._id),
    basis: str(h.basis),
    issuer: str(h.issuer),
    ...(until ? { validUntil: until } : {}),
    validity: until ? `有效期至 ${until}` : '长期有效',
    collectedOn: str(h.collectedOn),
    source: sourceOf(h),
  };
}

function toPublicRegistration(r: StoredDoc, entityName: string): PublicRegistration {
  return {
    id: str(r._id),
    itemName: str(r.itemName),
    ...(optStr(r.content) ? { content: str(r.content) } : {}),
    ...(optStr(r.provider) ? { provider: str(r.provider) } : {}),
    collectedOn: str(r.collectedOn),
    source: providedSourceOf(r, entityName),
  };
}

function toPublicOtherInfo(o: StoredDoc): PublicOtherInfo {
  return {
    id: str(o._id),
    infoName: str(o.infoName),
    ...(optStr(o.provider) ? { provider: str(o.provider) } : {}),
    collectedOn: str(o.collectedOn),
    source: sourceOf(o),
  };
}
