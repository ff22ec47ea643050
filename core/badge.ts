/**
 * The live badge an online shop embeds (GET /open/v1/badge/<id>.svg): "诚信码 | 有效 · 第2版" in
 * the verdict's colour. Pure text → SVG; every piece of text is escaped, and only what the public
 * profile shows goes in.
 */
import type { VerdictTone } from './verify';

/** Background colours with white text at a contrast of at least 4.5:1. */
export const BADGE_COLOURS: Readonly<Record<VerdictTone, string>> = {
  green: '#1b5e20',
  amber: '#8a3c00',
  red: '#b71c1c',
  grey: '#424242',
};
const LEFT_COLOUR = '#333333';

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Rough width of text at 12px: CJK and other wide characters 12px, the rest 7px. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffef]/.test(ch) ? 12 : 7;
  return w;
}

export interface BadgeInput {
  readonly left: string;
  readonly right: string;
  readonly tone: VerdictTone;
  /** Screen-reader text (the SVG's title). */
  readonly title: string;
}

export function badgeSvg({ left, right, tone, title }: BadgeInput): string {
  const lw = textWidth(left) + 16;
  const rw = textWidth(right) + 16;
  const w = lw + rw;
  const colour = BADGE_COLOURS[tone];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="24" viewBox="0 0 ${w} 24" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${lw}" height="24" rx="3" fill="${LEFT_COLOUR}"/>`,
    `<rect x="${lw}" width="${rw}" height="24" rx="3" fill="${colour}"/>`,
    `<g fill="#fff" font-family="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif" font-size="12">`,
    `<text x="8" y="16">${escapeXml(left)}</text>`,
    `<text x="${lw + 8}" y="16">${escapeXml(right)}</text>`,
    `</g></svg>`,
  ].join('');
}
