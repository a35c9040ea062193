import { Type, type Static } from 'typebox';
import { Id, Timestamp } from './common';

/** pending → paid | closed. A closed payment can still turn paid if the provider says money moved. */
export const PaymentStatus = Type.Union([Type.Literal('pending'), Type.Literal('paid'), Type.Literal('closed')]);
export type PaymentStatus = Static<typeof PaymentStatus>;

/** pending → succeeded | failed; a failed refund gives its amount back to what may still be refunded. */
export const RefundStatus = Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')]);
export type RefundStatus = Static<typeof RefundStatus>;

/** Payment creation and refunds take this header; a retry with the same key by the same buyer gets the first answer. */
export const PaymentHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
});
export type PaymentHeaders = Static<typeof PaymentHeaders>;

export const CreatePaymentBody = Type.Object(
  {
    /** The buyer's orders awaiting payment, paid together in one charge. */
    orderIds: Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true }),
    /** Where the provider's pay page sends the buyer afterwards: a path on this site, never another site. */
    returnPath: Type.Optional(Type.String({ maxLength: 200, pattern: '^/(?![/\\\\])[^\\s]*$' })),
  },
  { additionalProperties: false },
);
export type CreatePaymentBody = Static<typeof CreatePaymentBody>;

export const RefundView = Type.Object({
  id: Id,
  paymentId: Id,
  orderId: Id,
  amountFen: Type.Integer(),
  reason: Type.String(),
  status: RefundStatus,
  createdAt: Timestamp,
  settledAt: Type.Union([Timestamp, Type.Null()]),
});
export type RefundView = Static<typeof RefundView>;

export const PaymentView = Type.Object({
  id: Id,
  buyerId: Id,
  provider: Type.String(),
  status: PaymentStatus,
  amountFen: Type.Integer(),
  subject: Type.String(),
  orderIds: Type.Array(Id),
  /** The provider's pay page (open it, or show it as a QR code); null once the payment is settled. */
  payUrl: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Timestamp,
  createdAt: Timestamp,
  paidAt: Type.Union([Timestamp, Type.Null()]),
  closedAt: Type.Union([Timestamp, Type.Null()]),
  /** Sum of the refunds that went through. */
  refundedFen: Type.Integer(),
  refunds: Type.Array(RefundView),
});
export type PaymentView = Static<typeof PaymentView>;

/** A refund for one order of a paid payment, in full or in part. */
export const RefundBody = Type.Object(
  {
    orderId: Id,
    amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    reason: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type RefundBody = Static<typeof RefundBody>;

export const WebhookAnswer = Type.Object({ ok: Type.Literal(true) });

/** The sandbox's pay page is addressed by the charge's unguessable reference. */
export const SandboxChargeParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export const SandboxPageQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });
