import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The sandbox provider's own ledger. It stands for a provider's system outside ours, so the
 * payments service never reads these tables; it only talks to the provider through its interface.
 */
export const sandboxCharges = pgTable(
  'sandbox_charges',
  {
    // Unguessable: the pay page at /sandbox/pay/<ref> is the capability to pay or cancel.
    ref: text('ref').primaryKey(),
    merchantPaymentId: text('merchant_payment_id').notNull().unique(),
    amountFen: integer('amount_fen').notNull(),
    subject: text('subject').notNull(),
    status: text('status').notNull(),
    refundedFen: integer('refunded_fen').notNull().default(0),
    returnUrl: text('return_url').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull(),
    paidAt: ts('paid_at'),
    closedAt: ts('closed_at'),
  },
  (t) => [
    check('sandbox_charges_status', sql`${t.status} in ('pending', 'paid', 'closed')`),
    check('sandbox_charges_refund_within_amount', sql`${t.refundedFen} >= 0 and ${t.refundedFen} <= ${t.amountFen}`),
  ],
);

export const sandboxRefunds = pgTable(
  'sandbox_refunds',
  {
    ref: text('ref').primaryKey(),
    chargeRef: text('charge_ref')
      .notNull()
      .references(() => sandboxCharges.ref),
    merchantRefundId: text('merchant_refund_id').notNull().unique(),
    amountFen: integer('amount_fen').notNull(),
    status: text('status').notNull(),
    failure: text('failure'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [check('sandbox_refunds_status', sql`${t.status} in ('succeeded', 'failed')`)],
);

/** Notifications the sandbox owes the merchant, retried until a 2xx like a real provider's. */
export const sandboxNotifications = pgTable(
  'sandbox_notifications',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    body: jsonb('body').notNull(),
    // 'queued', 'delivered', 'abandoned' (retries ran out), 'dropped' (lost on purpose, see dropRate)
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    deliveries: integer('deliveries').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    createdAt: ts('created_at').notNull(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    check('sandbox_notifications_status', sql`${t.status} in ('queued', 'delivered', 'abandoned', 'dropped')`),
    index('sandbox_notifications_due').on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
  ],
);
