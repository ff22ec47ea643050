/**
 * The supervision loops in a real browser (the preview `npm start` serves) through the real
 * functions: a member of the public reports a shop found by its name with a photo, district staff
 * close it and the reporter reads the outcome and the subscribe message; the merchant objects to an
 * imported record, the supplying department corrects it and the merchant and the public see the
 * correction. Screenshots of each side and of the 消息 (outbox) panel: test-results/e2e/supervision-*.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameSearchKeys } from '../../core/search-keys';
import { composeUscc } from '../../core/uscc';
import { issueCode } from '../../server/codes';
import { connectSdk } from '../../localcloud/sdk';
import { runStaff } from '../../scripts/staff';
import { startStack, type Phone, type Stack } from './harness';

const JOURNEY_MS = 150_000;
const REPORTER = 'oE2eReporter0001';
const OWNER = 'oE2eOwner0000001';
const DISTRICT_STAFF = 'staff-sup-230402';
const DEPT_STAFF = 'staff-sup-scjg01';
const USCC = composeUscc({ department: '9', category: '1', area: '230402', org8: 'MA5B6P7K' });
const NAME = '鹤岗市向阳区监督示范粮油店';
const WRONG_TITLE = '2025年度诚信示范企业（年度有误）';
const RIGHT_TITLE = '2026年度诚信示范企业';

let stack: Stack;

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });

async function expectNoErrors(phone: Phone): Promise<void> {
  expect(phone.errors).toEqual([]);
  expect(await phone.shownErrors()).toBe('');
}

function evidencePng(): Buffer {
  const png = new PNG({ width: 10, height: 8 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([30, 60, 200, 255], i);
  return PNG.sync.write(png);
}

beforeAll(async () => {
  stack = await startStack();
  const url = stack.running.cloudUrl;
  await runStaff(['add', '--openid', DISTRICT_STAFF, '--role', 'district', '--district', '230402', '--name', '向阳区监督员'], url);
  await runStaff(['add', '--openid', DEPT_STAFF, '--role', 'department', '--department', 'scjg', '--name', '市场监管专员'], url);
  // An entity with a code and one imported 守信激励 record, as review and import would leave them.
  const { db } = connectSdk(url);
  const now = new Date();
  const entity = {
    _id: 'ent-e2e-sup',
    uscc: USCC,
    name: NAME,
    nameKeys: nameSearchKeys(NAME),
    category: 'company' as const,
    districtCode: '230402',
    address: '鹤岗市向阳区新华路8号',
    field: '市场监管',
    ownerOpenids: [OWNER],
    contactName: '王五',
    contactPhone: '13700001111',
    createdAt: now,
    updatedAt: now,
  };
  await db.collection('entities').add({ data: entity });
  await issueCode(db, entity, 'e2e', now);
  await db.collection('honours').add({
    data: {
      entityName: NAME,
      uscc: USCC,
      issuer: '鹤岗市市场监督管理局',
      basis: WRONG_TITLE,
      collectedOn: '2026-01-15',
      source: {
        kind: 'import',
        departmentId: 'scjg',
        department: '市市场监管局',
        importedBy: DEPT_STAFF,
        importedAt: now,
        batch: 'e2e-batch',
      },
      batchId: 'e2e-batch',
      dedupKey: 'e2e-honour-1',
      createdAt: now,
    },
  });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('a report with a photo, through to its outcome', () => {
  let trackingNo = '';

  it(
    'the public find the shop by name, attach a photo and get a tracking number',
    async () => {
      const phone = await stack.phone(REPORTER);
      await phone.text('举报可疑码').tap();
      await eventually(() => phone.route()).toBe('pages/report/report');
      await phone.cls('keyword').locator('input').fill('监督示范');
      await phone.text('搜索').tap();
      await eventually(() => phone.cls('match-0').count()).toBe(1);
      await phone.cls('match-0').tap();
      await eventually(() => phone.cls('picked').textContent()).toBe(NAME);
      await phone.cls('reason-3').tap();
      await phone.cls('detail').locator('textarea').fill('称重短斤少两，店员拒绝复秤');
      const chooser = phone.page.waitForEvent('filechooser');
      await phone.cls('add-photo').tap();
      await (await chooser).setFiles({ name: 'evidence.png', mimeType: 'image/png', buffer: evidencePng() });
      await eventually(() => phone.cls('photo-0').count()).toBe(1);
      await phone.shot('supervision-1-report-form');
      await phone.text('提交举报').tap();
      await eventually(() => phone.cls('tracking-no').textContent()).toMatch(/^JB-[0-9A-Z]{4}-[0-9A-Z]{6}$/);
      trackingNo = (await phone.cls('tracking-no').textContent())!;
      await phone.shot('supervision-2-report-filed');
      await expectNoErrors(phone);
    },
    JOURNEY_MS,
  );

  it(
    'district staff see the alert, the report with its photo, and close it with an outcome',
    async () => {
      const staff = await stack.phone(DISTRICT_STAFF);
      await staff.text('工作人员入口').tap();
      await eventually(() => staff.cls('alerts').textContent()).toContain('举报待处理：1 件');
      await staff.cls('to-supervision').tap();
      await eventually(() => staff.route()).toBe('pages/staff-supervision/staff-supervision');
      const item = staff.cls('report-0');
      await eventually(() => item.textContent()).toContain(NAME);
      expect(await item.textContent()).toContain(trackingNo);
      expect(await staff.cls('total').textContent()).toBe('共 1 条');
      await eventually(() =>
        item
          .locator('img')
          .first()
          .evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)),
      ).toBe(10);
      await staff.shot('supervision-3-staff-report');
      await item.getByText('处理', { exact: true }).tap();
      await staff.cls('outcome-input').locator('textarea').fill('经现场核查属实，已责令整改并立案调查');
      await staff.text('办结').tap();
      await eventually(() => staff.cls('total').textContent()).toBe('共 0 条');
      await expectNoErrors(staff);
    },
    JOURNEY_MS,
  );

  it(
    'the reporter reads the outcome in 我的举报, by the number, and as a subscribe message',
    async () => {
      const phone = await stack.phone(REPORTER, 'pages/report/report?tab=mine');
      await eventually(() => phone.cls('report-item').textContent()).toContain('已办结');
      expect(await phone.cls('report-item').textContent()).toContain('经现场核查属实，已责令整改并立案调查');
      await eventually(() => phone.page.locator('#outbox').textContent()).toContain('您的举报已办结');
      await phone.shot('supervision-4-reporter-outcome-and-outbox');
      await phone.text('查询进度').tap();
      await phone.cls('query-no').locator('input').fill(trackingNo);
      await phone.cls('query').tap();
      await eventually(() => phone.cls('report-found').textContent()).toContain('已办结');
      await expectNoErrors(phone);
    },
    JOURNEY_MS,
  );
});

describe('an objection, through to a corrected record', () => {
  it(
    'the merchant objects to an imported record',
    async () => {
      const phone = await stack.phone(OWNER, `pages/objection/objection?uscc=${USCC}`);
      await eventually(() => phone.cls('title').textContent()).toBe(NAME);
      await phone.cls('target-picker').locator('select').selectOption({ label: '守信激励' });
      await eventually(() => phone.cls('record-picker').locator('option').count()).toBeGreaterThan(0);
      await phone.cls('record-picker').locator('select').selectOption({ index: 0 });
      await phone.cls('content').locator('textarea').fill(`荣誉年度有误，应为“${RIGHT_TITLE}”`);
      await phone.shot('supervision-5-objection-form');
      await phone.text('提交异议').tap();
      await eventually(() => phone.cls('big').textContent()).toBe('异议已提交');
      expect(await phone.cls('done').textContent()).toMatch(/5个工作日内核实答复（\d{4}-\d{2}-\d{2}前）/);
      await expectNoErrors(phone);
    },
    JOURNEY_MS,
  );

  it(
    'the supplying department corrects the record in its answer',
    async () => {
      const staff = await stack.phone(DEPT_STAFF, 'pages/staff-supervision/staff-supervision?tab=objections');
      const item = staff.cls('objection-0');
      await eventually(() => item.textContent()).toContain(NAME);
      await item.getByText('答复', { exact: true }).tap();
      await staff.cls('result-corrected').tap();
      await staff.cls('change-field').locator('select').selectOption({ label: '认定依据' });
      await staff.cls('change-value').locator('input').fill(RIGHT_TITLE);
      await staff.cls('outcome-input').locator('textarea').fill('经核实，认定年度有误，已更正');
      await staff.shot('supervision-6-staff-answer');
      await staff.text('提交答复').tap();
      await eventually(() => staff.cls('total').textContent()).toBe('共 0 条');
      await expectNoErrors(staff);
    },
    JOURNEY_MS,
  );

  it(
    'the merchant sees the answer, the message, and the corrected record on the public page',
    async () => {
      const phone = await stack.phone(OWNER, `pages/objection/objection?uscc=${USCC}&tab=mine`);
      await eventually(() => phone.cls('objection-item').textContent()).toContain('已答复');
      expect(await phone.cls('objection-item').textContent()).toContain('已更正记录');
      await eventually(() => phone.page.locator('#outbox').textContent()).toContain('您的异议已答复：已更正记录');
      await phone.shot('supervision-7-merchant-answer-and-outbox');
      const pub = await stack.phone('', `pages/profile/profile?uscc=${USCC}`);
      await eventually(() => pub.screen.textContent()).toContain(RIGHT_TITLE);
      expect(await pub.screen.textContent()).not.toContain(WRONG_TITLE);
      await pub.shot('supervision-8-public-corrected');
      await expectNoErrors(phone);
    },
    JOURNEY_MS,
  );
});
