/**
 * The whole journey across the three functions on the local cloud: a merchant applies, city
 * staff approve, the merchant prints the code, a customer scans it; a commitment goes public
 * after review; a suspension shows at the next scan.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitmentTemplate, SELF_DECLARED } from '../../core';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { testUscc } from '../support/coded-entity';

const MERCHANT = 'oJourneyMerchant';
const STAFF = 'oJourneyCityAdmin';
let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
  await cloud.db
    .collection('staff')
    .add({ data: { openid: STAFF, name: '市级管理员', role: 'city', active: true, createdAt: new Date() } });
});

afterAll(async () => {
  await cloud?.close();
});

async function ok<T = any>(fn: 'merchant' | 'public' | 'staff', openid: string, data: Record<string, unknown>): Promise<T> {
  const res = await cloud.call<T>(fn, openid, data);
  expect(res.ok, `${fn}.${String(data.action)}: ${JSON.stringify(res.error)}`).toBe(true);
  return res.data as T;
}

describe('apply → approve → print → scan', () => {
  it('goes end to end through merchant, staff and public', async () => {
    const uscc = testUscc('230403', 9001);
    const applied = await ok('merchant', MERCHANT, {
      action: 'applyCode',
      uscc,
      entityName: '工农区旅程测试饭店',
      category: 'company',
      address: '鹤岗市工农区站前路9号',
      field: '卫生健康',
      contactName: '钱七',
      contactPhone: '0468-3456789',
      legalRepName: '钱七',
      licencePhoto: 'cloud://localcloud.localcloud-1250000000/licences/journey.jpg',
    });

    await ok('staff', STAFF, { action: 'reviewApplication', applicationId: applied.applicationId, decision: 'approve' });

    const mine = await ok('merchant', MERCHANT, { action: 'myEntities' });
    expect(mine.entities).toEqual([expect.objectContaining({ uscc, name: '工农区旅程测试饭店', code: { status: 'active', version: 1 } })]);
    expect(mine.applications[0]).toMatchObject({ id: applied.applicationId, status: 'approved' });

    const code = await ok('merchant', MERCHANT, { action: 'myCode', uscc });
    const png = PNG.sync.read(Buffer.from(code.image.dataUrl.split(',')[1], 'base64'));
    const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data;

    const first = await ok('public', '', { action: 'verifyCode', url: scanned });
    expect(first).toMatchObject({
      verdict: 'valid',
      profile: { name: '工农区旅程测试饭店', districtName: '工农区', field: '卫生健康', commitments: [] },
    });
    expect(JSON.stringify(first)).not.toContain('3456789');

    const t = commitmentTemplate('卫生健康');
    const submitted = await ok('merchant', MERCHANT, {
      action: 'submitCommitment',
      promiserName: '工农区旅程测试饭店',
      promiserCategory: '法人',
      promiserCode: uscc,
      commitmentType: t.commitmentType,
      commitmentArea: t.commitmentArea,
      reason: t.reason,
      content: t.content,
      liability: t.liability,
      committedOn: '2026-06-01',
      publicity: '可向社会公开',
    });
    await ok('staff', STAFF, { action: 'reviewCommitment', commitmentId: submitted.commitmentId, decision: 'approve' });
    const listed = await ok('merchant', MERCHANT, { action: 'myCommitments', uscc });
    expect(listed.items[0]).toMatchObject({ status: 'approved', statusText: '已公示' });

    const second = await ok('public', '', { action: 'verifyCode', url: scanned });
    expect(second.profile.commitments).toEqual([
      expect.objectContaining({ content: t.content, source: { kind: 'self', label: SELF_DECLARED } }),
    ]);

    await ok('staff', STAFF, { action: 'suspendCode', codeId: code.codeId, reason: '经营场所与登记不符，核查中' });
    const third = await ok('public', '', { action: 'verifyCode', url: scanned });
    expect(third).toMatchObject({ verdict: 'suspended', label: '暂停' });
  });
});
