import { describe, expect, it } from 'vitest';
import { DomainError } from '../../infra/errors';
import { priceCheckout, type PricedLine } from './price-checkout';

const line = (sellerId: string, priceFen: number, quantity = 1): PricedLine => ({
  skuId: `sku_${sellerId}_${priceFen}`,
  productId: `prd_${sellerId}`,
  sellerId,
  title: '茶',
  skuName: '250g',
  priceFen,
  quantity,
});
const shopCoupon = (sellerId: string, thresholdFen: number, discountFen: number) => ({ id: `c_${sellerId}_${discountFen}`, sellerId, title: '满减', thresholdFen, discountFen });
const platformCoupon = (thresholdFen: number, discountFen: number) => ({ id: `p_${discountFen}`, sellerId: null, title: '平台券', thresholdFen, discountFen });

describe('pricing a checkout', () => {
  it('makes one order per shop', () => {
    const orders = priceCheckout([line('a', 5000, 2), line('b', 3000), line('a', 1000)], []);
    expect(orders.map((o) => [o.sellerId, o.subtotalFen, o.discountFen])).toEqual([
      ['a', 11000, 0],
      ['b', 3000, 0],
    ]);
  });

  it('applies a shop coupon to its own shop from its threshold, and refuses it below', () => {
    const [a, b] = priceCheckout([line('a', 10000), line('b', 3000)], [shopCoupon('a', 10000, 1000)]);
    expect(a).toMatchObject({ discountFen: 1000, couponIds: ['c_a_1000'] });
    expect(b).toMatchObject({ discountFen: 0 });
    expect(() => priceCheckout([line('a', 9999)], [shopCoupon('a', 10000, 1000)])).toThrow(DomainError);
    expect(() => priceCheckout([line('a', 20000)], [shopCoupon('b', 10000, 1000)])).toThrow(DomainError);
  });

  it('allows one shop coupon per shop and one platform coupon per checkout', () => {
    expect(() => priceCheckout([line('a', 20000)], [shopCoupon('a', 10000, 1000), shopCoupon('a', 5000, 500)])).toThrow(DomainError);
    expect(() => priceCheckout([line('a', 20000)], [platformCoupon(1000, 100), platformCoupon(2000, 200)])).toThrow(DomainError);
  });

  it('applies the platform coupon after shop coupons and shares it by amount, to the fen', () => {
    const orders = priceCheckout([line('a', 10000), line('b', 5001)], [shopCoupon('a', 10000, 1000), platformCoupon(14000, 1000)]);
    // After the shop coupon: 9000 and 5001, 14001 in all, at least the 14000 threshold.
    const shares = orders.map((o) => o.discountFen - (o.sellerId === 'a' ? 1000 : 0));
    expect(shares.reduce((x, y) => x + y, 0)).toBe(1000);
    expect(shares).toEqual([643, 357]);
    expect(() => priceCheckout([line('a', 10000), line('b', 4999)], [shopCoupon('a', 10000, 1000), platformCoupon(14000, 1000)])).toThrow(DomainError);
  });
});
