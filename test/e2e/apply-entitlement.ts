/** The apply form's entitlement fields in the preview: the legal representative and a 营业执照 photo from the album. */
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import type { Phone } from './harness';

/** A small licence-like picture (24×16, pale with a red frame), as a phone album would hand over. */
export function licencePng(): Buffer {
  const png = new PNG({ width: 24, height: 16 });
  for (let y = 0; y < 16; y++) {
    for (let x = 0; x < 24; x++) {
      const frame = x < 2 || y < 2 || x > 21 || y > 13;
      png.data.set(frame ? [183, 28, 28, 255] : [250, 246, 232, 255], (y * 24 + x) * 4);
    }
  }
  return PNG.sync.write(png);
}

const loadedWidth = (img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0);

export async function fillEntitlement(phone: Phone, legalRep: string): Promise<void> {
  const field = (label: string) => phone.cls('field').filter({ hasText: label });
  await field('法定代表人').locator('input').fill(legalRep);
  const chooser = phone.page.waitForEvent('filechooser');
  await phone.cls('licence-pick').tap();
  await (await chooser).setFiles({ name: 'licence.png', mimeType: 'image/png', buffer: licencePng() });
  await expect.poll(() => phone.cls('licence-thumb').locator('img').evaluate(loadedWidth), { timeout: 15_000, interval: 100 }).toBe(24);
}
