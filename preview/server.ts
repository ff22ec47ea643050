/**
 * The preview's HTTP server: the page shell, the bundled browser client, the compiled
 * mini-program as one JSON file map, a same-origin proxy to the local cloud's functions, cloud
 * storage (upload, and fileIDs as images) through the real SDK, and `/c/<codeId>?v=N` — the URL a printed 诚信码 carries when CODE_URL_PREFIX points here — which
 * opens the verify page as the public would after scanning.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import { crossOrigin, crossOriginOrNotJson, isLoopbackAddress } from '../localcloud/origin-guard';
import { connectSdk, type SdkConnection } from '../localcloud/sdk';
import { buildPreviewClient } from './build-client';

export interface Caller {
  key: string;
  label: string;
  openid: string;
}

export interface PreviewServerOptions {
  /** Default 3901; 0 picks a free port. */
  port?: number;
  host?: string;
  /** The local cloud's base URL (read per request, so the cloud may start after the preview). */
  cloudUrl: () => string;
  /** The compiled mini-program (build/miniprogram). */
  miniprogramDir: string;
  callers: Caller[];
  defaultCaller: string;
  /** The page `/c/<codeId>` opens. */
  verifyPage?: string;
  /**
   * Listening beyond loopback (a phone on the LAN), the caller switch is locked: calls act as the
   * default caller unless they carry this token (x-preview-token; the page takes it from `?token=`).
   * Default: a random token, printed at start.
   */
  callerToken?: string;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** Set when the preview listens beyond loopback: the token that unlocks the caller switch. */
  callerToken?: string;
  close(): Promise<void>;
}

const TEXT_FILES = new Set(['.js', '.json', '.wxml', '.wxss', '.wxs']);
const STATIC_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};
const SHELL = join(__dirname, 'index.html');
const STYLES = join(__dirname, 'preview.css');
const CODE_PATH = /^\/c\/([0-9A-Za-z]{1,64})$/;

async function walk(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(path, root)));
    else if (TEXT_FILES.has(extname(e.name))) out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}

/** Every text file of the compiled mini-program, read fresh so a rebuild shows on reload. */
async function fileMap(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const path of await walk(dir)) files[path] = await readFile(join(dir, path), 'utf8');
  return files;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface ProxyGuard {
  /** When set, only the default caller may be used without this token. */
  token?: string;
  defaultOpenid: string;
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify({ error: { code, message } }));
}

async function proxyFunction(name: string, req: IncomingMessage, res: ServerResponse, cloudUrl: string, guard: ProxyGuard): Promise<void> {
  // A page of another website cannot call functions through us (origin-guard.ts).
  const refused = crossOriginOrNotJson(req);
  if (refused) {
    req.resume();
    return refuse(res, refused.status, refused.code, refused.message);
  }
  const body = await readBody(req);
  if (guard.token !== undefined && req.headers['x-preview-token'] !== guard.token) {
    let openid: unknown;
    try {
      openid = (JSON.parse(body.toString('utf8')) as { openid?: unknown }).openid;
    } catch {
      return refuse(res, 400, 'INVALID_JSON', 'body must be JSON');
    }
    if ((openid ?? '') !== guard.defaultOpenid) {
      return refuse(res, 403, 'CALLER_LOCKED', '预览对局域网开放时，切换身份需要启动时打印的口令（在地址后加 ?token=口令）');
    }
  }
  const upstream = await fetch(`${cloudUrl}/functions/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body.toString('utf8'),
  });
  send(res, upstream.status, 'application/json; charset=utf-8', Buffer.from(await upstream.arrayBuffer()));
}

/** The largest file the preview uploads (a compressed phone photo is well under this). */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Cloud storage for the pages, through the real wx-server-sdk: `wx.cloud.uploadFile` posts the
 * chosen file here, and `<image src="cloud://…">` loads `GET /__preview/storage?fileID=` which
 * fetches it from the local cloud's signed temp URL (as WeChat resolves a fileID itself).
 */
function storageRoutes(cloudUrl: () => string) {
  let sdk: { url: string; conn: SdkConnection } | undefined;
  const cloud = () => {
    const url = cloudUrl();
    if (sdk?.url !== url) sdk = { url, conn: connectSdk(url) };
    return sdk.conn.cloud;
  };
  return {
    async upload(req: IncomingMessage, res: ServerResponse, cloudPath: string): Promise<void> {
      const length = Number(req.headers['content-length'] ?? NaN);
      if (!(length <= MAX_UPLOAD_BYTES)) {
        req.resume();
        return send(res, 413, 'application/json; charset=utf-8', JSON.stringify({ error: { code: 'TOO_LARGE', message: '文件过大' } }));
      }
      const fileContent = await readBody(req);
      const { fileID } = (await cloud().uploadFile({ cloudPath, fileContent })) as { fileID: string };
      send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ fileID }));
    },
    async show(res: ServerResponse, fileID: string): Promise<void> {
      const got = (await cloud().getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL: string; status: number }> };
      const file = got.fileList[0];
      if (!file || file.status !== 0 || !file.tempFileURL) return send(res, 404, 'text/plain; charset=utf-8', `no such file: ${fileID}`);
      // Fetched here rather than redirected, so the browser needs to reach only the preview.
      const upstream = await fetch(encodeURI(file.tempFileURL));
      if (!upstream.ok) return send(res, 502, 'text/plain; charset=utf-8', `storage answered ${upstream.status}`);
      const type = STATIC_TYPES[extname(fileID).toLowerCase()] ?? 'application/octet-stream';
      send(res, 200, type, Buffer.from(await upstream.arrayBuffer()));
    },
  };
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const client = await buildPreviewClient();
  const verifyPage = options.verifyPage ?? 'pages/verify/verify';
  const host = options.host ?? '127.0.0.1';
  const beyondLoopback = !isLoopbackAddress(host) && host !== 'localhost';
  const guard: ProxyGuard = {
    token: beyondLoopback ? (options.callerToken ?? randomBytes(12).toString('hex')) : undefined,
    defaultOpenid: options.callers.find((c) => c.key === options.defaultCaller)?.openid ?? '',
  };
  const config = JSON.stringify({
    callers: options.callers,
    defaultCaller: options.defaultCaller,
    callerSwitch: guard.token ? 'token' : 'open',
  });
  const storage = storageRoutes(options.cloudUrl);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://preview');
    const path = url.pathname;
    if (req.method === 'POST' && path.startsWith('/__preview/functions/')) {
      return proxyFunction(decodeURIComponent(path.slice('/__preview/functions/'.length)), req, res, options.cloudUrl(), guard);
    }
    if (req.method === 'POST' && path === '/__preview/storage') {
      const refused = crossOrigin(req);
      if (refused) {
        req.resume();
        return refuse(res, refused.status, refused.code, refused.message);
      }
      return storage.upload(req, res, url.searchParams.get('cloudPath') ?? '');
    }
    if (req.method === 'GET' && path === '/__preview/storage') return storage.show(res, url.searchParams.get('fileID') ?? '');
    if (req.method === 'GET' && path === '/__preview/outbox') {
      // The local cloud's subscribe-message outbox for one person (the 消息 panel).
      const upstream = await fetch(`${options.cloudUrl()}/_outbox?touser=${encodeURIComponent(url.searchParams.get('touser') ?? '')}`);
      return send(res, upstream.status, 'application/json; charset=utf-8', Buffer.from(await upstream.arrayBuffer()));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (path === '/' || path === '/index.html') return send(res, 200, 'text/html; charset=utf-8', await readFile(SHELL));
    if (path === '/preview.css') return send(res, 200, 'text/css; charset=utf-8', await readFile(STYLES));
    if (path === '/preview.js') return send(res, 200, 'text/javascript; charset=utf-8', client);
    if (path === '/__preview/config.json') return send(res, 200, 'application/json; charset=utf-8', config);
    if (path === '/__preview/files.json') {
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(await fileMap(options.miniprogramDir)));
    }
    const code = CODE_PATH.exec(path);
    if (code) {
      // As WeChat's "扫普通链接二维码打开小程序" rule does: the verify page gets the scanned URL as
      // `q` (URL-encoded), and the scanner is a member of the public (anonymous caller).
      const v = url.searchParams.get('v');
      const scanned = `http://${req.headers.host ?? 'localhost'}/c/${code[1]!}${v !== null ? `?v=${v}` : ''}`;
      res.writeHead(302, { location: `/?caller=#/${verifyPage}?q=${encodeURIComponent(scanned)}` });
      return void res.end();
    }
    // Images the mini-program ships (`<image src="/images/x.png">`).
    const type = STATIC_TYPES[extname(path).toLowerCase()];
    const file = normalize(join(options.miniprogramDir, decodeURIComponent(path)));
    if (type && file.startsWith(options.miniprogramDir + sep)) {
      const bytes = await readFile(file).catch(() => undefined);
      if (bytes) return send(res, 200, type, bytes);
    }
    send(res, 404, 'text/plain; charset=utf-8', `not found: ${path}`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        send(res, 502, 'application/json; charset=utf-8', JSON.stringify({ error: { code: 'PREVIEW', message: String(e) } }));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3901, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    ...(guard.token !== undefined ? { callerToken: guard.token } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
