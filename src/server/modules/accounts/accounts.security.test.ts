import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, grantRole, idNumber, json, registerUser, TestClient, type TestApp } from '../../../../test/helpers/app';
import { FakeClock } from '../../infra/clock';
import { createAccountsService } from './accounts.service';
import { verifications } from './accounts.tables';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('accounts: who may do what', () => {
  it('answers 401 to every private route without a session', async () => {
    const anon = new TestClient(t.app);
    const calls = [
      anon.get('/api/v1/me'),
      anon.patch('/api/v1/me', { displayName: 'x' }),
      anon.post('/api/v1/me/verifications', {}),
      anon.get('/api/v1/me/addresses'),
      anon.get('/api/v1/seller/profile'),
      anon.get('/api/v1/admin/verifications'),
      anon.post('/api/v1/admin/verifications/ver_01JD0000000000000000000000/review', { decision: 'approve' }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(401);
      expect(json(res).error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('ignores a forged or expired session cookie', async () => {
    const client = new TestClient(t.app);
    client.cookie = 'tt_session=forged-token-value';
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);

    const clock = new FakeClock(new Date());
    const short = await createTestApp({ clock, env: { SESSION_TTL_DAYS: '1' } });
    try {
      const { client: user } = await registerUser(short.app);
      expect((await user.get('/api/v1/me')).statusCode).toBe(200);
      clock.advance(25 * 3600 * 1000);
      expect((await user.get('/api/v1/me')).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('refuses admin routes to buyers, sellers and regulators with 403', async () => {
    const buyer = await registerUser(t.app);
    const regulator = await registerUser(t.app);
    await grantRole(t.database, regulator.user.id, 'regulator');
    for (const who of [buyer, regulator]) {
      const list = await who.client.get('/api/v1/admin/verifications');
      expect(list.statusCode).toBe(403);
      expect(json(list).error.code).toBe('FORBIDDEN');
    }
    const applied = json(
      await buyer.client.post('/api/v1/me/verifications', { role: 'seller', organizationName: '自家果园', legalName: '张三', idNumber: idNumber() }),
    );
    const selfApprove = await buyer.client.post(`/api/v1/admin/verifications/${applied.id}/review`, { decision: 'approve' });
    expect(selfApprove.statusCode).toBe(403);
    expect(json(await buyer.client.get('/api/v1/me')).roles).toEqual(['buyer']);
  });

  it('keeps an unverified seller out of the seller console until approval', async () => {
    const farmer = await registerUser(t.app);
    await farmer.client.post('/api/v1/me/verifications', { role: 'seller', organizationName: '建国猕猴桃', legalName: '周建国', idNumber: idNumber('61032319790611251') });
    const gate = await farmer.client.get('/api/v1/seller/profile');
    expect(gate.statusCode).toBe(403);
    expect(json(gate).error.code).toBe('SELLER_NOT_VERIFIED');
    expect(json(gate).error.message).toContain('实名认证');
  });

  it("never lets one buyer read, edit or delete another buyer's address", async () => {
    const alice = await registerUser(t.app);
    const bob = await registerUser(t.app);
    const address = json(
      await alice.client.post('/api/v1/me/addresses', {
        receiverName: '王小满',
        receiverPhone: '13900000101',
        province: '上海市',
        city: '上海市',
        county: '浦东新区',
        township: '张江镇',
        detail: '碧波路 690 号',
      }),
    );
    expect(json(await bob.client.get('/api/v1/me/addresses')).items).toEqual([]);
    const edit = await bob.client.patch(`/api/v1/me/addresses/${address.id}`, { detail: '改到我家' });
    expect(edit.statusCode).toBe(403);
    expect(json(edit).error.code).toBe('NOT_OWNER');
    expect((await bob.client.delete(`/api/v1/me/addresses/${address.id}`)).statusCode).toBe(403);
    expect(json(await alice.client.get('/api/v1/me/addresses')).items[0].detail).toBe('碧波路 690 号');
  });

  it('refuses a cross-site write even with a valid session', async () => {
    const { client } = await registerUser(t.app);
    const evil = await client.request('PATCH', '/api/v1/me', { displayName: 'pwned' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(evil.statusCode).toBe(403);
    expect(json(evil).error.code).toBe('CSRF_REJECTED');
    const sameSite = await client.request('PATCH', '/api/v1/me', { displayName: '本人' }, { origin: t.config.publicUrl, 'sec-fetch-site': 'same-origin' });
    expect(sameSite.statusCode).toBe(200);
    expect(json(await client.get('/api/v1/me')).displayName).toBe('本人');
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, and stores only a hash of it', async () => {
    const client = new TestClient(t.app);
    const { phone, password } = await registerUser(t.app);
    const res = await client.post('/api/v1/auth/login', { phone, password });
    const cookie = res.cookies.find((c) => c.name === 'tt_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const { sessions } = await import('./accounts.tables');
    const rows = await t.database.db.select().from(sessions);
    expect(rows.some((r) => r.tokenHash === cookie.value)).toBe(false);
  });

  it('stores no full ID number anywhere', async () => {
    const { client } = await registerUser(t.app);
    const id = idNumber('43062119800412662');
    const res = await client.post('/api/v1/me/verifications', { role: 'seller', organizationName: '桂花姐的栀子园', legalName: '彭桂花', idNumber: id });
    expect(res.body).not.toContain(id);
    const rows = await t.database.db.select().from(verifications);
    expect(JSON.stringify(rows)).not.toContain(id);
    expect(rows.find((r) => r.id === json(res).id)?.idNumberLast4).toBe(id.slice(-4));
  });
});

describe('demo accounts', () => {
  it('are refused outside demo mode, even with the right password', async () => {
    const { loadConfig } = await import('../../config');
    const config = loadConfig({ DEMO: 'true', LOG_LEVEL: 'silent' });
    const { createMemoryBus } = await import('../../infra/bus/memory-bus');
    const { createRateLimiter } = await import('../../infra/rate-limit');
    const pino = (await import('pino')).default;
    const log = pino({ level: 'silent' });
    const demoSide = createAccountsService({
      db: t.database.db,
      clock: { now: () => new Date() },
      bus: createMemoryBus(log),
      log,
      demo: config.demo,
      sessionTtlDays: 30,
      loginLimits: {
        perPhone: createRateLimiter({ name: 'p', points: 5, durationSeconds: 60 }),
        perIp: createRateLimiter({ name: 'i', points: 50, durationSeconds: 60 }),
      },
    });
    await demoSide.createUser({ phone: '13900000999', password: 'tiantou2026', displayName: '演示', isDemo: true });
    const res = await new TestClient(t.app).post('/api/v1/auth/login', { phone: '13900000999', password: 'tiantou2026' });
    expect(res.statusCode).toBe(403);
    expect(json(res).error.code).toBe('DEMO_ACCOUNT_DISABLED');
    expect((await new TestClient(t.app).get('/api/v1/demo/accounts')).statusCode).toBe(404);
  });
});
