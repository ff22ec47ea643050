/**
 * The supervision pages in miniprogram-simulate against the local cloud: the report page files a
 * report with a photo for a shop found by name and shows the tracking number; 我的举报 and 消息 show
 * staff's outcome; my-code of a suspended code shows the reason and next steps and no poster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameSearchKeys } from '../../core';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';
import { installWx, loadPage, pick, tap, textOf, typeInto, until, type WxOptions } from '../support/simulate';

const REPORTER = 'oPageReporter001';
const OWNER = 'oPageOwner000001';
const STAFF = 'oPageDistrict001';
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let cloud: TestCloud;
let shop: CodedEntity;
let options: WxOptions;

beforeAll(async () => {
  cloud = await startTestCloud();
  await cloud.db
    .collection('staff')
    .add({ data: { openid: STAFF, name: '向阳区', role: 'district', districtCode: '230402', active: true, createdAt: new Date() } });
  const name = '向阳区页面举报测试店';
  shop = await seedCodedEntity(cloud.db, {
    uscc: testUscc('230402', 9101),
    name,
    districtCode: '230402',
    ownerOpenids: [OWNER],
    nameKeys: nameSearchKeys(name),
  } as never);
  options = { cloudUrl: cloud.url, openid: REPORTER, sdk: cloud.cloud, chosenImage: PNG_BYTES };
  installWx(options);
});

afterAll(async () => {
  await cloud?.close();
});

describe('report page', () => {
  it('finds the shop by name, uploads a photo, and shows the tracking number', async () => {
    const page = loadPage('pages/report/report');
    await tap(page, '.submit');
    expect(textOf(page, '.form-error')).toBe('请扫码或搜索选择被举报的店铺');
    await typeInto(page, '.keyword', '页面举报');
    await tap(page, '.search');
    await until(() => page.data.matches.length === 1, 'the search result');
    await tap(page, '.match-0');
    expect(textOf(page, '.picked')).toBe('向阳区页面举报测试店');
    await tap(page, '.reason-3');
    await typeInto(page, '.detail', '价格标签与结账不一致');
    await tap(page, '.add-photo');
    await until(() => page.data.photos.length === 1, 'the photo upload');
    await tap(page, '.submit');
    await until(() => page.data.trackingNo !== '', 'the tracking number');
    expect(textOf(page, '.tracking-no')).toMatch(/^JB-[0-9A-Z]{4}-[0-9A-Z]{6}$/);
    const [stored] = (await cloud.db.collection('reports').where({ reporterOpenid: REPORTER }).get()).data;
    expect(stored).toMatchObject({ uscc: shop.entity.uscc, reason: '经营中有失信行为', photos: [page.data.photos[0].fileID] });
    expect(stored.photos[0]).toMatch(/^cloud:\/\//);
  });

  it('我的举报 and 消息 show the outcome staff wrote', async () => {
    const [stored] = (await cloud.db.collection('reports').where({ reporterOpenid: REPORTER }).get()).data;
    options.openid = STAFF;
    installWx(options);
    const res = await cloud.call('staff', STAFF, {
      action: 'handleReport',
      reportId: stored._id,
      status: 'closed',
      outcome: '已约谈经营者并责令整改',
    });
    expect(res.ok).toBe(true);
    options.openid = REPORTER;
    installWx(options);
    const mine = loadPage('pages/report/report', { tab: 'mine' });
    await until(() => mine.data.mine.length === 1, 'my reports');
    expect(textOf(mine, '.report-item')).toContain('已办结');
    expect(textOf(mine, '.report-item')).toContain('已约谈经营者并责令整改');
    const messages = loadPage('pages/messages/messages');
    await until(() => messages.data.items.length === 1, 'the message');
    expect(textOf(messages, '.message-0')).toContain('您的举报已办结');
  });
});

describe('my-code of a suspended code', () => {
  it('shows the date, reason category, reason and next steps, and no poster', async () => {
    const res = await cloud.call('staff', STAFF, {
      action: 'suspendCode',
      codeId: shop.code._id,
      reason: '门头与登记名称不一致',
      category: 'mismatch',
    });
    expect(res.ok).toBe(true);
    options.openid = OWNER;
    installWx(options);
    const page = loadPage('pages/my-code/my-code', { uscc: shop.entity.uscc });
    await until(() => page.data.code !== null, 'the code');
    const text = textOf(page, '.not-valid');
    expect(text).toContain('该诚信码已被暂停');
    expect(text).toContain('登记信息与实际不符');
    expect(text).toContain('门头与登记名称不一致');
    expect(text).toContain('提出异议');
    expect(text).toMatch(/暂停日期：\d{4}-\d{2}-\d{2}/);
    expect(page.querySelector('.poster')).toBeFalsy();
    expect(page.querySelector('.save')).toBeFalsy();
  });
});

describe('staff 举报与异议 page', () => {
  it('lists the report with its total and photo, and closes it with an outcome the reporter is told', async () => {
    options.openid = REPORTER;
    installWx(options);
    const filed = await cloud.call('public', REPORTER, { action: 'report', uscc: shop.entity.uscc, reason: '其他', detail: '第二次举报' });
    expect(filed.ok).toBe(true);
    options.openid = STAFF;
    installWx(options);
    const page = loadPage('pages/staff-supervision/staff-supervision');
    await until(() => page.data.reports.length === 1, 'the open report');
    expect(textOf(page, '.total')).toBe('共 1 条');
    expect(textOf(page, '.report-0')).toContain(filed.data.trackingNo);
    await tap(page, '.handle');
    await typeInto(page, '.outcome-input', '经核实不属实，不予处理');
    await tap(page, '.close');
    await until(() => page.data.total === 0, 'the list to empty');
    const status = await cloud.call('public', '', { action: 'reportStatus', trackingNo: filed.data.trackingNo });
    expect(status.data).toMatchObject({ status: 'closed', outcome: '经核实不属实，不予处理' });
  });

  it('answers an objection by correcting the record, the field picked by its Chinese name', async () => {
    const uscc = shop.entity.uscc;
    const source = { kind: 'import', department: '市税务局', importedBy: 'oImporter', importedAt: new Date(), batch: 'b-page' };
    const honour = (await cloud.db.collection('honours').add({
      data: {
        entityName: shop.entity.name,
        uscc,
        issuer: '国家税务总局鹤岗市税务局',
        basis: '2023年度A级纳税人',
        collectedOn: '2026-04-20',
        source,
        dedupKey: 'page-h1',
        createdAt: new Date(),
      },
    })) as { _id: string };
    await cloud.db.collection('objections').add({
      data: {
        uscc,
        entityId: shop.entity._id,
        entityName: shop.entity.name,
        target: 'honour',
        recordId: honour._id,
        content: '年度有误',
        openid: OWNER,
        districtCode: '230402',
        dueOn: '2099-01-01',
        status: 'open',
        createdAt: new Date(),
      },
    });
    options.openid = STAFF;
    installWx(options);
    const page = loadPage('pages/staff-supervision/staff-supervision', { tab: 'objections' });
    await until(() => page.data.objections.length === 1, 'the open objection');
    await tap(page, '.answer-start');
    await tap(page, '.result-corrected');
    // The honour form's fields by name, without the USCC (a correction cannot move a record to another entity).
    expect(page.data.fieldLabels).toEqual(['市场主体名称', '认定部门', '认定依据', '有效期至', '归集日期']);
    expect(textOf(page, '.change-field .picker-value')).toBe('请选择要更正的项目');
    await pick(page, '.change-field', 2);
    expect(textOf(page, '.change-field .picker-value')).toBe('认定依据');
    await typeInto(page, '.change-value', '2024年度A级纳税人');
    await typeInto(page, '.outcome-input', '经核实，认定年度有误，已更正');
    await tap(page, '.answer');
    await until(() => page.data.total === 0, 'the list to empty');
    const [fixed] = (await cloud.db.collection('honours').where({ _id: honour._id }).get()).data;
    expect(fixed.basis).toBe('2024年度A级纳税人');
  });
});

describe('staff 诚信码 tab', () => {
  it('finds a code by name with its total, and reinstates it with a reason', async () => {
    options.openid = STAFF;
    installWx(options);
    const page = loadPage('pages/staff-supervision/staff-supervision', { tab: 'codes' });
    await tap(page, '.filter-suspended');
    await typeInto(page, '.keyword', '页面举报测试');
    await tap(page, '.search');
    await until(() => page.data.codes.length === 1, 'the suspended code');
    expect(textOf(page, '.total')).toBe('共 1 条');
    expect(textOf(page, '.code-0')).toContain('登记信息与实际不符');
    await tap(page, '.code-start');
    await typeInto(page, '.outcome-input', '已整改，核实无误');
    await tap(page, '.reinstate');
    await until(() => page.data.total === 0, 'the list to empty');
    const [code] = (await cloud.db.collection('codes').where({ _id: shop.code._id }).get()).data;
    expect(code.status).toBe('active');
  });
});
