/**
 * cloud.openapi.subscribeMessage.send through the real wx-server-sdk against the local cloud: the
 * message lands in the outbox (GET /_outbox), and a function's notify() records it as sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc } from '../support/coded-entity';

const TEMPLATES = {
  codeStatusChanged: { id: 'tmpl-code-status', keys: { title: 'thing1', detail: 'thing2', time: 'time3', next: 'thing4' } },
};
let cloud: TestCloud;
let saved: string | undefined;

async function outbox(touser: string): Promise<any[]> {
  const res = await fetch(`${cloud.url}/_outbox?touser=${encodeURIComponent(touser)}`);
  return ((await res.json()) as { messages: any[] }).messages;
}

beforeAll(async () => {
  saved = process.env.SUBSCRIBE_TEMPLATES;
  // The function instances copy process.env when they start: the deployment's template configuration.
  process.env.SUBSCRIBE_TEMPLATES = JSON.stringify(TEMPLATES);
  cloud = await startTestCloud();
});

afterAll(async () => {
  await cloud?.close();
  if (saved === undefined) delete process.env.SUBSCRIBE_TEMPLATES;
  else process.env.SUBSCRIBE_TEMPLATES = saved;
});

describe('openapi.subscribeMessage.send', () => {
  it('the SDK call is answered ok and the message is kept for its recipient', async () => {
    const res = await cloud.cloud.openapi.subscribeMessage.send({
      touser: 'oSomeone_0000001',
      templateId: 'tmpl-x',
      page: '/pages/index/index',
      data: { thing1: { value: '测试标题' } },
      miniprogramState: 'developer',
    });
    expect(res).toMatchObject({ errCode: 0 });
    const kept = await outbox('oSomeone_0000001');
    expect(kept).toEqual([
      expect.objectContaining({
        touser: 'oSomeone_0000001',
        templateId: 'tmpl-x',
        page: '/pages/index/index',
        data: { thing1: { value: '测试标题' } },
        miniprogramState: 'developer',
      }),
    ]);
    expect(await outbox('oNobody_00000001')).toEqual([]);
  });

  it('a missing touser is refused the way WeChat refuses it', async () => {
    await expect(cloud.cloud.openapi.subscribeMessage.send({ templateId: 'tmpl-x', data: {} })).rejects.toMatchObject({ errCode: 40003 });
  });

  it('a suspension tells the owner: a subscribe message in the outbox and a notification marked sent', async () => {
    const OWNER = 'oOwner_outbox_01';
    const CITY = 'oCity_outbox_001';
    await cloud.db.collection('staff').add({ data: { openid: CITY, name: '市级', role: 'city', active: true, createdAt: new Date() } });
    const shop = await seedCodedEntity(cloud.db, { uscc: testUscc('230402', 8101), ownerOpenids: [OWNER] });
    const res = await cloud.call('staff', CITY, {
      action: 'suspendCode',
      codeId: shop.code._id,
      reason: '消费者投诉核查',
      category: 'report',
    });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const [msg] = await outbox(OWNER);
    expect(msg).toMatchObject({ templateId: 'tmpl-code-status', page: '/pages/my-code/my-code' });
    expect(msg.data.thing1.value).toBe('您的诚信码已被暂停');
    expect(msg.data.thing2.value).toMatch(/^暂停原因：接到举报/);
    expect(msg.data.time3.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const stored = (await cloud.db.collection('notifications').where({ openid: OWNER }).get()).data;
    expect(stored).toEqual([expect.objectContaining({ kind: 'codeStatusChanged', delivery: 'sent' })]);
  });
});
