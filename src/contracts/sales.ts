import { Type, type Static } from 'typebox';
import { Id, Timestamp } from './common';

/**
 * created → paid → packed → shipped → delivered → completed; an unpaid order is cancelled (by the
 * buyer or when its 15 minutes run out); a paid one goes refunding → refunded.
 */
export const OrderStatus = Type.Union([
  Type.Literal('created'),
  Type.Literal('paid'),
  Type.Literal('packed'),
  Type.Literal('shipped'),
  Type.Literal('delivered'),
  Type.Literal('completed'),
  Type.Literal('cancelled'),
  Type.Literal('refunding'),
  Type.Literal('refunded'),
]);
export type OrderStatus = Static<typeof OrderStatus>;

/** The address as it was when the order was placed; later edits to the address book do not move a parcel. */
export const ShippingAddress = Type.Object({
  receiverName: Type.String(),
  receiverPhone: Type.String(),
  province: Type.String(),
  city: Type.String(),
  county: Type.String(),
  township: Type.String(),
  detail: Type.String(),
});
export type ShippingAddress = Static<typeof ShippingAddress>;

export const OrderItemView = Type.Object({
  productId: Id,
  skuId: Id,
  title: Type.String(),
  skuName: Type.String(),
  priceFen: Type.Integer(),
  quantity: Type.Integer(),
});
export type OrderItemView = Static<typeof OrderItemView>;

export const OrderHistoryEntry = Type.Object({
  from: Type.Union([OrderStatus, Type.Null()]),
  to: OrderStatus,
  at: Timestamp,
  /** 'buyer', 'seller', 'system', 'payment', 'admin' */
  by: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type OrderHistoryEntry = Static<typeof OrderHistoryEntry>;

export const OrderView = Type.Object({
  id: Id,
  buyerId: Id,
  sellerId: Id,
  sellerName: Type.String(),
  status: OrderStatus,
  items: Type.Array(OrderItemView),
  subtotalFen: Type.Integer(),
  discountFen: Type.Integer(),
  totalFen: Type.Integer(),
  address: ShippingAddress,
  flashSaleId: Type.Union([Id, Type.Null()]),
  roomId: Type.Union([Id, Type.Null()]),
  /** An unpaid order is cancelled at this time and its stock returns. */
  payBy: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  paidAt: Type.Union([Timestamp, Type.Null()]),
  history: Type.Array(OrderHistoryEntry),
});
export type OrderView = Static<typeof OrderView>;
export const OrderList = Type.Object({ items: Type.Array(OrderView) });

export const OrderListQuery = Type.Object(
  {
    status: Type.Optional(OrderStatus),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  },
  { additionalProperties: false },
);
export type OrderListQuery = Static<typeof OrderListQuery>;

/** What a seller may do to an order of theirs; a buyer may only cancel an unpaid one or confirm receipt. */
export const SellerOrderAction = Type.Object(
  { action: Type.Union([Type.Literal('pack'), Type.Literal('ship')]) },
  { additionalProperties: false },
);
export type SellerOrderAction = Static<typeof SellerOrderAction>;

// Flash sales

export const flashSaleSecondsMin = 10;
export const flashSaleSecondsMax = 20 * 60;

export const FlashSaleBody = Type.Object(
  {
    liveId: Id,
    skuId: Id,
    priceFen: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    perBuyerLimit: Type.Integer({ minimum: 1, maximum: 100 }),
    durationSeconds: Type.Integer({ minimum: flashSaleSecondsMin, maximum: flashSaleSecondsMax }),
  },
  { additionalProperties: false },
);
export type FlashSaleBody = Static<typeof FlashSaleBody>;

export const FlashSaleStatus = Type.Union([Type.Literal('ready'), Type.Literal('running'), Type.Literal('ended')]);
export type FlashSaleStatus = Static<typeof FlashSaleStatus>;

export const FlashSaleView = Type.Object({
  id: Id,
  sellerId: Id,
  liveId: Id,
  roomId: Id,
  productId: Id,
  skuId: Id,
  title: Type.String(),
  priceFen: Type.Integer(),
  quantity: Type.Integer(),
  /** Units not yet in an order. */
  remaining: Type.Integer(),
  perBuyerLimit: Type.Integer(),
  durationSeconds: Type.Integer(),
  status: FlashSaleStatus,
  startsAt: Type.Union([Timestamp, Type.Null()]),
  endsAt: Type.Union([Timestamp, Type.Null()]),
});
export type FlashSaleView = Static<typeof FlashSaleView>;
export const FlashSaleList = Type.Object({ items: Type.Array(FlashSaleView) });

export const FlashBuyBody = Type.Object(
  { quantity: Type.Integer({ minimum: 1, maximum: 100 }), addressId: Id },
  { additionalProperties: false },
);
export type FlashBuyBody = Static<typeof FlashBuyBody>;

export const FlashBuyResult = Type.Object({ orderId: Id, payBy: Timestamp, totalFen: Type.Integer() });
export type FlashBuyResult = Static<typeof FlashBuyResult>;

/** Order creation and payment take this header; a retry with the same key gets the first answer. */
export const idempotencyHeader = 'idempotency-key';
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
});

// Cart, checkout and coupons

export const CartItemBody = Type.Object({ quantity: Type.Integer({ minimum: 0, maximum: 99, description: '0 takes it out' }) }, { additionalProperties: false });
export type CartItemBody = Static<typeof CartItemBody>;
export const SkuParams = Type.Object({ skuId: Id }, { additionalProperties: false });

export const CartLine = Type.Object({
  skuId: Id,
  productId: Id,
  sellerId: Id,
  sellerName: Type.String(),
  title: Type.String(),
  skuName: Type.String(),
  priceFen: Type.Integer(),
  quantity: Type.Integer(),
  /** False once the product is off sale; such lines cannot be checked out. */
  available: Type.Boolean(),
});
export type CartLine = Static<typeof CartLine>;
export const CartView = Type.Object({ items: Type.Array(CartLine), totalFen: Type.Integer() });
export type CartView = Static<typeof CartView>;

export const CheckoutBody = Type.Object(
  {
    items: Type.Array(Type.Object({ skuId: Id, quantity: Type.Integer({ minimum: 1, maximum: 99 }) }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 50,
    }),
    addressId: Id,
    /** At most one shop coupon per shop and one platform coupon for the whole checkout. */
    couponIds: Type.Optional(Type.Array(Id, { maxItems: 10, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CheckoutBody = Static<typeof CheckoutBody>;
export const CheckoutResult = Type.Object({ orders: Type.Array(OrderView) });
export type CheckoutResult = Static<typeof CheckoutResult>;

export const CouponBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 30 }),
    thresholdFen: Type.Integer({ minimum: 2, maximum: 100_000_000 }),
    discountFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    total: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    startsAt: Timestamp,
    endsAt: Timestamp,
  },
  { additionalProperties: false },
);
export type CouponBody = Static<typeof CouponBody>;

export const CouponView = Type.Object({
  id: Id,
  /** null: a platform coupon, good in any shop. */
  sellerId: Type.Union([Id, Type.Null()]),
  title: Type.String(),
  thresholdFen: Type.Integer(),
  discountFen: Type.Integer(),
  total: Type.Integer(),
  claimed: Type.Integer(),
  startsAt: Timestamp,
  endsAt: Timestamp,
});
export type CouponView = Static<typeof CouponView>;
export const CouponList = Type.Object({ items: Type.Array(CouponView) });
export const CouponQuery = Type.Object({ sellerId: Type.Optional(Id) }, { additionalProperties: false });

export const MyCoupon = Type.Object({ ...CouponView.properties, usedByOrderId: Type.Union([Id, Type.Null()]) });
export type MyCoupon = Static<typeof MyCoupon>;
export const MyCouponList = Type.Object({ items: Type.Array(MyCoupon) });
