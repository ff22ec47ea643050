/** 行业领域 of imported records and the industry in plain words (core/industry.ts). */
import { describe, expect, it } from 'vitest';
import { departmentByName, FIELD_PLAIN_WORDS, FIELDS, industryInWords, recordField } from '../../core';
import { isExampleRow as exampleRow } from '../../core/import-layouts';

describe('recordField', () => {
  it('takes the explicit 行业领域, else the department (by id or name), else the entity, else 其他', () => {
    expect(recordField({ field: '税务', departmentId: 'scjg' })).toBe('税务');
    expect(recordField({ field: '娱乐', departmentId: 'scjg' })).toBe('市场监管');
    expect(recordField({ department: '市文体广旅局' })).toBe('文化和旅游');
    expect(recordField({ department: '鹤岗市住房和城乡建设局' })).toBe('住房和城乡建设');
    expect(recordField({ department: '市营商局', entityField: '商务' })).toBe('商务');
    expect(recordField({ department: '某协会' })).toBe('其他');
    expect(departmentByName(' 市科技局 ')?.id).toBe('kjj');
  });
});

describe('industryInWords', () => {
  it('says what the name says the business does, else the field in plain words, never a department category', () => {
    expect(industryInWords('市场监管', '鹤岗市向阳区老张饺子馆')).toBe('餐饮服务');
    expect(industryInWords('市场监管', '工农区诚信大药房')).toBe('药品零售');
    expect(industryInWords('市场监管', '鹤岗市某某有限公司')).toBe('商品和服务经营');
    expect(industryInWords('不存在的领域')).toBe('其他行业');
    for (const f of FIELDS) expect(FIELD_PLAIN_WORDS[f]).not.toBe(f);
  });
});

describe('example rows', () => {
  it('a row whose first non-empty cell starts with 例： is the example', () => {
    expect(exampleRow([undefined, '', '例：鹤岗市 X X 有限公司', '法人'])).toBe(true);
    expect(exampleRow([undefined, 1, '例:XX 医院'])).toBe(false); // a 序号 first: a data row that happens to start so is kept
    expect(exampleRow([undefined, '鹤岗市例：商店'])).toBe(false);
  });
});
