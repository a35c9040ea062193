import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createTestApp, idNumber, json, registerUser, TestClient, type TestApp } from '../../../../test/helpers/app';

// Nodes answer sessions from memory for a while; ending a session or granting a role must still take effect at once.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { SESSION_CACHE_SECONDS: '60' } });
});
afterAll(() => t.close());

describe('the session cache', () => {
  it('forgets a session the moment it is logged out', async () => {
    const { client } = await registerUser(t.app);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    const stolen = new TestClient(t.app);
    stolen.cookie = client.cookie;
    expect((await stolen.get('/api/v1/me')).statusCode).toBe(200);
    await client.post('/api/v1/auth/logout');
    expect((await stolen.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('applies a role granted by an admin to the very next request', async () => {
    const admin = await createAdmin(t);
    const farmer = await registerUser(t.app, '新农户');
    expect((await farmer.client.get('/api/v1/seller/room')).statusCode).toBe(403);
    const applied = await farmer.client.post('/api/v1/me/verifications', {
      role: 'seller',
      organizationName: '新农户果园',
      legalName: '王二',
      idNumber: idNumber(),
    });
    await admin.client.post(`/api/v1/admin/verifications/${json(applied).id}/review`, { decision: 'approve' });
    expect((await farmer.client.get('/api/v1/seller/room')).statusCode).toBe(200);
  });
});
