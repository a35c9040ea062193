import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { createTestApp, json, registerUser, TestClient, type TestApp } from './helpers/app';

// Two nodes on one database: with REDIS_URL they also share rate limits and events, as a county deployment does.
let nodeA: TestApp;
let nodeB: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  nodeA = await createTestApp();
  nodeB = await buildApp(nodeA.config, { database: nodeA.database });
});
afterAll(async () => {
  await nodeB.close();
  await nodeA.close();
});

describe('several nodes', () => {
  it('accepts a session created on one node on the other', async () => {
    const { client } = await registerUser(nodeA.app);
    const onB = new TestClient(nodeB);
    onB.cookie = client.cookie;
    expect((await onB.get('/api/v1/me')).statusCode).toBe(200);
    await client.post('/api/v1/auth/logout');
    expect((await onB.get('/api/v1/me')).statusCode).toBe(401);
  });

  it.runIf(process.env.REDIS_URL)('counts failed logins across nodes when Redis is configured', async () => {
    const { phone, password } = await registerUser(nodeA.app);
    for (let i = 0; i < 5; i++) {
      const node = i % 2 === 0 ? nodeA.app : nodeB;
      expect((await new TestClient(node).post('/api/v1/auth/login', { phone, password: `guess-${i}x` })).statusCode).toBe(401);
    }
    const res = await new TestClient(nodeB).post('/api/v1/auth/login', { phone, password });
    expect(res.statusCode).toBe(429);
    expect(json(res).error.code).toBe('LOGIN_RATE_LIMITED');
  });
});
