/** Bus events the payments module publishes; sales and after-sales react to them. */
export const paymentSucceeded = 'payment.succeeded';
export const refundSucceeded = 'refund.succeeded';
export const refundFailed = 'refund.failed';

/** Published once per payment, whichever way (webhook or reconciliation) we learnt it was paid. */
export interface PaymentSucceeded {
  paymentId: string;
  buyerId: string;
  orderIds: string[];
  amountFen: number;
  /** ISO-8601, the provider's time of payment. */
  paidAt: string;
}

/** Published once per refund, as `refund.succeeded` or `refund.failed`. */
export interface RefundSettled {
  refundId: string;
  paymentId: string;
  orderId: string;
  amountFen: number;
}
