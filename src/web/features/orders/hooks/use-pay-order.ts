import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PaymentView } from '../../../../contracts/payments';
import { isApiError } from '../../../lib/api-client';
import { sendTap, TapKeys } from '../../../lib/idempotency';
import { createPayment } from '../api/create-payment';
import { orderQueryKey, ordersQueryKey } from '../api/order-keys';
import { rememberPaymentStarted } from '../api/order-polling';
import { orderPath } from '../components/paths';

/**
 * The sandbox cashier shows itself in the language it is asked for; a real provider's page picks
 * its own, so only our own site's pages get the hint.
 */
function withLanguage(payUrl: string, language: string): string {
  const url = new URL(payUrl, window.location.origin);
  if (url.origin === window.location.origin && !url.searchParams.has('lang')) url.searchParams.set('lang', language === 'en' ? 'en' : 'zh');
  return url.href;
}

/**
 * 去支付: opens a charge for one unpaid order and sends the browser to the provider's pay page,
 * which brings the buyer back to the order. One key per tap; a tap that got no answer is retried
 * with its key, so a flaky network never opens two charges.
 */
export function usePayOrder(orderId: string, language: string) {
  const queryClient = useQueryClient();
  const [keys] = useState(() => new TapKeys());
  return useMutation({
    mutationFn: () =>
      sendTap(keys, `pay:${orderId}`, (key) => createPayment({ orderIds: [orderId], returnPath: orderPath(orderId) }, key)),
    onSuccess: (payment: PaymentView) => {
      if (payment.status === 'paid' || !payment.payUrl) {
        // Settled already (paid from another tab): the order only needs to be read again.
        void queryClient.invalidateQueries({ queryKey: ordersQueryKey });
        return;
      }
      rememberPaymentStarted(orderId, payment.id);
      window.location.assign(withLanguage(payment.payUrl, language));
    },
    onError: (error) => {
      // The order moved on meanwhile (paid, cancelled, out of time): show what it is now.
      if (isApiError(error) && error.status === 409) void queryClient.invalidateQueries({ queryKey: orderQueryKey(orderId) });
    },
  });
}
