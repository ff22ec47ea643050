/**
 * `npm run uscc -- CODE [CODE...]`: one JSON line per input, exit 1 if any is invalid.
 * For people checking a code by hand and for scripts cleaning a spreadsheet column.
 */
import { isMain } from './is-main';
import { districtName, validateUscc } from '../core';

/** Long junk is echoed truncated: a 10 MB argument must not become a 10 MB line. */
const ECHO_LIMIT = 64;

export function describeUscc(input: string) {
  const result = validateUscc(input);
  const placement = result.valid ? result.placement : undefined;
  const districtCode = placement?.kind === 'district' ? placement.district.code : placement?.kind === 'city' ? placement.areaCode : null;
  return {
    input: input.length > ECHO_LIMIT ? `${input.slice(0, ECHO_LIMIT)}…` : input,
    valid: result.valid,
    normalized: result.normalized,
    reasons: result.reasons,
    districtCode,
    districtName:
      placement?.kind === 'district'
        ? placement.district.name
        : placement?.kind === 'city'
          ? `${districtName('230400')}（市级登记，需人工确定县区）`
          : placement?.kind === 'outside'
            ? '鹤岗市以外'
            : null,
  };
}

function main(argv: string[]): number {
  if (argv.length === 0) {
    process.stderr.write('用法：npm run uscc -- 统一社会信用代码 [更多代码…]\n');
    return 2;
  }
  let allValid = true;
  for (const arg of argv) {
    const line = describeUscc(arg);
    allValid &&= line.valid;
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return allValid ? 0 : 1;
}

if (isMain(__filename)) process.exitCode = main(process.argv.slice(2));
