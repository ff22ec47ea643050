/** The poster image's drawing, through a context that records what is drawn. */
import { describe, expect, it } from 'vitest';
import { drawPoster, POSTER_STEPS, wrap, type PosterContext } from '../../miniprogram/pages/my-code/poster';

function recorder() {
  const texts: string[] = [];
  const images: unknown[] = [];
  const ctx: PosterContext = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textAlign: '',
    textBaseline: '',
    fillRect() {},
    strokeRect() {},
    fillText: (t) => void texts.push(t),
    // Every character 40 px wide.
    measureText: (t) => ({ width: Array.from(t).length * 40 }),
    drawImage: (img) => void images.push(img),
  };
  return { ctx, texts, images };
}

describe('poster', () => {
  it('draws the brand, the entity name, the code image, the instructions and the code id', () => {
    const { ctx, texts, images } = recorder();
    const image = { src: 'code.png' };
    drawPoster(ctx, image, { entityName: '鹤岗市向阳区老字号饺子馆', codeId: 'AbCdEfGhIjKlMnOpQrStUv', version: 2 });
    expect(texts[0]).toBe('信用鹤岗 · 码上诚信');
    expect(texts).toContain('鹤岗市向阳区老字号饺子馆');
    for (const step of POSTER_STEPS) expect(texts).toContain(step);
    expect(texts.at(-1)).toBe('诚信码 AbCdEfGhIjKlMnOpQrStUv · 第2版');
    expect(images).toEqual([image]);
  });

  it('wraps long names onto at most two lines', () => {
    const { ctx, texts } = recorder();
    const name = '黑龙江省鹤岗市某某非常长名称的农业机械化专业合作社联合社分支机构';
    expect(wrap(ctx, name, 630).every((l) => Array.from(l).length <= 15)).toBe(true);
    drawPoster(ctx, {}, { entityName: name, codeId: 'x', version: 1 });
    const drawnName = texts.slice(1, 3).join('');
    expect(name.startsWith(drawnName)).toBe(true);
    expect(drawnName.length).toBe(30);
  });
});
