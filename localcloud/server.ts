import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { databaseActions, type Params } from './actions';
import type { DocumentDb } from './collections';
import { CloudError, toCloudError } from './errors';
import type { FunctionPool } from './functions';
import { httpRouteOf, serveHttpFunction } from './http-access';
import { MAX_REQUEST_BYTES } from './limits';
import { adminRefusal, crossOriginOrNotJson, type Refusal } from './origin-guard';
import type { Stats } from './stats';
import type { Storage } from './storage';
import type { TransactionManager } from './transactions';
import { decodeStoredDoc, type Doc } from './wire';
import { decodeOpenApiData, encodeOpenApiResponse, multipartParts, Outbox, subscribeMessageSend } from './openapi';

export interface ServerDeps {
  db: DocumentDb;
  tx: TransactionManager;
  stats: Stats;
  functions: FunctionPool | undefined;
  storage: Storage;
  allowReset: boolean;
}

/** What a route's handler gets: the request, the response, and for `body: 'json'` routes the parsed body. */
interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  /** What the path pattern captured: the rest of the path after a `/*` pattern, or the matcher's answer. */
  param: string;
  body: Params;
  deps: ServerDeps;
  outbox: Outbox;
}

interface Route {
  /** The methods answered (any when absent). */
  methods?: readonly string[];
  /** An exact path, a prefix ending in `/*` (the rest is `param`), or a matcher returning the param (undefined: no match). */
  path: string | ((path: string) => string | undefined);
  /** Checked before the body is read; a refusal answers with its status and code. */
  guard?: (req: IncomingMessage) => Refusal | undefined;
  /** 'json': read and parse the body into `body` first (a bad body answers 400 INVALID_JSON); 'raw': the handler reads the request. */
  body: 'json' | 'raw';
  handle: (ctx: RouteContext) => Promise<void> | void;
}

/** `/_admin/*` and `/functions/*` are not CloudBase API: same-origin JSON only, and /_admin/* this machine only (origin-guard.ts). */
const admin = (path: string, handle: Route['handle']): Route => ({ methods: ['POST'], path, guard: adminRefusal, body: 'json', handle });
const get = (path: string, handle: Route['handle']): Route => ({ methods: ['GET'], path, body: 'raw', handle });

/**
 * The routes, first match wins:
 * - `GET /health`, `GET /_stats`, `GET /_outbox?touser=` (subscribeMessage.send's outbox, for the preview).
 * - `/_storage/*`: cloud storage's upload (PUT) and download (GET) URLs, signed (see storage.ts).
 * - `GET /open/v1/*`: the HTTP access service in front of the `open` function (http-access.ts).
 * - `POST /functions/<name>` body `{ openid, data }` → `{ result }` (like wx.cloud.callFunction).
 * - `POST /_admin/collections` `{ name }`, `POST /_admin/reset` (opt-in), `POST /_admin/load`
 *   `{ collection, docs }` (bulk insert-or-replace, EJSON strings; for `npm run seed`), `POST /_admin/timer`
 *   `{ name, triggerName }` (fire a timer trigger, TRIGGER_SRC=timer); any other `/_admin/*` is 404.
 *   The `/_admin/*` routes are not CloudBase API and do not count in `/_stats`; they answer only
 *   loopback connections, same-origin, with a JSON body (origin-guard.ts), whatever --host says.
 * - `POST /admin` (any other POST path too): the CloudBase API the SDK speaks; body `{ action, ... }`.
 * Anything else is 404 NOT_FOUND.
 */
const ROUTES: readonly Route[] = [
  get('/_outbox', ({ req, res, outbox }) => {
    const touser = new URL(req.url ?? '/', 'http://local').searchParams.get('touser') ?? undefined;
    send(res, 200, { messages: outbox.list(touser) });
  }),
  get('/health', ({ res, deps }) => send(res, 200, { ok: true, env: deps.db.env })),
  get('/_stats', ({ res, deps }) => send(res, 200, deps.stats.toJSON())),
  { path: '/_storage/*', body: 'raw', handle: ({ req, res, deps }) => deps.storage.serve(req, res) },
  {
    methods: ['GET', 'HEAD'],
    path: httpRouteOf,
    body: 'raw',
    handle: ({ req, res, param, deps }) => serveHttpFunction(param, req, res, deps.functions, deps.stats, deps.db.env),
  },
  {
    methods: ['POST'],
    path: '/functions/*',
    guard: crossOriginOrNotJson,
    body: 'json',
    handle: ({ param, body, res, deps }) => invokeFunction(decodeURIComponent(param), body, res, deps),
  },
  admin('/_admin/reset', ({ res, deps, outbox }) => {
    if (!deps.allowReset) return send(res, 403, { error: { code: 'FORBIDDEN', message: 'start with allowReset to enable' } });
    deps.tx.clear();
    outbox.clear();
    deps.db.reset();
    deps.storage.reset();
    send(res, 200, { ok: true });
  }),
  admin('/_admin/load', ({ body, res, deps }) => {
    // Bulk load for `npm run seed`: { collection, docs: EJSON strings }; one atomic commit.
    if (typeof body.collection !== 'string' || !Array.isArray(body.docs))
      return send(res, 400, { error: { code: 'INVALID_PARAM', message: 'collection and docs[] required' } });
    try {
      const docs = body.docs.map((d) => (typeof d === 'string' ? decodeStoredDoc(d) : d) as Doc);
      send(res, 200, { ok: true, written: deps.db.load(body.collection, docs) });
    } catch (e) {
      const err = toCloudError(e);
      send(res, 409, { error: { code: err.code, message: err.message } });
    }
  }),
  admin('/_admin/timer', async ({ body, res, deps }) => {
    // Fire a timer trigger as CloudBase does (TRIGGER_SRC=timer): `{ name, triggerName }`.
    if (!deps.functions) return send(res, 404, { error: { code: 'FUNCTIONS_DISABLED', message: 'no functions directory configured' } });
    if (typeof body.name !== 'string' || typeof body.triggerName !== 'string')
      return send(res, 400, { error: { code: 'INVALID_PARAM', message: 'name and triggerName required' } });
    deps.stats.countFunction(body.name);
    const out = await deps.functions.fireTimer(body.name, body.triggerName);
    if (out.ok) return sendResult(res, out.json);
    send(res, out.error.code === 'FUNCTION_NOT_FOUND' ? 404 : 500, { error: out.error });
  }),
  admin('/_admin/collections', ({ body, res, deps }) => {
    const name = body.name;
    if (typeof name !== 'string' || !name) return send(res, 400, { error: { code: 'INVALID_PARAM', message: 'name required' } });
    send(res, 200, { ok: true, created: deps.db.createCollection(name) });
  }),
  admin('/_admin/*', ({ res, path }) => notFound(res, 'POST', path)),
  { methods: ['POST'], path: (path) => path, body: 'raw', handle: cloudBaseApi },
];

function matchPath(pattern: Route['path'], path: string): string | undefined {
  if (typeof pattern === 'function') return pattern(path);
  if (pattern.endsWith('/*')) {
    const prefix = pattern.slice(0, -1);
    return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
  }
  return path === pattern ? '' : undefined;
}

export function createLocalCloudServer(deps: ServerDeps): Server {
  // subscribeMessage.send's outbox (openapi.ts): what each person would have been sent, for the preview.
  const outbox = new Outbox();
  return createServer((req, res) => {
    handle(req, res, deps, outbox).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { error: { code: 'INTERNAL', message: String(e) } });
      else res.destroy();
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: ServerDeps, outbox: Outbox): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]!;
  const method = req.method ?? 'GET';
  for (const route of ROUTES) {
    if (route.methods && !route.methods.includes(method)) continue;
    const param = matchPath(route.path, path);
    if (param === undefined) continue;
    const refused = route.guard?.(req);
    if (refused) {
      req.resume();
      return send(res, refused.status, { error: { code: refused.code, message: refused.message } });
    }
    let body: Params = {};
    if (route.body === 'json') {
      try {
        body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Params;
      } catch (e) {
        return send(res, 400, { error: { code: 'INVALID_JSON', message: String(e) } });
      }
    }
    return route.handle({ req, res, path, param, body, deps, outbox });
  }
  notFound(res, method, path);
}

function notFound(res: ServerResponse, method: string, path: string): void {
  send(res, 404, { error: { code: 'NOT_FOUND', message: `${method} ${path}` } });
}

/**
 * The CloudBase API the SDK speaks (any POST path not routed above): JSON `{ action, ... }`, or the
 * multipart/form-data cloud.openapi.* posts (action, apiName, requestData as protobuf bytes).
 */
async function cloudBaseApi({ req, res, deps, outbox }: RouteContext): Promise<void> {
  let body: Params;
  try {
    const raw = await readBody(req);
    const text = raw.toString('utf8');
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      const parts = multipartParts(raw, contentType);
      if (parts.get('action')?.toString('utf8') === 'wx.openApi' && parts.get('apiName')?.toString('utf8') === 'subscribeMessage.send') {
        deps.stats.countAction('wx.openApi');
        const reply = subscribeMessageSend(outbox, decodeOpenApiData(parts.get('requestData') ?? Buffer.alloc(0)));
        const bytes = encodeOpenApiResponse(reply);
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
        res.end(bytes);
        return;
      }
    }
    body = contentType.startsWith('multipart/form-data')
      ? multipartFields(text, ['action', 'apiName'])
      : (JSON.parse(text || '{}') as Params);
  } catch (e) {
    return send(res, 400, { error: { code: 'INVALID_JSON', message: String(e) } });
  }
  return apiRequest(body, res, deps);
}

/** One request of the CloudBase API; errors use its `{ code, message, requestId }` shape (HTTP 200). */
async function apiRequest(body: Params, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const requestId = randomUUID();
  const action = typeof body.action === 'string' ? body.action : '';
  try {
    if (action.startsWith('database.')) {
      deps.stats.countAction(action);
      const handler = databaseActions[action];
      if (!handler) throw new CloudError('DATABASE_INVALID_OPERRATOR', `action ${action} is not supported by the local cloud`);
      return send(res, 200, { requestId, ...handler(body, deps) });
    }
    if (action.startsWith('storage.')) {
      const handler = deps.storage.actions[action];
      if (!handler) throw new CloudError('INVALID_PARAM', `action ${action} is not supported by the local cloud`);
      return send(res, 200, { requestId, ...handler(body) });
    }
    if (action === 'functions.invokeFunction') {
      // cloud.callFunction from inside a function. The caller identity is not propagated locally.
      if (!deps.functions) throw new CloudError('FUNCTIONS_REQUEST_FAIL', 'no functions directory configured');
      const name = String(body.function_name);
      const data = typeof body.request_data === 'string' ? (JSON.parse(body.request_data) as unknown) : {};
      deps.stats.countFunction(name);
      const out = await deps.functions.invoke(name, data, {});
      if (!out.ok) throw new CloudError('FUNCTIONS_EXECUTE_FAIL', out.error.message);
      return send(res, 200, {
        requestId,
        data: { response_data: out.json },
      });
    }
    if (action.startsWith('wx.')) {
      // cloud.openapi.* / cloudPay: the WeChat open API cannot be reached locally; callers must fall back.
      res.setHeader('content-type', 'application/json; charset=utf-8');
      return send(res, 200, {
        requestId,
        code: 'SYS_ERR',
        message: `openapi not available locally (${action})`,
      });
    }
    throw new CloudError('INVALID_PARAM', `action ${action || '(none)'} is not supported by the local cloud`);
  } catch (e) {
    const err = toCloudError(e);
    if (action.startsWith('database.')) deps.stats.databaseErrors++;
    return send(res, 200, { requestId, code: err.code, message: err.message });
  }
}

async function invokeFunction(name: string, body: Params, res: ServerResponse, deps: ServerDeps): Promise<void> {
  if (!deps.functions)
    return send(res, 404, {
      error: {
        code: 'FUNCTIONS_DISABLED',
        message: 'no functions directory configured',
      },
    });
  if (body.openid !== undefined && typeof body.openid !== 'string') {
    return send(res, 400, {
      error: { code: 'INVALID_PARAM', message: 'openid must be a string' },
    });
  }
  deps.stats.countFunction(name);
  const out = await deps.functions.invoke(name, body.data ?? {}, {
    openid: body.openid as string | undefined,
    appid: typeof body.appid === 'string' ? body.appid : undefined,
    unionid: typeof body.unionid === 'string' ? body.unionid : undefined,
  });
  if (out.ok) return sendResult(res, out.json);
  return send(res, out.error.code === 'FUNCTION_NOT_FOUND' ? 404 : 500, {
    error: out.error,
  });
}

function multipartFields(text: string, names: string[]): Params {
  const out: Params = {};
  for (const n of names) {
    const m = new RegExp(`name="${n}"\\r?\\n\\r?\\n([^\\r\\n]*)`).exec(text);
    if (m) out[n] = m[1];
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, JSON.stringify(body));
}

/** `{ result }` of an invocation, its JSON text spliced in as the instance wrote it. */
function sendResult(res: ServerResponse, json: string): void {
  sendText(res, 200, `{"result":${json}}`);
}

/** A JSON answer already written as text. */
function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}
