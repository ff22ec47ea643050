/**
 * Reaching 40% in a real browser through the real functions: district staff work the outreach list
 * (mark 同意赋码, export the list), scan a code and record an inspection (进入检查), and run a batch
 * 信用核查 (upload → download). Register rows and the coded shop are arranged with the SDK; every
 * step after that goes through the pages: the shop marked 同意赋码 is handed to staff.issueCodes and
 * leaves the list once coded.
 * Screenshots: test-results/e2e/outreach-*.png.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeUscc } from '../../core/uscc';
import { connectSdk } from '../../localcloud/sdk';
import { runStaff } from '../../scripts/staff';
import { seedCodedEntity, type CodedEntity } from '../support/coded-entity';
import { startStack, type Phone, type Stack } from './harness';

const JOURNEY_MS = 120_000;
const STAFF = 'staff-230402';
const uscc = (i: number) => composeUscc({ department: '9', category: '2', area: '230402', org8: String(i).padStart(8, '0') });
const REGISTER = [1, 2, 3].map((i) => ({
  uscc: uscc(i),
  name: `鹤岗市向阳区红旗街${i}号便民店`,
  entityType: '个体工商户',
  legalRep: `经营者${i}`,
  address: `鹤岗市向阳区红旗街${i}号`,
  districtCode: '230402',
  foundedOn: '2018-06-01',
  regStatus: '存续',
  inBusiness: true,
  batchId: 'e2e-register',
  createdAt: new Date(),
  updatedAt: new Date(),
}));

let stack: Stack;
let shop: CodedEntity;
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

beforeAll(async () => {
  stack = await startStack();
  await runStaff(['add', '--openid', STAFF, '--role', 'district', '--district', '230402', '--name', '向阳区专员'], stack.running.cloudUrl);
  const { db } = connectSdk(stack.running.cloudUrl);
  await db.collection('register').add({ data: REGISTER });
  shop = await seedCodedEntity(db, { uscc: uscc(9), name: '鹤岗市向阳区诚信示范超市', address: '鹤岗市向阳区红旗街9号' });
});

afterAll(async () => {
  await stack?.close();
});

async function expectNoErrors(phone: Phone): Promise<void> {
  expect(phone.errors).toEqual([]);
  expect(await phone.shownErrors()).toBe('');
}

async function xlsxRows(buffer: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

let phone: Phone;

describe('reaching 40%', () => {
  it(
    '1. outreach: the uncoded list, mark 同意赋码, export for the phone campaign',
    async () => {
      phone = await stack.phone(STAFF, 'pages/staff-outreach/staff-outreach');
      await eventually(() => phone.cls('total').textContent()).toContain('未赋码主体共 3 户');
      const items = phone.cls('item');
      expect(await items.count()).toBe(3);
      expect(await phone.screen.textContent()).not.toContain('诚信示范超市'); // coded: not on the list
      // The gap card: no market total imported yet, 3 uncoded in the register.
      await eventually(() => phone.cls('gap').filter({ hasText: '向阳区' }).textContent()).toContain('名录中未赋码3户');

      const first = items.filter({ hasText: '红旗街1号便民店' });
      await first.getByText('同意赋码', { exact: true }).tap();
      await phone.page.locator('.wx-modal-input').fill('店主同意，下周到店张贴');
      await phone.page.locator('.wx-modal-confirm').tap();
      await eventually(() =>
        phone.cls('item').filter({ hasText: '红旗街1号便民店' }).locator('[class$="--last-contact"]').textContent(),
      ).toContain('同意赋码（店主同意，下周到店张贴）');
      await eventually(() => phone.cls('agreed').textContent()).toContain('已同意赋码 1 户');
      // Ready for staff.issueCodes (another issue's action): the button hands it the marked USCCs.
      expect(await phone.text('为已同意的主体赋码').count()).toBe(1);
      await phone.shot('outreach-list');

      const download = phone.page.waitForEvent('download');
      await phone.text('导出名单（Excel）').tap();
      const rows = await xlsxRows(await readFile((await (await download).path())!));
      expect(rows[0]).toContain('法定代表人');
      expect(rows).toHaveLength(4);
      const marked = rows.find((r) => r[2] === uscc(1))!;
      expect(marked[9]).toBe('同意赋码');

      // 同意赋码 → staff.issueCodes: the shop gets its code and leaves the list of uncoded entities.
      await phone.text('为已同意的主体赋码').tap();
      await eventually(() => phone.cls('notice').textContent()).toContain('已提交赋码，名单已更新');
      await eventually(() => phone.cls('total').textContent()).toContain('未赋码主体共 2 户');
      expect(await phone.screen.textContent()).not.toContain('红旗街1号便民店');
      await eventually(() => phone.cls('gap').filter({ hasText: '向阳区' }).textContent()).toContain('名录中未赋码2户');
      await phone.shot('outreach-issued');
      await expectNoErrors(phone);
    },
    JOURNEY_MS,
  );

  it(
    '2. inspection: staff scan a code, 进入检查, record and publish an inspection',
    async () => {
      await phone.page.goto(`${stack.running.previewUrl}/?caller=${STAFF}#/pages/verify/verify?id=${shop.code._id}`);
      await phone.ready();
      await eventually(() => phone.cls('verdict').textContent()).toContain('有效');
      await phone.text('进入检查（工作人员）').tap();
      await eventually(() => phone.route()).toBe('pages/staff-inspect/staff-inspect');
      await eventually(() => phone.cls('entity-name').textContent()).toBe('鹤岗市向阳区诚信示范超市');
      await phone.cls('form').locator('select').selectOption({ label: '责令整改' });
      await phone.screen.getByPlaceholder('检查情况（可不填）').fill('价格标签不全，限三日内整改');
      await phone.text('保存检查记录').tap();
      await eventually(() => phone.cls('notice').textContent()).toContain('检查记录已保存（仅内部可见）');
      const record = phone.cls('inspection');
      await eventually(() => record.textContent()).toContain('责令整改');
      expect(await record.textContent()).toContain('仅内部可见');
      await record.getByText('公开', { exact: true }).tap();
      await eventually(() => phone.cls('inspection').textContent()).toContain('已公开');
      await phone.shot('outreach-inspection');
      await expectNoErrors(phone);
    },
    JOURNEY_MS,
  );

  it(
    '3. batch 信用核查: upload a list of USCCs, download the answers',
    async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('名单');
      ws.addRow(['序号', '统一社会信用代码']);
      ws.addRow([1, shop.entity.uscc]);
      ws.addRow([2, uscc(2)]);
      const list = Buffer.from(await wb.xlsx.writeBuffer());
      await phone.page.goto(`${stack.running.previewUrl}/?caller=${STAFF}#/pages/staff-check/staff-check`);
      await phone.ready();
      await phone.screen.getByPlaceholder('核查事由（如 评优评先、行政审批）').fill('评优评先');
      const chooser = phone.page.waitForEvent('filechooser');
      const download = phone.page.waitForEvent('download');
      await phone.text('上传名单并核查').tap();
      await (
        await chooser
      ).setFiles({ name: '评优名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: list });
      const rows = await xlsxRows(await readFile((await (await download).path())!));
      expect(rows[1]!.slice(1, 5)).toEqual([shop.entity.uscc, '鹤岗市向阳区诚信示范超市', '向阳区', '有效']);
      expect(rows[2]!.slice(1, 5)).toEqual([uscc(2), '鹤岗市向阳区红旗街2号便民店', '向阳区', '未赋码']);
      expect(rows[2]![11]).toContain('无有效诚信码');
      await eventually(() => phone.cls('counts').textContent()).toContain('核查2户');
      await phone.shot('outreach-credit-check');
      await expectNoErrors(phone);
    },
    JOURNEY_MS,
  );
});
