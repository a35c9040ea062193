import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('is seeded only once', async () => {
    const { buildApp } = await import('../src/server/app');
    const again = await buildApp(t.config, { database: t.database });
    await again.close();
    const admin = new TestClient(t.app);
    await admin.post('/api/v1/auth/login', { phone: '13900000001', password: demoPassword });
    const all = json(await admin.get('/api/v1/admin/verifications?limit=100')).items;
    expect(all.filter((v: { organizationName: string }) => v.organizationName === '雨桐茶园')).toHaveLength(1);
  });
});
