import type { OrderView } from '../../../../contracts/sales';

/** How often an order is asked again while its payment is being confirmed. */
export const payingPollMs = 1_500;
/** A payment started longer ago than this is taken as abandoned, and the polling stops. */
export const payingWindowMs = 15 * 60_000;
/** After its pay-by time an unpaid order is cancelled by the server's next sweep; asked this often meanwhile. */
export const expiringPollMs = 5_000;
export const expiringWindowMs = 2 * 60_000;

const storageKey = (orderId: string) => `tiantou.paymentStarted.${orderId}`;

export interface StartedPayment {
  paymentId: string;
  at: number;
}

/**
 * Remembers, for this tab, that the buyer went off to pay this order: when they come back (the
 * provider's link or the browser's back button) the order page knows to wait for the money.
 */
export function rememberPaymentStarted(orderId: string, paymentId: string, at: number = Date.now()): void {
  try {
    window.sessionStorage.setItem(storageKey(orderId), JSON.stringify({ paymentId, at }));
  } catch {
    // Storage off: the page still shows the order, it just does not wait for the payment.
  }
}

export function startedPayment(orderId: string): StartedPayment | undefined {
  try {
    const value: unknown = JSON.parse(window.sessionStorage.getItem(storageKey(orderId)) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const { paymentId, at } = value as Partial<StartedPayment>;
    return typeof paymentId === 'string' && typeof at === 'number' && at > 0 ? { paymentId, at } : undefined;
  } catch {
    return undefined;
  }
}

export function forgetPaymentStarted(orderId: string): void {
  try {
    window.sessionStorage.removeItem(storageKey(orderId));
  } catch {
    // Nothing was kept.
  }
}

/**
 * How often to ask for an order again: every moment while a payment started here awaits the
 * provider's word; now and then just after the pay-by time, until the server cancels it; else never.
 */
export function orderPollInterval(
  order: Pick<OrderView, 'status' | 'payBy'> | undefined,
  startedAt: number | undefined,
  now: number,
): number | false {
  if (!order || order.status !== 'created') return false;
  if (startedAt !== undefined && now - startedAt >= 0 && now - startedAt < payingWindowMs) return payingPollMs;
  const payBy = order.payBy ? Date.parse(order.payBy) : Number.NaN;
  if (Number.isFinite(payBy) && now >= payBy && now - payBy < expiringWindowMs) return expiringPollMs;
  return false;
}

/** True while the page should say “confirming your payment…”. */
export function awaitingPayment(order: Pick<OrderView, 'status'>, startedAt: number | undefined, now: number): boolean {
  return order.status === 'created' && startedAt !== undefined && now - startedAt >= 0 && now - startedAt < payingWindowMs;
}
