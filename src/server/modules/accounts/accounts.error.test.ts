import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from './accounts.tables';
import { eq } from 'drizzle-orm';
import { createTestApp, grantRole, idNumber, json, nextPhone, registerUser, TestClient, type TestApp } from '../../../../test/helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const register = (client: TestClient, body: unknown, headers?: Record<string, string>) =>
  client.post('/api/v1/auth/register', body, headers);

describe('accounts: bad input gets a clear 4xx and writes nothing', () => {
  it('refuses a wrong password without saying whether the number exists', async () => {
    const { phone } = await registerUser(t.app);
    const client = new TestClient(t.app);
    const wrong = await client.post('/api/v1/auth/login', { phone, password: 'not-the-password1' });
    const unknown = await client.post('/api/v1/auth/login', { phone: nextPhone(), password: 'not-the-password1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(json(wrong).error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '手机号或密码错误' });
    expect(json(unknown).error.code).toBe('INVALID_CREDENTIALS');
    expect(client.cookie).toBeUndefined();
  });

  it('refuses a duplicate mobile number with 409 PHONE_TAKEN', async () => {
    const { phone } = await registerUser(t.app);
    const res = await register(new TestClient(t.app), { phone, password: 'another2026', displayName: '冒名' });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.code).toBe('PHONE_TAKEN');
  });

  it('answers malformed JSON with MALFORMED_JSON, never a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"phone": "13700000000", "password": ',
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('MALFORMED_JSON');
    expect(res.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('refuses unknown fields and names them', async () => {
    const res = await register(new TestClient(t.app), {
      phone: nextPhone(),
      password: 'chayuan2026',
      displayName: '小王',
      roles: ['admin'],
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('VALIDATION_FAILED');
    expect(json(res).error.fields).toContainEqual({ path: '/roles', message: '不允许的字段' });
  });

  it('names every invalid field, in English when asked', async () => {
    const res = await register(new TestClient(t.app), { phone: '12345', password: 'short' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(res.statusCode).toBe(400);
    const { error } = json(res);
    expect(error.message).toBe('The request is invalid');
    const paths = error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['/phone', '/password', '/displayName']));
    expect(error.fields.find((f: { path: string }) => f.path === '/password').message).toMatch(/must NOT have fewer than 8 characters/);

    const zh = json(await register(new TestClient(t.app), { phone: nextPhone(), password: 'short', displayName: '小王' }));
    expect(zh.error.message).toBe('请求内容不符合要求');
    expect(zh.error.fields).toEqual([{ path: '/password', message: '不应少于 8 个字符' }]);
  });

  it('answers an oversized body with 413', async () => {
    const res = await register(new TestClient(t.app), { phone: nextPhone(), password: 'chayuan2026', displayName: 'x'.repeat(300_000) });
    expect(res.statusCode).toBe(413);
    expect(json(res).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a password without letters and digits', async () => {
    const phone = nextPhone();
    const res = await register(new TestClient(t.app), { phone, password: '12345678', displayName: '小王' });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('WEAK_PASSWORD');
    expect(await t.database.db.select().from(users).where(eq(users.phone, phone))).toHaveLength(0);
  });

  it('stores SQL-injection-shaped input verbatim', async () => {
    const name = "Robert'); DROP TABLE users;--";
    const { client } = await registerUser(t.app, name);
    expect(json(await client.get('/api/v1/me')).displayName).toBe(name);
    const login = await new TestClient(t.app).post('/api/v1/auth/login', { phone: "13700000000' OR '1'='1", password: "' OR 1=1 --" });
    expect(login.statusCode).toBe(400);
    expect((await t.database.db.select().from(users)).length).toBeGreaterThan(0);
  });

  it('limits login attempts per number, then tells the person when to retry', async () => {
    const { phone, password } = await registerUser(t.app);
    const client = new TestClient(t.app);
    for (let i = 0; i < 5; i++) {
      expect((await client.post('/api/v1/auth/login', { phone, password: `wrong-guess${i}` })).statusCode).toBe(401);
    }
    const blocked = await client.post('/api/v1/auth/login', { phone, password }, { 'accept-language': 'en' });
    expect(blocked.statusCode).toBe(429);
    expect(json(blocked).error.code).toBe('LOGIN_RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(json(blocked).error.message).toMatch(/try again in \d+ seconds/);
  });

  it('limits login attempts per client address across many numbers', async () => {
    const strict = await createTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '10' } });
    try {
      const attempt = (remoteAddress: string) =>
        strict.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress,
          payload: { phone: nextPhone(), password: 'whatever1' },
        });
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await attempt('203.0.113.9')).statusCode);
      expect(codes.slice(0, 9).every((c) => c === 401)).toBe(true);
      expect(codes.slice(-2)).toEqual([429, 429]);
      expect((await attempt('198.51.100.7')).statusCode).toBe(401);
    } finally {
      await strict.close();
    }
  });

  it('refuses an invalid ID number and writes no application', async () => {
    const { client } = await registerUser(t.app);
    const bad = idNumber().slice(0, 17) + (idNumber().endsWith('0') ? '1' : '0');
    const res = await client.post('/api/v1/me/verifications', { role: 'seller', organizationName: '小店', legalName: '张三', idNumber: bad });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'INVALID_ID_NUMBER', fields: [{ path: '/idNumber' }] });
    expect(json(await client.get('/api/v1/me')).verifications).toHaveLength(0);
  });

  it('refuses a second pending application and a second review', async () => {
    const farmer = await registerUser(t.app);
    const admin = await registerUser(t.app);
    await grantRole(t.database, admin.user.id, 'admin');
    const body = { role: 'seller', organizationName: '阿妹的果园', legalName: '黄阿妹', idNumber: idNumber('44180319950203382') };
    const first = json(await farmer.client.post('/api/v1/me/verifications', body));
    const second = await farmer.client.post('/api/v1/me/verifications', body);
    expect(second.statusCode).toBe(409);
    expect(json(second).error.code).toBe('VERIFICATION_PENDING');

    const noReason = await admin.client.post(`/api/v1/admin/verifications/${first.id}/review`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    await admin.client.post(`/api/v1/admin/verifications/${first.id}/review`, { decision: 'approve' });
    const again = await admin.client.post(`/api/v1/admin/verifications/${first.id}/review`, { decision: 'reject', reason: '重复审核' });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('VERIFICATION_NOT_PENDING');
    expect(json(await farmer.client.get('/api/v1/me')).roles).toContain('seller');

    const reapply = await farmer.client.post('/api/v1/me/verifications', body);
    expect(json(reapply).error.code).toBe('ALREADY_VERIFIED');
  });

  it('answers unknown API routes and ids with 404 JSON', async () => {
    const admin = await registerUser(t.app);
    await grantRole(t.database, admin.user.id, 'admin');
    const route = await admin.client.get('/api/v1/no-such-thing');
    expect(route.statusCode).toBe(404);
    expect(json(route).error.code).toBe('NOT_FOUND');
    const id = await admin.client.post('/api/v1/admin/verifications/ver_01JD0000000000000000000000/review', { decision: 'approve' });
    expect(id.statusCode).toBe(404);
    const badId = await admin.client.post('/api/v1/admin/verifications/nonsense/review', { decision: 'approve' });
    expect(badId.statusCode).toBe(400);
  });
});
