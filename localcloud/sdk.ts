import { createRequire } from 'node:module';

const localRequire = createRequire(import.meta.url);

/** The parts of wx-server-sdk's `cloud` used by scripts and tests (the SDK ships loose typings). */
export interface SdkConnection {
  /** The real wx-server-sdk module, initialised against the emulator. */
  cloud: any;
  /** `cloud.database()` */
  db: any;
}

/**
 * A real wx-server-sdk instance pointed at a running local cloud (`url` without `/admin`).
 * Uses `cloud.createNewInstance`, so several connections (and the caller's own `cloud`) coexist.
 */
export function connectSdk(url: string, env = 'localcloud'): SdkConnection {
  const base = localRequire('wx-server-sdk') as {
    createNewInstance(config: Record<string, unknown>): any;
  };
  process.env.SILENCE ??= 'true';
  // Outside Tencent Cloud the SDK probes the metadata server (30 ms timeout) before every request and
  // never caches a failure; declaring the platform skips that probe. serviceUrl still wins for the URL.
  process.env.TENCENTCLOUD ??= 'true';
  const cloud = base.createNewInstance({
    env,
    serviceUrl: `${url.replace(/\/$/, '')}/admin`,
    secretId: 'localcloud-secret-id',
    secretKey: 'localcloud-secret-key',
    timeout: 60_000,
  });
  return { cloud, db: cloud.database() };
}
