/** What the demo data set is made of: the per-district plan, the demo callers, and its calendar (China time). */
import type { RecordSource } from '../../server/model';

/** Per district: market entities, share with an active code, share on 信易贷, rural or urban. */
export interface DistrictPlan {
  entities: number;
  codedPct: number;
  xinyidaiPct: number;
  rural: boolean;
}

export const PLAN: Record<string, DistrictPlan> = {
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

/** The issuers of the demo's imported records, by their full names. */
export const ISSUERS = {
  scjg: '鹤岗市市场监督管理局',
  tax: '国家税务总局鹤岗市税务局',
  rsj: '鹤岗市人力资源和社会保障局',
  fgw: '鹤岗市发展和改革委员会',
} as const;

/** The instant of `hour:minute` in China (UTC+8) on day number `day` (days since 1970-01-01). */
export function atChina(day: number, hour: number, minute = 0): Date {
  return new Date(Date.UTC(1970, 0, 1) + day * 86_400_000 + (hour - 8) * 3_600_000 + minute * 60_000);
}

/** The source of a record the city admin imported for `department` on `day` (15:00). */
export function importSource(department: string, day: number, batch: string): RecordSource {
  return { kind: 'import', department, importedBy: DEMO_OPENIDS.city, importedAt: atChina(day, 15), batch };
}
