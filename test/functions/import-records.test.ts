/**
 * Official records you can trust (issue 19), through the real staffFiles/staff/public functions:
 * intact Chinese text, scope and provenance per row, batches (created first, withdrawn as a whole,
 * vanishing from public pages), district totals (no future dates, history, asOf), the register.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateHeaders } from '../../core/import-layouts';
import { chinaDate } from '../../core/rates';
import { seedCodedEntity } from '../support/coded-entity';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { all, CITY, GONGNONG, seedStaff, TAX, usccOf, XIANGYANG, seedTotals } from './staff-fixtures';

let cloud: TestCloud;
const SCJG = 'oDeptScjg0000001';
const SCJG2 = 'oDeptScjg0000002';

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  await cloud.db.collection('staff').add({
    data: [
      {
        openid: SCJG,
        name: '市场监管专员',
        role: 'department',
        departmentId: 'scjg',
        department: '市市场监管局',
        active: true,
        createdAt: new Date(),
      },
      {
        openid: SCJG2,
        name: '市场监管专员二',
        role: 'department',
        departmentId: 'scjg',
        department: '市市场监管局',
        active: true,
        createdAt: new Date(),
      },
    ],
  });
});
afterAll(async () => {
  await cloud?.close();
});

const files = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
  cloud.call('staffFiles', openid, { action, ...payload });
const staff = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
  cloud.call('staff', openid, { action, ...payload });

async function xlsx(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

function commitment(name: string, uscc: string, over: Partial<Record<number, unknown>> = {}): unknown[] {
  const row: unknown[] = [
    name,
    '法人及非法人组织',
    uscc,
    '主动型',
    '市场监管',
    '市场主体承诺书',
    '我企业依法诚信经营。',
    '违反承诺自愿接受处理。',
    '2026-05-01',
    '社会公开',
  ];
  for (const [k, v] of Object.entries(over)) row[Number(k)] = v;
  return row;
}

async function allPaged(name: string, where: Record<string, unknown>): Promise<any[]> {
  const out: any[] = [];
  for (;;) {
    const res = await cloud.db.collection(name).where(where).skip(out.length).limit(1000).get();
    out.push(...res.data);
    if (res.data.length < 1000) return out;
  }
}

describe('intact text', () => {
  it('stores a multi-MB sheet of Chinese text character for character, with no U+FFFD', async () => {
    const texts = new Map<string, string>();
    const rows: unknown[][] = [templateHeaders('commitment')];
    for (let i = 0; i < 6_000; i++) {
      const uscc = usccOf('230405', 700_000 + i);
      const content = `第${i}号：本企业郑重承诺依法诚信经营，不销售假冒伪劣商品，明码标价，自觉接受社会监督𠮷${'诚实守信'.repeat(10 + (i % 53))}`;
      texts.set(uscc, content);
      rows.push(commitment(`鹤岗兴安第${i}号商行`, uscc, { 6: content }));
    }
    const file = await xlsx(rows);
    const res = await files(CITY, 'importRecords', { kind: 'commitment', fileBase64: file, departmentId: 'scjg' });
    expect(res.error).toBeUndefined();
    expect(res.data).toMatchObject({ rows: 6_000, inserted: 6_000, invalid: 0 });
    const stored = await allPaged('commitments', { batchId: res.data.batchId });
    expect(stored).toHaveLength(6_000);
    const wrong = stored.filter((s) => s.content !== texts.get(s.uscc));
    expect(wrong.map((s) => s.content).slice(0, 3)).toEqual([]);
    expect(stored.filter((s) => JSON.stringify(s).includes('\uFFFD'))).toHaveLength(0);
  }, 120_000);
});

describe('scope and provenance per row', () => {
  it('district staff import only rows of their own district (entity, register, or USCC area decides)', async () => {
    // An entity whose USCC says 向阳区 but which is registered in 工农区: the entity's district wins.
    const moved = usccOf('230402', 801);
    await seedCodedEntity(cloud.db, { uscc: moved, name: '迁址商店', districtCode: '230403' });
    const inRegister = usccOf('230404', 802); // USCC says 南山区, register says 向阳区
    await cloud.db.collection('register').add({
      data: {
        uscc: inRegister,
        name: '名录商店',
        entityType: '个体工商户',
        legalRep: '王某',
        address: '向阳区',
        districtCode: '230402',
        regStatus: '存续',
        inBusiness: true,
        batchId: 'x',
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    });
    const own = usccOf('230402', 803);
    const file = await xlsx([
      templateHeaders('commitment'),
      commitment('迁址商店', moved),
      commitment('名录商店', inRegister),
      commitment('向阳本区商店', own),
      commitment('工农商店', usccOf('230403', 804)),
    ]);
    const res = await files(XIANGYANG, 'importRecords', { kind: 'commitment', fileBase64: file });
    expect(res.data).toMatchObject({ rows: 4, inserted: 2, invalid: 2, department: '向阳区' });
    expect(res.data.issues).toEqual([
      { row: 2, column: '承诺人代码', reason: '只能导入本县（区）市场主体的信息（该主体属于工农区）' },
      { row: 5, column: '承诺人代码', reason: '只能导入本县（区）市场主体的信息（该主体属于工农区）' },
    ]);
    const stored = await all(cloud, 'commitments', { batchId: res.data.batchId });
    expect(stored.map((s) => s.uscc).sort()).toEqual([inRegister, own].sort());
    expect(stored[0].source).toMatchObject({ kind: 'import', department: '向阳区', importedBy: XIANGYANG, batch: res.data.batchId });
    // Another district's staff cannot choose a department either.
    expect((await files(GONGNONG, 'importRecords', { kind: 'commitment', fileBase64: file, departmentId: 'swj' })).error?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('department staff import only their fields: honours by the 行管部门 in 认定部门 or the entity, others by the entity', async () => {
    const taxShop = usccOf('230406', 811);
    await seedCodedEntity(cloud.db, { uscc: taxShop, name: '税务领域商店', field: '税务' });
    const marketShop = usccOf('230406', 812);
    await seedCodedEntity(cloud.db, { uscc: marketShop, name: '市场领域商店', field: '市场监管' });
    const unknown = usccOf('230406', 813);
    // 守信激励信息表: 市场主体名称, 统一社会信用代码, 认定部门, 认定依据, 有效期至, 归集日期.
    const honour = (name: string, uscc: string, issuer: string) => [name, uscc, issuer, '信用评价结果', '', '2026-04-01'];
    const file = await xlsx([
      templateHeaders('honour'),
      honour('市场领域商店', marketShop, '国家税务总局鹤岗市税务局'), // a tax honour: 认定部门 decides (税务)
      honour('税务领域商店', taxShop, '市人社局'), // an HR honour: refused for 税务
      honour('税务领域商店', taxShop, '鹤岗市总工会'), // names no 行管部门: the entity's field (税务)
      honour('市场领域商店', marketShop, '鹤岗市诚信促进会'), // the entity's field is 市场监管: refused
      honour('未知商店', unknown, '某协会'), // no entity: no field can be decided
    ]);
    const res = await files(TAX, 'importRecords', { kind: 'honour', fileBase64: file });
    expect(res.data).toMatchObject({ rows: 5, inserted: 2, invalid: 3, department: '市税务局' });
    expect(res.data.issues.map((i: any) => [i.row, i.column])).toEqual([
      [3, '认定部门'],
      [5, '统一社会信用代码'],
      [6, '统一社会信用代码'],
    ]);
    expect(res.data.issues[0].reason).toBe('只能导入「税务」领域的信息（该行属于「人力资源和社会保障」领域）');
    const stored = await all(cloud, 'honours', { batchId: res.data.batchId });
    expect(stored.map((h) => [h.uscc, h.issuer]).sort()).toEqual(
      [
        [marketShop, '国家税务总局鹤岗市税务局'],
        [taxShop, '鹤岗市总工会'],
      ].sort(),
    );
    expect(stored.every((h) => h.source.departmentId === 'swj' && h.source.department === '市税务局')).toBe(true);
    // The market regulator's staff cannot import the HR honour either, nor claim another department.
    const scjg = await files(SCJG, 'importRecords', {
      kind: 'honour',
      fileBase64: await xlsx([templateHeaders('honour'), honour('税务领域商店', taxShop, '市人社局')]),
    });
    expect(scjg.data).toMatchObject({ inserted: 0, invalid: 1 });
    expect((await files(SCJG, 'importRecords', { kind: 'honour', fileBase64: file, departmentId: 'swj' })).error?.code).toBe('FORBIDDEN');
    // Other records by the entity: a 自愿注册 row of the 市场监管 shop is refused for 税务, the 税务 shop's is imported.
    const registration = (name: string, uscc: string) => [name, uscc, '诚信经营示范', '', '', '2026-04-01'];
    const reg = await files(TAX, 'importRecords', {
      kind: 'registration',
      fileBase64: await xlsx([
        templateHeaders('registration'),
        registration('税务领域商店', taxShop),
        registration('市场领域商店', marketShop),
      ]),
    });
    expect(reg.data).toMatchObject({ rows: 2, inserted: 1, invalid: 1 });
    expect(reg.data.issues).toEqual([
      { row: 3, column: '统一社会信用代码', reason: '只能导入「税务」领域的信息（该行属于「市场监管」领域）' },
    ]);
  });

  it("labels the city admin's imports with the chosen department, else 市营商局; free text is not accepted", async () => {
    const file = await xlsx([templateHeaders('commitment'), commitment('市级代录商店', usccOf('230407', 821))]);
    const chosen = await files(CITY, 'importRecords', { kind: 'commitment', fileBase64: file, departmentId: 'swu' });
    expect(chosen.data.department).toBe('市商务局');
    expect((await all(cloud, 'commitments', { batchId: chosen.data.batchId }))[0].source).toMatchObject({
      departmentId: 'swu',
      department: '市商务局',
    });
    const other = await xlsx([templateHeaders('commitment'), commitment('市级代录商店二', usccOf('230407', 822))]);
    const plain = await files(CITY, 'importRecords', { kind: 'commitment', fileBase64: other, department: '随便写的部门' });
    expect((await all(cloud, 'commitments', { batchId: plain.data.batchId }))[0].source).toMatchObject({
      departmentId: 'yshj',
      department: '市营商局',
    });
    const bad = await files(CITY, 'importRecords', { kind: 'commitment', fileBase64: other, departmentId: '随便写的部门' });
    expect(bad.error?.code).toBe('INVALID_INPUT');
  });

  it('refuses commitments that do not name the entity as registered (spaces and full-width letters aside)', async () => {
    const uscc = usccOf('230402', 831);
    await cloud.db.collection('register').add({
      data: {
        uscc,
        name: '鹤岗市ABC商贸有限公司',
        entityType: '有限责任公司',
        legalRep: '李某',
        address: '向阳区',
        districtCode: '230402',
        regStatus: '存续',
        inBusiness: true,
        batchId: 'x',
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    });
    const file = await xlsx([
      templateHeaders('commitment'),
      commitment('鹤岗市ＡＢＣ商贸 有限公司', uscc),
      commitment('老王家饭店', uscc, { 5: '另一事由' }),
    ]);
    const res = await files(CITY, 'importRecords', { kind: 'commitment', fileBase64: file });
    expect(res.data).toMatchObject({ inserted: 1, invalid: 1 });
    expect(res.data.issues).toEqual([{ row: 3, column: '承诺人名称', reason: '承诺人名称与登记名称「鹤岗市ABC商贸有限公司」不一致' }]);
  });
});

describe('batches', () => {
  it('writes the batch before the rows, lists batches in scope, and withdraws one: its records leave the public page at once', async () => {
    const uscc = usccOf('230402', 841);
    const shop = await seedCodedEntity(cloud.db, { uscc, name: '撤回测试商店', field: '市场监管' });
    const file = await xlsx([
      templateHeaders('commitment'),
      commitment('撤回测试商店', uscc),
      commitment('撤回测试商店', uscc, { 5: '第二条' }),
    ]);
    const res = await files(SCJG, 'importRecords', { kind: 'commitment', fileBase64: file, fileName: '承诺-撤回.xlsx' });
    expect(res.data).toMatchObject({ inserted: 2, department: '市市场监管局' });
    const batch = (await all(cloud, 'importBatches', { _id: res.data.batchId }))[0];
    expect(batch).toMatchObject({
      kind: 'commitment',
      fileName: '承诺-撤回.xlsx',
      departmentId: 'scjg',
      importedBy: SCJG,
      role: 'department',
      status: 'done',
      counts: { rows: 2, inserted: 2 },
    });
    expect(batch.fileHash).toMatch(/^[0-9a-f]{64}$/);
    const stored = await all(cloud, 'commitments', { batchId: batch._id });
    // The batch was written before its first row.
    expect(stored.every((s) => new Date(s.createdAt).getTime() >= new Date(batch.startedAt).getTime())).toBe(true);

    const profile = () => cloud.call('public', '', { action: 'verifyCode', codeId: shop.code._id });
    expect((await profile()).data.profile.commitments).toHaveLength(2);

    // Listing: own batches for department staff, everything for the city.
    const mine = await staff(SCJG, 'batches', { kind: 'commitment' });
    expect(mine.data.total).toBe(1);
    expect(mine.data.items[0]._id).toBe(batch._id);
    expect((await staff(SCJG2, 'batches')).data.total).toBe(0);
    expect((await staff(CITY, 'batches')).data.total).toBeGreaterThan(1);

    // Only the importer or the city withdraws, with a reason.
    expect((await staff(SCJG2, 'withdrawBatch', { batchId: batch._id, reason: '误导入' })).error?.code).toBe('FORBIDDEN');
    expect((await staff(SCJG, 'withdrawBatch', { batchId: batch._id })).error?.code).toBe('INVALID_INPUT');
    const w = await staff(SCJG, 'withdrawBatch', { batchId: batch._id, reason: '承诺书版本有误' });
    expect(w.data).toEqual({ batchId: batch._id, withdrawn: 2 });
    expect((await profile()).data.profile.commitments).toHaveLength(0);
    const after = await all(cloud, 'commitments', { batchId: batch._id });
    expect(after.every((s) => s.withdrawn === true && s.withdrawal.batchId === batch._id && s.withdrawal.reason === '承诺书版本有误')).toBe(
      true,
    );
    expect((await all(cloud, 'importBatches', { _id: batch._id }))[0]).toMatchObject({ status: 'withdrawn', withdrawal: { by: SCJG } });
    expect(await all(cloud, 'auditLog', { action: 'batch.withdraw', 'target.id': batch._id })).toMatchObject([
      { actor: SCJG, reason: '承诺书版本有误', after: { records: 2 } },
    ]);
    expect((await staff(CITY, 'withdrawBatch', { batchId: batch._id, reason: '再撤' })).error?.code).toBe('INVALID_STATE');
  });

  it('a bad file leaves no batch and stores nothing', async () => {
    const before = (await all(cloud, 'importBatches')).length;
    const res = await files(CITY, 'importRecords', {
      kind: 'commitment',
      fileBase64: Buffer.from('PK\u0003\u0004garbage').toString('base64'),
    });
    expect(res.error?.code).toBe('INVALID_FILE');
    expect(await all(cloud, 'importBatches')).toHaveLength(before);
  });
});

describe('district totals', () => {
  it('refuses future dates, keeps history, and ranks by the latest non-withdrawn totals on or before the date', async () => {
    const today = chinaDate(new Date());
    const tomorrow = chinaDate(new Date(Date.now() + 86_400_000));
    const totals = (rows: unknown[][]) => xlsx([templateHeaders('districtTotals'), ...rows]);
    const future = await files(XIANGYANG, 'importRecords', {
      kind: 'districtTotals',
      fileBase64: await totals([
        ['230402', '2100-12-31', 100, 100],
        ['230402', tomorrow, 100, 100],
      ]),
    });
    expect(future.data).toMatchObject({ inserted: 0, invalid: 2 });
    expect(future.data.issues[0]).toEqual({ row: 2, column: '统计日期', reason: `统计日期不能晚于今天（${today}）` });

    const first = await files(CITY, 'importRecords', {
      kind: 'districtTotals',
      fileBase64: await totals([['230421', '2026-01-10', 1000, 100]]),
    });
    expect(first.data.inserted).toBe(1);
    const wrong = await files(CITY, 'importRecords', {
      kind: 'districtTotals',
      fileBase64: await totals([['230421', '2026-02-10', 1000, 999]]),
    });
    const stats = async (asOf?: string) =>
      (await staff(CITY, 'districtStats', asOf ? { asOf } : {})).data.districts.find((d: any) => d.districtCode === '230421');
    expect(await stats()).toMatchObject({ xinyidai: 999, totalsAsOf: '2026-02-10', marketEntitiesSource: 'totals' });
    expect(await stats('2026-01-31')).toMatchObject({ xinyidai: 100, totalsAsOf: '2026-01-10' });
    expect((await staff(CITY, 'districtStats', { asOf: tomorrow })).error?.code).toBe('INVALID_INPUT');
    // The city corrects the wrong row by withdrawing its batch (and importing the right one).
    await staff(CITY, 'withdrawBatch', { batchId: wrong.data.batchId, reason: '信易贷数填错' });
    expect(await stats()).toMatchObject({ xinyidai: 100, totalsAsOf: '2026-01-10' });
    expect((await all(cloud, 'districtTotals', { districtCode: '230421' })).length).toBe(2); // history kept
  });

  it('lets the city correct one wrong row (withdrawn and replaced, audited); nobody else', async () => {
    const file = await xlsx([templateHeaders('districtTotals'), ['230407', '2026-03-01', 500, 50], ['230404', '2026-03-01', 700, 70]]);
    const res = await files(CITY, 'importRecords', { kind: 'districtTotals', fileBase64: file });
    const wrong = (await all(cloud, 'districtTotals', { batchId: res.data.batchId, districtCode: '230407' }))[0];
    const row = async (code: string) => (await staff(CITY, 'districtStats')).data.districts.find((d: any) => d.districtCode === code);
    expect(await row('230407')).toMatchObject({ marketEntities: 500, xinyidai: 50 });
    expect((await staff(XIANGYANG, 'correctTotals', { totalsId: wrong._id, reason: 'x', marketEntities: 5000 })).error?.code).toBe(
      'FORBIDDEN',
    );
    expect((await staff(CITY, 'correctTotals', { totalsId: wrong._id, reason: '多录一个零', xinyidaiRegistered: 5000 })).error?.code).toBe(
      'INVALID_INPUT',
    );
    const fixed = await staff(CITY, 'correctTotals', { totalsId: wrong._id, reason: '少录一个零', marketEntities: 5000 });
    expect(fixed.data.withdrawnId).toBe(wrong._id);
    expect(await row('230407')).toMatchObject({ marketEntities: 5000, xinyidai: 50, totalsAsOf: '2026-03-01' });
    expect(await row('230404')).toMatchObject({ marketEntities: 700 }); // the rest of the batch is untouched
    expect((await all(cloud, 'districtTotals', { _id: fixed.data.correctedId }))[0]).toMatchObject({
      correctionOf: wrong._id,
      batchId: res.data.batchId,
    });
    expect(await all(cloud, 'auditLog', { action: 'totals.correct', 'target.id': wrong._id })).toMatchObject([
      { actor: CITY, reason: '少录一个零' },
    ]);
  });
});

describe('register import', () => {
  const header = [
    '统一社会信用代码',
    '市场主体名称',
    '市场主体类型',
    '法定代表人（负责人、经营者）',
    '住所（经营场所）',
    '所属县（区）',
    '成立日期',
    '登记状态',
  ];
  const u1 = usccOf('230422', 851);
  const u2 = usccOf('230422', 852);
  const u3 = usccOf('230422', 853);

  it('upserts by USCC, keeps history of changes, counts in-business entities for the dashboard, and stays private', async () => {
    const file1 = await xlsx([
      header,
      [u1, '绥滨一号商店', '个体工商户', '赵一', '绥滨县某街1号', '绥滨县', '2020-01-01', '存续'],
      [u2, '绥滨二号公司', '有限责任公司', '钱二', '绥滨县某街2号', '230422', '2019-05-05', '在业'],
      [u3, '绥滨三号商店', '个体工商户', '孙三', '绥滨县某街3号', '绥滨县', '', '注销'],
      [usccOf('230422', 854), '坏行', '个体工商户', '李四', '某地', '火星区', '', '存续'],
    ]);
    expect((await files(TAX, 'importRecords', { kind: 'register', fileBase64: file1 })).error?.code).toBe('FORBIDDEN');
    expect((await files(XIANGYANG, 'importRecords', { kind: 'register', fileBase64: file1 })).error?.code).toBe('FORBIDDEN');
    const first = await files(SCJG, 'importRecords', { kind: 'register', fileBase64: file1 });
    expect(first.data).toMatchObject({
      kind: 'register',
      rows: 4,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      invalid: 1,
      department: '市市场监管局',
    });
    expect(first.data.issues[0].column).toBe('所属县（区）');
    expect((await all(cloud, 'register', { uscc: u1 }))[0]).toMatchObject({
      districtCode: '230422',
      inBusiness: true,
      legalRep: '赵一',
      foundedOn: '2020-01-01',
    });
    expect((await all(cloud, 'register', { uscc: u3 }))[0].inBusiness).toBe(false);

    const file2 = await xlsx([
      header,
      [u1, '绥滨一号商店', '个体工商户', '赵一', '绥滨县某街1号', '绥滨县', '2020-01-01', '存续'],
      [u2, '绥滨二号有限公司', '有限责任公司', '周五', '绥滨县某街2号', '230422', '2019-05-05', '吊销'],
    ]);
    const second = await files(CITY, 'importRecords', { kind: 'register', fileBase64: file2 });
    expect(second.data).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(await all(cloud, 'registerHistory', { uscc: u2 })).toMatchObject([
      {
        batchId: second.data.batchId,
        before: { name: '绥滨二号公司', legalRep: '钱二', regStatus: '在业', inBusiness: true },
        after: { name: '绥滨二号有限公司', legalRep: '周五', regStatus: '吊销', inBusiness: false },
      },
    ]);
    // The register is newer than 绥滨县's totals (none): its count of entities in business is used.
    const row = (await staff(CITY, 'districtStats')).data.districts.find((d: any) => d.districtCode === '230422');
    expect(row).toMatchObject({ marketEntities: 1, marketEntitiesSource: 'register' });
    // Once the district has imported totals they are its 市场主体总量, however new the (partial) register.
    await seedTotals(cloud, '230422', '2026-01-01', 5000, 600);
    const withTotals = (await staff(CITY, 'districtStats')).data.districts.find((d: any) => d.districtCode === '230422');
    expect(withTotals).toMatchObject({ marketEntities: 5000, marketEntitiesSource: 'totals' });
    // Private: the legal representative is on no public answer.
    const shop = await seedCodedEntity(cloud.db, { uscc: u1, name: '绥滨一号商店', districtCode: '230422' });
    const pub = await cloud.call('public', '', { action: 'verifyCode', codeId: shop.code._id });
    expect(pub.ok).toBe(true);
    expect(JSON.stringify(pub)).not.toContain('赵一');
  });
});
