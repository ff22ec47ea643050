/**
 * The one place cloud.init happens, identical on CloudBase and locally: the runtime
 * (CloudBase, or the local cloud's worker) supplies the endpoint and credentials
 * through TCB_CONTEXT_CNFG, so DYNAMIC_CURRENT_ENV is always right.
 */
import cloud from 'wx-server-sdk';

let initialised = false;

export function getCloud(): typeof cloud {
  if (!initialised) {
    // keepalive: a warm instance reuses its connection to the database API instead of opening one
    // per call. The node-sdk under wx-server-sdk leaves it off inside SCF unless asked, and retries
    // a request whose reused socket was reset. Not in wx-server-sdk's typings, passed through as is.
    const options: Parameters<typeof cloud.init>[0] & { keepalive: boolean } = {
      env: cloud.DYNAMIC_CURRENT_ENV as unknown as string,
      keepalive: true,
    };
    cloud.init(options);
    initialised = true;
  }
  return cloud;
}

export type Database = ReturnType<typeof cloud.database>;

let database: Database | undefined;

/**
 * The instance's database handle, made once: an instance's environment never changes, and
 * wx-server-sdk builds a new class and client for every `cloud.database()`.
 */
export function getDb(): Database {
  return (database ??= getCloud().database());
}

/** This function's CloudBase environment id (its own fileIDs start `cloud://<env>.`). */
export function currentEnv(): string {
  return String(getCloud().getWXContext().ENV ?? '');
}

/** True under the local cloud (set by its worker): no openapi, so standard QR codes instead of wxacode. */
export function isLocalCloud(): boolean {
  return Boolean(process.env.LOCAL_CLOUD_URL);
}
