/**
 * The whole 通报 from imported tables: staffFiles.importTable (附件1/3/4 per period), the city's
 * entered figures, staff.bulletin as of a cut-off date (codes from that day's snapshot, totals
 * dated on or before it), and staffDocs.exportReport's .docx read back from its document.xml.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_FILE } from '../../core/contract/staff-files';
import { base64Length } from '../../core/schemas/upload';
import { readDocx } from '../support/docx-text';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { all, CITY, seedCodes, seedStaff, seedTotals, TAX, XIANGYANG } from './staff-fixtures';

let cloud: TestCloud;

async function xlsx(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const PUBLICITY_HEAD = [
  '序号',
  '部门名称',
  '填报双公示信息数量',
  '填报行政许可信息数量',
  '填报行政处罚信息数量',
  '双公示信息填报及时数量',
  '双公示信息填报及时率',
];
const publicityFile = (total: unknown[], rows: unknown[][]) => xlsx([['附件1'], PUBLICITY_HEAD, ['', '合计', ...total], ...rows]);
const PUBLICITY_ROWS = [
  [1, '向阳区', 120, 100, 20, 120, '100%'],
  [2, '市税务局', 50, 40, 10, 50, '100%'],
  [3, '市商务局', 10, 8, 2, 9, '90%'],
  [4, '市交通局', 50, 30, 20, 45, '90%'],
  [5, '萝北县', 0, 0, 0, 0, ''],
  [6, '市教育局', 3, 3, 0, 2, '66.67%'],
];

const files = (cloudCall: TestCloud['call'], openid: string, payload: Record<string, unknown>) => cloudCall('staffFiles', openid, payload);
const docs = (cloudCall: TestCloud['call'], openid: string, payload: Record<string, unknown>) => cloudCall('staffDocs', openid, payload);
const staff = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
  cloud.call('staff', openid, { action, ...payload });
const importTable = (openid: string, payload: Record<string, unknown>) => files(cloud.call, openid, { action: 'importTable', ...payload });

/** The snapshot of 2026-05-25: fewer codes than today's live count. */
const SNAPSHOT_CODED: Record<string, number> = {
  '230402': 3,
  '230403': 1,
  '230404': 40,
  '230405': 2,
  '230406': 5,
  '230407': 3,
  '230421': 37,
  '230422': 13,
};

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  await cloud.db.collection('staff').add({
    data: {
      openid: 'oDeptScjg0000001',
      name: '市场监管专员',
      role: 'department',
      departmentId: 'scjg',
      active: true,
      createdAt: new Date(),
    },
  });
  const market: Record<string, [number, number]> = {
    '230402': [40, 8],
    '230403': [10, 1],
    '230404': [183, 20],
    '230405': [16, 1],
    '230406': [116, 30],
    '230407': [25, 5],
    '230421': [238, 50],
    '230422': [55, 11],
  };
  for (const [code, [m, x]] of Object.entries(market)) {
    await seedCodes(cloud, code, SNAPSHOT_CODED[code]! + 2); // live: two more each since the snapshot
    await seedTotals(cloud, code, '2026-05-01', m, x);
    await seedTotals(cloud, code, '2026-06-01', m * 10, x); // after the cut-off: ignored for it
  }
  await cloud.db
    .collection('rateSnapshots')
    .doc('2026-05-25')
    .set({
      data: {
        date: '2026-05-25',
        takenAt: new Date('2026-05-25T15:00:00Z'),
        city: { districtCode: '230400', coded: 104, marketEntities: 683, basisPoints: 0 },
        districts: Object.entries(SNAPSHOT_CODED).map(([districtCode, coded]) => ({
          districtCode,
          coded,
          marketEntities: market[districtCode]![0],
          basisPoints: 0,
        })),
      },
    });
});
afterAll(async () => {
  await cloud?.close();
});

describe('importTable', () => {
  it('is for the city only', async () => {
    const fileBase64 = await publicityFile([233, 181, 52, 226, ''], PUBLICITY_ROWS);
    for (const who of [XIANGYANG, TAX, 'oDeptScjg0000001']) {
      const res = await importTable(who, { kind: 'publicity', fileBase64, from: '2026-05-01', to: '2026-05-20' });
      expect(res.error?.code).toBe('FORBIDDEN');
    }
  });

  it('needs the period of the table', async () => {
    const fileBase64 = await publicityFile([233, 181, 52, 226, ''], PUBLICITY_ROWS);
    expect((await importTable(CITY, { kind: 'publicity', fileBase64 })).error).toMatchObject({
      code: 'INVALID_INPUT',
      message: '“双公示”信息表请填写起止日期',
    });
    expect((await importTable(CITY, { kind: 'publicity', fileBase64, from: '2026-05-21', to: '2026-05-20' })).error?.code).toBe(
      'INVALID_INPUT',
    );
    expect((await importTable(CITY, { kind: 'monthlyReport', fileBase64 })).error?.message).toBe('工作动态报送情况表请填写月份');
  });

  it("refuses a file over 2 MB before reading it, inline or stored, with the tables' own message", async () => {
    const tooLarge = { code: 'FILE_TOO_LARGE', message: '文件过大，请确认上传的是通报附件表' };
    const limit = base64Length(TABLE_FILE.maxBytes);
    // Refused by the contract's schema, before anything is decoded.
    expect((await importTable(CITY, { kind: 'govCommitment', fileBase64: 'A'.repeat(limit + 4) })).error).toMatchObject(tooLarge);
    // Within the text's bound but two bytes over once decoded.
    expect((await importTable(CITY, { kind: 'govCommitment', fileBase64: 'A'.repeat(limit) })).error).toMatchObject(tooLarge);
    const { fileID } = await cloud.cloud.uploadFile({ cloudPath: 'tables/big.xlsx', fileContent: Buffer.alloc(TABLE_FILE.maxBytes + 1) });
    expect((await importTable(CITY, { kind: 'govCommitment', fileID })).error).toMatchObject(tooLarge);
  });

  it('refuses the whole table for one bad row, a duplicate unit or a 合计 that is not the sum, storing nothing', async () => {
    const before = cloud.writeVersion();
    const bad = await importTable(CITY, {
      kind: 'publicity',
      fileBase64: await publicityFile([233, 181, 52, 226, ''], [...PUBLICITY_ROWS.slice(0, 5), [6, '市教育局', 3, 3, 0, 4, '']]),
      from: '2026-05-01',
      to: '2026-05-20',
    });
    expect(bad.error?.code).toBe('INVALID_ROWS');
    expect(bad.error?.details).toEqual({
      issues: [{ row: 9, column: '双公示信息填报及时数量', reason: '填报及时数量不能大于双公示信息数量' }],
    });
    const dup = await importTable(CITY, {
      kind: 'publicity',
      fileBase64: await publicityFile([240, 188, 52, 233, ''], [...PUBLICITY_ROWS, [7, '市税务局', 7, 7, 0, 7, '']]),
      from: '2026-05-01',
      to: '2026-05-20',
    });
    expect(dup.error?.details).toEqual({ issues: [{ row: 10, column: '部门名称', reason: '与第5行的单位重复' }] });
    const sum = await importTable(CITY, {
      kind: 'publicity',
      fileBase64: await publicityFile([233, 181, 52, 227, ''], PUBLICITY_ROWS),
      from: '2026-05-01',
      to: '2026-05-20',
    });
    expect(sum.error).toMatchObject({
      code: 'TOTAL_MISMATCH',
      message: '合计行与各单位之和不一致：合计行的双公示信息填报及时数量为227，各单位之和为226',
    });
    const notXlsx = await importTable(CITY, { kind: 'govCommitment', fileBase64: Buffer.from('序号,部门名称').toString('base64') });
    expect(notXlsx.error?.code).toBe('INVALID_FILE');
    const noHeader = await importTable(CITY, {
      kind: 'govCommitment',
      fileBase64: await xlsx([
        ['序号', '部门名称'],
        [1, '市税务局'],
      ]),
    });
    expect(noHeader.error).toMatchObject({ code: 'MISSING_COLUMNS', message: '表头缺少列：政务承诺（份）' });
    expect(cloud.writeVersion()).toBe(before);
  });

  it('stores each period as one table; a re-import replaces it and the audit keeps what it replaced', async () => {
    const first = await importTable(CITY, {
      kind: 'publicity',
      fileBase64: await publicityFile([233, 181, 52, 226, ''], PUBLICITY_ROWS.slice(0, 1).concat(PUBLICITY_ROWS.slice(1))),
      from: '2026-05-01',
      to: '2026-05-20',
      fileName: '附件1.xlsx',
    });
    expect(first.data).toMatchObject({ id: 'publicity:2026-05-01_2026-05-20', rows: 6, version: 1, replaced: false });
    const again = await importTable(CITY, {
      kind: 'publicity',
      fileBase64: await publicityFile([233, 181, 52, 226, ''], PUBLICITY_ROWS),
      from: '2026-05-01',
      to: '2026-05-20',
    });
    expect(again.data).toMatchObject({ version: 2, replaced: true });
    const tables = await all(cloud, 'bulletinTables', { kind: 'publicity' });
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({
      periodStart: '2026-05-01',
      periodEnd: '2026-05-20',
      version: 2,
      importedBy: CITY,
      importedByName: '市级管理员',
    });
    expect(tables[0].statedTotal).toMatchObject({ total: 233, timely: 226 });
    expect(tables[0].rows.map((r: { unit: string }) => r.unit)).not.toContain('合计');
    const audits = await all(cloud, 'auditLog', { action: 'importTable' });
    expect(audits).toHaveLength(2);
    expect(audits.find((a) => a.before !== null).before).toMatchObject({ version: 1, rows: 6 });

    const gov = await importTable(CITY, {
      kind: 'govCommitment',
      asOf: '2026-05-25',
      fileBase64: await xlsx([
        ['附件3'],
        ['序号', '部门名称', '政务承诺（份）'],
        [1, '市税务局', 12],
        [2, '市教育局', 0],
        [3, '向阳区', 30],
        [4, '工农区', '8'],
      ]),
    });
    expect(gov.data).toMatchObject({ id: 'govCommitment:2026-05-25', rows: 4 });
    const monthly = await importTable(CITY, {
      kind: 'monthlyReport',
      month: '2026-05',
      fileBase64: await xlsx([
        ['序号', '部门名称', '自评报告', '工作动态', '佐证材料'],
        [1, '市税务局', '有', '有', '有'],
        [2, '市教育局', null, null, null],
        [3, '向阳区', '有', 3, null],
      ]),
    });
    expect(monthly.error).toBeUndefined();
    expect(monthly.data).toMatchObject({ id: 'monthlyReport:2026-05', rows: 3 });
    const badCell = await importTable(CITY, {
      kind: 'monthlyReport',
      month: '2026-04',
      fileBase64: await xlsx([
        ['部门名称', '自评报告', '工作动态', '佐证材料'],
        ['市税务局', '是', '', ''],
      ]),
    });
    expect(badCell.error?.details).toEqual({ issues: [{ row: 2, column: '自评报告', reason: '自评报告应填“有”、留空或填写份数' }] });
  });
});

describe('the 通报 as of a cut-off date', () => {
  it('lists what is missing instead of a report, and the export refuses with the same message', async () => {
    const res = await staff(CITY, 'bulletin', { cutoff: '2026-05-25' });
    expect(res.ok).toBe(true);
    expect(res.data.report).toBeNull();
    expect(res.data.missing).toEqual([{ code: 'NO_BULLETIN_INPUTS', message: '尚未录入公职人员承诺份数、承诺覆盖单位总数和公开公示率' }]);
    const exp = await docs(cloud.call, CITY, { action: 'exportReport', cutoff: '2026-05-25', docNo: '鹤环办发〔2026〕17号' });
    expect(exp.error).toMatchObject({
      code: 'NO_BULLETIN_INPUTS',
      message: '无法生成通报：尚未录入公职人员承诺份数、承诺覆盖单位总数和公开公示率',
    });
    const other = await staff(CITY, 'bulletin', { cutoff: '2026-05-25', month: '2026-04' });
    expect(other.data.missing.map((m: { code: string }) => m.code)).toEqual(['NO_BULLETIN_INPUTS', 'NO_MONTHLY_TABLE']);
    expect(other.data.missing[1].message).toBe('尚未导入2026年4月的工作动态报送情况表（附件4）');
  });

  it('takes the figures no table holds from the city, marked with who entered them', async () => {
    expect(
      (await staff(XIANGYANG, 'setBulletinInputs', { officialCommitments: 1, coverageBase: 4, disclosurePercent: 100 })).error?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await staff(CITY, 'setBulletinInputs', { officialCommitments: 1, coverageBase: 4, disclosurePercent: 100.5 })).error?.code,
    ).toBe('INVALID_INPUT');
    const res = await staff(CITY, 'setBulletinInputs', {
      asOf: '2026-05-20',
      officialCommitments: 3120,
      coverageBase: 4,
      disclosurePercent: 100,
    });
    expect(res.data).toMatchObject({ _id: '2026-05-20', disclosureBasisPoints: 10000, enteredBy: CITY, enteredByName: '市级管理员' });
    expect(await all(cloud, 'auditLog', { action: 'setBulletinInputs' })).toHaveLength(1);
    const progress = await staff(CITY, 'setDepartmentProgress', {
      asOf: '2026-05-20',
      departments: [
        { departmentId: 'scjg', policyDocument: true, dynamics: true },
        { departmentId: 'swj', policyDocument: false, dynamics: true },
      ],
    });
    expect(progress.ok).toBe(true);
    expect(
      (await staff(CITY, 'setDepartmentProgress', { departments: [{ departmentId: 'nope', policyDocument: true, dynamics: true }] })).error
        ?.code,
    ).toBe('INVALID_INPUT');
  });

  it('refuses a date without a snapshot, and a future date', async () => {
    const res = await staff(CITY, 'bulletin', { cutoff: '2026-04-01' });
    expect(res.error).toMatchObject({
      code: 'NO_SNAPSHOT',
      message: '2026年4月1日没有赋码统计快照（系统每日自动生成），无法按该日期统计；请选择有快照的日期或今天',
    });
    expect((await staff(CITY, 'bulletin', { cutoff: '2100-01-01' })).error?.code).toBe('FUTURE_CUTOFF');
  });

  let sections: { heading: string; paragraphs: string[] }[];

  it('builds all five sections: codes from the snapshot of the day, totals dated on or before it', async () => {
    const res = await staff(CITY, 'bulletin', { cutoff: '2026-05-25' });
    expect(res.data.missing).toEqual([]);
    expect(res.data.codesFrom).toBe('snapshot');
    sections = res.data.report.sections;
    const text = (i: number) => sections[i]!.paragraphs.join('');
    expect(text(0)).toBe(
      '2026年5月1日至2026年5月20日，两县六区及中省直、市直部门共填报“双公示”信息233条，及时填报“双公示”信息226条，填报及时率为97.00%。' +
        '其中行政许可信息181条，行政处罚信息52条。填报及时率未达到100%的部门有：市商务局（90.00%）、市交通局（90.00%）、市教育局（66.67%）。',
    );
    expect(text(1)).toBe(
      '截至2026年5月25日，鹤岗市各级政府及其部门（含公共事业单位）作出政务诚信承诺50份，覆盖面达到75%，公开公示率100%，公职人员承诺3120份。未开展承诺的单位有1个，分别为：市教育局。',
    );
    // 兴安区 2/16 = 12.50% from the snapshot (live would be 4/16 = 25%, and the June totals are ignored).
    expect(sections[2]!.paragraphs[0]).toMatch(
      /^涉及15个行管部门，其中制定推进落实文件1个单位：市市场监管局，报送工作动态2个单位：市市场监管局、市税务局，尚未启动单位13个：/,
    );
    expect(sections[2]!.paragraphs[1]).toBe(
      '截至2026年5月25日，“码上诚信”各县（区）赋码占市场总量排名情况：前三名的是：绥滨县：23.64%，南山区：21.86%，萝北县：15.55%；后两名的是：向阳区：7.50%，东山区：4.31%。',
    );
    expect(text(3)).toBe(
      '截至2026年5月25日，“信易贷”平台鹤岗站市场主体注册数量为126家，占市场总体总量18.45%，各县（区）入驻企业占本辖区市场主体总量前三名的是：' +
        '东山区25.86%、萝北县21.01%、向阳区20.00%、兴山区20.00%、绥滨县20.00%，后两名的是：工农区10.00%、兴安区6.25%。',
    );
    expect(text(4)).toBe(
      '2026年5月市守信践诺工作专班收到各责任单位报送工作动态4篇，自评报告2份，佐证材料1份，未上报材料的单位：市教育局。',
    );
    const annex2 = res.data.report.tables[1];
    expect(annex2.rows.find((r: string[]) => r[1] === '兴安区')).toEqual(['4', '兴安区', '6.25', '12.50']);
  });

  it('exports the whole 通报 as a docx holding every section sentence and every table', async () => {
    const bad = await docs(cloud.call, CITY, { action: 'exportReport', cutoff: '2026-05-25', docNo: '17号' });
    expect(bad.error).toMatchObject({ code: 'INVALID_INPUT', message: '文号格式应如 鹤环办发〔2022〕17号' });
    expect(
      (await docs(cloud.call, XIANGYANG, { action: 'exportReport', cutoff: '2026-05-25', docNo: '鹤环办发〔2026〕17号' })).error?.code,
    ).toBe('FORBIDDEN');
    const res = await docs(cloud.call, CITY, {
      action: 'exportReport',
      cutoff: '2026-05-25',
      docNo: '鹤环办发〔2026〕17号',
      issuedOn: '2026-05-26',
    });
    expect(res.ok).toBe(true);
    expect(res.data.fileName).toBe('关于鹤岗市信用体系建设工作情况的通报-2026-05-25.docx');
    const doc = await readDocx(Buffer.from(res.data.fileBase64, 'base64'));
    const p = doc.paragraphs;
    expect(p).toContain('鹤环办发〔2026〕17号');
    expect(p).toContain('关于鹤岗市信用体系建设工作情况的通报');
    expect(p).toContain('各县（区）人民政府，市直各有关单位：');
    for (const s of sections) {
      expect(p).toContain(s.heading);
      for (const para of s.paragraphs) expect(p).toContain(para);
    }
    expect(p).toContain('鹤岗市营商环境建设监督局');
    expect(p).toContain('2026年5月26日');
    expect(p.some((x) => x.startsWith('抄报：'))).toBe(true);
    expect(p).toContain('鹤岗市营商环境建设监督局办公室　　　　2026年5月26日印发');
    for (const a of ['附件1', '附件2', '附件3', '附件4']) expect(p).toContain(a);
    expect(doc.tables).toHaveLength(4);
    expect(doc.tables[0]![0]).toEqual(PUBLICITY_HEAD);
    expect(doc.tables[0]![1]).toEqual(['', '合计', '233', '181', '52', '226', '97.00%']);
    expect(doc.tables[0]![2]).toEqual(['1', '向阳区', '120', '100', '20', '120', '100.00%']);
    expect(doc.tables[0]!.at(-1)).toEqual(['6', '萝北县', '0', '0', '0', '0', '—']);
    expect(doc.tables[1]![0]![2]).toBe('入驻“信易贷”平台企业数量占本辖区市场主体总量比重 (%)');
    expect(doc.tables[1]).toHaveLength(10);
    expect(doc.tables[2]).toEqual([
      ['序号', '部门名称', '政务承诺（份）'],
      ['', '合计', '50'],
      ['1', '市税务局', '12'],
      ['2', '市教育局', '0'],
      ['3', '向阳区', '30'],
      ['4', '工农区', '8'],
    ]);
    expect(doc.tables[3]).toEqual([
      ['序号', '部门名称', '自评报告', '工作动态', '佐证材料'],
      ['1', '市税务局', '有', '有', '有'],
      ['2', '市教育局', '', '', ''],
      ['3', '向阳区', '有', '3', ''],
    ]);
    expect(doc.xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc.xml).toContain('w:eastAsia="黑体"');
    expect(doc.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(await all(cloud, 'auditLog', { action: 'exportReport' })).toHaveLength(1);
  });

  it('takes section 三 from the department ledger once a department has uploaded to it', async () => {
    const fileID = (await cloud.cloud.uploadFile({ cloudPath: 'ledger/swj-plan.pdf', fileContent: Buffer.from('%PDF-1.4 plan') })).fileID;
    const up = await staff(TAX, 'uploadLedgerFile', { kind: 'plan', month: '2026-05', title: '市税务局“码上诚信”推进落实方案', fileID });
    expect(up.error).toBeUndefined();
    const res = await staff(CITY, 'bulletin', { cutoff: '2026-05-25' });
    // The ledger replaces the city's entered statuses: one department with a 推进落实文件, none with 工作动态 only.
    expect(res.data.report.sections[2].paragraphs[0]).toMatch(
      /^涉及15个行管部门，其中制定推进落实文件1个单位：市税务局，报送工作动态0个单位，尚未启动单位14个：/,
    );
    expect(res.data.used.map((u: { kind: string }) => u.kind)).not.toContain('departmentProgress');
  });

  it('today without a snapshot yet counts live codes', async () => {
    const res = await staff(CITY, 'bulletin');
    expect(res.ok).toBe(true);
    expect(res.data.codesFrom).toBe('live');
    expect(res.data.rows.find((r: { name: string }) => r.name === '兴安区').codeRatePercent).toBe('2.50'); // 4 live codes of the June total 160
  });
});
