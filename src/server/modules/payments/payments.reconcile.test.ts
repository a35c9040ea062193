import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdmin, json, registerUser } from '../../../../test/helpers/app';
import {
  createAndPay,
  createPaymentsApp,
  newKey,
  notificationFor,
  pay,
  paymentOf,
  postWebhook,
  waitForEvent,
  waitForStatus,
} from '../../../../test/helpers/payments';
import { FakeClock } from '../../infra/clock';
import { newId } from '../../infra/ids';
import { paymentOutbox } from './payments.tables';

const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));
let p: Awaited<ReturnType<typeof createPaymentsApp>>;
let buyer: Awaited<ReturnType<typeof registerUser>>;
let admin: Awaited<ReturnType<typeof createAdmin>>;

beforeAll(async () => {
  // Every notification is lost, and the reconciliation job runs often: only asking the provider settles anything.
  p = await createPaymentsApp({
    clock,
    env: { PAYMENT_SANDBOX_DROP_RATE: '1', PAYMENT_SANDBOX_DUPLICATE_RATE: '0', PAYMENT_RECONCILE_INTERVAL_MS: '50' },
  });
  buyer = await registerUser(p.t.app, '买菜的人');
  admin = await createAdmin(p.t);
});
afterAll(() => p.close());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const refund = (paymentId: string, orderId: string, amountFen: number) =>
  admin.client.post(`/api/v1/admin/payments/${paymentId}/refunds`, { orderId, amountFen, reason: '少发了一件' }, { 'idempotency-key': newKey() });

describe('reconciliation', () => {
  it('settles a payment whose webhook was lost once it has been pending for two minutes, announcing it once', async () => {
    const order = p.orders.add(buyer.user.id, 6600);
    const payment = await createAndPay(buyer.client, p.t, [order]);
    expect((await notificationFor(p.t, 'charge.paid', payment.id))?.status).toBe('dropped');
    clock.advance(60_000);
    await pause(300);
    expect((await paymentOf(buyer.client, payment.id)).status).toBe('pending');

    clock.advance(61_000);
    await waitForStatus(buyer.client, payment.id, 'paid');
    await waitForEvent(() => p.eventsOf('payment.succeeded', payment.id));
    await pause(300);
    expect(p.eventsOf('payment.succeeded', payment.id)).toHaveLength(1);
  });

  it('settles a refund whose webhook was lost', async () => {
    const order = p.orders.add(buyer.user.id, 4000);
    const payment = await createAndPay(buyer.client, p.t, [order]);
    clock.advance(121_000);
    await waitForStatus(buyer.client, payment.id, 'paid');
    const asked = json(await refund(payment.id, order, 1500));
    expect(asked.status).toBe('pending');
    clock.advance(121_000);
    await waitForEvent(() => p.eventsOf('refund.succeeded', asked.id));
    expect(p.eventsOf('refund.succeeded', asked.id)).toHaveLength(1);
    expect((await paymentOf(buyer.client, payment.id)).refundedFen).toBe(1500);
  });

  it('closes a payment nobody paid once the provider let it expire, and its order may be paid afresh', async () => {
    const order = p.orders.add(buyer.user.id, 1800);
    const payment = json(await pay(buyer.client, [order]));
    clock.advance(3 * 60_000);
    await pause(300);
    expect((await paymentOf(buyer.client, payment.id)).status).toBe('pending');
    clock.advance(13 * 60_000);
    await waitForStatus(buyer.client, payment.id, 'closed');
    const again = json(await pay(buyer.client, [order]));
    expect(again.id).not.toBe(payment.id);
    expect(again.status).toBe('pending');
  });

  it('publishes an event a node wrote but never announced (it died in between)', async () => {
    const paymentId = newId('pay');
    const data = { paymentId, buyerId: buyer.user.id, orderIds: [newId('ord')], amountFen: 1, paidAt: clock.now().toISOString() };
    await p.t.database.db.insert(paymentOutbox).values({
      id: newId('obx'),
      key: `payment.succeeded:${paymentId}`,
      type: 'payment.succeeded',
      data,
      createdAt: clock.now(),
      claimedUntil: new Date(clock.now().getTime() - 1),
    });
    await waitForEvent(() => p.eventsOf('payment.succeeded', paymentId));
    expect(p.eventsOf('payment.succeeded', paymentId).map((e) => e.data)).toEqual([data]);
    await vi.waitFor(async () => {
      const [row] = await p.t.database.db.select().from(paymentOutbox).where(eq(paymentOutbox.key, `payment.succeeded:${paymentId}`));
      expect(row?.publishedAt).not.toBeNull();
    });
  });
});

describe('webhooks out of order', () => {
  it('a refund notification before the payment notification: each applies once, the late one changes nothing', async () => {
    const order = p.orders.add(buyer.user.id, 9900);
    const payment = await createAndPay(buyer.client, p.t, [order]);
    clock.advance(121_000);
    await waitForStatus(buyer.client, payment.id, 'paid');
    const asked = json(await refund(payment.id, order, 9900));

    // The provider's notifications were held up and now arrive newest first.
    const refunded = await notificationFor(p.t, 'refund.succeeded', asked.id);
    const paid = await notificationFor(p.t, 'charge.paid', payment.id);
    expect((await postWebhook(p.t, clock, refunded!.body)).statusCode).toBe(200);
    expect((await postWebhook(p.t, clock, paid!.body)).statusCode).toBe(200);
    expect((await postWebhook(p.t, clock, refunded!.body)).statusCode).toBe(200);

    await waitForEvent(() => p.eventsOf('refund.succeeded', asked.id));
    expect(p.eventsOf('refund.succeeded', asked.id)).toHaveLength(1);
    expect(p.eventsOf('payment.succeeded', payment.id)).toHaveLength(1);
    expect(await paymentOf(buyer.client, payment.id)).toMatchObject({ status: 'paid', refundedFen: 9900 });
  });
});
