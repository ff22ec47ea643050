/**
 * The printable posters (亮码经营): A4 and A5 for a wall or door, and a table tent (an A4 sheet
 * folded in half, both sides readable). Each carries the entity's registered name and address, the
 * code as a vector QR of its URL (opened by WeChat's scan rule and by any phone camera), how to
 * check it, the issuing authority, the 12345 hotline, the code's version and issue date and the
 * print date — what a person compares with the shop in front of them.
 */
import QRCode from 'qrcode';
import { HOTLINE, ISSUING_AUTHORITY_LINE, type PosterSize } from '../../core';
import { MM, PdfPage, pdfDocument, wrapText, type Rgb } from './pdf';

export const POSTER_NAMES: Readonly<Record<PosterSize, string>> = { a4: 'A4海报', a5: 'A5海报', tent: '桌牌（A4对折）' };

export interface PosterInfo {
  entityName: string;
  address: string;
  codeUrl: string;
  codeId: string;
  version: number;
  /** YYYY-MM-DD (Beijing time). */
  issuedOn: string;
  printedOn: string;
}

const RED: Rgb = [0.718, 0.11, 0.11];
const INK: Rgb = [0.13, 0.13, 0.13];
const GREY: Rgb = [0.33, 0.33, 0.33];
const BLACK: Rgb = [0, 0, 0];

/** The QR code's modules as rectangles, one per horizontal run of dark modules, with a 4-module quiet zone. */
function drawQr(page: PdfPage, url: string, x: number, y: number, side: number): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const cell = side / (size + 2 * quiet);
  page.rect(x, y, side, side, [1, 1, 1]);
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && qr.modules.get(row, col)) col++;
      // PDF's y grows upwards; the QR's rows go down from the top.
      page.rect(x + (quiet + start) * cell, y + side - (quiet + row + 1) * cell, (col - start) * cell, cell, BLACK);
    }
  }
}

interface Panel {
  /** Area in points: left, bottom, width, height. */
  x: number;
  y: number;
  w: number;
  h: number;
}

function facts(info: PosterInfo): string[] {
  return [
    `经营地址：${info.address}`,
    `发码机构：${ISSUING_AUTHORITY_LINE}`,
    `赋码日期：${info.issuedOn}（第${info.version}版）  打印日期：${info.printedOn}`,
    `监督电话：${HOTLINE}  诚信码：${info.codeId}`,
  ];
}

/** A wall poster filling `p`, scaled by its width (A4 width = 1): the QR 130 mm on A4, 92 mm on A5. */
function drawPoster(page: PdfPage, p: Panel, info: PosterInfo): void {
  const k = p.w / (210 * MM);
  const cx = p.x + p.w / 2;
  const margin = 12 * MM * k;
  page.strokeRect(p.x + margin / 2, p.y + margin / 2, p.w - margin, p.h - margin, RED, 4 * k);
  let top = p.y + p.h - margin - 16 * MM * k;
  page.text('信用鹤岗 · 码上诚信', cx, top, { size: 30 * k, colour: RED, align: 'center' });
  top -= 16 * MM * k;
  for (const line of wrapText(info.entityName, 26 * k, p.w - 3 * margin).slice(0, 2)) {
    page.text(line, cx, top, { size: 26 * k, colour: INK, align: 'center' });
    top -= 12 * MM * k;
  }
  const qrSide = 130 * MM * k;
  const qrY = top - qrSide;
  drawQr(page, info.codeUrl, cx - qrSide / 2, qrY, qrSide);
  let ty = qrY - 10 * MM * k;
  page.text('微信扫一扫 · 看到绿色“有效”，并核对名称、地址与本店一致', cx, ty, { size: 15 * k, colour: INK, align: 'center' });
  ty -= 12 * MM * k;
  const x = p.x + margin + 4 * MM * k;
  for (const l of facts(info).flatMap((f) => wrapText(f, 13 * k, p.w - 2 * margin - 8 * MM * k))) {
    page.text(l, x, ty, { size: 13 * k, colour: GREY });
    ty -= 7 * MM * k;
  }
}

/** One side of the table tent (297 × 105 mm): the QR (80 mm) on the left, the words on the right. */
function drawTentFace(page: PdfPage, p: Panel, info: PosterInfo): void {
  page.strokeRect(p.x + 5 * MM, p.y + 5 * MM, p.w - 10 * MM, p.h - 10 * MM, RED, 3);
  const qrSide = 80 * MM;
  drawQr(page, info.codeUrl, p.x + 12 * MM, p.y + (p.h - qrSide) / 2, qrSide);
  const tx = p.x + 100 * MM;
  const tw = p.w - 100 * MM - 12 * MM;
  let ty = p.y + p.h - 20 * MM;
  page.text('信用鹤岗 · 码上诚信', tx, ty, { size: 20, colour: RED });
  ty -= 11 * MM;
  for (const line of wrapText(info.entityName, 18, tw).slice(0, 2)) {
    page.text(line, tx, ty, { size: 18, colour: INK });
    ty -= 8 * MM;
  }
  page.text('微信扫一扫 · 核验真伪', tx, ty, { size: 14, colour: RED });
  ty -= 8 * MM;
  for (const l of facts(info).flatMap((f) => wrapText(f, 9, tw))) {
    page.text(l, tx, ty, { size: 9, colour: GREY });
    ty -= 4.6 * MM;
  }
}

/** The poster as a PDF file. */
export function posterPdf(size: PosterSize, info: PosterInfo): Buffer {
  if (size === 'tent') {
    // A4 landscape folded along the middle: the far half is upside down so both stand upright.
    const page = new PdfPage(297 * MM, 210 * MM);
    const half = 105 * MM;
    drawTentFace(page, { x: 0, y: 0, w: page.width, h: half }, info);
    page.rotated180(page.width / 2, half * 1.5, () => drawTentFace(page, { x: 0, y: half, w: page.width, h: half }, info));
    page.dashedLine(0, half, page.width, half, GREY);
    return pdfDocument(page, `${info.entityName} · 诚信码桌牌`);
  }
  const page = size === 'a4' ? new PdfPage(210 * MM, 297 * MM) : new PdfPage(148 * MM, 210 * MM);
  drawPoster(page, { x: 0, y: 0, w: page.width, h: page.height }, info);
  return pdfDocument(page, `${info.entityName} · 诚信码海报`);
}
