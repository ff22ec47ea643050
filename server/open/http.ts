/**
 * The CloudBase HTTP access service's "integrated request" and "integrated response": what an
 * HTTP-triggered function receives ({ path, httpMethod, headers, queryStringParameters, body,
 * isBase64Encoded, requestContext }) and returns ({ statusCode, headers, body, isBase64Encoded }).
 * The local cloud builds the same event for /open/v1/ (localcloud/http-access.ts).
 */
export interface HttpEvent {
  path?: unknown;
  httpMethod?: unknown;
  headers?: unknown;
  queryStringParameters?: unknown;
  requestContext?: unknown;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

/** How long a client or CDN may keep an answer: a status change shows within this. */
export const OPEN_API_MAX_AGE = 60;

export function headerOf(event: HttpEvent, name: string): string | undefined {
  if (typeof event.headers !== 'object' || event.headers === null) return undefined;
  for (const [k, v] of Object.entries(event.headers as Record<string, unknown>)) {
    if (k.toLowerCase() === name && typeof v === 'string') return v;
  }
  return undefined;
}

/**
 * The client to count against the rate limit: the last address of X-Forwarded-For — the one the
 * access gateway itself saw (addresses before it are whatever the client claimed) — else X-Real-IP,
 * else the request context's source IP.
 */
export function clientOf(event: HttpEvent): string {
  const forwarded = headerOf(event, 'x-forwarded-for')?.split(',').at(-1)?.trim();
  const ctx = (typeof event.requestContext === 'object' && event.requestContext !== null ? event.requestContext : {}) as Record<
    string,
    unknown
  >;
  const ip = forwarded || headerOf(event, 'x-real-ip')?.trim() || (typeof ctx.sourceIp === 'string' ? ctx.sourceIp : '');
  return /^[0-9A-Fa-f:.]{2,45}$/.test(ip ?? '') ? ip! : 'unknown';
}

const COMMON = {
  'access-control-allow-origin': '*',
  'x-content-type-options': 'nosniff',
};

export function json(status: number, body: unknown, cacheable = true): HttpResponse {
  return {
    statusCode: status,
    headers: {
      ...COMMON,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': cacheable ? `public, max-age=${OPEN_API_MAX_AGE}` : 'no-store',
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

export function svg(body: string): HttpResponse {
  return {
    statusCode: 200,
    headers: { ...COMMON, 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': `public, max-age=${OPEN_API_MAX_AGE}` },
    body,
    isBase64Encoded: false,
  };
}

export function problem(status: number, code: string, message: string, extraHeaders: Record<string, string> = {}): HttpResponse {
  const res = json(status, { error: { code, message } }, false);
  return { ...res, headers: { ...res.headers, ...extraHeaders } };
}
