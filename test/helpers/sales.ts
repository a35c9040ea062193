import type { FlashSaleBody } from '../../src/contracts/sales';
import { createAdmin, createVerifiedSeller, json, registerUser, type TestApp, type TestClient } from './app';
import { listProduct } from './catalog';
import { liveBody } from './live';

/** A buyer with a delivery address, as the flash-sale button needs. */
export async function buyerWithAddress(t: TestApp, province = '湖南省') {
  const buyer = await registerUser(t.app, '抢购的买家');
  const res = await buyer.client.post('/api/v1/me/addresses', {
    receiverName: '刘芳',
    receiverPhone: '13812345678',
    province,
    city: '长沙市',
    county: '岳麓区',
    township: '麓谷街道',
    detail: '枫林三路 12 号',
  });
  if (res.statusCode !== 201) throw new Error(`address failed: ${res.statusCode} ${res.body}`);
  return { ...buyer, addressId: json(res).id as string };
}

/** A verified seller with a product on sale and a scheduled live selling it. */
export async function sellerWithLive(t: TestApp) {
  const seller = await createVerifiedSeller(t, await createAdmin(t));
  const product = await listProduct(seller.client);
  const scheduled = await seller.client.post('/api/v1/seller/lives', liveBody({ productIds: [product.id] }));
  if (scheduled.statusCode !== 201) throw new Error(`schedule failed: ${scheduled.statusCode} ${scheduled.body}`);
  const live = json(scheduled) as { id: string; roomId: string };
  return { seller, product, live, sku: product.skus[0]! };
}

export async function createFlashSale(client: TestClient, body: FlashSaleBody) {
  const res = await client.post('/api/v1/seller/flash-sales', body);
  if (res.statusCode !== 201) throw new Error(`flash sale failed: ${res.statusCode} ${res.body}`);
  return json(res) as { id: string; remaining: number; status: string };
}
