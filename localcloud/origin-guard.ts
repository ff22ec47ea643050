/**
 * Guards for the endpoints that are not CloudBase API: the local cloud's `/_admin/*` and the
 * preview's function proxy. A page on another website open in the same browser can send a
 * `no-cors` POST to localhost; it cannot choose an `application/json` content type without a CORS
 * preflight (which we never answer), and the browser names its origin. So these endpoints refuse:
 * a request whose Origin is not the server's own, a Host that is not the name it was reached by on
 * loopback (DNS rebinding), and any body that is not declared JSON. `/_admin/*` additionally
 * answers only connections from the machine itself, whatever interface the server listens on.
 */
import type { IncomingMessage } from 'node:http';

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && (LOOPBACK_ADDRESSES.has(address) || /^(::ffff:)?127\./.test(address));
}

/** The hostname of a Host header value (`127.0.0.1:3900` → `127.0.0.1`, `[::1]:3900` → `[::1]`). */
function hostnameOf(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
}

/** A request sent by a page of another origin (the browser names it in Origin / Sec-Fetch-Site). */
export function crossOrigin(req: IncomingMessage): Refusal | undefined {
  const origin = req.headers.origin;
  const host = req.headers.host ?? '';
  if (origin !== undefined && origin !== `http://${host}`) {
    return { status: 403, code: 'CROSS_ORIGIN', message: `requests from ${origin} are not accepted` };
  }
  if (req.headers['sec-fetch-site'] === 'cross-site')
    return { status: 403, code: 'CROSS_ORIGIN', message: 'cross-site requests are not accepted' };
  return undefined;
}

/** Same-origin and JSON, for any state-changing endpoint of ours. */
export function crossOriginOrNotJson(req: IncomingMessage): Refusal | undefined {
  const refused = crossOrigin(req);
  if (refused) return refused;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, code: 'NOT_JSON', message: 'content-type must be application/json' };
  return undefined;
}

/** `/_admin/*`: from this machine only, addressed by a loopback name, same-origin, JSON. */
export function adminRefusal(req: IncomingMessage): Refusal | undefined {
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    return { status: 403, code: 'LOOPBACK_ONLY', message: 'admin endpoints answer only this machine' };
  }
  const hostname = hostnameOf(req.headers.host ?? '');
  if (!LOOPBACK_NAMES.has(hostname) && !/^127\./.test(hostname)) {
    return { status: 403, code: 'LOOPBACK_ONLY', message: `admin endpoints answer only a loopback host name, not ${hostname}` };
  }
  return crossOriginOrNotJson(req);
}
