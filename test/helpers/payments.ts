import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { vi } from 'vitest';
import type { BusEvent } from '../../src/server/infra/bus/bus';
import { createMemoryBus } from '../../src/server/infra/bus/memory-bus';
import { createRedisBus } from '../../src/server/infra/bus/redis-bus';
import type { Clock } from '../../src/server/infra/clock';
import { DomainError, NotFoundError } from '../../src/server/infra/errors';
import { newId } from '../../src/server/infra/ids';
import { signSandboxWebhook, type Payable, type PaymentPorts } from '../../src/server/modules/payments';
import { sandboxNotifications } from '../../src/server/modules/payments/sandbox.tables';
import { createTestApp, json, type TestApp, type TestClient } from './app';

/**
 * Orders as payments sees them, kept in the test: payments is tested on its own, with the sales
 * module standing behind the same port in the app.
 */
export function createOrderBook() {
  const book = new Map<string, { buyerId: string; amountFen: number; status: 'created' | 'paid' | 'cancelled'; payBy?: Date }>();
  const port: PaymentPorts['orders'] = {
    async payable(buyerId, orderIds): Promise<Payable> {
      let amountFen = 0;
      let payBy: Date | undefined;
      for (const id of orderIds) {
        const order = book.get(id);
        if (!order || order.buyerId !== buyerId) throw new NotFoundError('ORDER_NOT_FOUND');
        if (order.status !== 'created') throw new DomainError('ORDER_NOT_PAYABLE', 409, { id });
        amountFen += order.amountFen;
        if (order.payBy && (!payBy || order.payBy < payBy)) payBy = order.payBy;
      }
      return { amountFen, subject: `田头订单 ${orderIds.length} 笔`, ...(payBy ? { payBy } : {}) };
    },
  };
  return {
    port,
    add(buyerId: string, amountFen: number, payBy?: Date) {
      const id = newId('ord');
      book.set(id, { buyerId, amountFen, status: 'created', ...(payBy ? { payBy } : {}) });
      return id;
    },
    set(id: string, status: 'created' | 'paid' | 'cancelled') {
      book.get(id)!.status = status;
    },
  };
}

/** The real app with an order book and a bus whose payment events the test can count. */
export async function createPaymentsApp(options: { clock?: Clock; env?: Record<string, string> } = {}) {
  const log = pino({ level: 'silent' });
  const bus = process.env.REDIS_URL
    ? await createRedisBus(process.env.REDIS_URL, log, `tt-test-${randomBytes(4).toString('hex')}`)
    : createMemoryBus(log);
  const events: BusEvent[] = [];
  bus.subscribe('payment.*', (event) => void events.push(event));
  bus.subscribe('refund.*', (event) => void events.push(event));
  const orders = createOrderBook();
  const t = await createTestApp({ ...options, overrides: { bus, paymentOrders: orders.port } });
  return {
    t,
    orders,
    events,
    /** The events of one type about one payment or refund. */
    eventsOf: (type: string, id: string) =>
      events.filter((e) => e.type === type && ((e.data as { paymentId?: string; refundId?: string }).paymentId === id || (e.data as { refundId?: string }).refundId === id)),
    close: async () => {
      await t.close();
      await bus.close();
    },
  };
}

export const newKey = () => `key-${randomBytes(8).toString('hex')}`;

export async function pay(client: TestClient, orderIds: string[], key = newKey(), extra: Record<string, unknown> = {}) {
  return client.post('/api/v1/payments', { orderIds, ...extra }, { 'idempotency-key': key });
}

/** Pays a payment the way a buyer does: create, open the pay page, press 支付. */
export async function createAndPay(client: TestClient, t: TestApp, orderIds: string[]) {
  const created = await pay(client, orderIds);
  if (created.statusCode !== 201) throw new Error(`payment failed: ${created.statusCode} ${created.body}`);
  const payment = json(created);
  await pressOnPage(t, payment.payUrl, 'pay');
  return payment as { id: string; payUrl: string; amountFen: number };
}

export async function pressOnPage(t: TestApp, payUrl: string, button: 'pay' | 'cancel') {
  const path = new URL(payUrl).pathname;
  const res = await t.app.inject({
    method: 'POST',
    url: `${path}/${button}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    payload: '',
  });
  if (res.statusCode !== 303) throw new Error(`${button} failed: ${res.statusCode} ${res.body}`);
  return res;
}

export async function paymentOf(client: TestClient, id: string) {
  return json(await client.get(`/api/v1/payments/${id}`));
}

/** Waits until the payment reaches the status, as a buyer's page polling it would. */
export async function waitForStatus(client: TestClient, id: string, status: string) {
  await vi.waitFor(async () => {
    const payment = await paymentOf(client, id);
    if (payment.status !== status) throw new Error(`still ${payment.status}`);
  }, { timeout: 10_000, interval: 20 });
}

/** Waits until the event shows up on the bus, and a little more, so a second copy would be seen too. */
export async function waitForEvent(eventsOf: () => unknown[]) {
  await vi.waitFor(() => {
    if (!eventsOf().length) throw new Error('no event yet');
  }, { timeout: 10_000, interval: 20 });
  await new Promise((resolve) => setTimeout(resolve, 100));
}

/** What the sandbox sent, or meant to send, in order. */
export async function notificationsSent(t: TestApp) {
  return t.database.db.select().from(sandboxNotifications).orderBy(asc(sandboxNotifications.createdAt), asc(sandboxNotifications.id));
}

export async function notificationFor(t: TestApp, type: string, merchantId: string) {
  const rows = await notificationsSent(t);
  return rows.find((r) => r.type === type && JSON.stringify(r.body).includes(`"${merchantId}"`));
}

export async function markNotification(t: TestApp, id: string, status: 'delivered' | 'queued') {
  await t.database.db.update(sandboxNotifications).set({ status }).where(eq(sandboxNotifications.id, id));
}

/** Posts a notification to the webhook, signed with `secret` at `timestamp` (seconds), as a provider or a forger would. */
export function postWebhook(t: TestApp, clock: Clock, body: unknown, options: { secret?: string; timestamp?: number; signature?: string } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = options.timestamp ?? Math.floor(clock.now().getTime() / 1000);
  const signature = options.signature ?? signSandboxWebhook(options.secret ?? t.config.payments.sandbox.secret, timestamp, raw);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/payments/webhooks/sandbox',
    headers: { 'content-type': 'application/json', 'tiantou-signature': signature },
    payload: raw,
  });
}
