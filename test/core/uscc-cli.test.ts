import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');
function run(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/uscc.ts'), ...args], {
    encoding: 'utf8',
  });
  return {
    status: r.status,
    lines: r.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
  };
}

describe('npm run uscc', () => {
  it('prints one JSON line per input and exits 0 when all are valid', () => {
    const r = run(['91350100M000100Y43', '９１３５０１００ｍ０００１００ｙ４３']);
    expect(r.status).toBe(0);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[1]).toEqual({
      input: '９１３５０１００ｍ０００１００ｙ４３',
      valid: true,
      normalized: '91350100M000100Y43',
      reasons: [],
      districtCode: null,
      districtName: '鹤岗市以外',
    });
  });

  it('exits 1 when any input is invalid and names the reason', () => {
    const r = run(['91350100M000100Y43', '91350100M000100Y44']);
    expect(r.status).toBe(1);
    expect(r.lines[1]).toMatchObject({ valid: false, reasons: [{ code: 'CHECK_CHAR' }] });
  });

  it('gives the Hegang district for a local code and truncates junk', () => {
    const r = run(['92230404000000019M', 'x'.repeat(5000)]);
    expect(r.status).toBe(1);
    expect(r.lines[0]).toMatchObject({ valid: true, districtCode: '230404', districtName: '南山区' });
    expect(r.lines[1].input.length).toBeLessThan(70);
    expect(r.lines[1].reasons[0].code).toBe('TOO_LONG');
  });
});
