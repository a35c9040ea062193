import { DomainError } from '../../infra/errors';

export interface PricedLine {
  skuId: string;
  productId: string;
  sellerId: string;
  title: string;
  skuName: string;
  priceFen: number;
  quantity: number;
}

export interface UsableCoupon {
  id: string;
  sellerId: string | null;
  title: string;
  thresholdFen: number;
  discountFen: number;
}

export interface PricedOrder {
  sellerId: string;
  lines: PricedLine[];
  subtotalFen: number;
  discountFen: number;
  couponIds: string[];
}

const refuse = (coupon: UsableCoupon) =>
  new DomainError('COUPON_NOT_USABLE', 422, { title: coupon.title, threshold: (coupon.thresholdFen / 100).toFixed(2) });

/**
 * Splits a checkout into one order per shop and applies coupons by fixed rules: at most one shop
 * coupon per shop, on that shop's subtotal; at most one platform coupon, on what is left after the
 * shop coupons, shared between the orders in proportion to their amounts (the odd fen go to the
 * largest). A coupon below its threshold is refused rather than silently ignored.
 */
export function priceCheckout(lines: PricedLine[], chosen: UsableCoupon[]): PricedOrder[] {
  const orders = new Map<string, PricedOrder>();
  for (const line of lines) {
    const order = orders.get(line.sellerId) ?? { sellerId: line.sellerId, lines: [], subtotalFen: 0, discountFen: 0, couponIds: [] };
    order.lines.push(line);
    order.subtotalFen += line.priceFen * line.quantity;
    orders.set(line.sellerId, order);
  }
  const platform = chosen.filter((c) => c.sellerId === null);
  if (platform.length > 1) throw refuse(platform[1]!);
  for (const coupon of chosen.filter((c) => c.sellerId !== null)) {
    const order = orders.get(coupon.sellerId!);
    if (!order || order.couponIds.length || order.subtotalFen < coupon.thresholdFen) throw refuse(coupon);
    order.discountFen = coupon.discountFen;
    order.couponIds.push(coupon.id);
  }
  const [coupon] = platform;
  if (coupon) {
    const list = [...orders.values()];
    const after = list.map((o) => o.subtotalFen - o.discountFen);
    const base = after.reduce((a, b) => a + b, 0);
    if (base < coupon.thresholdFen) throw refuse(coupon);
    const shares = after.map((amount) => Math.floor((coupon.discountFen * amount) / base));
    const largest = after.indexOf(Math.max(...after));
    shares[largest]! += coupon.discountFen - shares.reduce((a, b) => a + b, 0);
    list.forEach((order, i) => {
      order.discountFen += shares[i]!;
      order.couponIds.push(coupon.id);
    });
  }
  return [...orders.values()];
}
