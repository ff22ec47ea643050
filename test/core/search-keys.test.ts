/** Name search keys: normalisation, bigrams, bounds, and the promise that every fragment's keys are a subset. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_KEYS, nameMatchRank, nameSearchKeys, normaliseName } from '../../core/search-keys';

describe('nameSearchKeys', () => {
  it('normalises full-width forms, case and whitespace before cutting bigrams', () => {
    expect(normaliseName(' ＡＢＣ　超市 (Hegang) ')).toBe('abc超市(hegang)');
    expect(nameSearchKeys('老王烧烤')).toEqual(['老王', '王烧', '烧烤']);
    expect(nameSearchKeys('哈哈哈哈')).toEqual(['哈哈']);
    expect(nameSearchKeys('店')).toEqual(['店']);
    expect(nameSearchKeys('  ')).toEqual([]);
  });

  it('keeps at most MAX_NAME_KEYS keys however long the name', () => {
    const long = Array.from({ length: 500 }, (_v, i) => String.fromCodePoint(0x4e00 + i)).join('');
    expect(nameSearchKeys(long)).toHaveLength(MAX_NAME_KEYS);
  });

  it("every fragment of two or more characters has all of its keys among the name's keys", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('鹤', '岗', '市', '老', '王', 'Ａ', 'a', 'B', ' ', '　', '1'), minLength: 2, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (name, a, b) => {
          const norm = Array.from(normaliseName(name));
          if (norm.length < 2) return;
          const start = a % (norm.length - 1);
          const end = start + 2 + (b % (norm.length - start - 1));
          const fragment = norm.slice(start, end).join('');
          const keys = new Set(nameSearchKeys(name));
          for (const k of nameSearchKeys(fragment)) expect(keys.has(k)).toBe(true);
          expect(nameMatchRank(normaliseName(name), fragment)).toBeDefined();
        },
      ),
    );
  });

  it('ranks exact, prefix and fragment matches', () => {
    expect(nameMatchRank('老王烧烤', '老王烧烤')).toBe(0);
    expect(nameMatchRank('老王烧烤店', '老王烧烤')).toBe(1);
    expect(nameMatchRank('鹤岗老王烧烤', '老王烧烤')).toBe(2);
    expect(nameMatchRank('老王家烧烤', '老王烧烤')).toBeUndefined();
  });
});
