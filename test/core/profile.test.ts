/** The public-profile whitelist, the verdicts and the commitment templates: pure, no server. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beijingDate,
  beijingDateTime,
  commitmentTemplate,
  FIELDS,
  GENERAL_TEMPLATE,
  SELF_DECLARED,
  toPublicProfile,
  verdictOf,
} from '../../core';

const NOW = new Date('2026-06-01T04:00:00Z');

const entity = {
  _id: 'e1',
  uscc: '91230402MA0000000X',
  name: '某某商店',
  category: 'individual',
  districtCode: '230402',
  address: '向阳区1号',
  field: '商务',
  ownerOpenids: ['oSecretOwner'],
  contactName: '私人姓名',
  contactPhone: '13900000000',
  operatorIdNumber: '230402199001011234',
};

describe('toPublicProfile', () => {
  it('copies only whitelisted fields, whatever else the documents hold', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (extra) => {
        const secret = 'SECRET-VALUE-xyz';
        // Fields the model does not know (yet): none may pass the whitelist.
        const withExtras = Object.fromEntries(Object.keys(extra).map((k) => [`private_${k}`, secret]));
        const p = toPublicProfile(
          {
            entity: { ...withExtras, ...entity },
            commitments: [
              {
                ...withExtras,
                _id: 'c1',
                status: 'approved',
                publicity: '可向社会公开',
                content: '承诺',
                source: { kind: 'self', openid: secret },
              },
            ],
            honours: [
              {
                ...withExtras,
                _id: 'h1',
                basis: '荣誉',
                source: { kind: 'import', department: '市场监管局', importedBy: secret, importedAt: NOW },
              },
            ],
          },
          NOW,
        );
        const text = JSON.stringify(p);
        expect(text).not.toContain(secret);
        for (const s of ['oSecretOwner', '私人姓名', '13900000000', '230402199001011234']) expect(text).not.toContain(s);
      }),
      { numRuns: 50 },
    );
  });

  it('shows only approved 可向社会公开 commitments, current honours, and names every source', () => {
    const p = toPublicProfile(
      {
        entity,
        codeIssuedAt: new Date('2026-05-31T17:00:00Z'),
        commitments: [
          { _id: 'a', status: 'approved', publicity: '可向社会公开', committedOn: '2026-01-01', source: { kind: 'self', openid: 'o' } },
          { _id: 'b', status: 'approved', publicity: '政务共享', committedOn: '2026-01-02' },
          { _id: 'c', status: 'pending', publicity: '可向社会公开', committedOn: '2026-01-03' },
          {
            _id: 'd',
            status: 'approved',
            publicity: '可向社会公开',
            committedOn: '2026-02-01',
            source: { kind: 'import', department: '商务局', importedAt: new Date('2026-03-01T20:00:00Z') },
          },
        ],
        honours: [
          { _id: 'h1', validUntil: '2026-05-31', source: { kind: 'import', department: 'x' } },
          { _id: 'h2', validUntil: '2026-06-01', source: { kind: 'import', department: 'x' } },
        ],
        registrations: [
          { _id: 'r1', itemName: '自报', collectedOn: '2026-05-01', source: { kind: 'import', department: '税务局', importedAt: NOW } },
          {
            _id: 'r2',
            itemName: '诚信药店',
            provider: '市卫健委',
            collectedOn: '2026-05-02',
            source: { kind: 'import', department: '税务局', importedAt: NOW },
          },
          {
            _id: 'r3',
            itemName: '本店自报',
            provider: '某某商店',
            collectedOn: '2026-05-03',
            source: { kind: 'import', department: '税务局', importedAt: NOW },
          },
        ],
      },
      NOW,
    );
    expect(p).toMatchObject({ name: '某某商店', categoryName: '个体工商户', districtName: '向阳区', codeIssuedOn: '2026-06-01' });
    expect(p.commitments.map((c) => c.id)).toEqual(['d', 'a']);
    expect(p.commitments[0]!.source).toEqual({ kind: 'import', label: '商务局 · 2026-03-02' });
    expect(p.commitments[1]!.source).toEqual({ kind: 'self', label: SELF_DECLARED });
    expect(p.honours.map((h) => h.id)).toEqual(['h2']);
    // A registration is declared by its provider when it names one other than the entity; otherwise 自愿注册·未核验.
    expect(p.registrations.map((r) => [r.id, r.source])).toEqual([
      ['r3', { kind: 'self', label: SELF_DECLARED }],
      ['r2', { kind: 'provided', label: '由市卫健委提供' }],
      ['r1', { kind: 'self', label: SELF_DECLARED }],
    ]);
    expect(p.honours[0]).toMatchObject({ validity: '有效期至 2026-06-01' });
    // The industry in plain words: the name says 商店 (商品零售), else the field's plain label.
    expect(p.industry).toBe('商品零售');
    expect(toPublicProfile({ entity: { ...entity, name: '某某公司' } }, NOW).industry).toBe('商贸流通');
  });

  it('dates are Beijing calendar days', () => {
    expect(beijingDate(new Date('2026-05-31T16:00:00Z'))).toBe('2026-06-01');
    expect(beijingDate('not a date')).toBeUndefined();
    expect(beijingDateTime(new Date('2026-05-31T16:00:05Z'))).toBe('2026-06-01 00:00:05');
  });
});

describe('verdictOf', () => {
  const active = { status: 'active', version: 2 } as const;
  it('covers every case the verify page shows', () => {
    expect(verdictOf(undefined)).toBe('unknown');
    expect(verdictOf(active)).toBe('valid');
    expect(verdictOf(active, 2)).toBe('valid');
    expect(verdictOf(active, 1)).toBe('retired');
    expect(verdictOf(active, 3)).toBe('unknown');
    expect(verdictOf({ status: 'suspended', version: 1 }, 1)).toBe('suspended');
    expect(verdictOf({ status: 'revoked', version: 1 }, 1)).toBe('revoked');
    // A revoked code keeps saying so on every print, also once the entity holds a newer code.
    expect(verdictOf({ status: 'revoked', version: 1 }, 1, true)).toBe('revoked');
    expect(verdictOf({ status: 'revoked', version: 2 }, 1)).toBe('revoked');
    expect(verdictOf({ status: 'revoked', version: 2 }, 1, true)).toBe('revoked');
    expect(verdictOf({ status: 'revoked', version: 1 }, 2, true)).toBe('unknown');
    // Only a code replaced without revocation reads 旧码已停用.
    expect(verdictOf(active, undefined, true)).toBe('retired');
    expect(verdictOf({ status: 'suspended', version: 1 }, 1, true)).toBe('retired');
  });
});

describe('commitment templates', () => {
  it('every field has a 主动型 template starting from the city example', () => {
    for (const field of FIELDS) {
      const t = commitmentTemplate(field);
      expect(t.commitmentType).toBe('主动型');
      expect(t.content.startsWith('我企业依法诚信经营，自愿接受社会监督。')).toBe(true);
      expect(t).toMatchObject({ commitmentArea: '市场主体承诺书', reason: '主动型，自愿作出承诺' });
      expect(t.liability.length).toBeGreaterThan(10);
    }
    expect(commitmentTemplate('其他')).toEqual(GENERAL_TEMPLATE);
    expect(GENERAL_TEMPLATE).toMatchObject({
      commitmentType: '主动型',
      commitmentArea: '市场主体承诺书',
      reason: '主动型，自愿作出承诺',
      content: '我企业依法诚信经营，自愿接受社会监督。',
    });
  });
});
