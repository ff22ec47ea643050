/**
 * The merchant function through the real wx-server-sdk against the local cloud: applying
 * (one pending application per USCC even under concurrency), my code and its QR image,
 * commitments and objections; bad input always a stable code, a Chinese message and no write.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitmentTemplate, parseCodeUrl } from '../../core';
import { DEFAULT_CODE_URL_PREFIX } from '../../server/code-url';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';

const ME = 'oMerchant_me_0001';
const OTHER = 'oMerchant_other_02';
/** A licence photo fileID of this (the local cloud's) environment. */
const LICENCE = 'cloud://localcloud.localcloud-1250000000/licences/test-licence.jpg';
let cloud: TestCloud;
let mine: CodedEntity;
let theirs: CodedEntity;

function application(uscc: string, over: Record<string, unknown> = {}) {
  return {
    action: 'applyCode',
    uscc,
    entityName: '工农区放心粮油店',
    category: 'individual',
    address: '鹤岗市工农区解放路8号',
    field: '市场监管',
    contactName: '李四',
    contactPhone: '13800001111',
    legalRepName: '李四',
    licencePhoto: LICENCE,
    ...over,
  };
}

function commitment(entity: CodedEntity['entity'], over: Record<string, unknown> = {}) {
  const t = commitmentTemplate(entity.field);
  return {
    action: 'submitCommitment',
    promiserName: entity.name,
    promiserCategory: '法人',
    promiserCode: entity.uscc,
    commitmentType: t.commitmentType,
    commitmentArea: t.commitmentArea,
    reason: t.reason,
    content: t.content,
    liability: t.liability,
    committedOn: '2026-05-20',
    publicity: '可向社会公开',
    ...over,
  };
}

async function docOf(collection: string, id: string): Promise<any> {
  const got = await cloud.db.collection(collection).doc(id).get();
  return Array.isArray(got.data) ? got.data[0] : got.data;
}

/** Expect a refusal with `code`, a Chinese message, and not a single write. */
async function expectRefused(openid: string, data: Record<string, unknown>, code: string): Promise<string> {
  const version = cloud.writeVersion();
  const res = await cloud.call('merchant', openid, data);
  expect(res.ok, JSON.stringify(res)).toBe(false);
  expect(res.error!.code).toBe(code);
  expect(res.error!.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(cloud.writeVersion()).toBe(version);
  return res.error!.message;
}

beforeAll(async () => {
  cloud = await startTestCloud();
  mine = await seedCodedEntity(cloud.db, {
    uscc: testUscc('230404', 3001),
    name: '南山区诚信五金商店',
    districtCode: '230404',
    ownerOpenids: [ME],
  });
  theirs = await seedCodedEntity(cloud.db, {
    uscc: testUscc('230405', 3002),
    name: '兴安区别人的公司',
    districtCode: '230405',
    ownerOpenids: [OTHER],
  });
});

afterAll(async () => {
  await cloud?.close();
});

describe('applyCode', () => {
  it('files a pending application under the caller from the WeChat context, district from the USCC', async () => {
    const uscc = testUscc('230403', 4001, '9', '2');
    const res = await cloud.call('merchant', ME, { ...application(uscc.toLowerCase()), openid: 'oVictim', applicantOpenid: 'oVictim' });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    expect(res.data).toMatchObject({ status: 'pending', uscc, districtCode: '230403', districtName: '工农区' });
    const doc = await docOf('applications', res.data.applicationId);
    expect(doc).toMatchObject({
      uscc,
      applicantOpenid: ME,
      status: 'pending',
      pendingKey: uscc,
      districtCode: '230403',
      contactPhone: '13800001111',
    });
  });

  it('a second application for a pending USCC is APPLICATION_PENDING, not a duplicate', async () => {
    const uscc = testUscc('230403', 4001, '9', '2');
    const msg = await expectRefused(OTHER, application(uscc), 'APPLICATION_PENDING');
    expect(msg).toContain('待审核');
  });

  it('one pending application per USCC under 100 concurrent submissions', async () => {
    const uscc = testUscc('230406', 4100);
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => cloud.call('merchant', `oConcurrent${i}`, application(uscc))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => r.error!.code === 'APPLICATION_PENDING')).toBe(true);
    const stored = await cloud.db.collection('applications').where({ uscc }).get();
    expect(stored.data).toHaveLength(1);
  }, 120_000); // up to 16 function instances start on a 2-core machine

  it('a USCC that already holds a code is CODE_EXISTS', async () => {
    await expectRefused(OTHER, application(mine.entity.uscc), 'CODE_EXISTS');
  });

  it('after a rejection the entity may apply again', async () => {
    const uscc = testUscc('230407', 4200);
    const first = await cloud.call('merchant', ME, application(uscc));
    await cloud.db
      .collection('applications')
      .doc(first.data.applicationId)
      .update({
        data: { status: 'rejected', pendingKey: cloud.db.command.remove() },
      });
    const again = await cloud.call('merchant', ME, application(uscc));
    expect(again.ok).toBe(true);
  });

  it('a city-level or outside USCC needs the district chosen; a chosen one is used', async () => {
    const city = testUscc('230400', 4300);
    const msg = await expectRefused(ME, application(city), 'DISTRICT_REQUIRED');
    expect(msg).toContain('县（区）');
    await expectRefused(ME, application(testUscc('110108', 4301)), 'DISTRICT_REQUIRED');
    const ok = await cloud.call('merchant', ME, application(city, { districtCode: '230422' }));
    expect(ok.data).toMatchObject({ districtCode: '230422', districtName: '绥滨县' });
  });

  it('every bad field is INVALID_INPUT with a Chinese message naming it, and nothing is stored', async () => {
    const uscc = testUscc('230402', 4400);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ uscc: uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0') }, '校验码'],
      [{ uscc: '91230402MA1B2C3D4' }, '18位'],
      [{ uscc: undefined }, '统一社会信用代码'],
      [{ entityName: '  ' }, '市场主体名称'],
      [{ entityName: 'x'.repeat(101) }, '市场主体名称'],
      [{ category: 'bank' }, '主体类别'],
      [{ field: '娱乐' }, '行业领域'],
      [{ address: undefined }, '经营地址'],
      [{ contactPhone: '12345' }, '联系电话'],
      [{ districtCode: '230499' }, '县（区）'],
      [{ contactName: { $ne: 1 } }, '联系人'],
    ];
    for (const [over, words] of bad) {
      const msg = await expectRefused(ME, application(uscc, over), 'INVALID_INPUT');
      expect(msg).toContain(words);
    }
  });

  it("a storefront photo must be this environment's cloud fileID; https and anything else store nothing", async () => {
    const uscc = testUscc('230402', 4700);
    const bad: Array<[unknown, string]> = [
      ['javascript:alert(1)', '门头照片应为小程序上传的图片'],
      ['http://example.com/shop.jpg', '门头照片请在小程序内拍摄或选择上传，不能填写网址'],
      ['https://img.example.cn/shop/1.jpg', '门头照片请在小程序内拍摄或选择上传，不能填写网址'],
      ['data:image/png;base64,AAAA', '门头照片应为小程序上传的图片'],
      ['cloud://localcloud.localcloud-1250000000/../secret.jpg', '门头照片应为小程序上传的图片'],
      ['https://evil.example/"><script>', '不能填写网址'],
      [{ $ne: 1 }, '门头照片应为文本'],
      ['cloud://other-env.other-env-1250000000/storefronts/a.jpg', '门头照片应为本小程序上传的图片'],
    ];
    for (const [photo, words] of bad) {
      const msg = await expectRefused(ME, application(uscc, { storefrontPhoto: photo }), 'INVALID_INPUT');
      expect(msg).toContain(words);
    }
    const { fileID } = await cloud.cloud.uploadFile({ cloudPath: 'storefronts/4700.jpg', fileContent: Buffer.from('jpeg') });
    const own = await cloud.call('merchant', ME, application(uscc, { storefrontPhoto: fileID }));
    expect(own.ok, JSON.stringify(own)).toBe(true);
    expect(await docOf('applications', own.data.applicationId)).toMatchObject({
      storefrontPhoto: fileID,
      licencePhoto: LICENCE,
      legalRepName: '李四',
    });
    const blank = await cloud.call('merchant', ME, application(testUscc('230402', 4702), { storefrontPhoto: '' }));
    expect(await docOf('applications', blank.data.applicationId)).not.toHaveProperty('storefrontPhoto');
  });

  it("the licence photo and the legal representative are required; the photo only as this environment's fileID", async () => {
    const uscc = testUscc('230402', 4710);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ licencePhoto: undefined }, '营业执照照片为必填项'],
      [{ licencePhoto: '' }, '营业执照照片为必填项'],
      [{ licencePhoto: 'https://img.example.cn/licence.jpg' }, '营业执照照片请在小程序内拍摄或选择上传，不能填写网址'],
      [{ licencePhoto: 'cloud://other-env.other-env-1250000000/licences/a.jpg' }, '营业执照照片应为本小程序上传的图片'],
      [{ legalRepName: undefined }, '法定代表人（负责人、经营者）为必填项'],
      [{ legalRepName: 'x'.repeat(31) }, '法定代表人（负责人、经营者）'],
    ];
    for (const [over, words] of bad) {
      const msg = await expectRefused(ME, application(uscc, over), 'INVALID_INPUT');
      expect(msg).toContain(words);
    }
  });

  it('one person may have at most 10 pending applications', async () => {
    const agent = 'oBusyAgent';
    for (let i = 0; i < 10; i++) expect((await cloud.call('merchant', agent, application(testUscc('230402', 4600 + i)))).ok).toBe(true);
    const msg = await expectRefused(agent, application(testUscc('230402', 4610)), 'TOO_MANY_PENDING');
    expect(msg).toContain('10份申请正在审核');
  });

  it('anonymous callers are refused', async () => {
    await expectRefused('', application(testUscc('230402', 4500)), 'UNAUTHENTICATED');
  });
});

describe('myEntities and myCode', () => {
  it('lists the caller’s entities with code status and their applications, no openids', async () => {
    const res = await cloud.call('merchant', ME, { action: 'myEntities' });
    expect(res.ok).toBe(true);
    expect(res.data.entities).toEqual([
      expect.objectContaining({
        uscc: mine.entity.uscc,
        name: '南山区诚信五金商店',
        districtName: '南山区',
        code: { status: 'active', version: 1 },
      }),
    ]);
    expect(res.data.applications.length).toBeGreaterThan(0);
    expect(res.data.applications.every((a: any) => a.status === 'pending' || a.status === 'rejected')).toBe(true);
    expect(JSON.stringify(res)).not.toContain(ME);
  });

  it('gives the code URL and a QR image that decodes back to it', async () => {
    const res = await cloud.call('merchant', ME, { action: 'myCode' });
    expect(res.ok, JSON.stringify(res.error)).toBe(true);
    const d = res.data;
    expect(d).toMatchObject({ codeId: mine.code._id, version: 1, status: 'active', entityName: mine.entity.name });
    expect(d.codeUrl).toBe(`${DEFAULT_CODE_URL_PREFIX}${mine.code._id}?v=1`);
    expect(d.image.kind).toBe('qr');
    const png = PNG.sync.read(Buffer.from(d.image.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(d.codeUrl);
    expect(parseCodeUrl(DEFAULT_CODE_URL_PREFIX, decoded!.data)).toEqual({ id: mine.code._id, version: 1 });
    // The same URL verifies as 有效.
    const v = await cloud.call('public', '', { action: 'verifyCode', url: decoded!.data });
    expect(v.data.verdict).toBe('valid');
  });

  it('refuses other people’s entities, callers without one, and bad USCCs', async () => {
    await expectRefused(ME, { action: 'myCode', uscc: theirs.entity.uscc }, 'NOT_OWNER');
    await expectRefused('oNobody', { action: 'myCode' }, 'NO_ENTITY');
    await expectRefused(ME, { action: 'myCode', uscc: 'ABC' }, 'INVALID_INPUT');
    // An openid in the event body is not an identity.
    await expectRefused('oNobody', { action: 'myCode', openid: ME }, 'NO_ENTITY');
  });

  it('a revoked code comes with its reason and next steps, and no image or link to print', async () => {
    const e = await seedCodedEntity(cloud.db, { uscc: testUscc('230421', 5001), ownerOpenids: ['oRevoked'] });
    const at = new Date('2026-06-01T02:00:00Z');
    await cloud.db
      .collection('codes')
      .doc(e.code._id)
      .update({
        data: {
          status: 'revoked',
          liveKey: cloud.db.command.remove(),
          history: [{ at, status: 'revoked', by: 's', reason: '主体已注销', category: 'closed' }],
        },
      });
    const res = await cloud.call('merchant', 'oRevoked', { action: 'myCode' });
    expect(res.data).toMatchObject({ status: 'revoked', reason: '主体已注销', reasonCategoryText: '已停业或注销' });
    expect(res.data.nextSteps.join('')).toContain('异议');
    expect(res.data.image).toBeUndefined();
    expect(res.data.codeUrl).toBeUndefined();
    await expectRefused('oNoCodeYet', { action: 'myCode' }, 'NO_ENTITY');
  });
});

describe('commitments', () => {
  let submittedId = '';

  it('stores a self-declared commitment as pending, from the caller', async () => {
    const res = await cloud.call('merchant', ME, { ...commitment(mine.entity), openid: 'oVictim', status: 'approved' });
    expect(res.ok, JSON.stringify(res.error)).toBe(true);
    expect(res.data.status).toBe('pending');
    submittedId = res.data.commitmentId;
    const doc = await docOf('commitments', submittedId);
    expect(doc).toMatchObject({
      uscc: mine.entity.uscc,
      status: 'pending',
      source: { kind: 'self', openid: ME },
      content: '我企业依法诚信经营，自愿接受社会监督。保证商品和服务质量，明码标价，不销售假冒伪劣商品，不作虚假宣传。',
    });
    expect(doc.dedupKey).toMatch(/^self:[0-9a-f]{64}$/);
    // Pending: not public yet.
    const v = await cloud.call('public', '', { action: 'verifyCode', codeId: mine.code._id });
    expect(v.data.profile.commitments).toEqual([]);
  });

  it('the same commitment twice is COMMITMENT_DUPLICATE', async () => {
    await expectRefused(ME, commitment(mine.entity), 'COMMITMENT_DUPLICATE');
  });

  it('lists own commitments with their status', async () => {
    const res = await cloud.call('merchant', ME, { action: 'myCommitments', uscc: mine.entity.uscc });
    expect(res.data.items).toEqual([
      expect.objectContaining({ id: submittedId, status: 'pending', statusText: '待审核', publicity: '可向社会公开' }),
    ]);
    expect(JSON.stringify(res)).not.toContain(ME);
  });

  it('refuses commitments for entities the caller does not hold, and bad forms', async () => {
    await expectRefused(ME, commitment(theirs.entity), 'NOT_OWNER');
    await expectRefused(ME, commitment(mine.entity, { promiserName: '别的名字' }), 'PROMISER_MISMATCH');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ publicity: '全部公开' }, '公开类型'],
      [{ committedOn: '2026-02-30' }, '承诺作出日期'],
      [{ commitmentType: '随便' }, '承诺类型'],
      [{ content: '' }, '承诺内容'],
      [{ promiserCode: '123' }, '承诺人代码'],
    ];
    for (const [over, words] of cases) expect(await expectRefused(ME, commitment(mine.entity, over), 'INVALID_INPUT')).toContain(words);
    await expectRefused(ME, { action: 'myCommitments', uscc: theirs.entity.uscc }, 'NOT_OWNER');
  });
});

describe('submitObjection', () => {
  it('stores an objection to the entity’s data or to one of its records', async () => {
    const res = await cloud.call('merchant', ME, {
      action: 'submitObjection',
      uscc: mine.entity.uscc,
      target: 'entity',
      content: '经营地址已变更为红旗路1号',
    });
    expect(res.ok, JSON.stringify(res.error)).toBe(true);
    expect(await docOf('objections', res.data.objectionId)).toMatchObject({
      uscc: mine.entity.uscc,
      target: 'entity',
      openid: ME,
      status: 'open',
    });

    const own = (await cloud.db.collection('commitments').where({ uscc: mine.entity.uscc }).get()).data[0];
    const rec = await cloud.call('merchant', ME, {
      action: 'submitObjection',
      uscc: mine.entity.uscc,
      target: 'commitment',
      recordId: own._id,
      content: '承诺日期有误',
    });
    expect(rec.ok).toBe(true);
  });

  it('refuses other entities, missing or foreign records, and bad input', async () => {
    const base = { action: 'submitObjection', uscc: mine.entity.uscc, target: 'entity', content: '内容' };
    await expectRefused(ME, { ...base, uscc: theirs.entity.uscc }, 'NOT_OWNER');
    await expectRefused(ME, { ...base, target: 'honour' }, 'INVALID_INPUT');
    await expectRefused(ME, { ...base, target: 'honour', recordId: 'no-such-record' }, 'RECORD_NOT_FOUND');
    await expectRefused(ME, { ...base, target: 'gossip' }, 'INVALID_INPUT');
    await expectRefused(ME, { ...base, content: '   ' }, 'INVALID_INPUT');
    await expectRefused('', base, 'UNAUTHENTICATED');
  });
});

describe('every action', () => {
  const ACTIONS = ['applyCode', 'myEntities', 'myCode', 'submitCommitment', 'myCommitments', 'submitObjection'];

  it('refuses anonymous callers, whatever openid the event names', async () => {
    for (const action of ACTIONS) {
      expect(await expectRefused('', { action, openid: ME, uscc: mine.entity.uscc }, 'UNAUTHENTICATED')).toContain('登录');
    }
  });

  it('refuses malformed USCCs and payloads with stable codes, storing nothing', async () => {
    for (const action of ['myCode', 'myCommitments']) {
      for (const uscc of ['91230402', 42, { $gt: '' }, ['x']]) await expectRefused(ME, { action, uscc }, 'INVALID_INPUT');
    }
    await expectRefused(ME, { action: 'submitObjection' }, 'INVALID_INPUT');
    await expectRefused(ME, { action: 'submitCommitment' }, 'INVALID_INPUT');
    await expectRefused(ME, { action: 'applyCode' }, 'INVALID_INPUT');
    await expectRefused(ME, { action: 'deleteEverything' }, 'UNKNOWN_ACTION');
  });
});
