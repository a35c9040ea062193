import sharp from 'sharp';
import type { ProductBody } from '../../src/contracts/catalog';
import { json, uploadFile, type TestClient } from './app';

/** A small real JPEG, so uploads go through the same decoding a phone photo does. */
export async function photo(color = '#5a8f3c'): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: color } }).jpeg().toBuffer();
}

export async function uploadProductImage(client: TestClient): Promise<string> {
  const res = await uploadFile(client, 'product_image', await photo(), 'tea.jpg');
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return json(res).id as string;
}

export function productBody(overrides: Partial<ProductBody> = {}): ProductBody {
  return {
    title: '明前信阳毛尖 2026 新茶',
    description: '海拔六百米茶园，清明前手工采摘一芽一叶。',
    category: 'tea',
    imageIds: [],
    origin: { province: '河南省', city: '信阳市', county: '浉河区', township: '董家河镇', village: '云雾岭村', latitude: 32.05, longitude: 113.96 },
    shelfLifeDays: 540,
    storage: '密封、避光、冷藏',
    perishable: false,
    weightGrams: 400,
    certificateIds: [],
    skus: [
      { name: '250g 罐装', priceFen: 16800, stock: 120 },
      { name: '500g 礼盒', priceFen: 32800, stock: 40 },
    ],
    ...overrides,
  };
}

/** A product on sale, with a photo, listed by the given seller. */
export async function listProduct(client: TestClient, overrides: Partial<ProductBody> = {}) {
  const imageId = await uploadProductImage(client);
  const created = await client.post('/api/v1/seller/products', productBody({ imageIds: [imageId], ...overrides }));
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const published = await client.post(`/api/v1/seller/products/${json(created).id}/publish`);
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.statusCode} ${published.body}`);
  return json(published) as { id: string; skus: Array<{ id: string; name: string; priceFen: number; stock: number }> } & Record<string, any>;
}
