/**
 * References to stored images (the storefront photo): a CloudBase fileID, which `<image src>`
 * shows directly in WeChat, or a plain https URL. Anything else (javascript:, http:, data:, a
 * local path) is refused, since the value is shown to the public.
 */

/** `cloud://<env>.<bucket>/<path>`: env and bucket are CloudBase ids; path has no empty, . or .. segment. */
const CLOUD_FILE_ID = /^cloud:\/\/([a-z0-9][a-z0-9-]*)\.([A-Za-z0-9-]+)\/((?:[^/\\\s]+\/)*[^/\\\s]+)$/;
const HTTPS_URL = /^https:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?\/[^\s"'<>\\]*$/;

/** The environment id of a well-formed cloud fileID, or undefined. */
export function cloudFileEnv(fileID: string): string | undefined {
  const m = CLOUD_FILE_ID.exec(fileID);
  if (!m) return undefined;
  if (m[3]!.split('/').some((s) => s === '.' || s === '..')) return undefined;
  return m[1];
}

/** A cloud fileID (of any environment; the server checks its own) or an https URL. */
export function isImageRef(v: string): boolean {
  return cloudFileEnv(v) !== undefined || HTTPS_URL.test(v);
}
