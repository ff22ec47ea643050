/**
 * Who may hold a code, end to end in a real browser: a stranger applies for a 向阳区 entity whose
 * code was revoked, with a 营业执照 photo; the 向阳区 reviewer's card shows the photo and the flags
 * (legal representative differs from the register, the entity has an owner, its code was revoked);
 * approving is a takeover that asks for the reason; the old owner is told; old prints stay 已撤销.
 * Screenshots: test-results/e2e/entitlement-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeUscc } from '../../core/uscc';
import { connectSdk } from '../../localcloud/sdk';
import { runStaff } from '../../scripts/staff';
import { startStack, type Phone, type Stack } from './harness';
import { fillEntitlement } from './apply-entitlement';

const JOURNEY_MS = 120_000;
const STRANGER = 'merchant-demo';
const OLD_OWNER = 'merchant-old-owner';
const DISTRICT_STAFF = 'staff-230402';
const USCC = composeUscc({ department: '9', category: '2', area: '230402', org8: 'MA1E2E3F' });
const REGISTERED = '鹤岗市向阳区（老街）烧烤店';

let stack: Stack;
let sdk: ReturnType<typeof connectSdk>;
let oldCodeId = '';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function call(fn: string, openid: string, data: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${stack.running.cloudUrl}/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid, data }),
  });
  return ((await res.json()) as { result: unknown }).result;
}

async function expectNoErrors(phone: Phone): Promise<void> {
  expect(phone.errors).toEqual([]);
  expect(await phone.shownErrors()).toBe('');
}

const loadedWidth = (img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0);

beforeAll(async () => {
  stack = await startStack();
  const url = stack.running.cloudUrl;
  sdk = connectSdk(url);
  await runStaff(['add', '--openid', DISTRICT_STAFF, '--role', 'district', '--district', '230402', '--name', '向阳区审核员'], url);
  // The register row, and the entity as its first owner held it until its code was revoked.
  const now = new Date();
  await sdk.db.collection('register').add({
    data: {
      uscc: USCC,
      name: REGISTERED,
      entityType: '个体工商户',
      legalRep: '赵六',
      address: '鹤岗市向阳区老街8号',
      districtCode: '230402',
      regStatus: '存续',
      inBusiness: true,
      batchId: 'e2e-register',
      createdAt: now,
      updatedAt: now,
    },
  });
  await sdk.db.collection('entities').add({
    data: {
      _id: 'e2e-old-entity',
      uscc: USCC,
      name: REGISTERED,
      category: 'individual',
      districtCode: '230402',
      address: '鹤岗市向阳区老街8号',
      field: '商务',
      ownerOpenids: [OLD_OWNER],
      createdAt: now,
      updatedAt: now,
    },
  });
  const { issueCode } = await import('../../server/codes');
  const code = await issueCode(sdk.db, { _id: 'e2e-old-entity', uscc: USCC, districtCode: '230402', field: '商务' }, DISTRICT_STAFF, now);
  oldCodeId = code._id;
  const revoked = await call('staff', DISTRICT_STAFF, { action: 'revokeCode', codeId: oldCodeId, reason: '经营者变更，原码作废' });
  expect(revoked.ok, JSON.stringify(revoked)).toBe(true);
});

afterAll(async () => {
  await stack?.close();
});

describe('entitlement', () => {
  it(
    'a merchant applies with a licence photo; the name is checked against the register',
    async () => {
      const phone = await stack.phone(STRANGER);
      await phone.text('申请诚信码').tap();
      await eventually(() => phone.route()).toBe('pages/apply/apply');
      await phone.screen.getByPlaceholder('营业执照上的18位代码').fill(USCC);
      await eventually(() => phone.cls('uscc-message').textContent()).toContain('代码有效');
      const field = (label: string) => phone.cls('field').filter({ hasText: label });
      await field('经营地址').locator('input').fill('鹤岗市向阳区老街8号');
      await field('行业领域').locator('select').selectOption({ label: '商务' });
      await field('联系人').locator('input').fill('钱七');
      await field('联系电话').locator('input').fill('13800007777');
      await fillEntitlement(phone, '钱七');

      // A name that is not the registered one is refused before anything is stored.
      await phone.screen.getByPlaceholder('与营业执照一致').fill('老王家饭店');
      await phone.text('提交申请').tap();
      await eventually(() => phone.cls('form-error').textContent()).toContain('市场主体名录登记的名称不一致');
      expect((await sdk.db.collection('applications').where({ uscc: USCC }).get()).data).toHaveLength(0);

      await phone.screen.getByPlaceholder('与营业执照一致').fill('鹤岗市向阳区(老街)烧烤店');
      await phone.shot('entitlement-1-apply');
      await phone.text('提交申请').tap();
      await eventually(() => phone.cls('big').textContent()).toBe('申请已提交');
      expect(await phone.cls('done').textContent()).toContain('将由向阳区审核');
      expect(await phone.cls('done').textContent()).toContain('需所在县（区）核实');
      await phone.shot('entitlement-2-applied');
      await expectNoErrors(phone);
    },
    JOURNEY_MS,
  );

  it(
    'the reviewer sees the photo and the flags, and approves the takeover with a reason',
    async () => {
      const staff = await stack.phone(DISTRICT_STAFF);
      await staff.text('工作人员入口').tap();
      await staff.text('审核待办').tap();
      await eventually(() => staff.route()).toBe('pages/staff-queue/staff-queue');
      const item = staff.cls('item').filter({ hasText: USCC });
      await eventually(() => item.count()).toBe(1);
      const card = (await item.textContent()) ?? '';
      expect(card).toContain('法定代表人（负责人、经营者）：钱七');
      expect(card).toContain('法定代表人（负责人、经营者）与名录不一致');
      expect(card).toContain('该主体已有经办人');
      expect(card).toContain('该主体的诚信码曾被撤销');
      expect(card).toContain('名录：鹤岗市向阳区（老街）烧烤店 · 法定代表人 赵六');
      expect(card).toContain('原因：经营者变更，原码作废');
      expect(card).toMatch(/提交于 \d{4}-\d{2}-\d{2}/);
      // The licence photo, loaded from storage through a short-lived URL.
      const photo = item.locator('img').first();
      await eventually(() => photo.evaluate(loadedWidth)).toBe(24);
      await item.scrollIntoViewIfNeeded();
      await staff.shot('entitlement-3-review-card');

      await item.getByText('通过', { exact: true }).tap();
      await eventually(() => staff.cls('takeover-note').count()).toBe(1);
      expect(await staff.cls('takeover-note').textContent()).toContain('申请人有权代表该主体');
      await item.locator('textarea').fill('已核对营业执照原件、经营者身份证及原经办人的转让说明');
      await staff.shot('entitlement-4-takeover-reason');
      await staff.text('确认接管并通过').tap();
      await eventually(() => item.count()).toBe(0);
      await expectNoErrors(staff);

      const [app] = (await sdk.db.collection('applications').where({ uscc: USCC }).get()).data;
      expect(app).toMatchObject({ status: 'approved', takeover: { confirmedBy: DISTRICT_STAFF, revokedBefore: true, previousOwners: 1 } });
      const told = (await sdk.db.collection('notifications').where({ openid: OLD_OWNER, kind: 'ownerAdded' }).get()).data;
      expect(told).toHaveLength(1);
      const audit = (await sdk.db.collection('auditLog').where({ 'target.id': app._id, action: 'reviewApplication.approve' }).get()).data;
      expect(audit[0].reason).toBe('已核对营业执照原件、经营者身份证及原经办人的转让说明');
    },
    JOURNEY_MS,
  );

  it(
    'an old print of the revoked code still says 已撤销',
    async () => {
      const phone = await stack.phone('');
      await phone.page.goto(`${stack.running.previewUrl}/c/${oldCodeId}?v=1`);
      await phone.ready();
      await eventually(() => phone.cls('verdict').textContent()).toContain('已撤销');
      await phone.shot('entitlement-5-old-print');
      await expectNoErrors(phone);
    },
    JOURNEY_MS,
  );
});
