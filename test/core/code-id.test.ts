import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codeIdFromBytes, codeUrl, isCodeIdShape, parseCodeUrl } from '../../core/code-id';

const PREFIX = 'https://xy.hegang.gov.cn/mscx/c/';

describe('code ids and URLs', () => {
  it('round-trips id and version through the printed URL', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 22, maxLength: 22 }), fc.integer({ min: 1, max: 999 }), (bytes, v) => {
        const id = codeIdFromBytes(bytes);
        expect(isCodeIdShape(id)).toBe(true);
        expect(parseCodeUrl(PREFIX, codeUrl(PREFIX, id, v))).toEqual({ id, version: v });
      }),
    );
  });

  it('refuses too few random bytes and URLs that are not ours', () => {
    expect(() => codeIdFromBytes(new Uint8Array(8))).toThrow(RangeError);
    expect(parseCodeUrl(PREFIX, 'https://evil.example/c/abc')).toBeUndefined();
    expect(parseCodeUrl(PREFIX, `${PREFIX}../../etc/passwd`)).toBeUndefined();
    expect(parseCodeUrl(PREFIX, '0123456789abcdefghijKL')).toEqual({ id: '0123456789abcdefghijKL' });
  });
});
