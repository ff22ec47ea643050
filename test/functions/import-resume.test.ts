/**
 * An import that runs out of time (issue 19): with an injected time budget
 * (FUNCTION_TIME_BUDGET_MS=1, read by every function instance of this file's cloud) each call
 * writes its first chunk of 500 rows and then stops: the batch is marked failed with its audit entry
 * and the row it got to; importing the same file again resumes after that row, until it is done.
 * The failed batches can be withdrawn, exactly their rows.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateHeaders } from '../../core/import-layouts';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { all, CITY, seedStaff, usccOf } from './staff-fixtures';

let cloud: TestCloud;
const previous = process.env.FUNCTION_TIME_BUDGET_MS;

beforeAll(async () => {
  // Function instances (worker threads) copy process.env when they start: this cloud's all do.
  process.env.FUNCTION_TIME_BUDGET_MS = '1';
  cloud = await startTestCloud();
  await seedStaff(cloud);
});
afterAll(async () => {
  await cloud?.close();
  if (previous === undefined) delete process.env.FUNCTION_TIME_BUDGET_MS;
  else process.env.FUNCTION_TIME_BUDGET_MS = previous;
});

describe('time budget and resume', () => {
  it('stops before the limit, leaves a failed audited batch, and resumes where it stopped on re-import', async () => {
    const ROWS = 1_600;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('主动承诺信息表');
    ws.addRow(templateHeaders('commitment'));
    for (let i = 0; i < ROWS; i++) {
      const bad = i === 700; // one bad row in the second chunk: reported by the attempt that reaches it
      ws.addRow([
        `鹤岗限时第${i}号商户`,
        '法人及非法人组织',
        bad ? '123' : usccOf('230404', 600_000 + i),
        '主动型',
        '市场监管',
        '市场主体承诺书',
        '我企业依法诚信经营。',
        '违反承诺自愿接受处理。',
        '2026-05-01',
        '社会公开',
      ]);
    }
    const fileBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const call = () => cloud.call('staffFiles', CITY, { action: 'importRecords', kind: 'commitment', fileBase64, fileName: '限时.xlsx' });

    const first = await call();
    expect(first.error?.code).toBe('IMPORT_TIMED_OUT');
    expect(first.error?.message).toMatch(/重新导入同一文件继续/);
    const firstId = (first.error?.details as { batchId: string }).batchId;
    const failed = (await all(cloud, 'importBatches', { _id: firstId }))[0];
    expect(failed).toMatchObject({
      status: 'failed',
      error: first.error?.message,
      resumeAfterRow: 501,
      counts: { rows: 500, inserted: 500 },
    });
    expect((await cloud.db.collection('commitments').where({ batchId: firstId }).count()).total).toBe(500);
    expect(await all(cloud, 'auditLog', { action: 'importRecords', 'target.id': firstId })).toMatchObject([
      { actor: CITY, after: { status: 'failed', inserted: 500, resumeAfterRow: 501 } },
    ]);

    // Resume: each call starts after the row the previous one got to.
    const second = await call();
    expect(second.error?.code).toBe('IMPORT_TIMED_OUT');
    const secondId = (second.error?.details as { batchId: string }).batchId;
    // Rows 2–501 skipped; rows 502–1002 handled (row 702 invalid), then out of time.
    expect((await all(cloud, 'importBatches', { _id: secondId }))[0]).toMatchObject({
      resumeAfterRow: 1002,
      counts: { rows: 501, skipped: 500, inserted: 500, invalid: 1 },
    });
    expect(second.error?.details).toMatchObject({ rows: 501, inserted: 500 });
    const third = await call();
    expect(third.error?.code).toBe('IMPORT_TIMED_OUT');
    const last = await call();
    expect(last.ok).toBe(true);
    expect(last.data).toMatchObject({ rows: 99, skipped: 1501, inserted: 99, invalid: 0 });
    expect(last.data.resumedFrom).toBe((third.error?.details as { batchId: string }).batchId);
    expect((await cloud.db.collection('commitments').count()).total).toBe(ROWS - 1);

    // A failed batch can be withdrawn: exactly its rows.
    const w = await cloud.call('staff', CITY, { action: 'withdrawBatch', batchId: firstId, reason: '超时中断的批次' });
    expect(w.data).toEqual({ batchId: firstId, withdrawn: 500 });
  }, 120_000);
});
