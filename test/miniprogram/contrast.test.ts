/**
 * Contrast over the compiled WXSS (build/miniprogram): every text colour against every surface it
 * can sit on reaches 4.5:1 (WCAG 2 AA for normal text). Within one stylesheet, a rule that sets
 * both is checked as declared; a light text colour is checked against every dark background of its
 * stylesheet (in a stylesheet with none, it can only sit on the light ones: a mid-tone grey or
 * orange on a card), a dark one against every light background there and the app's page and card
 * surfaces, and a background without a text colour against the text colours its stylesheet uses
 * (or the page's #222). Conservative on purpose: a pairing that never happens may fail the test,
 * one that does happen cannot slip through.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../build/miniprogram');
const MIN = 4.5;
/** The app's page background and the cards on it (app.wxss). */
const SURFACES = ['#f5f5f5', '#ffffff'];
const PAGE_TEXT = '#222222';
/** Backgrounds of shapes that carry no text (the dashboard's bars): held to 3:1 against the card (WCAG 1.4.11) instead. */
const GRAPHICS: Readonly<Record<string, readonly string[]>> = {
  'pages/staff-dashboard/staff-dashboard.wxss': ['.fill', '.fill.ok', '.column'],
  'pages/my-code/my-code.wxss': ['.scan-bar'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.wxss') ? [join(dir, e.name)] : [],
  );
}

function hex(value: string): string | undefined {
  const m = /#([0-9a-f]{3}|[0-9a-f]{6})\b/i.exec(value);
  if (!m) return /\bwhite\b/i.test(value) ? '#ffffff' : /\bblack\b/i.test(value) ? '#000000' : undefined;
  const h = m[1]!.toLowerCase();
  return `#${h.length === 3 ? [...h].map((c) => c + c).join('') : h}`;
}

export function luminance(colour: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(colour.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

interface Rule {
  selector: string;
  fg?: string;
  bg?: string;
}

function rules(css: string): Rule[] {
  const out: Rule[] = [];
  const flat = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@keyframes[^{]*\{(?:[^{}]*\{[^}]*\})*\s*\}/g, '');
  for (const m of flat.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const decls = Object.fromEntries(
      m[2]!
        .split(';')
        .map((d) => d.split(':').map((s) => s.trim()))
        .filter((d) => d.length >= 2)
        .map(([k, ...v]) => [k!.toLowerCase(), v.join(':')]),
    );
    const fg = decls.color !== undefined ? hex(decls.color) : undefined;
    const bgValue = decls['background-color'] ?? decls.background;
    const bg = bgValue !== undefined ? hex(bgValue) : undefined;
    if (fg || bg) out.push({ selector: m[1]!.trim(), ...(fg ? { fg } : {}), ...(bg ? { bg } : {}) });
  }
  return out;
}

const dark = (c: string) => luminance(c) < 0.18;

describe('text contrast in the compiled mini-program', () => {
  const sheets = files(ROOT);

  it('finds the stylesheets', () => {
    expect(sheets.length).toBeGreaterThan(10);
  });

  it(`every text colour reaches ${MIN}:1 on every surface it can sit on`, () => {
    const failures: string[] = [];
    for (const file of sheets) {
      const name = relative(ROOT, file);
      const graphics = new Set(GRAPHICS[name] ?? []);
      const all = rules(readFileSync(file, 'utf8'));
      for (const g of all.filter((r) => graphics.has(r.selector) && r.bg)) {
        if (contrast(g.bg!, '#ffffff') < 3) failures.push(`${name} ${g.selector}: shape ${g.bg} on #ffffff below 3:1`);
      }
      const rs = all.filter((r) => !graphics.has(r.selector));
      const check = (fg: string, bg: string, where: string) => {
        const ratio = contrast(fg, bg);
        if (ratio < MIN) failures.push(`${name} ${where}: ${fg} on ${bg} = ${ratio.toFixed(2)}`);
      };
      const darkBgs = rs.filter((r) => r.bg && dark(r.bg)).map((r) => r.bg!);
      const lightBgs = [...SURFACES, ...rs.filter((r) => r.bg && !dark(r.bg)).map((r) => r.bg!)];
      const lightFgs = rs.filter((r) => r.fg && !dark(r.fg)).map((r) => r.fg!);
      for (const r of rs) {
        if (r.fg && r.bg) check(r.fg, r.bg, r.selector);
        else if (r.fg) for (const bg of dark(r.fg) || darkBgs.length === 0 ? lightBgs : darkBgs) check(r.fg, bg, r.selector);
        else if (r.bg && dark(r.bg)) for (const fg of lightFgs.length ? lightFgs : [PAGE_TEXT]) check(fg, r.bg, r.selector);
        else if (r.bg) check(PAGE_TEXT, r.bg, r.selector);
      }
    }
    expect(failures).toEqual([]);
  });

  it('the check itself: known pairs', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#ef6c00', '#ffffff')).toBeLessThan(MIN);
    expect(contrast('#1b5e20', '#ffffff')).toBeGreaterThan(MIN);
  });
});
