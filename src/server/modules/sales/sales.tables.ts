import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ShippingAddress } from '../../../contracts/sales';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    buyerId: text('buyer_id').notNull(),
    sellerId: text('seller_id').notNull(),
    status: text('status').notNull(),
    subtotalFen: integer('subtotal_fen').notNull(),
    discountFen: integer('discount_fen').notNull().default(0),
    totalFen: integer('total_fen').notNull(),
    address: jsonb('address').$type<ShippingAddress>().notNull(),
    flashSaleId: text('flash_sale_id'),
    roomId: text('room_id'),
    /** The buyer's Idempotency-Key: a retry finds the order it already made. */
    idempotencyKey: text('idempotency_key'),
    payBy: ts('pay_by'),
    paidAt: ts('paid_at'),
    paymentId: text('payment_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    check(
      'orders_status',
      sql`${t.status} in ('created', 'paid', 'packed', 'shipped', 'delivered', 'completed', 'cancelled', 'refunding', 'refunded')`,
    ),
    check('orders_total', sql`${t.totalFen} >= 0 and ${t.totalFen} = ${t.subtotalFen} - ${t.discountFen}`),
    uniqueIndex('orders_buyer_idempotency').on(t.buyerId, t.idempotencyKey),
    index('orders_buyer').on(t.buyerId, t.id),
    index('orders_seller').on(t.sellerId, t.id),
    index('orders_unpaid').on(t.payBy).where(sql`${t.status} = 'created'`),
  ],
);

export const orderItems = pgTable(
  'order_items',
  {
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    skuId: text('sku_id').notNull(),
    productId: text('product_id').notNull(),
    title: text('title').notNull(),
    skuName: text('sku_name').notNull(),
    priceFen: integer('price_fen').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.skuId] }), check('order_items_quantity', sql`${t.quantity} > 0`)],
);

/** Every change of an order's status, with who made it: the order's own story for disputes. */
export const orderHistory = pgTable(
  'order_history',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    by: text('by').notNull(),
    note: text('note'),
    at: ts('at').notNull(),
  },
  (t) => [index('order_history_order').on(t.orderId, t.id)],
);

/**
 * A flash sale's units are taken out of the SKU's stock when it is set up. `remaining >= 0` is
 * the database's last word on overselling, whatever the gates in front of it believe.
 */
export const flashSales = pgTable(
  'flash_sales',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    liveId: text('live_id').notNull(),
    roomId: text('room_id').notNull(),
    productId: text('product_id').notNull(),
    skuId: text('sku_id').notNull(),
    title: text('title').notNull(),
    skuName: text('sku_name').notNull(),
    priceFen: integer('price_fen').notNull(),
    quantity: integer('quantity').notNull(),
    remaining: integer('remaining').notNull(),
    perBuyerLimit: integer('per_buyer_limit').notNull(),
    durationSeconds: integer('duration_seconds').notNull(),
    status: text('status').notNull().default('ready'),
    startsAt: ts('starts_at'),
    endsAt: ts('ends_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    check('flash_sales_remaining', sql`${t.remaining} >= 0 and ${t.remaining} <= ${t.quantity}`),
    check('flash_sales_status', sql`${t.status} in ('ready', 'running', 'ended')`),
    index('flash_sales_live').on(t.liveId),
  ],
);

/** Units each buyer holds in a sale; the limit is copied in so the database can enforce it. */
export const flashSaleBuyers = pgTable(
  'flash_sale_buyers',
  {
    saleId: text('sale_id').notNull(),
    buyerId: text('buyer_id').notNull(),
    quantity: integer('quantity').notNull(),
    perBuyerLimit: integer('per_buyer_limit').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.saleId, t.buyerId] }),
    check('flash_sale_buyers_limit', sql`${t.quantity} >= 0 and ${t.quantity} <= ${t.perBuyerLimit}`),
  ],
);

/** What a buyer means to buy, across shops; checkout turns it into one order per shop. */
export const cartItems = pgTable(
  'cart_items',
  {
    buyerId: text('buyer_id').notNull(),
    skuId: text('sku_id').notNull(),
    quantity: integer('quantity').notNull(),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.buyerId, t.skuId] }), check('cart_items_quantity', sql`${t.quantity} > 0 and ${t.quantity} <= 99`)],
);

/** One checkout may make several orders (one per shop); its key makes a retry return the same ones. */
export const checkouts = pgTable(
  'checkouts',
  {
    id: text('id').primaryKey(),
    buyerId: text('buyer_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** sha256 of the request, so the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    orderIds: jsonb('order_ids').$type<string[]>().notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('checkouts_buyer_key').on(t.buyerId, t.idempotencyKey)],
);

/**
 * 满减 coupons: a shop's (sellerId set) or the platform's (sellerId null). A buyer claims one,
 * and an order uses it; `claimed <= total` holds in the database.
 */
export const coupons = pgTable(
  'coupons',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id'),
    title: text('title').notNull(),
    thresholdFen: integer('threshold_fen').notNull(),
    discountFen: integer('discount_fen').notNull(),
    total: integer('total').notNull(),
    claimed: integer('claimed').notNull().default(0),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    check('coupons_amounts', sql`${t.discountFen} > 0 and ${t.discountFen} < ${t.thresholdFen}`),
    check('coupons_claimed', sql`${t.claimed} >= 0 and ${t.claimed} <= ${t.total}`),
    index('coupons_seller').on(t.sellerId, t.endsAt),
  ],
);

export const couponClaims = pgTable(
  'coupon_claims',
  {
    couponId: text('coupon_id')
      .notNull()
      .references(() => coupons.id),
    buyerId: text('buyer_id').notNull(),
    claimedAt: ts('claimed_at').notNull(),
    /** The order that used it; null while it is still in the buyer's wallet. */
    orderId: text('order_id'),
  },
  (t) => [primaryKey({ columns: [t.couponId, t.buyerId] }), index('coupon_claims_buyer').on(t.buyerId)],
);
