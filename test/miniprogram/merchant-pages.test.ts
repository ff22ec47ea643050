/**
 * The merchant pages in miniprogram-simulate against the local cloud: my entities, the code
 * poster (its image decodes to the code URL), the commitment form prefilled from the template,
 * my commitments and an objection.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, parseCodeUrl } from '../../core';
import { DEFAULT_CODE_URL_PREFIX } from '../../server/code-url';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';
import { installWx, loadPage, pick, tap, textOf, typeInto, until, type WxRecorder } from '../support/simulate';

const OWNER = 'oMerchantPages_01';
let cloud: TestCloud;
let shop: CodedEntity;
let wx: WxRecorder;

beforeAll(async () => {
  cloud = await startTestCloud();
  wx = installWx({ cloudUrl: cloud.url, openid: OWNER });
  shop = await seedCodedEntity(cloud.db, {
    uscc: testUscc('230421', 8001, '9', '2'),
    name: '萝北县老王烧烤店',
    category: 'individual',
    districtCode: '230421',
    field: '文化和旅游',
    ownerOpenids: [OWNER],
  });
});

afterAll(async () => {
  await cloud?.close();
});

describe('merchant pages', () => {
  it('my entities lists the entity with its code status and links to the poster', async () => {
    const page = loadPage('pages/my-entities/my-entities');
    await until(() => !page.data.loading, 'the list');
    expect(textOf(page, '.entity .name')).toBe('萝北县老王烧烤店');
    expect(page.dom!.textContent).toContain('有效');
    await tap(page, '.to-code');
    expect(wx.navigations.at(-1)).toBe(`/pages/my-code/my-code?uscc=${shop.entity.uscc}`);
  });

  it('my entities tells an anonymous user to sign in, without also claiming they own nothing', async () => {
    installWx({ cloudUrl: cloud.url, openid: '' });
    try {
      const page = loadPage('pages/my-entities/my-entities');
      await until(() => !page.data.loading, 'the refusal');
      expect(textOf(page, '.page-error')).toBe('请在微信中登录后再操作');
      expect(page.dom!.querySelector('.empty')).toBeNull();
      // A signed-in user with nothing is told so.
      installWx({ cloudUrl: cloud.url, openid: 'oNobody_owns_nothing' });
      const empty = loadPage('pages/my-entities/my-entities');
      await until(() => !empty.data.loading, 'the empty list');
      expect(textOf(empty, '.empty')).toBe('您名下还没有已赋码的市场主体。');
    } finally {
      wx = installWx({ cloudUrl: cloud.url, openid: OWNER });
    }
  });

  it('the poster shows the name, instructions and a code image that decodes to the code URL', async () => {
    const page = loadPage('pages/my-code/my-code', { uscc: shop.entity.uscc });
    await until(() => page.data.code !== null, 'the code');
    expect(textOf(page, '.poster .entity')).toBe('萝北县老王烧烤店');
    expect(textOf(page, '.poster .steps')).toContain('扫一扫');
    const src = page.data.code.image.dataUrl as string;
    const png = PNG.sync.read(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data;
    expect(parseCodeUrl(DEFAULT_CODE_URL_PREFIX, decoded)).toEqual({ id: shop.code._id, version: 1 });
  });

  it('the commitment form starts from the field template and submits a pending commitment', async () => {
    const page = loadPage('pages/commit/commit', { uscc: shop.entity.uscc });
    await until(() => !page.data.loading, 'the entity');
    expect(textOf(page, '.promiser-name')).toBe('萝北县老王烧烤店');
    expect(page.data.form).toMatchObject({
      promiserCategory: '个体工商户',
      commitmentType: '主动型',
      commitmentArea: '市场主体承诺书',
      publicity: '可向社会公开',
    });
    expect(page.data.entityField).toBe('文化和旅游');
    expect(page.data.form.content).toContain('我企业依法诚信经营，自愿接受社会监督。');
    expect(page.data.form.committedOn).toBe(chinaDate(new Date()));
    await pick(page, '.area-picker', 1);
    expect(page.data.form.commitmentArea).toBe('行业自律承诺书');
    await tap(page, '.use-template');
    expect(page.data.form.commitmentArea).toBe('市场主体承诺书');
    expect(page.data.form.content).toContain('保障游客合法权益');
    await typeInto(page, '.reason', '市场主体承诺书（烧烤）');
    await tap(page, '.submit');
    await until(() => page.data.done, 'the commitment to be stored');
    const stored = await cloud.db.collection('commitments').where({ uscc: shop.entity.uscc }).get();
    expect(stored.data[0]).toMatchObject({
      status: 'pending',
      reason: '市场主体承诺书（烧烤）',
      commitmentArea: '市场主体承诺书',
      field: '文化和旅游',
      promiserCategory: '个体工商户',
      source: { kind: 'self', openid: OWNER },
    });

    // Submitting the same again: the function's Chinese message is shown.
    const again = loadPage('pages/commit/commit', { uscc: shop.entity.uscc });
    await until(() => !again.data.loading, 'the entity');
    await tap(again, '.use-template');
    await typeInto(again, '.reason', '市场主体承诺书（烧烤）');
    await tap(again, '.submit');
    await until(() => again.data.error !== '', 'the refusal');
    expect(textOf(again, '.form-error')).toContain('已提交过内容相同的承诺');
  });

  it('my commitments shows it as 待审核', async () => {
    const page = loadPage('pages/my-commitments/my-commitments', { uscc: shop.entity.uscc });
    await until(() => !page.data.loading, 'the list');
    expect(page.querySelectorAll('.commitment')).toHaveLength(1);
    expect(textOf(page, '.commitment')).toContain('待审核');
  });

  it('an objection offers the records of a target chosen before the profile arrived', async () => {
    await cloud.db.collection('honours').add({
      data: {
        entityName: shop.entity.name,
        uscc: shop.entity.uscc,
        issuer: '国家税务总局鹤岗市税务局',
        basis: '纳税信用等级评价方案',
        collectedOn: '2026-04-20',
        source: { kind: 'import', department: '市税务局', importedBy: 'oTax', importedAt: new Date(), batch: 'b1' },
        dedupKey: 'objection-honour-1',
        createdAt: new Date(),
      },
    });
    const page = loadPage('pages/objection/objection', { uscc: shop.entity.uscc });
    await pick(page, '.target-picker', 2); // 守信激励, picked while the profile is still loading
    await until(() => page.data.entityName !== '', 'the profile');
    expect(page.data.records.map((r: { title: string }) => r.title)).toEqual([
      '2026-04-20 纳税信用等级评价方案（国家税务总局鹤岗市税务局）',
    ]);
  });

  it('an objection to the entity data is stored', async () => {
    const page = loadPage('pages/objection/objection', { uscc: shop.entity.uscc });
    await until(() => page.data.entityName !== '', 'the profile');
    await tap(page, '.submit');
    await until(() => page.data.error !== '', 'the refusal');
    expect(textOf(page, '.form-error')).toContain('异议内容');
    await typeInto(page, '.content', '经营地址已迁至萝北县新街5号');
    await tap(page, '.submit');
    await until(() => page.data.done, 'the objection');
    const stored = await cloud.db.collection('objections').where({ uscc: shop.entity.uscc }).get();
    expect(stored.data[0]).toMatchObject({ target: 'entity', content: '经营地址已迁至萝北县新街5号', openid: OWNER });
  });
});
