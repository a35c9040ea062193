import type { CreatePaymentBody, PaymentView } from '../../../../contracts/payments';
import { idempotencyHeader } from '../../../../contracts/sales';
import { api } from '../../../lib/api-client';

/** Opens a charge for unpaid orders; a retry with the same key is answered with the same payment. */
export function createPayment(body: CreatePaymentBody, idempotencyKey: string): Promise<PaymentView> {
  return api.post<PaymentView>('/payments', body, { headers: { [idempotencyHeader]: idempotencyKey } });
}
