import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, json, registerUser, TestClient } from '../../../../test/helpers/app';
import { createPaymentsApp, newKey, pay, waitForStatus, createAndPay } from '../../../../test/helpers/payments';
import { newId } from '../../infra/ids';

let p: Awaited<ReturnType<typeof createPaymentsApp>>;
let alice: Awaited<ReturnType<typeof registerUser>>;
let bob: Awaited<ReturnType<typeof registerUser>>;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let anonymous: TestClient;

beforeAll(async () => {
  p = await createPaymentsApp({ env: { PAYMENT_SANDBOX_DUPLICATE_RATE: '0' } });
  alice = await registerUser(p.t.app, '买家甲');
  bob = await registerUser(p.t.app, '买家乙');
  admin = await createAdmin(p.t);
  anonymous = new TestClient(p.t.app);
});
afterAll(() => p.close());

describe('a payment', () => {
  it('is readable by its buyer and admins only', async () => {
    const payment = json(await pay(alice.client, [p.orders.add(alice.user.id, 2000)]));
    expect((await alice.client.get(`/api/v1/payments/${payment.id}`)).statusCode).toBe(200);
    const theirs = await bob.client.get(`/api/v1/payments/${payment.id}`);
    expect(theirs.statusCode).toBe(403);
    expect(json(theirs).error.code).toBe('NOT_OWNER');
    expect(theirs.body).not.toContain(payment.payUrl);
    expect((await anonymous.get(`/api/v1/payments/${payment.id}`)).statusCode).toBe(401);
    expect(json(await admin.client.get(`/api/v1/payments/${payment.id}`))).toMatchObject({ id: payment.id, buyerId: alice.user.id });
    const missing = await alice.client.get(`/api/v1/payments/${newId('pay')}`);
    expect(missing.statusCode).toBe(404);
    expect(json(missing).error.code).toBe('PAYMENT_NOT_FOUND');
  });

  it('cannot be made for another buyer\'s order', async () => {
    const aliceOrder = p.orders.add(alice.user.id, 2000);
    const res = await pay(bob.client, [aliceOrder]);
    expect(res.statusCode).toBe(404);
    expect(json(res).error.code).toBe('ORDER_NOT_FOUND');
    expect((await pay(anonymous, [aliceOrder])).statusCode).toBe(401);
  });

  it('keys belong to their buyer: the same key from another buyer neither finds nor blocks the first payment', async () => {
    const key = newKey();
    const hers = json(await pay(alice.client, [p.orders.add(alice.user.id, 700)], key));
    const his = await pay(bob.client, [p.orders.add(bob.user.id, 700)], key);
    expect(his.statusCode).toBe(201);
    expect(json(his).id).not.toBe(hers.id);
    expect(json(his).buyerId).toBe(bob.user.id);
  });
});

describe('refunds', () => {
  it('are for admins (and the services), not for buyers', async () => {
    const order = p.orders.add(alice.user.id, 900);
    const payment = await createAndPay(alice.client, p.t, [order]);
    await waitForStatus(alice.client, payment.id, 'paid');
    for (const client of [alice.client, bob.client]) {
      const res = await client.post(`/api/v1/admin/payments/${payment.id}/refunds`, { orderId: order, amountFen: 900, reason: '想退' }, { 'idempotency-key': newKey() });
      expect(res.statusCode).toBe(403);
    }
    expect((await anonymous.post(`/api/v1/admin/payments/${payment.id}/refunds`, { orderId: order, amountFen: 900, reason: '想退' }, { 'idempotency-key': newKey() })).statusCode).toBe(401);
    expect(json(await alice.client.get(`/api/v1/payments/${payment.id}`)).refunds).toEqual([]);
  });
});

describe('the sandbox pay page', () => {
  it('is addressed by a reference nobody can guess, and an unknown one is a 404 page', async () => {
    const a = json(await pay(alice.client, [p.orders.add(alice.user.id, 100)]));
    const b = json(await pay(alice.client, [p.orders.add(alice.user.id, 100)]));
    const refA = String(a.payUrl).split('/').pop()!;
    const refB = String(b.payUrl).split('/').pop()!;
    // Random, not time-ordered: knowing one page does not lead to the next.
    expect(refA.slice(0, 12)).not.toBe(refB.slice(0, 12));
    const unknown = await p.t.app.inject({ url: '/sandbox/pay/sbx_not-a-real-charge' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('找不到这笔交易');
    const press = await p.t.app.inject({ method: 'POST', url: '/sandbox/pay/sbx_not-a-real-charge/pay', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(press.statusCode).toBe(404);
  });

  it('refuses a cross-site form post', async () => {
    const payment = json(await pay(alice.client, [p.orders.add(alice.user.id, 100)]));
    const res = await p.t.app.inject({
      method: 'POST',
      url: `${new URL(payment.payUrl).pathname}/cancel`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: '',
    });
    expect(res.statusCode).toBe(403);
    expect(json(await alice.client.get(`/api/v1/payments/${payment.id}`)).status).toBe('pending');
  });
});
