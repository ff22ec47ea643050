/**
 * The import page (miniprogram-simulate, real functions on a local cloud): the city admin picks the
 * department the rows come from, the report names it, the batch appears in the list, and 撤回本批
 * with a reason withdraws it; other staff see no department picker and only their own batches.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '../../core';
import { templateHeaders } from '../../core/import-layouts';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { installWx, loadPage, pick, tap, textOf, typeInto, until } from '../support/simulate';
import { all, CITY, seedStaff, usccOf, XIANGYANG } from '../functions/staff-fixtures';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
});
afterAll(async () => {
  await cloud?.close();
});

async function file(n: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('x');
  ws.addRow(templateHeaders('commitment'));
  ws.addRow([
    `页面批次商户${n}`,
    '法人及非法人组织',
    usccOf('230402', 950_000 + n),
    '主动型',
    '税务',
    '事由',
    '内容',
    '责任',
    '2026-05-01',
    '社会公开',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

type ImportPage = { importFile(f: { fileBase64: string }): Promise<void> };

describe('import page: department and batches', () => {
  it('lets the city admin choose the department, lists the batch and withdraws it with a reason', async () => {
    const rec = installWx({ cloudUrl: cloud.url, openid: CITY });
    const page = loadPage('pages/staff-import/staff-import');
    await until(() => page.data.mayChooseDepartment === true, 'the batch list');
    const tax = DEPARTMENTS.findIndex((d) => d.id === 'swj');
    await pick(page, '.department-picker', tax);
    expect(textOf(page, '.department')).toBe('市税务局');
    await (page.instance as unknown as ImportPage).importFile({ fileBase64: await file(1) });
    expect(textOf(page, '.summary')).toBe('共1行：新增1，重复0，有误0');
    expect(textOf(page, '.source')).toBe('来源：市税务局');
    await until(() => page.data.batches.length === 1, 'the new batch');
    expect(textOf(page, '.batch-head')).toMatch(/^\d{4}-\d{2}-\d{2} 主动承诺信息表 ·\s*已完成$/);

    await tap(page, '.withdraw');
    await tap(page, '.confirm-withdraw');
    expect(textOf(page, '.page-error')).toBe('请填写撤回原因');
    await typeInto(page, '.reason', '来源部门选错');
    await tap(page, '.confirm-withdraw');
    await until(() => page.data.batches[0]?.status === 'withdrawn', 'the withdrawal');
    expect(rec.toasts).toContain('已撤回1条');
    expect(textOf(page, '.batch .status')).toBe('已撤回');
    expect((await all(cloud, 'commitments', { promiserName: '页面批次商户1' }))[0]).toMatchObject({
      withdrawn: true,
      source: { department: '市税务局' },
    });
  });

  it('shows district staff no department picker and only their own batches', async () => {
    installWx({ cloudUrl: cloud.url, openid: XIANGYANG });
    const page = loadPage('pages/staff-import/staff-import');
    await until(() => page.data.batchTotal === 0 && page.data.mayChooseDepartment === false, 'the empty list');
    expect(page.querySelector('.department-picker')).toBeFalsy();
    await (page.instance as unknown as ImportPage).importFile({ fileBase64: await file(2) });
    expect(textOf(page, '.source')).toBe('来源：向阳区');
    await until(() => page.data.batchTotal === 1, 'own batch');
  });
});
