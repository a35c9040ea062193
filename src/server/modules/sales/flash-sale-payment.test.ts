import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app';
import { pay, pressOnPage } from '../../../../test/helpers/payments';
import { listen, RoomSocket } from '../../../../test/helpers/room';
import { buyerWithAddress, createFlashSale, sellerWithLive } from '../../../../test/helpers/sales';

// The whole buying loop in a room: tap, pay in the sandbox, the order turns paid, the room hears of it.
let t: TestApp;
let site: string;
beforeAll(async () => {
  t = await createTestApp();
  site = await listen(t.app);
});
afterAll(() => t.close());

describe('buying in a live room', () => {
  it('pays a flash-sale order through the sandbox provider and tells the room a buyer from the province bought', async () => {
    const { seller, live, sku } = await sellerWithLive(t);
    const sale = await createFlashSale(seller.client, { liveId: live.id, skuId: sku.id, priceFen: 1990, quantity: 5, perBuyerLimit: 2, durationSeconds: 300 });
    await seller.client.post(`/api/v1/seller/flash-sales/${sale.id}/start`);
    const viewer = await RoomSocket.open(site, live.roomId);
    const buyer = await buyerWithAddress(t, '云南省');
    const bought = json(await buyer.client.post(`/api/v1/flash-sales/${sale.id}/orders`, { quantity: 2, addressId: buyer.addressId }));

    const payment = json(await pay(buyer.client, [bought.orderId]));
    expect(payment).toMatchObject({ status: 'pending', amountFen: 3980 });
    await pressOnPage(t, payment.payUrl, 'pay');
    await vi.waitFor(async () => expect(json(await buyer.client.get(`/api/v1/orders/${bought.orderId}`)).status).toBe('paid'), { timeout: 10_000, interval: 200 });
    const order = json(await buyer.client.get(`/api/v1/orders/${bought.orderId}`));
    expect(order.history.map((h: { to: string; by: string }) => [h.to, h.by])).toEqual([
      ['created', 'buyer'],
      ['paid', 'payment'],
    ]);
    await viewer.until(() => viewer.eventsOf('order').length > 0);
    expect(viewer.eventsOf('order')[0]!.data).toEqual({ province: '云南省', quantity: 2, productTitle: expect.any(String) });
    expect(JSON.stringify(viewer.eventsOf('order'))).not.toContain(buyer.user.id);
    await viewer.close();
  });

  it('refuses to pay an order that is not the buyer’s or no longer awaiting payment', async () => {
    const { seller, live, sku } = await sellerWithLive(t);
    const sale = await createFlashSale(seller.client, { liveId: live.id, skuId: sku.id, priceFen: 1990, quantity: 5, perBuyerLimit: 2, durationSeconds: 300 });
    await seller.client.post(`/api/v1/seller/flash-sales/${sale.id}/start`);
    const buyer = await buyerWithAddress(t);
    const other = await buyerWithAddress(t);
    const bought = json(await buyer.client.post(`/api/v1/flash-sales/${sale.id}/orders`, { quantity: 1, addressId: buyer.addressId }));
    expect((await pay(other.client, [bought.orderId])).statusCode).toBe(404);
    await buyer.client.post(`/api/v1/orders/${bought.orderId}/cancel`);
    const late = await pay(buyer.client, [bought.orderId]);
    expect(late.statusCode).toBe(409);
    expect(json(late).error.code).toBe('ORDER_NOT_PAYABLE');
  });
});
