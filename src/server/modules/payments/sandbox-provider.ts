import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { newId } from '../../infra/ids';
import {
  ProviderDeclinedError,
  WebhookRejectedError,
  type ChargeState,
  type PaymentProvider,
  type ProviderEvent,
  type RefundState,
} from './payment-provider';
import { sandboxCharges, sandboxNotifications, sandboxRefunds } from './sandbox.tables';

export const sandboxSignatureHeader = 'tiantou-signature';
/** Notifications older or newer than this are refused, so a captured one cannot be replayed later. */
export const webhookToleranceSeconds = 5 * 60;
/** Like WeChat Pay: a charge can be refunded for a year; after that the refund fails. */
const refundWindowMs = 365 * 24 * 3600_000;
/** Between tries of a notification that got no 2xx: the providers' schedules, compressed. */
const defaultRetryDelaysMs = [2_000, 10_000, 30_000, 120_000, 600_000, 1_800_000];
/** A node that claimed a notification has this long to report on it before another node may try. */
const deliveryLeaseMs = 60_000;

/** Sends a notification to the merchant and answers the HTTP status (app.inject in app.ts). */
export type Deliver = (path: string, headers: Record<string, string>, body: string) => Promise<number>;

export interface SandboxOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  secret: string;
  /** Base of the pay page links, e.g. https://tiantou.example */
  publicUrl: string;
  /** Where notifications go, e.g. /api/v1/payments/webhooks/sandbox */
  notifyPath: string;
  deliver: Deliver;
  /** Share of notifications delivered twice, as real providers sometimes do. */
  duplicateRate: number;
  /** Share of notifications never sent, to exercise reconciliation. */
  dropRate: number;
  retryDelaysMs?: number[];
  random?: () => number;
}

export type SandboxChargePage = Pick<typeof sandboxCharges.$inferSelect, 'ref' | 'amountFen' | 'subject' | 'returnUrl' | 'expiresAt'> & {
  status: 'pending' | 'paid' | 'closed' | 'expired';
  payUrl: string;
};

export type SandboxProvider = ReturnType<typeof createSandboxProvider>;

/** `t=<unix>,v1=<hex>`: HMAC-SHA256 over `${t}.${rawBody}`. */
export function signSandboxWebhook(secret: string, timestamp: number, rawBody: string | Buffer): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

function parseSignature(header: string | string[] | undefined): { t: number; v1: string[] } | undefined {
  if (typeof header !== 'string' || header.length > 1000) return undefined;
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) v1.push(value);
  }
  return t === undefined || v1.length === 0 ? undefined : { t, v1 };
}

interface WireEvent {
  id: string;
  type: ProviderEvent['kind'];
  created: number;
  data: {
    ref: string;
    merchantPaymentId: string;
    amountFen: number;
    paidAt?: string;
    chargeRef?: string;
    merchantRefundId?: string;
    failure?: string;
  };
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

/** Reads a verified body into our event shape; anything unexpected is malformed. */
function readEvent(raw: Buffer): ProviderEvent {
  let wire: WireEvent;
  try {
    wire = JSON.parse(raw.toString('utf8')) as WireEvent;
  } catch {
    throw new WebhookRejectedError('malformed');
  }
  const d = wire?.data;
  if (!isText(wire?.id) || !d || !isText(d.ref) || !isText(d.merchantPaymentId) || !Number.isInteger(d.amountFen)) {
    throw new WebhookRejectedError('malformed');
  }
  switch (wire.type) {
    case 'charge.paid': {
      const paidAt = new Date(d.paidAt ?? '');
      if (Number.isNaN(paidAt.getTime())) throw new WebhookRejectedError('malformed');
      return { id: wire.id, kind: 'charge.paid', paymentId: d.merchantPaymentId, providerRef: d.ref, amountFen: d.amountFen, paidAt };
    }
    case 'charge.closed':
      return { id: wire.id, kind: 'charge.closed', paymentId: d.merchantPaymentId, providerRef: d.ref };
    case 'refund.succeeded':
    case 'refund.failed':
      if (!isText(d.chargeRef) || !isText(d.merchantRefundId)) throw new WebhookRejectedError('malformed');
      return {
        id: wire.id,
        kind: wire.type,
        paymentId: d.merchantPaymentId,
        providerRef: d.chargeRef,
        refundId: d.merchantRefundId,
        providerRefundRef: d.ref,
        amountFen: d.amountFen,
        ...(isText(d.failure) ? { failure: d.failure } : {}),
      };
    default:
      throw new WebhookRejectedError('malformed');
  }
}

/**
 * A payment provider that lives in the node but behaves like WeChat Pay or Alipay: its own
 * ledger, a pay page the buyer opens (or scans as a QR code), and signed notifications sent
 * after the fact, retried until answered, sometimes twice. It takes no money.
 */
export function createSandboxProvider(options: SandboxOptions) {
  const { db, clock, log, secret, publicUrl, notifyPath, deliver, duplicateRate, dropRate } = options;
  const retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
  const random = options.random ?? Math.random;
  const inflight = new Set<Promise<unknown>>();
  let stopped = false;

  const payUrl = (ref: string) => `${publicUrl}/sandbox/pay/${ref}`;

  async function enqueue(tx: Db, type: ProviderEvent['kind'], data: WireEvent['data']) {
    const now = clock.now();
    const id = newId('evt');
    const body: WireEvent = { id, type, created: Math.floor(now.getTime() / 1000), data };
    const dropped = random() < dropRate;
    if (dropped) log.info({ eventId: id, type }, 'sandbox drops a notification on purpose');
    await tx.insert(sandboxNotifications).values({ id, type, body, status: dropped ? 'dropped' : 'queued', nextAttemptAt: now, createdAt: now });
  }

  /** Posts one copy, signed at the moment of sending like the real providers do. */
  async function send(row: typeof sandboxNotifications.$inferSelect): Promise<boolean> {
    const body = JSON.stringify(row.body);
    const signature = signSandboxWebhook(secret, Math.floor(clock.now().getTime() / 1000), body);
    try {
      const status = await deliver(notifyPath, { 'content-type': 'application/json', [sandboxSignatureHeader]: signature }, body);
      if (status >= 200 && status < 300) return true;
      log.warn({ eventId: row.id, status }, 'sandbox notification refused; will retry');
    } catch (err) {
      log.warn({ err, eventId: row.id }, 'sandbox notification failed; will retry');
    }
    return false;
  }

  async function attempt(row: typeof sandboxNotifications.$inferSelect) {
    // Now and then the same notification goes out twice at once, as providers' "at least once" allows.
    const copies = random() < duplicateRate ? 2 : 1;
    const results = await Promise.all(Array.from({ length: copies }, () => send(row)));
    const delivered = results.filter(Boolean).length;
    const now = clock.now();
    if (delivered > 0) {
      await db
        .update(sandboxNotifications)
        .set({ status: 'delivered', deliveredAt: now, deliveries: sql`${sandboxNotifications.deliveries} + ${delivered}` })
        .where(eq(sandboxNotifications.id, row.id));
      return;
    }
    const delay = retryDelaysMs[row.attempts - 1];
    await db
      .update(sandboxNotifications)
      .set(delay === undefined ? { status: 'abandoned' } : { nextAttemptAt: new Date(now.getTime() + delay) })
      .where(eq(sandboxNotifications.id, row.id));
  }

  /** Sends every notification that is due; each is claimed first, so two nodes never send the same try. */
  async function deliverDue(): Promise<number> {
    if (stopped) return 0;
    const now = clock.now();
    const due = db
      .select({ id: sandboxNotifications.id })
      .from(sandboxNotifications)
      .where(and(eq(sandboxNotifications.status, 'queued'), lte(sandboxNotifications.nextAttemptAt, now)))
      .orderBy(asc(sandboxNotifications.nextAttemptAt))
      .limit(20)
      .for('update', { skipLocked: true });
    const claimed = await db
      .update(sandboxNotifications)
      .set({ nextAttemptAt: new Date(now.getTime() + deliveryLeaseMs), attempts: sql`${sandboxNotifications.attempts} + 1` })
      .where(inArray(sandboxNotifications.id, due))
      .returning();
    await Promise.all(claimed.map(attempt));
    return claimed.length;
  }

  /** Sends soon, without holding up the buyer's page. */
  function kick() {
    if (stopped) return;
    const run: Promise<unknown> = deliverDue()
      .catch((err: unknown) => log.error({ err }, 'sandbox delivery failed'))
      .finally(() => inflight.delete(run));
    inflight.add(run);
  }

  async function findCharge(ref: string) {
    const [row] = await db.select().from(sandboxCharges).where(eq(sandboxCharges.ref, ref));
    return row;
  }

  /** A pending charge past its time is closed when anyone looks, as a provider's timeout would. */
  async function settleExpiry(row: typeof sandboxCharges.$inferSelect) {
    if (row.status !== 'pending' || row.expiresAt > clock.now()) return row;
    const [closed] = await db
      .update(sandboxCharges)
      .set({ status: 'closed', closedAt: clock.now() })
      .where(and(eq(sandboxCharges.ref, row.ref), eq(sandboxCharges.status, 'pending')))
      .returning();
    return closed ?? (await findCharge(row.ref))!;
  }

  const chargeData = (row: typeof sandboxCharges.$inferSelect): WireEvent['data'] => ({
    ref: row.ref,
    merchantPaymentId: row.merchantPaymentId,
    amountFen: row.amountFen,
    ...(row.paidAt ? { paidAt: row.paidAt.toISOString() } : {}),
  });

  const provider: PaymentProvider = {
    name: 'sandbox',

    async createCharge(input) {
      const now = clock.now();
      const ref = `sbx_${randomBytes(18).toString('base64url')}`;
      await db
        .insert(sandboxCharges)
        .values({
          ref,
          merchantPaymentId: input.paymentId,
          amountFen: input.amountFen,
          subject: input.subject,
          status: 'pending',
          returnUrl: input.returnUrl,
          expiresAt: input.expiresAt,
          createdAt: now,
        })
        .onConflictDoNothing({ target: sandboxCharges.merchantPaymentId });
      // A repeated request for the same merchant payment gets the charge made the first time.
      const [row] = await db.select().from(sandboxCharges).where(eq(sandboxCharges.merchantPaymentId, input.paymentId));
      if (!row || row.amountFen !== input.amountFen) throw new ProviderDeclinedError('merchant payment id reused with another amount');
      return { providerRef: row.ref, payUrl: payUrl(row.ref) };
    },

    async query(ref): Promise<ChargeState> {
      const found = await findCharge(ref);
      if (!found) return { status: 'not_found' };
      const row = await settleExpiry(found);
      if (row.status === 'paid') return { status: 'paid', amountFen: row.amountFen, paidAt: row.paidAt! };
      return { status: row.status as 'pending' | 'closed' };
    },

    async close(ref) {
      await db
        .update(sandboxCharges)
        .set({ status: 'closed', closedAt: clock.now() })
        .where(and(eq(sandboxCharges.ref, ref), eq(sandboxCharges.status, 'pending')));
      const row = await findCharge(ref);
      if (!row) throw new ProviderDeclinedError('no such charge');
      return row.status === 'paid' ? 'paid' : 'closed';
    },

    async refund(input) {
      const now = clock.now();
      const [earlier] = await db.select().from(sandboxRefunds).where(eq(sandboxRefunds.merchantRefundId, input.refundId));
      if (earlier) {
        if (earlier.amountFen !== input.amountFen || earlier.chargeRef !== input.providerRef) {
          throw new ProviderDeclinedError('merchant refund id reused with another amount');
        }
        return { providerRefundRef: earlier.ref };
      }
      const answer = await db.transaction(async (tx) => {
        const [charge] = await tx.select().from(sandboxCharges).where(eq(sandboxCharges.ref, input.providerRef)).for('update');
        if (!charge || charge.status !== 'paid') throw new ProviderDeclinedError('charge not paid');
        const ref = `sbr_${randomBytes(12).toString('base64url')}`;
        // The outcome is decided now but told later, as a provider's bank transfer would be.
        const late = now.getTime() - charge.paidAt!.getTime() > refundWindowMs;
        if (!late) {
          const [taken] = await tx
            .update(sandboxCharges)
            .set({ refundedFen: sql`${sandboxCharges.refundedFen} + ${input.amountFen}` })
            .where(and(eq(sandboxCharges.ref, charge.ref), sql`${sandboxCharges.refundedFen} + ${input.amountFen} <= ${sandboxCharges.amountFen}`))
            .returning();
          if (!taken) throw new ProviderDeclinedError('refund exceeds the amount left on the charge');
        }
        const failure = late ? 'REFUND_WINDOW_CLOSED' : null;
        await tx.insert(sandboxRefunds).values({
          ref,
          chargeRef: charge.ref,
          merchantRefundId: input.refundId,
          amountFen: input.amountFen,
          status: late ? 'failed' : 'succeeded',
          failure,
          createdAt: now,
        });
        await enqueue(tx, late ? 'refund.failed' : 'refund.succeeded', {
          ref,
          chargeRef: charge.ref,
          merchantPaymentId: charge.merchantPaymentId,
          merchantRefundId: input.refundId,
          amountFen: input.amountFen,
          ...(failure ? { failure } : {}),
        });
        return { providerRefundRef: ref };
      });
      kick();
      return answer;
    },

    async queryRefund(ref): Promise<RefundState> {
      const [row] = await db.select().from(sandboxRefunds).where(eq(sandboxRefunds.ref, ref));
      if (!row) return { status: 'not_found' };
      return row.status === 'failed' ? { status: 'failed', failure: row.failure ?? 'FAILED' } : { status: 'succeeded' };
    },

    verifyWebhook(headers, rawBody) {
      const signature = parseSignature(headers[sandboxSignatureHeader]);
      if (!signature) throw new WebhookRejectedError('signature');
      const expected = Buffer.from(signSandboxWebhook(secret, signature.t, rawBody).split('v1=')[1]!, 'hex');
      if (!signature.v1.some((given) => timingSafeEqual(Buffer.from(given, 'hex'), expected))) throw new WebhookRejectedError('signature');
      if (Math.abs(clock.now().getTime() / 1000 - signature.t) > webhookToleranceSeconds) throw new WebhookRejectedError('stale');
      return readEvent(rawBody);
    },
  };

  return {
    ...provider,

    /** What the pay page shows; undefined for a reference the sandbox never issued. */
    async page(ref: string): Promise<SandboxChargePage | undefined> {
      const found = await findCharge(ref);
      if (!found) return undefined;
      const expired = found.status === 'pending' && found.expiresAt <= clock.now();
      return {
        ref: found.ref,
        amountFen: found.amountFen,
        subject: found.subject,
        returnUrl: found.returnUrl,
        expiresAt: found.expiresAt,
        status: expired ? 'expired' : (found.status as SandboxChargePage['status']),
        payUrl: payUrl(found.ref),
      };
    },

    /** The buyer pressed 支付 Pay: the ledger moves first, the merchant hears about it afterwards. */
    async pay(ref: string): Promise<void> {
      const now = clock.now();
      const changed = await db.transaction(async (tx) => {
        const [paid] = await tx
          .update(sandboxCharges)
          .set({ status: 'paid', paidAt: now })
          .where(and(eq(sandboxCharges.ref, ref), eq(sandboxCharges.status, 'pending'), gt(sandboxCharges.expiresAt, now)))
          .returning();
        if (paid) await enqueue(tx, 'charge.paid', chargeData(paid));
        return Boolean(paid);
      });
      if (changed) kick();
    },

    /** The buyer pressed 取消 Cancel: the charge closes and can no longer be paid. */
    async cancel(ref: string): Promise<void> {
      const changed = await db.transaction(async (tx) => {
        const [closed] = await tx
          .update(sandboxCharges)
          .set({ status: 'closed', closedAt: clock.now() })
          .where(and(eq(sandboxCharges.ref, ref), eq(sandboxCharges.status, 'pending')))
          .returning();
        if (closed) await enqueue(tx, 'charge.closed', chargeData(closed));
        return Boolean(closed);
      });
      if (changed) kick();
    },

    deliverDue,

    /** Lets the deliveries in flight finish and starts no more. */
    async stop(): Promise<void> {
      stopped = true;
      await Promise.all([...inflight]);
    },
  };
}
