export { createPaymentOutbox, type PaymentOutbox } from './payment-outbox';
export { ProviderDeclinedError, WebhookRejectedError, type PaymentProvider, type ProviderEvent } from './payment-provider';
export {
  paymentSucceeded,
  refundFailed,
  refundSucceeded,
  type PaymentSucceeded,
  type RefundSettled,
} from './payments.events';
export type { Payable, PaymentActor, PaymentPorts } from './payments.ports';
export { paymentsRoutes, paymentWebhookRoutes } from './payments.routes';
export { createPaymentService, type PaymentService, type RefundInput } from './payments.service';
export { createSandboxProvider, signSandboxWebhook, sandboxSignatureHeader, type Deliver, type SandboxProvider } from './sandbox-provider';
export { sandboxPageRoutes } from './sandbox.routes';
