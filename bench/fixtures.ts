/**
 * Bulk data for the benchmarks, loaded straight into a local cloud's store through its commit
 * path (the same validation and SQLite transaction every SDK write takes), in chunks.
 * Deterministic: the same size gives the same documents.
 */
import { composeUscc, DISTRICTS, FIELDS, USCC_ALPHABET } from '../core';
import { nameSearchKeys } from '../core/search-keys';
import type { Change } from '../localcloud/collections';
import type { LocalCloud } from '../localcloud';
import type { CodeDoc, CommitmentDoc, DistrictTotalsDoc, EntityDoc, HonourDoc, StaffDoc } from '../server/model';

export const BENCH_CITY_ADMIN = 'bench-city-admin';

/** Park–Miller PRNG: deterministic and fast enough for millions of draws. */
export function prng(seed: number): (n: number) => number {
  let s = seed % 2147483647 || 1;
  return (n) => {
    s = (s * 48271) % 2147483647;
    return s % n;
  };
}

/** The i-th synthetic USCC of a district: unique per (district, i), structurally valid. */
export function benchUscc(districtCode: string, i: number): string {
  let org8 = '';
  let v = i;
  for (let k = 0; k < 8; k++) {
    org8 = USCC_ALPHABET[v % 31]! + org8;
    v = Math.floor(v / 31);
  }
  return composeUscc({ department: '9', category: '1', area: districtCode, org8 });
}

/**
 * 500 characters for the synthetic brand names (a stretch of the CJK block): names need a large
 * alphabet as real ones have. Numbered names (第123号) would be the worst case for bigram search:
 * ten digits make the same bigrams in many names, so an index on bigrams selects many near misses.
 */
const BRAND_CHARS = Array.from({ length: 500 }, (_v, k) => String.fromCodePoint(0x4e00 + 41 * k));
const KINDS = ['商贸有限公司', '超市', '烧烤店', '大药房', '物流有限公司', '饭店', '便利店', '专业合作社'];
const BRANDS = BRAND_CHARS.length ** 3;

/** The brand of the i-th entity: three characters, distinct for every i below 125,000,000. */
export function benchBrand(i: number): string {
  // A bijection of [0, 500³) (the multiplier is coprime to it) spreads neighbouring i over the alphabet.
  const j = (i * 7_919_017) % BRANDS;
  const n = BRAND_CHARS.length;
  return BRAND_CHARS[Math.floor(j / (n * n))]! + BRAND_CHARS[Math.floor(j / n) % n]! + BRAND_CHARS[j % n]!;
}

/** The i-th entity's registered name: district, brand, kind (unique because the brand is). */
export function benchName(i: number): string {
  const district = DISTRICTS[i % DISTRICTS.length]!;
  return `鹤岗市${district.name}${benchBrand(i)}${KINDS[Math.floor(i / DISTRICTS.length) % KINDS.length]}`;
}

export interface LoadOptions {
  entities: number;
  /** Share of entities holding an active code. */
  codedShare: number;
  /** Commitments and honours per coded entity. */
  recordsPerCoded: number;
}

export interface Loaded {
  codeIds: string[];
  usccs: string[];
}

const CHUNK = 20_000;

function flush(lc: LocalCloud, changes: Change[]): void {
  if (changes.length) lc.db.commit(changes.splice(0));
}

function add(
  changes: Change[],
  collection: string,
  doc: { _id: string; [field: string]: unknown } | CommitmentDoc | HonourDoc | EntityDoc | CodeDoc | DistrictTotalsDoc | StaffDoc,
): void {
  changes.push({ collection, key: doc._id, before: undefined, after: doc as unknown as Record<string, unknown> });
}

/** Entities spread over the eight districts, codes for `codedShare` of them, records for the coded. */
export function loadCity(lc: LocalCloud, opts: LoadOptions): Loaded {
  const rnd = prng(20260523);
  const at = new Date('2026-05-01T08:00:00+08:00');
  const changes: Change[] = [];
  const loaded: Loaded = { codeIds: [], usccs: [] };
  for (let i = 0; i < opts.entities; i++) {
    const district = DISTRICTS[i % DISTRICTS.length]!;
    const uscc = benchUscc(district.code, i);
    const field = FIELDS[rnd(FIELDS.length)]!;
    const name = benchName(i);
    const entity: EntityDoc = {
      _id: `e${i}`,
      uscc,
      name,
      nameKeys: internedKeys(name),
      category: 'company',
      districtCode: district.code,
      address: `黑龙江省鹤岗市${district.name}${rnd(200) + 1}号`,
      field,
      ownerOpenids: [`owner-${i}`],
      contactName: '联系人',
      contactPhone: '13900000000',
      createdAt: at,
      updatedAt: at,
    };
    add(changes, 'entities', entity);
    loaded.usccs.push(uscc);
    if (rnd(10_000) < opts.codedShare * 10_000) {
      const id = `bench${String(i).padStart(17, '0')}`;
      const code: CodeDoc = {
        _id: id,
        entityId: entity._id,
        uscc,
        districtCode: district.code,
        field,
        status: 'active',
        version: 1,
        liveKey: entity._id,
        issuedAt: at,
        history: [{ at, status: 'active', by: BENCH_CITY_ADMIN, reason: '审核通过，赋码' }],
      };
      add(changes, 'codes', code);
      loaded.codeIds.push(id);
      for (let r = 0; r < opts.recordsPerCoded; r++) {
        add(changes, 'commitments', commitment(entity, r, at));
        add(changes, 'honours', honour(entity, r, at));
      }
    }
    if (changes.length >= CHUNK) flush(lc, changes);
  }
  for (const d of DISTRICTS) {
    const market = Math.ceil(opts.entities / DISTRICTS.length);
    const totals: DistrictTotalsDoc = {
      _id: `totals-${d.code}`,
      districtCode: d.code,
      asOf: '2026-05-01',
      marketEntities: market,
      xinyidaiRegistered: Math.floor(market * (0.05 + rnd(20) / 100)),
      source: { kind: 'import', department: '市发展改革委', importedBy: BENCH_CITY_ADMIN, importedAt: at, batch: 'bench' },
      dedupKey: `totals-${d.code}-2026-05-01`,
      createdAt: at,
    };
    add(changes, 'districtTotals', totals);
  }
  const admin: StaffDoc = {
    _id: 'staff-bench',
    openid: BENCH_CITY_ADMIN,
    name: '基准测试管理员',
    role: 'city',
    active: true,
    createdAt: at,
  };
  add(changes, 'staff', admin);
  flush(lc, changes);
  return loaded;
}

/**
 * nameSearchKeys(name) with each key string shared between documents: a million names hold only a
 * few thousand distinct bigrams, and the emulator keeps every document in memory.
 */
const keyPool = new Map<string, string>();
function internedKeys(name: string): string[] {
  return nameSearchKeys(name).map((k) => {
    const shared = keyPool.get(k);
    if (shared !== undefined) return shared;
    keyPool.set(k, k);
    return k;
  });
}

/**
 * Gives the entity of `codeId` (loaded by loadCity) `count` more records, spread over the four
 * kinds (40% commitments, 40% honours, 10% registrations, 10% other information), dated over ten
 * years, one in a hundred withdrawn: the entity a scan must answer without reading them all.
 */
export function loadHeavyEntity(lc: LocalCloud, codeId: string, count: number): { uscc: string; name: string } {
  const code = lc.db.collection('codes').getByKey(codeId) as unknown as CodeDoc | undefined;
  const entity = code && (lc.db.collection('entities').getByKey(code.entityId) as unknown as EntityDoc | undefined);
  if (!entity) throw new Error(`no coded entity for ${codeId}`);
  const at = new Date('2026-05-01T08:00:00+08:00');
  const changes: Change[] = [];
  for (let r = 0; r < count; r++) {
    const slot = r % 10;
    const on = new Date(Date.UTC(2016, 0, 1) + (r % 3650) * 86_400_000).toISOString().slice(0, 10);
    const withdrawn = r % 100 === 42 ? { withdrawn: true } : {};
    const base = {
      source: { kind: 'import', department: '市市场监管局', importedBy: BENCH_CITY_ADMIN, importedAt: at, batch: 'bench-heavy' },
      createdAt: at,
      ...withdrawn,
    };
    if (slot < 4) add(changes, 'commitments', { ...commitment(entity, 1_000_000 + r, at), committedOn: on, ...withdrawn });
    else if (slot < 8) add(changes, 'honours', { ...honour(entity, 1_000_000 + r, at), collectedOn: on, ...withdrawn });
    else if (slot === 8)
      add(changes, 'registrations', {
        _id: `g-${entity._id}-${r}`,
        entityName: entity.name,
        uscc: entity.uscc,
        itemName: `捐赠${r}`,
        content: '向本地小学捐赠图书',
        provider: '鹤岗市慈善总会',
        collectedOn: on,
        dedupKey: `g-${entity._id}-${r}`,
        ...base,
      });
    else
      add(changes, 'otherInfo', {
        _id: `o-${entity._id}-${r}`,
        entityName: entity.name,
        uscc: entity.uscc,
        infoName: `商标${r}`,
        provider: '市市场监管局',
        collectedOn: on,
        dedupKey: `o-${entity._id}-${r}`,
        ...base,
      });
    if (changes.length >= CHUNK) flush(lc, changes);
  }
  flush(lc, changes);
  return { uscc: entity.uscc, name: entity.name };
}

function commitment(entity: EntityDoc, r: number, at: Date): CommitmentDoc {
  return {
    _id: `c-${entity._id}-${r}`,
    promiserName: entity.name,
    promiserCategory: '法人',
    promiserCode: entity.uscc,
    commitmentType: '主动型',
    commitmentArea: '市场主体承诺书',
    field: entity.field,
    reason: '主动型，自愿作出承诺',
    content: '我企业依法诚信经营，自愿接受社会监督。',
    liability: '违反承诺自愿接受相关部门依法处理。',
    committedOn: '2026-05-01',
    publicity: '可向社会公开',
    uscc: entity.uscc,
    status: 'approved',
    source: { kind: 'import', department: '市市场监管局', importedBy: BENCH_CITY_ADMIN, importedAt: at, batch: 'bench' },
    dedupKey: `c-${entity._id}-${r}`,
    createdAt: at,
  };
}

function honour(entity: EntityDoc, r: number, at: Date): HonourDoc {
  return {
    _id: `h-${entity._id}-${r}`,
    entityName: entity.name,
    uscc: entity.uscc,
    issuer: '国家税务总局鹤岗市税务局',
    basis: `纳税信用等级评价方案（${2025 - r}年度A级）`,
    collectedOn: '2026-04-01',
    source: { kind: 'import', department: '市税务局', importedBy: BENCH_CITY_ADMIN, importedAt: at, batch: 'bench' },
    dedupKey: `h-${entity._id}-${r}`,
    createdAt: at,
  } as HonourDoc;
}
