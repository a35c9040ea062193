/**
 * What the payments service needs of a mobile-payment provider (WeChat Pay, Alipay, the built-in
 * sandbox). Our payment id is the merchant reference the provider knows us by (out_trade_no), and
 * our refund id the merchant refund reference, so every call may be repeated safely: a provider
 * answers a repeated create or refund with what it made the first time.
 */
export interface PaymentProvider {
  readonly name: string;
  createCharge(input: ChargeRequest): Promise<{ providerRef: string; payUrl: string }>;
  query(providerRef: string): Promise<ChargeState>;
  /** Stops a pending charge from being paid; answers 'paid' if the buyer got there first. */
  close(providerRef: string): Promise<'closed' | 'paid'>;
  /** Accepts a refund; its outcome comes later, by webhook or refund query. */
  refund(input: RefundRequest): Promise<{ providerRefundRef: string }>;
  queryRefund(providerRefundRef: string): Promise<RefundState>;
  /** Checks the signature and freshness of a notification and reads it; throws WebhookRejectedError. */
  verifyWebhook(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): ProviderEvent;
}

export interface ChargeRequest {
  paymentId: string;
  amountFen: number;
  subject: string;
  expiresAt: Date;
  returnUrl: string;
}

export interface RefundRequest {
  providerRef: string;
  refundId: string;
  amountFen: number;
  reason: string;
}

export type ChargeState =
  | { status: 'pending' }
  | { status: 'paid'; amountFen: number; paidAt: Date }
  | { status: 'closed' }
  | { status: 'not_found' };

export type RefundState = { status: 'pending' } | { status: 'succeeded' } | { status: 'failed'; failure: string } | { status: 'not_found' };

/** A provider notification, in our words whatever the provider's wire format. */
export type ProviderEvent =
  | { id: string; kind: 'charge.paid'; paymentId: string; providerRef: string; amountFen: number; paidAt: Date }
  | { id: string; kind: 'charge.closed'; paymentId: string; providerRef: string }
  | {
      id: string;
      kind: 'refund.succeeded' | 'refund.failed';
      paymentId: string;
      providerRef: string;
      refundId: string;
      providerRefundRef: string;
      amountFen: number;
      failure?: string;
    };

/** The provider refused the request itself (not a network failure): retrying will not help. */
export class ProviderDeclinedError extends Error {
  override name = 'ProviderDeclinedError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

export class WebhookRejectedError extends Error {
  override name = 'WebhookRejectedError';
  constructor(readonly reason: 'signature' | 'stale' | 'malformed') {
    super(`webhook rejected: ${reason}`);
  }
}
