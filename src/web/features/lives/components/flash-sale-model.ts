import type { SellerProductView } from '../../../../contracts/catalog';
import type { SaleState } from '../../../../contracts/room';
import { flashSaleSecondsMax, flashSaleSecondsMin, type FlashSaleBody, type FlashSaleView } from '../../../../contracts/sales';
import { isYuanText, yuanToFen } from '../../../lib/money';

export { flashSaleSecondsMax, flashSaleSecondsMin };

/** The contract's caps, so the form refuses what the server would. */
export const flashPriceFenMax = 10_000_000;
export const flashQuantityMax = 1_000_000;
export const perBuyerLimitMax = 100;

/** Durations offered in one tap; any whole number of seconds in the range can be typed. */
export const durationPresets = [30, 60, 180, 300, 600, 1200] as const;

export interface FlashSaleFormValues {
  skuId: string;
  priceYuan: string;
  quantity: number;
  perBuyerLimit: number;
  durationSeconds: number;
}

export interface SkuChoice {
  productId: string;
  productTitle: string;
  skuId: string;
  skuName: string;
  priceFen: number;
  stock: number;
}

/** The SKUs a flash sale may sell: those of this live's products that are still on sale. */
export function skuChoices(products: readonly SellerProductView[], liveProductIds: readonly string[]): SkuChoice[] {
  const inLive = new Set(liveProductIds);
  return products
    .filter((p) => inLive.has(p.id))
    .flatMap((p) => p.skus.map((s) => ({ productId: p.id, productTitle: p.title, skuId: s.id, skuName: s.name, priceFen: s.priceFen, stock: s.stock })));
}

/** A typed price the form accepts: yuan with at most two decimals, above zero, under the cap. */
export function validFlashPrice(text: string): boolean {
  if (!isYuanText(text)) return false;
  const fen = yuanToFen(text);
  return fen >= 1 && fen <= flashPriceFenMax;
}

export function flashSaleBody(liveId: string, values: FlashSaleFormValues): FlashSaleBody {
  return {
    liveId,
    skuId: values.skuId,
    priceFen: yuanToFen(values.priceYuan),
    quantity: values.quantity,
    perBuyerLimit: values.perBuyerLimit,
    durationSeconds: values.durationSeconds,
  };
}

export interface SaleFigures {
  remaining: number;
  soldOut: boolean;
  endsAt: string | null;
  /** True when the figures come from the room socket rather than the last list. */
  live: boolean;
}

/**
 * The stock a running sale shows: the room's second-by-second figure when the socket carries this
 * sale, else the list's (which counts units already in orders and lags by a refetch).
 */
export function saleFigures(sale: FlashSaleView, room: SaleState | null): SaleFigures {
  if (sale.status === 'running' && room?.saleId === sale.id) {
    return { remaining: room.remaining, soldOut: room.soldOut, endsAt: room.endsAt || sale.endsAt, live: true };
  }
  return { remaining: sale.remaining, soldOut: sale.remaining === 0, endsAt: sale.endsAt, live: false };
}

/** Newest first, the running sale on top: it is the one the anchor watches. */
export function sortSales(sales: readonly FlashSaleView[]): FlashSaleView[] {
  const rank = { running: 0, ready: 1, ended: 2 } as const;
  return [...sales].sort((a, b) => rank[a.status] - rank[b.status] || b.id.localeCompare(a.id));
}
