/**
 * The four 归集信息填报表 and the district-totals sheet. Each form lists its
 * columns in the order of the official template; `key` is the field in code
 * and in the database, `label` the column header people see.
 */
import * as z from 'zod';
import { FIELDS } from '../fields';
import { COMMITMENT_TYPES, HONOUR_TYPES, OTHER_INFO_TYPES, PROMISER_CATEGORIES, PUBLICITY_TYPES, REGISTRATION_TYPES } from '../options';
import { date, districtCode, oneOf, optionalDate, optionalText, text, uscc, count } from './common';
import { registerSchema } from './register';

export interface FormColumn {
  readonly key: string;
  readonly label: string;
  readonly required: boolean;
}


/** 主动承诺信息表 — the ten columns, all required. */
export const commitmentSchema = z.object({
  promiserName: text('承诺人名称', 100),
  promiserCategory: oneOf('承诺人类别', PROMISER_CATEGORIES),
  promiserCode: uscc('承诺人代码'),
  commitmentType: oneOf('承诺类型', COMMITMENT_TYPES),
  field: oneOf('承诺领域', FIELDS),
  reason: text('承诺事由', 200),
  content: text('承诺内容', 2000),
  liability: text('违约责任', 1000),
  committedOn: date('承诺作出日期'),
  publicity: oneOf('公开类型', PUBLICITY_TYPES),
});
export type CommitmentInput = z.output<typeof commitmentSchema>;


/** 守信激励信息表 — recognitions issued by a department. */
export const honourSchema = z.object({
  entityName: text('主体名称', 100),
  uscc: uscc('统一社会信用代码'),
  honourType: oneOf('激励类别', HONOUR_TYPES),
  title: text('荣誉名称', 200),
  issuer: text('认定部门', 100),
  awardedOn: date('认定日期'),
  validUntil: optionalDate('有效期至'),
  remarks: optionalText('备注', 500),
});
export type HonourInput = z.output<typeof honourSchema>;


/** 自愿注册信息表 — what the entity declares itself; shown as 自愿注册·未核验. */
export const registrationSchema = z.object({
  entityName: text('主体名称', 100),
  uscc: uscc('统一社会信用代码'),
  itemType: oneOf('注册事项类别', REGISTRATION_TYPES),
  itemName: text('注册事项名称', 200),
  content: text('注册内容', 2000),
  registeredOn: date('注册日期'),
  validUntil: optionalDate('有效期至'),
});
export type RegistrationInput = z.output<typeof registrationSchema>;


/** 其他反映信用状况信息表 — brands, trademarks, specialties. */
export const otherInfoSchema = z.object({
  entityName: text('主体名称', 100),
  uscc: uscc('统一社会信用代码'),
  infoType: oneOf('信息类别', OTHER_INFO_TYPES),
  infoName: text('信息名称', 200),
  content: text('信息内容', 2000),
  issuer: optionalText('认定（发证）单位', 100),
  obtainedOn: date('取得日期'),
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
}

function columns(pairs: ReadonlyArray<readonly [string, string, boolean?]>): FormColumn[] {
  return pairs.map(([key, label, required = true]) => ({ key, label, required }));
}

export const FORMS: Readonly<Record<FormKind, FormDefinition>> = {
  commitment: {
    kind: 'commitment',
    title: '主动承诺信息表',
    schema: commitmentSchema,
    columns: columns([
      ['promiserName', '承诺人名称'],
      ['promiserCategory', '承诺人类别'],
      ['promiserCode', '承诺人代码'],
      ['commitmentType', '承诺类型'],
      ['field', '承诺领域'],
      ['reason', '承诺事由'],
      ['content', '承诺内容'],
      ['liability', '违约责任'],
      ['committedOn', '承诺作出日期'],
      ['publicity', '公开类型'],
    ]),
  },
  honour: {
    kind: 'honour',
    title: '守信激励信息表',
    schema: honourSchema,
    columns: columns([
      ['entityName', '主体名称'],
      ['uscc', '统一社会信用代码'],
      ['honourType', '激励类别'],
      ['title', '荣誉名称'],
      ['issuer', '认定部门'],
      ['awardedOn', '认定日期'],
      ['validUntil', '有效期至', false],
      ['remarks', '备注', false],
    ]),
  },
  registration: {
    kind: 'registration',
    title: '自愿注册信息表',
    schema: registrationSchema,
    columns: columns([
      ['entityName', '主体名称'],
      ['uscc', '统一社会信用代码'],
      ['itemType', '注册事项类别'],
      ['itemName', '注册事项名称'],
      ['content', '注册内容'],
      ['registeredOn', '注册日期'],
      ['validUntil', '有效期至', false],
    ]),
  },
  otherInfo: {
    kind: 'otherInfo',
    title: '其他反映信用状况信息表',
    schema: otherInfoSchema,
    columns: columns([
      ['entityName', '主体名称'],
      ['uscc', '统一社会信用代码'],
      ['infoType', '信息类别'],
      ['infoName', '信息名称'],
      ['content', '信息内容'],
      ['issuer', '认定（发证）单位', false],
      ['obtainedOn', '取得日期'],
    ]),
  },
  districtTotals: {
    kind: 'districtTotals',
    title: '县（区）市场主体总量与信易贷入驻情况表',
    schema: districtTotalsSchema,
    columns: columns([
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
    columns: columns([
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
  return c.required ? `*${c.label}` : c.label;
}
