/**
 * A minimal PDF 1.4 writer for the printable posters: one page, rectangles, lines and text.
 * Chinese text uses the standard Adobe-GB1 font STSong-Light with the UniGB-UCS2-H CMap, which
 * PDF readers supply themselves (PDFium, pdf.js, Preview, WPS, Acrobat), so no font is embedded
 * and a poster stays a few kilobytes; the QR code is vector rectangles, sharp at any size.
 */
import { deflateSync } from 'node:zlib';

export const MM = 72 / 25.4;

export type Rgb = readonly [number, number, number];

export interface TextOptions {
  size: number;
  colour?: Rgb;
  align?: 'left' | 'center';
}

/** Estimated advance of a character in em: Chinese and other wide characters 1, Latin 0.5. */
function advance(ch: string): number {
  return /[\u2e80-\uffef]/.test(ch) ? 1 : 0.5;
}

export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += advance(ch);
  return w * size;
}

/** Lines no wider than `max` points (Chinese breaks anywhere; Latin words are not split). */
export function wrapText(text: string, size: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (line !== '' && textWidth(line + ch, size) > max) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** UCS-2 big-endian hex, as UniGB-UCS2-H expects; characters outside the BMP become '?'. */
function ucs2Hex(text: string): string {
  let hex = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    hex += (cp > 0xffff ? 0x3f : cp).toString(16).padStart(4, '0');
  }
  return hex.toUpperCase();
}

const n = (x: number) => (Math.round(x * 100) / 100).toString();
const colour = (c: Rgb) => c.map((v) => n(v)).join(' ');

/** Drawing commands in points, origin at the bottom left (PDF's own coordinates). */
export class PdfPage {
  private readonly ops: string[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  rect(x: number, y: number, w: number, h: number, fill: Rgb): void {
    this.ops.push(`${colour(fill)} rg ${n(x)} ${n(y)} ${n(w)} ${n(h)} re f`);
  }

  strokeRect(x: number, y: number, w: number, h: number, stroke: Rgb, lineWidth: number): void {
    this.ops.push(`${colour(stroke)} RG ${n(lineWidth)} w ${n(x)} ${n(y)} ${n(w)} ${n(h)} re S`);
  }

  /** A dashed line (the fold of a table tent). */
  dashedLine(x1: number, y1: number, x2: number, y2: number, stroke: Rgb): void {
    this.ops.push(`q ${colour(stroke)} RG 0.5 w [4 4] 0 d ${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l S Q`);
  }

  /** Text with its baseline at y; `center` centres it on x. */
  text(text: string, x: number, y: number, { size, colour: c = [0, 0, 0], align = 'left' }: TextOptions): void {
    const left = align === 'center' ? x - textWidth(text, size) / 2 : x;
    this.ops.push(`BT ${colour(c)} rg /F1 ${n(size)} Tf ${n(left)} ${n(y)} Td <${ucs2Hex(text)}> Tj ET`);
  }

  /** Everything drawn inside `draw` is turned 180° about the page area's centre (the tent's far side). */
  rotated180(cx: number, cy: number, draw: () => void): void {
    this.ops.push(`q -1 0 0 -1 ${n(2 * cx)} ${n(2 * cy)} cm`);
    draw();
    this.ops.push('Q');
  }

  content(): string {
    return this.ops.join('\n');
  }
}

/** The finished file. `title` goes into the document information. */
export function pdfDocument(page: PdfPage, title: string): Buffer {
  const stream = deflateSync(Buffer.from(page.content(), 'latin1'));
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${n(page.width)} ${n(page.height)}] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>`,
    ),
    Buffer.from('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>'),
    Buffer.from(
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light' +
        ' /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>',
    ),
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream')]),
    Buffer.from(
      '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]' +
        ' /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    ),
    Buffer.from(`<< /Title <FEFF${ucs2Hex(title)}> /Producer (hegang-integrity-code) >>`),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 8 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}
