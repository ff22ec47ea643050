/**
 * The apply page in miniprogram-simulate: the USCC is validated as it is typed with the shared
 * core, and submitting goes through the service layer to the merchant function on the local cloud.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { testUscc } from '../support/coded-entity';
import { fillEntitlement } from '../support/apply-form';
import { installWx, loadPage, pick, tap, textOf, typeInto, until, type WxOptions } from '../support/simulate';

const OPENID = 'oApplyPage_0001';
let cloud: TestCloud;
let wxOptions: WxOptions;

beforeAll(async () => {
  cloud = await startTestCloud();
  wxOptions = { cloudUrl: cloud.url, openid: OPENID, sdk: cloud.cloud };
  installWx(wxOptions);
});

afterAll(async () => {
  await cloud?.close();
});

describe('apply page', () => {
  it('validates the USCC as it is typed', async () => {
    const page = loadPage('pages/apply/apply');
    const good = testUscc('230405', 6001);
    await typeInto(page, '.uscc', good.slice(0, 10));
    expect(textOf(page, '.uscc-message')).toBe('已输入10位，共18位');
    const wrong = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    await typeInto(page, '.uscc', wrong);
    expect(textOf(page, '.uscc-message')).toContain('第18位校验码错误');
    await typeInto(page, '.uscc', good);
    expect(textOf(page, '.uscc-message')).toBe('代码有效 · 登记机关在兴安区');
    expect(textOf(page, '.category')).toBe('企业');
  });

  it('submits through the service layer to the local cloud and shows the success state', async () => {
    const page = loadPage('pages/apply/apply');
    const uscc = testUscc('230400', 6002);
    await typeInto(page, '.uscc', uscc);
    expect(textOf(page, '.uscc-message')).toBe('代码有效 · 市级登记，请选择所属县（区）');
    await typeInto(page, '.in-entityName', '鹤岗市页面测试商行');
    await typeInto(page, '.in-address', '鹤岗市东山区新一街1号');
    await typeInto(page, '.in-contactName', '王五');
    await typeInto(page, '.in-contactPhone', '13700002222');
    await pick(page, '.field-picker', 1);
    await fillEntitlement(page, wxOptions);

    // City-level code: the district must be chosen before anything is sent.
    const version = cloud.writeVersion();
    await tap(page, '.submit');
    expect(textOf(page, '.form-error')).toBe('请选择所属县（区）');
    expect(cloud.writeVersion()).toBe(version);

    await pick(page, '.district-picker', 4);
    await tap(page, '.submit');
    await until(() => page.data.done !== null, 'the application to be stored');
    expect(textOf(page, '.done .big')).toBe('申请已提交');
    expect(textOf(page, '.done')).toContain('东山区');
    const stored = await cloud.db.collection('applications').where({ uscc }).get();
    expect(stored.data[0]).toMatchObject({
      applicantOpenid: OPENID,
      districtCode: '230406',
      field: '税务',
      entityName: '鹤岗市页面测试商行',
      status: 'pending',
    });
  });

  it("shows the function's Chinese message when the USCC is already pending", async () => {
    const page = loadPage('pages/apply/apply');
    await typeInto(page, '.uscc', testUscc('230400', 6002));
    for (const [key, value] of [
      ['entityName', '重复申请'],
      ['address', '地址'],
      ['contactName', '赵六'],
      ['contactPhone', '13700003333'],
    ]) {
      await typeInto(page, `.in-${key}`, value!);
    }
    await pick(page, '.field-picker', 0);
    await pick(page, '.district-picker', 0);
    await fillEntitlement(page, wxOptions);
    await tap(page, '.submit');
    await until(() => textOf(page, '.form-error') !== '', 'the refusal');
    expect(textOf(page, '.form-error')).toContain('已有待审核的申请');
    expect(page.data.done).toBeNull();
  });
});
