/**
 * Hegang's eight county-level areas (GB/T 2260) and the city itself.
 * Rates, targets and staff scopes are all keyed by these codes.
 */
export interface District {
  readonly code: string;
  readonly name: string;
  /** 区 (urban district) or 县 (county); the bulletin calls both 县（区）. */
  readonly kind: '区' | '县';
}

export const CITY_CODE = '230400';
export const CITY_NAME = '鹤岗市';

export const DISTRICTS: readonly District[] = [
  { code: '230402', name: '向阳区', kind: '区' },
  { code: '230403', name: '工农区', kind: '区' },
  { code: '230404', name: '南山区', kind: '区' },
  { code: '230405', name: '兴安区', kind: '区' },
  { code: '230406', name: '东山区', kind: '区' },
  { code: '230407', name: '兴山区', kind: '区' },
  { code: '230421', name: '萝北县', kind: '县' },
  { code: '230422', name: '绥滨县', kind: '县' },
];

export const DISTRICT_CODES = DISTRICTS.map((d) => d.code) as readonly string[];

const byCode = new Map(DISTRICTS.map((d) => [d.code, d]));

export function findDistrict(code: string): District | undefined {
  return byCode.get(code);
}

export function isDistrictCode(code: unknown): code is string {
  return typeof code === 'string' && byCode.has(code);
}

export function districtName(code: string): string | undefined {
  return code === CITY_CODE ? CITY_NAME : byCode.get(code)?.name;
}

/**
 * Where a registering authority's area code (USCC positions 3–8) places an entity.
 * It is a default, not proof of address: an entity registered by the city bureau
 * (2304xx outside the eight districts) must have its district chosen by a person.
 */
export type AreaPlacement =
  | { readonly kind: 'district'; readonly district: District }
  | { readonly kind: 'city'; readonly areaCode: string }
  | { readonly kind: 'outside'; readonly areaCode: string };

export function placeArea(areaCode: string): AreaPlacement {
  const district = byCode.get(areaCode);
  if (district) return { kind: 'district', district };
  if (areaCode.startsWith('2304')) return { kind: 'city', areaCode };
  return { kind: 'outside', areaCode };
}
