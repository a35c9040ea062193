import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, grantRole, idNumber, json, nextPhone, registerUser, TestClient, type TestApp } from '../../../../test/helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('accounts: the happy path', () => {
  it('registers a buyer, keeps them logged in, and logs them out', async () => {
    const client = new TestClient(t.app);
    const phone = nextPhone();
    const reg = await client.post('/api/v1/auth/register', { phone, password: 'chayuan2026', displayName: '茶园小王' });
    expect(reg.statusCode).toBe(201);
    expect(json(reg)).toMatchObject({ phone, displayName: '茶园小王', roles: ['buyer'], locale: 'zh-CN', verifications: [] });
    expect(json(reg)).not.toHaveProperty('passwordHash');

    const me = await client.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(json(me).id).toBe(json(reg).id);
    expect(json(await client.get('/api/v1/auth/session')).user.id).toBe(json(reg).id);

    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
    // A guest is an answer, not an error: pages ask without a 401 in the browser console.
    const guest = await client.get('/api/v1/auth/session');
    expect(guest.statusCode).toBe(200);
    expect(json(guest)).toEqual({ user: null });

    const again = new TestClient(t.app);
    const login = await again.post('/api/v1/auth/login', { phone, password: 'chayuan2026' });
    expect(login.statusCode).toBe(200);
    expect((await again.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('lets a user change their name and language', async () => {
    const { client } = await registerUser(t.app);
    const res = await client.patch('/api/v1/me', { displayName: 'Tea Lover', locale: 'en' });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ displayName: 'Tea Lover', locale: 'en' });
  });

  it('turns a farmer into a verified seller once an admin approves the real-name application', async () => {
    const farmer = await registerUser(t.app, '程大姐');
    const admin = await registerUser(t.app, '管理员');
    await grantRole(t.database, admin.user.id, 'admin');

    const applied = await farmer.client.post('/api/v1/me/verifications', {
      role: 'seller',
      organizationName: '云雾岭茶园',
      legalName: '程大姐',
      idNumber: idNumber(),
      businessLicenceNo: '92411502MA9F3K7L2X',
    });
    expect(applied.statusCode).toBe(201);
    expect(json(applied)).toMatchObject({ status: 'pending', idNumberLast4: idNumber().slice(-4), role: 'seller' });

    const queue = await admin.client.get('/api/v1/admin/verifications?status=pending');
    expect(queue.statusCode).toBe(200);
    expect(json(queue).items.map((v: { id: string }) => v.id)).toContain(json(applied).id);

    const reviewed = await admin.client.post(`/api/v1/admin/verifications/${json(applied).id}/review`, { decision: 'approve' });
    expect(reviewed.statusCode).toBe(200);
    expect(json(reviewed).status).toBe('approved');

    const me = json(await farmer.client.get('/api/v1/me'));
    expect(me.roles).toEqual(['buyer', 'seller']);
    const profile = await farmer.client.get('/api/v1/seller/profile');
    expect(profile.statusCode).toBe(200);
    expect(json(profile).organizationName).toBe('云雾岭茶园');
  });

  it('records the reason when an admin rejects, and the applicant can apply again', async () => {
    const farmer = await registerUser(t.app);
    const admin = await registerUser(t.app);
    await grantRole(t.database, admin.user.id, 'admin');
    const body = { role: 'coop', organizationName: '栀香湾合作社', legalName: '罗秀英', idNumber: idNumber('43062119720908562') };
    const first = json(await farmer.client.post('/api/v1/me/verifications', body));
    const rejected = await admin.client.post(`/api/v1/admin/verifications/${first.id}/review`, {
      decision: 'reject',
      reason: '营业执照照片不清晰',
    });
    expect(json(rejected)).toMatchObject({ status: 'rejected', reason: '营业执照照片不清晰' });
    const me = json(await farmer.client.get('/api/v1/me'));
    expect(me.roles).toEqual(['buyer']);
    expect(me.verifications[0]).toMatchObject({ status: 'rejected', reason: '营业执照照片不清晰' });
    expect((await farmer.client.post('/api/v1/me/verifications', body)).statusCode).toBe(201);
  });

  it('pages through the verification queue newest first', async () => {
    const admin = await registerUser(t.app);
    await grantRole(t.database, admin.user.id, 'admin');
    for (let i = 0; i < 3; i++) {
      const u = await registerUser(t.app);
      await u.client.post('/api/v1/me/verifications', { role: 'mcn', organizationName: `机构${i}号`, legalName: '林晓峰', idNumber: idNumber() });
    }
    const first = json(await admin.client.get('/api/v1/admin/verifications?status=pending&limit=2'));
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = json(await admin.client.get(`/api/v1/admin/verifications?status=pending&limit=2&cursor=${first.nextCursor}`));
    const ids = [...first.items, ...second.items].map((v: { id: string }) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort().reverse()).toEqual(ids);
  });

  it('keeps an address book down to the village with exactly one default', async () => {
    const { client } = await registerUser(t.app);
    const home = {
      receiverName: '陈建华',
      receiverPhone: '13900000103',
      province: '四川省',
      city: '成都市',
      county: '郫都区',
      township: '唐昌街道',
      village: '战旗村',
      detail: '3 组 17 号',
    };
    const a = await client.post('/api/v1/me/addresses', home);
    expect(a.statusCode).toBe(201);
    expect(json(a)).toMatchObject({ ...home, isDefault: true });
    const b = json(await client.post('/api/v1/me/addresses', { ...home, village: '', detail: '镇上快递站', isDefault: true }));
    expect(b.village).toBeNull();
    const list = json(await client.get('/api/v1/me/addresses')).items as Array<{ id: string; isDefault: boolean }>;
    expect(list.filter((x) => x.isDefault).map((x) => x.id)).toEqual([b.id]);

    const edited = await client.patch(`/api/v1/me/addresses/${json(a).id}`, { detail: '3 组 18 号', isDefault: true });
    expect(json(edited)).toMatchObject({ detail: '3 组 18 号', isDefault: true });
    expect((await client.delete(`/api/v1/me/addresses/${b.id}`)).statusCode).toBe(200);
    expect(json(await client.get('/api/v1/me/addresses')).items).toHaveLength(1);
  });
});
