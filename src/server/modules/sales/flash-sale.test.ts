import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, registerUser, TestClient, type TestApp, createTestApp } from '../../../../test/helpers/app';
import { listen, RoomSocket } from '../../../../test/helpers/room';
import { buyerWithAddress, createFlashSale, sellerWithLive } from '../../../../test/helpers/sales';
import { FakeClock } from '../../infra/clock';

let t: TestApp;
let site: string;
const clock = new FakeClock(new Date());
beforeAll(async () => {
  t = await createTestApp({ clock });
  site = await listen(t.app);
});
afterAll(() => t.close());

const stockOf = async (client: TestClient, productId: string) =>
  (json(await client.get(`/api/v1/seller/products/${productId}`)).skus as Array<{ stock: number }>)[0]!.stock;

describe('a flash sale', () => {
  it('sells exactly its units under a rush, never more than the limit to one buyer, and tells the room', async () => {
    const { seller, product, live, sku } = await sellerWithLive(t);
    const stockBefore = await stockOf(seller.client, product.id);
    const sale = await createFlashSale(seller.client, { liveId: live.id, skuId: sku.id, priceFen: 990, quantity: 10, perBuyerLimit: 2, durationSeconds: 120 });
    expect(await stockOf(seller.client, product.id)).toBe(stockBefore - 10);

    const early = await buyerWithAddress(t);
    const notYet = await early.client.post(`/api/v1/flash-sales/${sale.id}/orders`, { quantity: 1, addressId: early.addressId });
    expect(notYet.statusCode).toBe(409);
    expect(json(notYet).error.code).toBe('FLASH_SALE_NOT_RUNNING');

    const viewer = await RoomSocket.open(site, live.roomId);
    expect((await seller.client.post(`/api/v1/seller/flash-sales/${sale.id}/start`)).statusCode).toBe(200);
    await viewer.until(() => viewer.eventsOf('sale.started').length > 0);
    expect(viewer.eventsOf('sale.started')[0]!.data).toMatchObject({ saleId: sale.id, remaining: 10, priceFen: 990, perBuyerLimit: 2 });

    const buyers = await Promise.all(Array.from({ length: 8 }, () => buyerWithAddress(t)));
    const attempts = buyers.flatMap((b) => [1, 2, 3].map(() => b.client.post(`/api/v1/flash-sales/${sale.id}/orders`, { quantity: 1, addressId: b.addressId })));
    const answers = await Promise.all(attempts);
    const accepted = answers.filter((r) => r.statusCode === 201);
    const codes = answers.filter((r) => r.statusCode !== 201).map((r) => json(r).error.code);
    expect(accepted).toHaveLength(10);
    expect(new Set(codes)).toEqual(new Set(['FLASH_SALE_SOLD_OUT', 'FLASH_SALE_LIMIT']));

    // The database agrees with the answers: ten orders, nobody over two, nothing left.
    const view = json(await t.app.inject({ method: 'GET', url: `/api/v1/flash-sales/${sale.id}` }));
    expect(view.remaining).toBe(0);
    let units = 0;
    for (const b of buyers) {
      const mine = json(await b.client.get('/api/v1/orders')).items as Array<{ items: Array<{ quantity: number }>; status: string; totalFen: number; payBy: string }>;
      const held = mine.reduce((sum, o) => sum + o.items[0]!.quantity, 0);
      expect(held).toBeLessThanOrEqual(2);
      units += held;
      for (const order of mine) expect(order).toMatchObject({ status: 'created', totalFen: 990 });
    }
    expect(units).toBe(10);
    await viewer.until(() => viewer.eventsOf('sale.sold_out').length > 0, 5_000);
    await viewer.close();
  });

  it('answers a retry with the same Idempotency-Key with the first order, and refuses the key for another purchase', async () => {
    const { seller, live, sku } = await sellerWithLive(t);
    const sale = await createFlashSale(seller.client, { liveId: live.id, skuId: sku.id, priceFen: 500, quantity: 5, perBuyerLimit: 3, durationSeconds: 60 });
    await seller.client.post(`/api/v1/seller/flash-sales/${sale.id}/start`);
    const buyer = await buyerWithAddress(t);
    const headers = { 'idempotency-key': 'tap-0001-abcdef' };
    const buy = (quantity: number) =>
      buyer.client.request('POST', `/api/v1/flash-sales/${sale.id}/orders`, { quantity, addressId: buyer.addressId }, headers);
    const [first, again] = await Promise.all([buy(1), buy(1)]);
    const firstId = json(first).orderId;
    expect([first.statusCode, again.statusCode].sort()).toEqual([200, 201]);
    expect(json(again).orderId).toBe(firstId);
    const third = await buy(1);
    expect(third.statusCode).toBe(200);
    expect(json(third).orderId).toBe(firstId);
    expect(json(await buyer.client.get('/api/v1/orders')).items).toHaveLength(1);
    const other = await buy(2);
    expect(other.statusCode).toBe(422);
    expect(json(other).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(json(await t.app.inject({ method: 'GET', url: `/api/v1/flash-sales/${sale.id}` })).remaining).toBe(4);
  });

  it('cancels orders not paid in time and offers their units again', async () => {
    const { seller, live, sku } = await sellerWithLive(t);
    const sale = await createFlashSale(seller.client, { liveId: live.id, skuId: sku.id, priceFen: 500, quantity: 1, perBuyerLimit: 1, durationSeconds: 1200 });
    await seller.client.post(`/api/v1/seller/flash-sales/${sale.id}/start`);
    const first = await buyerWithAddress(t);
    const second = await buyerWithAddress(t);
    const bought = await first.client.post(`/api/v1/flash-sales/${sale.id}/orders`, { quantity: 1, addressId: first.addressId });
    expect(bought.statusCode).toBe(201);
    const late = await second.client.post(`/api/v1/flash-sales/${sale.id}/orders`, { quantity: 1, addressId: second.addressId });
    expect(json(late).error.code).toBe('FLASH_SALE_SOLD_OUT');

    clock.advance(16 * 60_000);
    await vi.waitFor(async () => {
      const order = json(await first.client.get(`/api/v1/orders/${json(bought).orderId}`));
      expect(order.status).toBe('cancelled');
      expect(order.history.at(-1)).toMatchObject({ from: 'created', to: 'cancelled', by: 'system' });
    }, { timeout: 10_000, interval: 200 });
    // The unit goes back to the gate just after the order is cancelled.
    await vi.waitFor(async () => {
      const now = await second.client.post(`/api/v1/flash-sales/${sale.id}/orders`, { quantity: 1, addressId: second.addressId });
      expect(now.statusCode).toBe(201);
    }, { timeout: 5_000, interval: 300 });
  });

  it('checks who may set up, start and buy', async () => {
    const { seller, live, sku } = await sellerWithLive(t);
    const other = await sellerWithLive(t);
    const body = { liveId: live.id, skuId: sku.id, priceFen: 500, quantity: 5, perBuyerLimit: 1, durationSeconds: 60 };
    const foreign = await other.seller.client.post('/api/v1/seller/flash-sales', body);
    expect(foreign.statusCode).toBe(404);
    const notInLive = await seller.client.post('/api/v1/seller/flash-sales', { ...body, skuId: other.sku.id });
    expect(json(notInLive).error.code).toBe('FLASH_SALE_SKU_NOT_IN_LIVE');
    const tooShort = await seller.client.post('/api/v1/seller/flash-sales', { ...body, durationSeconds: 5 });
    expect(tooShort.statusCode).toBe(400);
    const tooMany = await seller.client.post('/api/v1/seller/flash-sales', { ...body, quantity: 100_000 });
    expect(json(tooMany).error.code).toBe('FLASH_SALE_NOT_ENOUGH_STOCK');

    const sale = await createFlashSale(seller.client, body);
    expect((await other.seller.client.post(`/api/v1/seller/flash-sales/${sale.id}/start`)).statusCode).toBe(403);
    const viewer = await registerUser(t.app);
    expect((await viewer.client.post(`/api/v1/seller/flash-sales/${sale.id}/start`)).statusCode).toBe(403);
    await seller.client.post(`/api/v1/seller/flash-sales/${sale.id}/start`);
    const guest = await new TestClient(t.app).post(`/api/v1/flash-sales/${sale.id}/orders`, { quantity: 1, addressId: 'adr_01JD0000000000000000000000' });
    expect(guest.statusCode).toBe(401);
    const noAddress = await viewer.client.post(`/api/v1/flash-sales/${sale.id}/orders`, { quantity: 1, addressId: 'adr_01JD0000000000000000000000' });
    expect(json(noAddress).error.code).toBe('ADDRESS_NOT_FOUND');
    expect(json(await t.app.inject({ method: 'GET', url: `/api/v1/flash-sales/${sale.id}` })).remaining).toBe(5);
    const overLimit = await (await buyerWithAddress(t)).client.post(`/api/v1/flash-sales/${sale.id}/orders`, { quantity: 2, addressId: 'adr_01JD0000000000000000000000' });
    expect(json(overLimit).error.code).toBe('FLASH_SALE_LIMIT');
  });

  it('lets a buyer see and cancel only their own orders, and a seller move only theirs', async () => {
    const { seller, live, sku } = await sellerWithLive(t);
    const other = await sellerWithLive(t);
    const sale = await createFlashSale(seller.client, { liveId: live.id, skuId: sku.id, priceFen: 500, quantity: 5, perBuyerLimit: 1, durationSeconds: 60 });
    await seller.client.post(`/api/v1/seller/flash-sales/${sale.id}/start`);
    const buyer = await buyerWithAddress(t);
    const stranger = await buyerWithAddress(t);
    const orderId = json(await buyer.client.post(`/api/v1/flash-sales/${sale.id}/orders`, { quantity: 1, addressId: buyer.addressId })).orderId;
    expect((await stranger.client.get(`/api/v1/orders/${orderId}`)).statusCode).toBe(404);
    expect((await stranger.client.post(`/api/v1/orders/${orderId}/cancel`)).statusCode).toBe(404);
    expect((await other.seller.client.post(`/api/v1/seller/orders/${orderId}/actions`, { action: 'ship' })).statusCode).toBe(404);
    const shipUnpaid = await seller.client.post(`/api/v1/seller/orders/${orderId}/actions`, { action: 'ship' });
    expect(shipUnpaid.statusCode).toBe(409);
    expect(json(shipUnpaid).error.code).toBe('ORDER_STATUS_CONFLICT');
    expect(json(await seller.client.get('/api/v1/seller/orders')).items.map((o: { id: string }) => o.id)).toContain(orderId);
    const cancelled = await buyer.client.post(`/api/v1/orders/${orderId}/cancel`);
    expect(json(cancelled).status).toBe('cancelled');
    expect((await buyer.client.post(`/api/v1/orders/${orderId}/cancel`)).statusCode).toBe(409);
    expect(json(await t.app.inject({ method: 'GET', url: `/api/v1/flash-sales/${sale.id}` })).remaining).toBe(5);
  });
});
