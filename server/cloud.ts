/**
 * The one place cloud.init happens. On CloudBase the function runs in its own
 * environment (DYNAMIC_CURRENT_ENV); under the local cloud the emulator sets
 * LOCAL_CLOUD_URL and the same real SDK is pointed at it.
 */
import cloud from 'wx-server-sdk';

let initialised = false;

export function getCloud(): typeof cloud {
  if (!initialised) {
    const local = process.env.LOCAL_CLOUD_URL;
    // serviceUrl/secretId/secretKey are accepted by the SDK but missing from its typings.
    const options = local
      ? { env: process.env.LOCAL_CLOUD_ENV ?? 'local', serviceUrl: local, secretId: 'local', secretKey: 'local' }
      : { env: cloud.DYNAMIC_CURRENT_ENV as unknown as string };
    cloud.init(options as Parameters<typeof cloud.init>[0]);
    initialised = true;
  }
  return cloud;
}

export type Database = ReturnType<typeof cloud.database>;

export function getDb(): Database {
  return getCloud().database();
}

/** True when running against the local emulator (no openapi, standard QR codes). */
export function isLocalCloud(): boolean {
  return Boolean(process.env.LOCAL_CLOUD_URL);
}
