import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { CreatePaymentBody, PaymentStatus, PaymentView, RefundStatus, RefundView } from '../../../contracts/payments';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { isUniqueViolation, sqlState } from '../../infra/db/pg-errors';
import { DomainError, NotFoundError, NotOwnerError, ValidationError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import { ProviderDeclinedError, WebhookRejectedError, type PaymentProvider, type ProviderEvent } from './payment-provider';
import type { OutboxEntry, PaymentOutbox } from './payment-outbox';
import { paymentSucceeded, refundFailed, refundSucceeded, type PaymentSucceeded, type RefundSettled } from './payments.events';
import type { PaymentActor, PaymentPorts } from './payments.ports';
import { paymentOrders, payments, paymentWebhookEvents, refunds } from './payments.tables';

type PaymentRow = typeof payments.$inferSelect;
type RefundRow = typeof refunds.$inferSelect;
type Outcome = 'applied' | 'no_change' | 'unknown_payment' | 'amount_mismatch';
interface Applied {
  outcome: Outcome;
  entries: OutboxEntry[];
}
export type WebhookOutcome = Outcome | 'duplicate';

export interface RefundInput {
  paymentId: string;
  orderId: string;
  amountFen: number;
  reason: string;
}

export interface PaymentsOptions {
  /** Origin of this site, for the provider's return link. */
  publicUrl: string;
  /** A pending payment this old is asked about at the provider (its webhook may have been lost). */
  checkAfterMs?: number;
  /** A charge expires after this long unless the orders must be paid sooner. */
  chargeTtlMs?: number;
}

export type PaymentService = ReturnType<typeof createPaymentService>;

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const noChange: Applied = { outcome: 'no_change', entries: [] };
const checkViolation = (err: unknown) => sqlState(err) === '23514';

/**
 * Payments at a provider: charges for a buyer's orders, the provider's notifications, refunds,
 * and reconciliation of what the notifications missed. Each state only moves forward
 * (pending → paid | closed; refunds pending → succeeded | failed) by conditional updates, so
 * a notification seen twice, late or out of order changes nothing twice.
 */
export function createPaymentService(
  deps: { db: Db; clock: Clock; log: Logger; outbox: PaymentOutbox; provider: PaymentProvider } & PaymentPorts & PaymentsOptions,
) {
  const { db, clock, log, outbox, provider, orders, publicUrl } = deps;
  const checkAfterMs = deps.checkAfterMs ?? 2 * 60_000;
  const chargeTtlMs = deps.chargeTtlMs ?? 15 * 60_000;
  const recheckMs = 60_000;

  async function views(rows: PaymentRow[]): Promise<PaymentView[]> {
    const ids = rows.map((r) => r.id);
    const [links, refundRows] = ids.length
      ? await Promise.all([
          db.select().from(paymentOrders).where(inArray(paymentOrders.paymentId, ids)).orderBy(asc(paymentOrders.orderId)),
          db.select().from(refunds).where(inArray(refunds.paymentId, ids)).orderBy(asc(refunds.id)),
        ])
      : [[], []];
    return rows.map((row) => {
      const own = refundRows.filter((r) => r.paymentId === row.id);
      return {
        id: row.id,
        buyerId: row.buyerId,
        provider: row.provider,
        status: row.status as PaymentStatus,
        amountFen: row.amountFen,
        subject: row.subject,
        orderIds: links.filter((l) => l.paymentId === row.id).map((l) => l.orderId),
        payUrl: row.status === 'pending' ? row.payUrl : null,
        expiresAt: row.expiresAt.toISOString(),
        createdAt: row.createdAt.toISOString(),
        paidAt: row.paidAt?.toISOString() ?? null,
        closedAt: row.closedAt?.toISOString() ?? null,
        refundedFen: own.filter((r) => r.status === 'succeeded').reduce((sum, r) => sum + r.amountFen, 0),
        refunds: own.map(refundView),
      };
    });
  }
  const view = async (row: PaymentRow) => (await views([row]))[0]!;

  const refundView = (row: RefundRow): RefundView => ({
    id: row.id,
    paymentId: row.paymentId,
    orderId: row.orderId,
    amountFen: row.amountFen,
    reason: row.reason,
    status: row.status as RefundStatus,
    createdAt: row.createdAt.toISOString(),
    settledAt: row.settledAt?.toISOString() ?? null,
  });

  async function findPayment(id: string, tx: Db = db) {
    const [row] = await tx.select().from(payments).where(eq(payments.id, id));
    return row;
  }

  /** Asks the provider for the charge; a payment whose first try failed gets another on retry. */
  async function ensureCharge(row: PaymentRow): Promise<PaymentRow> {
    if (row.status !== 'pending' || row.payUrl) return row;
    try {
      const charge = await provider.createCharge({
        paymentId: row.id,
        amountFen: row.amountFen,
        subject: row.subject,
        expiresAt: row.expiresAt,
        returnUrl: row.returnUrl,
      });
      const [updated] = await db
        .update(payments)
        .set({ providerRef: charge.providerRef, payUrl: charge.payUrl, updatedAt: clock.now() })
        .where(eq(payments.id, row.id))
        .returning();
      return updated ?? row;
    } catch (err) {
      log.error({ err, paymentId: row.id, provider: provider.name }, 'payment provider did not create the charge');
      throw new DomainError('PAYMENT_PROVIDER_UNAVAILABLE', 503);
    }
  }

  async function orderIdsOf(tx: Db, paymentId: string) {
    const links = await tx.select({ orderId: paymentOrders.orderId }).from(paymentOrders).where(eq(paymentOrders.paymentId, paymentId));
    return links.map((l) => l.orderId).sort();
  }

  async function applyPaid(tx: Db, paymentId: string, charge: { providerRef: string; amountFen: number; paidAt: Date }): Promise<Applied> {
    const [row] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for('update');
    if (!row) return { outcome: 'unknown_payment', entries: [] };
    if (row.status === 'paid') return noChange;
    if (row.amountFen !== charge.amountFen || (row.providerRef && row.providerRef !== charge.providerRef)) {
      log.error({ paymentId, expected: row.amountFen, reported: charge.amountFen }, 'provider reports a payment that does not match ours');
      return { outcome: 'amount_mismatch', entries: [] };
    }
    // The provider's ledger is the truth about money: a payment we had closed but the buyer
    // managed to pay is paid; sales refunds it if its orders no longer want the money.
    if (row.status === 'closed') log.warn({ paymentId }, 'provider says a closed payment was paid; taking its word');
    await tx
      .update(payments)
      .set({ status: 'paid', paidAt: charge.paidAt, providerRef: charge.providerRef, updatedAt: clock.now() })
      .where(eq(payments.id, paymentId));
    const data: PaymentSucceeded = {
      paymentId,
      buyerId: row.buyerId,
      orderIds: await orderIdsOf(tx, paymentId),
      amountFen: row.amountFen,
      paidAt: charge.paidAt.toISOString(),
    };
    const entry = await outbox.add(tx, `${paymentSucceeded}:${paymentId}`, paymentSucceeded, data);
    return { outcome: 'applied', entries: entry ? [entry] : [] };
  }

  async function applyClosed(tx: Db, paymentId: string, reason: string): Promise<Applied> {
    const [closed] = await tx
      .update(payments)
      .set({ status: 'closed', closedAt: clock.now(), closeReason: reason, updatedAt: clock.now() })
      .where(and(eq(payments.id, paymentId), eq(payments.status, 'pending')))
      .returning({ id: payments.id });
    if (!closed) return (await findPayment(paymentId, tx)) ? noChange : { outcome: 'unknown_payment', entries: [] };
    // Its orders may now be paid by a new payment.
    await tx.update(paymentOrders).set({ live: false }).where(eq(paymentOrders.paymentId, paymentId));
    return { outcome: 'applied', entries: [] };
  }

  async function applyRefund(
    tx: Db,
    refundId: string,
    result: { status: 'succeeded' } | { status: 'failed'; failure: string },
    reported?: { paymentId: string; amountFen: number; providerRefundRef: string },
  ): Promise<Applied> {
    const [row] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for('update');
    if (!row || (reported && row.paymentId !== reported.paymentId)) return { outcome: 'unknown_payment', entries: [] };
    if (row.status !== 'pending') return noChange;
    if (reported && reported.amountFen !== row.amountFen) {
      log.error({ refundId, expected: row.amountFen, reported: reported.amountFen }, 'provider reports a refund that does not match ours');
      return { outcome: 'amount_mismatch', entries: [] };
    }
    await tx
      .update(refunds)
      .set({
        status: result.status,
        settledAt: clock.now(),
        failure: result.status === 'failed' ? result.failure : null,
        ...(reported ? { providerRefundRef: reported.providerRefundRef } : {}),
      })
      .where(eq(refunds.id, refundId));
    if (result.status === 'failed') {
      // What a failed refund held back may be refunded again.
      await tx
        .update(payments)
        .set({ refundCommittedFen: sql`${payments.refundCommittedFen} - ${row.amountFen}`, updatedAt: clock.now() })
        .where(eq(payments.id, row.paymentId));
    }
    const type = result.status === 'succeeded' ? refundSucceeded : refundFailed;
    const data: RefundSettled = { refundId, paymentId: row.paymentId, orderId: row.orderId, amountFen: row.amountFen };
    const entry = await outbox.add(tx, `${type}:${refundId}`, type, data);
    return { outcome: 'applied', entries: entry ? [entry] : [] };
  }

  /** One change in its own transaction, its events published after the commit. */
  async function settle(change: (tx: Db) => Promise<Applied>): Promise<Outcome> {
    const applied = await db.transaction((tx) => change(tx as unknown as Db));
    await outbox.publish(applied.entries);
    return applied.outcome;
  }

  function applyEvent(tx: Db, event: ProviderEvent): Promise<Applied> {
    switch (event.kind) {
      case 'charge.paid':
        return applyPaid(tx, event.paymentId, event);
      case 'charge.closed':
        return applyClosed(tx, event.paymentId, 'provider_closed');
      case 'refund.succeeded':
        return applyRefund(tx, event.refundId, { status: 'succeeded' }, event);
      case 'refund.failed':
        return applyRefund(tx, event.refundId, { status: 'failed', failure: event.failure ?? 'FAILED' }, event);
    }
  }

  /** Closes a pending payment at the provider first, so the buyer cannot pay it after we gave up on it. */
  async function closeEverywhere(row: PaymentRow, reason: string): Promise<'closed' | 'paid'> {
    if (row.providerRef) {
      const answer = await provider.close(row.providerRef);
      if (answer === 'paid') {
        const state = await provider.query(row.providerRef);
        if (state.status === 'paid') {
          const ref = row.providerRef;
          await settle((tx) => applyPaid(tx, row.id, { providerRef: ref, amountFen: state.amountFen, paidAt: state.paidAt }));
        }
        return 'paid';
      }
    }
    await settle((tx) => applyClosed(tx, row.id, reason));
    return 'closed';
  }

  async function reconcilePayment(row: PaymentRow) {
    const expired = clock.now() >= row.expiresAt;
    if (!row.providerRef) {
      // The provider never answered the create call, so nobody was shown a pay page.
      if (expired) await settle((tx) => applyClosed(tx, row.id, 'no_charge'));
      return;
    }
    const ref = row.providerRef;
    const state = await provider.query(ref);
    if (state.status === 'paid') {
      const outcome = await settle((tx) => applyPaid(tx, row.id, { providerRef: ref, amountFen: state.amountFen, paidAt: state.paidAt }));
      if (outcome === 'applied') log.info({ paymentId: row.id }, 'reconciliation found a paid payment whose notification never came');
    } else if (state.status === 'closed') {
      await settle((tx) => applyClosed(tx, row.id, 'provider_closed'));
    } else if (expired) {
      await closeEverywhere(row, 'expired');
    }
  }

  /** Sends a refund to the provider; a refusal fails it, a network failure leaves it for reconciliation. */
  async function sendRefund(row: RefundRow, providerRef: string) {
    try {
      const { providerRefundRef } = await provider.refund({ providerRef, refundId: row.id, amountFen: row.amountFen, reason: row.reason });
      await db.update(refunds).set({ providerRefundRef }).where(and(eq(refunds.id, row.id), eq(refunds.status, 'pending')));
    } catch (err) {
      if (err instanceof ProviderDeclinedError) {
        log.warn({ refundId: row.id, reason: err.reason }, 'provider declined a refund');
        await settle((tx) => applyRefund(tx, row.id, { status: 'failed', failure: err.reason }));
      } else {
        log.warn({ err, refundId: row.id }, 'refund not yet accepted by the provider; reconciliation will retry');
      }
    }
  }

  async function reconcileRefund(row: RefundRow) {
    if (!row.providerRefundRef) {
      const payment = await findPayment(row.paymentId);
      if (payment?.providerRef) await sendRefund(row, payment.providerRef);
      return;
    }
    const state = await provider.queryRefund(row.providerRefundRef);
    if (state.status === 'succeeded' || state.status === 'failed') await settle((tx) => applyRefund(tx, row.id, state));
  }

  /** Refuses what the caller may not see: a payment is its buyer's, and admins'. */
  async function getReadable(actor: PaymentActor, id: string) {
    const row = await findPayment(id);
    if (!row) throw new NotFoundError('PAYMENT_NOT_FOUND');
    if (row.buyerId !== actor.userId && !actor.roles.includes('admin')) throw new NotOwnerError();
    return row;
  }

  /** A retry with a used key: the first answer if the request is the same, a refusal if not. */
  async function replay(row: PaymentRow, hash: string) {
    if (row.requestHash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED', 422);
    return { payment: await view(await ensureCharge(row)), replayed: true };
  }

  const findByKey = async (buyerId: string, key: string) =>
    (await db.select().from(payments).where(and(eq(payments.buyerId, buyerId), eq(payments.idempotencyKey, key))))[0];

  return {
    /**
     * A charge for the buyer's orders. One live payment per order: an open one for the same
     * orders and amount is handed back, one for a different set is closed at the provider first.
     */
    async create(actor: PaymentActor, body: CreatePaymentBody, idempotencyKey: string): Promise<{ payment: PaymentView; replayed: boolean }> {
      const orderIds = [...body.orderIds].sort();
      const returnPath = body.returnPath ?? '/me';
      const hash = hashOf({ orderIds, returnPath });
      const earlier = await findByKey(actor.userId, idempotencyKey);
      if (earlier) return replay(earlier, hash);

      const payable = await orders.payable(actor.userId, orderIds);
      if (!Number.isInteger(payable.amountFen) || payable.amountFen <= 0) throw new Error(`orders port answered an amount of ${payable.amountFen}`);

      const live = await db
        .select({ payment: payments })
        .from(paymentOrders)
        .innerJoin(payments, eq(payments.id, paymentOrders.paymentId))
        .where(and(inArray(paymentOrders.orderId, orderIds), eq(paymentOrders.live, true)));
      const open = [...new Map(live.map(({ payment }) => [payment.id, payment])).values()];
      for (const other of open) {
        if (other.status === 'paid') {
          const id = (await orderIdsOf(db, other.id)).find((o) => orderIds.includes(o))!;
          throw new DomainError('PAYMENT_ORDERS_ALREADY_PAID', 409, { id });
        }
        const sameOrders = hashOf(await orderIdsOf(db, other.id)) === hashOf(orderIds);
        if (other.buyerId === actor.userId && sameOrders && other.amountFen === payable.amountFen && other.expiresAt > clock.now()) {
          return { payment: await view(await ensureCharge(other)), replayed: false };
        }
        if ((await closeEverywhere(other, 'superseded')) === 'paid') {
          throw new DomainError('PAYMENT_ORDERS_ALREADY_PAID', 409, { id: orderIds[0]! });
        }
      }

      const now = clock.now();
      const payBy = payable.payBy ? new Date(payable.payBy).getTime() : Number.POSITIVE_INFINITY;
      const expiresAt = new Date(Math.min(now.getTime() + chargeTtlMs, payBy));
      const id = newId('pay');
      let row: PaymentRow;
      try {
        row = await db.transaction(async (tx) => {
          const [inserted] = await tx
            .insert(payments)
            .values({
              id,
              buyerId: actor.userId,
              provider: provider.name,
              amountFen: payable.amountFen,
              subject: payable.subject.slice(0, 120),
              status: 'pending',
              idempotencyKey,
              requestHash: hash,
              returnUrl: `${publicUrl}${returnPath}`,
              expiresAt,
              checkAfter: new Date(now.getTime() + checkAfterMs),
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          await tx.insert(paymentOrders).values(orderIds.map((orderId) => ({ paymentId: id, orderId })));
          return inserted!;
        });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        // Either the same key raced us (answer as a retry), or another payment took an order first.
        const raced = await findByKey(actor.userId, idempotencyKey);
        if (raced) return replay(raced, hash);
        throw new DomainError('PAYMENT_IN_PROGRESS', 409);
      }
      return { payment: await view(await ensureCharge(row)), replayed: false };
    },

    async get(actor: PaymentActor, id: string): Promise<PaymentView> {
      return view(await getReadable(actor, id));
    },

    /**
     * A provider's notification. Forged and stale ones are refused; each genuine one is recorded
     * by its event id in the transaction that applies it, so a replay finds it and does nothing.
     */
    async handleWebhook(providerName: string, headers: Record<string, string | string[] | undefined>, rawBody: Buffer): Promise<WebhookOutcome> {
      if (providerName !== provider.name) throw new NotFoundError();
      let event: ProviderEvent;
      try {
        event = provider.verifyWebhook(headers, rawBody);
      } catch (err) {
        if (!(err instanceof WebhookRejectedError)) throw err;
        log.warn({ provider: providerName, reason: err.reason, bytes: rawBody.length }, 'payment webhook refused');
        if (err.reason === 'malformed') throw new DomainError('VALIDATION_FAILED', 400);
        throw new DomainError(err.reason === 'stale' ? 'PAYMENT_WEBHOOK_STALE' : 'PAYMENT_WEBHOOK_SIGNATURE_INVALID', 401);
      }
      const applied = await db.transaction(async (tx): Promise<Applied | undefined> => {
        const [first] = await tx
          .insert(paymentWebhookEvents)
          .values({ provider: providerName, eventId: event.id, type: event.kind, paymentId: event.paymentId, outcome: 'applied', receivedAt: clock.now() })
          .onConflictDoNothing()
          .returning({ eventId: paymentWebhookEvents.eventId });
        if (!first) return undefined;
        const result = await applyEvent(tx as unknown as Db, event);
        if (result.outcome !== 'applied') {
          await tx
            .update(paymentWebhookEvents)
            .set({ outcome: result.outcome })
            .where(and(eq(paymentWebhookEvents.provider, providerName), eq(paymentWebhookEvents.eventId, event.id)));
        }
        return result;
      });
      const outcome = applied?.outcome ?? 'duplicate';
      if (applied) await outbox.publish(applied.entries);
      const context = { provider: providerName, eventId: event.id, kind: event.kind, paymentId: event.paymentId, outcome };
      // A signed event for a payment we never made cannot become known by retrying (our row is
      // written before the provider hears of it), so it is acknowledged, kept, and shouted about.
      if (outcome === 'unknown_payment' || outcome === 'amount_mismatch') log.error(context, 'payment webhook for nothing we know');
      else log.info(context, 'payment webhook');
      return outcome;
    },

    /**
     * Gives money back for one order of a paid payment, in full or in part, through the provider.
     * Retrying with the same key returns the same refund; the refunds of a payment never add up
     * to more than was paid (a check constraint holds that, whichever node asks).
     */
    async refund(input: RefundInput, idempotencyKey: string): Promise<RefundView> {
      const hash = hashOf({ paymentId: input.paymentId, orderId: input.orderId, amountFen: input.amountFen, reason: input.reason });
      const byKey = async () => (await db.select().from(refunds).where(eq(refunds.idempotencyKey, idempotencyKey)))[0];
      const answerFor = (row: RefundRow) => {
        if (row.requestHash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED', 422);
        return refundView(row);
      };
      const earlier = await byKey();
      if (earlier) return answerFor(earlier);
      if (!Number.isInteger(input.amountFen) || input.amountFen <= 0) throw new ValidationError([{ path: '/amountFen', message: 'positive integer' }]);
      const reason = input.reason.trim().slice(0, 200) || 'refund';

      const id = newId('rfd');
      let created: { refund: RefundRow; providerRef: string };
      try {
        created = await db.transaction(async (tx) => {
          const [payment] = await tx.select().from(payments).where(eq(payments.id, input.paymentId)).for('update');
          if (!payment) throw new NotFoundError('PAYMENT_NOT_FOUND');
          if (payment.status !== 'paid' || !payment.providerRef) throw new DomainError('PAYMENT_NOT_REFUNDABLE', 409, { status: payment.status });
          const [link] = await tx
            .select()
            .from(paymentOrders)
            .where(and(eq(paymentOrders.paymentId, payment.id), eq(paymentOrders.orderId, input.orderId)));
          if (!link) throw new DomainError('PAYMENT_REFUND_ORDER_MISMATCH', 422, { id: input.orderId });
          const refundable = payment.amountFen - payment.refundCommittedFen;
          if (input.amountFen > refundable) throw new DomainError('PAYMENT_REFUND_EXCEEDS', 422, { refundableFen: refundable });
          // An increment, not a computed total: the check constraint sees the sum whatever raced us.
          await tx
            .update(payments)
            .set({ refundCommittedFen: sql`${payments.refundCommittedFen} + ${input.amountFen}`, updatedAt: clock.now() })
            .where(eq(payments.id, payment.id));
          const now = clock.now();
          const [row] = await tx
            .insert(refunds)
            .values({
              id,
              paymentId: payment.id,
              orderId: input.orderId,
              amountFen: input.amountFen,
              reason,
              status: 'pending',
              idempotencyKey,
              requestHash: hash,
              checkAfter: new Date(now.getTime() + checkAfterMs),
              createdAt: now,
            })
            .returning();
          return { refund: row!, providerRef: payment.providerRef };
        });
      } catch (err) {
        if (isUniqueViolation(err)) {
          const raced = await byKey();
          if (raced) return answerFor(raced);
        }
        if (checkViolation(err)) throw new DomainError('PAYMENT_REFUND_EXCEEDS', 422, { refundableFen: 0 });
        throw err;
      }
      await sendRefund(created.refund, created.providerRef);
      const [row] = await db.select().from(refunds).where(eq(refunds.id, id));
      return refundView(row!);
    },

    /**
     * For sales, when orders are cancelled: closes their pending payments at the provider so
     * they can no longer be paid. Answers the payments that turned out to be paid already.
     */
    async closePending(orderIds: string[]): Promise<{ paidPaymentIds: string[] }> {
      if (!orderIds.length) return { paidPaymentIds: [] };
      const rows = await db
        .selectDistinct({ payment: payments })
        .from(paymentOrders)
        .innerJoin(payments, eq(payments.id, paymentOrders.paymentId))
        .where(and(inArray(paymentOrders.orderId, orderIds), eq(paymentOrders.live, true), eq(payments.status, 'pending')));
      const paidPaymentIds: string[] = [];
      for (const { payment } of rows) {
        if ((await closeEverywhere(payment, 'orders_cancelled')) === 'paid') paidPaymentIds.push(payment.id);
      }
      return { paidPaymentIds };
    },

    /**
     * Asks the provider about payments and refunds left pending past their time, and publishes
     * events a node wrote but never announced. Rows are claimed first, so nodes share the work.
     */
    async reconcile(): Promise<{ payments: number; refunds: number; events: number }> {
      const now = clock.now();
      const later = new Date(now.getTime() + recheckMs);
      const duePayments = await db
        .update(payments)
        .set({ checkAfter: later })
        .where(
          inArray(
            payments.id,
            db
              .select({ id: payments.id })
              .from(payments)
              .where(and(eq(payments.status, 'pending'), lte(payments.checkAfter, now)))
              .orderBy(asc(payments.checkAfter))
              .limit(50)
              .for('update', { skipLocked: true }),
          ),
        )
        .returning();
      for (const row of duePayments) {
        await reconcilePayment(row).catch((err: unknown) => log.warn({ err, paymentId: row.id }, 'payment reconciliation failed'));
      }
      const dueRefunds = await db
        .update(refunds)
        .set({ checkAfter: later })
        .where(
          inArray(
            refunds.id,
            db
              .select({ id: refunds.id })
              .from(refunds)
              .where(and(eq(refunds.status, 'pending'), lte(refunds.checkAfter, now)))
              .orderBy(asc(refunds.checkAfter))
              .limit(50)
              .for('update', { skipLocked: true }),
          ),
        )
        .returning();
      for (const row of dueRefunds) {
        await reconcileRefund(row).catch((err: unknown) => log.warn({ err, refundId: row.id }, 'refund reconciliation failed'));
      }
      const events = await outbox.sweep();
      return { payments: duePayments.length, refunds: dueRefunds.length, events };
    },
  };
}
