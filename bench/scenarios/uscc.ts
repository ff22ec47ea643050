/**
 * USCC validations per second, ours beside the npm package `stdnum` (cn.uscc) on the same
 * inputs, with every disagreement listed: a second opinion on our reading of GB 32100.
 */
import { stdnum } from 'stdnum';
import { composeUscc, computeCheckChar, USCC_ALPHABET, validateUscc } from '../../core/uscc';
import { emit } from '../report';

const N = 200_000;
const theirUscc = stdnum.CN!.uscc!;

/** Deterministic inputs: valid codes, one-character mutations, lowercase, and checksum-correct junk. */
function inputs(): string[] {
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pairs = ['11', '12', '31', '51', '52', '91', '92', '93', 'N1', 'N3', 'Y1'];
  const areas = ['230402', '230404', '230421', '230400', '110108', '350100'];
  const out: string[] = [];
  for (let i = 0; i < N; i++) {
    const pair = pairs[rnd(pairs.length)]!;
    let org8 = '';
    for (let j = 0; j < 8; j++) org8 += USCC_ALPHABET[rnd(31)];
    const code = composeUscc({ department: pair[0]!, category: pair[1]!, area: areas[rnd(areas.length)]!, org8 });
    const kind = rnd(5);
    if (kind === 4) {
      // Correct check character over a random body: only the structural rules can catch it.
      let body = pair;
      for (let j = 0; j < 15; j++) body += j < 6 ? String(rnd(10)) : USCC_ALPHABET[rnd(31)];
      out.push(body + computeCheckChar(body));
    } else if (kind === 0) {
      const pos = rnd(18);
      out.push(code.slice(0, pos) + USCC_ALPHABET[rnd(31)] + code.slice(pos + 1));
    } else if (kind === 1) out.push(code.toLowerCase());
    else out.push(code);
  }
  return out;
}

function time(fn: (s: string) => boolean, data: string[]): { perSecond: number; results: boolean[] } {
  const results = new Array<boolean>(data.length);
  for (let i = 0; i < 2000; i++) fn(data[i]!); // warm up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < data.length; i++) results[i] = fn(data[i]!);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { perSecond: data.length / seconds, results };
}

const data = inputs();
const ours = time((s) => validateUscc(s).valid, data);
const theirs = time((s) => theirUscc.validate(s).isValid === true, data);
const disagreements = data.filter((_, i) => ours.results[i] !== theirs.results[i]);
/** Disagreements grouped by who rejects and why: the pattern is the finding, not the count. */
function disagreementKind(s: string): string {
  const our = validateUscc(s);
  const their = theirUscc.validate(s);
  const ourSide = our.valid ? 'ours accepts' : `ours rejects (${[...new Set(our.reasons.map((r) => r.code))].join('+')})`;
  const theirSide = their.isValid ? 'stdnum accepts' : `stdnum rejects (${their.error?.name ?? 'error'})`;
  const hint = our.valid && /Checksum/.test(their.error?.name ?? '') && s.endsWith('0') ? ' — our check character is 0' : '';
  return `${ourSide}, ${theirSide}${hint}`;
}
const groups = new Map<string, { count: number; example: string }>();
for (const s of disagreements) {
  const key = disagreementKind(s);
  const g = groups.get(key) ?? { count: 0, example: s };
  g.count++;
  groups.set(key, g);
}
const examples = [...groups.entries()].sort((a, b) => b[1].count - a[1].count).map(([k, g]) => `${k}: ${g.count} (e.g. ${g.example})`);

emit({
  scenario: 'USCC validation',
  figures: [
    { name: 'ours', value: Math.round(ours.perSecond), unit: 'validations/s' },
    { name: 'stdnum cn.uscc', value: Math.round(theirs.perSecond), unit: 'validations/s' },
    { name: 'speed ratio (ours ÷ stdnum)', value: Number((ours.perSecond / theirs.perSecond).toFixed(2)) },
    { name: 'disagreements', value: disagreements.length, unit: `of ${N}` },
  ],
  notes: examples.length ? examples : ['no disagreements'],
});
