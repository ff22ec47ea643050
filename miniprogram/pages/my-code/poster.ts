/**
 * The poster as one image (for the album, printing at a copy shop, or sending in a chat):
 * the same content as the page layout, drawn on a canvas 2D context. Only context calls, so
 * it is tested with a recording context.
 */

/** The subset of CanvasRenderingContext2D the poster uses. */
export interface PosterContext {
  fillStyle: string | unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  strokeStyle: string | unknown;
  lineWidth: number;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
}

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1100;

export const POSTER_STEPS = [
  '1. 打开微信“扫一扫”，扫描上方诚信码',
  '2. 看到绿色“有效”，核对名称、地址与本店一致',
  '3. 发现不符，请点击“举报可疑码”',
];

/** Split text into lines no wider than `max` (Chinese text breaks anywhere). */
export function wrap(ctx: PosterContext, text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (line !== '' && ctx.measureText(line + ch).width > max) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function drawPoster(ctx: PosterContext, codeImage: unknown, info: { entityName: string; codeId: string; version: number }): void {
  const W = POSTER_WIDTH;
  const H = POSTER_HEIGHT;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  ctx.strokeStyle = '#b71c1c';
  ctx.lineWidth = 16;
  ctx.strokeRect(8, 8, W - 16, H - 16);

  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#b71c1c';
  ctx.font = 'bold 48px sans-serif';
  ctx.fillText('信用鹤岗 · 码上诚信', W / 2, 56);

  ctx.fillStyle = '#222222';
  ctx.font = 'bold 40px sans-serif';
  let y = 140;
  for (const line of wrap(ctx, info.entityName, W - 120).slice(0, 2)) {
    ctx.fillText(line, W / 2, y);
    y += 52;
  }

  const size = 500;
  ctx.drawImage(codeImage, (W - size) / 2, 260, size, size);

  ctx.textAlign = 'left';
  ctx.font = '30px sans-serif';
  y = 800;
  for (const step of POSTER_STEPS) {
    ctx.fillText(step, 70, y);
    y += 50;
  }

  ctx.textAlign = 'center';
  ctx.fillStyle = '#666666';
  ctx.font = '24px sans-serif';
  ctx.fillText(`诚信码 ${info.codeId} · 第${info.version}版`, W / 2, H - 80);
}
