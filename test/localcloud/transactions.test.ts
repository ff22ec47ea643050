/** Contract tests: transactions (runTransaction / startTransaction) through the real wx-server-sdk. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isDuplicateKeyError } from '../../server/db-errors';
import { rejection, startHarness, type Harness } from './helpers';

let h: Harness;
let db: any;
let _: any;

beforeAll(async () => {
  h = await startHarness();
  db = h.db;
  _ = db.command;
});
afterAll(() => h.stop());
beforeEach(async () => {
  await fetch(`${h.lc.url}/_admin/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  await db.createCollection('accounts');
  await accounts().add({
    data: [
      { _id: 'a', balance: 100 },
      { _id: 'b', balance: 0 },
    ],
  });
});

const accounts = () => db.collection('accounts');
const balances = async () => {
  const { data } = await accounts().orderBy('_id', 'asc').get();
  return Object.fromEntries(data.map((d: any) => [d._id, d.balance]));
};

describe('runTransaction', () => {
  it('commits every write together and returns the callback result', async () => {
    const result = await db.runTransaction(async (t: any) => {
      const a = (await t.collection('accounts').doc('a').get()).data;
      await t
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: _.inc(-30) } });
      await t
        .collection('accounts')
        .doc('b')
        .update({ data: { balance: _.inc(30) } });
      await t
        .collection('accounts')
        .doc('log1')
        .set({ data: { moved: 30, at: db.serverDate() } });
      return a.balance;
    });
    expect(result).toBe(100);
    expect(await balances()).toEqual({ a: 70, b: 30, log1: undefined });
    const log = (await accounts().doc('log1').get()).data;
    expect(log.at).toBeInstanceOf(Date);
  });

  it('a thrown error aborts: nothing written', async () => {
    const e = await rejection(
      db.runTransaction(async (t: any) => {
        await t
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: _.inc(-30) } });
        throw new Error('余额不足');
      }),
    );
    expect(e.message).toBe('余额不足');
    expect(await balances()).toEqual({ a: 100, b: 0 });
  });

  it('transaction.rollback(reason) aborts and rejects with the reason', async () => {
    const e = await rejection(
      db.runTransaction(async (t: any) => {
        await t.collection('accounts').doc('b').remove();
        await t.rollback('cancelled');
      }),
    );
    expect(e).toBe('cancelled');
    expect(await balances()).toEqual({ a: 100, b: 0 });
  });

  it('a unique-index violation inside the transaction fails it and undoes its earlier writes', async () => {
    await db.collection('entities').add({ data: { _id: 'e1', uscc: 'DUP' } });
    const e = await rejection(
      db.runTransaction(async (t: any) => {
        await t
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: 0 } });
        await t
          .collection('entities')
          .doc('e2')
          .set({ data: { uscc: 'DUP' } });
      }),
    );
    expect(isDuplicateKeyError(e)).toBe(true);
    expect(await balances()).toEqual({ a: 100, b: 0 });
    expect((await db.collection('entities').count()).total).toBe(1);
  });
});

describe('startTransaction', () => {
  it('its reads see its own writes; others see them only after commit', async () => {
    const t = await db.startTransaction();
    await t
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 1 } });
    expect((await t.collection('accounts').doc('a').get()).data.balance).toBe(1);
    expect((await accounts().doc('a').get()).data.balance).toBe(100);
    await t.collection('accounts').add({ data: { _id: 'c', balance: 5 } });
    expect((await t.collection('accounts').doc('c').get()).data).toEqual({
      _id: 'c',
      balance: 5,
    });
    await t.commit();
    expect(await balances()).toEqual({ a: 1, b: 0, c: 5 });
  });

  it('rollback() discards its writes; the transaction is then gone', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('a').remove();
    await t.rollback();
    expect(await balances()).toEqual({ a: 100, b: 0 });
    const e = await rejection(t.commit());
    expect((e as any).code).toBe('DATABASE_REQUEST_FAILED');
  });

  it('a missing document fails doc().get() inside a transaction too (wx-server-sdk)', async () => {
    const t = await db.startTransaction();
    const e = await rejection(t.collection('accounts').doc('nope').get());
    expect(e.message).toMatch(/does not exist/);
    await t.rollback();
  });

  it('two transactions writing one document: the second gets a write conflict', async () => {
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 1 } });
    const e = await rejection(
      t2
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 2 } }),
    );
    expect(JSON.stringify(e)).toMatch(/DATABASE_TRANSACTION_CONFLICT|WriteConflict/);
    await t2.rollback();
    await t1.commit();
    expect((await balances()).a).toBe(1);
  });

  it('a document changed outside after the transaction wrote it makes the commit fail', async () => {
    const t = await db.startTransaction();
    await t
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 1 } });
    await accounts()
      .doc('a')
      .update({ data: { balance: 50 } });
    const e = await rejection(t.commit());
    expect(JSON.stringify(e)).toMatch(/DATABASE_TRANSACTION_CONFLICT|WriteConflict/);
    expect((await balances()).a).toBe(50);
  });

  it('runTransaction retries a conflicting attempt and then succeeds', async () => {
    let attempts = 0;
    await db.runTransaction(async (t: any) => {
      attempts++;
      await t
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: _.inc(1) } });
      // First attempt only: someone else writes the same document before our commit.
      if (attempts === 1)
        await accounts()
          .doc('a')
          .update({ data: { balance: _.inc(10) } });
    });
    expect(attempts).toBe(2);
    expect((await balances()).a).toBe(111);
  });

  it('where() queries are refused inside a transaction (CloudBase allows only doc operations)', async () => {
    const t = await db.startTransaction();
    const e = await rejection(t.collection('accounts').where({ balance: 0 }).get());
    expect(JSON.stringify(e) + String(e.message)).toMatch(/single-document|DATABASE_REQUEST_FAILED|not/);
    await t.rollback();
  });
});
