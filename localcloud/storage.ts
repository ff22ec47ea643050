/**
 * Cloud storage as @cloudbase/node-sdk (under wx-server-sdk) uses it:
 * - `uploadFile`: POST /admin `storage.getUploadMetadata {path}` → `data {url, authorization, token,
 *   fileId, cosFileId}`, then a PUT of the raw bytes to `url` (headers authorization, key, …); COS
 *   answers an empty body on success or an XML `<Error>` (Code, Message, RequestId, TraceId).
 * - `getTempFileURL` / `downloadFile`: `storage.batchGetDownloadUrl {file_list: [{fileid, max_age}]}` →
 *   `data.download_list [{fileID, tempFileURL, maxAge, code: 'SUCCESS' | <error code>}]`; downloadFile
 *   then GETs `encodeURI(tempFileURL)` and expects 200.
 * - `deleteFile`: `storage.batchDeleteFile {fileid_list}` → `data.delete_list [{fileID, code}]`.
 * Files live under `<dataDir>/storage/<cloudPath>`; fileIDs are `cloud://<env>.<bucket>/<cloudPath>`.
 * URLs are HMAC-signed with a per-process key and expire, like COS's; a restart invalidates old URLs.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve, sep } from 'node:path';
import type { ActionResult, Params } from './actions';
import { CloudError, invalidParam } from './errors';
import { STORAGE_MAX_UPLOAD_BYTES } from './limits';

/** Lifetime of an upload URL, and of a download URL when the caller gives no maxAge (seconds). */
const UPLOAD_URL_SECONDS = 600;
const DEFAULT_MAX_AGE = 86_400;

/** Why a cloudPath is refused, or undefined when it is a plain relative file path. */
export function cloudPathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || path === '') return 'cloudPath must be a non-empty string';
  if (Buffer.byteLength(path) > 1024) return 'cloudPath is longer than 1024 bytes';
  if (path.startsWith('/')) return 'cloudPath must be relative (no leading /)';
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(path)) return 'cloudPath contains a backslash or control character';
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) return 'cloudPath has an empty, . or .. segment';
  return undefined;
}

export class Storage {
  /** The emulator's own base URL; set once it listens (download and upload URLs point at it). */
  baseUrl = '';
  readonly bucket: string;
  private readonly root: string;
  private readonly uploads: string;
  private readonly key = randomBytes(32);

  constructor(
    dataDir: string,
    readonly env: string,
  ) {
    this.bucket = `${env}-1250000000`;
    this.root = resolve(dataDir, 'storage');
    this.uploads = resolve(dataDir, 'storage-uploads');
    mkdirSync(this.root, { recursive: true });
    rmSync(this.uploads, { recursive: true, force: true });
    mkdirSync(this.uploads, { recursive: true });
  }

  fileIdOf(path: string): string {
    return `cloud://${this.env}.${this.bucket}/${path}`;
  }

  /** The cloudPath of one of our fileIDs, or undefined (another env, bad shape, unsafe path). */
  pathOf(fileID: unknown): string | undefined {
    const prefix = `cloud://${this.env}.${this.bucket}/`;
    if (typeof fileID !== 'string' || !fileID.startsWith(prefix)) return undefined;
    const path = fileID.slice(prefix.length);
    return cloudPathProblem(path) ? undefined : path;
  }

  /** storage.* action handlers (POST /admin). */
  readonly actions: Record<string, (p: Params) => ActionResult> = {
    'storage.getUploadMetadata': (p) => {
      // The path is checked when the bytes arrive, where the SDK reports errors (an XML <Error>).
      if (typeof p.path !== 'string') throw invalidParam('path must be a string');
      const token = this.sign({ op: 'put', path: p.path, exp: nowSeconds() + UPLOAD_URL_SECONDS });
      return {
        data: {
          url: `${this.baseUrl}/_storage/upload/${token}`,
          token: '',
          authorization: token,
          fileId: this.fileIdOf(p.path),
          cosFileId: randomUUID(),
          download_url: '',
        },
      };
    },

    'storage.batchGetDownloadUrl': (p) => {
      if (!Array.isArray(p.file_list)) throw invalidParam('file_list must be an array');
      return {
        data: {
          download_list: p.file_list.map((f: { fileid?: unknown; max_age?: unknown }) => {
            const fileID = f?.fileid;
            const path = this.pathOf(fileID);
            if (path === undefined || !this.isFile(path)) return missing(fileID);
            const maxAge = typeof f.max_age === 'number' && f.max_age > 0 ? Math.floor(f.max_age) : DEFAULT_MAX_AGE;
            const sign = this.sign({ op: 'get', path, exp: nowSeconds() + maxAge });
            // Unencoded path, as CloudBase returns it: downloadFile applies encodeURI itself.
            return { fileID, tempFileURL: `${this.baseUrl}/_storage/${this.bucket}/${path}?sign=${sign}`, maxAge, code: 'SUCCESS' };
          }),
        },
      };
    },

    'storage.batchDeleteFile': (p) => {
      if (!Array.isArray(p.fileid_list)) throw invalidParam('fileid_list must be an array');
      // Synchronous so that the response is only sent once every listed file is gone.
      return {
        data: {
          delete_list: p.fileid_list.map((fileID: unknown) => {
            const path = this.pathOf(fileID);
            if (path === undefined || !this.isFile(path)) return missing(fileID);
            rmSync(this.fileOf(path));
            this.pruneSync(dirname(this.fileOf(path)));
            return { fileID, code: 'SUCCESS' };
          }),
        },
      };
    },
  };

  /** `/_storage/upload/<token>` (PUT) and `/_storage/<bucket>/<path>?sign=` (GET, HEAD). */
  async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localcloud');
    if (req.method === 'PUT' && url.pathname.startsWith('/_storage/upload/')) {
      return this.upload(req, res, url.pathname.slice('/_storage/upload/'.length));
    }
    const prefix = `/_storage/${this.bucket}/`;
    if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname.startsWith(prefix)) {
      let path: string;
      try {
        path = decodeURIComponent(url.pathname.slice(prefix.length));
      } catch {
        return xmlError(res, 400, 'InvalidURI', 'bad path encoding');
      }
      const claim = this.verify(url.searchParams.get('sign') ?? '');
      if (!claim || claim.op !== 'get' || claim.path !== path) return xmlError(res, 403, 'AccessDenied', 'bad or expired signature');
      if (cloudPathProblem(path) || !this.isFile(path)) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
      const file = this.fileOf(path);
      res.statusCode = 200;
      res.setHeader('content-type', 'application/octet-stream');
      res.setHeader('content-length', statSync(file).size);
      if (req.method === 'HEAD') return void res.end();
      await new Promise<void>((done, fail) => {
        createReadStream(file).on('error', fail).pipe(res).on('finish', done).on('error', fail);
      });
      return;
    }
    req.resume();
    return xmlError(res, 404, 'NoSuchResource', `${req.method} ${url.pathname}`);
  }

  /** Remove every stored file (`POST /_admin/reset`). */
  reset(): void {
    rmSync(this.root, { recursive: true, force: true });
    mkdirSync(this.root, { recursive: true });
  }

  private async upload(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
    const claim = this.verify(token);
    if (!claim || claim.op !== 'put') {
      req.resume();
      return xmlError(res, 403, 'SignatureDoesNotMatch', 'bad or expired upload signature');
    }
    const problem = cloudPathProblem(claim.path);
    if (problem) {
      req.resume();
      return xmlError(res, 400, 'InvalidObjectName', problem);
    }
    const target = this.fileOf(claim.path);
    const tmp = join(this.uploads, randomUUID());
    const fh = await open(tmp, 'w');
    try {
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > STORAGE_MAX_UPLOAD_BYTES) {
          req.destroy();
          throw new CloudError('EntityTooLarge', `files are limited to ${STORAGE_MAX_UPLOAD_BYTES} bytes locally`);
        }
        await fh.write(chunk);
      }
      await fh.sync();
      await fh.close();
      // Acknowledge only after the bytes and the directory entry are on disk.
      await mkdir(dirname(target), { recursive: true });
      if ((await stat(target).catch(() => undefined))?.isDirectory()) {
        throw new CloudError('InvalidObjectName', 'a folder of that name exists');
      }
      await rename(tmp, target);
      const dir = await open(dirname(target), 'r');
      await dir.sync().finally(() => dir.close());
      res.statusCode = 200;
      res.setHeader('content-length', 0);
      res.end();
    } catch (e) {
      await fh.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      const code = e instanceof CloudError ? e.code : 'InternalError';
      if (!res.headersSent) xmlError(res, code === 'InternalError' ? 500 : 400, code, e instanceof Error ? e.message : String(e));
    }
  }

  private fileOf(path: string): string {
    const file = resolve(this.root, path);
    if (!file.startsWith(this.root + sep)) throw invalidParam('path escapes the storage folder');
    return file;
  }

  private isFile(path: string): boolean {
    const file = this.fileOf(path);
    return existsSync(file) && statSync(file).isFile();
  }

  /** Remove empty folders left by a delete, so a later file may take their name. */
  private pruneSync(dir: string): void {
    for (let d = dir; d.startsWith(this.root + sep); d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        return;
      }
    }
  }

  private sign(claim: Claim): string {
    const body = Buffer.from(JSON.stringify(claim)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  private verify(token: string): Claim | undefined {
    const [body, mac] = token.split('.');
    if (!body || !mac) return undefined;
    const want = Buffer.from(this.mac(body));
    const got = Buffer.from(mac);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return undefined;
    const claim = JSON.parse(Buffer.from(body, 'base64url').toString()) as Claim;
    return claim.exp >= nowSeconds() ? claim : undefined;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

interface Claim {
  op: 'put' | 'get';
  path: string;
  exp: number;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function missing(fileID: unknown): Record<string, unknown> {
  return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: `storage file not exists: ${String(fileID)}` };
}

/** A COS-style XML error; the SDK reads Code, Message, RequestId and TraceId. */
function xmlError(res: ServerResponse, status: number, code: string, message: string): void {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const id = randomUUID();
  const body = `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${esc(code)}</Code><Message>${esc(message)}</Message><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`;
  res.statusCode = status;
  res.setHeader('content-type', 'application/xml');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}
