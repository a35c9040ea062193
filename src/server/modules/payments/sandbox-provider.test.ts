import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/database';
import { FakeClock } from '../../infra/clock';
import type { Database } from '../../infra/db/database';
import { newId } from '../../infra/ids';
import { ProviderDeclinedError, WebhookRejectedError } from './payment-provider';
import { createSandboxProvider, signSandboxWebhook, type Deliver } from './sandbox-provider';
import { sandboxNotifications } from './sandbox.tables';

const secret = 'sandbox-test-secret-0123456789';
const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A sandbox whose notifications reach `deliver`, retried after `delays` on the fake clock. */
function sandbox(deliver: Deliver, options: { duplicateRate?: number; delays?: number[] } = {}) {
  return createSandboxProvider({
    db: database.db,
    clock,
    log: pino({ level: 'silent' }),
    secret,
    publicUrl: 'https://tiantou.example',
    notifyPath: '/hook',
    deliver,
    duplicateRate: options.duplicateRate ?? 0,
    dropRate: 0,
    retryDelaysMs: options.delays ?? [1_000, 5_000],
  });
}

async function paidCharge(provider: ReturnType<typeof sandbox>, amountFen = 1000) {
  const paymentId = newId('pay');
  const charge = await provider.createCharge({
    paymentId,
    amountFen,
    subject: '高山云雾茶',
    expiresAt: new Date(clock.now().getTime() + 900_000),
    returnUrl: 'https://tiantou.example/me',
  });
  await provider.pay(charge.providerRef);
  return { paymentId, ...charge };
}

const notificationOf = async (paymentId: string) =>
  (await database.db.select().from(sandboxNotifications)).find((n) => JSON.stringify(n.body).includes(paymentId))!;

describe('the sandbox notifies', () => {
  it('retries a refused notification on its schedule until it gets a 2xx, signing each try afresh', async () => {
    const answers = [500, 502, 200];
    const tries: Array<{ headers: Record<string, string>; body: string }> = [];
    const provider = sandbox(async (_path, headers, body) => {
      tries.push({ headers, body });
      return answers.shift() ?? 200;
    });
    const { paymentId } = await paidCharge(provider);
    await provider.stop();
    const again = sandbox(async (_path, headers, body) => {
      tries.push({ headers, body });
      return answers.shift() ?? 200;
    });
    expect(await again.deliverDue()).toBe(0);
    clock.advance(1_000);
    expect(await again.deliverDue()).toBe(1);
    expect((await notificationOf(paymentId)).status).toBe('queued');
    clock.advance(5_000);
    expect(await again.deliverDue()).toBe(1);
    const row = await notificationOf(paymentId);
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, deliveries: 1 });
    expect(tries).toHaveLength(3);
    for (const attempt of tries) expect(() => again.verifyWebhook(attempt.headers, Buffer.from(attempt.body))).not.toThrow();
    expect(again.verifyWebhook(tries[0]!.headers, Buffer.from(tries[0]!.body))).toMatchObject({ kind: 'charge.paid', paymentId, amountFen: 1000 });
  });

  it('gives up once the schedule runs out', async () => {
    const provider = sandbox(async () => 503, { delays: [1_000] });
    const { paymentId } = await paidCharge(provider);
    await provider.stop();
    clock.advance(1_000);
    await sandbox(async () => 503, { delays: [1_000] }).deliverDue();
    expect(await notificationOf(paymentId)).toMatchObject({ status: 'abandoned', attempts: 2 });
  });

  it('sends a notification twice when it feels like it, as providers may', async () => {
    let count = 0;
    const provider = sandbox(async () => (count++, 200), { duplicateRate: 1 });
    const { paymentId } = await paidCharge(provider);
    await provider.stop();
    expect(count).toBe(2);
    expect(await notificationOf(paymentId)).toMatchObject({ status: 'delivered', deliveries: 2 });
  });
});

describe('the sandbox ledger', () => {
  const quiet = () => sandbox(async () => 200);

  it('answers a repeated charge request with the first charge, and refuses one with another amount', async () => {
    const provider = quiet();
    const request = { paymentId: newId('pay'), amountFen: 500, subject: '土鸡蛋', expiresAt: new Date(clock.now().getTime() + 60_000), returnUrl: '/' };
    const first = await provider.createCharge(request);
    expect(await provider.createCharge(request)).toEqual(first);
    await expect(provider.createCharge({ ...request, amountFen: 501 })).rejects.toBeInstanceOf(ProviderDeclinedError);
    expect(await provider.query(first.providerRef)).toEqual({ status: 'pending' });
    clock.advance(60_000);
    expect(await provider.query(first.providerRef)).toEqual({ status: 'closed' });
    await provider.pay(first.providerRef);
    expect(await provider.query(first.providerRef)).toEqual({ status: 'closed' });
  });

  it('refunds no more than the charge, and a repeated refund id is the same refund', async () => {
    const provider = quiet();
    const { providerRef } = await paidCharge(provider, 1000);
    const refundId = newId('rfd');
    const first = await provider.refund({ providerRef, refundId, amountFen: 600, reason: 'x' });
    expect(await provider.refund({ providerRef, refundId, amountFen: 600, reason: 'x' })).toEqual(first);
    await expect(provider.refund({ providerRef, refundId: newId('rfd'), amountFen: 401, reason: 'x' })).rejects.toBeInstanceOf(ProviderDeclinedError);
    expect(await provider.queryRefund(first.providerRefundRef)).toEqual({ status: 'succeeded' });
    expect(await provider.close(providerRef)).toBe('paid');
    await provider.stop();
  });
});

describe('webhook verification', () => {
  const provider = () => sandbox(async () => 200);
  const body = Buffer.from(JSON.stringify({ id: 'evt_1', type: 'charge.closed', created: 0, data: { ref: 'sbx_1', merchantPaymentId: 'pay_1', amountFen: 1 } }));
  const now = () => Math.floor(clock.now().getTime() / 1000);

  it('accepts the secret in use among several signatures, as during a secret rotation', () => {
    const old = signSandboxWebhook('the-previous-secret-000000', now(), body).split(',')[1];
    const header = `${signSandboxWebhook(secret, now(), body)},${old}`;
    expect(provider().verifyWebhook({ 'tiantou-signature': header }, body)).toMatchObject({ kind: 'charge.closed', paymentId: 'pay_1' });
  });

  it('refuses what it cannot trust', () => {
    const reasons = (headers: Record<string, string | string[] | undefined>, raw = body) => {
      try {
        provider().verifyWebhook(headers, raw);
        return 'accepted';
      } catch (err) {
        return (err as WebhookRejectedError).reason;
      }
    };
    expect(reasons({})).toBe('signature');
    expect(reasons({ 'tiantou-signature': ['a', 'b'] })).toBe('signature');
    expect(reasons({ 'tiantou-signature': signSandboxWebhook('another-secret-000000000', now(), body) })).toBe('signature');
    expect(reasons({ 'tiantou-signature': signSandboxWebhook(secret, now(), body) }, Buffer.concat([body, Buffer.from(' ')]))).toBe('signature');
    expect(reasons({ 'tiantou-signature': signSandboxWebhook(secret, now() - 301, body) })).toBe('stale');
    const junk = Buffer.from('{"id":"evt_2","type":"charge.refunded","data":{}}');
    expect(reasons({ 'tiantou-signature': signSandboxWebhook(secret, now(), junk) }, junk)).toBe('malformed');
  });
});

describe('the lease on a notification', () => {
  it('keeps a second node from sending the same try', async () => {
    let sent = 0;
    const slow = sandbox(async () => {
      sent++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return 200;
    });
    const { paymentId } = await paidCharge(slow);
    const other = sandbox(async () => (sent++, 200));
    await other.deliverDue();
    await slow.stop();
    expect(sent).toBe(1);
    const [row] = await database.db.select().from(sandboxNotifications).where(eq(sandboxNotifications.id, (await notificationOf(paymentId)).id));
    expect(row).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});
