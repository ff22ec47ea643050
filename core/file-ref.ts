/**
 * References to stored images (the storefront and licence photos): a CloudBase fileID, which
 * `<image src>` shows directly in WeChat. New photos must be fileIDs of this environment (the
 * server checks the env): an https URL would make every scan fetch a foreign host, whose owner
 * could swap the picture after approval. `isImageRef` still accepts https for what older data
 * holds; anything else (javascript:, http:, data:, a local path) is refused.
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

/** A well-formed cloud fileID (of any environment; the server checks its own). */
export function isCloudFileId(v: string): boolean {
  return cloudFileEnv(v) !== undefined;
}
