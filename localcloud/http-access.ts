/**
 * CloudBase's HTTP access service, locally: `GET /open/v1/…` runs the `open` function with the
 * integrated request it would get in production ({ path, httpMethod, headers,
 * queryStringParameters, body, isBase64Encoded, requestContext }) and writes its integrated
 * response ({ statusCode, headers, body, isBase64Encoded }) back. Like a gateway, it appends the
 * peer's address to X-Forwarded-For.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FunctionPool } from './functions';
import type { Stats } from './stats';

/** Path prefixes served by an HTTP-triggered function, and which. */
export const HTTP_ROUTES: ReadonlyArray<{ prefix: string; functionName: string }> = [{ prefix: '/open/v1/', functionName: 'open' }];

export function httpRouteOf(path: string): string | undefined {
  return HTTP_ROUTES.find((r) => path.startsWith(r.prefix))?.functionName;
}

interface IntegratedResponse {
  statusCode?: unknown;
  headers?: unknown;
  body?: unknown;
  isBase64Encoded?: unknown;
}

export async function serveHttpFunction(
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
  functions: FunctionPool | undefined,
  stats: Stats,
  env: string,
): Promise<void> {
  if (!functions) {
    res.writeHead(404, { 'content-type': 'application/json' });
    return void res.end(JSON.stringify({ error: { code: 'FUNCTIONS_DISABLED', message: 'no functions directory configured' } }));
  }
  const url = new URL(req.url ?? '/', 'http://localcloud');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
  const peer = req.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${peer}` : peer;
  const event = {
    path: url.pathname,
    httpMethod: req.method ?? 'GET',
    headers,
    queryStringParameters: Object.fromEntries(url.searchParams),
    body: '',
    isBase64Encoded: false,
    requestContext: { requestId: randomUUID(), envId: env, sourceIp: peer },
  };
  stats.countFunction(name);
  const out = await functions.invoke(name, event, {});
  if (!out.ok) {
    res.writeHead(502, { 'content-type': 'application/json' });
    return void res.end(JSON.stringify({ error: out.error }));
  }
  const r = (JSON.parse(out.json) ?? {}) as IntegratedResponse;
  const status = typeof r.statusCode === 'number' ? r.statusCode : 200;
  const outHeaders: Record<string, string> = {};
  if (typeof r.headers === 'object' && r.headers !== null) for (const [k, v] of Object.entries(r.headers)) outHeaders[k] = String(v);
  const body =
    typeof r.body === 'string' ? Buffer.from(r.body, r.isBase64Encoded === true ? 'base64' : 'utf8') : Buffer.from(JSON.stringify(r));
  res.writeHead(status, outHeaders);
  res.end(req.method === 'HEAD' ? undefined : body);
}
