import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeCheckChar, normalizeUscc, orgCodeCheckChar, USCC_ALPHABET, validateUscc } from '../../core/uscc';
import { validUscc } from '../support/uscc-arbitrary';

const codes = (r: ReturnType<typeof validateUscc>) => r.reasons.map((x) => x.code);

describe('validateUscc: known codes', () => {
  it('accepts the GB 32100 example code and places it outside Hegang', () => {
    const r = validateUscc('91350100M000100Y43');
    expect(r).toMatchObject({ valid: true, normalized: '91350100M000100Y43', reasons: [] });
    expect(r.placement).toEqual({ kind: 'outside', areaCode: '350100' });
  });

  it('accepts a code whose check character is 0', () => {
    // Search a Hegang org-code space until the check character is '0'; the code must still be valid.
    let found = '';
    for (let n = 0; n < 10_000 && !found; n++) {
      const org8 = String(n).padStart(8, '0');
      const first17 = `92230404${org8}${orgCodeCheckChar(org8)}`;
      if (computeCheckChar(first17) === '0') found = `${first17}0`;
    }
    expect(found).toMatch(/^92230404\d{8}[\dX]0$/);
    const r = validateUscc(found);
    expect(r.valid).toBe(true);
    expect(r.placement).toMatchObject({ kind: 'district', district: { code: '230404', name: '南山区' } });
  });

  it('normalises lowercase, full-width, spaces and hyphens, and stores the normalised form', () => {
    for (const input of [
      '91350100m000100y43',
      '９１３５０１００Ｍ０００１００Ｙ４３',
      ' 9135 0100-M000 100Y43\u3000',
      '91350100－M000100Y43',
    ]) {
      const r = validateUscc(input);
      expect(r.valid, input).toBe(true);
      expect(r.normalized).toBe('91350100M000100Y43');
    }
    expect(normalizeUscc('ａｂｃ－１')).toBe('ABC1');
  });

  it('names the excluded letters I, O, S, V, Z with their position', () => {
    const r = validateUscc('91350100M0001O0Y43');
    expect(codes(r)).toEqual(['ILLEGAL_CHAR']);
    expect(r.reasons[0]!.message).toContain('第14位');
    expect(r.reasons[0]!.message).toContain('I、O、S、V、Z');
  });

  it('reports the expected and the given check character', () => {
    const r = validateUscc('91350100M000100Y44');
    expect(codes(r)).toEqual(['CHECK_CHAR']);
    expect(r.reasons[0]!.message).toBe('第18位校验码错误：应为“3”，实际为“4”');
  });

  it('recognises a 15-digit old business registration number', () => {
    const r = validateUscc('230402600012345');
    expect(r.valid).toBe(false);
    expect(codes(r)).toEqual(['OLD_REGISTRATION_NUMBER']);
  });

  it('rejects an 18-digit resident ID number even when it passes the USCC checksum', () => {
    // Build a plausible ID (Hegang area, birth date, sequence) whose 18th digit is the USCC check character.
    let id = '';
    for (let seq = 100; seq < 1000 && !id; seq++) {
      const first17 = `23040219850612${seq}`;
      const check = computeCheckChar(first17);
      if (/\d/.test(check)) id = first17 + check;
    }
    expect(id).toHaveLength(18);
    const r = validateUscc(id);
    expect(r.valid).toBe(false);
    expect(codes(r)).not.toContain('CHECK_CHAR');
    expect(codes(r)).toContain('DEPARTMENT_CATEGORY'); // '2' (外交) never issues category '3'
  });

  it('checks the embedded organisation code independently of the final check character', () => {
    // Correct USCC check character over a broken org-code check: only the org-code rule fails.
    const first17 = '91230404MA1B2C3D9';
    const code = first17 + computeCheckChar(first17);
    const r = validateUscc(code);
    expect(codes(r)).toEqual(['ORG_CODE_CHECK']);
    expect(r.reasons[0]!.message).toContain(`应为“${orgCodeCheckChar('MA1B2C3D')}”`);
  });

  it('rejects an unknown department/category pair and a bad area code', () => {
    const first17 = `9423040${'4'}12345678${orgCodeCheckChar('12345678')}`;
    expect(codes(validateUscc(first17 + computeCheckChar(first17)))).toEqual(['DEPARTMENT_CATEGORY']);
    const badArea = `91990000${'12345678'}${orgCodeCheckChar('12345678')}`;
    expect(codes(validateUscc(badArea + computeCheckChar(badArea)))).toEqual(['AREA_CODE']);
  });

  it('places city-level registrations for a person to decide', () => {
    const first17 = `91230400MA1BTLRJ${orgCodeCheckChar('MA1BTLRJ')}`;
    const r = validateUscc(first17 + computeCheckChar(first17));
    expect(r.valid).toBe(true);
    expect(r.placement).toEqual({ kind: 'city', areaCode: '230400' });
  });
});

describe('validateUscc: bad input never crashes', () => {
  it.each<[string, unknown]>([
    ['NOT_STRING', undefined],
    ['NOT_STRING', null],
    ['NOT_STRING', 12345],
    ['NOT_STRING', { $ne: null }],
    ['NOT_STRING', ['91350100M000100Y43']],
    ['EMPTY', ''],
    ['EMPTY', '   '],
    ['TOO_LONG', 'x'.repeat(10 * 1024 * 1024)],
  ])('case %# is rejected as %s', (code, input) => {
    const r = validateUscc(input);
    expect(r.valid).toBe(false);
    expect(codes(r)).toEqual([code]);
    expect(r.reasons[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('reports control characters by code point and position', () => {
    const r = validateUscc('91350100M000\u0000100Y43');
    expect(r.valid).toBe(false);
    expect(codes(r)).toContain('LENGTH');
    expect(r.reasons.find((x) => x.code === 'ILLEGAL_CHAR')!.message).toContain('第13位字符控制字符 U+0000');
  });
});

describe('validateUscc: properties', () => {
  it('accepts every generated valid code, and its lowercase form', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(validateUscc(code).valid).toBe(true);
        expect(validateUscc(code.toLowerCase()).normalized).toBe(code);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects every valid code with exactly one character changed', () => {
    const anyChar = fc.oneof(
      fc.constantFrom(...USCC_ALPHABET.split(''), ...'IOSVZ!#中'.split('')),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(validUscc, fc.nat(17), anyChar, (code, pos, replacement) => {
        // A change is a different character after normalisation ('a' for 'A' or '３' for '3' is the same one).
        const normalizedReplacement = normalizeUscc(replacement);
        fc.pre(normalizedReplacement !== '' && normalizedReplacement !== code[pos]);
        const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
        const r = validateUscc(changed);
        expect(r.valid).toBe(false);
        expect(r.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 5000 },
    );
  });
});
