/**
 * Function invocation: `POST /functions/<name>` with `{ openid, data }` runs the function as that
 * caller, like wx.cloud.callFunction. The test function is real CommonJS using the real wx-server-sdk.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers';

const WHOAMI = `
const cloud = require('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
exports.main = async (event) => {
  const before = cloud.getWXContext().OPENID;
  // Yield to other invocations (a database round trip, then a timer) before reading the identity again.
  await db.collection('calls').add({ data: { openid: before || null, tag: event.tag } });
  await new Promise((r) => setTimeout(r, event.wait || 0));
  return { before, after: cloud.getWXContext().OPENID || null, tag: event.tag, env: cloud.getWXContext().ENV };
};
`;
const FAILS = `exports.main = async () => { throw new Error('坏了'); };`;
/** An instance's environment keeps env's rules; the answer travels as JSON. */
const ENVIRONMENT = `
exports.main = async (event) => {
  process.env.LOCAL_NUMBER = 5;
  const set = process.env.LOCAL_NUMBER;
  delete process.env.LOCAL_NUMBER;
  if (event.nothing) return undefined;
  return { set, type: typeof set, gone: process.env.LOCAL_NUMBER === undefined, keys: Object.keys(process.env).includes('TCB_ENV'), at: new Date(0), skipped: undefined };
};
`;
const VERSION = (n: number) => `exports.main = async () => ({ version: ${n} });`;

let fnDir: string;
let h: Harness;

function writeFunction(name: string, source: string): void {
  mkdirSync(join(fnDir, name), { recursive: true });
  writeFileSync(join(fnDir, name, 'index.js'), source);
}

beforeAll(async () => {
  fnDir = mkdtempSync(join(tmpdir(), 'localcloud-fn-'));
  writeFunction('whoami', WHOAMI);
  writeFunction('fails', FAILS);
  writeFunction('environment', ENVIRONMENT);
  writeFunction('version', VERSION(1));
  h = await startHarness({ functionsDir: fnDir, functionInstances: 8 });
  await h.db.createCollection('calls');
});
afterAll(async () => {
  await h.stop();
  rmSync(fnDir, { recursive: true, force: true });
});

async function invoke(name: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${h.lc.url}/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('POST /functions/<name>', () => {
  it('50 concurrent calls as different users each see only their own OPENID', async () => {
    const calls = Array.from({ length: 50 }, (_v, i) =>
      invoke('whoami', {
        openid: `user-${i}`,
        data: { tag: i, wait: (i * 7) % 13 },
      }),
    );
    const results = await Promise.all(calls);
    results.forEach((r, i) => {
      expect(r.status).toBe(200);
      expect(r.body.result).toEqual({
        before: `user-${i}`,
        after: `user-${i}`,
        tag: i,
        env: 'localcloud',
      });
    });
    // What the functions wrote agrees: every caller's write carries that caller's openid.
    const { data } = await h.db.collection('calls').limit(1000).get();
    expect(data).toHaveLength(50);
    for (const d of data) expect(d.openid).toBe(`user-${d.tag}`);
  });

  it('an openid inside data never becomes the identity', async () => {
    const r = await invoke('whoami', {
      openid: 'real-user',
      data: { tag: 'x', openid: 'forged', OPENID: 'forged' },
    });
    expect(r.body.result.after).toBe('real-user');
    const anon = await invoke('whoami', {
      data: { tag: 'y', openid: 'forged' },
    });
    expect(anon.body.result.after).toBeNull();
  });

  it('an instance that served a user serves the next anonymous call anonymously', async () => {
    for (let round = 0; round < 3; round++) {
      const users = await Promise.all(Array.from({ length: 8 }, (_v, i) => invoke('whoami', { openid: `u${i}`, data: {} })));
      expect(users.map((r) => r.body.result.after)).toEqual(Array.from({ length: 8 }, (_v, i) => `u${i}`));
      const anons = await Promise.all(Array.from({ length: 8 }, () => invoke('whoami', { data: {} })));
      for (const r of anons) expect(r.body.result.after).toBeNull();
    }
  });

  it('a thrown error, an unknown function and a bad openid are reported, not crashed on', async () => {
    const failed = await invoke('fails', { openid: 'u', data: {} });
    expect(failed.status).toBe(500);
    expect(failed.body.error.message).toMatch(/坏了/);
    const missing = await invoke('nope', { openid: 'u', data: {} });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('FUNCTION_NOT_FOUND');
    const bad = await invoke('whoami', { openid: 42, data: {} });
    expect(bad.status).toBe(400);
    expect((await invoke('whoami', { openid: 'after', data: {} })).body.result.after).toBe('after');
  });

  it("keeps an environment's rules (strings only, deletable) and answers in JSON (dates as text, undefined as null)", async () => {
    const r = await invoke('environment', { openid: 'u', data: {} });
    expect(r.body.result).toEqual({ set: '5', type: 'string', gone: true, keys: true, at: '1970-01-01T00:00:00.000Z' });
    expect((await invoke('environment', { openid: 'u', data: { nothing: true } })).body).toEqual({ result: null });
  });

  it('loads a rebuilt bundle on its next call, in every instance', async () => {
    const versions = async () =>
      new Set((await Promise.all(Array.from({ length: 8 }, () => invoke('version', { data: {} })))).map((r) => r.body.result.version));
    expect(await versions()).toEqual(new Set([1]));
    writeFunction('version', VERSION(2));
    // A different modification time, as a rebuild a moment later has.
    utimesSync(join(fnDir, 'version', 'index.js'), new Date(), new Date(Date.now() + 5_000));
    expect(await versions()).toEqual(new Set([2]));
  });

  it('counts invocations and the database requests they make in /_stats', async () => {
    const before = await (await fetch(`${h.lc.url}/_stats`)).json();
    await invoke('whoami', { openid: 's', data: {} });
    const after = await (await fetch(`${h.lc.url}/_stats`)).json();
    expect(after.functionInvocations - before.functionInvocations).toBe(1);
    expect(after.databaseRequests - before.databaseRequests).toBe(1);
    expect(after.byAction['database.insertDocument'] - (before.byAction['database.insertDocument'] ?? 0)).toBe(1);
  });
});
