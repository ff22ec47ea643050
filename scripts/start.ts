/**
 * `npm start`: everything on one machine. Builds, starts the local cloud (functions + database,
 * data kept in .localcloud/data), seeds the demo data into an empty database, and serves the
 * mini-program preview. Flags (or env): --port/PREVIEW_PORT (3901), --cloud-port/LOCAL_CLOUD_PORT
 * (3900), --host (the preview's interface), --data, --no-build, --no-seed. Ctrl-C closes cleanly.
 *
 * Printed codes point at the preview (CODE_URL_PREFIX=<preview>/c/ unless set), so opening a code's
 * URL in a browser is "scanning" it.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalCloud, type LocalCloud } from '../localcloud/index';
import { startPreviewServer, type Caller, type PreviewServer } from '../preview/server';
import { chinaDate } from '../core/rates';
import { buildAll } from './build';
import { isMain } from './is-main';
import { DEMO_OPENIDS, seed } from './seed';

const root = join(__dirname, '..');

/** Who the preview can call as: the people the demo data (scripts/seed.ts, scripts/seed/demo.ts) creates. */
export const DEMO_CALLERS: Caller[] = [
  { key: 'merchant', label: '商户', openid: DEMO_OPENIDS.merchant },
  { key: 'public', label: '公众', openid: '' },
  { key: 'district', label: '区县工作人员（向阳区）', openid: DEMO_OPENIDS.district('230402') },
  { key: 'city', label: '市级管理员', openid: DEMO_OPENIDS.city },
  { key: 'department', label: '行管部门（市场监管）', openid: DEMO_OPENIDS.department },
  { key: 'reporter', label: '公众（举报人）', openid: 'oDemoReporter0001' },
];

export interface StartOptions {
  /** Preview port; 0 picks a free one. Default 3901. */
  port?: number;
  /** Local cloud port; 0 picks a free one. Default 3900. */
  cloudPort?: number;
  /** Interface the preview listens on (default 127.0.0.1; 0.0.0.0 lets a phone on the LAN open it). The local cloud stays on 127.0.0.1. */
  host?: string;
  /** Default .localcloud/data. */
  dataDir?: string;
  /** Run `npm run build` first (default true). */
  build?: boolean;
  /** Seed the demo data when the database is empty (default true). */
  seed?: boolean;
  log?: (line: string) => void;
}

export interface Running {
  previewUrl: string;
  /** Set when the preview listens beyond loopback: the token that unlocks its caller switch. */
  callerToken?: string;
  cloudUrl: string;
  cloud: LocalCloud;
  close(): Promise<void>;
}

function isEmpty(cloud: LocalCloud): boolean {
  return cloud.db.collectionNames().every((c) => cloud.db.collection(c).size === 0);
}

export async function start(options: StartOptions = {}): Promise<Running> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (options.build !== false) await buildAll();
  let cloud: LocalCloud | undefined;
  const preview: PreviewServer = await startPreviewServer({
    port: options.port ?? 3901,
    host: options.host,
    cloudUrl: () => cloud?.url ?? '',
    miniprogramDir: join(root, 'build', 'miniprogram'),
    callers: DEMO_CALLERS,
    defaultCaller: 'merchant',
  });
  // Function instances copy process.env when they start, so this reaches every function.
  process.env.CODE_URL_PREFIX ??= `${preview.url}/c/`;
  // Locally every kind of message has a template, so each reaches the local cloud's outbox (the preview's 消息 panel).
  process.env.SUBSCRIBE_TEMPLATES ??= readFileSync(join(root, 'deploy', 'subscribe-templates.example.json'), 'utf8');
  try {
    cloud = await startLocalCloud({
      port: options.cloudPort ?? 3900,
      dataDir: resolve(options.dataDir ?? join(root, '.localcloud', 'data')),
      functionsDir: join(root, 'cloudfunctions'),
    });
  } catch (e) {
    await preview.close();
    throw e;
  }
  if (options.seed !== false && isEmpty(cloud)) {
    // Today in Hegang: the date the demo snapshots lead up to.
    const counts = await seed({ url: cloud.url }, chinaDate(new Date()));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    log(`seeded the demo data into the empty database: ${total} documents`);
  }
  const running = cloud;
  return {
    previewUrl: preview.url,
    ...(preview.callerToken !== undefined ? { callerToken: preview.callerToken } : {}),
    cloudUrl: running.url,
    cloud: running,
    async close() {
      await preview.close();
      await running.close();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PREVIEW_PORT ?? '3901' },
      'cloud-port': { type: 'string', default: process.env.LOCAL_CLOUD_PORT ?? '3900' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: '.localcloud/data' },
      'no-build': { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
    },
  });
  const running = await start({
    port: Number(values.port),
    cloudPort: Number(values['cloud-port']),
    host: values.host,
    dataDir: values.data,
    build: !values['no-build'],
    seed: !values['no-seed'],
  });
  const lines = [
    '',
    `  小程序预览  ${running.previewUrl}`,
    `  本地云      ${running.cloudUrl}  (functions: POST /functions/<name> {openid, data})`,
    `  诚信码网址  ${process.env.CODE_URL_PREFIX}<码号>?v=<版本>`,
    '',
    '  演示调用者（预览页左侧切换，或在地址加 ?caller=<openid>）:',
    ...DEMO_CALLERS.map((c) => `    ${c.openid ? `openid ${c.openid}` : '（匿名）'}  ${c.label}`),
    ...(running.callerToken
      ? [
          '',
          `  预览对局域网开放：切换调用者需要口令，打开 ${running.previewUrl}/?token=${running.callerToken}（否则只能以默认调用者身份操作）`,
        ]
      : []),
    '',
    '  Ctrl-C 退出',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  let closing = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (closing) return;
      closing = true;
      void running.close().then(() => process.exit(0));
    });
  }
}

if (isMain(__filename)) {
  main().catch((e: unknown) => {
    const err = e as NodeJS.ErrnoException & { port?: number };
    if (err.code === 'EADDRINUSE') {
      process.stderr.write(`端口 ${err.port ?? ''} 已被占用（也许 npm start 已在运行）：可用 --port / --cloud-port 换一个端口\n`);
    } else process.stderr.write(`${String(e instanceof Error ? e.stack : e)}\n`);
    process.exit(1);
  });
}
