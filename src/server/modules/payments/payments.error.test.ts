import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, json, registerUser } from '../../../../test/helpers/app';
import { createPaymentsApp, newKey, pay, paymentOf, postWebhook, pressOnPage, waitForEvent } from '../../../../test/helpers/payments';
import { FakeClock } from '../../infra/clock';
import { newId } from '../../infra/ids';
import { paymentOrders, payments, paymentWebhookEvents } from './payments.tables';
import { signSandboxWebhook } from './sandbox-provider';

const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));
let p: Awaited<ReturnType<typeof createPaymentsApp>>;
let buyer: Awaited<ReturnType<typeof registerUser>>;
let admin: Awaited<ReturnType<typeof createAdmin>>;

beforeAll(async () => {
  // The sandbox sends nothing by itself here: every notification in this file is the test's.
  p = await createPaymentsApp({ clock, env: { PAYMENT_SANDBOX_DROP_RATE: '1', PAYMENT_SANDBOX_DUPLICATE_RATE: '0' } });
  buyer = await registerUser(p.t.app, '买米的人');
  admin = await createAdmin(p.t);
});
afterAll(() => p.close());

/** A pending payment, and the sandbox's notification that it was paid, as the provider would word it. */
async function pendingPayment(amountFen = 5800) {
  const order = p.orders.add(buyer.user.id, amountFen);
  const payment = json(await pay(buyer.client, [order]));
  const ref = String(payment.payUrl).split('/').pop()!;
  const paid = (eventId = newId('evt'), amount = amountFen) => ({
    id: eventId,
    type: 'charge.paid',
    created: Math.floor(clock.now().getTime() / 1000),
    data: { ref, merchantPaymentId: payment.id, amountFen: amount, paidAt: clock.now().toISOString() },
  });
  return { order, payment, ref, paid };
}

/** A payment the buyer paid at the sandbox, told to us by a notification the test sends. */
async function paidPayment(amountFen: number) {
  const pending = await pendingPayment(amountFen);
  await pressOnPage(p.t, pending.payment.payUrl, 'pay');
  expect((await postWebhook(p.t, clock, pending.paid())).statusCode).toBe(200);
  return pending;
}

const seenEvents = async (paymentId: string) =>
  p.t.database.db.select().from(paymentWebhookEvents).where(eq(paymentWebhookEvents.paymentId, paymentId));

describe('a forged webhook', () => {
  it('is refused with 401 PAYMENT_WEBHOOK_SIGNATURE_INVALID and changes nothing', async () => {
    const { payment, paid } = await pendingPayment();
    const body = paid();
    const attempts = [
      await postWebhook(p.t, clock, body, { secret: 'not-the-sandbox-secret-0000' }),
      await postWebhook(p.t, clock, body, { signature: '' }),
      await postWebhook(p.t, clock, body, { signature: 't=1,v1=zz' }),
      // A genuine signature over another body does not cover this one.
      await postWebhook(p.t, clock, { ...body, data: { ...body.data, amountFen: 1 } }, {
        signature: signSandboxWebhook(
          p.t.config.payments.sandbox.secret,
          Math.floor(clock.now().getTime() / 1000),
          JSON.stringify(body),
        ),
      }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(401);
      expect(json(res).error.code).toBe('PAYMENT_WEBHOOK_SIGNATURE_INVALID');
    }
    expect((await paymentOf(buyer.client, payment.id)).status).toBe('pending');
    expect(await seenEvents(payment.id)).toEqual([]);
    expect(p.eventsOf('payment.succeeded', payment.id)).toEqual([]);
  });

  it('with a genuine signature but a stale or future timestamp is refused with PAYMENT_WEBHOOK_STALE', async () => {
    const { payment, paid } = await pendingPayment();
    const now = Math.floor(clock.now().getTime() / 1000);
    for (const timestamp of [now - 301, now + 301]) {
      const res = await postWebhook(p.t, clock, paid(), { timestamp });
      expect(res.statusCode).toBe(401);
      expect(json(res).error.code).toBe('PAYMENT_WEBHOOK_STALE');
    }
    expect((await paymentOf(buyer.client, payment.id)).status).toBe('pending');
    // Within five minutes it is fresh.
    expect((await postWebhook(p.t, clock, paid(), { timestamp: now - 299 })).statusCode).toBe(200);
  });

  it('that is signed but unreadable is a 400', async () => {
    const res = await postWebhook(p.t, clock, '{"id":');
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('a replayed webhook', () => {
  it('changes nothing: one payment.succeeded however often and however concurrently it comes', async () => {
    const { payment, paid } = await pendingPayment();
    const body = paid();
    const copies = await Promise.all(Array.from({ length: 5 }, () => postWebhook(p.t, clock, body)));
    expect(copies.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    // Later, re-signed, as a provider retries; and a new event id saying the same thing.
    clock.advance(60_000);
    expect((await postWebhook(p.t, clock, body)).statusCode).toBe(200);
    expect((await postWebhook(p.t, clock, paid())).statusCode).toBe(200);
    await waitForEvent(() => p.eventsOf('payment.succeeded', payment.id));
    expect(p.eventsOf('payment.succeeded', payment.id)).toHaveLength(1);
    expect((await paymentOf(buyer.client, payment.id)).status).toBe('paid');
    const seen = await seenEvents(payment.id);
    expect(seen.map((e) => e.outcome).sort()).toEqual(['applied', 'no_change']);
  });

  it('that says "closed" after "paid" leaves the payment paid', async () => {
    const { payment, paid, ref } = await pendingPayment();
    await postWebhook(p.t, clock, paid());
    const closed = { id: newId('evt'), type: 'charge.closed', created: 0, data: { ref, merchantPaymentId: payment.id, amountFen: payment.amountFen } };
    expect((await postWebhook(p.t, clock, closed)).statusCode).toBe(200);
    expect((await paymentOf(buyer.client, payment.id)).status).toBe('paid');
  });
});

describe('a genuine webhook we cannot match', () => {
  it('about an unknown payment is acknowledged (so the provider stops) and kept for an operator', async () => {
    const eventId = newId('evt');
    const merchantPaymentId = newId('pay');
    const res = await postWebhook(p.t, clock, {
      id: eventId,
      type: 'charge.paid',
      created: 0,
      data: { ref: 'sbx_elsewhere', merchantPaymentId, amountFen: 100, paidAt: clock.now().toISOString() },
    });
    expect(res.statusCode).toBe(200);
    expect(await seenEvents(merchantPaymentId)).toMatchObject([{ eventId, outcome: 'unknown_payment' }]);
    expect(p.events.filter((e) => (e.data as { paymentId: string }).paymentId === merchantPaymentId)).toEqual([]);
  });

  it('with an amount other than ours does not mark the payment paid', async () => {
    const { payment, paid } = await pendingPayment(5800);
    expect((await postWebhook(p.t, clock, paid(newId('evt'), 1))).statusCode).toBe(200);
    expect((await paymentOf(buyer.client, payment.id)).status).toBe('pending');
    expect((await seenEvents(payment.id))[0]!.outcome).toBe('amount_mismatch');
  });
});

describe('creating a payment', () => {
  it('needs an Idempotency-Key', async () => {
    const order = p.orders.add(buyer.user.id, 100);
    const res = await buyer.client.post('/api/v1/payments', { orderIds: [order] });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: '/idempotency-key' }] });
  });

  it('refuses bad bodies and off-site return paths', async () => {
    const order = p.orders.add(buyer.user.id, 100);
    for (const body of [{ orderIds: [] }, { orderIds: ['nope'] }, { orderIds: [order], returnPath: '//evil.example/' }, { orderIds: [order], returnPath: 'https://evil.example/' }, { orderIds: [order], extra: 1 }]) {
      const res = await buyer.client.post('/api/v1/payments', body, { 'idempotency-key': newKey() });
      expect(res.statusCode).toBe(400);
    }
  });

  it('passes on what the orders say: an order not awaiting payment cannot be paid, and nothing is created', async () => {
    const order = p.orders.add(buyer.user.id, 100);
    p.orders.set(order, 'cancelled');
    const key = newKey();
    const res = await pay(buyer.client, [order], key);
    expect(res.statusCode).toBe(409);
    expect(json(res).error.code).toBe('ORDER_NOT_PAYABLE');
    expect(await p.t.database.db.select().from(payments).where(eq(payments.idempotencyKey, key))).toEqual([]);
  });

  it('at once, many times over, still makes one payment for an order', async () => {
    const order = p.orders.add(buyer.user.id, 2600);
    const key = newKey();
    const sameKey = await Promise.all(Array.from({ length: 4 }, () => pay(buyer.client, [order], key)));
    expect(new Set(sameKey.map((r) => r.statusCode))).toEqual(new Set([201]));
    expect(new Set(sameKey.map((r) => json(r).id)).size).toBe(1);
    const newKeys = await Promise.all(Array.from({ length: 4 }, () => pay(buyer.client, [order])));
    for (const res of newKeys) {
      if (res.statusCode === 201) expect(json(res).id).toBe(json(sameKey[0]!).id);
      else expect(json(res).error.code).toBe('PAYMENT_IN_PROGRESS');
    }
    const live = await p.t.database.db
      .select()
      .from(paymentOrders)
      .where(and(eq(paymentOrders.orderId, order), eq(paymentOrders.live, true)));
    expect(live).toHaveLength(1);
  });

  it('refuses an order a payment has already paid', async () => {
    const { order, paid } = await pendingPayment();
    await postWebhook(p.t, clock, paid());
    const res = await pay(buyer.client, [order]);
    expect(res.statusCode).toBe(409);
    expect(json(res).error).toMatchObject({ code: 'PAYMENT_ORDERS_ALREADY_PAID', message: `订单 ${order} 已经支付过了` });
  });
});

describe('a refund', () => {
  const refund = (paymentId: string, body: Record<string, unknown>) =>
    admin.client.post(`/api/v1/admin/payments/${paymentId}/refunds`, { reason: '协商退款', ...body }, { 'idempotency-key': newKey() });

  it('of a payment not yet paid is refused', async () => {
    const { payment, order } = await pendingPayment();
    const res = await refund(payment.id, { orderId: order, amountFen: 100 });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.code).toBe('PAYMENT_NOT_REFUNDABLE');
  });

  it('for an order the payment did not pay, or beyond the amount, is refused and holds nothing back', async () => {
    const { payment, order } = await paidPayment(3000);
    const stranger = await refund(payment.id, { orderId: newId('ord'), amountFen: 100 });
    expect(stranger.statusCode).toBe(422);
    expect(json(stranger).error.code).toBe('PAYMENT_REFUND_ORDER_MISMATCH');
    const over = await refund(payment.id, { orderId: order, amountFen: 3001 });
    expect(over.statusCode).toBe(422);
    expect(json(over).error.code).toBe('PAYMENT_REFUND_EXCEEDS');
    const full = await refund(payment.id, { orderId: order, amountFen: 3000 });
    expect(json(full)).toMatchObject({ status: 'pending', amountFen: 3000 });
    expect((await refund(newId('pay'), { orderId: order, amountFen: 1 })).statusCode).toBe(404);
  });

  it('asked for twice at once cannot together exceed the amount paid', async () => {
    const { payment, order } = await paidPayment(3000);
    const answers = await Promise.all([refund(payment.id, { orderId: order, amountFen: 2000 }), refund(payment.id, { orderId: order, amountFen: 2000 })]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 422]);
  });
});
