/**
 * Transports: how the platform's `wx.cloud` reaches a local cloud. Function calls speak the local
 * cloud's HTTP protocol (`POST <base>/<name>` with `{ openid, data }` → `{ result }`), which the
 * preview server proxies unchanged; the tests post to the local cloud directly.
 */
import type { Transport } from './wx';

type Fetch = typeof fetch;

/** `callFunction` over the local cloud's HTTP protocol at `base` (e.g. `http://127.0.0.1:1234/functions`). */
export function callOverHttp(
  base: string,
  headers: () => Record<string, string> = () => ({}),
  fetchImpl: Fetch = fetch,
): Transport['callFunction'] {
  return async (name, data, openid) => {
    const res = await fetchImpl(`${base}/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers() },
      body: JSON.stringify({ openid, data }),
    });
    const body = (await res.json()) as { result?: unknown; error?: { code: string; message: string } };
    if (!res.ok || body.error) throw new Error(`${body.error?.code ?? res.status} ${body.error?.message ?? ''}`);
    return { result: body.result, requestID: res.headers.get('x-request-id') ?? '' };
  };
}

/**
 * The browser preview's transport: calls through the preview server's proxy as the caller chosen
 * beside the phone; uploads go to the preview server, which stores them with the real
 * wx-server-sdk in the local cloud's storage, and serves fileIDs back for `<image>`.
 */
export function previewTransport(): Transport {
  return {
    callFunction: callOverHttp('/__preview/functions', previewTokenHeader),
    async uploadFile(cloudPath, file) {
      const res = await fetch(`/__preview/storage?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', body: file });
      const body = (await res.json()) as { fileID?: string; error?: { code: string; message: string } };
      if (!res.ok || !body.fileID) throw new Error(`${body.error?.code ?? res.status} ${body.error?.message ?? ''}`);
      return { fileID: body.fileID };
    },
    fileUrl: (fileID) => `/__preview/storage?fileID=${encodeURIComponent(fileID)}`,
  };
}

/**
 * The token that unlocks the caller switch when the preview is open to the LAN (printed at start;
 * opened as `/?token=…`, then remembered in this browser).
 */
function previewTokenHeader(): Record<string, string> {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) localStorage.setItem('preview:token', fromUrl);
  const token = fromUrl ?? localStorage.getItem('preview:token');
  return token ? { 'x-preview-token': token } : {};
}
