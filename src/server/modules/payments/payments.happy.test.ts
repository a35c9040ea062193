import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdmin, json, registerUser } from '../../../../test/helpers/app';
import {
  createAndPay,
  createPaymentsApp,
  newKey,
  notificationFor,
  pay,
  paymentOf,
  pressOnPage,
  waitForEvent,
  waitForStatus,
} from '../../../../test/helpers/payments';
import { FakeClock } from '../../infra/clock';
import { payments } from './payments.tables';

const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));
let p: Awaited<ReturnType<typeof createPaymentsApp>>;
let buyer: Awaited<ReturnType<typeof registerUser>>;
let admin: Awaited<ReturnType<typeof createAdmin>>;

beforeAll(async () => {
  // Every notification goes out twice, so each test also proves the second copy changes nothing.
  p = await createPaymentsApp({ clock, env: { PAYMENT_SANDBOX_DUPLICATE_RATE: '1' } });
  buyer = await registerUser(p.t.app, '买茶的人');
  admin = await createAdmin(p.t);
});
afterAll(() => p.close());

const refund = (paymentId: string, body: { orderId: string; amountFen: number; reason?: string }, key = newKey()) =>
  admin.client.post(`/api/v1/admin/payments/${paymentId}/refunds`, { reason: '买家申请退款', ...body }, { 'idempotency-key': key });

describe('paying', () => {
  it('goes create → pay page → 支付 → signed webhook → paid, and payment.succeeded is published once though the webhook came twice', async () => {
    const tea = p.orders.add(buyer.user.id, 16800);
    const honey = p.orders.add(buyer.user.id, 3200);
    const created = await pay(buyer.client, [tea, honey]);
    expect(created.statusCode).toBe(201);
    const payment = json(created);
    expect(payment).toMatchObject({
      status: 'pending',
      provider: 'sandbox',
      amountFen: 20000,
      subject: '田头订单 2 笔',
      orderIds: [tea, honey].sort(),
      paidAt: null,
      refundedFen: 0,
      refunds: [],
    });
    expect(payment.payUrl).toMatch(/^http:\/\/localhost:8080\/sandbox\/pay\/sbx_[A-Za-z0-9_-]{24}$/);

    const page = await p.t.app.inject({ url: new URL(payment.payUrl).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('¥200.00');
    expect(page.body).toContain('田头订单 2 笔');
    expect(page.body).toContain('<svg');
    expect(page.body).toMatch(/<button class="pay" type="submit">支付<\/button>/);
    expect(page.body).toMatch(/<button class="cancel" type="submit">取消<\/button>/);
    expect(page.body).not.toContain('<script');
    const english = await p.t.app.inject({ url: `${new URL(payment.payUrl).pathname}?lang=en` });
    expect(english.body).toMatch(/type="submit">Pay<\/button>/);
    expect(english.body).toMatch(/type="submit">Cancel<\/button>/);

    const pressed = await pressOnPage(p.t, payment.payUrl, 'pay');
    expect(pressed.headers.location).toMatch(/\/sandbox\/pay\/sbx_.*\?lang=zh$/);
    await waitForEvent(() => p.eventsOf('payment.succeeded', payment.id));
    await vi.waitFor(async () => expect((await notificationFor(p.t, 'charge.paid', payment.id))?.deliveries).toBe(2));

    const events = p.eventsOf('payment.succeeded', payment.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({
      paymentId: payment.id,
      buyerId: buyer.user.id,
      orderIds: [tea, honey].sort(),
      amountFen: 20000,
      paidAt: clock.now().toISOString(),
    });
    expect(await paymentOf(buyer.client, payment.id)).toMatchObject({ status: 'paid', payUrl: null, paidAt: clock.now().toISOString() });
    expect((await p.t.app.inject({ url: new URL(payment.payUrl).pathname })).body).toContain('支付成功');
  });

  it('closes when the buyer presses 取消, after which the order can be paid with a new payment', async () => {
    const order = p.orders.add(buyer.user.id, 990);
    const first = json(await pay(buyer.client, [order]));
    await pressOnPage(p.t, first.payUrl, 'cancel');
    await waitForStatus(buyer.client, first.id, 'closed');
    expect((await p.t.app.inject({ url: new URL(first.payUrl).pathname })).body).toContain('交易已关闭');
    // Pressing 支付 on the closed page moves no money.
    await pressOnPage(p.t, first.payUrl, 'pay');
    expect((await paymentOf(buyer.client, first.id)).status).toBe('closed');

    const second = await createAndPay(buyer.client, p.t, [order]);
    expect(second.id).not.toBe(first.id);
    await waitForStatus(buyer.client, second.id, 'paid');
    expect(p.eventsOf('payment.succeeded', first.id)).toEqual([]);
  });
});

describe('an Idempotency-Key', () => {
  it('returns the first answer to a retry and creates nothing new', async () => {
    const order = p.orders.add(buyer.user.id, 4500);
    const key = newKey();
    const first = await pay(buyer.client, [order], key);
    const retry = await pay(buyer.client, [order], key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(json(retry)).toEqual(json(first));
    const rows = await p.t.database.db.select().from(payments).where(eq(payments.idempotencyKey, key));
    expect(rows).toHaveLength(1);
  });

  it('refuses the same key with a different body (422, IDEMPOTENCY_KEY_REUSED)', async () => {
    const a = p.orders.add(buyer.user.id, 100);
    const b = p.orders.add(buyer.user.id, 200);
    const key = newKey();
    expect((await pay(buyer.client, [a], key)).statusCode).toBe(201);
    const other = await pay(buyer.client, [b], key);
    expect(other.statusCode).toBe(422);
    expect(json(other).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const returnElsewhere = await pay(buyer.client, [a], key, { returnPath: '/me/orders' });
    expect(json(returnElsewhere).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('is not needed to avoid a second charge: a new key for the same orders gets the open payment back', async () => {
    const order = p.orders.add(buyer.user.id, 1200);
    const first = json(await pay(buyer.client, [order]));
    const again = json(await pay(buyer.client, [order]));
    expect(again.id).toBe(first.id);
    expect(again.payUrl).toBe(first.payUrl);
  });

  it('a payment for a different set of orders closes the open one at the provider first', async () => {
    const a = p.orders.add(buyer.user.id, 1000);
    const b = p.orders.add(buyer.user.id, 2000);
    const both = json(await pay(buyer.client, [a, b]));
    const justA = json(await pay(buyer.client, [a]));
    expect(justA.id).not.toBe(both.id);
    expect((await paymentOf(buyer.client, both.id)).status).toBe('closed');
    // The provider closed it too, so its page can no longer take money.
    expect((await p.t.app.inject({ url: new URL(both.payUrl).pathname })).body).toContain('交易已关闭');
  });
});

describe('refunds', () => {
  it('go through the provider in part and in full, never beyond what was paid', async () => {
    const tea = p.orders.add(buyer.user.id, 16800);
    const honey = p.orders.add(buyer.user.id, 3200);
    const payment = await createAndPay(buyer.client, p.t, [tea, honey]);
    await waitForStatus(buyer.client, payment.id, 'paid');

    const key = newKey();
    const partial = await refund(payment.id, { orderId: tea, amountFen: 5000 }, key);
    expect(partial.statusCode).toBe(201);
    const part = json(partial);
    expect(part).toMatchObject({ paymentId: payment.id, orderId: tea, amountFen: 5000, reason: '买家申请退款' });
    await waitForEvent(() => p.eventsOf('refund.succeeded', part.id));
    expect(p.eventsOf('refund.succeeded', part.id).map((e) => e.data)).toEqual([
      { refundId: part.id, paymentId: payment.id, orderId: tea, amountFen: 5000 },
    ]);
    // The same request again is the same refund, not a second one.
    const retried = await refund(payment.id, { orderId: tea, amountFen: 5000 }, key);
    expect(json(retried).id).toBe(part.id);
    expect(json(await refund(payment.id, { orderId: tea, amountFen: 6000 }, key)).error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const rest = json(await refund(payment.id, { orderId: honey, amountFen: 15000 }));
    await waitForEvent(() => p.eventsOf('refund.succeeded', rest.id));
    const over = await refund(payment.id, { orderId: honey, amountFen: 1 });
    expect(over.statusCode).toBe(422);
    expect(json(over).error).toMatchObject({ code: 'PAYMENT_REFUND_EXCEEDS', message: '退款金额超过可退金额（还可退 0 分）' });

    const settled = await paymentOf(buyer.client, payment.id);
    expect(settled).toMatchObject({ status: 'paid', refundedFen: 20000 });
    expect(settled.refunds.map((r: { amountFen: number; status: string }) => [r.amountFen, r.status])).toEqual([
      [5000, 'succeeded'],
      [15000, 'succeeded'],
    ]);
    expect(p.eventsOf('refund.succeeded', part.id)).toHaveLength(1);
  });

  it('cannot exceed the amount paid even when written past the service (a check constraint)', async () => {
    const order = p.orders.add(buyer.user.id, 800);
    const payment = await createAndPay(buyer.client, p.t, [order]);
    await waitForStatus(buyer.client, payment.id, 'paid');
    await expect(
      p.t.database.db
        .update(payments)
        .set({ refundCommittedFen: sql`${payments.amountFen} + 1` })
        .where(eq(payments.id, payment.id)),
    ).rejects.toThrow();
  });

  it('that the provider fails are announced as refund.failed, and the amount may be refunded again', async () => {
    const order = p.orders.add(buyer.user.id, 2500);
    const payment = await createAndPay(buyer.client, p.t, [order]);
    await waitForStatus(buyer.client, payment.id, 'paid');
    // The sandbox, like WeChat Pay, refunds a charge for a year after it was paid.
    clock.advance(366 * 24 * 3600_000);
    await buyer.client.post('/api/v1/auth/login', { phone: buyer.phone, password: buyer.password });
    await admin.client.post('/api/v1/auth/login', { phone: admin.phone, password: admin.password });
    const late = json(await refund(payment.id, { orderId: order, amountFen: 2500 }));
    await waitForEvent(() => p.eventsOf('refund.failed', late.id));
    expect(p.eventsOf('refund.failed', late.id).map((e) => e.data)).toEqual([
      { refundId: late.id, paymentId: payment.id, orderId: order, amountFen: 2500 },
    ]);
    const after = await paymentOf(buyer.client, payment.id);
    expect(after.refundedFen).toBe(0);
    expect(after.refunds[0]).toMatchObject({ status: 'failed' });
    // Nothing left held back: the full amount can be asked for again.
    expect((await refund(payment.id, { orderId: order, amountFen: 2500 })).statusCode).toBe(201);
  });
});
