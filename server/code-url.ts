/** The URL prefix printed QR codes carry; set CODE_URL_PREFIX per deployment. */
export const DEFAULT_CODE_URL_PREFIX = 'https://xy.hegang.gov.cn/mscx/c/';

/** Must match the mini-program's config.codeUrlPrefix and the "扫普通链接二维码" rule. */
export function codeUrlPrefix(): string {
  return process.env.CODE_URL_PREFIX || DEFAULT_CODE_URL_PREFIX;
}
