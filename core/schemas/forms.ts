/**
 * The four 归集信息填报表 and the district-totals sheet. Each form lists its
 * columns in the order of the official template; `key` is the field in code
 * and in the database, `label` the column header people see.
 */
import * as z from 'zod';
import { FIELDS } from '../fields';
import { COMMITMENT_TYPES, PROMISER_CATEGORIES, PUBLICITY_TYPES } from '../options';
import { count, date, districtCode, officialOneOf, oneOf, optionalDate, optionalOneOf, optionalText, text, uscc } from './common';
import { registerSchema } from './register';
import { columns, RECORD_COLUMNS, type FormColumn } from '../record-columns';

export type { FormColumn };

/**
 * 主动承诺信息表 — the ten official columns, all required, plus the optional extra column 行业领域
 * (`field`): 承诺领域 is the kind of commitment document (市场主体承诺书 …), not the industry, so a
 * department may say the industry in that extra column; otherwise the importer decides it
 * (core/record-field.ts).
 */
export const commitmentSchema = z.object({
  promiserName: text('承诺人名称', 100),
  promiserCategory: officialOneOf('promiserCategory', '承诺人类别', PROMISER_CATEGORIES),
  promiserCode: uscc('承诺人代码'),
  commitmentType: oneOf('承诺类型', COMMITMENT_TYPES),
  commitmentArea: text('承诺领域', 50),
  reason: text('承诺事由', 200),
  content: text('承诺内容', 2000),
  liability: text('违约责任', 1000),
  committedOn: date('承诺作出日期'),
  publicity: officialOneOf('publicity', '公开类型', PUBLICITY_TYPES),
  field: optionalOneOf('行业领域', FIELDS),
});
export type CommitmentInput = z.output<typeof commitmentSchema>;

/** 守信激励信息表 — a recognition (认定依据) made by a department (认定部门), valid until a date. */
export const honourSchema = z.object({
  entityName: text('市场主体名称', 100),
  uscc: uscc('统一社会信用代码'),
  issuer: text('认定部门', 100),
  basis: text('认定依据', 200),
  validUntil: optionalDate('有效期至'),
  collectedOn: date('归集日期'),
});
export type HonourInput = z.output<typeof honourSchema>;

/**
 * 自愿注册信息表 — an item (事项名称, 事项内容) registered with its provider (提供部门: a department or
 * a company). Without a provider it is what the entity declared itself (自愿注册·未核验).
 */
export const registrationSchema = z.object({
  entityName: text('市场主体名称', 100),
  uscc: uscc('统一社会信用代码'),
  itemName: text('事项名称', 200),
  content: optionalText('事项内容', 2000),
  provider: optionalText('提供部门', 100),
  collectedOn: date('归集日期'),
});
export type RegistrationInput = z.output<typeof registrationSchema>;

/** 其他反映信用状况信息表 — brands, trademarks, specialties (事项名称) with their provider. */
export const otherInfoSchema = z.object({
  entityName: text('市场主体名称', 100),
  uscc: uscc('统一社会信用代码'),
  infoName: text('事项名称', 200),
  provider: optionalText('提供部门', 100),
  collectedOn: date('归集日期'),
});
export type OtherInfoInput = z.output<typeof otherInfoSchema>;

/** 县（区）市场主体总量与信易贷入驻数 — dated counts the rates are computed against. */
export const districtTotalsSchema = z
  .object({
    districtCode: districtCode('县（区）代码'),
    asOf: date('统计日期'),
    marketEntities: count('市场主体总量'),
    xinyidaiRegistered: count('入驻信易贷平台企业数'),
  })
  .refine((t) => t.xinyidaiRegistered <= t.marketEntities, {
    error: '入驻信易贷平台企业数不能大于市场主体总量',
    path: ['xinyidaiRegistered'],
  });
export type DistrictTotalsInput = z.output<typeof districtTotalsSchema>;

export type FormKind = 'commitment' | 'honour' | 'registration' | 'otherInfo' | 'districtTotals' | 'register';

export interface FormDefinition {
  readonly kind: FormKind;
  readonly title: string;
  readonly schema: z.ZodType;
  readonly columns: readonly FormColumn[];
  /** The office's example row under the header, official columns in order; starts with 例：, skipped on import. */
  readonly example?: readonly string[];
}

/** The office's example USCC as printed on the forms (not a valid code: the example row is skipped). */
export const EXAMPLE_USCC = '91230XXXMA18X DYWXF (18 位)';
/** A row whose first cell starts with this is the form's example row. */
export const EXAMPLE_PREFIX = '例：';

export const FORMS: Readonly<Record<FormKind, FormDefinition>> = {
  commitment: {
    kind: 'commitment',
    title: '主动承诺信息表',
    schema: commitmentSchema,
    columns: RECORD_COLUMNS.commitment,
    example: [
      '例：鹤岗市 X X 有限公司',
      '法人',
      EXAMPLE_USCC,
      '主动型',
      '市场主体承诺书',
      '主动型，自愿作出承诺',
      '我企业依法诚信经营，自愿接受社会监督。',
      '无',
      '2022/7/22',
      '可向社会公开',
    ],
  },
  honour: {
    kind: 'honour',
    title: '守信激励信息表',
    schema: honourSchema,
    columns: RECORD_COLUMNS.honour,
    example: ['例：鹤岗市 XX 医院', EXAMPLE_USCC, '税务局', '纳税信用等级评价方案', '2021/7/22', '2022/7/22'],
  },
  registration: {
    kind: 'registration',
    title: '自愿注册信息表',
    schema: registrationSchema,
    columns: RECORD_COLUMNS.registration,
    example: ['例：XX 医院', EXAMPLE_USCC, '爱心捐赠公益/诚信药店/资质证明等', '公益事项内容/xx 许可证', 'xx 公司/xx 部门等', '2022/7/22'],
  },
  otherInfo: {
    kind: 'otherInfo',
    title: '其他反映信用状况信息表',
    schema: otherInfoSchema,
    columns: RECORD_COLUMNS.otherInfo,
    example: ['例：xxx 企业', EXAMPLE_USCC, '特色餐饮企业/xx 品牌/xx 著名商标/xx 食品超市等等', 'xx 公司/xx 部门等', '2022/7/22'],
  },
  districtTotals: {
    kind: 'districtTotals',
    title: '县（区）市场主体总量与信易贷入驻情况表',
    schema: districtTotalsSchema,
    columns: columns(true, [
      ['districtCode', '县（区）代码'],
      ['asOf', '统计日期'],
      ['marketEntities', '市场主体总量'],
      ['xinyidaiRegistered', '入驻信易贷平台企业数'],
    ]),
  },
  register: {
    kind: 'register',
    title: '市场主体名录',
    schema: registerSchema,
    columns: columns(false, [
      ['uscc', '统一社会信用代码'],
      ['name', '市场主体名称'],
      ['entityType', '市场主体类型'],
      ['legalRep', '法定代表人（负责人、经营者）'],
      ['address', '住所（经营场所）'],
      ['districtCode', '所属县（区）'],
      ['foundedOn', '成立日期', false],
      ['regStatus', '登记状态'],
    ]),
  },
};

/** The header text of a column as printed on the official form: required ones carry '*'. */
export function columnHeader(c: FormColumn): string {
  return c.starred ? `*${c.label}` : c.label;
}
