/**
 * The 生码 page (staff) and the 认领诚信码 page (merchant) in miniprogram-simulate against the local
 * cloud: staff issue codes for a list of USCCs known from the register, read the claim code, and a
 * shop claims with it and is sent to its code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeUscc } from '../../core';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { installWx, loadPage, tap, textOf, typeInto, until } from '../support/simulate';

const CITY = 'oClaimPagesCity1';
const SHOP_OWNER = 'oClaimPagesShop1';
const USCC = composeUscc({ department: '9', category: '2', area: '230402', org8: 'MA000777' });
let cloud: TestCloud;
let claimCode = '';

beforeAll(async () => {
  cloud = await startTestCloud();
  const at = new Date();
  await cloud.db.collection('staff').add({ data: { openid: CITY, name: '市级管理员', role: 'city', active: true, createdAt: at } });
  await cloud.db.collection('register').add({
    data: {
      uscc: USCC,
      name: '向阳区页面测试面馆',
      entityType: '个体工商户',
      legalRep: '李某',
      address: '向阳区红旗路7号',
      districtCode: '230402',
      regStatus: '存续',
      inBusiness: true,
      batchId: 'reg-pages',
      createdAt: at,
      updatedAt: at,
    },
  });
});
afterAll(async () => {
  await cloud?.close();
});

describe('生码 page', () => {
  it('issues codes for the listed USCCs and shows each claim code and each skipped one', async () => {
    installWx({ cloudUrl: cloud.url, openid: CITY });
    const page = loadPage('pages/staff-issue/staff-issue');
    await typeInto(page, '.list', `${USCC}\n91230402MA00000001`);
    await tap(page, '.issue');
    await until(() => page.data.result !== null || page.data.error !== '', 'the result');
    expect(textOf(page, '.summary')).toBe('已生码1个，未生码1个');
    expect(textOf(page, '.issued')).toContain('向阳区页面测试面馆');
    claimCode = page.data.result.issued[0].claimCode;
    expect(textOf(page, '.claim')).toBe(`认领码：${claimCode}`);
    expect(textOf(page, '.skipped')).toContain('统一社会信用代码不正确');
  });
});

describe('认领诚信码 page', () => {
  it('a wrong code shows the tries left; the slip code claims it and leads to the code', async () => {
    const wx = installWx({ cloudUrl: cloud.url, openid: SHOP_OWNER });
    const page = loadPage('pages/claim/claim');
    await typeInto(page, '.uscc', USCC);
    await typeInto(page, '.code', 'WRONG234');
    await tap(page, '.submit');
    await until(() => page.data.error !== '', 'the refusal');
    expect(textOf(page, '.form-error')).toBe('认领码不正确，还可尝试4次');
    await typeInto(page, '.code', claimCode.toLowerCase());
    await tap(page, '.submit');
    await until(() => page.data.done !== null, 'the claim');
    expect(textOf(page, '.entity-name')).toBe('向阳区页面测试面馆');
    await tap(page, '.to-code');
    expect(wx.navigations).toEqual([`/pages/my-code/my-code?uscc=${USCC}`]);
    const mine = await cloud.call('merchant', SHOP_OWNER, { action: 'myEntities' });
    expect(mine.data.entities).toEqual([expect.objectContaining({ uscc: USCC, code: { status: 'active', version: 1 } })]);
  });
});
