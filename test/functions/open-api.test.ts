/**
 * The open data API end to end: the `open` function behind the local cloud's HTTP access route
 * (/open/v1/), reading the integrated request as on CloudBase. Status changes show on the next
 * request (so within the 60 s a cache may keep an answer), private fields never appear, the badge
 * follows the status, and each client is limited per minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_API_PER_MINUTE } from '../../server/open/rate-limit';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';

const PHONE = '13912345678';
const OWNER = 'oOwnerOpenid_open_1';
let cloud: TestCloud;
let shop: CodedEntity;

beforeAll(async () => {
  cloud = await startTestCloud();
  shop = await seedCodedEntity(cloud.db, {
    uscc: testUscc('230402', 9101),
    name: '鹤岗市向阳区开放数据商店有限公司',
    ownerOpenids: [OWNER],
    contactPhone: PHONE,
    contactName: '张秘密',
  });
  await cloud.db.collection('commitments').add({
    data: {
      promiserName: 'x',
      promiserCategory: '法人及非法人组织',
      promiserCode: shop.entity.uscc,
      uscc: shop.entity.uscc,
      commitmentType: '主动型',
      field: '市场监管',
      reason: '市场主体承诺书',
      content: '政务共享的承诺，不对外',
      liability: '-',
      committedOn: '2026-03-01',
      publicity: '政务共享',
      status: 'approved',
      source: { kind: 'self', openid: OWNER },
      dedupKey: 'open-c1',
      createdAt: new Date(),
    },
  });
});

afterAll(async () => {
  await cloud?.close();
});

/** GET through the local cloud's HTTP access route (all from this process: one client, 127.0.0.1). */
function get(path: string) {
  return fetch(`${cloud.url}/open/v1/${path}`);
}

describe('GET /open/v1/codes/<id>', () => {
  it('gives status, version, entity name, district and checked-at, cacheable for 60 s', async () => {
    const res = await get(`codes/${shop.code._id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as any;
    expect(body).toMatchObject({
      id: shop.code._id,
      status: 'valid',
      statusLabel: '有效',
      version: 1,
      entityName: shop.entity.name,
      district: { code: '230402', name: '向阳区' },
    });
    expect(Date.now() - Date.parse(body.checkedAt)).toBeLessThan(60_000);
  });

  it('a status change shows on the next request: no answer is kept longer than the cache time', async () => {
    const { code } = await seedCodedEntity(cloud.db, { uscc: testUscc('230403', 9102), name: '工农区开放状态店' });
    expect(((await (await get(`codes/${code._id}`)).json()) as any).status).toBe('valid');
    await cloud.db
      .collection('codes')
      .doc(code._id)
      .update({
        data: {
          status: 'suspended',
          history: [...code.history, { at: new Date(), status: 'suspended', by: 'oStaff', reason: '内部原因文本', category: 'mismatch' }],
        },
      });
    const after = (await (await get(`codes/${code._id}`)).json()) as any;
    expect(after).toMatchObject({ status: 'suspended', statusLabel: '暂停', statusChange: { category: '登记信息与实际不符' } });
    expect(JSON.stringify(after)).not.toContain('内部原因文本');
    const badge = await (await get(`badge/${code._id}.svg`)).text();
    expect(badge).toContain('暂停');
    expect(badge).toContain('#8a3c00');
  });

  it('unknown and malformed ids are 404; other methods 405; unknown paths 404', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'abc', '%E0%A4%A']) {
      const res = await get(`codes/${id}`);
      expect([404, 400]).toContain(res.status);
      expect(((await res.json()) as any).error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await fetch(`${cloud.url}/open/v1/nothing`)).status).toBe(404);
    const direct = await fetch(`${cloud.url}/functions/open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { path: `/open/v1/codes/${shop.code._id}`, httpMethod: 'DELETE', headers: {} } }),
    });
    expect(((await direct.json()) as any).result.statusCode).toBe(405);
  });
});

describe('GET /open/v1/entities/<uscc>', () => {
  it('gives the public profile only: no phone, contact, openid, or commitments not 社会公开', async () => {
    const res = await get(`entities/${shop.entity.uscc}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body).toMatchObject({ status: 'valid', profile: { uscc: shop.entity.uscc, name: shop.entity.name, districtName: '向阳区' } });
    for (const secret of [PHONE, '张秘密', OWNER, 'ownerOpenids', 'contactPhone', 'openid', 'dedupKey', '政务共享的承诺'])
      expect(text).not.toContain(secret);
    // Exactly the profile the mini-program shows.
    const mini = await cloud.call('public', '', { action: 'profile', uscc: shop.entity.uscc });
    expect(body.profile).toEqual(mini.data.profile);
  });

  it('a bad USCC is 400 with the reason in Chinese; an unknown one 404', async () => {
    const bad = await get('entities/91230402MA1B2C3D4X');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.message).toContain('统一社会信用代码');
    expect((await get(`entities/${testUscc('230405', 9199)}`)).status).toBe(404);
  });
});

describe('GET /open/v1/badge/<id>.svg', () => {
  it('a live SVG whose colour and words follow the status', async () => {
    const res = await get(`badge/${shop.code._id}.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('有效 · 第1版');
    expect(svg).toContain('#1b5e20');
    const unknown = await (await get('badge/AAAAAAAAAAAAAAAAAAAAAA.svg')).text();
    expect(unknown).toContain('无效码');
    expect(unknown).toContain('#b71c1c');
    // Text from the database is escaped.
    const { code } = await seedCodedEntity(cloud.db, { uscc: testUscc('230404', 9103), name: '南山区<script>alert(1)</script>&店' });
    const escaped = await (await get(`badge/${code._id}.svg`)).text();
    expect(escaped).not.toContain('<script>');
    expect(escaped).toContain('&lt;script&gt;');
  });
});

describe('rate limit', () => {
  /** The function as the access gateway invokes it, for a client whose address the gateway saw as `ip`. */
  async function asClient(ip: string, claimed = '203.0.113.9') {
    const res = await fetch(`${cloud.url}/functions/open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        data: { path: `/open/v1/codes/${shop.code._id}`, httpMethod: 'GET', headers: { 'x-forwarded-for': `${claimed}, ${ip}` } },
      }),
    });
    return ((await res.json()) as { result: { statusCode: number; headers: Record<string, string>; body: string } }).result;
  }

  /** Requests until the first 429 (a minute turning over resets the count once at most). */
  async function untilLimited(call: () => Promise<number | { statusCode: number }>) {
    let ok = 0;
    for (let i = 0; i < 2 * OPEN_API_PER_MINUTE + 1; i++) {
      const r = await call();
      if ((typeof r === 'number' ? r : r.statusCode) === 429) return { ok, limited: true };
      ok++;
    }
    return { ok, limited: false };
  }

  it(`a client may make ${OPEN_API_PER_MINUTE} requests a minute, then 429 with Retry-After; other clients are unaffected`, async () => {
    const run = await untilLimited(() => asClient('198.51.100.7'));
    expect(run.limited).toBe(true);
    expect(run.ok).toBeGreaterThanOrEqual(OPEN_API_PER_MINUTE);
    const refused = await asClient('198.51.100.7');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(refused.body).error).toMatchObject({ code: 'RATE_LIMITED' });
    // Claiming another address in front of the gateway's entry does not help; another client is served.
    expect((await asClient('198.51.100.7', '198.51.100.99')).statusCode).toBe(429);
    expect((await asClient('198.51.100.8')).statusCode).toBe(200);
  });

  it('through the local cloud’s HTTP route too, which adds the peer address as a gateway does', async () => {
    const run = await untilLimited(async () => (await get(`codes/${shop.code._id}`)).status);
    expect(run.limited).toBe(true);
  });
});
