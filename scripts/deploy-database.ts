/**
 * `npm run deploy:database [-- --dry-run]`: creates every collection and its indexes in the
 * CloudBase environment, from localcloud/indexes.json (the same file the local cloud enforces),
 * through WeChat's cloud-development HTTP API (tcb/databasecollectionadd, tcb/updateindex).
 * Needs ENV_ID, WX_APPID, WX_APPSECRET (see deploy/env.example). Safe to re-run: an existing
 * collection or index is reported and skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMain } from './is-main';

export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface PlannedRequest {
  path: '/tcb/databasecollectionadd' | '/tcb/updateindex';
  body: Record<string, unknown>;
}

export function readIndexFile(file = join(__dirname, '..', 'localcloud', 'indexes.json')): Record<string, IndexSpec[]> {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('$'))) as Record<string, IndexSpec[]>;
}

/** The requests, in order: each collection, then its indexes. */
export function planDatabase(env: string, indexes: Record<string, IndexSpec[]>): PlannedRequest[] {
  return Object.entries(indexes).flatMap(([collection, specs]): PlannedRequest[] => [
    { path: '/tcb/databasecollectionadd', body: { env, collection_name: collection } },
    ...(specs.length === 0
      ? []
      : [
          {
            path: '/tcb/updateindex' as const,
            body: {
              env,
              collection_name: collection,
              create_indexes: specs.map((s) => ({
                name: s.name,
                unique: Boolean(s.unique),
                keys: Object.entries(s.keys).map(([name, dir]) => ({ name, direction: String(dir) })),
              })),
              drop_indexes: [],
            },
          },
        ]),
  ]);
}

const API = 'https://api.weixin.qq.com';
/** errcodes meaning "already there": re-running the deployment is fine. */
const ALREADY_EXISTS = /exist|duplicate|已存在/i;

async function accessToken(appid: string, secret: string): Promise<string> {
  const res = await fetch(`${API}/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`);
  const body = (await res.json()) as { access_token?: string; errcode?: number; errmsg?: string };
  if (!body.access_token) throw new Error(`获取 access_token 失败：${body.errcode} ${body.errmsg}`);
  return body.access_token;
}

async function main(argv: string[]): Promise<number> {
  const env = process.env.ENV_ID;
  if (!env) {
    process.stderr.write('请设置 ENV_ID（云开发环境ID），见 deploy/env.example\n');
    return 2;
  }
  const plan = planDatabase(env, readIndexFile());
  if (argv.includes('--dry-run')) {
    for (const r of plan) process.stdout.write(`${JSON.stringify(r)}\n`);
    return 0;
  }
  const { WX_APPID: appid, WX_APPSECRET: secret } = process.env;
  if (!appid || !secret) {
    process.stderr.write('请设置 WX_APPID 与 WX_APPSECRET，或使用 --dry-run 查看将执行的请求\n');
    return 2;
  }
  const token = await accessToken(appid, secret);
  let failures = 0;
  for (const r of plan) {
    const res = await fetch(`${API}${r.path}?access_token=${token}`, { method: 'POST', body: JSON.stringify(r.body) });
    const body = (await res.json()) as { errcode: number; errmsg: string };
    const label = `${r.path} ${String(r.body.collection_name)}`;
    if (body.errcode === 0) process.stdout.write(`完成 ${label}\n`);
    else if (ALREADY_EXISTS.test(body.errmsg)) process.stdout.write(`已存在 ${label}\n`);
    else {
      failures++;
      process.stderr.write(`失败 ${label}：${body.errcode} ${body.errmsg}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}

if (isMain(__filename)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
