import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { databaseActions, type Params } from './actions';
import type { DocumentDb } from './collections';
import { CloudError, toCloudError } from './errors';
import type { FunctionPool } from './functions';
import { httpRouteOf, serveHttpFunction } from './http-access';
import { MAX_REQUEST_BYTES } from './limits';
import { adminRefusal, crossOriginOrNotJson } from './origin-guard';
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

/**
 * Routes:
 * - `POST /admin` (any other POST path too): the CloudBase API the SDK speaks; body `{ action, ... }`.
 * - `/_storage/*`: cloud storage's upload (PUT) and download (GET) URLs, signed (see storage.ts).
 * - `POST /functions/<name>` body `{ openid, data }` → `{ result }` (like wx.cloud.callFunction).
 * - `GET /open/v1/*`: the HTTP access service in front of the `open` function (http-access.ts).
 * - `GET /health`, `GET /_stats`, `POST /_admin/collections` `{ name }`, `POST /_admin/reset` (opt-in),
 *   `POST /_admin/load` `{ collection, docs }` (bulk insert-or-replace, EJSON strings; for `npm run seed`),
 *   `POST /_admin/timer` `{ name, triggerName }` (fire a timer trigger, TRIGGER_SRC=timer).
 *   The `/_admin/*` routes are not CloudBase API and do not count in `/_stats`; they answer only
 *   loopback connections, same-origin, with a JSON body (origin-guard.ts), whatever --host says.
 */
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
  if (req.method === 'GET' && path === '/_outbox') {
    const touser = new URL(req.url ?? '/', 'http://local').searchParams.get('touser') ?? undefined;
    return send(res, 200, { messages: outbox.list(touser) });
  }
  if (req.method === 'GET' && path === '/health') return send(res, 200, { ok: true, env: deps.db.env });
  if (req.method === 'GET' && path === '/_stats') return send(res, 200, deps.stats.toJSON());
  if (path.startsWith('/_storage/')) return deps.storage.serve(req, res);
  const httpFunction = (req.method === 'GET' || req.method === 'HEAD') && httpRouteOf(path);
  if (httpFunction) return serveHttpFunction(httpFunction, req, res, deps.functions, deps.stats, deps.db.env);
  if (req.method !== 'POST')
    return send(res, 404, {
      error: { code: 'NOT_FOUND', message: `${req.method} ${path}` },
    });
  if (path.startsWith('/_admin/') || path.startsWith('/functions/')) {
    // Not CloudBase API: same-origin JSON only, and /_admin/* this machine only (origin-guard.ts).
    const refused = path.startsWith('/_admin/') ? adminRefusal(req) : crossOriginOrNotJson(req);
    if (refused) {
      req.resume();
      return send(res, refused.status, { error: { code: refused.code, message: refused.message } });
    }
  }

  let body: Params;
  try {
    const raw = await readBody(req);
    const text = raw.toString('utf8');
    const contentType = req.headers['content-type'] ?? '';
    // cloud.openapi.* posts multipart/form-data (action, apiName, requestData as protobuf bytes).
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
    return send(res, 400, {
      error: { code: 'INVALID_JSON', message: String(e) },
    });
  }

  if (path.startsWith('/functions/')) return invokeFunction(decodeURIComponent(path.slice(11)), body, res, deps);
  if (path === '/_admin/reset') {
    if (!deps.allowReset)
      return send(res, 403, {
        error: {
          code: 'FORBIDDEN',
          message: 'start with allowReset to enable',
        },
      });
    deps.tx.clear();
    outbox.clear();
    deps.db.reset();
    deps.storage.reset();
    return send(res, 200, { ok: true });
  }
  if (path === '/_admin/load') {
    // Bulk load for `npm run seed`: { collection, docs: EJSON strings }; one atomic commit.
    if (typeof body.collection !== 'string' || !Array.isArray(body.docs))
      return send(res, 400, { error: { code: 'INVALID_PARAM', message: 'collection and docs[] required' } });
    try {
      const docs = body.docs.map((d) => (typeof d === 'string' ? decodeStoredDoc(d) : d) as Doc);
      return send(res, 200, { ok: true, written: deps.db.load(body.collection, docs) });
    } catch (e) {
      const err = toCloudError(e);
      return send(res, 409, { error: { code: err.code, message: err.message } });
    }
  }
  if (path === '/_admin/timer') {
    // Fire a timer trigger as CloudBase does (TRIGGER_SRC=timer): `{ name, triggerName }`.
    if (!deps.functions) return send(res, 404, { error: { code: 'FUNCTIONS_DISABLED', message: 'no functions directory configured' } });
    if (typeof body.name !== 'string' || typeof body.triggerName !== 'string')
      return send(res, 400, { error: { code: 'INVALID_PARAM', message: 'name and triggerName required' } });
    deps.stats.countFunction(body.name);
    const out = await deps.functions.fireTimer(body.name, body.triggerName);
    if (out.ok) return send(res, 200, { result: out.result ?? null });
    return send(res, out.error.code === 'FUNCTION_NOT_FOUND' ? 404 : 500, { error: out.error });
  }
  if (path === '/_admin/collections') {
    const name = body.name;
    if (typeof name !== 'string' || !name)
      return send(res, 400, {
        error: { code: 'INVALID_PARAM', message: 'name required' },
      });
    return send(res, 200, {
      ok: true,
      created: deps.db.createCollection(name),
    });
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
      if (!handler)
        throw new CloudError('DATABASE_INVALID_OPERRATOR', `action ${action} is not supported by the local cloud`);
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
        data: { response_data: JSON.stringify(out.result) },
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
  if (out.ok) return send(res, 200, { result: out.result ?? null });
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
  const text = JSON.stringify(body);
  res.statusCode = status;
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}
