import type { SaleState } from '../../../../contracts/room';

export type SalePhase = 'upcoming' | 'open' | 'soldOut' | 'over';

/** Where a flash sale stands for a viewer at `now`; only an open sale can be bought. */
export function salePhase(sale: Pick<SaleState, 'soldOut' | 'startsAt' | 'endsAt'>, now: number): SalePhase {
  if (sale.soldOut) return 'soldOut';
  const startsAt = Date.parse(sale.startsAt);
  const endsAt = Date.parse(sale.endsAt);
  // Written so an unreadable time (NaN) never counts as open.
  if (!(now >= startsAt)) return 'upcoming';
  if (!(now < endsAt)) return 'over';
  return 'open';
}

/**
 * The most one tap may ask for: the per-buyer limit, and never more than the room says is left.
 * Units already bought by this buyer count too, but only the server knows them; it answers LIMIT.
 */
export function maxBuyQuantity(sale: Pick<SaleState, 'perBuyerLimit' | 'remaining'>): number {
  return Math.max(1, Math.min(sale.perBuyerLimit, sale.remaining));
}
