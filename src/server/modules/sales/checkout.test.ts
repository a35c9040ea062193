import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdmin, createTestApp, createVerifiedSeller, json, type TestApp, type TestClient } from '../../../../test/helpers/app';
import { listProduct } from '../../../../test/helpers/catalog';
import { buyerWithAddress } from '../../../../test/helpers/sales';
import { FakeClock } from '../../infra/clock';

let t: TestApp;
let admin: { client: TestClient };
const clock = new FakeClock(new Date());
beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await createAdmin(t);
});
afterAll(() => t.close());

const stockOf = async (client: TestClient, productId: string) =>
  (json(await client.get(`/api/v1/seller/products/${productId}`)).skus as Array<{ id: string; stock: number }>)[0]!.stock;
const window = () => ({ startsAt: new Date(clock.now().getTime() - 60_000).toISOString(), endsAt: new Date(clock.now().getTime() + 86_400_000).toISOString() });

async function twoShops() {
  const tea = await createVerifiedSeller(t, admin, '云雾岭茶园');
  const fruit = await createVerifiedSeller(t, admin, '秦皇村果园');
  const teaProduct = await listProduct(tea.client);
  const fruitProduct = await listProduct(fruit.client, { title: '砂糖桔 5斤装', category: 'fruit', skus: [{ name: '5斤', priceFen: 3990, stock: 50 }] });
  return { tea, fruit, teaProduct, fruitProduct };
}

describe('cart and checkout', () => {
  it('turns a cart across two shops into one order per shop, reserving stock and emptying the cart', async () => {
    const { tea, teaProduct, fruitProduct } = await twoShops();
    const buyer = await buyerWithAddress(t);
    const teaSku = teaProduct.skus[0]!.id;
    const fruitSku = fruitProduct.skus[0]!.id;
    await buyer.client.request('PUT', `/api/v1/cart/items/${teaSku}`, { quantity: 2 });
    const cart = json(await buyer.client.request('PUT', `/api/v1/cart/items/${fruitSku}`, { quantity: 1 }));
    expect(cart.totalFen).toBe(2 * 16800 + 3990);
    expect(cart.items.map((i: { sellerName: string }) => i.sellerName).sort()).toEqual(['云雾岭茶园', '秦皇村果园']);

    const before = await stockOf(tea.client, teaProduct.id);
    const res = await buyer.client.request(
      'POST',
      '/api/v1/checkout',
      { items: [{ skuId: teaSku, quantity: 2 }, { skuId: fruitSku, quantity: 1 }], addressId: buyer.addressId },
      { 'idempotency-key': 'checkout-0001' },
    );
    expect(res.statusCode).toBe(201);
    const orders = json(res).orders as Array<{ id: string; sellerName: string; totalFen: number; status: string; address: { province: string } }>;
    expect(orders.map((o) => [o.sellerName, o.totalFen, o.status])).toEqual([
      ['云雾岭茶园', 33600, 'created'],
      ['秦皇村果园', 3990, 'created'],
    ]);
    expect(orders[0]!.address.province).toBe('湖南省');
    expect(await stockOf(tea.client, teaProduct.id)).toBe(before - 2);
    expect(json(await buyer.client.get('/api/v1/cart')).items).toEqual([]);

    // A retry with the same key returns the same orders and takes no more stock.
    const again = await buyer.client.request(
      'POST',
      '/api/v1/checkout',
      { items: [{ skuId: teaSku, quantity: 2 }, { skuId: fruitSku, quantity: 1 }], addressId: buyer.addressId },
      { 'idempotency-key': 'checkout-0001' },
    );
    expect(json(again).orders.map((o: { id: string }) => o.id)).toEqual(orders.map((o) => o.id));
    expect(await stockOf(tea.client, teaProduct.id)).toBe(before - 2);
    const reused = await buyer.client.request(
      'POST',
      '/api/v1/checkout',
      { items: [{ skuId: teaSku, quantity: 1 }], addressId: buyer.addressId },
      { 'idempotency-key': 'checkout-0001' },
    );
    expect(json(reused).error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // Unpaid after 15 minutes: cancelled, and the stock comes back.
    clock.advance(16 * 60_000);
    await vi.waitFor(async () => expect(await stockOf(tea.client, teaProduct.id)).toBe(before), { timeout: 10_000, interval: 200 });
    expect(json(await buyer.client.get(`/api/v1/orders/${orders[0]!.id}`)).status).toBe('cancelled');
  });

  it('refuses more than the stock, and takes nothing when any line cannot be had', async () => {
    const { tea, teaProduct, fruitProduct } = await twoShops();
    const buyer = await buyerWithAddress(t);
    const before = await stockOf(tea.client, teaProduct.id);
    const res = await buyer.client.post('/api/v1/checkout', {
      items: [{ skuId: teaProduct.skus[0]!.id, quantity: 2 }, { skuId: fruitProduct.skus[0]!.id, quantity: 99 }],
      addressId: buyer.addressId,
    });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.code).toBe('PRODUCT_OUT_OF_STOCK');
    expect(await stockOf(tea.client, teaProduct.id)).toBe(before);
    expect(json(await buyer.client.get('/api/v1/orders')).items).toEqual([]);
  });

  it('applies a claimed shop coupon and a platform coupon by the stacking rules, once', async () => {
    const { tea, teaProduct, fruitProduct } = await twoShops();
    const shop = json(await tea.client.post('/api/v1/seller/coupons', { title: '满100减10', thresholdFen: 10000, discountFen: 1000, total: 100, ...window() }));
    const platform = json(await admin.client.post('/api/v1/admin/coupons', { title: '平台满200减20', thresholdFen: 20000, discountFen: 2000, total: 10, ...window() }));
    const buyer = await buyerWithAddress(t);
    const items = [{ skuId: teaProduct.skus[0]!.id, quantity: 1 }, { skuId: fruitProduct.skus[0]!.id, quantity: 1 }];

    const unclaimed = await buyer.client.post('/api/v1/checkout', { items, addressId: buyer.addressId, couponIds: [shop.id] });
    expect(json(unclaimed).error.code).toBe('COUPON_NOT_USABLE');
    expect((await buyer.client.post(`/api/v1/coupons/${shop.id}/claim`)).statusCode).toBe(200);
    expect(json(await buyer.client.post(`/api/v1/coupons/${shop.id}/claim`)).error.code).toBe('COUPON_ALREADY_CLAIMED');
    await buyer.client.post(`/api/v1/coupons/${platform.id}/claim`);

    // 16800 + 3990 = 20790; the shop coupon takes 1000 off the tea order; 19790 is below the platform threshold.
    const below = await buyer.client.post('/api/v1/checkout', { items, addressId: buyer.addressId, couponIds: [shop.id, platform.id] });
    expect(json(below).error.code).toBe('COUPON_NOT_USABLE');
    const placed = await buyer.client.post('/api/v1/checkout', { items: [{ ...items[0]!, quantity: 2 }, items[1]!], addressId: buyer.addressId, couponIds: [shop.id, platform.id] });
    expect(placed.statusCode).toBe(201);
    const orders = json(placed).orders as Array<{ discountFen: number; subtotalFen: number; totalFen: number }>;
    expect(orders.reduce((sum, o) => sum + o.discountFen, 0)).toBe(3000);
    expect(orders.reduce((sum, o) => sum + o.totalFen, 0)).toBe(2 * 16800 + 3990 - 3000);
    const wallet = json(await buyer.client.get('/api/v1/me/coupons')).items as Array<{ id: string; usedByOrderId: string | null }>;
    expect(wallet.every((c) => c.usedByOrderId !== null)).toBe(true);
    const twice = await buyer.client.post('/api/v1/checkout', { items, addressId: buyer.addressId, couponIds: [shop.id] });
    expect(json(twice).error.code).toBe('COUPON_NOT_USABLE');
  });

  it('lets only sellers issue shop coupons and only admins platform coupons', async () => {
    const buyer = await buyerWithAddress(t);
    expect((await buyer.client.post('/api/v1/seller/coupons', { title: '满100减10', thresholdFen: 10000, discountFen: 1000, total: 1, ...window() })).statusCode).toBe(403);
    expect((await buyer.client.post('/api/v1/admin/coupons', { title: '满100减10', thresholdFen: 10000, discountFen: 1000, total: 1, ...window() })).statusCode).toBe(403);
    const { tea } = await twoShops();
    const bad = await tea.client.post('/api/v1/seller/coupons', { title: '倒贴券', thresholdFen: 1000, discountFen: 1000, total: 1, ...window() });
    expect(json(bad).error.code).toBe('COUPON_INVALID');
  });
});
