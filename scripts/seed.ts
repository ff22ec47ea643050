/**
 * `npm run seed [-- --url http://127.0.0.1:3900 | --data .localcloud/data] [--today YYYY-MM-DD]`
 *
 * Loads a realistic demo data set for Hegang's eight districts into the local cloud: about 59,000
 * market entities (valid USCCs whose area code is the district), codes for 7–23% of them per
 * district (some suspended, a few revoked and reissued), their applications, commitments, honours,
 * registrations and other information, dated district totals, staff members and 60 days of rate
 * snapshots that rise toward today. Deterministic (seeded PRNG, fixed ids): running it twice
 * leaves the same data. Written through the emulator's bulk-load path (`POST /_admin/load`, or
 * in-process on a data folder whose emulator is stopped), so it takes seconds.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import {
  CITY_CODE,
  codeIdFromBytes,
  commitmentTemplate,
  composeUscc,
  DISTRICTS,
  isValidUscc,
  type CommitmentInput,
  type EntityCategory,
  type Field,
} from '../core';
import { canonicalRow } from '../core/import-layouts';
import { nameSearchKeys } from '../core/search-keys';
import { basisPoints, chinaDate, dateOfDayNumber, dayNumber } from '../core/rates';
import { encodeDoc, openDatabase, type Doc } from '../localcloud';
import { selfCommitmentKey } from '../server/merchant/commitments';
import type {
  ApplicationDoc,
  CodeDoc,
  CommitmentDoc,
  DistrictTotalsDoc,
  EntityDoc,
  HonourDoc,
  OtherInfoDoc,
  RecordSource,
  RegisterDoc,
  RegistrationDoc,
  StaffDoc,
} from '../server/model';
import type { RateSnapshotDoc, SnapshotRow } from '../server/staff/stats';
import { isMain } from './is-main';
import { DEMO_LICENCE_FILE_ID, storeDemoLicence } from './demo-licence';

/** 市场主体类型 as the register writes it, by our entity category. */
const REGISTER_TYPE: Record<EntityDoc['category'], string> = {
  company: '有限责任公司',
  individual: '个体工商户',
  cooperative: '农民专业合作社',
  other: '其他',
};
import { bulletinDemoData, type BulletinDemoData } from './seed-bulletin';

/** Per district: market entities, share with an active code, share on 信易贷, rural or urban. */
export const PLAN: Record<string, { entities: number; codedPct: number; xinyidaiPct: number; rural: boolean }> = {
  '230402': { entities: 9_500, codedPct: 23, xinyidaiPct: 18, rural: false }, // 向阳区
  '230403': { entities: 9_000, codedPct: 18, xinyidaiPct: 14, rural: false }, // 工农区
  '230404': { entities: 7_500, codedPct: 14, xinyidaiPct: 11, rural: false }, // 南山区
  '230405': { entities: 4_000, codedPct: 8, xinyidaiPct: 7, rural: false }, // 兴安区
  '230406': { entities: 6_500, codedPct: 11, xinyidaiPct: 9, rural: false }, // 东山区
  '230407': { entities: 2_500, codedPct: 7, xinyidaiPct: 5, rural: false }, // 兴山区
  '230421': { entities: 11_500, codedPct: 21, xinyidaiPct: 22, rural: true }, // 萝北县
  '230422': { entities: 8_500, codedPct: 10, xinyidaiPct: 16, rural: true }, // 绥滨县
};

/** The demo's department batch (市市场监管局's 主动承诺信息表) for shops without codes: 生码 → print → claim. */
export const DEMO_BATCH_ID = 'demo-scjg-batch';

/** Openids of the demo callers (the preview's caller switch uses the same ones). */
export const DEMO_OPENIDS = {
  city: 'staff-city',
  district: (code: string) => `staff-${code}`,
  department: 'staff-dept-scjg',
  merchant: 'merchant-demo',
} as const;

export type SeedData = {
  entities: EntityDoc[];
  applications: ApplicationDoc[];
  codes: CodeDoc[];
  commitments: CommitmentDoc[];
  honours: HonourDoc[];
  registrations: RegistrationDoc[];
  otherInfo: OtherInfoDoc[];
  districtTotals: DistrictTotalsDoc[];
  rateSnapshots: RateSnapshotDoc[];
  staff: StaffDoc[];
  /** 市场主体名录 rows of the entities with demo applications, so the review card's checks have something to compare. */
  register: RegisterDoc[];
} & BulletinDemoData;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness.

class Rng {
  private s: number;
  constructor(seed: string) {
    this.s = createHash('sha256').update(seed).digest().readUInt32LE(0);
  }
  /** mulberry32 */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(16)];
    return s;
  }
  bytes(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => this.int(256));
  }
}

// ---------------------------------------------------------------------------------------------
// Names, addresses, fields.

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文春海波宇浩鹏飞凤云东林红旭辉'];
const BRAND_TAILS = [...'兴盛达丰源泰顺利和祥福康'];
const BRANDS = [
  '鑫源',
  '宏达',
  '恒信',
  '金鹤',
  '龙江',
  '北疆',
  '兴隆',
  '福满',
  '盛世',
  '永盛',
  '嘉禾',
  '瑞丰',
  '顺达',
  '天宇',
  '华鑫',
  '佳美',
  '万家',
  '鹤城',
  '松江',
  '黑土地',
  '宝泉',
  '众诚',
  '百信',
  '聚福',
  '乐康',
  '新兴',
  '广源',
  '利民',
  '安达',
  '润丰',
  '德顺',
  '吉祥',
  '永利',
  '和顺',
  '新时代',
];
const STREETS: Record<string, string[]> = {
  '230402': ['红军路', '解放路', '新华路', '胜利路', '向阳路', '东解放路', '南翼路'],
  '230403': ['工农路', '红旗路', '育才路', '松鹤路', '民主路', '湖滨路'],
  '230404': ['南山路', '铁西路', '麓林路', '大陆路', '六马路'],
  '230405': ['兴安路', '峻德路', '光宇路', '兴建路'],
  '230406': ['东山路', '新一路', '蔬园路', '工人村路'],
  '230407': ['兴山路', '沿河路', '富力路'],
  '230421': ['凤翔镇振兴街', '凤翔镇北大街', '名山镇江滨路', '鹤北镇林业路', '宝泉岭大街', '团结镇中心街'],
  '230422': ['绥滨镇中心街', '绥滨镇振兴路', '绥东镇兴华街', '忠仁镇人民路', '连生乡建设街', '北岗乡前进路'],
};
const TOWNS: Record<string, string[]> = {
  '230421': ['凤翔镇', '鹤北镇', '名山镇', '团结镇', '肇兴镇', '东明朝鲜族乡'],
  '230422': ['绥滨镇', '绥东镇', '忠仁镇', '连生乡', '北岗乡', '福兴满族乡'],
};
const VILLAGES = [
  '东明村',
  '新建村',
  '红光村',
  '永安村',
  '胜利村',
  '友谊村',
  '团结村',
  '长发村',
  '太平村',
  '富强村',
  '光明村',
  '丰收村',
];

interface Kind {
  category: EntityCategory;
  /** USCC department + category digits. */
  prefix: string;
  field: Field;
  name: (p: NameParts) => string;
}
interface NameParts {
  place: string;
  brand: string;
  person: string;
  village: string;
}

const KINDS: Kind[] = [
  { category: 'individual', prefix: '92', field: '市场监管', name: (p) => `${p.place}${p.brand}超市` },
  { category: 'individual', prefix: '92', field: '市场监管', name: (p) => `${p.place}${p.person}便利店` },
  { category: 'individual', prefix: '92', field: '文化和旅游', name: (p) => `${p.place}${p.brand}饭店` },
  { category: 'individual', prefix: '92', field: '市场监管', name: (p) => `${p.place}${p.person}烧烤店` },
  { category: 'individual', prefix: '92', field: '卫生健康', name: (p) => `${p.place}${p.brand}大药房` },
  { category: 'individual', prefix: '92', field: '市场监管', name: (p) => `${p.place}${p.brand}服装店` },
  { category: 'individual', prefix: '92', field: '商务', name: (p) => `${p.place}${p.person}五金商店` },
  { category: 'individual', prefix: '92', field: '交通运输', name: (p) => `${p.place}${p.person}汽车修理部` },
  { category: 'individual', prefix: '92', field: '市场监管', name: (p) => `${p.place}${p.brand}理发店` },
  { category: 'company', prefix: '91', field: '商务', name: (p) => `${p.place}${p.brand}商贸有限公司` },
  { category: 'company', prefix: '91', field: '住房和城乡建设', name: (p) => `${p.place}${p.brand}建筑工程有限公司` },
  { category: 'company', prefix: '91', field: '交通运输', name: (p) => `${p.place}${p.brand}物流有限公司` },
  { category: 'company', prefix: '91', field: '应急管理', name: (p) => `${p.place}${p.brand}矿业有限公司` },
  { category: 'company', prefix: '91', field: '文化和旅游', name: (p) => `${p.place}${p.brand}宾馆有限公司` },
  { category: 'company', prefix: '91', field: '生态环境', name: (p) => `${p.place}${p.brand}环保科技有限公司` },
  {
    category: 'company',
    prefix: '91',
    field: '人力资源和社会保障',
    name: (p) => `${p.place}${p.brand}劳务派遣有限公司`,
  },
  { category: 'company', prefix: '91', field: '金融', name: (p) => `${p.place}${p.brand}融资担保有限公司` },
  { category: 'cooperative', prefix: '93', field: '农业农村', name: (p) => `${p.place}${p.brand}水稻种植专业合作社` },
  { category: 'cooperative', prefix: '93', field: '农业农村', name: (p) => `${p.place}${p.village}大豆种植专业合作社` },
  { category: 'cooperative', prefix: '93', field: '农业农村', name: (p) => `${p.place}${p.brand}畜牧养殖专业合作社` },
  { category: 'other', prefix: '52', field: '教育', name: (p) => `${p.place}${p.brand}职业技能培训学校` },
];
const byCategory = (c: EntityCategory) => KINDS.filter((k) => k.category === c);

function pickKind(rng: Rng, rural: boolean): Kind {
  const r = rng.next();
  const category: EntityCategory = rural
    ? r < 0.6
      ? 'individual'
      : r < 0.82
        ? 'company'
        : r < 0.98
          ? 'cooperative'
          : 'other'
    : r < 0.68
      ? 'individual'
      : r < 0.96
        ? 'company'
        : r < 0.98
          ? 'cooperative'
          : 'other';
  return rng.pick(byCategory(category));
}

const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// ---------------------------------------------------------------------------------------------
// Generation.

const DEPARTMENTS = {
  scjg: '鹤岗市市场监督管理局',
  tax: '国家税务总局鹤岗市税务局',
  rsj: '鹤岗市人力资源和社会保障局',
  nyj: '鹤岗市农业农村局',
  fgw: '鹤岗市发展和改革委员会',
};

/**
 * The whole demo data set for `today` (YYYY-MM-DD, China), identical for identical input.
 * `scale` shrinks every district proportionally (tests use a tenth).
 */
export function generateDemoData(today: string, scale = 1): SeedData {
  const rng = new Rng(`hegang-demo-v1`);
  const todayN = dayNumber(today);
  const atChina = (day: number, hour: number, minute = 0) =>
    new Date(Date.UTC(1970, 0, 1) + day * 86_400_000 + (hour - 8) * 3_600_000 + minute * 60_000);
  const brand = () => rng.pick(BRANDS) + (rng.chance(0.5) ? rng.pick(BRAND_TAILS) : '');
  const person = () => rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '');
  const phone = () => `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(1e9)).padStart(9, '0')}`;
  const importSource = (department: string, day: number, batch: string): RecordSource => ({
    kind: 'import',
    department,
    importedBy: DEMO_OPENIDS.city,
    importedAt: atChina(day, 15),
    batch,
  });
  const dedup = (kind: string, value: Record<string, unknown>) =>
    createHash('sha256')
      .update(canonicalRow(kind as Parameters<typeof canonicalRow>[0], value))
      .digest('hex')
      .slice(0, 40);

  const data: SeedData = {
    entities: [],
    applications: [],
    codes: [],
    commitments: [],
    honours: [],
    registrations: [],
    otherInfo: [],
    districtTotals: [],
    rateSnapshots: [],
    staff: [],
    register: [],
    ...bulletinDemoData(today),
  };
  const usedUscc = new Set<string>();
  const usedNames = new Set<string>();

  for (const district of DISTRICTS) {
    const full = PLAN[district.code]!;
    const plan = { ...full, entities: Math.round(full.entities * scale) };
    const place = district.kind === '区' ? `鹤岗市${district.name}` : district.name;
    const districtStaff = DEMO_OPENIDS.district(district.code);
    const entities: EntityDoc[] = [];
    for (let i = 0; i < plan.entities; i++) {
      const kind = pickKind(rng, plan.rural);
      let uscc: string;
      do {
        let org8 = '';
        for (let j = 0; j < 8; j++) org8 += ORG_CHARS[rng.int(ORG_CHARS.length)];
        uscc = composeUscc({ department: kind.prefix[0]!, category: kind.prefix[1]!, area: district.code, org8 });
      } while (usedUscc.has(uscc));
      usedUscc.add(uscc);
      // Names repeat in real registers only by accident; retry, then add the street as shops do.
      const parts = () => ({ place, brand: brand(), person: person(), village: rng.pick(VILLAGES) });
      let name = kind.name(parts());
      for (let tries = 0; usedNames.has(name); tries++) {
        const p = parts();
        if (tries >= 8) p.place = `${place}${rng.pick(STREETS[district.code]!).replace(/(街|路|大街)$/, '')}`;
        if (tries >= 16) p.village = `${p.village}${1 + rng.int(9)}组`;
        if (tries >= 24) p.brand = `${p.brand}${i}`;
        name = kind.name(p);
      }
      usedNames.add(name);
      const street = rng.pick(STREETS[district.code]!);
      const address =
        kind.category === 'cooperative' && plan.rural
          ? `${district.name}${rng.pick(TOWNS[district.code]!)}${rng.pick(VILLAGES)}`
          : `${place}${street}${1 + rng.int(300)}号`;
      const created = atChina(todayN - 200 - rng.int(2500), 9 + rng.int(8), rng.int(60));
      entities.push({
        _id: rng.hex(32),
        uscc,
        name,
        nameKeys: nameSearchKeys(name),
        category: kind.category,
        districtCode: district.code,
        address,
        field: kind.field,
        ownerOpenids: [],
        createdAt: created,
        updatedAt: created,
      });
    }
    data.entities.push(...entities);

    // Codes: the first `coded` entities of a shuffled order, issued over the last 150 days with a
    // density that rises toward today.
    const order = entities.map((_e, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const coded = Math.round((plan.entities * plan.codedPct) / 100);
    for (let n = 0; n < coded; n++) {
      const e = entities[order[n]!]!;
      const owner = district.code === '230402' && n === 0 ? DEMO_OPENIDS.merchant : `demo-owner-${e.uscc.slice(8, 17)}`;
      const issuedDay = todayN - 150 + Math.floor(150 * Math.sqrt(rng.next()));
      const issuedAt = atChina(issuedDay, 9 + rng.int(8), rng.int(60));
      e.ownerOpenids = [owner];
      e.contactName = person();
      e.contactPhone = phone();
      e.updatedAt = issuedAt;
      const r = rng.next();
      const status =
        n === 0
          ? 'active'
          : n === 1
            ? 'suspended'
            : n === 2
              ? 'revoked'
              : r < 0.93
                ? 'active'
                : r < 0.98
                  ? 'suspended'
                  : 'revoked';
      const code: CodeDoc = {
        _id: codeIdFromBytes(rng.bytes(22)),
        entityId: e._id,
        uscc: e.uscc,
        districtCode: e.districtCode,
        field: e.field,
        status: 'active',
        version: 1,
        liveKey: e._id,
        issuedAt,
        history: [{ at: issuedAt, status: 'active', by: districtStaff, reason: '审核通过，赋码' }],
      };
      const laterDay = Math.min(todayN, issuedDay + 1 + rng.int(Math.max(1, todayN - issuedDay)));
      if (status === 'suspended') {
        code.status = 'suspended';
        code.history.push({
          at: atChina(laterDay, 14),
          status: 'suspended',
          by: districtStaff,
          reason: '经营异常名录核查中，暂停使用',
        });
      }
      let reissue: CodeDoc | undefined;
      if (status === 'revoked') {
        code.status = 'revoked';
        delete code.liveKey;
        code.history.push({
          at: atChina(laterDay, 14),
          status: 'revoked',
          by: districtStaff,
          reason: '二维码遗失，申请作废',
        });
        if (rng.chance(0.5)) {
          reissue = {
            ...code,
            _id: codeIdFromBytes(rng.bytes(22)),
            status: 'active',
            version: 2,
            liveKey: e._id,
            issuedAt: atChina(laterDay, 15),
            history: [{ at: atChina(laterDay, 15), status: 'active', by: districtStaff, reason: '重新赋码' }],
          };
        }
      }
      data.codes.push(code, ...(reissue ? [reissue] : []));
      data.applications.push({
        _id: rng.hex(32),
        uscc: e.uscc,
        entityName: e.name,
        category: e.category,
        districtCode: e.districtCode,
        address: e.address,
        field: e.field as Field,
        contactName: e.contactName,
        contactPhone: e.contactPhone,
        applicantOpenid: owner,
        status: 'approved',
        reviewedBy: districtStaff,
        reviewedAt: issuedAt,
        entityId: e._id,
        codeId: code._id,
        createdAt: atChina(issuedDay - 1 - rng.int(3), 8 + rng.int(12), rng.int(60)),
      });
      addRecords(e, owner, issuedDay);
    }

    // A few applications waiting for review, and a few rejected ones, from entities without codes.
    for (let n = 0; n < 8; n++) {
      const e = entities[order[coded + n]!]!;
      const pending = n < 5;
      const openid =
        district.code === '230403' && n === 0 ? DEMO_OPENIDS.merchant : `demo-applicant-${e.uscc.slice(8, 17)}`;
      data.applications.push({
        _id: rng.hex(32),
        uscc: e.uscc,
        entityName: e.name,
        category: e.category,
        districtCode: e.districtCode,
        address: e.address,
        field: e.field as Field,
        contactName: person(),
        contactPhone: phone(),
        applicantOpenid: openid,
        status: pending ? 'pending' : 'rejected',
        ...(pending
          ? { pendingKey: e.uscc }
          : {
              decisionReason: '门头照片与经营地址不符，请核实后重新申请',
              reviewedBy: districtStaff,
              reviewedAt: atChina(todayN - 3, 11),
            }),
        createdAt: atChina(todayN - rng.int(6), 8 + rng.int(12), rng.int(60)),
      });
      // The evidence the review card shows (no random draws, so the rest of the data set is unchanged):
      // a licence photo, the legal representative, and the entity's 市场主体名录 row; in the second
      // application of each district the register names someone else, which raises a flag.
      const app = data.applications.at(-1)!;
      app.legalRepName = app.contactName;
      app.licencePhoto = DEMO_LICENCE_FILE_ID;
      app.districtSource = 'uscc';
      data.register.push({
        _id: `reg-${e.uscc}`,
        uscc: e.uscc,
        name: e.name,
        entityType: REGISTER_TYPE[e.category],
        legalRep: n === 1 ? '王建国' : app.contactName,
        address: e.address,
        districtCode: e.districtCode,
        regStatus: '存续',
        inBusiness: true,
        batchId: 'seed-register',
        createdAt: app.createdAt,
        updatedAt: app.createdAt,
      });
    }

    // District totals: three dated imports; market entities grow slightly, 信易贷 faster.
    [75, 45, 15].forEach((ago, k) => {
      const asOf = dateOfDayNumber(todayN - ago);
      const marketEntities = plan.entities - Math.round(plan.entities * 0.006 * (2 - k));
      const xinyidaiRegistered = Math.round((marketEntities * plan.xinyidaiPct * (0.8 + 0.1 * k)) / 100);
      const value = { districtCode: district.code, asOf, marketEntities, xinyidaiRegistered };
      data.districtTotals.push({
        _id: `totals-${district.code}-${asOf}`,
        ...value,
        source: importSource(DEPARTMENTS.fgw, todayN - ago + 1, `seed-totals-${asOf}`),
        dedupKey: dedup('districtTotals', value),
        createdAt: atChina(todayN - ago + 1, 15),
      });
    });
  }

  /**
   * The office's route, ready to walk (docs/forms-and-claims.md): a 主动承诺信息表 that 市市场监管局
   * imported (batch DEMO_BATCH_ID) for five shops of 向阳区 that have no code yet, and for one shop
   * known only from that form. 生码 → print → claim starts from here.
   */
  function addDemoBatch(): void {
    const coded = new Set(data.codes.map((c) => c.entityId));
    const shops = data.entities.filter((e) => e.districtCode === '230402' && e.field === '市场监管' && !coded.has(e._id)).slice(0, 5);
    const newcomer = { name: '鹤岗市向阳区新开张便民超市', uscc: composeUscc({ department: '9', category: '2', area: '230402', org8: 'MA0DEM01' }) };
    const day = todayN - 2;
    for (const shop of [...shops.map((e) => ({ name: e.name, uscc: e.uscc, individual: e.category === 'individual' })), { ...newcomer, individual: true }]) {
      const t = commitmentTemplate('市场监管');
      const value: CommitmentInput = {
        promiserName: shop.name,
        promiserCategory: shop.individual ? '个体工商户' : '法人',
        promiserCode: shop.uscc,
        commitmentType: t.commitmentType,
        commitmentArea: t.commitmentArea,
        reason: t.reason,
        content: t.content,
        liability: t.liability,
        committedOn: dateOfDayNumber(day - 1),
        publicity: '可向社会公开',
      };
      data.commitments.push({
        _id: `demo-batch-${shop.uscc}`,
        ...value,
        field: '市场监管',
        uscc: shop.uscc,
        status: 'approved',
        batchId: DEMO_BATCH_ID,
        source: {
          kind: 'import',
          departmentId: 'scjg',
          department: '市市场监管局',
          importedBy: DEMO_OPENIDS.department,
          importedAt: atChina(day, 10),
          batch: DEMO_BATCH_ID,
        },
        dedupKey: dedup('commitment', value as unknown as Record<string, unknown>),
        createdAt: atChina(day, 10),
      });
    }
  }

  function addRecords(e: EntityDoc, owner: string, issuedDay: number): void {
    // Records follow the code by a few days, never beyond today.
    const upTo = (day: number) => Math.min(day, todayN);
    const t = commitmentTemplate(e.field);
    const commitment: CommitmentInput = {
      promiserName: e.name,
      promiserCategory: e.category === 'individual' ? '个体工商户' : '法人',
      promiserCode: e.uscc,
      commitmentType: t.commitmentType,
      commitmentArea: t.commitmentArea,
      reason: t.reason,
      content: t.content,
      liability: t.liability,
      committedOn: dateOfDayNumber(issuedDay),
      publicity: rng.chance(0.9) ? '可向社会公开' : '政务共享',
    };
    const selfPending = issuedDay > todayN - 7 && rng.chance(0.5);
    data.commitments.push({
      _id: rng.hex(32),
      ...commitment,
      field: e.field,
      uscc: e.uscc,
      status: selfPending ? 'pending' : 'approved',
      source: { kind: 'self', openid: owner },
      dedupKey: selfCommitmentKey(commitment),
      createdAt: atChina(issuedDay, 16),
    });
    if (rng.chance(0.35)) {
      const dept: CommitmentInput = {
        ...commitment,
        commitmentType: rng.pick(['证明事项告知承诺型', '容缺受理型', '审批替代型'] as const),
        commitmentArea: '证明事项告知承诺书',
        reason: '办理行政许可事项',
        content: `本单位所提交的申请材料真实有效，${commitment.content}`,
        committedOn: dateOfDayNumber(issuedDay - 30 - rng.int(300)),
        publicity: '可向社会公开',
      };
      data.commitments.push({
        _id: rng.hex(32),
        ...dept,
        field: e.field,
        uscc: e.uscc,
        status: 'approved',
        source: importSource(DEPARTMENTS.scjg, upTo(issuedDay + 2), `seed-commitments-${issuedDay}`),
        dedupKey: dedup('commitment', dept),
        createdAt: atChina(upTo(issuedDay + 2), 15),
      });
    }
    if (rng.chance(0.18)) {
      const collectedOn = dateOfDayNumber(issuedDay - 30 - rng.int(370));
      const year = Number(collectedOn.slice(0, 4)) - 1;
      const [basis, issuer] = rng.pick([
        [`纳税信用等级评价方案（${year}年度A级纳税人）`, DEPARTMENTS.tax],
        [`黑龙江省守合同重信用企业公示（${year}年度）`, DEPARTMENTS.scjg],
        [`鹤岗市诚信经营示范店评选（${year}年度）`, DEPARTMENTS.scjg],
        [`劳动保障守法诚信等级评价（${year}年度A级）`, DEPARTMENTS.rsj],
      ] as const);
      const value = {
        entityName: e.name,
        uscc: e.uscc,
        issuer,
        basis,
        validUntil: `${year + 3}-12-31`,
        collectedOn,
      };
      data.honours.push({
        _id: rng.hex(32),
        ...value,
        source: importSource(issuer, upTo(issuedDay + 3), `seed-honours-${issuedDay}`),
        dedupKey: dedup('honour', value),
        createdAt: atChina(upTo(issuedDay + 3), 15),
      });
    }
    if (rng.chance(0.25)) {
      const value = {
        entityName: e.name,
        uscc: e.uscc,
        itemName: rng.pick(['食品经营许可证', '放心消费承诺', '社区志愿服务', '助学捐赠']),
        content: rng.pick(['诚信经营，欢迎监督', '参加社区志愿服务活动', '向当地学校捐赠图书', '持证经营，证照齐全']),
        // About half vouched for by a provider (shown as 由…提供), the rest the entity's own (自愿注册·未核验).
        ...(rng.chance(0.5) ? { provider: rng.pick(['市市场监管局', '鹤岗市慈善总会', '社区居委会']) } : {}),
        collectedOn: dateOfDayNumber(upTo(issuedDay + 1)),
      };
      data.registrations.push({
        _id: rng.hex(32),
        ...value,
        source: { kind: 'self', openid: owner },
        dedupKey: dedup('registration', value),
        createdAt: atChina(upTo(issuedDay + 1), 17),
      });
    }
    if (rng.chance(e.category === 'cooperative' ? 0.5 : 0.08)) {
      const rice = e.districtCode === '230422' ? '绥滨大米' : '萝北大米';
      const value =
        e.category === 'cooperative'
          ? { infoName: `“${rice}”地理标志产品`, provider: DEPARTMENTS.scjg }
          : { infoName: `“${e.name.slice(-8, -4)}”注册商标`, provider: '国家知识产权局' };
      const full = {
        entityName: e.name,
        uscc: e.uscc,
        ...value,
        collectedOn: dateOfDayNumber(issuedDay - 200 - rng.int(900)),
      };
      data.otherInfo.push({
        _id: rng.hex(32),
        ...full,
        source: importSource(DEPARTMENTS.scjg, upTo(issuedDay + 4), `seed-other-${issuedDay}`),
        dedupKey: dedup('otherInfo', full),
        createdAt: atChina(upTo(issuedDay + 4), 15),
      });
    }
  }

  // Staff: the city admin, one per district, one department (市场监管).
  const staffCreated = atChina(todayN - 200, 9);
  data.staff.push(
    {
      _id: 'staff-city',
      openid: DEMO_OPENIDS.city,
      name: '市信用办管理员',
      role: 'city',
      active: true,
      createdAt: staffCreated,
    },
    ...DISTRICTS.map((d): StaffDoc => ({
      _id: `staff-${d.code}`,
      openid: DEMO_OPENIDS.district(d.code),
      name: `${d.name}营商环境局工作人员`,
      role: 'district',
      districtCode: d.code,
      active: true,
      createdAt: staffCreated,
    })),
    {
      _id: 'staff-dept-scjg',
      openid: DEMO_OPENIDS.department,
      name: '市场监管局信用科',
      role: 'department',
      departmentId: 'scjg',
      field: '市场监管',
      department: '市市场监管局',
      active: true,
      createdAt: staffCreated,
    },
  );

  addDemoBatch();

  // 60 days of rate snapshots, from the codes' issue dates: the curve the bulletin shows.
  const activeDays = new Map<string, number[]>();
  for (const c of data.codes) {
    if (c.status !== 'active') continue;
    const list = activeDays.get(c.districtCode) ?? [];
    list.push(dayNumber(chinaDate(c.issuedAt)));
    activeDays.set(c.districtCode, list);
  }
  for (let day = todayN - 59; day <= todayN; day++) {
    const date = dateOfDayNumber(day);
    const rows: SnapshotRow[] = DISTRICTS.map((d) => {
      const coded = (activeDays.get(d.code) ?? []).filter((x) => x <= day).length;
      const totals = data.districtTotals.filter((t) => t.districtCode === d.code && t.asOf <= date).at(-1);
      const marketEntities = totals?.marketEntities ?? null;
      return {
        districtCode: d.code,
        coded,
        marketEntities,
        basisPoints: marketEntities ? basisPoints(coded, marketEntities) : null,
      };
    });
    const coded = rows.reduce((n, r) => n + r.coded, 0);
    const market = rows.reduce((n, r) => n + (r.marketEntities ?? 0), 0);
    data.rateSnapshots.push({
      _id: date,
      date,
      takenAt: atChina(day, 23, 55),
      city: { districtCode: CITY_CODE, coded, marketEntities: market, basisPoints: basisPoints(coded, market) },
      districts: rows,
    });
  }

  for (const e of data.entities) if (!isValidUscc(e.uscc)) throw new Error(`generated an invalid USCC: ${e.uscc}`);
  return data;
}

// ---------------------------------------------------------------------------------------------
// Writing.

/** Where to write: a running local cloud (HTTP bulk load) or a stopped one's data folder. */
export type SeedTarget = { url: string } | { dataDir: string };

const CHUNK = 5_000;

/** Write the data set; returns document counts per collection. */
export async function seed(target: SeedTarget, today: string, scale = 1): Promise<Record<string, number>> {
  const data = generateDemoData(today, scale);
  const counts: Record<string, number> = {};
  await storeDemoLicence(target);
  if ('dataDir' in target) {
    const { db, close } = openDatabase(target.dataDir);
    try {
      for (const [coll, docs] of Object.entries(data)) counts[coll] = db.load(coll, docs as unknown as Doc[]);
    } finally {
      close();
    }
    return counts;
  }
  const base = target.url.replace(/\/$/, '');
  for (const [coll, docs] of Object.entries(data) as unknown as [string, Doc[]][]) {
    counts[coll] = 0;
    for (let i = 0; i < docs.length; i += CHUNK) {
      const res = await fetch(`${base}/_admin/load`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ collection: coll, docs: docs.slice(i, i + CHUNK).map(encodeDoc) }),
      });
      const body = (await res.json()) as { written?: number; error?: { message: string } };
      if (!res.ok) throw new Error(`写入 ${coll} 失败：${body.error?.message ?? res.status}`);
      counts[coll] += body.written ?? 0;
    }
  }
  return counts;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: `http://127.0.0.1:${process.env.LOCAL_CLOUD_PORT ?? '3900'}` },
      data: { type: 'string' },
      today: { type: 'string' },
    },
  });
  const today = values.today ?? chinaDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('--today 应为 YYYY-MM-DD');
  const target: SeedTarget = values.data ? { dataDir: resolve(values.data) } : { url: values.url! };
  const started = Date.now();
  let counts: Record<string, number>;
  try {
    counts = await seed(target, today);
  } catch (e) {
    if ('url' in target && e instanceof TypeError) {
      throw new Error(
        `无法连接本地云 ${target.url}：请先运行 npm start，或用 --data <数据目录> 直接写入已停止的本地云`,
        { cause: e },
      );
    }
    throw e;
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(
    `seeded ${total} documents in ${Date.now() - started} ms (${'url' in target ? target.url : target.dataDir}, today ${today})`,
  );
  for (const [c, n] of Object.entries(counts)) console.log(`  ${c.padEnd(15)} ${n}`);
}

if (isMain(__filename)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
