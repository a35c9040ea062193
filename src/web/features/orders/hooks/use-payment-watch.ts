import { useEffect, useState } from 'react';
import type { OrderView } from '../../../../contracts/sales';
import { useNow } from '../../../lib/use-now';
import { usePayment } from '../api/get-payment';
import { awaitingPayment, forgetPaymentStarted, startedPayment } from '../api/order-polling';

export interface PaymentWatch {
  /** The buyer came back from the cashier and the money is not confirmed yet. */
  confirming: boolean;
  /** The payment started here was closed (cancelled at the cashier, or timed out) without being paid. */
  closed: boolean;
}

/**
 * Follows the payment this tab started for an unpaid order. The order page polls the order while
 * this says `confirming`; a payment closed at the cashier ends the wait at once rather than after
 * the polling window.
 */
export function usePaymentWatch(order: OrderView): PaymentWatch {
  const now = useNow(order.status === 'created' ? 1_000 : null);
  const [closedId, setClosedId] = useState<string>();
  const started = order.status === 'created' ? startedPayment(order.id) : undefined;
  const payment = usePayment(started?.paymentId);
  const closed = payment.data?.status === 'closed' && payment.data.id === started?.paymentId;

  useEffect(() => {
    if (!closed || !started) return;
    forgetPaymentStarted(order.id);
    setClosedId(started.paymentId);
  }, [closed, started, order.id]);

  return {
    confirming: !closed && awaitingPayment(order, started?.at, now),
    closed: closedId !== undefined && order.status === 'created',
  };
}
