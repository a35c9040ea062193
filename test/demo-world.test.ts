import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoShops } from '../src/server/demo/demo-catalog';
import { demoPassword, demoPeople } from '../src/server/demo/demo-world';
import { createTestApp, json, TestClient, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { DEMO: 'true' } });
});
afterAll(() => t.close());

describe('demo world', () => {
  it('lets every demo person log in with the published password and the roles they were given', async () => {
    const listed = json(await new TestClient(t.app).get('/api/v1/demo/accounts')).items as Array<{ phone: string; roles: string[] }>;
    expect(listed).toHaveLength(demoPeople.length);
    for (const person of listed) {
      const client = new TestClient(t.app);
      const res = await client.post('/api/v1/auth/login', { phone: person.phone, password: demoPassword });
      expect(res.statusCode, person.phone).toBe(200);
      expect([...json(res).roles].sort()).toEqual([...person.roles].sort());
    }
  });

  it('has a verified Xinyang tea seller, a Yueyang co-op, a Qingxin MCN and a shop waiting for review', async () => {
    const admin = new TestClient(t.app);
    await admin.post('/api/v1/auth/login', { phone: '13900000001', password: demoPassword });
    const approved = json(await admin.get('/api/v1/admin/verifications?status=approved&limit=100')).items;
    const names = approved.map((v: { organizationName: string }) => v.organizationName);
    expect(names).toEqual(expect.arrayContaining(['雨桐茶园', '岳阳县栀香湾栀子花茶专业合作社', '清远市清新区田野传媒有限公司']));
    const pending = json(await admin.get('/api/v1/admin/verifications?status=pending')).items;
    expect(pending.map((v: { organizationName: string }) => v.organizationName)).toContain('建国猕猴桃');
  });

  it('sells tea, gardenia and Qingxin produce that buyers find by Chinese keywords', async () => {
    const buyer = new TestClient(t.app);
    const titles = async (q: string) =>
      json(await buyer.get(`/api/v1/products?q=${encodeURIComponent(q)}`)).items.map((p: { title: string }) => p.title) as string[];
    expect(await titles('毛尖')).toEqual(expect.arrayContaining(['信阳毛尖 地理标志产品 明前特级', '雨前信阳毛尖 一级 口粮茶']));
    expect(await titles('栀子')).toEqual(expect.arrayContaining(['绿色食品 栀子花茶 合作社统一品牌', '农家晒干栀子果 黄栀子']));
    expect((await titles('信阳')).length).toBeGreaterThanOrEqual(3);
    expect(await titles('砂糖桔')).toEqual(['清新砂糖桔 现摘现发']);
  });

  it('has a lot for every demo product, and every lot has a public trace page and QR code', async () => {
    const anonymous = new TestClient(t.app);
    const products = json(await anonymous.get('/api/v1/products?limit=50')).items as Array<{ id: string; title: string }>;
    expect(products).toHaveLength(demoShops.flatMap((shop) => shop.products).length);
    for (const product of products) {
      const lots = json(await anonymous.get(`/api/v1/products/${product.id}/lots`)).items as Array<{ code: string }>;
      expect(lots, product.title).toHaveLength(1);
      const page = await anonymous.get(`/trace/${lots[0]!.code}`);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toContain(lots[0]!.code);
      expect(page.body).toContain(product.title.split(' ')[0]);
      const trace = json(await anonymous.get(`/api/v1/trace/${lots[0]!.code}`));
      expect(trace.events.length).toBeGreaterThanOrEqual(2);
      expect((await anonymous.get(`/api/v1/trace/${lots[0]!.code}/qr.svg`)).body).toContain('<svg');
    }
  });

  it('has two farms on air, published over real RTMP by the demo broadcaster', async () => {
    const anonymous = new TestClient(t.app);
    await vi.waitFor(
      async () => {
        const live = json(await anonymous.get('/api/v1/lives?status=live')).items as Array<{ sellerName: string; products: unknown[] }>;
        expect(live.map((l) => l.sellerName).sort()).toEqual(['阿妹的果园', '雨桐茶园']);
        expect(live.every((l) => l.products.length > 0)).toBe(true);
      },
      { timeout: 15_000, interval: 200 },
    );
  });

  it('is seeded only once', async () => {
    const { buildApp } = await import('../src/server/app');
    const again = await buildApp(t.config, { database: t.database });
    await again.close();
    const admin = new TestClient(t.app);
    await admin.post('/api/v1/auth/login', { phone: '13900000001', password: demoPassword });
    const all = json(await admin.get('/api/v1/admin/verifications?limit=100')).items;
    expect(all.filter((v: { organizationName: string }) => v.organizationName === '雨桐茶园')).toHaveLength(1);
    const products = json(await admin.get('/api/v1/products?limit=50')).items;
    expect(products).toHaveLength(demoShops.flatMap((shop) => shop.products).length);
  });
});
