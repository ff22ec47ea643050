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

function add(changes: Change[], collection: string, doc: { _id: string }): void {
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
    const name = `${district.name}第${i}号商户`;
    const entity: EntityDoc = {
      _id: `e${i}`,
      uscc,
      name,
      nameKeys: nameSearchKeys(name),
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
  const admin: StaffDoc = { _id: 'staff-bench', openid: BENCH_CITY_ADMIN, name: '基准测试管理员', role: 'city', active: true, createdAt: at };
  add(changes, 'staff', admin);
  flush(lc, changes);
  return loaded;
}

function commitment(entity: EntityDoc, r: number, at: Date): CommitmentDoc {
  return {
    _id: `c-${entity._id}-${r}`,
    promiserName: entity.name,
    promiserCategory: '法人及非法人组织',
    promiserCode: entity.uscc,
    commitmentType: '主动型',
    field: entity.field as CommitmentDoc['field'],
    reason: '市场主体承诺书',
    content: '我企业依法诚信经营，自愿接受社会监督。',
    liability: '违反承诺自愿接受相关部门依法处理。',
    committedOn: '2026-05-01',
    publicity: '社会公开',
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
    honourType: '纳税信用A级',
    title: `${2025 - r}年度纳税信用A级纳税人`,
    issuer: '国家税务总局鹤岗市税务局',
    awardedOn: '2026-04-01',
    source: { kind: 'import', department: '市税务局', importedBy: BENCH_CITY_ADMIN, importedAt: at, batch: 'bench' },
    dedupKey: `h-${entity._id}-${r}`,
    createdAt: at,
  } as HonourDoc;
}
