/** Where a scan arrives on the verify page, and the link that shares it again. */
import { describe, expect, it } from 'vitest';
import { scanFromQuery, scanFromScanCode, verifyUrl } from '../../miniprogram/pages/verify/scan';

describe('verify page links', () => {
  it('keeps the printed version when a scan is shared again, so an old print stays recognisably old', () => {
    const scan = scanFromQuery({ id: 'hToms4ASDI53PexpO1MTtF', v: '1' })!;
    expect(scan).toEqual({ codeId: 'hToms4ASDI53PexpO1MTtF', version: 1 });
    expect(verifyUrl(scan)).toBe('/pages/verify/verify?id=hToms4ASDI53PexpO1MTtF&v=1');
    expect(scanFromQuery({ id: 'hToms4ASDI53PexpO1MTtF', v: '1' })).toEqual(scan);
  });

  it('shares a bare id, a scanned URL and a mini-program scene as they came', () => {
    expect(verifyUrl({ codeId: 'hToms4ASDI53PexpO1MTtF' })).toBe('/pages/verify/verify?id=hToms4ASDI53PexpO1MTtF');
    const url = 'https://xy.hegang.gov.cn/mscx/c/hToms4ASDI53PexpO1MTtF?v=2';
    const fromCamera = scanFromScanCode({ result: url })!;
    expect(verifyUrl(fromCamera)).toBe(`/pages/verify/verify?q=${encodeURIComponent(encodeURIComponent(url))}`);
    expect(scanFromScanCode({ path: 'pages/verify/verify?scene=hToms4ASDI53PexpO1MTtF%3Fv%3D2' })).toEqual({ scene: 'hToms4ASDI53PexpO1MTtF%3Fv%3D2' });
  });
});
