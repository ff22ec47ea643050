/**
 * The local cloud and the preview are not an open door (issue 19): their own endpoints refuse
 * cross-origin and non-JSON requests (what a `no-cors` fetch from any website can send), the
 * local cloud's /_admin/* answers only this machine whatever --host says, the preview open to the
 * LAN locks its caller switch behind a token, and only the local cloud itself fires timers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../localcloud';
import { adminRefusal } from '../../localcloud/origin-guard';
import { startPreviewServer, type PreviewServer } from '../../preview/server';
import { isTimerInvocation } from '../../server/handler';

const root = join(__dirname, '..', '..');
let dataDir: string;
let lc: LocalCloud;
let lanCloud: LocalCloud;
let lanDir: string;

const CITY = 'oCityGuard000001';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hegang-guard-'));
  lanDir = await mkdtemp(join(tmpdir(), 'hegang-guard-lan-'));
  lc = await startLocalCloud({ port: 0, dataDir, functionsDir: join(root, 'cloudfunctions'), allowReset: true });
  lanCloud = await startLocalCloud({ port: 0, host: '0.0.0.0', dataDir: lanDir, allowReset: true });
  await post(lc.url, '/_admin/load', {
    collection: 'staff',
    docs: [{ _id: 's1', openid: CITY, name: '市级', role: 'city', active: true }],
  });
});
afterAll(async () => {
  await lc?.close();
  await lanCloud?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(lanDir, { recursive: true, force: true });
});

function post(base: string, path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(`${base}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const staffCount = () => lc.db.collection('staff').size;

describe('local cloud /_admin/* and /functions/*', () => {
  const load = { collection: 'staff', docs: [{ _id: 'evil', openid: 'oEvil', name: '冒充', role: 'city', active: true }] };

  it('refuse a page of another origin and any body not declared JSON (what a no-cors fetch sends)', async () => {
    const before = staffCount();
    const noCors = await post(lc.url, '/_admin/load', JSON.stringify(load), {
      'content-type': 'text/plain;charset=UTF-8',
      origin: 'https://evil.example',
    });
    expect(noCors.status).toBe(403);
    const plain = await post(lc.url, '/_admin/load', JSON.stringify(load), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect(((await plain.json()) as any).error.code).toBe('NOT_JSON');
    const json = await post(lc.url, '/_admin/load', load, { 'content-type': 'application/json', origin: 'http://evil.example' });
    expect(((await json.json()) as any).error.code).toBe('CROSS_ORIGIN');
    const site = await post(lc.url, '/_admin/reset', {}, { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' });
    expect(site.status).toBe(403);
    expect(staffCount()).toBe(before);
    const fn = await post(lc.url, '/functions/staff', JSON.stringify({ openid: CITY, data: { action: 'districtStats' } }), {
      'content-type': 'text/plain',
    });
    expect(fn.status).toBe(415);
    const fnOrigin = await post(
      lc.url,
      '/functions/staff',
      { openid: CITY, data: { action: 'districtStats' } },
      { 'content-type': 'application/json', origin: 'https://evil.example' },
    );
    expect(fnOrigin.status).toBe(403);
    // The same-origin JSON request still works.
    const ok = await post(lc.url, '/functions/staff', { openid: CITY, data: { action: 'districtStats' } });
    expect(((await ok.json()) as any).result.ok).toBe(true);
  });

  it('an unknown /_admin/* path is refused by the guard first, then 404 (never the CloudBase API)', async () => {
    const refused = await post(lc.url, '/_admin/nope', { action: 'database.queryDocument' }, { 'content-type': 'text/plain' });
    expect(refused.status).toBe(415);
    const unknown = await post(lc.url, '/_admin/nope', { action: 'database.queryDocument' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).error).toEqual({ code: 'NOT_FOUND', message: 'POST /_admin/nope' });
    const get = await fetch(`${lc.url}/_admin/load`);
    expect(get.status).toBe(404);
    expect(((await get.json()) as any).error).toEqual({ code: 'NOT_FOUND', message: 'GET /_admin/load' });
  });

  it('answer only loopback connections and loopback host names, whatever --host says', async () => {
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (lan) {
      const res = await post(`http://${lan}:${lanCloud.port}`, '/_admin/reset', {});
      expect(res.status).toBe(403);
      expect(((await res.json()) as any).error.code).toBe('LOOPBACK_ONLY');
    }
    // DNS rebinding: a page of evil.example resolved to 127.0.0.1 is same-origin with itself, but not a loopback name.
    const rebound = await fetch(`${lanCloud.url.replace('0.0.0.0', '127.0.0.1')}/_admin/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: 'evil.example', origin: 'http://evil.example' },
      body: '{}',
    });
    expect(rebound.status).toBe(403);
    const fake = (remoteAddress: string) =>
      ({
        socket: { remoteAddress },
        headers: { host: '127.0.0.1:3900', 'content-type': 'application/json' },
      }) as unknown as IncomingMessage;
    expect(adminRefusal(fake('192.168.1.20'))?.code).toBe('LOOPBACK_ONLY');
    expect(adminRefusal(fake('::ffff:10.0.0.3'))?.code).toBe('LOOPBACK_ONLY');
    expect(adminRefusal(fake('127.0.0.1'))).toBeUndefined();
    expect(adminRefusal(fake('::1'))).toBeUndefined();
    const rebinding = {
      socket: { remoteAddress: '127.0.0.1' },
      headers: { host: 'evil.example:3900', origin: 'http://evil.example:3900', 'content-type': 'application/json' },
    };
    expect(adminRefusal(rebinding as unknown as IncomingMessage)?.code).toBe('LOOPBACK_ONLY');
  });

  it('fires timers itself (TRIGGER_SRC=timer); the timer event sent by a caller is refused', async () => {
    const fired = await post(lc.url, '/_admin/timer', { name: 'staff', triggerName: 'dailyRateSnapshot' });
    const body = (await fired.json()) as any;
    expect(body.result).toMatchObject({ ok: true, data: { snapshot: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    const snapshots = lc.db.collection('rateSnapshots').size;
    const forged = await post(lc.url, '/functions/staff', {
      openid: '',
      data: { Type: 'Timer', TriggerName: 'dailyRateSnapshot', Time: new Date().toISOString() },
    });
    expect(((await forged.json()) as any).result.error.code).toBe('NOT_A_TIMER');
    expect(lc.db.collection('rateSnapshots').size).toBe(snapshots);
    const ev = { Type: 'Timer', TriggerName: 'dailyRateSnapshot' };
    expect(isTimerInvocation(ev, { openid: '', appid: '' }, { TRIGGER_SRC: 'timer' })).toBe(true);
    expect(isTimerInvocation(ev, { openid: '', appid: '' }, {})).toBe(false);
    expect(isTimerInvocation(ev, { openid: 'oUser', appid: '' }, { TRIGGER_SRC: 'timer' })).toBe(false);
    expect(isTimerInvocation({ action: 'x' }, { openid: '', appid: '' }, { TRIGGER_SRC: 'timer' })).toBe(false);
  });
});

describe('preview function proxy', () => {
  const callers = [
    { key: 'merchant', label: '商户', openid: 'oMerchantDemo01' },
    { key: 'city', label: '市级管理员', openid: CITY },
  ];
  let local: PreviewServer;
  let lan: PreviewServer;
  beforeAll(async () => {
    const opts = {
      port: 0,
      cloudUrl: () => lc.url,
      miniprogramDir: join(root, 'build', 'miniprogram'),
      callers,
      defaultCaller: 'merchant',
    };
    local = await startPreviewServer(opts);
    lan = await startPreviewServer({ ...opts, host: '0.0.0.0' });
  }, 60_000);
  afterAll(async () => {
    await local?.close();
    await lan?.close();
  });

  const call = (base: string, openid: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    post(base, '/__preview/functions/staff', JSON.stringify({ openid, data: { action: 'districtStats' } }), headers);

  it('refuses cross-origin and non-JSON requests', async () => {
    expect((await call(local.url, CITY, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await call(local.url, CITY, { 'content-type': 'application/json', origin: 'https://evil.example' })).status).toBe(403);
    const ok = await call(local.url, CITY, { 'content-type': 'application/json', origin: local.url });
    expect(((await ok.json()) as any).result.ok).toBe(true);
    expect(local.callerToken).toBeUndefined();
  });

  it('open to the LAN, switches callers only with the token printed at start', async () => {
    const base = lan.url.replace('0.0.0.0', '127.0.0.1');
    expect(lan.callerToken).toMatch(/^[0-9a-f]{24}$/);
    const locked = await call(base, CITY);
    expect(locked.status).toBe(403);
    expect(((await locked.json()) as any).error.code).toBe('CALLER_LOCKED');
    const asDefault = await call(base, 'oMerchantDemo01');
    expect(asDefault.status).toBe(200);
    const wrong = await call(base, CITY, { 'content-type': 'application/json', 'x-preview-token': 'guess' });
    expect(wrong.status).toBe(403);
    const unlocked = await call(base, CITY, { 'content-type': 'application/json', 'x-preview-token': lan.callerToken! });
    expect(((await unlocked.json()) as any).result.ok).toBe(true);
    const config = (await (await fetch(`${base}/__preview/config.json`)).json()) as any;
    expect(config.callerSwitch).toBe('token');
  });
});
