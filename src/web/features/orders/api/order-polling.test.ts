import { describe, expect, it } from 'vitest';
import { awaitingPayment, expiringPollMs, orderPollInterval, payingPollMs, payingWindowMs } from './order-polling';

const now = Date.parse('2026-05-01T12:00:00Z');
const payBy = (offsetMs: number) => new Date(now + offsetMs).toISOString();

describe('an order page asks again', () => {
  it('every moment while a payment started here is unconfirmed', () => {
    expect(orderPollInterval({ status: 'created', payBy: payBy(600_000) }, now - 5_000, now)).toBe(payingPollMs);
    expect(awaitingPayment({ status: 'created' }, now - 5_000, now)).toBe(true);
  });

  it('no more once the order is paid, or anything else', () => {
    for (const status of ['paid', 'cancelled', 'shipped'] as const) {
      expect(orderPollInterval({ status, payBy: null }, now - 5_000, now)).toBe(false);
      expect(awaitingPayment({ status }, now - 5_000, now)).toBe(false);
    }
  });

  it('not for an order nobody started paying', () => {
    expect(orderPollInterval({ status: 'created', payBy: payBy(600_000) }, undefined, now)).toBe(false);
  });

  it('not for a payment abandoned long ago', () => {
    expect(orderPollInterval({ status: 'created', payBy: payBy(600_000) }, now - payingWindowMs, now)).toBe(false);
  });

  it('now and then just after the pay-by time, until the server cancels it', () => {
    expect(orderPollInterval({ status: 'created', payBy: payBy(-1_000) }, undefined, now)).toBe(expiringPollMs);
    expect(orderPollInterval({ status: 'created', payBy: payBy(-10 * 60_000) }, undefined, now)).toBe(false);
  });

  it('not before the data is there', () => {
    expect(orderPollInterval(undefined, now, now)).toBe(false);
  });
});
