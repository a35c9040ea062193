import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One charge a buyer pays at a provider, for one or more of their orders. */
export const payments = pgTable(
  'payments',
  {
    id: text('id').primaryKey(),
    buyerId: text('buyer_id').notNull(),
    provider: text('provider').notNull(),
    // Null until the provider has answered; our id is the merchant reference it knows us by.
    providerRef: text('provider_ref'),
    payUrl: text('pay_url'),
    amountFen: integer('amount_fen').notNull(),
    subject: text('subject').notNull(),
    status: text('status').notNull(),
    // Refunds pending or succeeded: reserved when a refund is asked for, given back if it fails.
    refundCommittedFen: integer('refund_committed_fen').notNull().default(0),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    returnUrl: text('return_url').notNull(),
    expiresAt: ts('expires_at').notNull(),
    // When the reconciliation job next asks the provider about a pending payment.
    checkAfter: ts('check_after').notNull(),
    paidAt: ts('paid_at'),
    closedAt: ts('closed_at'),
    closeReason: text('close_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    check('payments_status', sql`${t.status} in ('pending', 'paid', 'closed')`),
    check('payments_amount_positive', sql`${t.amountFen} > 0`),
    // The database's word on "refunds never exceed what was paid", whichever node asked.
    check('payments_refund_within_amount', sql`${t.refundCommittedFen} >= 0 and ${t.refundCommittedFen} <= ${t.amountFen}`),
    uniqueIndex('payments_buyer_idempotency_key').on(t.buyerId, t.idempotencyKey),
    uniqueIndex('payments_provider_ref').on(t.provider, t.providerRef),
    index('payments_pending_check').on(t.checkAfter).where(sql`${t.status} = 'pending'`),
    index('payments_buyer').on(t.buyerId, t.createdAt),
  ],
);

/** Which orders a payment pays; at most one live (pending or paid) payment per order. */
export const paymentOrders = pgTable(
  'payment_orders',
  {
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    orderId: text('order_id').notNull(),
    // False once the payment is closed, so the order may be paid by a new one.
    live: boolean('live').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.paymentId, t.orderId] }),
    uniqueIndex('payment_orders_one_live_per_order').on(t.orderId).where(sql`${t.live}`),
  ],
);

export const refunds = pgTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    orderId: text('order_id').notNull(),
    amountFen: integer('amount_fen').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull(),
    providerRefundRef: text('provider_refund_ref'),
    failure: text('failure'),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    requestHash: text('request_hash').notNull(),
    checkAfter: ts('check_after').notNull(),
    createdAt: ts('created_at').notNull(),
    settledAt: ts('settled_at'),
  },
  (t) => [
    check('refunds_status', sql`${t.status} in ('pending', 'succeeded', 'failed')`),
    check('refunds_amount_positive', sql`${t.amountFen} > 0`),
    index('refunds_payment').on(t.paymentId),
    index('refunds_pending_check').on(t.checkAfter).where(sql`${t.status} = 'pending'`),
  ],
);

/** Every provider notification seen, by the provider's event id: a replay finds its row and changes nothing. */
export const paymentWebhookEvents = pgTable(
  'payment_webhook_events',
  {
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    paymentId: text('payment_id'),
    // 'applied', 'no_change' (already in that state or later), 'unknown_payment', 'amount_mismatch'
    outcome: text('outcome').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/**
 * Bus events written in the transaction that decided them, published after it commits; a node
 * that dies in between leaves the row for the next sweep, so no payment.succeeded is lost, and
 * the unique key means a payment's event is written once however many webhooks arrive.
 */
export const paymentOutbox = pgTable(
  'payment_outbox',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull().unique(),
    type: text('type').notNull(),
    data: jsonb('data').notNull(),
    createdAt: ts('created_at').notNull(),
    // The node publishing it holds it until then; after that the sweep may take it.
    claimedUntil: ts('claimed_until').notNull(),
    publishedAt: ts('published_at'),
  },
  (t) => [index('payment_outbox_unpublished').on(t.claimedUntil).where(sql`${t.publishedAt} is null`)],
);
