/**
 * Entitlement on the pages (miniprogram-simulate against a local cloud): the review card shows the
 * photos, the evidence and the flags; 通过 asks for confirmation when a flag is raised and, for a
 * takeover, for the reason; 驳回 offers preset reasons; the queue searches and loads more; the
 * applicant withdraws and re-applies with the form filled in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc } from '../support/coded-entity';
import { LICENCE_JPEG } from '../support/apply-form';
import { installWx, loadPage, tap, textOf, typeInto, until, type RenderedPage } from '../support/simulate';
import { all, GONGNONG, seedStaff, XIANGYANG } from '../functions/staff-fixtures';

const APPLICANT = 'oPagesApplicant1';
const OWNER = 'oPagesOwner00001';
let cloud: TestCloud;
let licence: string;

const texts = (page: RenderedPage, selector: string): string[] =>
  (page.querySelectorAll(selector) as { dom: HTMLElement }[]).map((e) => (e.dom.textContent ?? '').trim());

function application(uscc: string, entityName: string, over: Record<string, unknown> = {}) {
  return {
    action: 'applyCode',
    uscc,
    entityName,
    category: 'company',
    address: '鹤岗市向阳区红军路30号',
    field: '商务',
    contactName: '周八',
    contactPhone: '13600006666',
    legalRepName: '周八',
    licencePhoto: licence,
    ...over,
  };
}

async function apply(openid: string, uscc: string, entityName: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await cloud.call('merchant', openid, application(uscc, entityName, over));
  expect(res.ok, JSON.stringify(res.error)).toBe(true);
  return res.data.applicationId;
}

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  licence = (await cloud.cloud.uploadFile({ cloudPath: 'licences/pages-test.jpg', fileContent: LICENCE_JPEG })).fileID;
});

afterAll(async () => {
  await cloud?.close();
});

describe('the review card', () => {
  it('shows the photos, evidence and flags; a takeover needs the reason; other flags a confirmation', async () => {
    const takenUscc = testUscc('230402', 9101);
    const now = new Date();
    await cloud.db.collection('register').add({
      data: {
        uscc: takenUscc,
        name: '向阳区接管测试商行',
        entityType: '有限责任公司',
        legalRep: '吴九',
        address: '向阳区',
        districtCode: '230402',
        regStatus: '存续',
        inBusiness: true,
        batchId: 'b1',
        createdAt: now,
        updatedAt: now,
      },
    });
    const { code } = await seedCodedEntity(cloud.db, {
      uscc: takenUscc,
      name: '向阳区接管测试商行',
      districtCode: '230402',
      ownerOpenids: [OWNER],
    });
    await cloud.call('staff', XIANGYANG, { action: 'revokeCode', codeId: code._id, reason: '原经营者停业' });
    const takeoverId = await apply(APPLICANT, takenUscc, '向阳区接管测试商行');
    const flaggedId = await apply('oPagesOther00001', testUscc('230402', 9102), '向阳区无名录测试店');

    const rec = installWx({ cloudUrl: cloud.url, openid: XIANGYANG });
    const page = loadPage('pages/staff-queue/staff-queue');
    await until(() => page.data.loading === false, 'the queue');
    expect(textOf(page, '.total')).toBe('共2份待审核申请');
    const row = page.data.rows.find((r: { id: string }) => r.id === takeoverId);
    expect(row.lines.join('\n')).toMatch(/提交于 \d{4}-\d{2}-\d{2}/);
    expect(row.lines).toContain('法定代表人（负责人、经营者）：周八');
    expect(row.photos).toEqual([{ label: '营业执照', url: expect.stringMatching(/^https?:\/\//) }]);
    expect(row.flags).toEqual(
      expect.arrayContaining(['法定代表人（负责人、经营者）与名录不一致', '该主体的诚信码曾被撤销，通过即重新赋码']),
    );
    expect(row.evidence[0]).toBe('名录：向阳区接管测试商行 · 法定代表人 吴九 · 向阳区 · 存续');
    expect(row.evidence.join('\n')).toContain('第1版诚信码 · 已撤销');
    expect(row.evidence.join('\n')).toContain('原因：原经营者停业');
    const html = page.dom!.innerHTML;
    expect(html).toContain(row.photos[0].url.replace(/&/g, '&amp;'));
    expect(texts(page, '.flag').some((t) => t.includes('曾被撤销'))).toBe(true);

    // The takeover: 通过 opens the reason, which is required.
    expect(page.data.rows[0].id).toBe(takeoverId); // oldest first
    await tap(page, '.item .act-approve');
    expect(page.data.pendingId).toBe(takeoverId);
    expect(page.data.pendingTakeover).toBe(true);
    expect(textOf(page, '.takeover-note')).toContain('申请人有权代表该主体');
    await tap(page, '.confirm');
    expect(textOf(page, '.page-error')).toContain('确认接管时请填写核实情况');
    await typeInto(page, '.reason', '已核对营业执照原件和经营者身份证');
    await tap(page, '.confirm');
    await until(() => page.data.rows.length === 1, 'the takeover approval');
    const [approved] = await all(cloud, 'applications', { _id: takeoverId });
    expect(approved).toMatchObject({ status: 'approved', takeover: { reason: '已核对营业执照原件和经营者身份证', revokedBefore: true } });

    // A flagged, non-takeover application: 通过 asks first; 再看看 changes nothing.
    expect(page.data.rows[0].id).toBe(flaggedId);
    const opts = { cloudUrl: cloud.url, openid: XIANGYANG, modalConfirm: false };
    const rec2 = installWx(opts);
    await tap(page, '.item .act-approve');
    await until(() => rec2.modals.length === 1, 'the confirmation');
    expect(rec2.modals[0]).toContain('市场主体名录中无此统一社会信用代码');
    expect((await all(cloud, 'applications', { _id: flaggedId }))[0].status).toBe('pending');
    opts.modalConfirm = true;
    await tap(page, '.item .act-approve');
    await until(() => page.data.rows.length === 0, 'the approval');
    expect((await all(cloud, 'applications', { _id: flaggedId }))[0].status).toBe('approved');
    expect(rec.toasts).toContain('已通过');
    expect(rec2.toasts).toContain('已通过');
  });

  it('rejects with a preset reason, searches by name and loads more', async () => {
    for (let i = 0; i < 23; i++)
      await apply(`oPagesMany${i}`, testUscc('230403', 9200 + i), `工农区分页测试${String(i).padStart(2, '0')}号店`, { address: '工农区' });
    installWx({ cloudUrl: cloud.url, openid: GONGNONG });
    const page = loadPage('pages/staff-queue/staff-queue');
    await until(() => page.data.loading === false, 'the queue');
    expect(page.data.total).toBe(23);
    expect(page.data.rows).toHaveLength(20);
    await tap(page, '.more');
    await until(() => page.data.rows.length === 23, 'the next page');
    expect(page.querySelector('.more')).toBeFalsy();

    await typeInto(page, '.keyword', '07号');
    await tap(page, '.search-btn');
    await until(() => page.data.loading === false && page.data.rows.length === 1, 'the search');
    expect(page.data.rows[0].title).toBe('工农区分页测试07号店');

    await tap(page, '.item .act-reject');
    expect(texts(page, '.preset')).toEqual(['名称与营业执照不符', '营业执照照片不清晰', '非该主体经办人', '信息不完整']);
    await tap(page, '.preset');
    expect(page.data.reason).toBe('名称与营业执照不符');
    await tap(page, '.confirm');
    await until(() => page.data.rows.length === 0, 'the rejection');
    const [rejected] = await all(cloud, 'applications', { entityName: '工农区分页测试07号店' });
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: '名称与营业执照不符' });
  });
});

describe('the applicant', () => {
  it('withdraws a pending application and re-applies with the form filled in', async () => {
    const uscc = testUscc('230404', 9301);
    const id = await apply(APPLICANT, uscc, '南山区撤回再申请测试店', { field: '税务' });
    installWx({ cloudUrl: cloud.url, openid: APPLICANT, sdk: cloud.cloud });
    const mine = loadPage('pages/my-entities/my-entities');
    await until(() => mine.data.loading === false, 'my applications');
    const index = mine.data.applications.findIndex((a: { id: string }) => a.id === id);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(mine.querySelector('.withdraw')).toBeTruthy();
    await tap(mine, '.withdraw');
    await until(() => mine.data.applications.find((a: { id: string }) => a.id === id)?.status === 'withdrawn', 'the withdrawal');
    expect((await all(cloud, 'applications', { _id: id }))[0].status).toBe('withdrawn');

    const page = loadPage('pages/apply/apply', { from: id });
    await until(() => page.data.form.uscc === uscc, 'the form filled in');
    expect(page.data.form).toMatchObject({
      entityName: '南山区撤回再申请测试店',
      legalRepName: '周八',
      licencePhoto: licence,
      contactPhone: '13600006666',
    });
    expect(page.data.usccOk).toBe(true);
    expect(page.data.fields[page.data.fieldIndex]).toBe('税务');
    expect(textOf(page, '.refilled')).toContain('上次申请已撤回');
    await tap(page, '.submit');
    await until(() => page.data.done !== null, 'the new application');
    expect(await all(cloud, 'applications', { uscc, status: 'pending' })).toHaveLength(1);
  });
});
