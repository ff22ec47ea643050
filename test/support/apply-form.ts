/**
 * The apply form's entitlement fields in miniprogram-simulate: the legal representative typed and
 * a 营业执照 photo chosen and uploaded to the local cloud (installWx needs the SDK for the upload).
 */
import { tap, typeInto, until, type RenderedPage, type WxOptions } from './simulate';

/** Any bytes do: storage keeps them as given (a JPEG's first and last markers). */
export const LICENCE_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

export async function fillEntitlement(page: RenderedPage, options: WxOptions, legalRep = '张三'): Promise<string> {
  await typeInto(page, '.in-legalRepName', legalRep);
  const chosen = options.chosenImage;
  options.chosenImage = LICENCE_JPEG;
  await tap(page, '.licence-pick');
  await until(() => page.data.form.licencePhoto !== '', 'the licence photo upload');
  options.chosenImage = chosen;
  return page.data.form.licencePhoto as string;
}
