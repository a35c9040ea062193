import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../infra/clock';
import { createAdmin, createTestApp, createVerifiedSeller, json, TestClient, type TestApp } from '../../../../test/helpers/app';
import { listProduct, productBody, uploadProductImage } from '../../../../test/helpers/catalog';

const clock = new FakeClock(new Date('2026-04-01T02:00:00Z'));
let t: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let seller: Awaited<ReturnType<typeof createVerifiedSeller>>;
let anonymous: TestClient;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_TTL_DAYS: '365' } });
  admin = await createAdmin(t);
  seller = await createVerifiedSeller(t, admin, '云雾岭茶园');
  anonymous = new TestClient(t.app);
});
afterAll(() => t.close());

const search = async (query: string) => json(await anonymous.get(`/api/v1/products?${query}`));
const titles = (result: Record<string, any>) => result.items.map((p: { title: string }) => p.title);

describe('a listing', () => {
  it('starts as a draft only its seller sees, and goes on sale with its SKUs and origin', async () => {
    const imageId = await uploadProductImage(seller.client);
    const created = await seller.client.post('/api/v1/seller/products', productBody({ imageIds: [imageId] }));
    expect(created.statusCode).toBe(201);
    const draft = json(created);
    expect(draft).toMatchObject({ status: 'draft', sellerName: '云雾岭茶园', minPriceFen: 16800, publishedAt: null });
    expect(draft.skus.map((s: { name: string }) => s.name)).toEqual(['250g 罐装', '500g 礼盒']);
    expect(draft.images).toEqual([{ id: imageId, url: `/api/v1/files/${imageId}` }]);
    expect((await anonymous.get(`/api/v1/products/${draft.id}`)).statusCode).toBe(404);

    const published = json(await seller.client.post(`/api/v1/seller/products/${draft.id}/publish`));
    expect(published.status).toBe('on_sale');
    const page = json(await anonymous.get(`/api/v1/products/${draft.id}`));
    expect(page).toMatchObject({
      title: '明前信阳毛尖 2026 新茶',
      sellerName: '云雾岭茶园',
      origin: { province: '河南省', county: '浉河区', village: '云雾岭村' },
      perishable: false,
      certificates: [],
    });
    expect(page.skus).toHaveLength(2);

    await seller.client.post(`/api/v1/seller/products/${draft.id}/unpublish`);
    expect((await anonymous.get(`/api/v1/products/${draft.id}`)).statusCode).toBe(404);
    expect(json(await seller.client.get('/api/v1/seller/products?status=off_sale')).items.map((p: { id: string }) => p.id)).toContain(draft.id);
  });

  it('keeps edited SKUs, retires removed ones and reprices the listing', async () => {
    const product = await listProduct(seller.client, { title: '高山云雾绿茶' });
    const [small] = product.skus;
    const res = await seller.client.request('PUT', `/api/v1/seller/products/${product.id}`, {
      ...productBody({ title: '高山云雾绿茶', imageIds: product.images.map((i: { id: string }) => i.id) }),
      skus: [
        { id: small!.id, name: '250g 罐装', priceFen: 9900, stock: 80 },
        { name: '100g 尝鲜装', priceFen: 3900, stock: 300 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const edited = json(res);
    expect(edited.skus.map((s: { id: string; name: string; priceFen: number }) => [s.name, s.priceFen])).toEqual([
      ['250g 罐装', 9900],
      ['100g 尝鲜装', 3900],
    ]);
    expect(edited.skus[0].id).toBe(small!.id);
    expect(edited.minPriceFen).toBe(3900);
    expect(edited.status).toBe('on_sale');
  });
});

describe('search', () => {
  beforeAll(async () => {
    const gardenia = await createVerifiedSeller(t, admin, '栀香湾合作社');
    await listProduct(gardenia.client, {
      title: '野生栀子花茶 罐装',
      category: 'flower_tea',
      origin: { province: '湖北省', city: '十堰市', county: '房县', village: '栀香湾村' },
      skus: [{ name: '50g', priceFen: 4500, stock: 200 }],
    });
    await listProduct(gardenia.client, {
      title: '房县香菇 干货',
      category: 'mushrooms',
      origin: { province: '湖北省', city: '十堰市', county: '房县', village: '栀香湾村' },
      skus: [{ name: '500g', priceFen: 5800, stock: 90 }],
    });
    await listProduct(seller.client, { title: '信阳毛尖 特级', skus: [{ name: '250g', priceFen: 25800, stock: 10 }] });
  });

  it('finds products by two-character Chinese keywords, origin names and traditional characters', async () => {
    expect(titles(await search('q=毛尖'))).toContain('信阳毛尖 特级');
    expect(titles(await search('q=栀子'))).toEqual(['野生栀子花茶 罐装']);
    expect(titles(await search('q=信阳')).length).toBeGreaterThanOrEqual(2);
    expect(titles(await search(`q=${encodeURIComponent('信陽毛尖')}`))).toContain('信阳毛尖 特级');
    expect(titles(await search('q=房县 香菇'))).toEqual(['房县香菇 干货']);
    expect(titles(await search('q=榴莲'))).toEqual([]);
  });

  it('ranks title hits first and sorts by price', async () => {
    const ranked = titles(await search('q=毛尖'));
    expect(ranked[0]).toMatch(/毛尖/);
    const cheap = (await search('category=tea&sort=price_asc')).items.map((p: { minPriceFen: number }) => p.minPriceFen);
    expect(cheap).toEqual([...cheap].sort((a, b) => a - b));
    const dear = (await search('sort=price_desc')).items.map((p: { minPriceFen: number }) => p.minPriceFen);
    expect(dear).toEqual([...dear].sort((a, b) => b - a));
  });

  it('filters by category and origin, and counts both for the browse page', async () => {
    expect(titles(await search(`county=${encodeURIComponent('房县')}&category=mushrooms`))).toEqual(['房县香菇 干货']);
    const facets = json(await anonymous.get('/api/v1/products/facets'));
    expect(facets.categories).toContainEqual({ category: 'flower_tea', count: 1 });
    expect(facets.origins).toContainEqual({ province: '湖北省', county: '房县', count: 2 });
  });

  it('pages through results', async () => {
    const first = await search('limit=2&sort=newest');
    expect(first.items).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const second = await search('limit=2&sort=newest&page=2');
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });
});

describe('certified claims', () => {
  it('pass with a linked approved certificate and leave the buyer pages when it expires', async () => {
    const farm = await createVerifiedSeller(t, admin, '青信有机茶场');
    const cert = json(
      await farm.client.post('/api/v1/seller/certificates', {
        kind: 'organic',
        number: 'OC-2026-00871',
        issuer: '中绿华夏有机产品认证中心',
        validFrom: '2026-01-01',
        validUntil: '2026-04-30',
      }),
    );
    const withoutLink = await farm.client.post('/api/v1/seller/products', productBody({ title: '有机信阳毛尖' }));
    expect(json(withoutLink).error.code).toBe('CLAIM_NOT_CERTIFIED');
    await admin.client.post(`/api/v1/admin/certificates/${cert.id}/review`, { decision: 'approve' });
    // The seller's live check judges as saving will: only the certificates linked to the listing count.
    const check = async (certificateIds: string[]) =>
      json(await farm.client.post('/api/v1/claims/check', { text: '有机信阳毛尖', certificateIds })).violations;
    expect(await check([])).toHaveLength(1);
    expect(await check([cert.id])).toEqual([]);

    const product = await listProduct(farm.client, { title: '有机信阳毛尖', description: '有机茶园出品', certificateIds: [cert.id] });
    const before = json(await anonymous.get(`/api/v1/products/${product.id}`));
    expect(before.title).toBe('有机信阳毛尖');
    expect(before.certificates).toEqual([{ id: cert.id, kind: 'organic', number: 'OC-2026-00871', issuer: '中绿华夏有机产品认证中心', validUntil: '2026-04-30' }]);
    expect((await search('q=有机')).items.find((p: { id: string }) => p.id === product.id).certificateKinds).toEqual(['organic']);

    clock.set(new Date('2026-04-30T16:00:01Z')); // one second into 1 May in Shanghai
    const after = json(await anonymous.get(`/api/v1/products/${product.id}`));
    expect(after.title).toBe('信阳毛尖');
    expect(after.description).toBe('茶园出品');
    expect(after.certificates).toEqual([]);
    expect(json(await farm.client.get(`/api/v1/seller/products/${product.id}`)).title).toBe('有机信阳毛尖');
    clock.set(new Date('2026-04-01T02:00:00Z'));
  });
});
