import { describe, expect, it } from 'vitest';
import {
  applicationSchema,
  check,
  commitmentSchema,
  correctableFields,
  districtTotalsSchema,
  FORMS,
  honourSchema,
  parseOrThrow,
  toIsoDate,
  DomainError,
} from '../../core';

const seedCommitment = {
  promiserName: '鹤岗市向阳区诚信超市',
  promiserCategory: '个体工商户',
  promiserCode: '91350100m000100y43',
  commitmentType: '主动型',
  commitmentArea: '市场主体承诺书',
  reason: '主动型，自愿作出承诺',
  content: '我企业依法诚信经营，自愿接受社会监督。',
  liability: '违反承诺自愿接受相关部门依法依规惩戒。',
  committedOn: '2022年5月25日',
  publicity: '可向社会公开',
};

describe('主动承诺信息表 schema', () => {
  it('accepts the seed example and normalises code and date', () => {
    const parsed = check(commitmentSchema, seedCommitment);
    expect(parsed).toEqual({
      ok: true,
      value: { ...seedCommitment, promiserCode: '91350100M000100Y43', committedOn: '2022-05-25', field: undefined },
    });
  });

  it('reports every bad field by its Chinese name', () => {
    const parsed = check(commitmentSchema, {
      ...seedCommitment,
      promiserName: '   ',
      promiserCode: '91350100M000100Y44',
      commitmentType: '随便',
      committedOn: '2022-02-30',
      publicity: undefined,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const byField = Object.fromEntries(parsed.issues.map((i) => [i.field, i.message]));
    expect(byField).toMatchObject({
      promiserName: '承诺人名称不能为空',
      promiserCode: '承诺人代码：第18位校验码错误：应为“3”，实际为“4”',
      committedOn: '承诺作出日期不是有效日期（格式如 2022-05-25）',
      publicity: '公开类型应为以下之一：可向社会公开、政务共享、授权查询',
    });
    expect(byField.commitmentType).toContain('承诺类型应为以下之一');
  });

  it('rejects operator injection and non-text where text is expected', () => {
    const parsed = check(commitmentSchema, { ...seedCommitment, promiserName: { $ne: null }, content: 'a\u0000b' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.message)).toEqual(['承诺人名称应为文本', '承诺内容含有不可见的控制字符']);
  });

  it('lists the ten official columns in order, all required, then the optional extra 行业领域', () => {
    const official = FORMS.commitment.columns.filter((c) => c.official);
    expect(official.map((c) => c.label)).toEqual([
      '承诺人名称',
      '承诺人类别',
      '承诺人代码',
      '承诺类型',
      '承诺领域',
      '承诺事由',
      '承诺内容',
      '违约责任',
      '承诺作出日期',
      '公开类型',
    ]);
    expect(official.every((c) => c.required && c.starred)).toBe(true);
    expect(FORMS.commitment.columns.filter((c) => !c.official)).toEqual([
      { key: 'field', label: '行业领域', required: false, starred: false, official: false },
    ]);
  });

  it('reads the older spellings as the official values', () => {
    const parsed = check(commitmentSchema, { ...seedCommitment, promiserCategory: '法人及非法人组织', publicity: '社会公开' });
    expect(parsed.ok && parsed.value).toMatchObject({ promiserCategory: '法人', publicity: '可向社会公开' });
  });
});

describe('other forms', () => {
  it('守信激励: optional fields may be blank', () => {
    const parsed = check(honourSchema, {
      entityName: '鹤岗市某某煤业有限公司',
      uscc: '91350100M000100Y43',
      issuer: '税务局',
      basis: '纳税信用等级评价方案',
      validUntil: '',
      collectedOn: '2022/4/1',
    });
    expect(parsed.ok && parsed.value).toMatchObject({ collectedOn: '2022-04-01', validUntil: undefined });
  });

  it('district totals: counts from spreadsheets, 信易贷 never above the total', () => {
    expect(
      check(districtTotalsSchema, { districtCode: '230422', asOf: '2022-05-25', marketEntities: '9400', xinyidaiRegistered: 1880 }).ok,
    ).toBe(true);
    const bad = check(districtTotalsSchema, { districtCode: '230499', asOf: '2022-05-25', marketEntities: 100, xinyidaiRegistered: 200 });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.message)).toContain('县（区）代码应为鹤岗市的县（区）之一');
  });

  it('application: contact phone checked, district optional', () => {
    const base = {
      uscc: '91350100M000100Y43',
      entityName: '某某商店',
      category: 'individual',
      address: '向阳区红军路1号',
      field: '市场监管',
      contactName: '张三',
      contactPhone: '13800000000',
      legalRepName: '张三',
      licencePhoto: 'cloud://env-1.bucket-1/licences/a.jpg',
    };
    expect(check(applicationSchema, base).ok).toBe(true);
    expect(() => parseOrThrow(applicationSchema, { ...base, contactPhone: '123' })).toThrowError(DomainError);
    try {
      parseOrThrow(applicationSchema, { ...base, contactPhone: '123' });
    } catch (e) {
      expect((e as DomainError).code).toBe('INVALID_INPUT');
      expect((e as DomainError).message).toContain('联系电话格式不正确');
    }
  });

  it('toIsoDate handles the shapes people type and rejects impossible dates', () => {
    expect(toIsoDate('2022-5-25')).toBe('2022-05-25');
    expect(toIsoDate('2022.05.25')).toBe('2022-05-25');
    expect(toIsoDate(new Date(Date.UTC(2022, 4, 25)))).toBe('2022-05-25');
    expect(toIsoDate('2023-02-29')).toBeUndefined();
    expect(toIsoDate('25/05/2022')).toBeUndefined();
  });
});

describe('correctable fields (the objection answer picks one by name)', () => {
  it('are the record form’s columns except those tying it to its entity', () => {
    expect(correctableFields('honour').map((f) => f.key)).toEqual(['entityName', 'issuer', 'basis', 'validUntil', 'collectedOn']);
    expect(correctableFields('commitment').map((f) => f.key)).not.toContain('promiserCode');
    for (const kind of ['commitment', 'honour', 'registration', 'otherInfo'] as const) {
      const keys = Object.keys((FORMS[kind].schema as unknown as { shape: Record<string, unknown> }).shape);
      for (const f of correctableFields(kind)) expect(keys).toContain(f.key);
      expect(correctableFields(kind).some((f) => f.key === 'uscc')).toBe(false);
    }
  });
});
