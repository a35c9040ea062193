import { describe, expect, it } from 'vitest';
import { maxBuyQuantity, salePhase } from './sale-phase';

const at = (s: number) => new Date(Date.UTC(2026, 4, 1, 12, 0, s)).toISOString();
const now = Date.parse(at(30));

describe('a flash sale, as a viewer finds it', () => {
  it('is open between its start and its end while units are left', () => {
    expect(salePhase({ soldOut: false, startsAt: at(0), endsAt: at(59) }, now)).toBe('open');
  });
  it('is upcoming before, over after, sold out whenever nothing is left', () => {
    expect(salePhase({ soldOut: false, startsAt: at(40), endsAt: at(59) }, now)).toBe('upcoming');
    expect(salePhase({ soldOut: false, startsAt: at(0), endsAt: at(30) }, now)).toBe('over');
    expect(salePhase({ soldOut: true, startsAt: at(0), endsAt: at(59) }, now)).toBe('soldOut');
  });
  it('is not open when its clock is unknown', () => {
    expect(salePhase({ soldOut: false, startsAt: '', endsAt: '' }, now)).not.toBe('open');
  });
  it('lets one tap ask for up to the limit, never more than is left', () => {
    expect(maxBuyQuantity({ perBuyerLimit: 2, remaining: 100 })).toBe(2);
    expect(maxBuyQuantity({ perBuyerLimit: 5, remaining: 3 })).toBe(3);
    expect(maxBuyQuantity({ perBuyerLimit: 5, remaining: 0 })).toBe(1);
  });
});
