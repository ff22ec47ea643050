/**
 * One scan representation: whatever arrives at a page (camera text, `q` from 扫普通链接二维码,
 * `scene` from a mini-program code, a shared link) is decoded once into `{ id, version? }`, and
 * a share link built from it opens — through the preview's own URL parsing, which hands pages the
 * query as written, as WeChat does — the very same scan. The old code encoded a camera scan twice
 * and decoded it once, so a re-shared scan read 无效码.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../support/simulate';
import { parseUrl } from '../../preview/client/pages';
// Brings the preview's window globals (which pages.ts uses) into this type-check.
import type {} from '../../preview/client/files';
import { codeRefFromQuery, codeRefFromScanCode, codeRefFromText, codeRefText, codeUrl, type CodeRef } from '../../core';
import { reportUrl, verifyUrl } from '../../miniprogram/pages/verify/scan';

const ID = 'hToms4ASDI53PexpO1MTtF';
const URL = codeUrl('https://xy.hegang.gov.cn/mscx/c/', ID, 2);

/** Share → open: the path a share card carries, opened as WeChat (and the preview) opens it. */
function reopen(path: string): CodeRef | undefined {
  const { route, query } = parseUrl(path);
  expect(route).toMatch(/^pages\/(verify|report)\//);
  return codeRefFromQuery(query);
}

describe('one decoder at the page edge', () => {
  it('reads the camera text, q, scene and id + v into the same parsed form', () => {
    const want = { id: ID, version: 2 };
    expect(codeRefFromScanCode({ result: URL })).toEqual(want);
    expect(codeRefFromQuery({ q: encodeURIComponent(URL) })).toEqual(want);
    expect(codeRefFromQuery({ scene: encodeURIComponent(`${ID}?v=2`) })).toEqual(want);
    expect(codeRefFromScanCode({ path: `pages/verify/verify?scene=${encodeURIComponent(`${ID}?v=2`)}` })).toEqual(want);
    expect(codeRefFromQuery({ id: ID, v: '2' })).toEqual(want);
    // A locally printed code (the preview's own host) and a bare id without version.
    expect(codeRefFromText(`http://127.0.0.1:3901/c/${ID}?v=2`)).toEqual(want);
    expect(codeRefFromQuery({ id: ID })).toEqual({ id: ID });
  });

  it('keeps text that names none of our codes as it was scanned, bounded', () => {
    expect(codeRefFromScanCode({ result: 'https://evil.example/c/123' })).toEqual({ id: 'https://evil.example/c/123' });
    expect(codeRefFromText(' 店门口的码 ')).toEqual({ id: '店门口的码' });
    expect(codeRefFromText('x'.repeat(5000))!.id).toHaveLength(512);
    expect(codeRefFromText('   ')).toBeUndefined();
    expect(codeRefFromQuery({})).toBeUndefined();
    // Bad encoding is kept as text rather than thrown.
    expect(codeRefFromQuery({ q: '%E0%A4%A' })).toEqual({ id: '%E0%A4%A' });
  });

  it('share → open gives back the same scan, whichever way it first arrived', () => {
    const arrivals = [
      codeRefFromScanCode({ result: URL }),
      codeRefFromQuery({ q: encodeURIComponent(URL) }),
      codeRefFromQuery({ scene: encodeURIComponent(`${ID}?v=2`) }),
      codeRefFromQuery({ id: ID, v: '2' }),
    ];
    for (const ref of arrivals) {
      expect(ref).toEqual({ id: ID, version: 2 });
      const shared = verifyUrl(ref!);
      expect(shared).toBe(`/pages/verify/verify?id=${ID}&v=2`);
      expect(reopen(shared)).toEqual(ref);
      // Shared again from the page it opened: still the same.
      expect(reopen(verifyUrl(reopen(shared)!))).toEqual(ref);
    }
  });

  it('the report form receives the same scan', () => {
    const ref = { id: ID, version: 1 };
    const { query } = parseUrl(reportUrl(ref, '91230402MA1B2C3D4E', true));
    expect(codeRefFromQuery(query)).toEqual(ref);
    expect(query).toMatchObject({ uscc: '91230402MA1B2C3D4E', forged: '1' });
    expect(codeRefText(ref)).toBe(`${ID}?v=1`);
    expect(codeRefFromText(codeRefText(ref))).toEqual(ref);
  });

  it('round-trips any id, version and scanned text', () => {
    const id = fc.stringMatching(/^[0-9A-Za-z]{22}$/);
    const version = fc.option(fc.integer({ min: 1, max: 999_999 }), { nil: undefined });
    fc.assert(
      fc.property(id, version, (i, v) => {
        const ref: CodeRef = v === undefined ? { id: i } : { id: i, version: v };
        expect(reopen(verifyUrl(ref))).toEqual(ref);
        expect(codeRefFromQuery({ q: encodeURIComponent(codeUrl('https://xy.hegang.gov.cn/mscx/c/', i, v ?? 1)) })).toEqual({
          id: i,
          version: v ?? 1,
        });
      }),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), (text) => {
        const ref = codeRefFromText(text);
        if (ref) expect(reopen(verifyUrl(ref))).toEqual(ref);
      }),
    );
  });
});
